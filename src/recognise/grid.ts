/** A merge-aware, read-only view of one sheet for recognition. */
import type { Area } from '../model/address';
import type { Cell, Sheet } from '../model/workbook';
import { colCount } from '../model/workbook';
import { looksLikeAmountText, looksLikeCode, squash } from './text';

export class Grid {
  readonly rows: number;
  readonly cols: number;
  /** key row*16384+col → merge area, for every cell of a merged area */
  private readonly mergeOf = new Map<number, Area>();
  /** rowCells of each whole row, by row number */
  private readonly cellsOfRow: Array<Array<{ col: number; text: string }> | undefined> = [];

  constructor(readonly sheet: Sheet) {
    this.rows = sheet.rows.length;
    this.cols = colCount(sheet);
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeOf.set(r * 16384 + c, m);
    }
  }

  cell(r: number, c: number): Cell | null {
    return this.sheet.rows[r - 1]?.[c - 1] ?? null;
  }

  /** Own text of a cell (not inherited from a merge), trimmed. */
  text(r: number, c: number): string {
    const cell = this.cell(r, c);
    return cell ? cell.text.trim() : '';
  }

  merge(r: number, c: number): Area | undefined {
    return this.mergeOf.get(r * 16384 + c);
  }

  /** Text visible at (r, c): a cell inside a merged area shows the area's top-left text. */
  visible(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }

  /** Is (r, c) covered by a merge without being its top-left cell? */
  covered(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** Non-empty cells of row r between columns lo..hi, merge origins only. The array is shared: do not modify it. */
  rowCells(r: number, lo = 1, hi = this.cols): Array<{ col: number; text: string }> {
    const all = this.allCells(r);
    if (all.length === 0) return all;
    if (lo <= all[0].col && hi >= all[all.length - 1].col) return all;
    const out: Array<{ col: number; text: string }> = [];
    for (const c of all) if (c.col >= lo && c.col <= hi) out.push(c);
    return out;
  }

  /** every non-empty merge-origin cell of row r, computed once per row */
  private allCells(r: number): Array<{ col: number; text: string }> {
    let out = this.cellsOfRow[r];
    if (out) return out;
    out = [];
    const row = this.sheet.rows[r - 1];
    if (row) {
      const end = Math.min(this.cols, row.length);
      for (let c = 1; c <= end; c++) {
        const cell = row[c - 1];
        if (!cell) continue;
        const t = cell.text.trim();
        // the model's cell itself when it already reads so (most do): no object per cell to build and collect
        if (t && !this.covered(r, c)) out.push(t === cell.text && cell.col === c ? cell : { col: c, text: t });
      }
    }
    this.cellsOfRow[r] = out;
    return out;
  }

  isBlank(r: number, lo = 1, hi = this.cols): boolean {
    return this.rowCells(r, lo, hi).length === 0;
  }

  /** Is the cell an amount: a stored number, or text that reads as one? */
  isAmount(r: number, c: number): boolean {
    const cell = this.cell(r, c);
    if (!cell || this.covered(r, c)) return false;
    if (typeof cell.value === 'number') return true;
    return looksLikeAmountText(cell.text);
  }

  /** An amount that is not a bare small integer (which may be a 行次/栏次 number or a code). */
  isDecimalAmount(r: number, c: number): boolean {
    if (!this.isAmount(r, c)) return false;
    const t = this.text(r, c);
    return /[.,，．]/.test(t) || !/^\d{1,2}$/.test(t) && !looksLikeCode(t);
  }

  squashed(r: number, c: number): string {
    return squash(this.visible(r, c));
  }
}
