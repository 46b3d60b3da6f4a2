/// <reference types="office-js" />
/**
 * The Office.js host: the add-in's implementation of the host port inside Excel (desktop, Mac, web).
 *
 * The `Excel` and `Office` globals are injected (constructor arguments) so that tests can pass a fake; the types come
 * from @types/office-js, nothing else here refers to the globals.
 *
 * Round trips (`context.sync()`) are what make an add-in slow, so every operation is a fixed number of batches:
 * - readWorkbook: 1 sync for the sheet list, 1 for every sheet's used range and merged areas, then the cells of all
 *   sheets in as few syncs as Excel's payload limit allows (one for any ordinary workbook: 3 syncs in all,
 *   independent of the number of sheets);
 * - applyMarks: 1 sync for the sheet list and the stored snapshot, 1 to load the formats of all cells to mark, 1 to
 *   write (more only beyond `maxCellsPerSync` / `maxWriteCellsPerSync` cells);
 * - clearMarks: 2 syncs (3 when notes were added).
 * Requirement sets are checked at runtime: Excel without a newer API keeps working with less (see capabilities()).
 */
import * as numfmt from 'numfmt';
import { CrossfootError } from '../../src/errors';
import { defineMessages, t, type Lang } from '../../src/i18n';
import { a1, parseArea, type Area, type CellRef } from '../../src/model/address';
import type { Cell, Sheet, Workbook } from '../../src/model/workbook';
import {
  MARK_STYLES,
  emptyMarkSnapshot,
  formatKey,
  isNoFill,
  normaliseMarks,
  noteDigest,
  parseMarkSnapshot,
  planMarks,
  serializeMarkSnapshot,
  type CellFormatSnapshot,
  type MarkedCell,
  type MarkSnapshot,
} from '../../src/marks';
import { WAIVERS_NAMESPACE, waiversFromXml, waiversToXml, type WaiverWarning } from '../../src/waivers';
import type { HostCapabilities, HostPort, Mark, Waiver } from './types';

/** The part of the `Excel` global the host uses. */
export type ExcelGlobal = Pick<typeof Excel, 'run'>;

/** The part of the `Office` global the host uses. */
export interface OfficeGlobal {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** ExcelApi requirement sets: the minimum, and what each optional feature needs. */
export const EXCEL_API = {
  /** getRangeByIndexes, worksheet change events, workbook name */
  minimum: '1.7',
  /** getRanges (multi-area writes and selection), fill pattern / tint, row properties (hidden rows), collection events */
  v19: '1.9',
  /** Range.getMergedAreasOrNullObject */
  merges: '1.13',
  /** cell notes */
  notes: '1.18',
} as const;

/** Key of the workbook setting that holds the mark snapshot. */
export const MARKS_SETTING_KEY = 'crossfoot.marks';

export interface OfficeHostOptions {
  /** cells whose data one sync may load (Excel on the web refuses responses over 5 MB); default 10,000 */
  maxCellsPerSync?: number;
  /** cells one sync may format; default 10,000 */
  maxWriteCellsPerSync?: number;
  /** addresses per multi-area range (getRanges); default 200 */
  maxAreasPerRange?: number;
  /** changed cells reported per change event (a large paste is cut to its first cells); default 10,000 */
  maxChangedCells?: number;
  /** as the exceljs adapter: a sheet with a value below this row is refused ('too-large'); default 65,536 */
  maxRowsPerSheet?: number;
  /** cells in the used ranges of all sheets, beyond which the workbook is refused ('too-large'); default 2,000,000 */
  maxCells?: number;
}

export interface MarkReport {
  /** cells carrying a mark after the call */
  marked: number;
  /** marks not applied: unknown sheet, or the sheet is protected */
  skipped: number;
  /** notes the marks have added and keep */
  notes: number;
  /** cells restored to their own format */
  restored: number;
}

// ---------------------------------------------------------------------------------------------------------------
// messages and errors

export const officeHostMessages = defineMessages(
  {
    'excel-too-old': (p: { required: string }) =>
      `此 Excel 版本过旧，无法运行勾稽助手：需要 ExcelApi ${p.required} 或更高版本（Excel 2019 及以后、Microsoft 365 或 Excel 网页版）。`,
    'no-merges': (p: { required: string }) =>
      `当前 Excel 不能读取合并单元格（需要 ExcelApi ${p.required}），表格仍按单元格的值识别，跨列标题可能识别得不够准确。`,
    'no-notes': (p: { required: string }) =>
      `当前 Excel 不能添加单元格批注（需要 ExcelApi ${p.required}），标记只改变单元格底色，问题说明请在任务窗格中查看。`,
    'no-fill-pattern': (p: { required: string }) =>
      `当前 Excel 不能读取填充图案（需要 ExcelApi ${p.required}），清除标记时白色底色会恢复为“无填充”。`,
    'sheet-not-found': (p: { sheet: string }) => `找不到工作表“${p.sheet}”，它可能已被重命名或删除。`,
  },
  {
    'excel-too-old': (p: { required: string }) =>
      `This version of Excel is too old for crossfoot: it needs ExcelApi ${p.required} or later (Excel 2019 or later, ` +
      'Microsoft 365 or Excel on the web).',
    'no-merges': (p: { required: string }) =>
      `This Excel cannot read merged cells (ExcelApi ${p.required} is needed); tables are still recognised from the ` +
      'cell values, headers spanning columns may be recognised less precisely.',
    'no-notes': (p: { required: string }) =>
      `This Excel cannot add cell notes (ExcelApi ${p.required} is needed); marks only colour the cells, the task ` +
      'pane shows what is wrong.',
    'no-fill-pattern': (p: { required: string }) =>
      `This Excel cannot read fill patterns (ExcelApi ${p.required} is needed); clearing marks turns a white fill ` +
      'into "no fill".',
    'sheet-not-found': (p: { sheet: string }) => `Sheet "${p.sheet}" was not found; it may have been renamed or deleted.`,
  },
);

export type OfficeHostErrorCode = keyof (typeof officeHostMessages)['zh-CN'];

/** A failure of the Office host the user can understand (shown in the task pane in the user's language). */
export class OfficeHostError extends Error {
  readonly code: OfficeHostErrorCode;
  readonly params: Record<string, string>;
  constructor(code: OfficeHostErrorCode, params: Record<string, string>) {
    super(render(code, params, 'en-US'));
    this.name = 'OfficeHostError';
    this.code = code;
    this.params = params;
  }
  localized(lang: Lang): string {
    return render(this.code, this.params, lang);
  }
}

function render(code: OfficeHostErrorCode, params: Record<string, string>, lang: Lang): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (t as any)(officeHostMessages, lang, code, params);
}

// ---------------------------------------------------------------------------------------------------------------
// reading helpers (exported for tests)

/** A rectangle of one sheet, 0-based as Office.js counts. */
export interface Chunk {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Split rectangles into chunks of at most `budget` cells and pack them, in order, into batches of at most `budget`. */
export function planChunks(areas: Chunk[], budget: number): Chunk[][] {
  const pieces: Chunk[] = [];
  for (const a of areas) {
    if (a.rows <= 0 || a.cols <= 0) continue;
    const colsPer = Math.min(a.cols, budget);
    const rowsPer = Math.max(1, Math.floor(budget / colsPer));
    for (let r = 0; r < a.rows; r += rowsPer) {
      for (let c = 0; c < a.cols; c += colsPer) {
        pieces.push({ sheet: a.sheet, row: a.row + r, col: a.col + c, rows: Math.min(rowsPer, a.rows - r), cols: Math.min(colsPer, a.cols - c) });
      }
    }
  }
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let size = 0;
  for (const p of pieces) {
    const n = p.rows * p.cols;
    if (current.length > 0 && size + n > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function isGeneral(fmt: unknown): boolean {
  if (typeof fmt !== 'string') return true;
  const f = fmt.trim().toLowerCase();
  return f === '' || f === 'general' || f === 'g/通用格式';
}

/** The displayed text: Excel shows "####" in a column too narrow for a number; the model wants the real text. */
function displayed(text: unknown, value: unknown, fmt: string | undefined): string {
  const s = text === null || text === undefined ? '' : String(text);
  if (typeof value === 'number' && /^#+$/.test(s)) {
    try {
      return numfmt.format(fmt ?? 'General', value);
    } catch {
      return String(value);
    }
  }
  return s;
}

/** One cell of a loaded range as the neutral model has it; null for an empty cell. */
export function officeCell(
  row: number,
  col: number,
  value: unknown,
  text: unknown,
  formula: unknown,
  numberFormat: unknown,
  valueType: unknown,
): Cell | null {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1;
  const numFmt = isGeneral(numberFormat) ? undefined : String(numberFormat);
  let out: Cell;
  if (valueType === 'Error') {
    const err = String(value);
    out = { row, col, value: null, text: text ? String(text) : err, error: err };
  } else if (valueType === 'Empty' || value === null || value === undefined || (value === '' && valueType !== 'String')) {
    if (!hasFormula) return null;
    out = { row, col, value: null, text: '' };
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    if (value === '' && !hasFormula) return null;
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    out = { row, col, value, text: displayed(text, value, numFmt) };
  } else {
    // rich values (linked data types, images in cells): their displayed text
    const s = text === null || text === undefined ? '' : String(text);
    if (!s && !hasFormula) return null;
    out = { row, col, value: s, text: s };
  }
  if (hasFormula) out.formula = (formula as string).slice(1);
  if (numFmt) out.numFmt = numFmt;
  return out;
}

function refKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.toUpperCase()}`;
}

function chunked<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Cells of a changed address ("B2:C3", possibly with a sheet prefix), at most `max`. */
function cellsOf(address: string, max: number): string[] {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const out: string[] = [];
  for (const part of bare.split(',')) {
    const p = part.trim().replace(/\$/g, '');
    if (!p) continue;
    let area: Area;
    try {
      area = parseArea(p);
    } catch {
      continue; // whole rows or columns ("3:3", "A:A"): no cells to name
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (out.length >= max) return out;
        out.push(a1(r, c));
      }
    }
  }
  return out;
}

/** Text written into a cell stays text: a leading = + - @ or ' would make Excel read a formula or drop the quote. */
export function asCellText(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}

// ---------------------------------------------------------------------------------------------------------------

interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  id: string;
  protected: boolean;
}

interface FormatProbe {
  mark: Mark;
  range: Excel.Range;
}

interface NoteProbe {
  note: Excel.Note;
}

/** A note operation, with the bytes of text it sends. */
interface NoteOp {
  op: () => void;
  bytes: number;
}

/** Note text one sync may send (Excel on the web refuses requests over 5 MB). */
const NOTE_BYTES_PER_SYNC = 3_000_000;

function noteOp(op: () => void, text = ''): NoteOp {
  // UTF-8 bytes of the text, JSON-escaped at worst: 6 bytes a character; plus the operation itself
  return { op, bytes: 200 + text.length * 6 };
}

/** A format write: the cells of one sheet that get the same format. */
interface WriteGroup {
  sheet: SheetInfo;
  cells: string[];
  apply(format: Excel.RangeFormat): void;
}

export class OfficeHost implements HostPort {
  readonly name = 'office' as const;
  private readonly caps: HostCapabilities;
  private readonly v19: boolean;
  private readonly maxCells: number;
  private readonly maxWriteCells: number;
  private readonly maxAreas: number;
  private readonly maxChanged: number;
  private readonly maxRows: number;
  private readonly maxTotalCells: number;
  /** the warning of the last loadWaivers, when stored waivers were (partly) unreadable */
  waiverWarning: WaiverWarning | undefined;
  /** what the last applyMarks / clearMarks did */
  lastMarks: MarkReport | undefined;
  /** set when the stored mark snapshot was unreadable (its marks cannot be cleared automatically) */
  markWarning: string | undefined;

  constructor(
    private readonly excel: ExcelGlobal,
    private readonly office: OfficeGlobal,
    options: OfficeHostOptions = {},
  ) {
    if (!OfficeHost.isSupported(office)) throw new OfficeHostError('excel-too-old', { required: EXCEL_API.minimum });
    const has = (v: string) => office.context.requirements.isSetSupported('ExcelApi', v);
    this.v19 = has(EXCEL_API.v19);
    this.caps = { merges: has(EXCEL_API.merges), notes: has(EXCEL_API.notes), waivers: true, changeEvents: true };
    this.maxCells = Math.max(1, options.maxCellsPerSync ?? 10_000);
    this.maxWriteCells = Math.max(1, options.maxWriteCellsPerSync ?? 10_000);
    this.maxAreas = Math.max(1, options.maxAreasPerRange ?? 200);
    this.maxChanged = Math.max(1, options.maxChangedCells ?? 10_000);
    this.maxRows = Math.max(1, options.maxRowsPerSheet ?? 65_536);
    this.maxTotalCells = Math.max(1, options.maxCells ?? 2_000_000);
  }

  /** Whether this Excel can run the add-in at all (ExcelApi 1.7). */
  static isSupported(office: OfficeGlobal): boolean {
    return office.context.requirements.isSetSupported('ExcelApi', EXCEL_API.minimum);
  }

  capabilities(): HostCapabilities {
    return { ...this.caps };
  }

  /** What this Excel cannot do, in the user's language (empty on a current Excel). */
  capabilityNotes(lang: Lang): string[] {
    const out: string[] = [];
    if (!this.caps.merges) out.push(render('no-merges', { required: EXCEL_API.merges }, lang));
    if (!this.caps.notes) out.push(render('no-notes', { required: EXCEL_API.notes }, lang));
    if (!this.v19) out.push(render('no-fill-pattern', { required: EXCEL_API.v19 }, lang));
    return out;
  }

  // -------------------------------------------------------------------------------------------------------------
  // reading

  async readWorkbook(): Promise<Workbook> {
    return this.excel.run(async (ctx) => {
      const book = ctx.workbook;
      book.load('name');
      const collection = book.worksheets;
      collection.load('items/name,items/visibility,items/position');
      await ctx.sync();
      const list = collection.items.slice().sort((a, b) => a.position - b.position);
      const sheets: Sheet[] = list.map((ws, index) => ({
        name: ws.name,
        index,
        hidden: ws.visibility !== 'Visible',
        rows: [],
        merges: [],
      }));

      // every sheet's used range (cells with values) and merged areas, in one sync
      const used = list.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return r;
      });
      const merges = this.caps.merges
        ? list.map((ws) => {
            const m = ws.getRange().getMergedAreasOrNullObject();
            m.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
            return m;
          })
        : [];
      if (list.length > 0) await ctx.sync();
      merges.forEach((m, i) => {
        if (m.isNullObject) return;
        sheets[i].merges = m.areas.items
          .map((a) => ({ top: a.rowIndex + 1, left: a.columnIndex + 1, bottom: a.rowIndex + a.rowCount, right: a.columnIndex + a.columnCount }))
          .sort((x, y) => x.top - y.top || x.left - y.left);
      });

      // the cells of all sheets, in batches under the payload limit
      const areas: Chunk[] = [];
      const file = book.name || 'workbook';
      let total = 0;
      used.forEach((r, i) => {
        if (r.isNullObject) return;
        if (r.rowIndex + r.rowCount > this.maxRows) {
          throw new CrossfootError('too-large', { file, kind: 'rows', sheet: sheets[i].name, limit: this.maxRows.toLocaleString('en-US') });
        }
        total += r.rowCount * r.columnCount;
        areas.push({ sheet: i, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount });
      });
      if (total > this.maxTotalCells) throw new CrossfootError('too-large', { file, kind: 'cells', limit: this.maxTotalCells.toLocaleString('en-US') });
      const hiddenRows: Array<Set<number>> = sheets.map(() => new Set());
      for (const batch of planChunks(areas, this.maxCells)) {
        const loaded = batch.map((c) => {
          const range = list[c.sheet].getRangeByIndexes(c.row, c.col, c.rows, c.cols);
          range.load('values,text,formulas,numberFormat,valueTypes');
          const rowProps = this.v19 ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : undefined;
          return { c, range, rowProps };
        });
        await ctx.sync();
        for (const { c, range, rowProps } of loaded) {
          const sheet = sheets[c.sheet];
          const { values, text, formulas, numberFormat, valueTypes } = range;
          for (let i = 0; i < c.rows; i++) {
            const rowNo = c.row + i + 1;
            for (let j = 0; j < c.cols; j++) {
              const colNo = c.col + j + 1;
              const cell = officeCell(rowNo, colNo, values[i]?.[j], text[i]?.[j], formulas[i]?.[j], numberFormat[i]?.[j], valueTypes[i]?.[j]);
              if (!cell) continue;
              const row = (sheet.rows[rowNo - 1] ??= []);
              row[colNo - 1] = cell;
            }
          }
          for (const p of rowProps?.value ?? []) if (p.rowHidden && p.rowIndex !== undefined) hiddenRows[c.sheet].add(p.rowIndex + 1);
        }
      }
      sheets.forEach((sheet, i) => {
        for (let r = 0; r < sheet.rows.length; r++) {
          const row = sheet.rows[r];
          if (!row) {
            sheet.rows[r] = undefined;
            continue;
          }
          for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
        }
        if (hiddenRows[i].size > 0) sheet.hiddenRows = [...hiddenRows[i]].sort((x, y) => x - y);
      });
      return { source: { name: file, adapter: 'office' }, sheets };
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // selection and the one value write

  async select(refs: CellRef[]): Promise<void> {
    if (refs.length === 0) return;
    const sheet = refs[0].sheet;
    const cells = [...new Set(refs.filter((r) => r.sheet === sheet).map((r) => r.cell.toUpperCase()))];
    await this.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cells.length > 1 && this.v19) ws.getRanges(cells.slice(0, this.maxAreas).join(',')).select();
      else ws.getRange(cells[0]).select();
      await ctx.sync();
    });
  }

  async writeText(ref: CellRef, text: string): Promise<void> {
    await this.excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(ref.sheet).getRange(ref.cell);
      range.values = [[asCellText(text)]];
      await ctx.sync();
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // marks

  /** Sync 1 of marking and clearing: the sheets (name, id, protection) and the stored snapshot. */
  private async markState(ctx: Excel.RequestContext): Promise<{ byName: Map<string, SheetInfo>; byId: Map<string, SheetInfo>; snapshot: MarkSnapshot; stored: boolean }> {
    const collection = ctx.workbook.worksheets;
    collection.load('items/name,items/id,items/protection/protected');
    const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
    setting.load('value');
    await ctx.sync();
    const byName = new Map<string, SheetInfo>();
    const byId = new Map<string, SheetInfo>();
    for (const ws of collection.items) {
      const info: SheetInfo = { ws, name: ws.name, id: ws.id, protected: Boolean(ws.protection.protected) };
      byName.set(ws.name, info);
      byId.set(ws.id, info);
    }
    this.markWarning = undefined;
    if (setting.isNullObject) return { byName, byId, snapshot: emptyMarkSnapshot(), stored: false };
    const parsed = parseMarkSnapshot(setting.value);
    if (parsed.warning) this.markWarning = parsed.warning;
    return { byName, byId, snapshot: parsed.snapshot, stored: true };
  }

  private sheetOf(c: MarkedCell, byName: Map<string, SheetInfo>, byId: Map<string, SheetInfo>): SheetInfo | undefined {
    return (c.sheetId !== undefined ? byId.get(c.sheetId) : undefined) ?? byName.get(c.sheet);
  }

  private loadFormat(range: Excel.Range): void {
    const props = ['format/fill/color', 'format/font/bold'];
    if (this.v19) props.push('format/fill/pattern', 'format/fill/patternColor', 'format/fill/tintAndShade', 'format/fill/patternTintAndShade');
    range.load(props);
  }

  private formatOf(range: Excel.Range): CellFormatSnapshot {
    const fill = range.format.fill;
    const out: CellFormatSnapshot = { fill: { color: fill.color }, bold: range.format.font.bold ?? null };
    if (this.v19) {
      out.fill.pattern = fill.pattern;
      if (fill.patternColor !== null && fill.patternColor !== undefined) out.fill.patternColor = fill.patternColor;
      if (typeof fill.tintAndShade === 'number') out.fill.tintAndShade = fill.tintAndShade;
      if (typeof fill.patternTintAndShade === 'number') out.fill.patternTintAndShade = fill.patternTintAndShade;
    }
    return out;
  }

  /** Queue format writes: one multi-area range per group (ExcelApi 1.9), else one range per cell. */
  private queueWrites(groups: WriteGroup[]): number {
    let cells = 0;
    for (const g of groups) {
      if (this.v19 && g.cells.length > 1) {
        for (const part of chunked(g.cells, this.maxAreas)) g.apply(g.sheet.ws.getRanges(part.join(',')).format);
      } else {
        for (const cell of g.cells) g.apply(g.sheet.ws.getRange(cell).format);
      }
      cells += g.cells.length;
    }
    return cells;
  }

  /**
   * Run writes in syncs of at most maxWriteCells formatted cells and note operations, and at most NOTE_BYTES_PER_SYNC
   * of note text; `first` is queued before the first write (the snapshot, so that it is stored before any mark).
   */
  private async runWrites(ctx: Excel.RequestContext, groups: WriteGroup[], notes: NoteOp[], first?: () => void): Promise<void> {
    // split groups so that no sync formats more than maxWriteCells cells
    const pieces: WriteGroup[] = [];
    for (const g of groups) for (const part of chunked(g.cells, this.maxWriteCells)) pieces.push({ ...g, cells: part });
    const batches: WriteGroup[][] = [];
    let current: WriteGroup[] = [];
    let size = 0;
    for (const p of pieces) {
      if (current.length > 0 && size + p.cells.length > this.maxWriteCells) {
        batches.push(current);
        current = [];
        size = 0;
      }
      current.push(p);
      size += p.cells.length;
    }
    batches.push(current);
    const extras: Array<Array<() => void>> = [];
    let part: Array<() => void> = [];
    let bytes = 0;
    for (const n of notes) {
      if (part.length > 0 && (part.length >= this.maxWriteCells || bytes + n.bytes > NOTE_BYTES_PER_SYNC)) {
        extras.push(part);
        part = [];
        bytes = 0;
      }
      part.push(n.op);
      bytes += n.bytes;
    }
    if (part.length > 0) extras.push(part);
    const n = Math.max(batches.length, extras.length);
    for (let i = 0; i < n; i++) {
      if (i === 0 && first) first();
      this.queueWrites(batches[i] ?? []);
      for (const op of extras[i] ?? []) op();
      await ctx.sync();
    }
  }

  private restoreGroups(cells: Array<{ info: SheetInfo; cell: MarkedCell }>): WriteGroup[] {
    const groups = new Map<string, WriteGroup>();
    for (const { info, cell } of cells) {
      const key = `${info.id}\u0000${formatKey(cell.original)}`;
      let g = groups.get(key);
      if (!g) {
        const original = cell.original;
        g = {
          sheet: info,
          cells: [],
          apply: (format) => {
            const fill = format.fill;
            if (isNoFill(original.fill)) fill.clear();
            else {
              fill.color = original.fill.color;
              if (original.fill.pattern !== undefined) fill.pattern = original.fill.pattern as Excel.FillPattern;
              if (original.fill.patternColor !== undefined) fill.patternColor = original.fill.patternColor;
              if (original.fill.tintAndShade !== undefined) fill.tintAndShade = original.fill.tintAndShade;
              if (original.fill.patternTintAndShade !== undefined) fill.patternTintAndShade = original.fill.patternTintAndShade;
            }
            if (original.bold !== null) format.font.bold = original.bold;
          },
        };
        groups.set(key, g);
      }
      g.cells.push(cell.cell);
    }
    return [...groups.values()];
  }

  async applyMarks(marks: Mark[]): Promise<void> {
    const wanted = normaliseMarks(marks);
    await this.excel.run(async (ctx) => {
      // sync 1: sheets and the stored snapshot
      const { byName, byId, snapshot, stored } = await this.markState(ctx);
      const usable = wanted.filter((m) => {
        const s = byName.get(m.ref.sheet);
        return s !== undefined && !s.protected;
      });
      const skipped = wanted.length - usable.length;
      // cells of a protected sheet stay marked (and in the snapshot) until the sheet can be written
      const frozen = snapshot.cells.filter((c) => this.sheetOf(c, byName, byId)?.protected);
      const live: MarkSnapshot = { version: snapshot.version, cells: snapshot.cells.filter((c) => !frozen.includes(c)) };
      const plan = planMarks(live, usable, (c) => this.sheetOf(c, byName, byId)?.name);

      // sync 2: the formats of the cells to mark, and the notes the marks may touch
      const probes: FormatProbe[] = [];
      const notes = new Map<string, NoteProbe>();
      const probeNote = (sheet: string, cell: string) => {
        const k = refKey(sheet, cell);
        if (notes.has(k)) return;
        const note = byName.get(sheet)!.ws.notes.getItemOrNullObject(cell);
        note.load('content');
        notes.set(k, { note });
      };
      const loads: Array<() => void> = [];
      for (const m of plan.add) {
        loads.push(() => {
          const range = byName.get(m.ref.sheet)!.ws.getRange(m.ref.cell);
          this.loadFormat(range);
          probes.push({ mark: m, range });
          if (this.caps.notes && m.note) probeNote(m.ref.sheet, m.ref.cell);
        });
      }
      if (this.caps.notes) {
        for (const { previous, mark } of plan.keep) if (previous.noteAdded || mark.note) loads.push(() => probeNote(previous.sheet, previous.cell));
        for (const c of plan.restore) if (c.noteAdded) loads.push(() => probeNote(c.sheet, c.cell));
      }
      for (const part of chunked(loads, this.maxCells)) {
        part.forEach((f) => f());
        await ctx.sync();
      }
      const noteAt = (sheet: string, cell: string): Excel.Note | undefined => {
        const p = notes.get(refKey(sheet, cell));
        return p && !p.note.isNullObject ? p.note : undefined;
      };
      const ours = (c: MarkedCell, note: Excel.Note | undefined) =>
        c.noteAdded && note !== undefined && noteDigest(String(note.content ?? '')) === c.noteDigest;

      // sync 3: restore cells no longer marked, mark the others, store the snapshot
      const next: MarkedCell[] = [...frozen];
      const noteOps: NoteOp[] = [];
      const styleGroups = new Map<string, WriteGroup>();
      const style = (info: SheetInfo, cell: string, kind: Mark['kind'], original: CellFormatSnapshot, wasBold: boolean) => {
        const s = MARK_STYLES[kind];
        // bold: set for kinds that embolden; put back when a cell moves from such a kind to one that does not
        const bold = original.bold === null ? undefined : s.bold ? true : wasBold ? original.bold : undefined;
        const key = `${info.id}\u0000${s.fill}\u0000${bold}`;
        let g = styleGroups.get(key);
        if (!g) {
          g = {
            sheet: info,
            cells: [],
            apply: (format) => {
              format.fill.color = s.fill;
              if (bold !== undefined) format.font.bold = bold;
            },
          };
          styleGroups.set(key, g);
        }
        g.cells.push(cell);
      };
      const addNote = (info: SheetInfo, cell: string, text: string) => noteOps.push(noteOp(() => info.ws.notes.add(cell, text), text));

      for (const { mark, range } of probes) {
        const info = byName.get(mark.ref.sheet)!;
        const original = this.formatOf(range);
        const entry: MarkedCell = { sheet: info.name, sheetId: info.id, cell: mark.ref.cell, kind: mark.kind, original, noteAdded: false };
        if (this.caps.notes && mark.note && !noteAt(info.name, mark.ref.cell)) {
          addNote(info, mark.ref.cell, mark.note);
          entry.noteAdded = true;
          entry.noteDigest = noteDigest(mark.note);
        }
        style(info, mark.ref.cell, mark.kind, original, false);
        next.push(entry);
      }
      for (const { previous, mark } of plan.keep) {
        const info = byName.get(previous.sheet)!;
        const entry: MarkedCell = { ...previous, sheet: info.name, sheetId: info.id, kind: mark.kind, noteAdded: false };
        delete entry.noteDigest;
        if (this.caps.notes) {
          const note = noteAt(info.name, previous.cell);
          if (ours(previous, note)) {
            if (mark.note) {
              const text = mark.note;
              if (noteDigest(text) !== previous.noteDigest) noteOps.push(noteOp(() => (note!.content = text), text));
              entry.noteAdded = true;
              entry.noteDigest = noteDigest(mark.note);
            } else noteOps.push(noteOp(() => note!.delete()));
          } else if (mark.note && !note) {
            addNote(info, previous.cell, mark.note);
            entry.noteAdded = true;
            entry.noteDigest = noteDigest(mark.note);
          }
        }
        // restyled even when the kind is unchanged: a mark the user painted over shows again
        style(info, previous.cell, mark.kind, previous.original, MARK_STYLES[previous.kind].bold);
        next.push(entry);
      }
      const restore = plan.restore.map((cell) => ({ info: byName.get(cell.sheet)!, cell }));
      for (const { info, cell } of restore) {
        if (this.caps.notes && cell.noteAdded) {
          const note = noteAt(info.name, cell.cell);
          if (ours(cell, note)) noteOps.push(noteOp(() => note!.delete()));
        }
      }
      const groups = [...this.restoreGroups(restore), ...styleGroups.values()];
      const saveSnapshot = () => {
        if (next.length > 0) ctx.workbook.settings.add(MARKS_SETTING_KEY, serializeMarkSnapshot({ version: 1, cells: next }));
        else if (stored) ctx.workbook.settings.getItem(MARKS_SETTING_KEY).delete();
      };
      if (groups.length > 0 || noteOps.length > 0 || next.length > 0 || stored) await this.runWrites(ctx, groups, noteOps, saveSnapshot);
      this.lastMarks = { marked: next.length, skipped, notes: next.filter((c) => c.noteAdded).length, restored: restore.length };
    });
  }

  async clearMarks(): Promise<void> {
    await this.excel.run(async (ctx) => {
      const { byName, byId, snapshot, stored } = await this.markState(ctx);
      if (!stored) {
        this.lastMarks = { marked: 0, skipped: 0, notes: 0, restored: 0 };
        return;
      }
      const restore: Array<{ info: SheetInfo; cell: MarkedCell }> = [];
      const keep: MarkedCell[] = [];
      for (const c of snapshot.cells) {
        const info = this.sheetOf(c, byName, byId);
        if (!info) continue; // the sheet is gone: nothing to restore
        if (info.protected) keep.push(c);
        else restore.push({ info, cell: c });
      }
      const notes = new Map<string, Excel.Note>();
      if (this.caps.notes) {
        const withNotes = restore.filter((r) => r.cell.noteAdded);
        for (const part of chunked(withNotes, this.maxCells)) {
          for (const { info, cell } of part) {
            const note = info.ws.notes.getItemOrNullObject(cell.cell);
            note.load('content');
            notes.set(refKey(info.name, cell.cell), note);
          }
          await ctx.sync();
        }
      }
      const noteOps: NoteOp[] = [];
      for (const { info, cell } of restore) {
        const note = notes.get(refKey(info.name, cell.cell));
        if (cell.noteAdded && note && !note.isNullObject && noteDigest(String(note.content ?? '')) === cell.noteDigest) noteOps.push(noteOp(() => note.delete()));
      }
      const saveSnapshot = () => {
        if (keep.length > 0) ctx.workbook.settings.add(MARKS_SETTING_KEY, serializeMarkSnapshot({ version: 1, cells: keep }));
        else ctx.workbook.settings.getItem(MARKS_SETTING_KEY).delete();
      };
      await this.runWrites(ctx, this.restoreGroups(restore), noteOps, saveSnapshot);
      this.lastMarks = { marked: keep.length, skipped: keep.length, notes: keep.filter((c) => c.noteAdded).length, restored: restore.length };
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // waivers: a custom XML part (document-wide, independent of the add-in's id, readable from the .xlsx)

  private async waiverParts(ctx: Excel.RequestContext): Promise<Array<{ part: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> }>> {
    const parts = ctx.workbook.customXmlParts.getByNamespace(WAIVERS_NAMESPACE);
    parts.load('items/id');
    await ctx.sync();
    if (parts.items.length === 0) return [];
    const out = parts.items.map((part) => ({ part, xml: part.getXml() }));
    await ctx.sync();
    return out;
  }

  async loadWaivers(): Promise<Waiver[]> {
    return this.excel.run(async (ctx) => {
      const parts = await this.waiverParts(ctx);
      const seen = new Set<string>();
      const out: Waiver[] = [];
      this.waiverWarning = undefined;
      for (const { xml } of parts) {
        const parsed = waiversFromXml(xml.value);
        if (parsed.warning && !this.waiverWarning) this.waiverWarning = parsed.warning;
        for (const w of parsed.waivers) {
          const k = JSON.stringify([w.key, w.figures, w.reason, w.at, w.author ?? '']);
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(w);
        }
      }
      return out;
    });
  }

  /**
   * Replace the stored waivers. A stored part this version cannot read (damaged, or written by a newer version) is
   * left as it is, never overwritten.
   */
  async saveWaivers(waivers: Waiver[]): Promise<void> {
    await this.excel.run(async (ctx) => {
      const parts = await this.waiverParts(ctx);
      for (const { part, xml } of parts) {
        const parsed = waiversFromXml(xml.value);
        if (parsed.warning && parsed.warning.code !== 'bad-entries') continue;
        part.delete();
      }
      if (waivers.length > 0) ctx.workbook.customXmlParts.add(waiversToXml(waivers));
      await ctx.sync();
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // change events

  async onChange(listener: (changed: CellRef[]) => void): Promise<() => void> {
    const handler = async (ev: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const name = await this.excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(ev.worksheetId);
        ws.load('name');
        await ctx.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
      if (name === undefined) return;
      const cells = cellsOf(ev.address ?? '', this.maxChanged);
      if (cells.length > 0) listener(cells.map((cell) => ({ sheet: name, cell })));
    };
    const results = await this.excel.run(async (ctx) => {
      const out: Array<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> = [];
      if (this.v19) out.push(ctx.workbook.worksheets.onChanged.add(handler));
      else {
        const collection = ctx.workbook.worksheets;
        collection.load('items/name');
        await ctx.sync();
        for (const ws of collection.items) out.push(ws.onChanged.add(handler));
      }
      await ctx.sync();
      return out;
    });
    let removed = false;
    return () => {
      if (removed || results.length === 0) return;
      removed = true;
      void this.excel.run(results[0].context, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
    };
  }
}
