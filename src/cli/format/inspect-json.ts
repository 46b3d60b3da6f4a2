/**
 * `inspect --format json`: the stable machine-readable contract. Language-neutral, no colours, every key always
 * present (null where a value is missing), keys in a fixed order.
 */
import type { RecognisedTable, UnplacedBlock } from '../../model/table';
import type { InspectReport } from '../inspect';
import { summariseTable } from './table-summary';

export interface InspectJsonTable {
  id: string;
  kind: RecognisedTable['kind'];
  title: string;
  sheet: string;
  range: string;
  unit: string | null;
  formLabel: string | null;
  year: number | null;
  department: string | null;
  rows: number;
  valueColumns: number;
  empty: boolean;
  emptyStatement: string | null;
  twoSided: boolean;
  headerRows: [number, number];
  bodyRows: [number, number] | null;
}

export interface InspectJsonUnplaced {
  sheet: string;
  range: string;
  reason: UnplacedBlock['reason'];
  text: string;
}

export interface InspectJson {
  file: string;
  tables: InspectJsonTable[];
  unplaced: InspectJsonUnplaced[];
  narrativeSheets: string[];
}

export function inspectJson(report: InspectReport): InspectJson {
  const r = report.recognition;
  return {
    file: report.file,
    tables: r.tables.map((t) => {
      const s = summariseTable(t);
      return {
        id: t.id,
        kind: t.kind,
        title: t.title,
        sheet: t.sheet,
        range: t.range,
        unit: t.unit ?? null,
        formLabel: t.formLabel ?? null,
        year: t.year ?? null,
        department: t.department ?? null,
        rows: s.rows,
        valueColumns: s.valueColumns,
        empty: t.empty,
        emptyStatement: t.emptyStatement ?? null,
        twoSided: s.twoSided,
        headerRows: [t.headerRows[0], t.headerRows[1]],
        bodyRows: t.bodyRows ? [t.bodyRows[0], t.bodyRows[1]] : null,
      };
    }),
    unplaced: r.unplaced.map((u) => ({ sheet: u.sheet, range: u.range, reason: u.reason, text: u.text })),
    narrativeSheets: [...r.narrativeSheets],
  };
}

/** The JSON document, pretty-printed, ending in a newline. */
export function formatInspectJson(report: InspectReport): string {
  return `${JSON.stringify(inspectJson(report), null, 2)}\n`;
}
