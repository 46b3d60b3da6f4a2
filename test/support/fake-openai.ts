/**
 * A fake OpenAI-compatible server for tests: real HTTP on 127.0.0.1 (a free port), scripted per test.
 *
 *   const fake = await startFakeOpenAI();
 *   fake.enqueue({ reply: '本年支出合计 {{本年支出合计}}。' }, { status: 429, headers: { 'retry-after': '1' } });
 *   const model = createChatModel({ baseURL: fake.baseURL, model: 'fake-model' });
 *   ...
 *   expect(fake.chatRequests()[0].body.messages).toEqual(...);
 *   await fake.close();
 *
 * Each POST …/chat/completions consumes the next scripted step (a step object or a function of the request that
 * returns one). A reply streams as server-sent events in OpenAI's exact chunk format (ending with `data: [DONE]`)
 * when the request asks for `stream: true`, else it is one JSON chat completion; tool calls stream as deltas split
 * over several chunks, as real servers send them. Other steps answer with an HTTP status (and Retry-After), a
 * malformed body, a delay, a hang (until the client gives up or the test closes the server), or a connection dropped
 * in the middle of a stream. With no step left the server answers 400 with a message saying so (400 so that the
 * client does not retry it).
 *
 * Also: GET …/models lists the model; OPTIONS answers the CORS preflight (allowing only the headers configured, by
 * default `authorization, content-type`, like a strictly configured on-premises server: a browser that sends the
 * SDK's x-stainless-* headers fails the preflight); every request is recorded (method, path, headers, JSON body).
 *
 * For a server started outside the test process (the e2e suite's global setup), plain-data steps can be scripted
 * over HTTP: POST /__fake/enqueue with a JSON array of steps, GET /__fake/requests, POST /__fake/reset.
 *
 * Pure Node (node:http), no jest globals: usable by jest tests, the e2e suite and scripts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeToolCall {
  /** defaults to call_<n> */
  id?: string;
  name: string;
  /** the JSON text of the arguments (sent verbatim, so a test can send malformed arguments) */
  arguments: string;
}

/** An answer from the model. */
export interface ReplyStep {
  /** the assistant's text ('' or absent when it only calls tools) */
  reply?: string;
  toolCalls?: FakeToolCall[];
  /** stream or not regardless of the request (default: as the request asks) */
  stream?: boolean;
  /** default 'tool_calls' when there are tool calls, else 'stop' */
  finishReason?: string;
  /** streaming: characters (code points) of text per chunk, default 4 */
  chunkSize?: number;
  /** streaming: characters of tool-call arguments per chunk, default 7 */
  argsChunkSize?: number;
  /** streaming: pause between chunks, default 0 */
  chunkDelayMs?: number;
  /** streaming: after this many content chunks, stop sending and keep the connection open (a stalled server) */
  hangAfterChunks?: number;
  /** streaming: after this many content chunks, destroy the connection (a server that died) */
  dropAfterChunks?: number;
  /** streaming: omit the final `data: [DONE]` */
  omitDone?: boolean;
  /** the model name to report (default: the one requested) */
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** wait before answering */
  delayMs?: number;
}

/** An HTTP error (or any status) with a body. */
export interface StatusStep {
  status: number;
  /** an object is sent as JSON; a string verbatim. Default: an OpenAI-style error object */
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A 200 answer whose body is not what the client expects. */
export interface MalformedStep {
  /** sent verbatim as the body (with content type application/json unless `contentType` says otherwise) */
  malformed: string;
  contentType?: string;
  status?: number;
  delayMs?: number;
}

/** A streamed answer with a chunk that is not JSON after `afterChunks` good chunks. */
export interface MalformedStreamStep {
  malformedChunk: string;
  afterChunks?: number;
  /** the text of the good chunks */
  reply?: string;
  delayMs?: number;
}

/** Accept the request and never answer (until the client disconnects or the server is closed). */
export interface HangStep {
  hang: true;
}

/** Close the connection without an answer. */
export interface DropStep {
  drop: true;
  delayMs?: number;
}

export type FakeStep = ReplyStep | StatusStep | MalformedStep | MalformedStreamStep | HangStep | DropStep;

export interface RecordedRequest {
  /** 1-based order of arrival among all requests */
  seq: number;
  method: string;
  /** the path with the query */
  path: string;
  /** lower-case header names */
  headers: Record<string, string>;
  /** the body as text ('' when none) */
  rawBody: string;
  /** the body parsed as JSON, undefined when it is not JSON */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Date.now() when the request was complete */
  receivedAt: number;
}

export type StepFn = (request: RecordedRequest) => FakeStep | Promise<FakeStep>;

export interface FakeOpenAIOptions {
  /** CORS: the headers the preflight allows (default ['authorization', 'content-type']); '*' allows any; false: no CORS headers at all */
  cors?: { allowHeaders?: string[] | '*' } | false;
  /** the model listed by GET /models, default 'fake-model' */
  model?: string;
  /** answer every request with this API key check: a request without `Authorization: Bearer <apiKey>` gets 401 */
  apiKey?: string;
}

export interface FakeOpenAI {
  /** http://127.0.0.1:<port> */
  url: string;
  /** http://127.0.0.1:<port>/v1, the base URL to configure */
  baseURL: string;
  /** every request received, in order, preflights included (control requests are not recorded) */
  requests: RecordedRequest[];
  /** only the chat completion requests */
  chatRequests(): RecordedRequest[];
  enqueue(...steps: Array<FakeStep | StepFn>): void;
  /** steps not consumed yet */
  pending(): number;
  /** forget the steps and the recorded requests */
  reset(): void;
  /** stop listening, end hanging responses and open connections */
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__fake/';

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const steps: Array<FakeStep | StepFn> = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let completionSeq = 0;
  let closed = false;
  const listedModel = options.model ?? 'fake-model';
  const cors = options.cors === false ? undefined : { allowHeaders: options.cors?.allowHeaders ?? ['authorization', 'content-type'] };

  /** A pause that ends early (resolving false) when the server closes. */
  const pause = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (closed) return resolve(false);
      if (ms <= 0) return resolve(true);
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(!closed);
      }, ms);
      timers.add(timer);
    });

  const corsHeaders = (req: http.IncomingMessage): Record<string, string> => {
    if (!cors) return {};
    const origin = req.headers.origin;
    return {
      'access-control-allow-origin': typeof origin === 'string' ? origin : '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': cors.allowHeaders === '*' ? '*' : cors.allowHeaders.join(', '),
      'access-control-expose-headers': 'retry-after, retry-after-ms, x-request-id',
      'access-control-max-age': '600',
      vary: 'origin',
    };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      void handle(req, res, path, rawBody).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `fake-openai: ${String(e)}`, type: 'server_error' } }));
        } else {
          res.destroy();
        }
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const record = (req: http.IncomingMessage, path: string, rawBody: string): RecordedRequest => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const r: RecordedRequest = { seq: ++seq, method: req.method ?? 'GET', path, headers, rawBody, body, receivedAt: Date.now() };
    requests.push(r);
    return r;
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, path: string, rawBody: string) {
    const method = req.method ?? 'GET';
    const pathname = path.split('?')[0];

    if (pathname.startsWith(CONTROL_PREFIX)) return control(req, res, pathname.slice(CONTROL_PREFIX.length), rawBody);

    const recorded = record(req, path, rawBody);
    const base = corsHeaders(req);

    if (method === 'OPTIONS') {
      res.writeHead(204, base);
      res.end();
      return;
    }
    if (options.apiKey !== undefined && recorded.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(res, 401, base, errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
      return;
    }
    if (method === 'GET' && /\/models$/.test(pathname)) {
      sendJson(res, 200, base, { object: 'list', data: [{ id: listedModel, object: 'model', created: 0, owned_by: 'fake' }] });
      return;
    }
    if (method !== 'POST' || !/\/chat\/completions$/.test(pathname)) {
      sendJson(res, 404, base, errorBody(`fake-openai: no route ${method} ${pathname}`, 'invalid_request_error'));
      return;
    }
    const n = ++completionSeq;
    const next = steps.shift();
    if (next === undefined) {
      sendJson(res, 400, base, errorBody(`fake-openai: no step scripted for chat completion request #${n}`, 'invalid_request_error'));
      return;
    }
    const step = typeof next === 'function' ? await next(recorded) : next;
    await respond(step, recorded, req, res, base, n);
  }

  async function respond(
    step: FakeStep,
    request: RecordedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    base: Record<string, string>,
    n: number,
  ) {
    if ('hang' in step) {
      // never answer; the socket is destroyed by close() or by the client aborting
      return;
    }
    if ('delayMs' in step && step.delayMs) {
      if (!(await pause(step.delayMs))) return;
    }
    if ('drop' in step) {
      req.socket.destroy();
      return;
    }
    if ('status' in step && !('malformed' in step)) {
      const body = step.body ?? errorBody(`fake-openai: scripted status ${step.status}`, step.status >= 500 ? 'server_error' : 'invalid_request_error');
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(step.status, {
        ...base,
        'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
        ...lowerKeys(step.headers ?? {}),
      });
      res.end(text);
      return;
    }
    if ('malformed' in step) {
      res.writeHead(step.status ?? 200, { ...base, 'content-type': step.contentType ?? 'application/json' });
      res.end(step.malformed);
      return;
    }
    const model = ('model' in step && step.model) || (request.body && typeof request.body.model === 'string' ? request.body.model : listedModel);
    const id = `chatcmpl-fake${n}`;
    const created = Math.floor(Date.now() / 1000);
    if ('malformedChunk' in step) {
      res.writeHead(200, { ...base, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const pieces = splitText(step.reply ?? '', 4);
      const good = step.afterChunks ?? 1;
      res.write(sse(chunk(id, created, model, { role: 'assistant', content: '' }, null)));
      for (let i = 0; i < good && i < pieces.length; i++) res.write(sse(chunk(id, created, model, { content: pieces[i] }, null)));
      res.write(`data: ${step.malformedChunk}\n\n`);
      res.end();
      return;
    }
    const reply = step as ReplyStep;
    const toolCalls = (reply.toolCalls ?? []).map((c, i) => ({ id: c.id ?? `call_${n}_${i + 1}`, name: c.name, arguments: c.arguments }));
    const finishReason = reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop');
    const streaming = reply.stream ?? request.body?.stream === true;
    const usage = reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 };

    if (!streaming) {
      sendJson(res, 200, base, {
        id,
        object: 'chat.completion',
        created,
        model,
        system_fingerprint: null,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: reply.reply ?? (toolCalls.length ? null : ''),
              refusal: null,
              ...(toolCalls.length
                ? { tool_calls: toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) }
                : {}),
            },
            logprobs: null,
            finish_reason: finishReason,
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
      return;
    }

    // Streaming: the chunks in OpenAI's format. The first carries the role, content deltas follow, tool calls come as
    // one chunk with id, type and name and then argument pieces, the last chunk has an empty delta and the finish
    // reason; a usage chunk (empty choices) when the request asked for it; then [DONE].
    res.writeHead(200, { ...base, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const events: string[] = [];
    events.push(sse(chunk(id, created, model, { role: 'assistant', content: toolCalls.length && !reply.reply ? null : '', refusal: null }, null)));
    for (const piece of splitText(reply.reply ?? '', reply.chunkSize ?? 4)) events.push(sse(chunk(id, created, model, { content: piece }, null)));
    toolCalls.forEach((c, index) => {
      events.push(
        sse(chunk(id, created, model, { tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }, null)),
      );
      for (const piece of splitText(c.arguments, reply.argsChunkSize ?? 7)) {
        events.push(sse(chunk(id, created, model, { tool_calls: [{ index, function: { arguments: piece } }] }, null)));
      }
    });
    events.push(sse(chunk(id, created, model, {}, finishReason)));
    if (request.body?.stream_options?.include_usage) {
      events.push(
        sse({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }),
      );
    }
    if (!reply.omitDone) events.push('data: [DONE]\n\n');

    for (let i = 0; i < events.length; i++) {
      // chunk counts for hang/drop exclude the opening role chunk
      if (reply.hangAfterChunks !== undefined && i === reply.hangAfterChunks + 1) return;
      if (reply.dropAfterChunks !== undefined && i === reply.dropAfterChunks + 1) {
        req.socket.destroy();
        return;
      }
      if (i > 0 && reply.chunkDelayMs) {
        if (!(await pause(reply.chunkDelayMs))) return;
      }
      if (res.destroyed || res.writableEnded) return;
      // wait until the chunk is handed to the socket, so that a later drop happens after it, not before
      await new Promise<void>((resolve) => res.write(events[i], () => resolve()));
    }
    res.end();
  }

  /** The control API for a server scripted from another process (plain-data steps only). */
  function control(req: http.IncomingMessage, res: http.ServerResponse, what: string, rawBody: string) {
    const base = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...base, 'access-control-allow-headers': '*' });
      res.end();
      return;
    }
    if (what === 'enqueue' && req.method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        sendJson(res, 400, base, { error: 'the body must be a JSON array of steps' });
        return;
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      steps.push(...(list as FakeStep[]));
      sendJson(res, 200, base, { pending: steps.length });
      return;
    }
    if (what === 'requests' && req.method === 'GET') {
      sendJson(res, 200, base, requests);
      return;
    }
    if (what === 'reset' && req.method === 'POST') {
      steps.length = 0;
      requests.length = 0;
      sendJson(res, 200, base, { pending: 0 });
      return;
    }
    sendJson(res, 404, base, { error: `no control route ${what}` });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && /\/chat\/completions(\?|$)/.test(r.path)),
    enqueue: (...more) => {
      steps.push(...more);
    },
    pending: () => steps.length,
    reset: () => {
      steps.length = 0;
      requests.length = 0;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await done;
    },
  };
}

/** Split text into pieces of `size` code points (never inside a surrogate pair). */
function splitText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  const n = Math.max(1, size);
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

function chunk(id: string, created: number, model: string, delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

function sendJson(res: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
