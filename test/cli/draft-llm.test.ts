/**
 * `crossfoot draft --llm` in-process against the fake OpenAI-compatible server (real HTTP on 127.0.0.1): a verified
 * draft, a wrong number rejected after one retry that carried the verifier's complaint, malformed JSON retried, a 429
 * then success, material needed (nothing sent), JSON output, and the failures (no endpoint, an endpoint that is not
 * there, options without --llm).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai';
import { ANSI, runCli, stripAnsi } from './helpers';

const BOOK = path.join(__dirname, '..', 'fixtures', 'books', 'seed-001-sheets.xlsx');

let fake: FakeOpenAI;
let env: Record<string, string>;
let dir: string;
let notes: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  env = { CROSSFOOT_LLM_BASE_URL: fake.baseURL, CROSSFOOT_LLM_MODEL: 'fake-model', CROSSFOOT_LLM_RETRIES: '0' };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-draft-llm-'));
  notes = path.join(dir, 'notes.txt');
  fs.writeFileSync(notes, '2023年新增医保信息化项目3个。\n医保经办人员增加2人。\n');
});

afterEach(() => fake.reset());

afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const messagesOf = (r: RecordedRequest): Array<{ role: string; content: string }> => r.body.messages;
const userOf = (r: RecordedRequest) => messagesOf(r).filter((m) => m.role === 'user')[0].content;
const lastUserOf = (r: RecordedRequest) => messagesOf(r).filter((m) => m.role === 'user').pop()!.content;
const answer = (reasons: Array<{ id: string; text: string }>) => ({ reply: JSON.stringify({ reasons }) });
const ARGS = ['draft', BOOK, '--llm', '--task', 'reasons', '--section', 'juesuan.overview', '--material'];

describe('crossfoot draft --llm', () => {
  it('a correct draft: the notice first, the verified text with the material’s number marked, exit 0', async () => {
    fake.enqueue((req) => {
      expect(userOf(req)).toContain('R1（收入支出决算总体情况说明）');
      return answer([{ id: 'R1', text: '新增医保信息化项目3个' }]);
    });
    const r = await runCli([...ARGS, notes], { env });
    expect(r.code).toBe(0);
    expect(r.errLines[0]).toBe('数据外发提示');
    expect(r.stderr).toContain('127.0.0.1');
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`语言模型起草：变动原因 —— ${BOOK}`);
    expect(out[1]).toBe('状态：已核实（报表数字均由本工具填入并核对）');
    expect(out[2]).toMatch(/^模型 fake-model（http:\/\/127\.0\.0\.1:\d+\/v1），请求 1 次，提示词 reasons-1$/);
    expect(r.stdout).toContain('收入支出决算总体情况说明\n2023年度收、支总计442.86万元。与2022年度相比，收、支总计【待补充：2022年度决算数】，主要原因是新增医保信息化项目【~3个~】。');
    expect(r.stdout).toContain('来自材料、未核对的数字（1 处）：\n  【~3个~】 “3个”来自您提供的材料，未与报表核对。');
    const reqs = fake.chatRequests();
    expect(reqs).toHaveLength(1);
    expect(reqs[0].body.model).toBe('fake-model');
    expect(reqs[0].body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'crossfoot_reasons' } });
    expect(userOf(reqs[0])).toContain('2023年新增医保信息化项目3个。');
  });

  it('a wrong number: rejected after one retry that carried the complaint, the span marked, exit 1', async () => {
    const wrong = answer([{ id: 'R1', text: '支出合计减少50.00万元' }]);
    fake.enqueue(wrong, wrong);
    const r = await runCli([...ARGS, notes], { env });
    expect(r.code).toBe(1);
    const reqs = fake.chatRequests();
    expect(reqs).toHaveLength(2);
    expect(messagesOf(reqs[1]).at(-2)).toEqual({ role: 'assistant', content: wrong.reply });
    expect(lastUserOf(reqs[1])).toMatch(/^你的上一次回答有下列问题/);
    expect(lastUserOf(reqs[1])).toContain('“50.00万元”');
    expect(r.stdout).toContain('状态：未采用');
    expect(r.stdout).toContain('主要原因是支出合计减少【?50.00万元?】。');
    expect(r.stdout).toMatch(/问题（1 处）：\n {2}【\?50\.00万元\?】 .+/);
  });

  it('on a colour terminal the spans are underlined instead of bracketed', async () => {
    const wrong = answer([{ id: 'R1', text: '支出合计减少50.00万元' }]);
    fake.enqueue(wrong, wrong);
    const r = await runCli([...ARGS, notes], { env }, true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\u001b[4;31m50.00万元\u001b[24;39m');
    expect(r.stdout.split(ANSI).length).toBeGreaterThan(2);
    expect(stripAnsi(r.stdout.split('\u001b[4;31m').join('').split('\u001b[24;39m').join(''))).toContain('主要原因是支出合计减少50.00万元。');
  });

  it('malformed JSON is retried once', async () => {
    fake.enqueue({ reply: '好的，原因如下：新增项目' }, answer([{ id: 'R1', text: '新增医保信息化项目' }]));
    const r = await runCli([...ARGS, notes], { env });
    expect(r.code).toBe(0);
    expect(fake.chatRequests()).toHaveLength(2);
    expect(lastUserOf(fake.chatRequests()[1])).toMatch(/不是符合格式的 JSON/);
    expect(r.stdout).toContain('主要原因是新增医保信息化项目。');
    // twice: rejected
    fake.enqueue({ reply: 'not json' }, { reply: '{"reasons": "none"}' });
    const twice = await runCli([...ARGS, notes], { env });
    expect(twice.code).toBe(1);
    expect(twice.stdout).toContain('模型两次都没有按要求返回 JSON');
  });

  it('429 then success (Retry-After honoured)', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '0' } }, answer([{ id: 'R1', text: '新增医保信息化项目' }]));
    const r = await runCli([...ARGS, notes], { env: { ...env, CROSSFOOT_LLM_RETRIES: '1' } });
    expect(r.code).toBe(0);
    expect(fake.chatRequests()).toHaveLength(2);
    expect(r.stdout).toContain('状态：已核实');
  });

  it('a provider without JSON Schema: the 400 falls back to JSON mode', async () => {
    fake.enqueue({ status: 400, body: { error: { message: "response_format type 'json_schema' is not supported", type: 'invalid_request_error' } } }, answer([{ id: 'R1', text: '新增医保信息化项目' }]));
    const r = await runCli([...ARGS, notes], { env });
    expect(r.code).toBe(0);
    expect(fake.chatRequests().map((q) => q.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('without material: the questions, nothing sent, no notice, exit 1', async () => {
    const r = await runCli(['draft', BOOK, '--llm'], { env });
    expect(r.code).toBe(1);
    expect(fake.chatRequests()).toHaveLength(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('状态：需要材料（未调用模型）');
    expect(r.stdout).toContain('请回答：\n  1. 收入支出决算总体情况说明：“与2022年度相比，收、支总计……”——主要原因是什么？');
    // the performance task says the workbook has no performance table
    const perf = await runCli(['draft', BOOK, '--llm', '--task', 'performance'], { env });
    expect(perf.code).toBe(1);
    expect(perf.stdout).toContain('本工作簿中没有可识别的绩效自评表。');
  });

  it('--format json', async () => {
    fake.enqueue(answer([{ id: 'R1', text: '新增医保信息化项目3个' }]));
    const r = await runCli([...ARGS, notes, '--format', 'json', '--lang', 'en-US'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ task: 'reasons', status: 'verified', model: 'fake-model', attempts: 1, promptVersion: 'reasons-1', questions: [] });
    expect(j.lines.map((l: { kind: string }) => l.kind)).toEqual(['title', 'paragraph']);
    expect(j.problems).toEqual([
      {
        text: '3个',
        span: [j.text.indexOf('3个'), j.text.indexOf('3个') + 2],
        kind: 'count',
        reason: '"3个" comes from your material; it was not verified against the tables.',
        blocking: false,
        source: 'material',
        expected: null,
      },
    ]);
    expect(r.errLines[0]).toBe('What leaves this computer');
  });

  it('polish through the command line', async () => {
    fake.enqueue((req) => {
      const drafts = [...userOf(req).matchAll(/^P\d+：(.*)$/gm)].map((m) => m[1].replace('其中：', '其中，'));
      return { reply: JSON.stringify({ paragraphs: drafts }) };
    });
    const r = await runCli(['draft', BOOK, '--llm', '--task', 'polish', '--section', 'juesuan.income'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('收入决算情况说明\n2023年度收入合计442.86万元。其中，财政拨款收入442.86万元，占本年收入100.00%。');
  });

  it('bad input: no endpoint, an endpoint that is not there, a bad task, LLM options without --llm', async () => {
    const none = await runCli(['draft', BOOK, '--llm', '--material', notes], { env: {} });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/CROSSFOOT_LLM_BASE_URL/);

    // a port with nothing listening
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const down = await runCli([...ARGS, notes], { env: { ...env, CROSSFOOT_LLM_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    expect(down.code).toBe(2);
    expect(down.errLines[0]).toBe('数据外发提示');
    expect(down.stderr).toContain(`127.0.0.1:${port}`);

    const task = await runCli(['draft', BOOK, '--llm', '--task', 'poem'], { env });
    expect(task.code).toBe(2);
    expect(task.stderr).toContain('--task 的值“poem”无效，可选：reasons, performance, polish。');

    const stray = await runCli(['draft', BOOK, '--task', 'polish', '--material', notes], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--task, --material 只能与 --llm 一起使用。');
    expect(fake.chatRequests()).toHaveLength(0);
  });
});
