/**
 * The Narrative tab's language model drafting (addin/taskpane/llm/draft-view.ts) on real results of src/llm/draft.ts
 * (a scripted model over a fixture): the input built from a checked workbook, verified text inserted paragraph by
 * paragraph, rejected text marked and insertable only with an acknowledgement naming what is unverified, and no
 * material → the questions, nothing to insert, the model never called.
 */
import { draftWithModel, type LlmDraftResult } from '../../src/llm/draft';
import { loadPromptSet } from '../../src/llm/prompt-files';
import type { ChatRequest } from '../../src/llm/types';
import type { VerifyProblem } from '../../src/llm/verify';
import { draftBase, draftInput, insertableParagraphs, insertRules, materialOf, resultLines } from '../../addin/taskpane/llm/draft-view';
import { loadBook, type LoadedBook } from '../support/books';
import { scriptedChatModel, type ScriptedStep } from '../support/scripted-chat-model';

const prompts = loadPromptSet();
const userText = (r: ChatRequest) => r.messages.filter((m) => m.role === 'user')[0].content ?? '';
const draftLines = (req: ChatRequest) => [...userText(req).matchAll(/^P\d+：(.*)$/gm)].map((m) => m[1]);
const json = (x: unknown) => ({ content: JSON.stringify(x) });

let book: LoadedBook;
beforeAll(async () => {
  book = await loadBook('seed-001');
});

async function run(task: 'polish' | 'reasons' | 'performance', sections: string[] | undefined, material: string, steps: ScriptedStep[]) {
  const model = scriptedChatModel(steps);
  const input = draftInput(draftBase(book.workbook, book.recognition), sections, materialOf(material, '用户提供的材料'));
  const result = await draftWithModel(task, input, { model, prompts, lang: 'zh-CN' });
  return { result, model };
}

describe('the drafting input', () => {
  it('is the checked workbook’s facts, year and department, with the section and the material', () => {
    const base = draftBase(book.workbook, book.recognition, book.facts);
    expect(base).toMatchObject({ facts: book.facts, recognition: book.recognition, workbook: book.workbook, year: book.year, department: book.department });
    expect(draftInput(base, ['juesuan.income'], []).sections).toEqual(['juesuan.income']);
    expect('sections' in draftInput(base, undefined, [])).toBe(false);
    expect(materialOf('  \n ', 'x')).toEqual([]);
    expect(materialOf(' 新增项目 \n', '用户提供的材料')).toEqual([{ name: '用户提供的材料', text: '新增项目' }]);
  });
});

describe('results', () => {
  it('verified polish: the paragraphs without the section titles, inserted on the usual confirm', async () => {
    const { result } = await run('polish', ['juesuan.income'], '', [(req) => json({ paragraphs: draftLines(req).map((p) => p.replace('其中：', '其中，')) })]);
    expect(result.status).toBe('verified');
    const paragraphs = insertableParagraphs(result);
    expect(paragraphs).toEqual([expect.stringMatching(/^2023年度收入合计442\.86万元。其中，财政拨款收入442\.86万元/)]);
    expect(result.lines.filter((l) => l.kind === 'title').map((l) => l.text)).toEqual(['收入决算情况说明']);
    expect(insertRules(result)).toEqual({ none: false, needsAcknowledgement: false, unverified: [], fromMaterial: [] });
    const { lines, general } = resultLines(result);
    expect(general).toEqual([]);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(result.lines.map((l) => l.text));
  });

  it('rejected polish: the typed figure marked in its line and named by the confirm, which needs an acknowledgement', async () => {
    const typed = (req: ChatRequest) => json({ paragraphs: draftLines(req).map((p, i) => (i === 1 ? p.replace(/\{\{基本支出\}\}/, '243.21万元') : p)) });
    const { result, model } = await run('polish', ['juesuan.income', 'juesuan.expenditure'], '', [typed, typed]);
    expect(model.requests).toHaveLength(2);
    expect(result.status).toBe('rejected');
    const rules = insertRules(result);
    expect(rules.none).toBe(false);
    expect(rules.needsAcknowledgement).toBe(true);
    expect(rules.unverified).toContain('243.21万元');
    const { lines } = resultLines(result);
    const marked = lines.flatMap((l) => l.pieces.filter((p) => p.problem?.blocking).map((p) => p.text));
    expect(marked).toContain('243.21万元');
    // every line still reads whole
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(result.lines.map((l) => l.text));
  });

  it('reasons without material: the questions, nothing to insert, no request', async () => {
    const { result, model } = await run('reasons', ['juesuan.overview'], '', []);
    expect(model.requests).toHaveLength(0);
    expect(result.status).toBe('needs-material');
    expect(result.questions!.length).toBeGreaterThan(0);
    expect(insertRules(result)).toMatchObject({ none: true, needsAcknowledgement: false });
  });
});

describe('line pieces', () => {
  const problem = (start: number, end: number, text: string, blocking = true): VerifyProblem => ({ span: { start, end }, text, kind: 'amount', reason: `r:${text}`, blocking });
  const result = (problems: VerifyProblem[]): Pick<LlmDraftResult, 'lines' | 'problems'> => ({
    lines: [
      { kind: 'title', text: '标题', start: 0 },
      { kind: 'paragraph', text: '支出100万元。', start: 3 },
      { kind: 'paragraph', text: '收入50万元。', start: 12 },
    ],
    problems,
  });

  it('shifts spans into their line, lists problems about a whole paragraph or with no span apart', () => {
    const inLine = problem(5, 10, '100万元');
    const whole = problem(12, 19, '收入50万元。');
    const none = problem(0, 0, '');
    const { lines, general } = resultLines(result([inLine, whole, none]));
    expect(lines[1].pieces).toEqual([{ text: '支出' }, { text: '100万元', problem: inLine }, { text: '。' }]);
    expect(lines[2].pieces).toEqual([{ text: '收入50万元。' }]);
    expect(general).toEqual([none, whole]);
    // the confirm names a number as written, a whole-paragraph problem by its reason
    expect(insertRules({ status: 'rejected', ...result([inLine, whole, none]) }).unverified).toEqual(['100万元', 'r:收入50万元。', 'r:']);
    expect(insertRules({ status: 'verified', ...result([problem(5, 10, '100万元', false)]) })).toEqual({
      none: false,
      needsAcknowledgement: false,
      unverified: [],
      fromMaterial: ['100万元'],
    });
  });
});
