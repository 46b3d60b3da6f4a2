/**
 * The rule engine: runs rule packs over recognised tables, evaluates every relation with rounding-aware interval
 * arithmetic, infers the most likely wrong cell (blame), and produces findings in the stable JSON contract.
 */
import Decimal from 'decimal.js';
import type { Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import { checkSame, checkSum, type SumVerdict } from '../arith/interval';
import { t, type Lang } from '../i18n';
import { a1 } from '../model/address';
import type { RecognisedTable, TableKind } from '../model/table';
import type { Workbook } from '../model/workbook';
import { RuleContext } from './context';
import { generate } from './functions/relations';
import { ruleMessages } from './messages';
import type { EvaluatedRelation, Finding, Gap, Relation, RuleDef, RulePack, Suspect, Term } from './types';
import { kindName } from '../i18n/kinds';

export interface CheckOptions {
  lang?: Lang;
  packs: RulePack[];
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  passed: number;
  cannotEvaluate: number;
}

export interface EngineResult {
  findings: Finding[];
  relations: EvaluatedRelation[];
  summary: CheckSummary;
}

const ZERO = exact(0);

function decimalsOf(a: Amount): number {
  return a.kind === 'number' || a.kind === 'percent' ? Math.max(0, a.decimals) : 0;
}

function fmt(v: Decimal | null, d: number): string | null {
  return v === null ? null : v.toFixed(d);
}

function valueOf(a: Amount): Decimal {
  return (a.kind === 'number' || a.kind === 'percent') && a.value ? exact(a.value) : ZERO;
}

/** Evaluate one relation. */
export function evaluate(r: Relation): EvaluatedRelation {
  let v: SumVerdict;
  const single = r.op === 'same' && r.parts.length === 1 && r.parts[0].weight === 1;
  if (single) v = checkSame(r.parts[0].amount, r.target.amount);
  else v = checkSum(r.target.amount, r.parts.map((p) => ({ amount: p.amount, weight: p.weight })));
  if (v.verdict === 'cannot' && r.target.amount.kind === 'blank' && v.expected !== null) {
    // a blank total whose parts cancel out (e.g. 年末 = 年初 + 收入 − 支出 = 0) is a printed zero, not a missing total
    const zero = { kind: 'number' as const, value: ZERO, decimals: Math.max(0, ...r.parts.map((p) => decimalsOf(p.amount))), raw: '' };
    const again = checkSum(zero, r.parts.map((p) => ({ amount: p.amount, weight: p.weight })));
    if (again.verdict === 'holds' || again.verdict === 'rounding') v = { ...again, actual: null };
  }
  if (single && v.verdict === 'fails') {
    // one side of a tie printed blank where it is a total: the total is missing, not zero
    const blankTotal = [r.target, r.parts[0]].find((x) => x.amount.kind === 'blank' && x.isTotal);
    if (blankTotal) v = { ...v, verdict: 'cannot' };
  }
  let verdict = v.verdict;
  if (verdict === 'fails' && v.difference) {
    if (r.op === 'ge' && v.difference.gt(0)) verdict = 'holds';
    if (r.op === 'le' && v.difference.lt(0)) verdict = 'holds';
  }
  if (verdict === 'rounding' && (r.op === 'ge' || r.op === 'le')) verdict = 'holds';
  const d = Math.max(decimalsOf(r.target.amount), ...r.parts.map((p) => decimalsOf(p.amount)));
  return {
    ...r,
    verdict,
    expected: fmt(v.expected, d),
    actual: fmt(v.actual, d),
    difference: fmt(v.difference, d),
    allowance: v.allowance.toFixed(Math.max(d + 1, 3)).replace(/0+$/, '').replace(/\.$/, ''),
  };
}

const cellKey = (t: Term) => `${t.ref.sheet}!${t.ref.cell}`;

function relationKey(r: Relation): string {
  const parts = r.parts.map((p) => `${p.weight}*${cellKey(p)}`).sort();
  return `${r.op}|${cellKey(r.target)}|${parts.join(',')}`;
}

/** Remove duplicate relations (a declared formula and its template twin): the first one, declared, is kept. */
export function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  const out: Relation[] = [];
  for (const r of relations) {
    const k = relationKey(r);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

// —— blame ——————————————————————————————————————————————————————————————————————————

interface Candidate {
  term: Term;
  failing: EvaluatedRelation[];
  passing: number;
  proposed?: Decimal;
  signature?: string;
  reason?: { key: string; params: Record<string, string | number> };
}

/** The corrected value of `c` that would make relation `r` hold, if `c` alone were wrong. */
function proposalFor(r: EvaluatedRelation, c: Term): Decimal | undefined {
  if (r.difference === null || r.expected === null || r.actual === null) return undefined;
  const diff = exact(r.difference);
  if (cellKey(r.target) === cellKey(c)) return exact(r.expected);
  const part = r.parts.find((p) => cellKey(p) === cellKey(c));
  if (!part || part.weight === 0) return undefined;
  return valueOf(c.amount).plus(diff.div(part.weight));
}

function digits(v: Decimal, d: number): string {
  return v.abs().toFixed(d).replace('.', '');
}

function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  return diffs.length === 2 && diffs[1] === diffs[0] + 1 && a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]];
}

/** Recognise an error signature between the printed value and the value the relations give. */
function signature(
  actual: Decimal,
  proposed: Decimal,
  d: number,
  neighbours: Term[],
  others: Term[],
): { signature: string; key: string; params: Record<string, string | number> } | undefined {
  const p = proposed.toFixed(d);
  const diff = actual.minus(proposed);
  if (diff.isZero()) return undefined;
  if (!proposed.isZero() && actual.eq(proposed.neg())) return { signature: 'sign', key: 'suspect-sign', params: { proposed: p } };
  if (!proposed.isZero() && !actual.isZero()) {
    const ratio = actual.div(proposed).abs();
    for (const k of [10, 100, 1000, 10000, 100000, 1000000]) {
      for (const f of [exact(k), exact(1).div(k)]) {
        // within rounding of the smaller figure
        const tol = exact(10).pow(-d).div(Decimal.min(actual.abs(), proposed.abs()).plus(exact(10).pow(-d)));
        if (ratio.minus(f).abs().lte(f.times(tol).plus(tol))) {
          if (k === 10000) return { signature: 'scale-10000', key: 'suspect-unit', params: { proposed: p } };
          return { signature: `scale-${k}`, key: 'suspect-scale', params: { proposed: p, factor: String(k) } };
        }
      }
    }
  }
  if (isAdjacentTransposition(digits(actual, d), digits(proposed, d))) {
    return { signature: 'transposition', key: 'suspect-transposition', params: { proposed: p } };
  }
  for (const n of neighbours) {
    if ((n.amount.kind === 'number') && n.amount.value && exact(n.amount.value).eq(actual) && !actual.isZero()) {
      return { signature: 'copied', key: 'suspect-copied', params: { proposed: p, from: `${n.ref.cell}` } };
    }
  }
  for (const o of others) {
    if (o.amount.kind === 'number' && o.amount.value && !o.amount.value.isZero() && exact(o.amount.value).abs().eq(diff.abs())) {
      return { signature: 'double-count', key: 'suspect-double', params: { proposed: p, other: `${o.ref.cell}` } };
    }
  }
  const units = diff.abs().times(exact(10).pow(d));
  if (units.isInteger() && units.mod(9).isZero()) return { signature: 'nine', key: 'suspect-nine', params: { proposed: p } };
  return undefined;
}

/**
 * For every failing relation choose the most likely wrong cell: the cell in the most failing relations and in no
 * relation that holds; ties broken by a recognised error signature, then by agreeing proposals.
 */
export function blame(relations: EvaluatedRelation[]): Map<EvaluatedRelation, Candidate> {
  const failing = relations.filter((r) => r.verdict === 'fails');
  const passingCount = new Map<string, number>();
  const failingOf = new Map<string, EvaluatedRelation[]>();
  const termOf = new Map<string, Term>();
  for (const r of relations) {
    for (const c of [r.target, ...r.parts]) {
      const k = cellKey(c);
      termOf.set(k, c);
      if (r.verdict === 'holds' || r.verdict === 'rounding' || r.verdict === 'vacuous') passingCount.set(k, (passingCount.get(k) ?? 0) + 1);
      if (r.verdict === 'fails') failingOf.set(k, [...(failingOf.get(k) ?? []), r]);
    }
  }
  const out = new Map<EvaluatedRelation, Candidate>();
  const candCache = new Map<string, Candidate>();
  const candidate = (k: string): Candidate => {
    const hit = candCache.get(k);
    if (hit) return hit;
    const term = termOf.get(k)!;
    const fs = failingOf.get(k) ?? [];
    const c: Candidate = { term, failing: fs, passing: passingCount.get(k) ?? 0 };
    const proposals = fs.map((r) => proposalFor(r, term)).filter((x): x is Decimal => !!x);
    const d = decimalsOf(term.amount);
    if (proposals.length === fs.length && proposals.length > 0) {
      const first = proposals[0];
      const tol = exact(10).pow(-d).times(fs.reduce((n, r) => n + r.parts.length + 1, 0));
      if (proposals.every((p) => p.minus(first).abs().lte(tol))) {
        c.proposed = first.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
        const rel0 = fs[0];
        const all = [rel0.target, ...rel0.parts].filter((x) => cellKey(x) !== k);
        const neighbours = [...relations.flatMap((r) => [r.target, ...r.parts])].filter(
          (x) => x.ref.sheet === term.ref.sheet && cellKey(x) !== k && Math.abs(x.row - term.row) + Math.abs(x.col - term.col) === 1,
        );
        const sig = signature(valueOf(term.amount), c.proposed, d, neighbours, all);
        if (sig) {
          c.signature = sig.signature;
          c.reason = { key: sig.key, params: sig.params };
        }
      }
    }
    candCache.set(k, c);
    return c;
  };
  const score = (c: Candidate): number =>
    c.failing.length * 10 - c.passing * 15 + (c.signature && c.signature !== 'nine' ? 6 : 0) + (c.proposed ? 1 : 0);
  for (const r of failing) {
    const cands = [r.target, ...r.parts].map((x) => candidate(cellKey(x)));
    cands.sort((a, b) => score(b) - score(a));
    const best = cands[0];
    // only blame a cell that stands out: ahead of the runner-up, or alone in a relation that nothing else covers
    const second = cands[1];
    if (!best) continue;
    if (second && score(second) === score(best) && !best.signature) continue;
    if (best.passing > 0 && best.failing.length <= best.passing) continue;
    out.set(r, best);
  }
  return out;
}

// —— findings ————————————————————————————————————————————————————————————————————————

/** "129681094.00" → "129,681,094.00" for messages (the JSON keeps plain decimal strings). */
function grouped(v: unknown): unknown {
  if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v)) return v;
  const [int, frac] = v.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac !== undefined ? '.' + frac : ''}`;
}

function render(lang: Lang, key: string, params: Record<string, unknown>): string {
  params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, grouped(v)]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (t as any)(ruleMessages, lang, key, params);
}

function suspectOf(c: Candidate | undefined, lang: Lang): Suspect | undefined {
  if (!c) return undefined;
  const s: Suspect = { sheet: c.term.ref.sheet, cell: c.term.ref.cell, reason: '' };
  if (c.proposed) s.proposed = c.proposed.toFixed(decimalsOf(c.term.amount));
  if (c.reason) s.reason = render(lang, c.reason.key, c.reason.params);
  else if (c.proposed) s.reason = render(lang, 'suspect-plain', { proposed: s.proposed, failing: c.failing.length });
  else s.reason = render(lang, 'suspect-weak', { failing: c.failing.length });
  s.signature = c.signature ?? 'unexplained';
  return s;
}

function oneUnit(r: EvaluatedRelation): boolean {
  if (!r.difference) return false;
  const d = Math.max(decimalsOf(r.target.amount), ...r.parts.map((p) => decimalsOf(p.amount)));
  return exact(r.difference).abs().lte(exact(10).pow(-d));
}

function findingFor(r: EvaluatedRelation, rule: RuleDef | undefined, suspect: Suspect | undefined, lang: Lang): Finding | undefined {
  const what = r.describe[lang];
  const cells = [r.target, ...r.parts].map((x) => x.ref);
  const base = { rule: r.rule, location: r.target.ref, cells, table: r.target.table };
  if (r.verdict === 'fails') {
    let severity: Finding['severity'] = r.soft ? 'warning' : rule?.severity ?? 'error';
    if (r.op === 'same' && oneUnit(r) && severity === 'error') severity = 'warning';
    const key = r.op === 'same' ? 'same-fails' : r.op === 'ge' ? 'fails-ge' : r.op === 'le' ? 'fails-le' : 'fails';
    const f: Finding = {
      id: '',
      ...base,
      severity,
      status: 'fail',
      verdict: 'fails',
      message: render(lang, key, { what, expected: r.expected, actual: r.actual, difference: r.difference }),
      expected: r.expected ?? undefined,
      actual: r.actual ?? undefined,
      difference: r.difference ?? undefined,
      allowance: r.allowance,
    };
    if (suspect) f.suspect = suspect;
    return f;
  }
  if (r.verdict === 'rounding') {
    return {
      id: '',
      ...base,
      severity: 'info',
      status: 'fail',
      verdict: 'rounding',
      message: render(lang, 'rounding', { what, difference: r.difference, items: r.parts.length + 1, allowance: r.allowance }),
      expected: r.expected ?? undefined,
      actual: r.actual ?? undefined,
      difference: r.difference ?? undefined,
      allowance: r.allowance,
    };
  }
  if (r.verdict === 'cannot') {
    const totalMissing = (r.target.amount.kind === 'blank' || r.parts.some((p) => p.isTotal && p.amount.kind === 'blank')) && r.expected !== null;
    return {
      id: '',
      ...base,
      severity: totalMissing ? 'warning' : 'info',
      status: 'cannot-evaluate',
      verdict: 'cannot',
      message: totalMissing
        ? render(lang, r.op === 'same' ? 'blank-same' : 'total-missing', { what, expected: r.expected })
        : render(lang, 'cannot-text', { what }),
      expected: r.expected ?? undefined,
    };
  }
  return undefined;
}

function gapFinding(g: Gap, lang: Lang): Finding {
  return {
    id: '',
    rule: g.rule,
    severity: 'info',
    status: 'cannot-evaluate',
    verdict: 'cannot',
    message: render(lang, 'cannot-gap', { need: g.need[lang] }),
    location: g.location,
    cells: [g.location],
    table: g.table,
  };
}

/**
 * Ties whose related tables are partly absent cannot be evaluated: one cannot-evaluate finding per missing table,
 * anchored at the first present table the ties read, naming the checks that could not be made.
 */
function missingTableFindings(ctx: RuleContext, rules: RuleDef[], lang: Lang): Finding[] {
  const byMissing = new Map<TableKind, { anchor: RecognisedTable; rules: RuleDef[] }>();
  for (const rule of rules) {
    if (rule.then.fn !== 'tie') continue;
    const sels = [rule.then.left, ...rule.then.right.filter((r) => !r.optional)];
    const kinds = sels.map((s) => (Array.isArray(s.kind) ? s.kind : [s.kind]));
    const present = kinds.filter((ks) => ctx.tablesOf(ks).length > 0);
    if (present.length === 0 || present.length === kinds.length) continue;
    const anchor = ctx.tablesOf(present[0])[0];
    for (const ks of kinds) {
      if (ctx.tablesOf(ks).length > 0) continue;
      const entry = byMissing.get(ks[0]) ?? { anchor, rules: [] };
      if (!entry.rules.includes(rule)) entry.rules.push(rule);
      byMissing.set(ks[0], entry);
    }
  }
  const out: Finding[] = [];
  for (const [kind, { anchor, rules: rs }] of byMissing) {
    out.push({
      id: '',
      rule: 'missing-table',
      severity: 'info',
      status: 'cannot-evaluate',
      verdict: 'cannot',
      message: render(lang, 'missing-table', { table: kindName(kind, lang), count: rs.length, rules: rs.map((r) => r.id).join(', ') }),
      location: { sheet: anchor.sheet, cell: a1(anchor.titleCell.row, anchor.titleCell.col) },
      cells: [],
      table: anchor.id,
    });
  }
  return out;
}

export function runEngine(workbook: Workbook, tables: RecognisedTable[], options: CheckOptions): EngineResult {
  const lang = options.lang ?? 'zh-CN';
  const ctx = new RuleContext(workbook, tables);
  const rules = options.packs.flatMap((p) => p.rules);
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const generated: Relation[] = [];
  const gaps: Gap[] = [];
  for (const rule of rules) {
    const g = generate(ctx, rule);
    generated.push(...g.relations);
    gaps.push(...g.gaps);
  }
  const relations = dedupe(generated).map(evaluate);
  const blamed = blame(relations);
  const findings: Finding[] = [];
  for (const r of relations) {
    const f = findingFor(r, ruleById.get(r.rule), suspectOf(blamed.get(r), lang), lang);
    if (f) findings.push(f);
  }
  // one "total missing" finding per blank total, however many relations read it
  const missingSeen = new Set<string>();
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i];
    if (f.status !== 'cannot-evaluate' || f.severity !== 'warning') continue;
    const k = `${f.location.sheet}!${f.location.cell}`;
    if (missingSeen.has(k)) findings.splice(i, 1);
    else missingSeen.add(k);
  }
  findings.push(...gaps.map((g) => gapFinding(g, lang)));
  findings.push(...missingTableFindings(ctx, rules, lang));
  const ids = new Map<string, number>();
  for (const f of findings) {
    const base = `${f.rule}@${f.location.sheet}!${f.location.cell}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    f.id = n === 1 ? base : `${base}#${n}`;
  }
  const summary: CheckSummary = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    passed: relations.filter((r) => r.verdict === 'holds' || r.verdict === 'vacuous' || r.verdict === 'rounding').length,
    cannotEvaluate: findings.filter((f) => f.status === 'cannot-evaluate').length,
  };
  return { findings, relations, summary };
}
