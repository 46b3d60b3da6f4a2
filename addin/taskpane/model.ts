/**
 * What the task pane shows, computed from a check result: counts, findings grouped by table and severity under the
 * filters, the waived ones apart, the cells a finding selects (marks: src/marks.ts). Pure functions (no React, no
 * DOM, no host), shared by the pane and its tests.
 */
import type { CellRef } from '../../src/model/address';
import { parseA1 } from '../../src/model/address';
import type { RecognisedTable } from '../../src/model/table';
import type { Finding, Severity } from '../../src/rules/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Counts {
  errors: number;
  warnings: number;
  /** differences within the rounding allowance (info) */
  rounding: number;
  /** checks that could not be made (info) */
  cannot: number;
  /** relations that hold (or hold within rounding) */
  passed: number;
  /** findings accepted with a reason (not counted above) */
  waived: number;
}

export function countFindings(findings: readonly Finding[], passed: number): Counts {
  const open = findings.filter((f) => !f.waived);
  return {
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    rounding: open.filter((f) => f.verdict === 'rounding').length,
    cannot: open.filter((f) => f.status === 'cannot-evaluate' && f.severity === 'info').length,
    passed,
    waived: findings.length - open.length,
  };
}

export interface Filters {
  severities: Record<Severity, boolean>;
  /** a table id, or null for every table */
  table: string | null;
}

export const DEFAULT_FILTERS: Filters = { severities: { error: true, warning: true, info: false }, table: null };

export interface FindingGroup {
  /** table id, or '' for findings of no recognised table */
  id: string;
  table?: RecognisedTable;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(ref: CellRef): { row: number; col: number } {
  try {
    return parseA1(ref.cell);
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/** Errors, then warnings, then infos; within a severity by row, then column; ties keep the given order. */
export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, p: position(f.location) }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.p.row - b.p.row || a.p.col - b.p.col || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Open (not waived) findings that pass the filters, grouped by table in recognition order (findings of no known table
 * last), each group sorted by severity.
 */
export function groupFindings(findings: readonly Finding[], tables: readonly RecognisedTable[], filters: Filters): FindingGroup[] {
  const known = new Map(tables.map((t) => [t.id, t]));
  const groups = new Map<string, FindingGroup>();
  for (const t of tables) groups.set(t.id, { id: t.id, table: t, findings: [] });
  const other: FindingGroup = { id: '', findings: [] };
  for (const f of findings) {
    if (f.waived || !filters.severities[f.severity]) continue;
    const id = f.table !== undefined && known.has(f.table) ? f.table : '';
    if (filters.table !== null && id !== filters.table) continue;
    (id ? groups.get(id)! : other).findings.push(f);
  }
  return [...groups.values(), other]
    .filter((g) => g.findings.length > 0)
    .map((g) => ({ ...g, findings: sortBySeverity(g.findings) }));
}

/** The tables that have open findings of any severity, for the table filter. */
export function tablesWithFindings(findings: readonly Finding[], tables: readonly RecognisedTable[]): RecognisedTable[] {
  const ids = new Set(findings.filter((f) => !f.waived).map((f) => f.table));
  return tables.filter((t) => ids.has(t.id));
}

export function waivedFindings(findings: readonly Finding[]): Finding[] {
  return sortBySeverity(findings.filter((f) => f.waived));
}

/**
 * The cells clicking a finding selects: its location first, then the other cells of its relation that are on the same
 * sheet (Excel selects one multi-area range on one sheet), the suspect cell included when it is there.
 */
export function selectionFor(f: Finding): CellRef[] {
  const sheet = f.location.sheet;
  const out: CellRef[] = [f.location];
  const extra = [...f.cells];
  if (f.suspect) extra.push({ sheet: f.suspect.sheet, cell: f.suspect.cell });
  for (const c of extra) {
    if (c.sheet !== sheet) continue;
    if (out.some((o) => o.cell === c.cell)) continue;
    out.push({ sheet, cell: c.cell });
  }
  return out;
}

/** The cells of a finding on other sheets (shown, not selected). */
export function otherSheetCells(f: Finding): CellRef[] {
  return f.cells.filter((c) => c.sheet !== f.location.sheet);
}
