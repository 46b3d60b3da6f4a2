/**
 * Malformed note formulas and wrong unit labels on real fixture books, changed in memory after reading them with the
 * exceljs adapter (the fixture files are never written): each is reported where it is printed, citing what is printed,
 * and no other finding appears or disappears except those the change itself causes.
 */
import * as path from 'node:path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { a1, areaContains, parseA1 } from '../../src/model/address';
import type { RecognisedTable } from '../../src/model/table';
import type { Cell, Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';
import type { Finding } from '../../src/rules/types';

const BOOKS = path.resolve(__dirname, '..', 'fixtures', 'books');

const read = (file: string) => readXlsxFile(path.join(BOOKS, file));
const at = (f: Finding) => `${f.location.sheet}!${f.location.cell}`;
const brief = (f: Finding) => `${f.rule}|${f.severity}|${at(f)}`;

/** The one cell of a sheet whose text contains `part`. */
function cellContaining(wb: Workbook, sheet: string, part: string): Cell {
  const cells = wb.sheets
    .find((s) => s.name === sheet)!
    .rows.flatMap((r) => r ?? [])
    .filter((c): c is Cell => !!c && c.text.includes(part));
  expect(cells).toHaveLength(1);
  return cells[0];
}

function reprint(cell: Cell, text: string): void {
  cell.value = text;
  cell.text = text;
}

/** Findings of `after` that `before` does not have (by rule, severity and place). */
function added(before: Finding[], after: Finding[]): Finding[] {
  const seen = new Set(before.map(brief));
  return after.filter((f) => !seen.has(brief(f)));
}

describe('malformed note formulas on a real book (seed-000: 江岸区医保局 2022 决算, 9 tables, formula notes)', () => {
  test('a range left open in the summary table’s note: one warning on that note quoting it, the other formulas still checked', async () => {
    const wb = await read('seed-000-sheets.xlsx');
    const before = checkWorkbook(wb);
    expect(before.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const note = cellContaining(wb, '表1', '57行=（31+32+…+56）行');
    reprint(note, note.text.replace('57行=（31+32+…+56）行', '57行=（31+32+…+）行'));
    const after = checkWorkbook(wb);
    const news = added(before.findings, after.findings);
    expect(news.map((f) => [f.rule, f.severity, f.status, at(f), f.text])).toEqual([
      ['generic.declared-formula-readable', 'warning', 'cannot-evaluate', `表1!${a1(note.row, note.col)}`, '57行=（31+32+…+）行'],
    ]);
    expect(news[0].message).toBe('表注公式“57行=（31+32+…+）行”无法识别，未作核对，请人工核对。');
    // the readable formulas of the same note (27行, 30行, 60行) are still evaluated, and hold
    const declared = (r: typeof after) => r.engine.relations.filter((x) => x.rule === 'generic.declared-formula' && x.target.ref.sheet === '表1');
    expect(declared(after).length).toBe(declared(before).length - 1);
    expect(declared(after).every((x) => x.verdict === 'holds' || x.verdict === 'vacuous')).toBe(true);
    expect(after.findings.filter((f) => f.status === 'fail')).toEqual([]);
  });

  test('a line and a column the tables do not print: a warning on each note, nothing evaluated against them', async () => {
    const wb = await read('seed-000-stacked.xlsx');
    const before = checkWorkbook(wb);
    const sheet = wb.sheets[0].name;
    const rows = cellContaining(wb, sheet, '60行=（57+58+59）行');
    reprint(rows, rows.text.replace('60行=（57+58+59）行', '70行=（57+58+59）行'));
    const cols = cellContaining(wb, sheet, '1栏各行=（2+3+4+5+6）栏各行');
    reprint(cols, cols.text.replace('1栏各行=（2+3+4+5+6）栏各行', '1栏各行=（2+3+4+5+6+8）栏各行'));
    const after = checkWorkbook(wb, { lang: 'en-US' });
    const news = added(before.findings, after.findings);
    expect(news.map((f) => [f.rule, f.severity, at(f), f.text, f.message])).toEqual([
      [
        'generic.declared-formula-readable',
        'warning',
        `${sheet}!${a1(rows.row, rows.col)}`,
        '70行=（57+58+59）行',
        'The formula "70行=（57+58+59）行" in the table note names line 70, which the table does not have, so it was not checked.',
      ],
      [
        'generic.declared-formula-readable',
        'warning',
        `${sheet}!${a1(cols.row, cols.col)}`,
        '1栏各行=（2+3+4+5+6+8）栏各行',
        'The formula "1栏各行=（2+3+4+5+6+8）栏各行" in the table note names column 8, which the table does not have, so it was not checked.',
      ],
    ]);
  });
});

/** The cell printing a table's unit statement ("金额单位：万元"), found among the rows above its header. */
function unitStatement(wb: Workbook, t: RecognisedTable): Cell {
  const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
  const cells: Cell[] = [];
  for (let r = t.area.top; r < t.headerRows[0]; r++) for (const c of sheet.rows[r - 1] ?? []) if (c && /单位/.test(c.text) && c.text.trim().endsWith(t.unit!)) cells.push(c);
  expect(cells).toHaveLength(1);
  return cells[0];
}

describe('wrong unit labels on real books', () => {
  test.each([
    ['seed-000-sheets.xlsx', 'juesuan.general-budget-expenditure', '元', '决算, every table in 万元: the 一般公共预算 table relabelled 元'],
    ['seed-002-stacked.xlsx', 'juesuan.income-expenditure-summary', '元', '决算, all tables on one sheet: the summary relabelled 元'],
    ['sh-sifaju-2026-sheets.xlsx', 'yusuan.three-public', '元', 'budget in 元 with a 万元 三公 table: the 三公 table relabelled 元'],
    ['sh-shangwuwei-2025-split.xlsx', 'yusuan.general-budget-expenditure', '万元', 'budget in 元, amounts as text: a 元 table relabelled 万元'],
  ])('%s, %s labelled %s: one error on its unit cell, the right unit proposed (%s)', async (file, kind, wrong) => {
    const wb = await read(file);
    const before = checkWorkbook(wb);
    expect(before.findings.filter((f) => f.rule === 'generic.unit-label')).toEqual([]);
    const table = recognise(wb).tables.find((t) => t.kind === kind)!;
    const right = table.unit!;
    const cell = unitStatement(wb, table);
    const printed = cell.text;
    reprint(cell, printed.replace(/(万元|元)\s*$/, wrong));
    const after = checkWorkbook(wb);
    const labels = after.findings.filter((f) => f.rule === 'generic.unit-label');
    const where = `${table.sheet}!${a1(cell.row, cell.col)}`;
    expect(labels.map((f) => [f.severity, f.status, at(f), f.table, f.suspect && `${f.suspect.sheet}!${f.suspect.cell}`, f.suspect?.proposed, f.suspect?.signature])).toEqual([
      ['error', 'fail', where, table.id, where, printed, 'unit-label'],
    ]);
    expect(labels[0].message).toContain(`标注为“${wrong}”`);
    expect(labels[0].message).toContain(`按“${right}”理解才相符`);
    // everything else the relabelling changed is a tie reading a figure of the relabelled table
    const inTable = (c: { sheet: string; cell: string }) => {
      const { row, col } = parseA1(c.cell);
      return c.sheet === table.sheet && areaContains(table.area, row, col);
    };
    for (const f of added(before.findings, after.findings)) {
      if (f.rule !== 'generic.unit-label') expect([f.rule, f.cells.some(inTable)]).toEqual([f.rule, true]);
    }
  });

  test('a single figure typed in 元 in a 万元 book is blamed on the figure, not on a label', async () => {
    const wb = await read('seed-000-sheets.xlsx');
    const table = recognise(wb).tables.find((t) => t.kind === 'juesuan.general-budget-expenditure')!;
    const total = table.parts[0].rows.find((r) => r.key === 'total')!.cells[0]!;
    const cell = wb.sheets.find((s) => s.name === table.sheet)!.rows[total.row - 1]![total.col - 1]!;
    const value = Math.round((cell.value as number) * 10000 * 100) / 100;
    cell.value = value;
    cell.text = value.toLocaleString('en-US', { minimumFractionDigits: 2 });
    const after = checkWorkbook(wb);
    expect(after.findings.filter((f) => f.rule === 'generic.unit-label')).toEqual([]);
    expect(after.findings.some((f) => f.severity === 'error' && f.suspect?.cell === a1(total.row, total.col) && f.suspect.signature === 'scale-10000')).toBe(true);
  });
});
