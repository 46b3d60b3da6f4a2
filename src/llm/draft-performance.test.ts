/**
 * The `performance` drafting task over recognised self-evaluation forms (seed 004's performance book: a 整体 form and
 * seven project forms), with the scripted ChatModel: figures come from the facts as placeholders and verify; a wrong
 * 执行率, 执行数, project count or score typed by the model is blocked (retried once, then rejected with its span).
 */
import { loadBook, type LoadedBook } from '../../test/support/books';
import { scriptedChatModel, type ScriptedStep } from '../../test/support/scripted-chat-model';
import { draftWithModel, type LlmDraftInput } from './draft';
import { loadPromptSet } from './prompt-files';
import type { ChatRequest } from './types';
import { verifyText } from './verify';

const prompts = loadPromptSet();
const userText = (r: ChatRequest) => r.messages.filter((m) => m.role === 'user')[0].content ?? '';
const lastUser = (r: ChatRequest) => r.messages.filter((m) => m.role === 'user').pop()!.content ?? '';
const json = (x: unknown) => ({ content: JSON.stringify(x) });

let book: LoadedBook;
let input: LlmDraftInput;
beforeAll(async () => {
  book = await loadBook('seed-004', 'performance');
  input = { facts: book.facts, recognition: book.recognition, workbook: book.workbook, year: book.year, department: book.department };
});

async function run(steps: ScriptedStep[]) {
  const model = scriptedChatModel(steps);
  const result = await draftWithModel('performance', input, { model, prompts });
  return { result, model };
}

const HEAD = '我部门（单位）在2021年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及{{自评项目个数}}一级项目，全年预算数合计{{自评项目全年预算数合计}}，执行数合计{{自评项目执行数合计}}。';
const summary = (rate: string, actual = '{{政府买岗经费执行数}}') =>
  `1.政府买岗经费项目绩效自评综述：项目全年预算数为{{政府买岗经费全年预算数}}，执行数为${actual}，完成预算的${rate}。主要产出和效益是：配备政府购买岗位工作人员数量1人，保障行政单位运行。自评总分{{政府买岗经费自评总分}}。`;
const OVERALL = '我部门（单位）组织对1个部门（单位）开展整体支出绩效自评，资金{{部门整体执行数}}，执行率{{部门整体完成率}}，自评总分{{部门整体自评总分}}。';

it('the prompt lists the forms’ figures as placeholders and their indicators as printed, and nothing needs material', async () => {
  const { result, model } = await run([json({ paragraphs: [HEAD] })]);
  const user = userText(model.requests[0]);
  expect(user).toContain('- {{政府买岗经费全年预算数}}：6.7万元（政府买岗经费全年预算数（政府买岗!D9））');
  // the completion rate is computed from the facts (6.43 ÷ 6.7), the form's printed 执行率 only mentioned
  expect(user).toContain('- {{政府买岗经费完成率}}：95.97%（执行数 ÷ 预算数；表中执行率印为 95.93%）');
  expect(user).toContain('- {{自评项目个数}}：7个');
  expect(user).toContain('【项目绩效自评表 4：政府买岗经费（工作表“政府买岗”）】');
  expect(user).toContain('- 产出指标/数量指标/政府购买岗位工作人员数量：年度指标值 1人，实际完成值 1人，得分 7分');
  expect(user).not.toContain('本工作簿中没有可识别的绩效自评表');
  expect(model.requests[0].messages[0].content).toContain('不要用表中印出的执行率代替占位符');
  expect(result.status).toBe('verified');
  expect(result.message).toMatch(/^草稿根据工作簿中的 8 张绩效自评表起草/);
  expect(result.promptVersion).toBe('performance-2');
});

it('a summary written with the placeholders verifies: every figure rendered from the facts', async () => {
  const { result } = await run([json({ paragraphs: [HEAD, summary('{{政府买岗经费完成率}}'), OVERALL] })]);
  expect(result.status).toBe('verified');
  expect(result.text).toBe(
    [
      '我部门（单位）在2021年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及7个一级项目，全年预算数合计887.35万元，执行数合计878.31万元。',
      '1.政府买岗经费项目绩效自评综述：项目全年预算数为6.7万元，执行数为6.43万元，完成预算的95.97%。主要产出和效益是：配备政府购买岗位工作人员数量1人，保障行政单位运行。自评总分99.19分。',
      '我部门（单位）组织对1个部门（单位）开展整体支出绩效自评，资金1057.52万元，执行率97.31%，自评总分99.46分。',
    ].join('\n'),
  );
  // the only mark: the indicator's “1人”, copied from the form's indicator grid (not a verified figure)
  expect(result.problems.map((p) => [p.text, p.blocking, p.source])).toEqual([['1人', false, 'material']]);
});

it('a wrong 执行率 typed by the model is blocked, retried with the complaint, then rejected with its span', async () => {
  const wrong = json({ paragraphs: [summary('98%')] });
  const { result, model } = await run([wrong, wrong]);
  expect(model.requests).toHaveLength(2);
  expect(lastUser(model.requests[1])).toContain('“98%”');
  expect(result.status).toBe('rejected');
  const blocking = result.problems.filter((p) => p.blocking);
  expect(blocking.map((p) => [p.kind, p.text])).toEqual([['percentage', '98%']]);
  expect(result.text.slice(blocking[0].span.start, blocking[0].span.end)).toBe('98%');
});

it('a wrong 执行数 is blocked with the form’s value; corrected on the retry it is accepted', async () => {
  const { result, model } = await run([json({ paragraphs: [summary('{{政府买岗经费完成率}}', '6.34万元')] }), json({ paragraphs: [summary('{{政府买岗经费完成率}}')] })]);
  expect(model.requests).toHaveLength(2);
  expect(lastUser(model.requests[1])).toMatch(/“6\.34万元”：.*6\.43/);
  expect(result.status).toBe('verified');

  const wrong = json({ paragraphs: [summary('95.97%', '6.34万元')] });
  const twice = await run([wrong, wrong]);
  expect(twice.result.status).toBe('rejected');
  expect(twice.result.problems.filter((p) => p.blocking).map((p) => [p.kind, p.text, p.expected])).toEqual(
    expect.arrayContaining([['amount', '6.34万元', '6.43']]),
  );
});

it('a wrong project count, a wrong score and a wrong 整体 figure are blocked', async () => {
  const wrong = json({
    paragraphs: [
      '我部门（单位）在2021年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及6个一级项目。',
      '1.政府买岗经费项目绩效自评综述：项目全年预算数为{{政府买岗经费全年预算数}}，执行数为{{政府买岗经费执行数}}，完成预算的{{政府买岗经费完成率}}，自评总分99.91分。',
      '我部门（单位）组织对1个部门（单位）开展整体支出绩效自评，资金1049.52万元。',
    ],
  });
  const { result } = await run([wrong, wrong]);
  expect(result.status).toBe('rejected');
  expect(result.problems.filter((p) => p.blocking).map((p) => [p.kind, p.text])).toEqual([
    ['count', '6个'],
    ['unlinked', '99.91分'],
    ['amount', '1049.52万元'],
  ]);
});

it('the verifier checks a summary against the forms directly (the chat’s answers go through it too)', () => {
  const ok = verifyText('3.政府买岗经费项目绩效自评综述：项目全年预算数为 6.7 万元，执行数为 6.43 万元，完成预算的 95.97%。', book.facts, { reportYear: 2021 });
  expect(ok.ok).toBe(true);
  expect(ok.verified.map((v) => [v.text, v.fact?.key ?? v.basis])).toEqual([
    ['6.7 万元', 'performance.project.4.budget'],
    ['6.43 万元', 'performance.project.4.actual'],
    ['95.97%', 'derived'],
  ]);
  const bad = verifyText('3.政府买岗经费项目绩效自评综述：项目全年预算数为 6.7 万元，执行数为 6.43 万元，完成预算的 96.5%。', book.facts, { reportYear: 2021 });
  expect(bad.problems.map((p) => [p.kind, p.text])).toEqual([['percentage', '96.5%']]);
});
