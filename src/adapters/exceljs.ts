/**
 * The .xlsx adapter of the read port (command line): reads a workbook file with exceljs into the neutral model.
 *
 * Before exceljs sees a byte, the container is sniffed and guarded (see ./sniff): missing / not a file / not a zip /
 * old .xls / password-protected / damaged zip / zip bomb / too many rows or cells are all refused with a
 * CrossfootError. The input file is only ever opened for reading.
 */
import { fileSystemError, statInputFile } from './input-file';

export { fileSystemError };
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import * as numfmt from 'numfmt';
import { CrossfootError } from '../errors';
import type { Area } from '../model/address';
import { parseArea } from '../model/address';
import type { Cell, CellValue, Sheet, Workbook, WorkbookReader } from '../model/workbook';
import {
  checkDeclaredSizes,
  classifyCfb,
  formatBytes,
  readZipDirectory,
  scanZip,
  sniffContainer,
  type ScanLimits,
} from './sniff';

export interface ReadOptions {
  /** default 65,536; a sheet with a non-empty cell below this row is refused with 'too-large' */
  maxRowsPerSheet?: number;
  /** default 5,000,000 non-empty cells in the workbook */
  maxCells?: number;
  /** default 512 MiB in total across the zip entries (zip-bomb guard, checked before parsing) */
  maxUncompressedBytes?: number;
}

export const DEFAULT_READ_LIMITS: Readonly<Required<ReadOptions>> = {
  maxRowsPerSheet: 65_536,
  maxCells: 5_000_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
};

function resolveLimits(options: ReadOptions | undefined): ScanLimits {
  const out = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(DEFAULT_READ_LIMITS) as Array<keyof ReadOptions>) {
    const v = options?.[key];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < 1) {
      throw new CrossfootError('bad-argument', { detail: `${key} = ${String(v)}` });
    }
    out[key] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// entry points

/**
 * Read an .xlsx file. Messages name the file by the path as given for file-system problems (missing, a directory,
 * no permission), else by its base name, which is also the model's source name.
 */
export async function readXlsxFile(filePath: string, options?: ReadOptions): Promise<Workbook> {
  const limits = resolveLimits(options);
  const name = path.basename(filePath) || filePath;
  const stat = await statInputFile(filePath);
  if (stat.size > limits.maxUncompressedBytes) throw fileTooLarge(name, limits);
  let buf: Buffer;
  try {
    buf = await fs.readFile(filePath, { flag: 'r' });
  } catch (e) {
    throw fileSystemError(e, filePath);
  }
  return readXlsxBuffer(buf, name, options);
}

/** Read an .xlsx workbook held in memory; `name` is used in the model's source info and in messages. */
export async function readXlsxBuffer(buf: Buffer, name: string, options?: ReadOptions): Promise<Workbook> {
  const limits = resolveLimits(options);
  if (buf.length > limits.maxUncompressedBytes) throw fileTooLarge(name, limits);
  switch (sniffContainer(buf)) {
    case 'empty':
      throw new CrossfootError('corrupt', { file: name, reason: 'empty-file', detail: '0 bytes' });
    case 'other':
      throw new CrossfootError('not-xlsx', { file: name });
    case 'cfb': {
      const kind = classifyCfb(buf);
      if (kind === 'encrypted') throw new CrossfootError('encrypted', { file: name });
      if (kind === 'legacy-xls') throw new CrossfootError('legacy-xls', { file: name });
      throw new CrossfootError('not-xlsx', { file: name });
    }
    case 'zip':
      break;
  }

  const entries = readZipDirectory(buf, name);
  checkDeclaredSizes(entries, name, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    // a .docx, .xlsb, .zip of something else, or an xlsx that lost its main part
    const xlsb = entries.some((e) => e.name === 'xl/workbook.bin');
    const looksLikeXlsx = !xlsb && entries.some((e) => e.name.startsWith('xl/'));
    if (looksLikeXlsx) {
      throw new CrossfootError('corrupt', { file: name, reason: 'no-workbook', detail: 'xl/workbook.xml missing' });
    }
    throw new CrossfootError('not-xlsx', { file: name });
  }
  await scanZip(buf, entries, name, limits);

  const wb = new ExcelJS.Workbook();
  try {
    // data validations and conditional formats are not needed, and exceljs expands validation ranges cell by cell;
    // a failure while loading or while reading exceljs's structures means the input is malformed
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    });
    return toModel(wb, name);
  } catch (e) {
    if (e instanceof CrossfootError) throw e;
    throw new CrossfootError(
      'corrupt',
      { file: name, reason: 'xml', detail: e instanceof Error ? e.message : String(e) },
      e,
    );
  }
}

export class ExcelJsReader implements WorkbookReader {
  constructor(
    private readonly path: string,
    private readonly options?: ReadOptions,
  ) {}

  read(): Promise<Workbook> {
    return readXlsxFile(this.path, this.options);
  }
}

function fileTooLarge(name: string, limits: ScanLimits): CrossfootError {
  return new CrossfootError('too-large', { file: name, kind: 'file', limit: formatBytes(limits.maxUncompressedBytes) });
}

// ---------------------------------------------------------------------------------------------------------------
// exceljs → neutral model

function toModel(wb: ExcelJS.Workbook, name: string): Workbook {
  const date1904 = Boolean(wb.properties?.date1904);
  const sheets: Sheet[] = [];
  let nonEmpty = 0;
  wb.worksheets.forEach((ws, index) => {
    const sheet = toSheet(ws, index, date1904);
    for (const r of sheet.rows) if (r) for (const c of r) if (c) nonEmpty++;
    sheets.push(sheet);
  });
  if (sheets.length === 0 || nonEmpty === 0) throw new CrossfootError('empty-workbook', { file: name });
  return { source: { name, adapter: 'exceljs' }, sheets };
}

function toSheet(ws: ExcelJS.Worksheet, index: number, date1904: boolean): Sheet {
  const rows: Array<Array<Cell | null> | undefined> = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNo) => {
    if (row.hidden) hiddenRows.push(rowNo);
    const cells: Array<Cell | null> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNo) => {
      const c = toCell(cell, rowNo, colNo, date1904);
      if (c) cells[colNo - 1] = c;
    });
    if (cells.length > 0) {
      for (let j = 0; j < cells.length; j++) if (cells[j] === undefined) cells[j] = null;
      rows[rowNo - 1] = cells;
    }
  });
  for (let i = 0; i < rows.length; i++) if (!(i in rows)) rows[i] = undefined;
  const sheet: Sheet = {
    name: ws.name,
    index,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    rows,
    merges: mergesOf(ws),
  };
  if (hiddenRows.length > 0) sheet.hiddenRows = hiddenRows;
  return sheet;
}

/** exceljs keeps merges privately (`_merges`, keyed by master address); the public `model` getter copies every row. */
function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const raw = (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges ?? {};
  const out: Area[] = [];
  for (const m of Object.values(raw)) if (m?.range) out.push(parseArea(m.range));
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** exceljs turns date-formatted serials into Dates (rounded to the millisecond); turn them back. */
function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / DAY_MS - (date1904 ? 1462 : 0);
}

interface Scalar {
  value: CellValue;
  text: string;
  error?: string;
}

/** Excel's General format: up to 11 significant digits, no thousands separators, scientific when needed. */
function general(v: number): string {
  // fast path for the common case; numfmt handles the rest exactly like Excel
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  return numfmt.format('General', v);
}

function render(fmt: string | undefined, v: number, date1904: boolean): string {
  if (!fmt || numfmt.isTextFormat(fmt)) return general(v);
  try {
    // numfmt counts days from 1900; a 1904-system serial is 1,462 days behind
    const x = date1904 && numfmt.isDateFormat(fmt) ? v + 1462 : v;
    return numfmt.format(fmt, x);
  } catch {
    return general(v);
  }
}

function richTextPlain(v: { richText?: Array<{ text?: string }> }): string {
  return (v.richText ?? []).map((r) => r.text ?? '').join('');
}

/** A stored value or a formula result as a neutral scalar; undefined for nothing at all. */
function scalar(v: unknown, fmt: string | undefined, date1904: boolean): Scalar | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    return { value: v, text: render(fmt, v, date1904) };
  }
  if (typeof v === 'string') return { value: v, text: v };
  if (typeof v === 'boolean') return { value: v, text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    const serial = dateToSerial(v, date1904);
    if (!Number.isFinite(serial)) return undefined;
    return { value: serial, text: render(fmt, serial, date1904) };
  }
  if (typeof v === 'object') {
    const o = v as { error?: unknown; richText?: unknown };
    if (typeof o.error === 'string') return { value: null, text: o.error, error: o.error };
    if (Array.isArray(o.richText)) {
      const s = richTextPlain(o as { richText: Array<{ text?: string }> });
      return { value: s, text: s };
    }
  }
  return undefined;
}

function normFmt(fmt: string | undefined): string | undefined {
  if (!fmt || fmt.trim() === '' || fmt.trim().toLowerCase() === 'general') return undefined;
  return fmt;
}

function toCell(cell: ExcelJS.Cell, row: number, col: number, date1904: boolean): Cell | null {
  const numFmt = normFmt(cell.numFmt);
  let s: Scalar | undefined;
  let formula: string | undefined;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula: {
      try {
        formula = cell.formula || undefined;
      } catch {
        formula = undefined;
      }
      s = scalar((cell.value as ExcelJS.CellFormulaValue).result, numFmt, date1904) ?? { value: null, text: '' };
      break;
    }
    case ExcelJS.ValueType.Hyperlink:
      s = scalar((cell.value as ExcelJS.CellHyperlinkValue).text, numFmt, date1904);
      break;
    default:
      s = scalar(cell.value, numFmt, date1904);
  }
  if (!s) return null;
  if (!formula && !s.error && (s.value === null || s.value === '')) return null;
  const out: Cell = { row, col, value: s.value, text: s.text };
  if (formula) out.formula = formula;
  if (numFmt) out.numFmt = numFmt;
  if (s.error) out.error = s.error;
  return out;
}
