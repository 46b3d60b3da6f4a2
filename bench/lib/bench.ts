/**
 * The mutation benchmark: inject one plausible error at a time into an unmutated fixture book and measure whether the
 * checker reports it as an error (detection), blames the mutated cell (localisation), proposes the original figure
 * (correction) and names the kind of slip (signature). Error findings on the unmutated books that are not known
 * inconsistencies of the published documents are false alarms.
 *
 * This module is the library (synchronous per book, usable from tests); `bench/mutations.ts` is the command line.
 */
import Decimal from 'decimal.js';
import { amountFromCell } from '../../src/amount/parse';
import { exact } from '../../src/arith/decimal';
import type { Lang } from '../../src/i18n';
import { a1 } from '../../src/model/address';
import type { Recognition } from '../../src/model/table';
import { getCell, type Workbook } from '../../src/model/workbook';
import { checkWorkbook, type CheckResult, type Finding } from '../../src/rules';
import type { EvaluatedRelation, Term } from '../../src/rules/types';
import { isKnown, type KnownInconsistency } from './known';
import {
  EXPECTED_SIGNATURE,
  MUTATION_KINDS,
  cellWithValue,
  planMutation,
  printStyle,
  withCell,
  type Donor,
  type MutationKind,
  type SkipReason,
} from './mutate';
import { Rng } from './prng';

export const DEFAULT_CELLS = 60;
export const DEFAULT_SEED = 20240601;

export interface BookBenchOptions {
  /** the book's file name: names it in reports and matches the known-inconsistency globs */
  book: string;
  /** candidate cells sampled per book (default 60) */
  cells?: number;
  seed?: number;
  kinds?: readonly MutationKind[];
  /** mutate exactly these cells ("Sheet!A1", they must be candidates) instead of a sample */
  only?: readonly string[];
  known?: readonly KnownInconsistency[];
  lang?: Lang;
  /** recognise every mutated copy again instead of reusing the baseline recognition (slower; same results expected) */
  rerecognise?: boolean;
}

/** A finding, compact, as kept in the records. */
export interface FindingBrief {
  id: string;
  rule: string;
  severity: Finding['severity'];
  verdict: Finding['verdict'];
  expected?: string;
  actual?: string;
  difference?: string;
  allowance?: string;
  suspect?: { cell: string; proposed?: string; signature?: string };
}

export interface MutationRecord {
  book: string;
  /** Sheet!A1 */
  cell: string;
  /** the figure's name ("20406 司法 / 项目支出") */
  name: string;
  table?: string;
  tableKind?: string;
  kind: MutationKind;
  /** ×10 / ÷10, the donor cell of a copy or double count, the delta of a random or tiny change */
  detail?: string;
  original: string;
  mutated: string;
  /** mutated − original (printed values) */
  delta: string;
  /** |delta| > 5 units of the printed precision (0.05 for 2-decimal amounts): an error the targets speak of */
  large: boolean;
  /** relations (holds/rounding/fails in the baseline) that read the cell; `hard`: those that can fail as errors */
  relations: number;
  hardRelations: number;
  /** relations reading the cell that fail after the mutation */
  failingRelations: number;
  /** an error finding, not in the baseline, reads the cell */
  detected: boolean;
  /** one of those findings blames the cell */
  localised: boolean;
  /** … and proposes the original figure */
  corrected: boolean;
  /** the figure proposed for the cell by the first finding that blames it and proposes one */
  proposed?: string;
  /** the proposal is within the rounding allowance of its relation from the original figure (off by a unit or two) */
  correctedWithinRounding: boolean;
  /** … and names the kind of slip (null when the kind has no signature) */
  signatureMatched: boolean | null;
  /** a new error, warning or rounding info reads the cell (reported for tiny changes) */
  flagged: boolean;
  /** cells blamed by the new error findings that read the cell (Sheet!A1) */
  blamed: string[];
  /** new findings that read the cell (at most 6) */
  findings: FindingBrief[];
}

export interface SkipRecord {
  book: string;
  cell: string;
  kind: MutationKind;
  reason: SkipReason;
}

export interface FalseAlarm {
  book: string;
  id: string;
  rule: string;
  location: string;
  cells: string[];
  message: string;
}

export interface BookResult {
  book: string;
  baseline: { errors: number; warnings: number; relations: number; nonVacuous: number };
  /** amount cells in at least one non-vacuous relation */
  candidates: number;
  sampled: string[];
  mutations: MutationRecord[];
  skipped: SkipRecord[];
  falseAlarms: FalseAlarm[];
  /** baseline error findings matched by the known list */
  knownErrors: number;
  checks: number;
  ms: number;
}

const refKey = (sheet: string, cell: string) => `${sheet}!${cell}`;
const termKey = (t: Term) => refKey(t.ref.sheet, t.ref.cell);

function brief(f: Finding): FindingBrief {
  const b: FindingBrief = { id: f.id, rule: f.rule, severity: f.severity, verdict: f.verdict };
  if (f.expected !== undefined) b.expected = f.expected;
  if (f.actual !== undefined) b.actual = f.actual;
  if (f.difference !== undefined) b.difference = f.difference;
  if (f.allowance !== undefined) b.allowance = f.allowance;
  if (f.suspect) {
    b.suspect = { cell: refKey(f.suspect.sheet, f.suspect.cell) };
    if (f.suspect.proposed !== undefined) b.suspect.proposed = f.suspect.proposed;
    if (f.suspect.signature !== undefined) b.suspect.signature = f.suspect.signature;
  }
  return b;
}

/** Identity of a finding across runs: the same relation failing the same way. */
const findingKey = (f: Finding) => `${f.id}|${f.severity}|${f.verdict}|${f.expected ?? ''}|${f.actual ?? ''}`;

function readsCell(f: Finding, key: string): boolean {
  return refKey(f.location.sheet, f.location.cell) === key || f.cells.some((c) => refKey(c.sheet, c.cell) === key);
}

const NON_VACUOUS = new Set(['holds', 'rounding', 'fails']);

/** An amount cell read by non-vacuous relations, with those relations. */
export interface CandidateCell {
  key: string;
  sheet: string;
  row: number;
  col: number;
  sheetIndex: number;
  name: string;
  table: string;
  relations: EvaluatedRelation[];
}

/** Amount cells read by at least one relation that evaluated to holds, rounding or fails (not vacuous, not cannot). */
export function candidateCells(workbook: Workbook, relations: readonly EvaluatedRelation[]): CandidateCell[] {
  const sheetIndex = new Map(workbook.sheets.map((s) => [s.name, s.index]));
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const byKey = new Map<string, CandidateCell>();
  for (const r of relations) {
    if (!NON_VACUOUS.has(r.verdict)) continue;
    for (const t of [r.target, ...r.parts]) {
      const k = termKey(t);
      let c = byKey.get(k);
      if (!c) {
        const sheet = sheets.get(t.ref.sheet);
        if (!sheet || amountFromCell(getCell(sheet, t.row, t.col)).kind !== 'number') continue;
        c = { key: k, sheet: t.ref.sheet, row: t.row, col: t.col, sheetIndex: sheetIndex.get(t.ref.sheet) ?? 0, name: t.name, table: t.table, relations: [] };
        byKey.set(k, c);
      }
      if (!c.relations.includes(r)) c.relations.push(r);
    }
  }
  return [...byKey.values()].sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row || a.col - b.col);
}

/** Where each body cell sits in the recognised tables: its table and its row/column position in the part. */
function tableIndex(recognition: Recognition) {
  const at = new Map<string, { tableId: string; kind: string; cellsAround: Array<{ row: number; col: number }> }>();
  for (const table of recognition.tables) {
    for (const part of table.parts) {
      const colOf = (i: number, j: number) => part.rows[i].cells[j]?.col ?? part.columns[j].col;
      for (let i = 0; i < part.rows.length; i++) {
        for (let j = 0; j < part.columns.length; j++) {
          const around: Array<{ row: number; col: number }> = [];
          for (const [di, dj] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
            const ii = i + di;
            const jj = j + dj;
            if (ii < 0 || ii >= part.rows.length || jj < 0 || jj >= part.columns.length) continue;
            around.push({ row: part.rows[ii].row, col: colOf(ii, jj) });
          }
          const k = refKey(table.sheet, a1(part.rows[i].row, colOf(i, j)));
          if (!at.has(k)) at.set(k, { tableId: table.id, kind: table.kind, cellsAround: around });
        }
      }
    }
  }
  return at;
}

function printedValue(workbook: Workbook, sheetName: string, row: number, col: number): Decimal | undefined {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  const a = amountFromCell(getCell(sheet, row, col));
  return a.kind === 'number' && a.value ? exact(a.value) : undefined;
}

/** Run the benchmark on one book (already read). Deterministic for a given seed. */
export function benchBook(workbook: Workbook, options: BookBenchOptions): BookResult {
  const t0 = Date.now();
  const lang = options.lang ?? 'zh-CN';
  const kinds = options.kinds ?? MUTATION_KINDS;
  const seed = options.seed ?? DEFAULT_SEED;
  const known = options.known ?? [];
  const base = checkWorkbook(workbook, { lang });
  let checks = 1;

  const baselineKeys = new Set(base.findings.map(findingKey));
  const falseAlarms: FalseAlarm[] = [];
  let knownErrors = 0;
  for (const f of base.findings) {
    if (f.severity !== 'error') continue;
    if (isKnown(f, options.book, known)) {
      knownErrors++;
      continue;
    }
    falseAlarms.push({
      book: options.book,
      id: f.id,
      rule: f.rule,
      location: refKey(f.location.sheet, f.location.cell),
      cells: f.cells.map((c) => refKey(c.sheet, c.cell)),
      message: f.message,
    });
  }

  const all = candidateCells(workbook, base.engine.relations);
  let chosen: CandidateCell[];
  if (options.only) {
    const byKey = new Map(all.map((c) => [c.key, c]));
    chosen = options.only.map((k) => {
      const c = byKey.get(k);
      if (!c) throw new Error(`${options.book}: ${k} is not an amount cell of a non-vacuous relation`);
      return c;
    });
  } else {
    const order = new Map(all.map((c, i) => [c.key, i]));
    chosen = Rng.derive(seed, options.book, 'cells')
      .sample(all, options.cells ?? DEFAULT_CELLS)
      .sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  }

  const where = tableIndex(base.recognition);
  const mutations: MutationRecord[] = [];
  const skipped: SkipRecord[] = [];
  for (const c of chosen) {
    const sheet = workbook.sheets.find((s) => s.name === c.sheet)!;
    const cell = getCell(sheet, c.row, c.col)!;
    const amount = amountFromCell(cell);
    const original = exact(amount.value!);
    const style = printStyle(cell, amount);
    const loc = where.get(c.key);
    const neighbours: Donor[] = [];
    for (const n of loc?.cellsAround ?? []) {
      const v = printedValue(workbook, c.sheet, n.row, n.col);
      if (v) neighbours.push({ ref: refKey(c.sheet, a1(n.row, n.col)), value: v });
    }
    const others: Donor[] = [];
    const seen = new Set<string>([c.key]);
    for (const r of c.relations) {
      // the cell's relations: a total counting one of its parts twice, or a part taking in a sibling
      for (const p of r.parts) {
        const k = termKey(p);
        if (seen.has(k) || p.table !== c.table) continue;
        seen.add(k);
        const v = printedValue(workbook, p.ref.sheet, p.row, p.col);
        if (v) others.push({ ref: k, value: v });
      }
    }
    const hardRelations = c.relations.filter((r) => !r.soft).length;

    for (const kind of kinds) {
      const rng = Rng.derive(seed, options.book, c.key, kind);
      const plan = planMutation({ kind, original, style, neighbours, others, rng });
      if (!plan.ok) {
        skipped.push({ book: options.book, cell: c.key, kind, reason: plan.reason });
        continue;
      }
      const changed = cellWithValue(cell, plan.value, style);
      if (changed.text.trim() === cell.text.trim()) {
        skipped.push({ book: options.book, cell: c.key, kind, reason: 'unchanged' });
        continue;
      }
      const mutated = withCell(workbook, c.sheet, changed);
      const res: CheckResult = checkWorkbook(mutated, { lang, recognition: options.rerecognise ? undefined : base.recognition });
      checks++;
      mutations.push(assess(options.book, c, kind, plan.detail, cell.text.trim(), changed.text.trim(), original, plan.value, style.decimals, res, baselineKeys, hardRelations, loc));
    }
  }
  return {
    book: options.book,
    baseline: {
      errors: base.summary.errors,
      warnings: base.summary.warnings,
      relations: base.engine.relations.length,
      nonVacuous: base.engine.relations.filter((r) => NON_VACUOUS.has(r.verdict)).length,
    },
    candidates: all.length,
    sampled: chosen.map((c) => c.key),
    mutations,
    skipped,
    falseAlarms,
    knownErrors,
    checks,
    ms: Date.now() - t0,
  };
}

function assess(
  book: string,
  c: CandidateCell,
  kind: MutationKind,
  detail: string | undefined,
  originalText: string,
  mutatedText: string,
  original: Decimal,
  value: Decimal,
  decimals: number,
  res: CheckResult,
  baselineKeys: Set<string>,
  hardRelations: number,
  loc: { tableId: string; kind: string } | undefined,
): MutationRecord {
  const fresh = res.findings.filter((f) => !baselineKeys.has(findingKey(f)) && readsCell(f, c.key));
  const errors = fresh.filter((f) => f.severity === 'error');
  const blaming = errors.filter((f) => f.suspect && refKey(f.suspect.sheet, f.suspect.cell) === c.key);
  const expectedSig = EXPECTED_SIGNATURE[kind];
  const failingRelations = res.engine.relations.filter(
    (r) => r.verdict === 'fails' && [r.target, ...r.parts].some((t) => termKey(t) === c.key),
  ).length;
  const delta = value.minus(original);
  const unit = exact(10).pow(-decimals);
  return {
    book,
    cell: c.key,
    name: c.name,
    table: loc?.tableId ?? c.table,
    tableKind: loc?.kind,
    kind,
    detail,
    original: originalText,
    mutated: mutatedText,
    delta: delta.toFixed(decimals),
    large: delta.abs().gt(unit.times(5)),
    relations: c.relations.length,
    hardRelations,
    failingRelations,
    detected: errors.length > 0,
    localised: blaming.length > 0,
    corrected: blaming.some((f) => f.suspect!.proposed !== undefined && exact(f.suspect!.proposed).eq(original)),
    proposed: blaming.find((f) => f.suspect!.proposed !== undefined)?.suspect!.proposed,
    correctedWithinRounding: blaming.some(
      (f) => f.suspect!.proposed !== undefined && exact(f.suspect!.proposed).minus(original).abs().lte(exact(f.allowance ?? '0')),
    ),
    signatureMatched: expectedSig ? blaming.some((f) => f.suspect!.signature === expectedSig) : null,
    flagged: fresh.some((f) => f.severity === 'error' || f.severity === 'warning' || f.verdict === 'rounding'),
    blamed: [...new Set(errors.filter((f) => f.suspect).map((f) => refKey(f.suspect!.sheet, f.suspect!.cell)))],
    findings: fresh.slice(0, 6).map(brief),
  };
}
