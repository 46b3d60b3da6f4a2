/**
 * The add-in's language model settings: kept in the add-in's own storage (never the workbook), damaged data ignored,
 * nothing ready before an endpoint is set and its data notice accepted, the browser client against the fake
 * OpenAI-compatible server (directly and through the dev server's proxy), and the key never in a message.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CrossfootError } from '../../src/errors';
import { defaultAddinStorage, memoryStorage, webStorage, type AddinStorage } from '../../addin/host/storage';
import {
  acceptanceOf,
  browserChatModel,
  EMPTY_SETTINGS,
  forgetLlmSettings,
  llmConfigOf,
  llmState,
  LLM_SETTINGS_KEY,
  loadLlmSettings,
  parseSettings,
  proxiedUrl,
  proxyFetch,
  saveLlmSettings,
  serializeSettings,
  testConnection,
  type LlmSettings,
} from '../../addin/taskpane/llm/settings';
import { createLlmProxy } from '../../addin/dev/llm-proxy';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

const KEY = 'sk-test-0123456789abcdefSECRET';

function settings(over: Partial<LlmSettings> = {}): LlmSettings {
  return { ...EMPTY_SETTINGS, baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', ...over };
}

function accepted(over: Partial<LlmSettings> = {}): LlmSettings {
  const s = settings(over);
  return { ...s, accepted: acceptanceOf(llmConfigOf(s)) };
}

describe('storage', () => {
  it('saves, loads and forgets the settings under one key of the add-in storage', async () => {
    const store = memoryStorage();
    expect(await loadLlmSettings(store)).toEqual({ settings: undefined, damaged: false });
    const s = accepted({ apiKey: KEY, timeout: '90', useProxy: true, structuredOutput: 'json_object' });
    await saveLlmSettings(store, s);
    expect([...store.values.keys()]).toEqual([LLM_SETTINGS_KEY]);
    expect(await loadLlmSettings(store)).toEqual({ settings: s, damaged: false });
    await forgetLlmSettings(store);
    expect(store.values.size).toBe(0);
    expect(await loadLlmSettings(store)).toEqual({ settings: undefined, damaged: false });
  });

  it('reads damaged or foreign data as none, and never throws', async () => {
    for (const bad of ['{', '[]', 'null', '{"version":2,"baseURL":"x","model":"m"}', '{"version":1,"model":"m"}', '{"version":1,"baseURL":3,"model":"m"}']) {
      const store = memoryStorage({ [LLM_SETTINGS_KEY]: bad });
      expect(await loadLlmSettings(store)).toEqual({ settings: undefined, damaged: true });
    }
    const failing: AddinStorage = {
      kind: 'office',
      getItem: () => Promise.reject(new Error('storage unavailable')),
      setItem: () => Promise.resolve(),
      removeItem: () => Promise.resolve(),
    };
    expect(await loadLlmSettings(failing)).toEqual({ settings: undefined, damaged: true });
  });

  it('keeps unknown structured modes out and defaults missing fields', () => {
    const s = parseSettings('{"version":1,"baseURL":"http://h/v1","model":"m","structuredOutput":"xml","useProxy":"yes"}');
    expect(s).toEqual({ ...EMPTY_SETTINGS, baseURL: 'http://h/v1', model: 'm' });
    expect(parseSettings(serializeSettings(accepted({ apiKey: KEY })))).toEqual(accepted({ apiKey: KEY }));
  });

  it('uses OfficeRuntime.storage when present, else localStorage, else memory', async () => {
    const office = new Map<string, string>();
    const officeRuntime = {
      storage: {
        getItem: async (k: string) => office.get(k) ?? null,
        setItem: async (k: string, v: string) => void office.set(k, v),
        removeItem: async (k: string) => void office.delete(k),
      },
    };
    const local = new Map<string, string>();
    const localStorage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => void local.set(k, v), removeItem: (k: string) => void local.delete(k) };
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };

    const a = defaultAddinStorage({ OfficeRuntime: officeRuntime, localStorage });
    expect(a.kind).toBe('office');
    await saveLlmSettings(a, settings());
    expect(office.has(LLM_SETTINGS_KEY)).toBe(true);
    expect(local.size).toBe(0);

    const b = defaultAddinStorage({ localStorage });
    expect(b.kind).toBe('browser');
    await saveLlmSettings(b, settings());
    expect([...local.keys()]).toEqual([LLM_SETTINGS_KEY]);

    expect(defaultAddinStorage({ localStorage: refusing }).kind).toBe('memory');
    expect(defaultAddinStorage({}).kind).toBe('memory');
    expect(webStorage(localStorage).kind).toBe('browser');
  });
});

describe('when the features may send', () => {
  it('is unset without an endpoint and a model', () => {
    expect(llmState(undefined)).toEqual({ status: 'unset' });
    expect(llmState(EMPTY_SETTINGS)).toEqual({ status: 'unset' });
    expect(llmState(settings({ model: '' })).status).toBe('unset');
  });

  it('is invalid for a bad endpoint, key or timeout, with the validator’s sentence', () => {
    const cases: Array<[Partial<LlmSettings>, string]> = [
      [{ baseURL: 'ftp://example.com/v1' }, 'url-scheme'],
      [{ baseURL: 'api.deepseek.com/v1' }, 'url-scheme'],
      [{ baseURL: 'https://u:p@example.com/v1' }, 'url-credentials'],
      [{ apiKey: 'sk-abc def' }, 'api-key'],
      [{ timeout: 'soon' }, 'timeout'],
      [{ model: 'a b' }, 'model'],
    ];
    for (const [over, reason] of cases) {
      const state = llmState(settings(over));
      expect(state.status).toBe('invalid');
      if (state.status !== 'invalid') continue;
      expect(state.error).toBeInstanceOf(CrossfootError);
      expect(state.error.code).toBe('llm-bad-config');
      expect(state.error.params.reason).toBe(reason);
      expect(state.error.localized('zh-CN')).not.toContain('sk-abc');
    }
  });

  it('is ready only once the notice was accepted for this endpoint and model', () => {
    expect(llmState(settings()).status).toBe('unaccepted');
    const ok = accepted();
    const ready = llmState(ok);
    expect(ready.status).toBe('ready');
    if (ready.status === 'ready') {
      expect(ready.config).toEqual({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', structuredOutput: 'json_schema', browser: true });
    }
    // another model or endpoint needs the notice accepted again; the key and the proxy do not change what is sent where
    expect(llmState({ ...ok, model: 'llama3' }).status).toBe('unaccepted');
    expect(llmState({ ...ok, baseURL: 'https://api.deepseek.com/v1' }).status).toBe('unaccepted');
    expect(llmState({ ...ok, apiKey: KEY, useProxy: true }).status).toBe('ready');
    // a trailing slash is the same endpoint
    expect(llmState({ ...ok, baseURL: 'http://127.0.0.1:11434/v1/' }).status).toBe('ready');
  });

  it('builds the configuration: the key only when set, the timeout in milliseconds', () => {
    expect(llmConfigOf(settings({ apiKey: '  ', timeout: '90' }))).toEqual({
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'qwen2.5:7b',
      structuredOutput: 'json_schema',
      browser: true,
      timeoutMs: 90_000,
    });
    expect(llmConfigOf(settings({ apiKey: KEY, timeout: '1500ms' }))).toMatchObject({ apiKey: KEY, timeoutMs: 1500 });
  });
});

describe('the proxy URL', () => {
  it('maps a target URL onto /llm-proxy/<encoded origin><path> of the page', () => {
    expect(proxiedUrl('http://127.0.0.1:11434/v1/chat/completions', 'https://localhost:3000')).toBe(
      'https://localhost:3000/llm-proxy/http%3A%2F%2F127.0.0.1%3A11434/v1/chat/completions',
    );
    expect(proxiedUrl('https://api.deepseek.com/v1/models?x=1', 'http://localhost:3001/')).toBe(
      'http://localhost:3001/llm-proxy/https%3A%2F%2Fapi.deepseek.com/v1/models?x=1',
    );
  });

  it('rewrites absolute requests and leaves relative ones', async () => {
    const seen: string[] = [];
    const base = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    const f = proxyFetch('http://localhost:3001', base);
    await f('http://gpu01:8000/v1/chat/completions', { method: 'POST' });
    await f(new URL('https://api.openai.com/v1/models'));
    await f('/samples/x.json');
    expect(seen).toEqual([
      'http://localhost:3001/llm-proxy/http%3A%2F%2Fgpu01%3A8000/v1/chat/completions',
      'http://localhost:3001/llm-proxy/https%3A%2F%2Fapi.openai.com/v1/models',
      '/samples/x.json',
    ]);
  });
});

describe('the browser client against the fake server', () => {
  let fake: FakeOpenAI;
  let proxy: http.Server;
  let proxyOrigin: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY });
    const middleware = createLlmProxy();
    proxy = http.createServer((req, res) =>
      middleware(req, res, () => {
        res.writeHead(404).end('not proxied');
      }),
    );
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await fake.close();
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });
  beforeEach(() => fake.reset());

  it('tests the connection with one "ping" and no workbook data, without the SDK’s extra headers', async () => {
    fake.enqueue({ reply: 'pong' });
    const model = browserChatModel(accepted({ baseURL: fake.baseURL, apiKey: KEY }));
    const { ms } = await testConnection(model);
    expect(ms).toBeGreaterThanOrEqual(0);
    const [req] = fake.chatRequests();
    expect(req.body.messages).toEqual([{ role: 'user', content: 'ping' }]);
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(Object.keys(req.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
  });

  it('streams through the dev server’s proxy and names the real endpoint in errors', async () => {
    fake.enqueue({ reply: '本年支出合计 442.86 万元。', chunkSize: 3 });
    const model = browserChatModel(accepted({ baseURL: fake.baseURL, apiKey: KEY, useProxy: true }), { pageOrigin: proxyOrigin });
    expect(model.endpoint).toBe(fake.baseURL);
    const deltas: string[] = [];
    const answer = await model.complete({ messages: [{ role: 'user', content: '本年支出？' }] }, { onDelta: (d) => deltas.push(d) });
    expect(answer.content).toBe('本年支出合计 442.86 万元。');
    expect(deltas.length).toBeGreaterThan(2);
    const [req] = fake.chatRequests();
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);

    // the key is wrong: the error names the endpoint, never the key
    const wrong = browserChatModel(accepted({ baseURL: fake.baseURL, apiKey: 'sk-wrong-key-0000000000', useProxy: true }), { pageOrigin: proxyOrigin });
    const e = await wrong.complete({ messages: [{ role: 'user', content: 'x' }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CrossfootError);
    expect((e as CrossfootError).code).toBe('llm-auth');
    const text = (e as CrossfootError).localized('zh-CN');
    expect(text).toContain(fake.baseURL);
    expect(text).not.toContain('sk-wrong-key');
  });

  it('says clearly that a closed port is unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const model = browserChatModel(accepted({ baseURL: `http://127.0.0.1:${port}/v1` }));
    const e = (await testConnection(model).catch((x: unknown) => x)) as CrossfootError;
    expect(e).toBeInstanceOf(CrossfootError);
    expect(e.code).toBe('llm-unreachable');
    expect(e.localized('zh-CN')).toContain(`无法连接语言模型服务 http://127.0.0.1:${port}/v1`);
    expect(e.localized('en-US')).toContain(`Cannot reach the language model service http://127.0.0.1:${port}/v1`);
  }, 30_000);
});
