/** Figures about a recognised table that both inspect formatters print. */
import type { RecognisedTable } from '../../model/table';

export interface TableSummary {
  /** body rows, summed over parts */
  rows: number;
  /** value columns, summed over parts */
  valueColumns: number;
  /** the parts include an income half and an expenditure half */
  twoSided: boolean;
}

export function summariseTable(table: RecognisedTable): TableSummary {
  let rows = 0;
  let valueColumns = 0;
  for (const p of table.parts) {
    rows += p.rows.length;
    valueColumns += p.columns.length;
  }
  const sides = new Set(table.parts.map((p) => p.side));
  return { rows, valueColumns, twoSided: sides.has('income') && sides.has('expenditure') };
}

/** `Sheet!A1:B2`, quoting the sheet name the way Excel does when it holds spaces or punctuation. */
export function sheetRange(sheet: string, range: string): string {
  const plain = /^[^\s!'"(),;:+\-&%^~`{}[\]<>=*/\\?#@$.]+$/u.test(sheet) && !/^\d/.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${range}`;
}
