/** What the check formatters share: counts, the table a finding belongs to, the order findings are listed in. */
import type { CellRef } from '../../model/address';
import { parseA1 } from '../../model/address';
import type { RecognisedTable } from '../../model/table';
import type { Finding, Severity } from '../../rules';
import type { CheckReport } from '../check';
import { sheetRange } from './table-summary';

/** The counts printed in the text header and the JSON summary. */
export interface CheckCounts {
  errors: number;
  warnings: number;
  infos: number;
  passed: number;
  cannotEvaluate: number;
  /** findings whose verdict is 'rounding' (differences within the rounding allowance; severity info) */
  rounding: number;
}

export function checkCounts(report: Pick<CheckReport, 'findings' | 'summary'>): CheckCounts {
  const s = report.summary;
  return {
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    passed: s.passed,
    cannotEvaluate: s.cannotEvaluate,
    rounding: report.findings.filter((f) => f.verdict === 'rounding').length,
  };
}

/** The recognised table a finding belongs to, or undefined when it names none or one that is not in the report. */
export function tableOf(report: Pick<CheckReport, 'recognition'>, finding: Finding): RecognisedTable | undefined {
  if (finding.table === undefined) return undefined;
  return report.recognition.tables.find((t) => t.id === finding.table);
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(ref: CellRef): { row: number; col: number } {
  try {
    return parseA1(ref.cell);
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/**
 * Errors first, then warnings, then infos; within a severity by sheet (in order of first appearance), then row, then
 * column; ties keep the given order.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (!sheetOrder.has(f.location.sheet)) sheetOrder.set(f.location.sheet, sheetOrder.size);
  return findings
    .map((f, i) => ({ f, i, s: sheetOrder.get(f.location.sheet)!, p: position(f.location) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.s - b.s ||
        a.p.row - b.p.row ||
        a.p.col - b.p.col ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

/** `Sheet!C7`, the sheet name quoted as Excel does when needed. */
export function sheetCell(ref: CellRef): string {
  return sheetRange(ref.sheet, ref.cell);
}
