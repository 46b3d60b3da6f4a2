/**
 * The sentences of the language-model errors (codes llm-*), zh-CN and en-US. They are spread into the project's error
 * catalog in src/errors.ts, so a `CrossfootError('llm-unreachable', …)` renders like any other error.
 *
 * Every sentence names the endpoint (its display form: no credentials, no query) and never the API key; a server's
 * own message (`detail`) has been redacted by the client before it gets here.
 */

type Endpoint = { endpoint: string };
export type NotConfiguredParams = { missing: string; host?: string };
export type BadConfigParams = { reason: string; value?: string };
export type UnreachableParams = Endpoint & { reason: string; detail?: string; attempts?: string };
export type TimeoutParams = Endpoint & { seconds: string; phase?: string };
export type RateLimitedParams = Endpoint & { attempts?: string; retryAfter?: string; reason?: string };
export type AuthParams = Endpoint & { status: string; keySet?: string };
export type HttpParams = Endpoint & { status: string; reason?: string; detail?: string; model?: string; attempts?: string };
export type BadResponseParams = Endpoint & { reason: string; detail?: string };

const retriedZh = (attempts?: string) => (attempts && attempts !== '0' ? `（已重试 ${attempts} 次）` : '');
const retriedEn = (attempts?: string) =>
  attempts && attempts !== '0' ? ` (retried ${attempts} time${attempts === '1' ? '' : 's'})` : '';

const missingZh: Record<string, string> = { 'base-url': '地址', model: '模型名称', both: '地址和模型名称' };
const missingEn: Record<string, string> = { 'base-url': 'endpoint address', model: 'model name', both: 'endpoint address and model name' };

const unreachableZh: Record<string, (p: UnreachableParams) => string> = {
  refused: () => '连接被拒绝。请检查地址是否正确、服务是否已启动。',
  dns: () => '找不到该主机（域名无法解析）。请检查地址拼写和网络设置。',
  reset: () => '连接被对方中断。请确认服务运行正常，并检查地址的 http/https 和端口是否与服务一致。',
  tls: () => '安全连接（HTTPS 证书）校验失败。请检查地址是否应为 http://，或请管理员为服务配置受信任的证书。',
  'no-route': () => '网络不可达。请检查网络连接，以及本机能否访问服务所在的网络。',
  'connect-timeout': () => '建立连接超时。请检查地址、端口和防火墙设置。',
  browser: () =>
    '浏览器无法访问该地址。可能是服务未启动、地址有误，或服务没有允许加载项跨域访问（CORS）：' +
    '本机服务请开启跨域访问（如 Ollama 设置环境变量 OLLAMA_ORIGINS），或改用开发服务器提供的代理地址。',
  'mixed-content': () =>
    '加载项页面使用 HTTPS，浏览器禁止它访问未加密的 http:// 地址（本机 127.0.0.1、localhost 除外）。请为服务启用 HTTPS，或通过 HTTPS 反向代理访问。',
  interrupted: () => '回答尚未完成，连接就中断了。请稍后重试。',
  other: (p) => `网络错误${p.detail ? `（${p.detail}）` : ''}。请检查地址和网络。`,
};
const unreachableEn: Record<string, (p: UnreachableParams) => string> = {
  refused: () => 'the connection was refused. Check that the address is right and that the service is running.',
  dns: () => 'the host name cannot be resolved. Check the spelling of the address and the network settings.',
  reset: () =>
    'the connection was reset by the other side. Check that the service is healthy and that http/https and the port match the service.',
  tls: () =>
    'the secure connection (HTTPS certificate) could not be verified. Check whether the address should be http://, or ask the administrator for a trusted certificate.',
  'no-route': () => 'the network is unreachable. Check the network connection and whether this computer can reach the service.',
  'connect-timeout': () => 'connecting timed out. Check the address, the port and the firewall.',
  browser: () =>
    'the browser cannot reach the address. The service may be down, the address wrong, or the service does not allow ' +
    'cross-origin requests from the add-in (CORS): enable CORS on a local service (for Ollama, set OLLAMA_ORIGINS) or use the proxy address of the development server.',
  'mixed-content': () =>
    'the add-in page uses HTTPS and the browser does not let it call an unencrypted http:// address (except 127.0.0.1 and localhost). Enable HTTPS on the service or put an HTTPS reverse proxy in front of it.',
  interrupted: () => 'the connection broke off before the answer was complete. Try again later.',
  other: (p) => `network error${p.detail ? ` (${p.detail})` : ''}. Check the address and the network.`,
};

const badConfigZh: Record<string, (p: BadConfigParams) => string> = {
  'url-invalid': (p) => `语言模型服务地址“${p.value ?? ''}”不是有效的网址，应形如 https://api.deepseek.com/v1 或 http://127.0.0.1:11434/v1。`,
  'url-scheme': (p) => `语言模型服务地址“${p.value ?? ''}”必须以 http:// 或 https:// 开头。`,
  'url-credentials': () =>
    '语言模型服务地址中不能包含用户名、密码或密钥参数：请把密钥放在环境变量 CROSSFOOT_LLM_API_KEY（或加载项设置的密钥一栏）中。',
  'api-key': () => '访问密钥中含有空白或非 ASCII 字符，可能是复制时多带了内容，请重新填写。',
  model: () => '模型名称不能为空，也不能包含空白字符。',
  timeout: (p) => `超时时间“${p.value ?? ''}”无效：请填写 1 到 3600 之间的秒数（如 60）。`,
  retries: (p) => `重试次数“${p.value ?? ''}”无效：请填写 0 到 10 之间的整数。`,
  structured: (p) => `结构化输出方式“${p.value ?? ''}”无效：可选 json_schema、json_object 或 none。`,
};
const badConfigEn: Record<string, (p: BadConfigParams) => string> = {
  'url-invalid': (p) =>
    `The language model endpoint "${p.value ?? ''}" is not a valid URL; it should look like https://api.deepseek.com/v1 or http://127.0.0.1:11434/v1.`,
  'url-scheme': (p) => `The language model endpoint "${p.value ?? ''}" must start with http:// or https://.`,
  'url-credentials': () =>
    'The language model endpoint must not contain a user name, a password or a key parameter: put the key in the environment variable CROSSFOOT_LLM_API_KEY (or the key field of the add-in settings).',
  'api-key': () => 'The API key contains white space or non-ASCII characters, probably copied by mistake; enter it again.',
  model: () => 'The model name must not be empty or contain white space.',
  timeout: (p) => `The timeout "${p.value ?? ''}" is not valid: give a number of seconds from 1 to 3600 (e.g. 60).`,
  retries: (p) => `The number of retries "${p.value ?? ''}" is not valid: give a whole number from 0 to 10.`,
  structured: (p) => `The structured output mode "${p.value ?? ''}" is not valid: use json_schema, json_object or none.`,
};

const httpZh: Record<string, (p: HttpParams) => string> = {
  'not-found': (p) =>
    `语言模型服务 ${p.endpoint} 找不到所请求的接口或模型（HTTP 404）。请检查地址是否以 /v1 结尾（Azure OpenAI 为 …/openai/v1），` +
    `以及模型名称${p.model ? `“${p.model}”` : ''}是否正确。${p.detail ? `服务的说明：${p.detail}` : ''}`,
  unsupported: (p) =>
    `语言模型服务 ${p.endpoint} 拒绝了请求（HTTP ${p.status}）：${p.detail ?? ''}。该服务可能不支持结构化输出或工具调用，` +
    '可把结构化输出方式改为 json_object 或 none（CROSSFOOT_LLM_STRUCTURED 或加载项设置）后重试。',
  'too-long': (p) =>
    `发送的内容超出了模型一次能处理的长度（${p.endpoint}，HTTP ${p.status}）。请缩短材料，或换用上下文更长的模型。`,
  'too-large': (p) => `发送的内容超过了语言模型服务 ${p.endpoint} 允许的大小（HTTP 413）。请缩短材料后重试。`,
  server: (p) =>
    `语言模型服务 ${p.endpoint} 内部出错（HTTP ${p.status}）${retriedZh(p.attempts)}。请稍后再试或联系服务管理员。` +
    (p.detail ? `服务的说明：${p.detail}` : ''),
  stream: (p) => `语言模型服务 ${p.endpoint} 在回答过程中报告了错误：${p.detail ?? '未说明原因'}。`,
  other: (p) => `语言模型服务 ${p.endpoint} 拒绝了请求（HTTP ${p.status}）${p.detail ? `：${p.detail}` : ''}。`,
};
const httpEn: Record<string, (p: HttpParams) => string> = {
  'not-found': (p) =>
    `The language model service ${p.endpoint} cannot find the requested interface or model (HTTP 404). Check that the address ends with /v1 ` +
    `(…/openai/v1 for Azure OpenAI) and that the model name${p.model ? ` "${p.model}"` : ''} is right.${p.detail ? ` The service says: ${p.detail}` : ''}`,
  unsupported: (p) =>
    `The language model service ${p.endpoint} refused the request (HTTP ${p.status}): ${p.detail ?? ''}. It may not support structured output or tool calls; ` +
    'set the structured output mode to json_object or none (CROSSFOOT_LLM_STRUCTURED or the add-in settings) and try again.',
  'too-long': (p) =>
    `The text sent is longer than the model can take at once (${p.endpoint}, HTTP ${p.status}). Shorten the material or use a model with a longer context.`,
  'too-large': (p) => `The request is larger than the language model service ${p.endpoint} accepts (HTTP 413). Shorten the material and try again.`,
  server: (p) =>
    `The language model service ${p.endpoint} failed with an internal error (HTTP ${p.status})${retriedEn(p.attempts)}. Try again later or ask the service's administrator.` +
    (p.detail ? ` The service says: ${p.detail}` : ''),
  stream: (p) => `The language model service ${p.endpoint} reported an error while answering: ${p.detail ?? 'no reason given'}.`,
  other: (p) => `The language model service ${p.endpoint} refused the request (HTTP ${p.status})${p.detail ? `: ${p.detail}` : ''}.`,
};

const badResponseZh: Record<string, (p: BadResponseParams) => string> = {
  json: (p) => `语言模型服务 ${p.endpoint} 返回的内容不是有效的 JSON，无法读取。请确认该地址是 OpenAI 兼容的接口（通常以 /v1 结尾）。`,
  'not-api': (p) =>
    `语言模型服务 ${p.endpoint} 返回的不是 OpenAI 兼容接口的回答${p.detail ? `（收到 ${p.detail}）` : ''}。请确认地址指向接口本身（通常以 /v1 结尾），而不是网页。`,
  shape: (p) => `语言模型服务 ${p.endpoint} 的回答缺少必要的内容${p.detail ? `（${p.detail}）` : ''}，不是 OpenAI 兼容的格式。`,
  truncated: (p) => `语言模型服务 ${p.endpoint} 的回答不完整：数据流在结束之前就停止了。请重试。`,
};
const badResponseEn: Record<string, (p: BadResponseParams) => string> = {
  json: (p) =>
    `The language model service ${p.endpoint} returned something that is not valid JSON. Check that the address is an OpenAI-compatible interface (it usually ends with /v1).`,
  'not-api': (p) =>
    `The language model service ${p.endpoint} did not answer like an OpenAI-compatible interface${p.detail ? ` (it sent ${p.detail})` : ''}. Check that the address points at the interface itself (it usually ends with /v1), not at a web page.`,
  shape: (p) =>
    `The answer of the language model service ${p.endpoint} lacks required parts${p.detail ? ` (${p.detail})` : ''}; it is not in the OpenAI-compatible format.`,
  truncated: (p) => `The answer of the language model service ${p.endpoint} is incomplete: the stream stopped before its end. Try again.`,
};

export const llmErrorMessagesZh = {
  'llm-not-configured': (p: NotConfiguredParams) => {
    const what = missingZh[p.missing] ?? missingZh.both;
    const how =
      p.host === 'addin'
        ? '请在加载项的“设置”中填写服务地址和模型名称。'
        : '请设置环境变量 CROSSFOOT_LLM_BASE_URL 和 CROSSFOOT_LLM_MODEL（或使用 --llm-base-url、--llm-model），详见 README 的“语言模型（可选）”一节。';
    return `尚未设置语言模型服务的${what}，没有向任何服务发送数据。${how}`;
  },
  'llm-bad-config': (p: BadConfigParams) => (badConfigZh[p.reason] ?? badConfigZh['url-invalid'])(p),
  'llm-unreachable': (p: UnreachableParams) =>
    `无法连接语言模型服务 ${p.endpoint}${retriedZh(p.attempts)}：${(unreachableZh[p.reason] ?? unreachableZh.other)(p)}`,
  'llm-timeout': (p: TimeoutParams) =>
    (p.phase === 'stream'
      ? `语言模型服务 ${p.endpoint} 的回答停顿超过 ${p.seconds} 秒，请求已停止。`
      : `语言模型服务 ${p.endpoint} 在 ${p.seconds} 秒内没有回应，请求已停止。`) +
    '请稍后重试；若服务较慢，可延长超时时间（CROSSFOOT_LLM_TIMEOUT 或加载项设置）。',
  'llm-rate-limited': (p: RateLimitedParams) => {
    if (p.reason === 'quota') return `语言模型服务 ${p.endpoint} 拒绝了请求：账户额度已用完（HTTP 429）。请检查该服务的账户余额或用量限制。`;
    if (p.reason === 'wait-too-long')
      return `语言模型服务 ${p.endpoint} 要求 ${p.retryAfter ?? '?'} 秒后再试（HTTP 429），等待时间过长，本次请求已停止。请稍后再试。`;
    return `语言模型服务 ${p.endpoint} 拒绝了请求：请求过于频繁（HTTP 429）${retriedZh(p.attempts)}。请稍后再试。`;
  },
  'llm-auth': (p: AuthParams) => {
    if (p.status === '403')
      return `语言模型服务 ${p.endpoint} 拒绝访问（HTTP 403）：该密钥无权使用此服务或模型，或服务限制了访问来源。`;
    if (p.keySet === 'no')
      return `语言模型服务 ${p.endpoint} 需要访问密钥（HTTP ${p.status}），但尚未设置。请设置环境变量 CROSSFOOT_LLM_API_KEY（或在加载项设置中填写）。`;
    return `语言模型服务 ${p.endpoint} 拒绝了访问密钥（HTTP ${p.status}）。请检查密钥（CROSSFOOT_LLM_API_KEY 或加载项设置）是否正确、是否已过期。`;
  },
  'llm-http': (p: HttpParams) => (httpZh[p.reason ?? 'other'] ?? httpZh.other)(p),
  'llm-bad-response': (p: BadResponseParams) => (badResponseZh[p.reason] ?? badResponseZh.shape)(p),
  'llm-cancelled': (p: Endpoint) => `已取消对语言模型服务 ${p.endpoint} 的请求。`,
};

export const llmErrorMessagesEn: { [K in keyof typeof llmErrorMessagesZh]: (typeof llmErrorMessagesZh)[K] } = {
  'llm-not-configured': (p: NotConfiguredParams) => {
    const what = missingEn[p.missing] ?? missingEn.both;
    const how =
      p.host === 'addin'
        ? 'Fill in the endpoint and the model name in the add-in settings.'
        : 'Set the environment variables CROSSFOOT_LLM_BASE_URL and CROSSFOOT_LLM_MODEL (or use --llm-base-url and --llm-model); see "Language model (optional)" in the README.';
    return `The language model ${what} ${p.missing === 'base-url' || p.missing === 'model' ? 'is' : 'are'} not set, so nothing was sent to any service. ${how}`;
  },
  'llm-bad-config': (p: BadConfigParams) => (badConfigEn[p.reason] ?? badConfigEn['url-invalid'])(p),
  'llm-unreachable': (p: UnreachableParams) =>
    `Cannot reach the language model service ${p.endpoint}${retriedEn(p.attempts)}: ${(unreachableEn[p.reason] ?? unreachableEn.other)(p)}`,
  'llm-timeout': (p: TimeoutParams) =>
    (p.phase === 'stream'
      ? `The language model service ${p.endpoint} stalled for more than ${p.seconds} seconds in the middle of its answer; the request was stopped. `
      : `The language model service ${p.endpoint} did not answer within ${p.seconds} seconds; the request was stopped. `) +
    'Try again later; for a slow service, raise the timeout (CROSSFOOT_LLM_TIMEOUT or the add-in settings).',
  'llm-rate-limited': (p: RateLimitedParams) => {
    if (p.reason === 'quota')
      return `The language model service ${p.endpoint} refused the request: the account's quota is used up (HTTP 429). Check the balance or usage limits of the account.`;
    if (p.reason === 'wait-too-long')
      return `The language model service ${p.endpoint} asks to retry after ${p.retryAfter ?? '?'} seconds (HTTP 429), too long to wait; the request was stopped. Try again later.`;
    return `The language model service ${p.endpoint} refused the request: too many requests (HTTP 429)${retriedEn(p.attempts)}. Try again later.`;
  },
  'llm-auth': (p: AuthParams) => {
    if (p.status === '403')
      return `The language model service ${p.endpoint} denied access (HTTP 403): the key may not use this service or model, or the service restricts where requests come from.`;
    if (p.keySet === 'no')
      return `The language model service ${p.endpoint} requires an API key (HTTP ${p.status}) and none is set. Set the environment variable CROSSFOOT_LLM_API_KEY (or fill it in the add-in settings).`;
    return `The language model service ${p.endpoint} rejected the API key (HTTP ${p.status}). Check that the key (CROSSFOOT_LLM_API_KEY or the add-in settings) is right and has not expired.`;
  },
  'llm-http': (p: HttpParams) => (httpEn[p.reason ?? 'other'] ?? httpEn.other)(p),
  'llm-bad-response': (p: BadResponseParams) => (badResponseEn[p.reason] ?? badResponseEn.shape)(p),
  'llm-cancelled': (p: Endpoint) => `The request to the language model service ${p.endpoint} was cancelled.`,
};
