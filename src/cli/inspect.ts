/**
 * `inspect` as a library function: read a workbook, recognise its tables, return the data. Printing is the
 * formatters' job (src/cli/format/).
 */
import { readXlsxFile, type ReadOptions } from '../adapters/exceljs';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { recognise as recogniseWorkbook } from '../recognise';

export interface InspectReport {
  /** the file as the user named it */
  file: string;
  /** sheet names in workbook order */
  sheets: string[];
  recognition: Recognition;
}

export interface InspectOptions {
  /** passed to the reader */
  read?: ReadOptions;
  /** reader to use instead of readXlsxFile (tests, other hosts) */
  readWorkbook?: (path: string, options?: ReadOptions) => Promise<Workbook>;
  /** recogniser to use instead of recognise() */
  recognise?: (workbook: Workbook) => Recognition;
}

/** Reads and recognises `path`. Throws CrossfootError for any bad input (from the reader). */
export async function inspectWorkbook(path: string, options: InspectOptions = {}): Promise<InspectReport> {
  const read = options.readWorkbook ?? readXlsxFile;
  const rec = options.recognise ?? recogniseWorkbook;
  const workbook = await read(path, options.read);
  const recognition = rec(workbook);
  return { file: path, sheets: workbook.sheets.map((s) => s.name), recognition };
}
