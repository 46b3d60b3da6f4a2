/**
 * `check --format json`: the stable machine-readable contract.
 *
 * - Keys are always present and in a fixed order; a value that does not apply is `null` (never omitted): `expected`,
 *   `actual`, `difference`, `allowance`, `suspect`, `suspect.proposed`, `suspect.signature`, `table`, `tables[].unit`.
 * - Amounts are decimal strings exactly as the engine computed them ("1080.27", "-0.01"), never JSON numbers.
 * - `message` and `suspect.reason` are in the language of the run (--lang); everything else is language-neutral.
 * - No colour codes. Findings in the engine's order.
 * Extra fields beyond the contract: `lang`, `findings[].table` (the id of the finding's table) and `summary.rounding`.
 */
import type { CellRef } from '../../model/address';
import type { Finding, Severity } from '../../rules';
import type { CheckReport } from '../check';
import { checkCounts, type CheckCounts } from './check-common';

export interface CheckJsonTable {
  id: string;
  kind: string;
  title: string;
  sheet: string;
  range: string;
  unit: string | null;
}

export interface CheckJsonSuspect {
  sheet: string;
  cell: string;
  proposed: string | null;
  reason: string;
  signature: string | null;
}

export interface CheckJsonFinding {
  id: string;
  rule: string;
  severity: Severity;
  status: 'fail' | 'cannot-evaluate';
  verdict: Finding['verdict'];
  message: string;
  location: CellRef;
  cells: CellRef[];
  expected: string | null;
  actual: string | null;
  difference: string | null;
  allowance: string | null;
  suspect: CheckJsonSuspect | null;
  table: string | null;
  /** narrative findings: the claim's characters [start, end) in the paragraph at `location`, and the claim text */
  span: { start: number; end: number } | null;
  text: string | null;
}

export interface CheckJson {
  file: string;
  tables: CheckJsonTable[];
  findings: CheckJsonFinding[];
  summary: CheckCounts;
  lang: CheckReport['lang'];
}

const ref = (r: CellRef): CellRef => ({ sheet: r.sheet, cell: r.cell });

export function checkJsonFinding(f: Finding): CheckJsonFinding {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    status: f.status,
    verdict: f.verdict,
    message: f.message,
    location: ref(f.location),
    cells: f.cells.map(ref),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    allowance: f.allowance ?? null,
    suspect: f.suspect
      ? {
          sheet: f.suspect.sheet,
          cell: f.suspect.cell,
          proposed: f.suspect.proposed ?? null,
          reason: f.suspect.reason,
          signature: f.suspect.signature ?? null,
        }
      : null,
    table: f.table ?? null,
    span: f.span ? { start: f.span.start, end: f.span.end } : null,
    text: f.text ?? null,
  };
}

export function checkJson(report: CheckReport): CheckJson {
  return {
    file: report.file,
    tables: report.recognition.tables.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      sheet: t.sheet,
      range: t.range,
      unit: t.unit ?? null,
    })),
    findings: report.findings.map(checkJsonFinding),
    summary: checkCounts(report),
    lang: report.lang,
  };
}

/** The JSON document, pretty-printed, ending in a newline. */
export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(checkJson(report), null, 2)}\n`;
}
