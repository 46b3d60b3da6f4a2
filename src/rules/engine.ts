/**
 * The rule engine: runs rule packs over recognised tables, evaluates every relation with rounding-aware interval
 * arithmetic, infers the most likely wrong cell (blame), and produces findings in the stable JSON contract.
 */
import Decimal from 'decimal.js';
import { formatAmount, type Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import { checkSame, checkSum, type SumVerdict } from '../arith/interval';
import { fixedOf, hasAtMostDecimals, scaledSum } from '../arith/scaled';
import { t, type Lang } from '../i18n';
import { a1 } from '../model/address';
import type { RecognisedTable, TableKind } from '../model/table';
import type { Workbook } from '../model/workbook';
import { RuleContext } from './context';
import { applies, generate } from './functions/relations';
import { runLean, Unpackable, type LeanRun } from './lean';
import { directFindings } from './functions/direct';
import { ruleMessages } from './messages';
import { blame, type BlameCandidate } from './blame';
import type { EvaluatedRelation, Finding, Gap, Relation, RuleDef, RulePack, Suspect, Term } from './types';
import { kindName } from '../i18n/kinds';

export interface CheckOptions {
  lang?: Lang;
  packs: RulePack[];
  /**
   * build every relation as an object before evaluating them all (the reference path the lean engine of ./lean is
   * tested against; both give the same findings and summary)
   */
  reference?: boolean;
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

/** Drop trailing zeros beyond `keep` decimals ("0.000034" stays, "50.000000" → "50.00"). */
function trimZeros(s: string, keep: number): string {
  if (!s.includes('.')) return s;
  let out = s;
  while (out.endsWith('0') && out.split('.')[1].length > keep) out = out.slice(0, -1);
  return out.endsWith('.') ? out.slice(0, -1) : out;
}

function fmt(v: Decimal | null, d: number): string | null {
  return v === null ? null : v.toFixed(d);
}


/**
 * The scaled-integer path of `evaluate` for a summation whose figures allow it (see ../arith/scaled): the same verdict
 * and the same strings as the decimal path, without creating a Decimal. undefined when it does not apply.
 */
function evaluateScaled(r: Relation): EvaluatedRelation | undefined {
  let v = scaledSum(r.target.amount, r.parts);
  if (!v) return undefined;
  if (v.verdict === 'cannot' && r.target.amount.kind === 'blank') {
    // a blank total whose parts cancel out is a printed zero (as in `evaluate`): the zero total has the parts' precision
    let dz = 0;
    for (const p of r.parts) dz = Math.max(dz, decimalsOf(p.amount));
    const again = scaledSum({ kind: 'number', value: ZERO, decimals: dz, raw: '' }, r.parts);
    if (!again) return undefined;
    if (again.verdict === 'holds' || again.verdict === 'rounding') v = { ...again, actual: null };
  }
  let verdict = v.verdict;
  if (verdict === 'fails' && v.difference !== null) {
    if (r.op === 'ge' && v.difference > 0) verdict = 'holds';
    if (r.op === 'le' && v.difference < 0) verdict = 'holds';
  }
  if (verdict === 'rounding' && (r.op === 'ge' || r.op === 'le')) verdict = 'holds';
  // d: the most decimals printed; shown: the 万元 side's when a relation spans units (as in `evaluate`)
  let d = decimalsOf(r.target.amount);
  let unscaledN = r.target.scaleDecimals ? 0 : 1;
  let unscaledD = r.target.scaleDecimals ? 0 : d;
  for (const p of r.parts) {
    const pd = decimalsOf(p.amount);
    if (pd > d) d = pd;
    if (!p.scaleDecimals) {
      unscaledN++;
      if (pd > unscaledD) unscaledD = pd;
    }
  }
  const shown = unscaledN > 0 && unscaledN < r.parts.length + 1 ? unscaledD : d;
  const s = v.scale;
  let difference: string | null = null;
  if (v.difference !== null) {
    const diffShown = hasAtMostDecimals(v.difference, s, shown) ? shown : d;
    difference = trimZeros(fixedOf(v.difference, s, diffShown), shown);
  }
  return evaluated(
    r,
    verdict,
    fixedOf(v.expected, s, shown),
    v.actual === null ? null : fixedOf(v.actual, s, shown),
    difference,
    fixedOf(v.allowance, s + 1, Math.max(d + 1, 3)).replace(/0+$/, '').replace(/\.$/, ''),
  );
}

/**
 * The relation with its evaluation, fields in the order `{ ...r, verdict, … }` would give them (a relation carries
 * exactly the Relation fields), built directly: an object spread per relation is many times slower.
 */
function evaluated(
  r: Relation,
  verdict: EvaluatedRelation['verdict'],
  expected: string | null,
  actual: string | null,
  difference: string | null,
  allowance: string,
): EvaluatedRelation {
  return { rule: r.rule, target: r.target, parts: r.parts, op: r.op, soft: r.soft, describe: r.describe, verdict, expected, actual, difference, allowance };
}

/** Evaluate one relation. */
export function evaluate(r: Relation): EvaluatedRelation {
  let v: SumVerdict;
  const single = r.op === 'same' && r.parts.length === 1 && r.parts[0].weight === 1;
  if (!single) {
    const fast = evaluateScaled(r);
    if (fast) return fast;
  }
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
  const all = [r.target, ...r.parts];
  const maxDecimals = (ts: Term[]) => ts.reduce((m, p) => Math.max(m, decimalsOf(p.amount)), 0);
  const d = maxDecimals(all);
  // a relation across units is evaluated in 万元; show it at the precision the 万元 side prints
  const unscaled = all.filter((p) => !p.scaleDecimals);
  const shown = unscaled.length > 0 && unscaled.length < all.length ? maxDecimals(unscaled) : d;
  const diffShown = v.difference && !v.difference.toDecimalPlaces(shown).eq(v.difference) ? d : shown;
  return evaluated(
    r,
    verdict,
    fmt(v.expected, shown),
    fmt(v.actual, shown),
    v.difference === null ? null : trimZeros(v.difference.toFixed(diffShown), shown),
    v.allowance.toFixed(Math.max(d + 1, 3)).replace(/0+$/, '').replace(/\.$/, ''),
  );
}

const cellKey = (t: Term) => `${t.ref.sheet}!${t.ref.cell}`;

function relationKey(r: Relation): string {
  const parts = r.parts.map((p) => `${p.weight}*${cellKey(p)}`).sort();
  return `${r.op}|${cellKey(r.target)}|${parts.join(',')}`;
}

const OPS: Relation['op'][] = ['eq', 'ge', 'le', 'same'];

/** Remove duplicate relations (a declared formula and its template twin): the first one, declared, is kept. */
export function dedupe(relations: Relation[]): Relation[] {
  // bucket by op and target first; the full key (sorted parts) is built only when a bucket already holds a relation
  // (a term's ref.cell is the A1 form of its row and col: a numeric key per sheet stands for "op|sheet!cell")
  const buckets = new Map<string, Map<number | string, Array<{ r: Relation; key?: string }>>>();
  const out: Relation[] = [];
  for (const r of relations) {
    const t = r.target;
    let bySheet = buckets.get(t.ref.sheet);
    if (!bySheet) {
      bySheet = new Map();
      buckets.set(t.ref.sheet, bySheet);
    }
    const op = OPS.indexOf(r.op);
    const head =
      op >= 0 && Number.isSafeInteger(t.row) && t.row > 0 && t.row < 2 ** 30 && Number.isInteger(t.col) && t.col >= 1 && t.col <= 16384
        ? (t.row * 16384 + t.col - 1) * 4 + op
        : `${r.op}|${t.ref.cell}`;
    const bucket = bySheet.get(head);
    if (!bucket) {
      bySheet.set(head, [{ r }]);
      out.push(r);
      continue;
    }
    const k = relationKey(r);
    let dup = false;
    for (const b of bucket) {
      b.key ??= relationKey(b.r);
      if (b.key === k) {
        dup = true;
        break;
      }
    }
    if (dup) continue;
    bucket.push({ r, key: k });
    out.push(r);
  }
  return out;
}

// —— findings ————————————————————————————————————————————————————————————————————————

/** "129681094.00" → "129,681,094.00" for messages (the JSON keeps plain decimal strings). */
function grouped(v: unknown): unknown {
  if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v)) return v;
  return formatAmount(exact(v), v.split('.')[1]?.length ?? 0, { thousands: true });
}

function render(lang: Lang, key: string, params: Record<string, unknown>): string {
  params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, grouped(v)]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (t as any)(ruleMessages, lang, key, params);
}

function suspectOf(c: BlameCandidate | undefined, lang: Lang): Suspect | undefined {
  if (!c) return undefined;
  const s: Suspect = { sheet: c.term.ref.sheet, cell: c.term.ref.cell, reason: '' };
  if (c.proposed) s.proposed = c.proposed.toFixed(c.decimals);
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
  if (r.verdict === 'holds' || r.verdict === 'vacuous') return undefined;
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
    if (rule.then.fn !== 'tie' || !applies(ctx, rule)) continue;
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

/** Every relation of every rule as an object, de-duplicated and evaluated (the reference path). */
function referenceRelations(ctx: RuleContext, rules: RuleDef[]): { relations: EvaluatedRelation[]; gaps: Gap[] } {
  const generated: Relation[] = [];
  const gaps: Gap[] = [];
  for (const rule of rules) {
    const g = generate(ctx, rule);
    // (no spread: a very large workbook yields more relations than a call may take arguments)
    for (const r of g.relations) generated.push(r);
    for (const x of g.gaps) gaps.push(x);
  }
  return { relations: dedupe(generated).map(evaluate), gaps };
}

/**
 * Runs the rules. By default the lean engine (./lean) evaluates the sums that hold without building them as objects;
 * `relations` is then built on first access, by the reference path (only the chat's context, the benchmarks and tests
 * read it). A workbook whose addresses the lean engine cannot pack runs the reference path.
 */
export function runEngine(workbook: Workbook, tables: RecognisedTable[], options: CheckOptions): EngineResult {
  const lang = options.lang ?? 'zh-CN';
  const ctx = new RuleContext(workbook, tables);
  const rules = options.packs.flatMap((p) => p.rules);
  if (!options.reference) {
    let lean: LeanRun | undefined;
    try {
      lean = runLean(ctx, rules, evaluate);
    } catch (e) {
      if (!(e instanceof Unpackable)) throw e;
    }
    if (lean) {
      const { findings, summary } = findingsOf(ctx, rules, lean.relations, lean.gaps, blame(lean.forBlame(), evaluate), lean.passed, lang);
      const result = { findings } as EngineResult;
      let all: EvaluatedRelation[] | undefined;
      Object.defineProperty(result, 'relations', {
        enumerable: true,
        configurable: true,
        get: () => (all ??= referenceRelations(ctx, rules).relations),
        set: (v: EvaluatedRelation[]) => {
          all = v;
        },
      });
      result.summary = summary;
      return result;
    }
  }
  const { relations, gaps } = referenceRelations(ctx, rules);
  const passed = relations.filter((r) => r.verdict === 'holds' || r.verdict === 'vacuous' || r.verdict === 'rounding').length;
  const { findings, summary } = findingsOf(ctx, rules, relations, gaps, blame(relations, evaluate), passed, lang);
  return { findings, relations, summary };
}

/**
 * Findings and summary from the evaluated relations: every relation (reference path), or the lean engine's relations
 * built as objects — every tie and every relation that does not hold — since a relation that holds has no finding.
 * `passed` counts all relations that hold, vacuously or within rounding.
 */
function findingsOf(
  ctx: RuleContext,
  rules: RuleDef[],
  relations: EvaluatedRelation[],
  gaps: Gap[],
  blamed: Map<EvaluatedRelation, BlameCandidate>,
  passed: number,
  lang: Lang,
): { findings: Finding[]; summary: CheckSummary } {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
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
  // rules that report findings of their own: unreadable note formulas, unit labels contradicted by the ties (these read
  // the ties and the failing relations, which the lean engine's objects include)
  findings.push(...directFindings(ctx, rules, relations, lang));
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
    passed,
    cannotEvaluate: findings.filter((f) => f.status === 'cannot-evaluate').length,
  };
  return { findings, summary };
}
