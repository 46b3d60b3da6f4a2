/**
 * In-memory host: builds the neutral model from plain arrays. Used by tests, by the browser preview and by any code
 * that already holds cell values.
 */
import type { Area } from '../model/address';
import { parseArea } from '../model/address';
import type { Cell, CellValue, Sheet, Workbook, WorkbookReader } from '../model/workbook';

export interface MemoryCellSpec {
  value: CellValue;
  /** displayed text; defaults to String(value) */
  text?: string;
  formula?: string;
  numFmt?: string;
  error?: string;
}

export type MemoryCellInput = CellValue | MemoryCellSpec;

export interface MemorySheetSpec {
  name: string;
  /** row-major values starting at `origin` (default A1) */
  rows: MemoryCellInput[][];
  /** top-left address of rows[0][0] */
  origin?: string;
  /** merged ranges in A1 form */
  merges?: string[];
  hidden?: boolean;
}

function isSpec(v: MemoryCellInput): v is MemoryCellSpec {
  return typeof v === 'object' && v !== null;
}

export function memorySheet(spec: MemorySheetSpec, index: number): Sheet {
  const origin = spec.origin ? parseArea(spec.origin) : { top: 1, left: 1, bottom: 1, right: 1 };
  const rows: Array<Array<Cell | null> | undefined> = [];
  spec.rows.forEach((r, i) => {
    const rowNo = origin.top + i;
    r.forEach((input, j) => {
      const colNo = origin.left + j;
      const s: MemoryCellSpec = isSpec(input) ? input : { value: input };
      if (s.value === null && s.text === undefined && !s.formula) return;
      if (s.value === '' && !s.formula) return;
      const cell: Cell = {
        row: rowNo,
        col: colNo,
        value: s.value,
        text: s.text ?? (s.value === null ? '' : String(s.value)),
      };
      if (s.formula) cell.formula = s.formula;
      if (s.numFmt) cell.numFmt = s.numFmt;
      if (s.error) cell.error = s.error;
      const row = (rows[rowNo - 1] ??= []);
      row[colNo - 1] = cell;
    });
  });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r) for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
  }
  const merges: Area[] = (spec.merges ?? []).map(parseArea);
  return { name: spec.name, index, hidden: spec.hidden ?? false, rows, merges };
}

export function memoryWorkbook(sheets: MemorySheetSpec[], name = 'memory'): Workbook {
  return { source: { name, adapter: 'memory' }, sheets: sheets.map((s, i) => memorySheet(s, i)) };
}

export class MemoryReader implements WorkbookReader {
  constructor(private readonly workbook: Workbook) {}
  async read(): Promise<Workbook> {
    return this.workbook;
  }
}
