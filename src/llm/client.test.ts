/**
 * The OpenAI-compatible client against the fake server (real HTTP on 127.0.0.1): answers, streaming, tool calls,
 * retries, timeouts, cancellation, failures and their sentences, browser headers, and the key never leaking.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeOpenAI, type FakeOpenAI } from '../../test/support/fake-openai';
import { CrossfootError } from '../errors';
import { createChatModel, retryAfterMs, type ChatModelDeps } from './client';
import type { ChatModel, ChatRequest, LlmConfig } from './types';

const KEY = 'sk-test-SECRET0123456789abcdefXYZ';
const FAST: ChatModelDeps = { retry: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 5000 } };
const ASK: ChatRequest = { messages: [{ role: 'system', content: '你是助手。' }, { role: 'user', content: '本年支出合计是多少？' }] };

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

function model(extra: Partial<LlmConfig> = {}, deps: ChatModelDeps = FAST): ChatModel {
  return createChatModel({ baseURL: fake.baseURL, model: 'fake-model', apiKey: KEY, timeoutMs: 2000, ...extra }, deps);
}

/** The CrossfootError a promise rejects with (fails the test when it resolves or throws something else). */
async function failure(p: Promise<unknown>): Promise<CrossfootError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CrossfootError) {
      // whatever the failure, the key is in no message, in no language, and in no parameter
      for (const text of [e.message, e.localized('zh-CN'), e.localized('en-US'), JSON.stringify(e.params)]) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain('SECRET');
      }
      return e;
    }
    throw e;
  }
  throw new Error('expected a CrossfootError, the call succeeded');
}

describe('answers', () => {
  test('a plain answer, and the request the server received', async () => {
    fake.enqueue({ reply: '本年支出合计为 1,234.56 万元。', usage: { prompt_tokens: 21, completion_tokens: 9 } });
    const r = await model().complete({ ...ASK, temperature: 0.2, maxTokens: 300 });
    expect(r).toEqual({
      content: '本年支出合计为 1,234.56 万元。',
      toolCalls: [],
      finishReason: 'stop',
      usage: { promptTokens: 21, completionTokens: 9 },
    });
    const [req] = fake.chatRequests();
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body).toEqual({
      model: 'fake-model',
      messages: [
        { role: 'system', content: '你是助手。' },
        { role: 'user', content: '本年支出合计是多少？' },
      ],
      temperature: 0.2,
      max_tokens: 300,
    });
    // the SDK's telemetry headers are not sent even from Node
    expect(Object.keys(req.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
  });

  test('a streamed answer: deltas arrive in order and add up to the final text', async () => {
    const text = '2024年度收入合计 5,678.90 万元，比上年增加 123.45 万元，增长 2.2%。主要原因是……𠮷';
    fake.enqueue({ reply: text, chunkSize: 3 });
    const deltas: string[] = [];
    const r = await model().complete(ASK, { onDelta: (d) => deltas.push(d) });
    expect(fake.chatRequests()[0].body.stream).toBe(true);
    expect(deltas.length).toBe(Math.ceil(Array.from(text).length / 3));
    expect(deltas.join('')).toBe(text);
    expect(deltas[0]).toBe('202');
    expect(r.content).toBe(text);
    expect(r.finishReason).toBe('stop');
  });

  test('streamed tool calls are assembled from argument pieces split over many chunks', async () => {
    const args1 = JSON.stringify({ key: 'juesuan.expenditure/合计/本年支出', unit: '万元' });
    const args2 = JSON.stringify({ severity: 'error' });
    fake.enqueue({
      toolCalls: [
        { id: 'call_a', name: 'get_fact', arguments: args1 },
        { id: 'call_b', name: 'list_findings', arguments: args2 },
      ],
      argsChunkSize: 5,
    });
    const deltas: string[] = [];
    const r = await model().complete(
      {
        ...ASK,
        tools: [
          { name: 'get_fact', description: '取一个数', parameters: { type: 'object', properties: { key: { type: 'string' } } } },
          { name: 'list_findings', description: '列出问题', parameters: { type: 'object', properties: {} } },
        ],
      },
      { onDelta: (d) => deltas.push(d) },
    );
    expect(deltas).toEqual([]);
    expect(r.content).toBe('');
    expect(r.finishReason).toBe('tool_calls');
    expect(r.toolCalls).toEqual([
      { id: 'call_a', name: 'get_fact', arguments: args1 },
      { id: 'call_b', name: 'list_findings', arguments: args2 },
    ]);
    const body = fake.chatRequests()[0].body;
    expect(body.tools).toEqual([
      { type: 'function', function: { name: 'get_fact', description: '取一个数', parameters: { type: 'object', properties: { key: { type: 'string' } } } } },
      { type: 'function', function: { name: 'list_findings', description: '列出问题', parameters: { type: 'object', properties: {} } } },
    ]);
  });

  test('non-streamed tool calls, and a tool conversation sent back in the wire format', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_1', name: 'run_check', arguments: '{}' }] }, { reply: '检查完成，共 2 个问题。' });
    const m = model();
    const first = await m.complete(ASK);
    expect(first.toolCalls).toEqual([{ id: 'call_1', name: 'run_check', arguments: '{}' }]);
    expect(first.finishReason).toBe('tool_calls');
    const second = await m.complete({
      messages: [
        ...ASK.messages,
        { role: 'assistant', content: null, toolCalls: first.toolCalls },
        { role: 'tool', toolCallId: 'call_1', content: '{"findings":2}' },
      ],
    });
    expect(second.content).toBe('检查完成，共 2 个问题。');
    expect(fake.chatRequests()[1].body.messages.slice(2)).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'run_check', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"findings":2}' },
    ]);
  });

  test('response_format: JSON Schema, downgraded to JSON mode or left out as configured', async () => {
    const schema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };
    const req: ChatRequest = { ...ASK, responseFormat: { type: 'json_schema', name: '变动原因 draft', schema } };
    fake.enqueue({ reply: '{"text":"a"}' }, { reply: '{"text":"b"}' }, { reply: 'c' });
    await model().complete(req);
    await model({ structuredOutput: 'json_object' }).complete(req);
    await model({ structuredOutput: 'none' }).complete(req);
    const [a, b, c] = fake.chatRequests().map((r) => r.body);
    expect(a.response_format).toEqual({ type: 'json_schema', json_schema: { name: '_____draft', schema } });
    expect(b.response_format).toEqual({ type: 'json_object' });
    expect(c.response_format).toBeUndefined();
  });

  test('no key: no Authorization header at all', async () => {
    fake.enqueue({ reply: 'ok' });
    await model({ apiKey: undefined }).complete(ASK);
    expect(fake.chatRequests()[0].headers.authorization).toBeUndefined();
  });

  test('a server that ignores stream: true answers in one piece, passed on as one delta', async () => {
    fake.enqueue({ reply: '一次性回答', stream: false });
    const deltas: string[] = [];
    const r = await model().complete(ASK, { onDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual(['一次性回答']);
    expect(r.content).toBe('一次性回答');
  });
});

describe('retries', () => {
  test('429 with Retry-After: waits that long, then succeeds', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { reply: '好的' });
    const started = Date.now();
    const r = await model().complete(ASK);
    expect(r.content).toBe('好的');
    const [a, b] = fake.chatRequests();
    expect(b.receivedAt - a.receivedAt).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('Retry-After-Ms is honoured too', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after-ms': '300' } }, { reply: '好的' });
    await model().complete(ASK);
    const [a, b] = fake.chatRequests();
    expect(b.receivedAt - a.receivedAt).toBeGreaterThanOrEqual(280);
  });

  test('a Retry-After longer than the bound fails at once with llm-rate-limited', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '3600' } }, { reply: 'never' });
    const started = Date.now();
    const e = await failure(model().complete(ASK));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e.code).toBe('llm-rate-limited');
    expect(e.params.retryAfter).toBe('3600');
    expect(e.localized('zh-CN')).toContain('3600 秒后再试');
    expect(fake.pending()).toBe(1);
  });

  test('a 503 with a long Retry-After (maintenance) fails at once as the server error it is, not as HTTP 429', async () => {
    fake.enqueue({ status: 503, headers: { 'retry-after': '3600' }, body: { error: { message: 'down for maintenance' } } }, { reply: 'never' });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-http');
    expect(e.params).toMatchObject({ status: '503', reason: 'server', detail: 'down for maintenance' });
    expect(e.localized('en-US')).not.toContain('429');
    expect(fake.pending()).toBe(1);
  });

  test('500 twice, then success', async () => {
    fake.enqueue({ status: 500 }, { status: 503 }, { reply: '第三次成功' });
    const r = await model().complete(ASK);
    expect(r.content).toBe('第三次成功');
    expect(fake.chatRequests()).toHaveLength(3);
  });

  test('retries exhausted on 429 → llm-rate-limited, on 5xx → llm-http, after maxRetries + 1 requests', async () => {
    fake.enqueue({ status: 429 }, { status: 429 }, { status: 429 }, { reply: 'too late' });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-rate-limited');
    expect(e.params.attempts).toBe('2');
    expect(e.localized('zh-CN')).toBe(`语言模型服务 ${fake.baseURL} 拒绝了请求：请求过于频繁（HTTP 429）（已重试 2 次）。请稍后再试。`);
    expect(fake.chatRequests()).toHaveLength(3);

    fake.reset();
    const page = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    fake.enqueue({ status: 502, body: page }, { status: 502, body: page });
    const e2 = await failure(model({ maxRetries: 1 }).complete(ASK));
    expect(e2.code).toBe('llm-http');
    expect(e2.params).toMatchObject({ status: '502', reason: 'server', attempts: '1', detail: '502 Bad Gateway' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  test('insufficient quota (429) is not retried', async () => {
    fake.enqueue({ status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } } });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-rate-limited');
    expect(e.params.reason).toBe('quota');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  test('a connection dropped without an answer is retried', async () => {
    fake.enqueue({ drop: true }, { reply: '恢复了' });
    expect((await model().complete(ASK)).content).toBe('恢复了');
    expect(fake.chatRequests()).toHaveLength(2);
  });

  test('backoff grows between retries', async () => {
    fake.enqueue({ status: 500 }, { status: 500 }, { reply: 'ok' });
    await model({}, { retry: { baseDelayMs: 150 }, random: () => 0 }).complete(ASK);
    const [a, b, c] = fake.chatRequests().map((r) => r.receivedAt);
    expect(b - a).toBeGreaterThanOrEqual(140);
    expect(c - b).toBeGreaterThanOrEqual(290);
  });
});

describe('timeouts and cancellation', () => {
  test('a server that never answers → llm-timeout within a bounded time, not retried', async () => {
    fake.enqueue({ hang: true }, { reply: 'never' });
    const started = Date.now();
    const e = await failure(model({ timeoutMs: 300 }).complete(ASK));
    const took = Date.now() - started;
    expect(e.code).toBe('llm-timeout');
    expect(e.params).toMatchObject({ seconds: '0.3', phase: 'response' });
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(1500);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  test('a stream that stalls → llm-timeout (stream), the timeout counting from the last chunk', async () => {
    // 6 chunks 150 ms apart (900 ms in all) pass a 400 ms timeout; then the server stalls
    fake.enqueue({ reply: '一二三四五六七八九十'.repeat(3), chunkSize: 5, chunkDelayMs: 150, hangAfterChunks: 6 });
    const deltas: string[] = [];
    const e = await failure(model({ timeoutMs: 400 }).complete(ASK, { onDelta: (d) => deltas.push(d) }));
    expect(e.code).toBe('llm-timeout');
    expect(e.params.phase).toBe('stream');
    expect(deltas).toHaveLength(6);
  });

  test('a stream that ends with its finish reason but is never closed (no [DONE]) is a complete answer', async () => {
    // events: role, 3 text chunks, finish; then the server keeps the connection open
    fake.enqueue({ reply: '一二三', chunkSize: 1, hangAfterChunks: 4 });
    const started = Date.now();
    const r = await model({ timeoutMs: 2000 }).complete(ASK, { onDelta: () => undefined });
    expect(r).toMatchObject({ content: '一二三', finishReason: 'stop' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  test('a non-streamed body that is slower than the timeout → llm-timeout', async () => {
    fake.enqueue({ reply: 'late', delayMs: 1000 });
    const e = await failure(model({ timeoutMs: 300 }).complete(ASK));
    expect(e.code).toBe('llm-timeout');
  });

  test('cancellation mid-stream → llm-cancelled, promptly, no retry', async () => {
    fake.enqueue({ reply: '很长的回答'.repeat(50), chunkSize: 2, chunkDelayMs: 40 }, { reply: 'never' });
    const ac = new AbortController();
    const deltas: string[] = [];
    const started = Date.now();
    const e = await failure(
      model().complete(ASK, {
        signal: ac.signal,
        onDelta: (d) => {
          deltas.push(d);
          if (deltas.length === 3) ac.abort();
        },
      }),
    );
    expect(e.code).toBe('llm-cancelled');
    expect(deltas.length).toBeLessThanOrEqual(4);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  test('cancellation during a retry wait → llm-cancelled without waiting it out', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '4' } }, { reply: 'never' });
    const ac = new AbortController();
    const started = Date.now();
    const p = model().complete(ASK, { signal: ac.signal });
    // abort once the first (429) answer has arrived and the client is waiting
    await waitFor(() => fake.chatRequests().length === 1);
    setTimeout(() => ac.abort(), 100);
    const e = await failure(p);
    expect(e.code).toBe('llm-cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.chatRequests()).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const e = await failure(model().complete(ASK, { signal: ac.signal }));
    expect(e.code).toBe('llm-cancelled');
    expect(fake.requests).toHaveLength(0);
  });

  test('cancellation while waiting for the headers', async () => {
    fake.enqueue({ hang: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(model().complete(ASK, { signal: ac.signal }));
    expect(e.code).toBe('llm-cancelled');
    expect(e.localized('zh-CN')).toBe(`已取消对语言模型服务 ${fake.baseURL} 的请求。`);
  });
});

describe('failures', () => {
  test('connection refused → llm-unreachable, saying so clearly', async () => {
    const port = await closedPort();
    const m = createChatModel({ baseURL: `http://127.0.0.1:${port}/v1`, model: 'm', apiKey: KEY }, { retry: { baseDelayMs: 10 } });
    const e = await failure(m.complete(ASK));
    expect(e.code).toBe('llm-unreachable');
    expect(e.params.reason).toBe('refused');
    expect(e.params.attempts).toBe('2');
    expect(e.localized('zh-CN')).toBe(
      `无法连接语言模型服务 http://127.0.0.1:${port}/v1（已重试 2 次）：连接被拒绝。请检查地址是否正确、服务是否已启动。`,
    );
    expect(e.localized('en-US')).toContain('the connection was refused');
  });

  test('401 → llm-auth (not retried); without a key it says a key is needed', async () => {
    fake.enqueue({ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY.slice(0, 8)}****${KEY.slice(-4)}`, code: 'invalid_api_key' } } });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-auth');
    expect(e.params).toMatchObject({ status: '401', keySet: 'yes' });
    expect(e.localized('zh-CN')).toContain('拒绝了访问密钥（HTTP 401）');
    expect(fake.chatRequests()).toHaveLength(1);

    fake.enqueue({ status: 401 });
    const e2 = await failure(model({ apiKey: undefined }).complete(ASK));
    expect(e2.localized('zh-CN')).toContain('需要访问密钥（HTTP 401），但尚未设置');
  });

  test('404 → llm-http not-found, naming the model and the /v1 hint', async () => {
    fake.enqueue({ status: 404, body: { error: { message: 'model "qwen-max" not found' } } });
    const e = await failure(model({ model: 'qwen-max' }).complete(ASK));
    expect(e.code).toBe('llm-http');
    expect(e.params.reason).toBe('not-found');
    expect(e.localized('zh-CN')).toContain('/v1');
    expect(e.localized('zh-CN')).toContain('“qwen-max”');
  });

  test('400 about response_format → a hint to switch the structured output mode', async () => {
    fake.enqueue({ status: 400, body: { error: { message: "Unknown parameter: 'response_format.json_schema'" } } });
    const e = await failure(model().complete({ ...ASK, responseFormat: { type: 'json_schema', name: 'x', schema: {} } }));
    expect(e.params.reason).toBe('unsupported');
    expect(e.localized('zh-CN')).toContain('json_object 或 none');
  });

  test('a malformed JSON body → llm-bad-response', async () => {
    fake.enqueue({ malformed: '{"id":"chatcmpl-1","choices":[{"message":' }, { malformed: '{"id":"x","object":"chat.completion"}' });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-bad-response');
    expect(e.params.reason).toBe('json');
    expect(e.localized('zh-CN')).toContain('不是有效的 JSON');
    const e2 = await failure(model().complete(ASK));
    expect(e2.params.reason).toBe('shape');
  });

  test('an HTML page instead of the API → llm-bad-response not-api', async () => {
    fake.enqueue({ malformed: '<!doctype html><html><body>Welcome to nginx</body></html>', contentType: 'text/html' });
    const e = await failure(model().complete(ASK));
    expect(e.params).toMatchObject({ reason: 'not-api', detail: 'text/html' });
  });

  test('a malformed chunk in a stream → llm-bad-response', async () => {
    fake.enqueue({ malformedChunk: '{"choices":[{"delta":{"content":"x"', reply: '前半句', afterChunks: 1 });
    const e = await failure(model().complete(ASK, { onDelta: () => undefined }));
    expect(e.code).toBe('llm-bad-response');
    expect(e.params.reason).toBe('json');
  });

  test('a stream cut off before its end → not taken for a short answer', async () => {
    fake.enqueue({ reply: '一二三四五六七八', chunkSize: 2, dropAfterChunks: 2 });
    const e = await failure(model().complete(ASK, { onDelta: () => undefined }));
    expect(e.code).toBe('llm-unreachable');
    expect(e.params.reason).toBe('interrupted');
    // text had been shown: no retry (it would be shown twice)
    expect(fake.chatRequests()).toHaveLength(1);
  });

  test('an error object inside the stream → llm-http (stream) with the server message, redacted', async () => {
    fake.enqueue({ malformedChunk: JSON.stringify({ error: { message: `backend overloaded, key ${KEY}` } }), reply: '', afterChunks: 0 });
    const e = await failure(model().complete(ASK, { onDelta: () => undefined }));
    expect(e.code).toBe('llm-http');
    expect(e.params.reason).toBe('stream');
    expect(e.params.detail).toContain('backend overloaded');
  });

  test('the key never appears in an error message, even when the server echoes it', async () => {
    fake.enqueue({ status: 400, body: { error: { message: `bad request for Authorization: Bearer ${KEY} (key ${KEY})` } } });
    const e = await failure(model().complete(ASK));
    expect(e.code).toBe('llm-http');
    expect(e.params.detail).toContain('***');
  });

  test('an exception in onDelta is the caller’s own and passes through unchanged', async () => {
    fake.enqueue({ reply: 'abcdefgh' });
    const boom = new RangeError('consumer bug');
    await expect(
      model().complete(ASK, {
        onDelta: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });
});

describe('browser mode', () => {
  test('sends no x-stainless or user-agent headers, passes a strict CORS preflight, keeps Authorization with a key', async () => {
    fake.enqueue({ reply: 'ok' }, { reply: 'ok' });
    await model({ browser: true }).complete(ASK);
    await model({ browser: true, apiKey: undefined }).complete(ASK);
    const [withKey, withoutKey] = fake.chatRequests();
    // what the caller chose to send (not what the runtime adds: host, connection, its own user-agent, …)
    const runtime = ['host', 'connection', 'content-length', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent'];
    const sent = (h: Record<string, string>) => Object.keys(h).filter((k) => !runtime.includes(k));
    expect(withKey.headers['user-agent']).not.toMatch(/OpenAI/);
    expect(sent(withKey.headers).sort()).toEqual(['accept', 'authorization', 'content-type']);
    expect(sent(withoutKey.headers).sort()).toEqual(['accept', 'content-type']);
    // every header the browser would have to ask about is allowed by the fake's default (strict) preflight answer
    const preflight = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    for (const h of sent(withKey.headers)) if (h !== 'accept') expect(allowed).toContain(h);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
  });

  test('a failed fetch in a https page calling a plain-http intranet server → mixed-content, not retried', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const m = createChatModel(
      { baseURL: 'http://gpu01.intra:8000/v1', model: 'm', browser: true },
      { fetch: failing, pageProtocol: 'https:', retry: { baseDelayMs: 10 } },
    );
    const e = await failure(m.complete(ASK));
    expect(e.code).toBe('llm-unreachable');
    expect(e.params.reason).toBe('mixed-content');
    expect(e.params.attempts).toBeUndefined();
    // the same failure against a loopback server is the generic browser sentence (CORS or not running), retried
    let calls = 0;
    const m2 = createChatModel(
      { baseURL: 'http://127.0.0.1:11434/v1', model: 'm', browser: true },
      { fetch: () => (calls++, Promise.reject(new TypeError('Failed to fetch'))), pageProtocol: 'https:', retry: { baseDelayMs: 10 } },
    );
    const e2 = await failure(m2.complete(ASK));
    expect(e2.params.reason).toBe('browser');
    expect(e2.localized('zh-CN')).toContain('CORS');
    expect(calls).toBe(3);
  });
});

test('retryAfterMs reads seconds, milliseconds and HTTP dates', () => {
  expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
  expect(retryAfterMs(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
  const inFive = new Date(Date.now() + 5000).toUTCString();
  const ms = retryAfterMs(new Headers({ 'retry-after': inFive }))!;
  expect(ms).toBeGreaterThan(3000);
  expect(ms).toBeLessThanOrEqual(5000);
  expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  expect(retryAfterMs(new Headers())).toBeUndefined();
});

test('the fake server answers 400 when no step is left (so a missing script is not retried)', async () => {
  const e = await failure(model().complete(ASK));
  expect(e.code).toBe('llm-http');
  expect(e.params.detail).toContain('no step scripted');
  expect(fake.chatRequests()).toHaveLength(1);
});

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
