/**
 * Cell references in answers, citations of written references and of tool figures, the answer cut into display
 * segments, references taken out before verifying (spans mapped back), and the system prompt rendered from the
 * package's prompt files.
 */
import * as path from 'node:path';
import { readXlsxFile } from '../../adapters/exceljs';
import { loadPromptSet } from '../prompt-files';
import { parsePrompt, PROMPT_VARIABLES } from '../prompts';
import { canonicalNumber, citationsOf } from './citations';
import { buildChatContext } from './context';
import { chatSystemPrompt, workbookOverview } from './prompt';
import { findCellReferences, formatRef, normaliseAddress, parseRef } from './refs';
import { answerSegments } from './segments';
import { stripReferences, type AnswerProblem } from './verify';

const SHEETS = ['T1', 'T3', '情况说明', 'Sheet 1', "O'Brien", '表1'];
const refs = (text: string) => findCellReferences(text, SHEETS).map((r) => [r.sheet, r.cell, text.slice(r.span[0], r.span[1]), r.exists]);

describe('findCellReferences', () => {
  it('unquoted, quoted, full-width !, ranges, $ and lower case', () => {
    expect(refs('见T1!B31和情况说明！A9；T3!$c$5:$C$12')).toEqual([
      ['T1', 'B31', 'T1!B31', true],
      ['情况说明', 'A9', '情况说明！A9', true],
      ['T3', 'C5:C12', 'T3!$c$5:$C$12', true],
    ]);
    expect(refs("'Sheet 1'!A1, 'O''Brien'!B2, ‘表1’!C3")).toEqual([
      ['Sheet 1', 'A1', "'Sheet 1'!A1", true],
      ["O'Brien", 'B2', "'O''Brien'!B2", true],
      ['表1', 'C3', '‘表1’!C3', true],
    ]);
  });

  it('a sheet name with a space written unquoted; words glued before the name are not part of it', () => {
    expect(refs('（Sheet 1!D4）')).toEqual([['Sheet 1', 'D4', 'Sheet 1!D4', true]]);
    expect(refs('详见情况说明!A15。')).toEqual([['情况说明', 'A15', '情况说明!A15', true]]);
  });

  it('sheets the workbook lacks and addresses beyond the grid are kept, marked as not existing', () => {
    expect(refs('T10!A1、T1!XFE1、T1!A1048577、T1!XFD1048576')).toEqual([
      ['T10', 'A1', 'T10!A1', false],
      ['T1', 'XFE1', 'T1!XFE1', false],
      ['T1', 'A1048577', 'T1!A1048577', false],
      ['T1', 'XFD1048576', 'T1!XFD1048576', true],
    ]);
  });

  it('no reference in plain figures, ids without !, or an address glued to letters', () => {
    expect(refs('收入 2,946.25 万元，XJ-05，C12 单元格，T1!B31x')).toEqual([]);
  });

  it('parseRef takes exactly one existing reference; formatRef quotes when needed', () => {
    expect(parseRef(' 情况说明!a9 ', SHEETS)).toEqual({ sheet: '情况说明', cell: 'A9' });
    expect(parseRef('见情况说明!A9', SHEETS)).toBeUndefined();
    expect(parseRef('T10!A1', SHEETS)).toBeUndefined();
    expect(parseRef('T1!A1 T1!A2', SHEETS)).toBeUndefined();
    expect(formatRef('T1', 'B31')).toBe('T1!B31');
    expect(formatRef('Sheet 1', 'A1')).toBe("'Sheet 1'!A1");
    expect(formatRef("O'Brien", 'A1')).toBe("'O''Brien'!A1");
    expect(normaliseAddress('$b$7')).toBe('B7');
  });
});

describe('citationsOf', () => {
  const cells = [
    { sheet: 'T1', cell: 'B31', figures: ['2,946.25'] },
    { sheet: 'T2', cell: 'C5', figures: ['2,946.25'] },
    { sheet: 'T1', cell: 'B5', figures: ['0'] },
    { sheet: '情况说明', cell: 'A9', figures: ['0.3'], ids: ['narrative.amount@情况说明!A9:15'] },
  ];
  it('written references first (a finding id names its cell), then tool cells by figure, one cell per figure', () => {
    const text = '本年收入 2946.250 万元；另见 T3!C12。发现 narrative.amount@情况说明!A9:15 需要改正，B5 为 0。';
    const cs = citationsOf(text, ['T1', 'T2', 'T3', '情况说明'], cells);
    expect(cs.map((c) => [c.sheet, c.cell, c.source, text.slice(c.span![0], c.span![1])])).toEqual([
      ['T3', 'C12', 'text', 'T3!C12'],
      // the id's own reference is written text too
      ['情况说明', 'A9', 'text', '情况说明!A9'],
      ['T1', 'B31', 'tool', '2946.250'],
    ]);
  });
  it('a figure too short to identify a cell cites nothing; canonical numbers', () => {
    expect(citationsOf('为 0 万元', ['T1'], cells)).toEqual([]);
    expect(canonicalNumber('1,234.500')).toBe('1234.5');
    expect(canonicalNumber('-0.00')).toBe('0');
    expect(canonicalNumber('007')).toBe('7');
  });
});

describe('answerSegments', () => {
  it('covers the text exactly, marks problems and written references', () => {
    const text = '本年收入 3,000 万元（T1!B31）。';
    const problem: AnswerProblem = { span: { start: 5, end: 13 }, text: '3,000 万元', kind: 'amount', reason: '不对', blocking: true };
    const citations = citationsOf(text, ['T1'], []);
    const segs = answerSegments(text, [problem], citations);
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['text', '本年收入 '],
      ['problem', '3,000 万元'],
      ['text', '（'],
      ['citation', 'T1!B31'],
      ['text', '）。'],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
});

describe('stripReferences', () => {
  it('removes references, ids and the brackets that held only them; maps back', () => {
    const text = '支出合计 2,940.05 万元（见 T1!D31）；规则 XJ-05 在 narrative.amount@情况说明!A9:15。';
    const s = stripReferences(text, ['T1', '情况说明'], ['narrative.amount@情况说明!A9:15']);
    expect(s.text).toBe('支出合计 2,940.05 万元；规则  在 。');
    // every kept character maps to itself in the original
    for (let i = 0; i < s.text.length; i++) expect(text[s.map[i]]).toBe(s.text[i]);
    expect(s.map[s.text.length]).toBe(text.length);
  });
  it('keeps brackets that hold words', () => {
    const s = stripReferences('一般公共服务支出（类，T5!C8）', ['T5'], []);
    expect(s.text).toBe('一般公共服务支出（类，）');
  });
});

describe('the system prompt', () => {
  it('the chat prompt files parse, use only the chat variables, and render with the overview as JSON', async () => {
    const prompts = loadPromptSet();
    for (const name of ['chat.zh-CN', 'chat.en-US']) {
      const p = parsePrompt(name, prompts[name]);
      expect(p.version).toMatch(/^chat-\d+$/);
      expect([...p.variables].sort()).toEqual([...PROMPT_VARIABLES.chat].sort());
    }
    const wb = await readXlsxFile(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'books', 'sh-caizhengju-2024-sheets.xlsx'));
    const ctx = buildChatContext(wb, { name: 'sh.xlsx' });
    const zh = chatSystemPrompt(ctx, 'zh-CN', prompts);
    expect(zh).toContain('一份部门决算工作簿');
    expect(zh).not.toMatch(/\{\{/);
    const overview = JSON.parse(workbookOverview(ctx));
    expect(overview).toMatchObject({
      file: 'sh.xlsx',
      regime: 'juesuan',
      year: 2024,
      narrativeSheets: ['情况说明'],
      check: { errors: 2, warnings: 2 },
    });
    expect(overview.tables[0]).toEqual({ id: 'juesuan.income-expenditure-summary', name: '收入支出决算总表', title: '收入支出决算总表', where: 'T1!A1:D34', unit: '万元' });
    expect(zh).toContain(workbookOverview(ctx));
    const en = chatSystemPrompt(ctx, 'en-US', prompts);
    expect(en).toContain('a final accounts (部门决算) workbook');
  });
});
