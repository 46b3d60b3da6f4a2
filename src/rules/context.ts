/**
 * The rule context: recognised tables plus cached amounts, and selectors that address figures by table kind and
 * row/column role — never by table number or position.
 */
import { amountFromCell, type Amount } from '../amount/parse';
import { a1 } from '../model/address';
import type { PartSide, RecognisedTable, TableColumn, TableKind, TablePart, TableRow } from '../model/table';
import type { Workbook } from '../model/workbook';
import { getCell } from '../model/workbook';
import type { Term } from './types';

export interface RowSel {
  /** canonical row key ("total", "income.total", …) */
  key?: string;
  /** subject code ("210", "30101") */
  code?: string;
  /** 行次 */
  hangci?: number;
}

export interface ColSel {
  /** canonical column key ("total", "basic", "actual.reception", …); a list means the first key present */
  key?: string | string[];
  /** 栏次 */
  lanci?: number;
  /** the n-th value column of the part (0-based) */
  index?: number;
}

export interface FigureSel {
  kind: TableKind | TableKind[];
  side?: PartSide;
  row: RowSel;
  col?: ColSel;
  /** a figure that may be absent (an empty or missing table, a row not printed): it then counts as 0 */
  optional?: boolean;
}

interface TermEntry {
  row: TableRow;
  column: TableColumn;
  table: RecognisedTable;
  part: TablePart;
  term: Term;
}

export class RuleContext {
  /** parsed amounts per sheet, indexed [row][col]: each cell is parsed once, without building string keys */
  private readonly cache = new Map<string, Array<Array<Amount | undefined> | undefined>>();
  private readonly sheets: Map<string, Workbook['sheets'][number]>;
  /** terms built so far, per sheet by [row][column] (the first row/column/table/part/weight asked for there) */
  private terms = new Map<string, Array<Array<TermEntry | undefined> | undefined>>();
  /** a row's part of figure names, and whether it is a total */
  private readonly rowInfo = new Map<TableRow, { name: string; isTotal: boolean }>();

  constructor(
    readonly workbook: Workbook,
    readonly tables: RecognisedTable[],
  ) {
    this.sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  }

  private rowCache(sheet: string, row: number): Array<Amount | undefined> {
    let bySheet = this.cache.get(sheet);
    if (!bySheet) {
      bySheet = [];
      this.cache.set(sheet, bySheet);
    }
    let r = bySheet[row];
    if (!r) {
      r = [];
      bySheet[row] = r;
    }
    return r;
  }

  amountAt(sheet: string, row: number, col: number): Amount {
    const r = this.rowCache(sheet, row);
    let a = r[col];
    if (!a) {
      const s = this.sheets.get(sheet);
      a = amountFromCell(s ? getCell(s, row, col) : null);
      r[col] = a;
    }
    return a;
  }

  /** Override the amount of a cell (used by what-if blame and by tests). */
  setAmount(sheet: string, row: number, col: number, a: Amount): void {
    this.rowCache(sheet, row)[col] = a;
    this.terms = new Map();
  }

  /** the tables of each list of kinds asked for (rules ask for the same lists over and over) */
  private readonly byKinds = new Map<string, RecognisedTable[]>();

  /** The tables of the given kinds, in workbook order. The array is shared: do not modify it. */
  tablesOf(kind: TableKind | TableKind[]): RecognisedTable[] {
    const key = Array.isArray(kind) ? kind.join('|') : kind;
    let out = this.byKinds.get(key);
    if (!out) {
      const kinds = new Set(Array.isArray(kind) ? kind : [kind]);
      out = this.tables.filter((t) => kinds.has(t.kind));
      this.byKinds.set(key, out);
    }
    return out;
  }

  /** The first table of a kind (a workbook normally holds each standard table once). */
  table(kind: TableKind | TableKind[]): RecognisedTable | undefined {
    return this.tablesOf(kind)[0];
  }

  term(table: RecognisedTable, part: TablePart, row: TableRow, column: TableColumn, weight = 1): Term {
    // the same figure is read by several relations (a row's sum, its column's footing): build its term once. Terms are
    // never modified (what-if blame copies them), and setAmount drops the cache.
    const cacheable = Number.isSafeInteger(column.col) && column.col >= 1 && Number.isSafeInteger(row.row) && row.row > 0;
    if (!cacheable) return this.makeTerm(table, part, row, column, weight);
    let bySheet = this.terms.get(table.sheet);
    if (!bySheet) {
      bySheet = [];
      this.terms.set(table.sheet, bySheet);
    }
    let byCol = bySheet[row.row];
    if (!byCol) {
      byCol = [];
      bySheet[row.row] = byCol;
    }
    const hit = byCol[column.col];
    if (hit && hit.row === row && hit.column === column && hit.table === table && hit.part === part && hit.term.weight === weight) return hit.term;
    const t = this.makeTerm(table, part, row, column, weight);
    if (!hit) byCol[column.col] = { row, column, table, part, term: t };
    return t;
  }

  private makeTerm(table: RecognisedTable, part: TablePart, row: TableRow, column: TableColumn, weight: number): Term {
    // the row's own cell for this column (a footer's figure may sit right of a merged label)
    const col = row.cells[part.columns.indexOf(column)]?.col ?? column.col;
    let info = this.rowInfo.get(row);
    if (!info) {
      info = { name: rowNameOf(row), isTotal: !!row.key && /(^|\.)(total|grand-total)$/.test(row.key) };
      this.rowInfo.set(row, info);
    }
    const colName = column.header[column.header.length - 1] ?? column.label;
    return {
      ref: { sheet: table.sheet, cell: a1(row.row, col) },
      row: row.row,
      col,
      amount: this.amountAt(table.sheet, row.row, col),
      weight,
      name: colName ? `${info.name} / ${colName}` : info.name,
      table: table.id,
      isTotal: info.isTotal,
    };
  }

  /** Resolve a figure selector to a term, or undefined when the table/row/column is absent. */
  resolve(sel: FigureSel, weight = 1): Term | undefined {
    for (const table of this.tablesOf(sel.kind)) {
      const t = this.resolveIn(table, sel, weight);
      if (t) return t;
    }
    return undefined;
  }

  resolveIn(table: RecognisedTable, sel: Omit<FigureSel, 'kind'>, weight = 1): Term | undefined {
    for (const part of table.parts) {
      if (sel.side && part.side !== sel.side) continue;
      const row = findRow(part, sel.row);
      if (!row) continue;
      const col = findColumn(part, sel.col ?? { index: 0 });
      if (!col) continue;
      return this.term(table, part, row, col, weight);
    }
    return undefined;
  }
}

export function findRow(part: TablePart, sel: RowSel): TableRow | undefined {
  return part.rows.find(
    (r) =>
      (sel.key === undefined || r.key === sel.key) &&
      (sel.code === undefined || r.code === sel.code) &&
      (sel.hangci === undefined || r.hangci === sel.hangci),
  );
}

export function findColumn(part: TablePart, sel: ColSel): TableColumn | undefined {
  if (sel.key !== undefined) {
    for (const k of Array.isArray(sel.key) ? sel.key : [sel.key]) {
      const c = part.columns.find((col) => col.key === k);
      if (c) return c;
    }
    return undefined;
  }
  if (sel.lanci !== undefined) return part.columns.find((c) => c.lanci === sel.lanci);
  if (sel.index !== undefined) return part.columns[sel.index];
  return undefined;
}

/** "合计 / 本年收入合计", "2101101 行政单位医疗 / 基本支出" */
export function figureName(_part: TablePart, row: TableRow, column: TableColumn): string {
  const rowName = rowNameOf(row);
  const colName = column.header[column.header.length - 1] ?? column.label;
  return colName ? `${rowName} / ${colName}` : rowName;
}

/** The row half of a figure name: "2101101 行政单位医疗", "5行", "#12". */
function rowNameOf(row: TableRow): string {
  return [row.code, row.label].filter(Boolean).join(' ') || (row.hangci ? `${row.hangci}行` : `#${row.row}`);
}
