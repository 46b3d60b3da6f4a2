/**
 * The OpenAI-compatible client: a `ChatModel` over the Chat Completions API of the openai SDK (6.x), for OpenAI,
 * Azure OpenAI (…/openai/v1), DeepSeek, DashScope (Qwen), and on-premises servers (llama.cpp, vLLM, Ollama).
 *
 * What this adds to the SDK:
 * - Our own retry loop (the SDK's is switched off): 429, 408, 5xx and connection errors are retried with exponential
 *   backoff and jitter, honouring Retry-After / Retry-After-Ms; the wait is cancellable (the SDK's sleep is not), and
 *   a Retry-After longer than `maxRetryAfterMs` fails at once instead of freezing the UI. A streamed answer is never
 *   retried once text has reached `onDelta` (the UI would show it twice). Timeouts are not retried: the user has
 *   already waited `timeoutMs`.
 * - A timeout that covers the whole request, body included (the SDK's stops at the response headers): for a
 *   non-streamed answer the whole exchange must finish within `timeoutMs`; for a streamed one, the headers and then
 *   every gap between two chunks (a long answer that keeps coming is not cut off).
 * - Streaming with tool calls assembled from the deltas (as the SDK's ChatCompletionStream does), and a check that
 *   the stream really ended (a finish reason), so a broken connection is not taken for a short answer.
 * - A fetch that drops the SDK's x-stainless-* headers (platform telemetry; in a browser they make a CORS preflight
 *   fail against an on-premises server that allows only authorization and content-type) and, in the browser, every
 *   header but Accept, Content-Type and Authorization; Authorization is sent only when a key is set.
 * - Every failure becomes a `CrossfootError` (llm-unreachable, llm-timeout, llm-rate-limited, llm-auth, llm-http,
 *   llm-bad-response, llm-cancelled) that names the endpoint and never the key.
 *
 * No Node built-ins: the add-in bundles this module (with `browser: true`).
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAI } from 'openai';
import { Stream } from 'openai/streaming';
import { CrossfootError } from '../errors';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, validateLlmConfig } from './config';
import { isLoopback } from './notice';
import { displayEndpoint, shortDetail } from './redact';
import type { CallOptions, ChatMessage, ChatModel, ChatRequest, ChatResponse, LlmConfig, ResponseFormat, ToolCall } from './types';

type Fetch = typeof globalThis.fetch;

export interface ChatModelDeps {
  /** the fetch to use (default globalThis.fetch): tests, or a proxying fetch in the add-in */
  fetch?: Fetch;
  /** retry timing; tests shorten it */
  retry?: {
    /** the first backoff, doubled on each retry (default 500 ms) */
    baseDelayMs?: number;
    /** the longest backoff (default 8 s) */
    maxDelayMs?: number;
    /** a Retry-After longer than this fails at once with llm-rate-limited (default 30 s) */
    maxRetryAfterMs?: number;
  };
  /** jitter source (default Math.random) */
  random?: () => number;
  /** the page's protocol in the browser ('https:'), to recognise mixed content; default globalThis.location */
  pageProtocol?: string;
}

/** Statuses worth retrying: timeouts, conflicts, rate limits and server errors (not 501/505, which will not change). */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** A failure of one attempt, classified: how to report it and whether to retry. */
class Failure {
  constructor(
    readonly code: 'llm-unreachable' | 'llm-timeout' | 'llm-rate-limited' | 'llm-auth' | 'llm-http' | 'llm-bad-response' | 'llm-cancelled',
    readonly params: Record<string, string>,
    readonly retryable = false,
    readonly retryAfterMs?: number,
  ) {}
}

/** An exception thrown by the caller's onDelta: passed through untouched, it is not the endpoint's fault. */
class ConsumerFault {
  constructor(readonly error: unknown) {}
}

/** Create the client. Validates the configuration (llm-not-configured / llm-bad-config). */
export function createChatModel(config: LlmConfig, deps: ChatModelDeps = {}): ChatModel {
  const cfg = validateLlmConfig(config, config.browser ? 'addin' : 'cli');
  const endpoint = displayEndpoint(cfg.baseURL);
  const apiKey = cfg.apiKey;
  const secrets = [apiKey];
  const timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = cfg.maxRetries ?? DEFAULT_MAX_RETRIES;
  const structured = cfg.structuredOutput ?? 'json_schema';
  const browser = cfg.browser === true;
  const baseDelayMs = deps.retry?.baseDelayMs ?? 500;
  const maxDelayMs = deps.retry?.maxDelayMs ?? 8000;
  const maxRetryAfterMs = deps.retry?.maxRetryAfterMs ?? 30_000;
  const random = deps.random ?? Math.random;
  const baseFetch: Fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const client = new OpenAI({
    baseURL: cfg.baseURL,
    // the SDK insists on a key; without one the placeholder never leaves: the fetch below drops Authorization
    apiKey: apiKey ?? 'unset',
    // explicit, so that OPENAI_ORG_ID / OPENAI_PROJECT_ID in the environment are not sent to another provider
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs + 1000,
    dangerouslyAllowBrowser: browser,
    logLevel: 'off',
    fetch: filteringFetch(baseFetch, { browser, keySet: apiKey !== undefined }),
  });

  const model: ChatModel = {
    endpoint,
    model: cfg.model,
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<ChatResponse> {
      const { signal, onDelta } = options;
      if (signal?.aborted) throw new CrossfootError('llm-cancelled', { endpoint });
      const stream = onDelta !== undefined;
      const body = requestBody(cfg.model, request, structured, stream);
      for (let retry = 0; ; retry++) {
        const progress = { emitted: false };
        let failure: Failure;
        try {
          return await attempt(body, stream, signal, onDelta, progress);
        } catch (e) {
          if (e instanceof ConsumerFault) throw e.error;
          failure = e instanceof Failure ? e : classify(e);
        }
        if (failure.code === 'llm-cancelled' || !failure.retryable || progress.emitted || retry >= maxRetries) {
          throw finalError(failure, retry);
        }
        let delay = Math.min(maxDelayMs, baseDelayMs * 2 ** retry) * (1 - random() * 0.25);
        if (failure.retryAfterMs !== undefined) {
          if (failure.retryAfterMs > maxRetryAfterMs) {
            // a 503 asking for a long wait (maintenance) is not a rate limit: its own error, not "HTTP 429"
            if (failure.code !== 'llm-rate-limited') throw finalError(failure, retry);
            throw new CrossfootError('llm-rate-limited', {
              endpoint,
              reason: 'wait-too-long',
              retryAfter: String(Math.ceil(failure.retryAfterMs / 1000)),
            });
          }
          delay = Math.max(0, failure.retryAfterMs);
        }
        await sleep(delay, signal, () => new CrossfootError('llm-cancelled', { endpoint }));
      }
    },
  };
  return model;

  /** One request. Throws a Failure (or a ConsumerFault). */
  async function attempt(
    body: Record<string, unknown>,
    stream: boolean,
    signal: AbortSignal | undefined,
    onDelta: ((text: string) => void) | undefined,
    progress: { emitted: boolean },
  ): Promise<ChatResponse> {
    const controller = new AbortController();
    let why: 'cancel' | 'timeout' | 'done' | undefined;
    let phase: 'response' | 'stream' = 'response';
    const onAbort = () => {
      why ??= 'cancel';
      controller.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** (re)start the timer; `grace`: the answer is complete, only a closing [DONE] or usage chunk may still come */
    const arm = (grace = false) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(
        () => {
          why ??= grace ? 'done' : 'timeout';
          controller.abort();
        },
        grace ? Math.min(2000, Math.ceil(timeoutMs / 4)) : timeoutMs,
      );
    };
    /** the failure to report when the attempt was stopped by us (cancel or timeout), else undefined */
    const stopped = (): Failure | undefined => {
      if (why === 'cancel') return new Failure('llm-cancelled', { endpoint });
      if (why === 'timeout') return new Failure('llm-timeout', { endpoint, seconds: seconds(timeoutMs), phase });
      return undefined;
    };
    arm();
    try {
      let response: Response;
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        response = await client.chat.completions.create(body as any, { signal: controller.signal, maxRetries: 0 }).asResponse();
      } catch (e) {
        throw stopped() ?? classify(e);
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      if (stream && !contentType.includes('json')) {
        phase = 'stream';
        arm();
        return await readStream(response, controller, arm, onDelta ?? (() => undefined), progress, stopped);
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        throw stopped() ?? new Failure('llm-unreachable', { endpoint, reason: 'interrupted' }, true);
      }
      const result = parseCompletion(text, contentType);
      // a server that ignores stream: true answers in one piece: pass it on as one delta
      if (stream && result.content) {
        progress.emitted = true;
        deliver(onDelta, result.content);
      }
      return result;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function readStream(
    response: Response,
    controller: AbortController,
    arm: (grace?: boolean) => void,
    onDelta: (text: string) => void,
    progress: { emitted: boolean },
    stopped: () => Failure | undefined,
  ): Promise<ChatResponse> {
    const parts: string[] = [];
    const calls = new Map<number, ToolCall>();
    let finishReason: string | undefined;
    let usage: ChatResponse['usage'];
    try {
      // the SDK's SSE parser: `data: [DONE]` ends it; a chunk with `error` throws an APIError; a chunk that is not
      // JSON throws a SyntaxError; an abort ends the iteration silently (checked below)
      for await (const chunk of Stream.fromSSEResponse<StreamChunk>(response, controller)) {
        // after the finish reason only a short grace: a server that sends it but never closes the stream (no [DONE])
        // has still answered completely
        arm(finishReason !== undefined);
        if (!chunk || typeof chunk !== 'object') throw new Failure('llm-bad-response', { endpoint, reason: 'shape', detail: 'chunk' });
        if (chunk.usage) usage = usageOf(chunk.usage);
        const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
        if (!choice) continue;
        const delta = choice.delta ?? {};
        if (typeof delta.content === 'string' && delta.content !== '') {
          parts.push(delta.content);
          progress.emitted = true;
          deliver(onDelta, delta.content);
        }
        for (const tc of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
          const index = typeof tc.index === 'number' ? tc.index : 0;
          let call = calls.get(index);
          if (!call) {
            call = { id: '', name: '', arguments: '' };
            calls.set(index, call);
          }
          if (tc.id) call.id = tc.id;
          // the name comes whole (some servers repeat it in later chunks): assign, as the SDK does
          if (tc.function?.name) call.name = tc.function.name;
          if (tc.function?.arguments) call.arguments += tc.function.arguments;
        }
        if (choice.finish_reason) {
          finishReason = choice.finish_reason;
          arm(true);
        }
      }
    } catch (e) {
      if (e instanceof ConsumerFault || e instanceof Failure) throw e;
      const s = stopped();
      if (s) throw s;
      if (e instanceof SyntaxError) throw new Failure('llm-bad-response', { endpoint, reason: 'json' });
      if (e instanceof APIError) {
        throw new Failure('llm-http', { endpoint, status: '', reason: 'stream', detail: shortDetail(errorText(e), secrets) });
      }
      // a connection that breaks after the finish reason has delivered the whole answer
      if (finishReason === undefined) throw new Failure('llm-unreachable', { endpoint, reason: 'interrupted' }, true);
    }
    const s = stopped();
    if (s) throw s;
    if (finishReason === undefined) throw new Failure('llm-bad-response', { endpoint, reason: 'truncated' });
    const toolCalls = [...calls.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, c]) => ({ id: c.id || `call_${index}`, name: c.name, arguments: c.arguments }));
    return { content: parts.join(''), toolCalls, finishReason, ...(usage ? { usage } : {}) };
  }

  function parseCompletion(text: string, contentType: string): ChatResponse {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (!contentType.includes('json') && /^\s*</.test(text)) {
        throw new Failure('llm-bad-response', { endpoint, reason: 'not-api', detail: contentType.split(';')[0] || 'HTML' });
      }
      throw new Failure('llm-bad-response', { endpoint, reason: 'json' });
    }
    if (!json || typeof json !== 'object') throw new Failure('llm-bad-response', { endpoint, reason: 'shape', detail: 'choices' });
    const obj = json as { error?: unknown; choices?: unknown; usage?: unknown };
    if (obj.error) {
      // a 200 carrying an error object (some gateways do this)
      const err = obj.error as { message?: unknown };
      const msg = typeof err.message === 'string' ? err.message : JSON.stringify(obj.error);
      throw new Failure('llm-http', { endpoint, status: '200', reason: 'other', detail: shortDetail(msg, secrets) });
    }
    const choice = Array.isArray(obj.choices) ? (obj.choices[0] as WireChoice | undefined) : undefined;
    const message = choice?.message;
    if (!choice || !message || typeof message !== 'object') {
      throw new Failure('llm-bad-response', { endpoint, reason: 'shape', detail: 'choices[0].message' });
    }
    const toolCalls: ToolCall[] = [];
    (Array.isArray(message.tool_calls) ? message.tool_calls : []).forEach((tc, index) => {
      if (!tc || (tc.type !== undefined && tc.type !== 'function') || !tc.function) return;
      toolCalls.push({
        id: tc.id || `call_${index}`,
        name: String(tc.function.name ?? ''),
        arguments: typeof tc.function.arguments === 'string' ? tc.function.arguments : JSON.stringify(tc.function.arguments ?? {}),
      });
    });
    const usage = obj.usage ? usageOf(obj.usage) : undefined;
    return {
      content: contentText(message.content),
      toolCalls,
      finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : toolCalls.length ? 'tool_calls' : 'stop',
      ...(usage ? { usage } : {}),
    };
  }

  /** Classify an error thrown by the SDK (or fetch) while sending the request. */
  function classify(e: unknown): Failure {
    if (e instanceof APIUserAbortError) return new Failure('llm-cancelled', { endpoint });
    if (e instanceof APIConnectionTimeoutError) return new Failure('llm-timeout', { endpoint, seconds: seconds(timeoutMs), phase: 'response' });
    if (e instanceof APIConnectionError) return connectionFailure(e);
    if (e instanceof APIError && typeof e.status === 'number') return statusFailure(e as APIError & { status: number });
    if (e instanceof APIError) {
      return new Failure('llm-http', { endpoint, status: '', reason: 'stream', detail: shortDetail(errorText(e), secrets) });
    }
    if (e instanceof SyntaxError) return new Failure('llm-bad-response', { endpoint, reason: 'json' });
    // a fetch that failed outside the SDK's wrapping (e.g. a custom fetch): treat as a connection error
    if (e instanceof TypeError) return connectionFailure(e);
    throw e;
  }

  function connectionFailure(e: unknown): Failure {
    const codes = errorCodes(e);
    const has = (...c: string[]) => c.some((x) => codes.has(x));
    const messages = errorMessagesOf(e).join(' | ');
    let reason: string;
    let retryable = true;
    if (has('ECONNREFUSED')) reason = 'refused';
    else if (has('ENOTFOUND', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA')) {
      reason = 'dns';
      retryable = false;
    } else if (has('EAI_AGAIN')) reason = 'dns';
    else if (has('ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED')) reason = 'reset';
    else if (has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN')) reason = 'no-route';
    else if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT')) reason = 'connect-timeout';
    else if ([...codes].some((c) => /CERT|SELF_SIGNED|UNABLE_TO_|^ERR_TLS|^ERR_SSL|EPROTO/.test(c)) || /certificate|SSL routines|TLS/i.test(messages)) {
      reason = 'tls';
      retryable = false;
    } else if (browser && /Failed to fetch|NetworkError|Load failed|network/i.test(messages)) {
      // a browser does not say why (CORS, mixed content, refused connection all look alike)
      if (isMixedContent()) {
        reason = 'mixed-content';
        retryable = false;
      } else reason = 'browser';
    } else reason = 'other';
    const params: Record<string, string> = { endpoint, reason };
    if (reason === 'other') params.detail = shortDetail(innermostMessage(e), secrets, 120);
    return new Failure('llm-unreachable', params, retryable);
  }

  function statusFailure(e: APIError & { status: number }): Failure {
    const status = e.status;
    const detail = shortDetail(errorText(e), secrets);
    const code = typeof e.code === 'string' ? e.code : '';
    if (status === 401 || status === 403) {
      return new Failure('llm-auth', { endpoint, status: String(status), keySet: apiKey !== undefined ? 'yes' : 'no' });
    }
    if (status === 429) {
      if (code === 'insufficient_quota' || /quota|余额|欠费|Arrearage/i.test(code + ' ' + detail)) {
        return new Failure('llm-rate-limited', { endpoint, reason: 'quota' });
      }
      return new Failure('llm-rate-limited', { endpoint }, true, retryAfterMs(e.headers));
    }
    if (retryableStatus(status)) {
      return new Failure('llm-http', { endpoint, status: String(status), reason: 'server', detail }, true, retryAfterMs(e.headers));
    }
    if (status === 404) return new Failure('llm-http', { endpoint, status: '404', reason: 'not-found', model: cfg.model, detail });
    if (status === 413) return new Failure('llm-http', { endpoint, status: '413', reason: 'too-large', detail });
    if (code === 'context_length_exceeded' || /context length|context window|maximum context|too many tokens|prompt is too long/i.test(detail)) {
      return new Failure('llm-http', { endpoint, status: String(status), reason: 'too-long', detail });
    }
    if ((status === 400 || status === 422) && /response_format|json_schema|json_object|tool|function call/i.test(detail)) {
      return new Failure('llm-http', { endpoint, status: String(status), reason: 'unsupported', detail });
    }
    return new Failure('llm-http', { endpoint, status: String(status), reason: 'other', detail });
  }

  /** The error to throw after the last attempt; `retries` is how many retries were made. */
  function finalError(f: Failure, retries: number): CrossfootError {
    const params = { ...f.params };
    if (retries > 0 && (f.code === 'llm-unreachable' || f.code === 'llm-rate-limited' || (f.code === 'llm-http' && params.reason === 'server'))) {
      params.attempts = String(retries);
    }
    return new CrossfootError(f.code, params);
  }

  function isMixedContent(): boolean {
    const page = deps.pageProtocol ?? (globalThis as { location?: { protocol?: string } }).location?.protocol;
    if (page !== 'https:') return false;
    try {
      const url = new URL(cfg.baseURL);
      return url.protocol === 'http:' && !isLoopback(url.hostname);
    } catch {
      return false;
    }
  }
}

/**
 * The fetch given to the SDK: removes the SDK's x-stainless-* headers, and Authorization when no key is set; in the
 * browser it keeps only Accept, Content-Type and Authorization, the headers an on-premises server's CORS
 * configuration is asked to allow.
 */
export function filteringFetch(base: Fetch, opts: { browser: boolean; keySet: boolean }): Fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    for (const name of [...headersNames(headers)]) {
      const lower = name.toLowerCase();
      const drop =
        lower.startsWith('x-stainless-') ||
        (lower === 'authorization' && !opts.keySet) ||
        (opts.browser && lower !== 'accept' && lower !== 'content-type' && lower !== 'authorization');
      if (drop) headers.delete(name);
    }
    return base(input, { ...init, headers });
  };
}

function headersNames(headers: Headers): string[] {
  const names: string[] = [];
  headers.forEach((_value, name) => names.push(name));
  return names;
}

/** The body of the Chat Completions request. */
function requestBody(model: string, request: ChatRequest, structured: 'json_schema' | 'json_object' | 'none', stream: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages: request.messages.map(wireMessage) };
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
  }
  const format = wireResponseFormat(request.responseFormat, structured);
  if (format) body.response_format = format;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  // max_tokens, not max_completion_tokens: the compatible servers (vLLM, llama.cpp, Ollama, DeepSeek, DashScope) know it
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  if (stream) body.stream = true;
  return body;
}

/**
 * Structured output as the endpoint can take it: JSON Schema where supported; JSON mode ('json_object') for providers
 * without it (the caller's prompt carries the schema in any case); nothing for 'none'.
 */
function wireResponseFormat(format: ResponseFormat | undefined, structured: 'json_schema' | 'json_object' | 'none'): Record<string, unknown> | undefined {
  if (!format || format.type === 'text' || structured === 'none') return undefined;
  if (format.type === 'json_schema' && structured === 'json_schema') {
    const name = format.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'result';
    return { type: 'json_schema', json_schema: { name, schema: format.schema } };
  }
  return { type: 'json_object' };
}

function wireMessage(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case 'assistant': {
      const out: Record<string, unknown> = { role: 'assistant', content: m.content };
      if (m.toolCalls && m.toolCalls.length > 0) {
        out.tool_calls = m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
      }
      return out;
    }
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.content ?? '' };
    default:
      return { role: m.role, content: m.content ?? '' };
  }
}

interface WireChoice {
  message?: {
    content?: unknown;
    tool_calls?: Array<{ id?: string; type?: string; function?: { name?: unknown; arguments?: unknown } } | null>;
  };
  finish_reason?: unknown;
}

interface StreamChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }>;
    };
    finish_reason?: string | null;
  }>;
  usage?: unknown;
}

/** The text of a message's content: a string, or (some servers) an array of text parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
  }
  return '';
}

function usageOf(u: unknown): ChatResponse['usage'] {
  const o = u as { prompt_tokens?: unknown; completion_tokens?: unknown };
  if (typeof o?.prompt_tokens !== 'number' || typeof o?.completion_tokens !== 'number') return undefined;
  return { promptTokens: o.prompt_tokens, completionTokens: o.completion_tokens };
}

function deliver(onDelta: ((text: string) => void) | undefined, text: string): void {
  if (!onDelta) return;
  try {
    onDelta(text);
  } catch (e) {
    throw new ConsumerFault(e);
  }
}

/** The server's message from an APIError: its error.message, else the SDK's message without the status prefix. */
function errorText(e: APIError): string {
  const inner = e.error as { message?: unknown } | undefined;
  let text = inner && typeof inner.message === 'string' ? inner.message : e.message.replace(/^\d{3}\s+/, '');
  // an HTML error page (a proxy's 502): keep its title or its text, not its markup
  if (/<(html|body|head|title)[\s>]/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    text = title ?? text.replace(/<[^>]+>/g, ' ');
  }
  return text;
}

/** Retry-After-Ms (OpenAI), else Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && !Number.isNaN(parseFloat(ms))) return Math.max(0, parseFloat(ms));
  const ra = headers.get('retry-after');
  if (!ra) return undefined;
  const s = Number(ra.trim());
  if (ra.trim() !== '' && Number.isFinite(s)) return Math.max(0, s * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A wait that ends early, rejecting with `cancelled()`, when the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined, cancelled: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Error codes along the cause chain (and inside AggregateErrors: a host with IPv4 and IPv6 addresses). */
function errorCodes(e: unknown): Set<string> {
  const codes = new Set<string>();
  walkErrors(e, (x) => {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
  });
  return codes;
}

function errorMessagesOf(e: unknown): string[] {
  const out: string[] = [];
  walkErrors(e, (x) => {
    const m = (x as { message?: unknown }).message;
    if (typeof m === 'string' && m) out.push(m);
  });
  return out;
}

function innermostMessage(e: unknown): string {
  const all = errorMessagesOf(e);
  return all[all.length - 1] ?? String(e);
}

function walkErrors(e: unknown, visit: (x: object) => void, depth = 0): void {
  if (!e || typeof e !== 'object' || depth > 8) return;
  visit(e);
  const errors = (e as { errors?: unknown }).errors;
  if (Array.isArray(errors)) for (const x of errors) walkErrors(x, visit, depth + 1);
  walkErrors((e as { cause?: unknown }).cause, visit, depth + 1);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
