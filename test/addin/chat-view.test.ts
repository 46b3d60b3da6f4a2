/**
 * The chat panel's logic: answers cut into plain text, cited cells and unverified numbers (on a real turn of a chat
 * session over a fixture with findings), the cells a citation selects, what inserting a proposal writes and
 * overwrites, and the bundled prompt files as the PromptSet the library loads in Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { buildChatContext, createChatSession, type ChatProposal } from '../../src/llm/chat';
import type { Citation } from '../../src/llm/chat/citations';
import { loadPromptSet, promptsDir } from '../../src/llm/prompt-files';
import type { VerifyProblem } from '../../src/llm/verify';
import type { Workbook } from '../../src/model/workbook';
import {
  answerPieces,
  citationRefs,
  knownTextOf,
  MAX_SELECTED_CELLS,
  proposalParagraphs,
  proposalPlan,
  staleCells,
  unverifiedNumbers,
} from '../../addin/taskpane/llm/chat-view';
import { promptSetFromContext, type PromptContext } from '../../addin/taskpane/llm/prompt-set';
import { parseTarget } from '../../addin/taskpane/narrative';
import { callTool, scriptedChatModel } from '../support/scripted-chat-model';
import { BOOKS } from './helpers';

const problem = (start: number, end: number, text: string, blocking = true): VerifyProblem => ({
  span: { start, end },
  text,
  kind: 'amount',
  reason: `不符：${text}`,
  blocking,
});
const cite = (start: number, end: number, cell: string, source: Citation['source'] = 'tool'): Citation => ({ sheet: 'T1', cell, source, span: [start, end], exists: true });

describe('answer pieces', () => {
  it('cover the text exactly, cut at citations and problems, overlapping ones together', () => {
    const text = '收入 442.86 万元，支出 500.00 万元（T1!B7）。';
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    const c1 = cite(...at('442.86'), 'B6');
    const c2 = cite(...at('T1!B7'), 'B7', 'text');
    const p1 = problem(...at('500.00 万元'), '500.00 万元');
    const p2 = problem(...at('442.86 万元'), '442.86 万元');
    const pieces = answerPieces(text, [c1, c2], [p1, p2]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map((p) => [p.text, p.citation?.cell ?? null, p.problem?.text ?? null])).toEqual([
      ['收入 ', null, null],
      ['442.86', 'B6', '442.86 万元'],
      [' 万元', null, '442.86 万元'],
      ['，支出 ', null, null],
      ['500.00 万元', null, '500.00 万元'],
      ['（', null, null],
      ['T1!B7', 'B7', null],
      ['）。', null, null],
    ]);
  });

  it('ignore spans outside the text and empty spans', () => {
    const text = '共 3 个错误';
    const pieces = answerPieces(text, [cite(2, 99, 'A1'), cite(1, 1, 'A2')], [problem(-1, 2, 'x'), problem(4, 4, '')]);
    expect(pieces).toEqual([{ text }]);
    expect(answerPieces('', [], [])).toEqual([]);
  });
});

describe('citations select cells', () => {
  it('a cell, or the cells of a range row by row, at most MAX_SELECTED_CELLS', () => {
    expect(citationRefs({ sheet: '表3', cell: 'D13' })).toEqual([{ sheet: '表3', cell: 'D13' }]);
    expect(citationRefs({ sheet: '表3', cell: 'C5:D6' }).map((r) => r.cell)).toEqual(['C5', 'D5', 'C6', 'D6']);
    expect(citationRefs({ sheet: 'S', cell: 'A1:A100000' })).toHaveLength(MAX_SELECTED_CELLS);
  });
});

describe('a real turn over a fixture with findings', () => {
  let book: Workbook;
  beforeAll(async () => {
    book = await readXlsxFile(path.join(BOOKS, 'sh-caizhengju-2024-sheets.xlsx'));
  });

  it('links the cited cells and marks the number the verifier cannot confirm', async () => {
    const ctx = buildChatContext(structuredClone(book), { name: 'sh.xlsx' });
    const answer = '有 2 个错误：情况说明!A9 写的财政拨款收入支出总计 0.3 万元与 T4!B36 的 2,961.68 万元不符；另有 123.45 万元待核实。';
    const model = scriptedChatModel([callTool('list_findings', { severity: 'error' }), { content: answer }]);
    const session = createChatSession(ctx, model, { systemPrompt: '测试' });
    const turn = await session.send('有哪些错误？');
    const pieces = answerPieces(turn.text, turn.citations, turn.problems);
    expect(pieces.map((p) => p.text).join('')).toBe(answer);
    const linked = pieces.filter((p) => p.citation).map((p) => [p.text, `${p.citation!.sheet}!${p.citation!.cell}`]);
    expect(linked).toEqual(expect.arrayContaining([['情况说明!A9', '情况说明!A9'], ['T4!B36', 'T4!B36']]));
    const marked = pieces.filter((p) => p.problem).map((p) => p.text);
    expect(marked).toEqual(['123.45 万元']);
    // the finding's own figures (0.3 and 2,961.68) are what the workbook prints: restated, not marked
    expect(turn.problems.map((p) => p.text)).toEqual(['123.45 万元']);
  });
});

describe('inserting a proposal', () => {
  const workbook: Workbook = {
    source: { name: 'w.xlsx', adapter: 'memory' },
    sheets: [
      {
        name: '情况说明',
        rows: [
          [{ row: 1, col: 1, value: '一、收入支出决算总体情况说明', text: '一、收入支出决算总体情况说明' }],
          [{ row: 2, col: 1, value: '2024年度收、支总计442.86万元。', text: '2024年度收、支总计442.86万元。' }],
          [{ row: 3, col: 1, value: '主要原因是', text: '主要原因是' }],
        ],
        merges: [],
      },
    ],
  } as unknown as Workbook;
  const known = knownTextOf(workbook, new Map());
  const cellProposal = (mode: 'append' | 'replace', cell = 'A2'): Pick<ChatProposal, 'text' | 'target' | 'mode'> => ({
    text: '与上年相比增加12.00万元。',
    target: { kind: 'cell', sheet: '情况说明', cell },
    mode,
  });

  it('replaces a cell, naming what it overwrites', () => {
    const plan = proposalPlan(cellProposal('replace'), workbook, known)!;
    expect(plan.writes).toEqual([{ ref: { sheet: '情况说明', cell: 'A2' }, text: '与上年相比增加12.00万元。' }]);
    expect(plan.overwrite).toEqual([{ sheet: '情况说明', cell: 'A2' }]);
    expect(plan.existing).toBe('2024年度收、支总计442.86万元。');
  });

  it('appends after a sentence end directly, else on a new line; an empty cell just gets the text', () => {
    expect(proposalPlan(cellProposal('append'), workbook, known)!.writes[0].text).toBe('2024年度收、支总计442.86万元。与上年相比增加12.00万元。');
    expect(proposalPlan(cellProposal('append', 'A3'), workbook, known)!.writes[0].text).toBe('主要原因是\n与上年相比增加12.00万元。');
    const empty = proposalPlan(cellProposal('append', 'A9'), workbook, known)!;
    expect(empty).toEqual({ writes: [{ ref: { sheet: '情况说明', cell: 'A9' }, text: '与上年相比增加12.00万元。' }], overwrite: [], existing: '' });
  });

  it('finds the target cells the user edited after the check (the insert is refused there, nothing is overwritten)', () => {
    const edited = JSON.parse(JSON.stringify(workbook)) as Workbook;
    const row2 = (edited.sheets[0] as unknown as { rows: Array<Array<{ value: unknown; text: string }>> }).rows[1][0];
    row2.value = row2.text = '2024年度收、支总计442.86万元。（已人工修改）';
    const refs = [{ sheet: '情况说明', cell: 'A2' }, { sheet: '情况说明', cell: 'A3' }, { sheet: '情况说明', cell: 'A9' }];
    expect(staleCells(refs, known, workbook)).toEqual([]);
    expect(staleCells(refs, known, edited)).toEqual([{ sheet: '情况说明', cell: 'A2' }]);
    // a cell the pane itself wrote since the check is expected to hold what it wrote
    const written = knownTextOf(workbook, new Map([['情况说明!A2', '2024年度收、支总计442.86万元。（已人工修改）']]));
    expect(staleCells(refs, written, edited)).toEqual([]);
  });

  it('reads a cell written from the pane since the check, not the stale workbook', () => {
    const written = new Map([['情况说明!A9', '已写入。']]);
    const plan = proposalPlan(cellProposal('append', 'A9'), workbook, knownTextOf(workbook, written))!;
    expect(plan.writes[0].text).toBe('已写入。与上年相比增加12.00万元。');
    expect(plan.overwrite).toEqual([{ sheet: '情况说明', cell: 'A9' }]);
  });

  it('writes a section one paragraph a cell from the chosen target, and says which cells hold something', () => {
    const p: Pick<ChatProposal, 'text' | 'target' | 'mode'> = {
      text: '第一段。\n\n  第二段。  \n第三段。',
      target: { kind: 'section', section: 'juesuan.income', title: '收入决算情况说明' },
      mode: 'append',
    };
    const target = parseTarget('情况说明!A2', workbook);
    if (!target.ok) throw new Error('target');
    const plan = proposalPlan(p, workbook, known, target, new Set(['情况说明!A4']))!;
    expect(plan.writes.map((w) => [w.ref.cell, w.text])).toEqual([
      ['A2', '第一段。'],
      ['A3', '第二段。'],
      ['A4', '第三段。'],
    ]);
    expect(plan.overwrite.map((r) => r.cell)).toEqual(['A2', 'A3', 'A4']);
    // without a target, nothing to plan
    expect(proposalPlan(p, workbook, known)).toBeUndefined();
    expect(proposalParagraphs(' \n ')).toEqual([]);
  });

  it('lists the blocking numbers first, each once', () => {
    expect(unverifiedNumbers([problem(9, 12, '3%', false), problem(5, 8, '0元'), problem(1, 3, '0元')])).toEqual(['0元', '3%']);
  });
});

describe('the bundled prompt files', () => {
  /** A webpack context as `asset/source` makes it: keys in both forms webpack lists, modules as strings. */
  function contextOf(dir: string, wrap: (s: string) => unknown = (s) => s): PromptContext {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    const keys = [...files.map((f) => `./${f}`), ...files.map((f) => `prompts/${f}`)];
    const ctx = ((key: string) => wrap(fs.readFileSync(path.join(dir, path.basename(key)), 'utf8'))) as PromptContext;
    ctx.keys = () => keys;
    return ctx;
  }

  it('are the PromptSet the library loads in Node, chat prompt included', () => {
    const set = promptSetFromContext(contextOf(promptsDir()));
    expect(set).toEqual(loadPromptSet());
    expect(Object.keys(set)).toEqual(expect.arrayContaining(['chat.zh-CN', 'polish.zh-CN', 'reasons.zh-CN', 'performance.zh-CN']));
    expect(promptSetFromContext(contextOf(promptsDir(), (s) => ({ default: s })))).toEqual(set);
  });

  it('refuse a prompt file that was not bundled as text', () => {
    expect(() => promptSetFromContext(contextOf(promptsDir(), () => ({ default: 42 })))).toThrow(/asset\/source/);
  });
});
