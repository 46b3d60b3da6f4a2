import { CrossfootError } from '../errors';
import { isLlmConfigured, llmConfigFromEnv, parseTimeout, validateLlmConfig } from './config';
import { displayEndpoint, redact, shortDetail } from './redact';

function error(f: () => unknown): CrossfootError {
  try {
    f();
  } catch (e) {
    if (e instanceof CrossfootError) return e;
    throw e;
  }
  throw new Error('expected a CrossfootError');
}

describe('llmConfigFromEnv', () => {
  test('environment variables', () => {
    const c = llmConfigFromEnv({
      CROSSFOOT_LLM_BASE_URL: ' https://api.deepseek.com/v1/ ',
      CROSSFOOT_LLM_MODEL: 'deepseek-chat',
      CROSSFOOT_LLM_API_KEY: 'sk-abc123456789',
      CROSSFOOT_LLM_TIMEOUT: '90',
      CROSSFOOT_LLM_STRUCTURED: 'json_object',
      CROSSFOOT_LLM_RETRIES: '3',
    });
    expect(c).toEqual({
      baseURL: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
      apiKey: 'sk-abc123456789',
      timeoutMs: 90_000,
      structuredOutput: 'json_object',
      maxRetries: 3,
    });
  });

  test('flags win over the environment', () => {
    const c = llmConfigFromEnv(
      { CROSSFOOT_LLM_BASE_URL: 'https://api.openai.com/v1', CROSSFOOT_LLM_MODEL: 'gpt-4o-mini', CROSSFOOT_LLM_TIMEOUT: '30' },
      { llmBaseUrl: 'http://127.0.0.1:11434/v1', llmModel: 'qwen2.5:7b', llmTimeout: '1500ms', llmStructured: 'none' },
    );
    expect(c).toEqual({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', timeoutMs: 1500, structuredOutput: 'none' });
  });

  test('nothing set → llm-not-configured, naming what is missing and how to set it', () => {
    const e = error(() => llmConfigFromEnv({ OPENAI_API_KEY: 'sk-xxxxxxxxxxxx' }));
    expect(e.code).toBe('llm-not-configured');
    expect(e.params.missing).toBe('both');
    expect(e.localized('zh-CN')).toContain('没有向任何服务发送数据');
    expect(e.localized('zh-CN')).toContain('CROSSFOOT_LLM_BASE_URL');
    expect(e.localized('en-US')).toContain('The language model endpoint address and model name are not set');
    expect(error(() => llmConfigFromEnv({ CROSSFOOT_LLM_BASE_URL: 'http://x:1/v1' })).localized('en-US')).toContain('model name is not set');
    expect(error(() => llmConfigFromEnv({ CROSSFOOT_LLM_BASE_URL: 'http://x:1/v1' })).params.missing).toBe('model');
    expect(error(() => llmConfigFromEnv({ CROSSFOOT_LLM_MODEL: 'm', CROSSFOOT_LLM_BASE_URL: '  ' })).params.missing).toBe('base-url');
    expect(isLlmConfigured({})).toBe(false);
    expect(isLlmConfigured({ CROSSFOOT_LLM_MODEL: 'm' }, { llmBaseUrl: 'http://127.0.0.1:8080/v1' })).toBe(true);
  });

  test('OPENAI_* fallbacks; an OpenAI key is not sent to another server', () => {
    expect(llmConfigFromEnv({ OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'sk-openai-key-1', CROSSFOOT_LLM_MODEL: 'gpt-4o' }).apiKey).toBe(
      'sk-openai-key-1',
    );
    // the OPENAI_* pair belongs together, whatever the host
    expect(llmConfigFromEnv({ OPENAI_BASE_URL: 'https://gw.example.com/v1', OPENAI_API_KEY: 'sk-gw-key-123', CROSSFOOT_LLM_MODEL: 'm' }).apiKey).toBe(
      'sk-gw-key-123',
    );
    // our own endpoint pointing elsewhere: the OpenAI key stays home
    const onPrem = llmConfigFromEnv({ CROSSFOOT_LLM_BASE_URL: 'http://gpu01:8000/v1', CROSSFOOT_LLM_MODEL: 'qwen', OPENAI_API_KEY: 'sk-openai-key-1' });
    expect(onPrem.apiKey).toBeUndefined();
    // ... unless it is OpenAI's own
    expect(
      llmConfigFromEnv({ CROSSFOOT_LLM_BASE_URL: 'https://api.openai.com/v1', CROSSFOOT_LLM_MODEL: 'gpt-4o', OPENAI_API_KEY: 'sk-openai-key-1' }).apiKey,
    ).toBe('sk-openai-key-1');
    // our own key always wins
    expect(
      llmConfigFromEnv({ OPENAI_BASE_URL: 'https://api.openai.com/v1', CROSSFOOT_LLM_MODEL: 'm', CROSSFOOT_LLM_API_KEY: 'k-own', OPENAI_API_KEY: 'sk-openai-key-1' }).apiKey,
    ).toBe('k-own');
  });

  test('bad values → llm-bad-config with a clear sentence', () => {
    const base = { CROSSFOOT_LLM_MODEL: 'm' };
    const ftp = error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'ftp://example.com/v1' }));
    expect(ftp.code).toBe('llm-bad-config');
    expect(ftp.localized('zh-CN')).toBe('语言模型服务地址“ftp://example.com/v1”必须以 http:// 或 https:// 开头。');
    const noScheme = error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'api.deepseek.com/v1' }));
    expect(noScheme.params.reason).toBe('url-scheme');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://' })).params.reason).toBe('url-invalid');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'not a url' })).params.reason).toBe('url-invalid');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_TIMEOUT: 'soon' })).params.reason).toBe('timeout');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_TIMEOUT: '0' })).params.reason).toBe('timeout');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_STRUCTURED: 'xml' })).params.reason).toBe('structured');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_RETRIES: '-1' })).params.reason).toBe('retries');
    expect(error(() => llmConfigFromEnv({ CROSSFOOT_LLM_MODEL: 'a b', CROSSFOOT_LLM_BASE_URL: 'http://x/v1' })).params.reason).toBe('model');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_API_KEY: 'sk-ab c' })).params.reason).toBe('api-key');
    expect(error(() => llmConfigFromEnv({ ...base, CROSSFOOT_LLM_BASE_URL: 'http://x/v1', CROSSFOOT_LLM_API_KEY: 'sk-ａｂｃ' })).params.reason).toBe('api-key');
  });

  test('credentials in the URL are refused without echoing them', () => {
    for (const url of ['https://user:hunter2pass@api.example.com/v1', 'https://api.example.com/v1?api-key=hunter2pass']) {
      const e = error(() => llmConfigFromEnv({ CROSSFOOT_LLM_MODEL: 'm', CROSSFOOT_LLM_BASE_URL: url }));
      expect(e.params.reason).toBe('url-credentials');
      for (const text of [e.localized('zh-CN'), e.localized('en-US'), JSON.stringify(e.params)]) expect(text).not.toContain('hunter2');
    }
    // the same slips without a scheme fail as url-scheme / url-invalid, whose message repeats the value: masked there
    for (const url of ['user:hunter2pass@gpu01:8000/v1', 'api.example.com/v1?api_key=hunter2pass', 'api.example.com/v1 sk-hunter2pass']) {
      const e = error(() => llmConfigFromEnv({ CROSSFOOT_LLM_MODEL: 'm', CROSSFOOT_LLM_BASE_URL: url }));
      expect(['url-scheme', 'url-invalid']).toContain(e.params.reason);
      for (const text of [e.localized('zh-CN'), e.localized('en-US'), JSON.stringify(e.params)]) expect(text).not.toContain('hunter2');
    }
  });

  test('parseTimeout', () => {
    expect(parseTimeout('60')).toBe(60_000);
    expect(parseTimeout('2.5s')).toBe(2500);
    expect(parseTimeout('1500ms')).toBe(1500);
    expect(() => parseTimeout('500ms')).toThrow(CrossfootError);
    expect(() => parseTimeout('7200')).toThrow(CrossfootError);
  });

  test('validateLlmConfig (the add-in settings) says where to fill the endpoint in', () => {
    const e = error(() => validateLlmConfig({ baseURL: '', model: '' }, 'addin'));
    expect(e.localized('zh-CN')).toContain('加载项的“设置”');
    expect(validateLlmConfig({ baseURL: 'http://127.0.0.1:8080/v1//', model: ' llama ', apiKey: '  ' })).toEqual({
      baseURL: 'http://127.0.0.1:8080/v1',
      model: 'llama',
    });
  });
});

describe('redact', () => {
  test('the configured key, its echoed head and tail, and key-like tokens', () => {
    const key = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx';
    expect(redact(`key ${key} rejected`, [key])).toBe('key *** rejected');
    expect(redact(`Incorrect API key provided: ${key.slice(0, 8)}****${key.slice(-4)}`, [key])).not.toContain(key.slice(0, 8));
    expect(redact('Authorization: Bearer abcdefgh12345')).not.toContain('abcdefgh12345');
    expect(redact('https://x/v1?api-key=topsecret&x=1')).toBe('https://x/v1?api-key=***&x=1');
    expect(redact('{"api_key": "topsecret"}')).not.toContain('topsecret');
    expect(redact('sk-0123456789abcdef other')).toBe('sk-*** other');
  });

  test('displayEndpoint drops credentials, query and trailing slash', () => {
    expect(displayEndpoint('https://u:p@api.example.com:8443/v1/?key=1#x')).toBe('https://api.example.com:8443/v1');
    expect(displayEndpoint('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434/v1');
  });

  test('shortDetail is one redacted line', () => {
    expect(shortDetail('a\n  b sk-abcdefghijklmn', [], 50)).toBe('a b sk-***');
    expect(shortDetail('x'.repeat(300), [], 20)).toHaveLength(20);
  });
});
