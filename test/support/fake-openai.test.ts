/**
 * The fake OpenAI-compatible server itself, checked with plain fetch: the wire format the client tests rely on.
 */
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('streams in OpenAI’s SSE chunk format, ending with data: [DONE]', async () => {
  fake.enqueue({ reply: '你好，世界', chunkSize: 2, toolCalls: [{ id: 'call_x', name: 'f', arguments: '{"a":1}' }], argsChunkSize: 3 });
  const res = await post({ model: 'm', messages: [], stream: true, stream_options: { include_usage: true } });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const raw = await res.text();
  const events = raw.split('\n\n').filter(Boolean);
  expect(events.every((e) => e.startsWith('data: '))).toBe(true);
  expect(events[events.length - 1]).toBe('data: [DONE]');
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)));
  expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] });
  const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
  expect(text).toBe('你好，世界');
  const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
  expect(toolDeltas[0]).toEqual({ index: 0, id: 'call_x', type: 'function', function: { name: 'f', arguments: '' } });
  expect(toolDeltas.slice(1).map((d: { function: { arguments: string } }) => d.function.arguments)).toEqual(['{"a', '":1', '}']);
  const finish = chunks.find((c) => c.choices[0]?.finish_reason);
  expect(finish.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' });
  // the usage chunk, asked for with stream_options, has no choices
  expect(chunks[chunks.length - 1]).toMatchObject({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
});

test('records requests; answers statuses with Retry-After; models; preflight; 400 when nothing is scripted', async () => {
  fake.enqueue({ status: 429, headers: { 'Retry-After': '2' } }, (req) => ({ reply: `echo ${req.body.messages[0].content}`, stream: false }));
  const limited = await post({ model: 'm', messages: [] }, { authorization: 'Bearer k' });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('2');
  expect((await json(limited)).error.message).toContain('scripted status 429');
  const ok = await json(post({ model: 'm', messages: [{ role: 'user', content: '甲' }] }));
  expect(ok.choices[0].message).toEqual({ role: 'assistant', content: 'echo 甲', refusal: null });
  expect(fake.chatRequests().map((r) => [r.headers.authorization, r.body.model])).toEqual([
    ['Bearer k', 'm'],
    [undefined, 'm'],
  ]);
  expect((await json(fetch(`${fake.baseURL}/models`))).data[0].id).toBe('fake-model');
  const pre = await fetch(`${fake.baseURL}/chat/completions`, { method: 'OPTIONS', headers: { origin: 'https://localhost:3000' } });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  const none = await post({ model: 'm', messages: [] });
  expect(none.status).toBe(400);
  expect(fake.pending()).toBe(0);
});

test('the control API scripts a server from another process', async () => {
  const r = await fetch(`${fake.url}/__fake/enqueue`, { method: 'POST', body: JSON.stringify([{ reply: 'scripted over HTTP' }]) });
  expect(await json(r)).toEqual({ pending: 1 });
  const answer = await json(post({ model: 'm', messages: [] }));
  expect(answer.choices[0].message.content).toBe('scripted over HTTP');
  const recorded = await json(fetch(`${fake.url}/__fake/requests`));
  expect(recorded).toHaveLength(1);
  await fetch(`${fake.url}/__fake/reset`, { method: 'POST' });
  expect(fake.requests).toHaveLength(0);
});

test('close() ends a hanging request', async () => {
  fake.enqueue({ hang: true });
  const pending = post({ model: 'm', messages: [] }).then(
    () => 'answered',
    () => 'failed',
  );
  while (fake.chatRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
  await fake.close();
  expect(await pending).toBe('failed');
});
