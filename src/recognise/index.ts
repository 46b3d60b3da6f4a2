/** Table recognition entry point. */
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';
import { recogniseWorkbook } from './recognise';

export { matchTitle, recogniseSheet } from './recognise';
export { KIND_SPECS, kindForTitle, specOf, FUNCTION_CLASSES, classCodeForName } from './catalog';

/** Find every disclosure table in the workbook, and the sheets that hold prose. */
export function recognise(workbook: Workbook): Recognition {
  return recogniseWorkbook(workbook);
}
