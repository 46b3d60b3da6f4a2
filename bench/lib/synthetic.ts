/**
 * Synthetic disclosure workbooks of a given size for the scale benchmark: 支出决算表 tables (title, unit line, two header
 * rows, a 合计 row, then 类/款/项 rows with six value columns) stacked on sheets, every table footing exactly (totals are
 * computed in integer cents, never in binary floats). The same rows are built as the neutral model in memory and written
 * as .xlsx by exceljs's streaming writer, so that engine time and parse time are measured on the same content.
 */
import * as ExcelJS from 'exceljs';
import { FUNCTION_CLASSES } from '../../src/recognise/catalog';
import type { Cell, Sheet, Workbook } from '../../src/model/workbook';
import { Rng } from './prng';

export const AMOUNT_FORMAT = '#,##0.00';
/** columns: code, name, 本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出 */
export const VALUE_HEADERS = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
const PARTS = VALUE_HEADERS.length - 1;

const KUAN_NAMES = ['财政事务', '行政事业单位养老支出', '行政事业单位医疗', '住房改革支出', '教育管理事务', '普通教育', '科学技术管理事务', '城乡社区管理事务'];
const XIANG_NAMES = ['行政运行', '一般行政管理事务', '机关服务', '信息化建设', '事业运行', '专项业务', '购房补贴', '住房公积金', '其他支出'];

/** One generated cell: an amount (integer cents) or a text. */
export type SynthCell = { cents: number } | { text: string } | null;

export interface SynthSheet {
  name: string;
  rows: SynthCell[][];
}

export interface SynthOptions {
  /** stop when at least this many non-empty cells were generated */
  cells: number;
  /** rows per sheet before a new sheet is started (default 20,000, below the reader's 65,536-row limit) */
  rowsPerSheet?: number;
  seed?: number;
}

export interface SynthBook {
  sheets: SynthSheet[];
  /** non-empty cells */
  cells: number;
  tables: number;
  rows: number;
}

const fmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,511.89" from 151189 cents (integer arithmetic only; the division is exact for display). */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const whole = Math.floor(a / 100);
  const frac = String(a % 100).padStart(2, '0');
  return `${sign}${fmt.format(whole).replace(/\.00$/, '')}.${frac}`;
}

function countCells(rows: SynthCell[][]): number {
  let n = 0;
  for (const r of rows) for (const c of r) if (c) n++;
  return n;
}

/** One 支出决算表 with `classes` 类, each with 1–5 款 of 1–6 项; rows are [code, name, total, …5 parts]. */
function expenditureTable(rng: Rng, classes: number): SynthCell[][] {
  const body: Array<{ code: string; name: string; v: number[] }> = [];
  const grand = new Array<number>(PARTS).fill(0);
  const start = rng.int(FUNCTION_CLASSES.length);
  for (let i = 0; i < classes; i++) {
    const [lei, leiName] = FUNCTION_CLASSES[(start + i) % FUNCTION_CLASSES.length];
    const leiRow = { code: lei, name: leiName, v: new Array<number>(PARTS).fill(0) };
    body.push(leiRow);
    const kuans = 1 + rng.int(5);
    for (let k = 1; k <= kuans; k++) {
      const kuan = `${lei}${String(k).padStart(2, '0')}`;
      const kuanRow = { code: kuan, name: KUAN_NAMES[rng.int(KUAN_NAMES.length)], v: new Array<number>(PARTS).fill(0) };
      body.push(kuanRow);
      const xiangs = 1 + rng.int(6);
      for (let x = 1; x <= xiangs; x++) {
        const v = Array.from({ length: PARTS }, (_, j) => (j < 2 || rng.next() < 0.2 ? rng.int(5_000_000) : 0));
        body.push({ code: `${kuan}${String(x === xiangs ? 99 : x).padStart(2, '0')}`, name: XIANG_NAMES[rng.int(XIANG_NAMES.length)], v });
        for (let j = 0; j < PARTS; j++) {
          kuanRow.v[j] += v[j];
          leiRow.v[j] += v[j];
          grand[j] += v[j];
        }
      }
    }
  }
  const amounts = (v: number[]): SynthCell[] => {
    const total = v.reduce((a, b) => a + b, 0);
    return [{ cents: total }, ...v.map((c) => ({ cents: c }))];
  };
  const t = (text: string): SynthCell => ({ text });
  return [
    [t('支出决算表')],
    [null, null, null, null, null, null, null, t('单位：万元')],
    [t('项目'), null, ...VALUE_HEADERS.map(t)],
    [t('支出功能分类科目编码'), t('科目名称')],
    [null, t('合计'), ...amounts(grand)],
    ...body.map((b) => [t(b.code), t(b.name), ...amounts(b.v)]),
  ];
}

/** Generate tables (2 blank rows apart) until `cells` non-empty cells exist; deterministic for a seed. */
export function synthesise(options: SynthOptions): SynthBook {
  const rowsPerSheet = options.rowsPerSheet ?? 20_000;
  const rng = new Rng(options.seed ?? 20240601);
  const sheets: SynthSheet[] = [];
  let current: SynthSheet = { name: '支出决算表1', rows: [] };
  sheets.push(current);
  let cells = 0;
  let tables = 0;
  let rows = 0;
  while (cells < options.cells) {
    const table = expenditureTable(rng, 1 + rng.int(3));
    if (current.rows.length > 0 && current.rows.length + table.length + 2 > rowsPerSheet) {
      current = { name: `支出决算表${sheets.length + 1}`, rows: [] };
      sheets.push(current);
    }
    if (current.rows.length > 0) current.rows.push([], []);
    current.rows.push(...table);
    cells += countCells(table);
    tables++;
  }
  for (const s of sheets) rows += s.rows.length;
  return { sheets, cells, tables, rows };
}

/** The neutral model, as the exceljs adapter would build it (numbers with their displayed text and number format). */
export function toWorkbook(book: SynthBook, name = 'synthetic.xlsx'): Workbook {
  const sheets: Sheet[] = book.sheets.map((s, index) => {
    const rows: Array<Array<Cell | null> | undefined> = s.rows.map((r, i) => {
      if (r.length === 0) return undefined;
      return r.map((c, j): Cell | null => {
        if (!c) return null;
        if ('text' in c) return { row: i + 1, col: j + 1, value: c.text, text: c.text };
        return { row: i + 1, col: j + 1, value: c.cents / 100, text: centsText(c.cents), numFmt: AMOUNT_FORMAT };
      });
    });
    return { name: s.name, index, hidden: false, rows, merges: [] };
  });
  return { source: { name, adapter: 'memory' }, sheets };
}

/** Write the book as .xlsx with exceljs's streaming writer (rows committed one by one; bounded memory). */
export async function writeXlsx(book: SynthBook, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) {
      const row = ws.addRow(r.map((c) => (c === null ? null : 'text' in c ? c.text : c.cents / 100)));
      r.forEach((c, j) => {
        if (c && 'cents' in c) row.getCell(j + 1).numFmt = AMOUNT_FORMAT;
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
