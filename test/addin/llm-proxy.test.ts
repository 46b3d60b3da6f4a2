/**
 * The development server's same-origin proxy to a language model endpoint (addin/dev/llm-proxy.js, mounted by
 * webpack.config.js): forwards to the encoded origin, streams server-sent events, forwards only the headers an
 * endpoint needs, refuses other origins, targets outside CROSSFOOT_LLM_PROXY_TARGET and malformed paths, and says
 * when the target cannot be reached. Real HTTP on 127.0.0.1 against the fake OpenAI-compatible server.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createLlmProxy, parseProxyTargets, PROXY_PREFIX } from '../../addin/dev/llm-proxy';
import { PROXY_PREFIX as CLIENT_PREFIX, proxiedUrl } from '../../addin/taskpane/llm/settings';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

interface ProxyServer {
  origin: string;
  passed: string[];
  close(): Promise<void>;
}

async function startProxy(targets?: string[]): Promise<ProxyServer> {
  const middleware = createLlmProxy({ targets });
  const passed: string[] = [];
  const server = http.createServer((req, res) =>
    middleware(req, res, () => {
      passed.push(req.url ?? '');
      res.writeHead(404).end('not proxied');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    passed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A chat POST through node:http, which (unlike fetch) lets the test set Host and Sec-Fetch-Site as a browser would. */
function rawRequest(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timed out')));
    req.end('{"model":"m","messages":[]}');
  });
}

let fake: FakeOpenAI;
let proxy: ProxyServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const chatUrl = () => proxiedUrl(`${fake.baseURL}/chat/completions`, proxy.origin);

describe('the dev server proxy', () => {
  it('uses the prefix the add-in builds its URLs with', () => {
    expect(PROXY_PREFIX).toBe(CLIENT_PREFIX);
  });

  it('forwards a streamed chat completion, piece by piece, with only the needed headers', async () => {
    fake.enqueue({ reply: '收入合计 442.86 万元。', chunkSize: 2 });
    const res = await fetch(chatUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-local', 'x-stainless-os': 'Linux', cookie: 'a=b' },
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: '收入？' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const pieces = text
      .split('\n\n')
      .filter((l) => l.startsWith('data: {'))
      .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta?.content)
      .filter((c) => typeof c === 'string' && c !== '');
    expect(pieces.join('')).toBe('收入合计 442.86 万元。');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    const [req] = fake.chatRequests();
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-local');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-stainless-os']).toBeUndefined();
    expect(req.headers.cookie).toBeUndefined();
    expect(req.body.messages).toEqual([{ role: 'user', content: '收入？' }]);
  });

  it('passes other paths on, untouched', async () => {
    const res = await fetch(`${proxy.origin}/preview.html`);
    expect(res.status).toBe(404);
    expect(proxy.passed).toContain('/preview.html');
  });

  it('refuses requests from another origin', async () => {
    const res = await fetch(chatUrl(), { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('https://evil.example');
    expect(fake.chatRequests()).toEqual([]);
    // the page's own origin is fine
    fake.enqueue({ reply: 'ok' });
    const own = await fetch(chatUrl(), { method: 'POST', headers: { origin: proxy.origin, 'content-type': 'application/json' }, body: '{"model":"m","messages":[]}' });
    expect(own.status).toBe(200);
  });

  it('refuses what other sites send: a no-cors request marked cross-site, a Host that is not this computer', async () => {
    const refused: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { host: 'rebound.example:3000' }];
    for (const headers of refused) {
      const { status, body } = await rawRequest(`${proxy.origin}${new URL(chatUrl()).pathname}`, headers);
      expect([headers, status]).toEqual([headers, 403]);
      expect(body).toContain('crossfoot dev proxy');
    }
    expect(fake.requests).toEqual([]);
    // the page's own requests (same-origin, localhost) pass
    fake.enqueue({ reply: 'ok' });
    const own = await rawRequest(`${proxy.origin}${new URL(chatUrl()).pathname}`, { 'sec-fetch-site': 'same-origin', host: 'localhost:3000' });
    expect(own.status).toBe(200);
  });

  it('keeps the path on the target origin and drops the target\'s cookies', async () => {
    // an allowed target; a path that would resolve to another host (//host/…) must not leave it
    const elsewhere = await startFakeOpenAI();
    const strict = await startProxy([fake.url]);
    try {
      fake.enqueue({ status: 404, headers: { 'set-cookie': 'track=1; Path=/' } });
      const escaped = `${strict.origin}${PROXY_PREFIX}${encodeURIComponent(fake.url)}//${new URL(elsewhere.url).host}/v1/chat/completions`;
      const res = await fetch(escaped, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":"m","messages":[]}' });
      await res.text();
      expect(res.status).toBe(404);
      expect(elsewhere.requests).toEqual([]);
      expect(fake.requests.map((r) => r.path)).toEqual([`//${new URL(elsewhere.url).host}/v1/chat/completions`]);
      expect(res.headers.get('set-cookie')).toBeNull();
    } finally {
      await strict.close();
      await elsewhere.close();
    }
  });

  it('refuses malformed paths and targets outside the allowed list', async () => {
    for (const bad of [`${PROXY_PREFIX}not-a-url/v1/x`, `${PROXY_PREFIX}${encodeURIComponent('file:///etc')}/passwd`, `${PROXY_PREFIX}${encodeURIComponent(`${fake.url}/v1`)}/chat`]) {
      const res = await fetch(`${proxy.origin}${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
    }
    const strict = await startProxy(parseProxyTargets('https://api.deepseek.com/v1, http://gpu01:8000'));
    try {
      const res = await fetch(proxiedUrl(`${fake.baseURL}/models`, strict.origin));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('CROSSFOOT_LLM_PROXY_TARGET');
    } finally {
      await strict.close();
    }
    expect(fake.requests).toEqual([]);
  });

  it('answers 502 with the reason when the target cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await fetch(proxiedUrl(`http://127.0.0.1:${port}/v1/models`, proxy.origin));
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(`crossfoot dev proxy: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('parses CROSSFOOT_LLM_PROXY_TARGET into origins', () => {
    expect(parseProxyTargets(undefined)).toBeUndefined();
    expect(parseProxyTargets('  ')).toBeUndefined();
    expect(parseProxyTargets('https://api.deepseek.com/v1,http://127.0.0.1:11434')).toEqual(['https://api.deepseek.com', 'http://127.0.0.1:11434']);
    expect(() => parseProxyTargets('ftp://x')).toThrow(/not an http/);
  });
});

describe('webpack.config.js', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(__dirname, '..', '..', 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Promise<{ module: { rules: Array<{ test: RegExp; type?: string; include?: string }> }; devServer?: { setupMiddlewares?: (m: unknown[]) => unknown[] } }>;

  it('bundles the prompt files as text and mounts the proxy on the dev server', async () => {
    const config = await configure({ WEBPACK_SERVE: true, preview: true }, { mode: 'development' });
    const md = config.module.rules.find((r) => r.test.test('prompts/chat.zh-CN.md'));
    expect(md).toMatchObject({ type: 'asset/source', include: path.join(__dirname, '..', '..', 'prompts') });
    // after webpack-dev-server's Host and cross-origin checks (they stop DNS rebinding), before the rest
    const mounted = config.devServer!.setupMiddlewares!([{ name: 'host-header-check' }, { name: 'cross-origin-header-check' }, { name: 'other' }]) as Array<{
      name: string;
    }>;
    expect(mounted.map((x) => x.name)).toEqual(['host-header-check', 'cross-origin-header-check', 'crossfoot-llm-proxy', 'other']);
    const built = await configure({}, { mode: 'production' });
    expect(built.devServer).toBeUndefined();
  });
});
