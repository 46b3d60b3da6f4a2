/**
 * The neutral workbook model. Every adapter (exceljs on the command line, Office.js in Excel, the in-memory host in
 * tests and the browser preview) produces exactly this shape; nothing downstream knows where a workbook came from.
 */
import type { Area } from './address';

/** A cell's raw value as stored: a number, a string, a boolean, or null for an empty cell. */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** 1-based row */
  row: number;
  /** 1-based column */
  col: number;
  /** the stored value (a formula cell holds its cached result here) */
  value: CellValue;
  /** the text Excel displays for the cell, rendered from the number format */
  text: string;
  /** the formula without the leading "=", when the cell has one */
  formula?: string;
  /** the number format code, when not General */
  numFmt?: string;
  /** an error value such as "#REF!" or "#DIV/0!", when the cell holds one */
  error?: string;
}

export interface Sheet {
  name: string;
  /** 0-based position in the workbook */
  index: number;
  hidden: boolean;
  /** rows[r - 1][c - 1]; missing or null entries are empty cells */
  rows: Array<Array<Cell | null> | undefined>;
  merges: Area[];
  /** 1-based numbers of hidden rows, if the source reports them */
  hiddenRows?: number[];
}

export interface WorkbookSourceInfo {
  /** file name or document title, for messages */
  name: string;
  /** which adapter produced the model */
  adapter: 'exceljs' | 'office' | 'memory';
}

export interface Workbook {
  source: WorkbookSourceInfo;
  sheets: Sheet[];
}

/** The narrow read port every host implements. */
export interface WorkbookReader {
  read(): Promise<Workbook>;
}

export function getCell(sheet: Sheet, row: number, col: number): Cell | null {
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

/** Displayed text of a cell, trimmed; "" for an empty cell. */
export function cellText(sheet: Sheet, row: number, col: number): string {
  const c = getCell(sheet, row, col);
  return c ? c.text.trim() : '';
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function colCount(sheet: Sheet): number {
  let n = 0;
  for (const r of sheet.rows) if (r && r.length > n) n = r.length;
  return n;
}

/** The merged area that covers (row, col), if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): Area | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * Text shown at (row, col) taking merges into account: a cell inside a merged area shows the text of the area's
 * top-left cell.
 */
export function visibleText(sheet: Sheet, row: number, col: number): string {
  const m = mergeAt(sheet, row, col);
  if (m) return cellText(sheet, m.top, m.left);
  return cellText(sheet, row, col);
}
