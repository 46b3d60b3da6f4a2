/**
 * Checks of the performance self-evaluation forms (绩效自评表, domain §4.7 E-1 … E-4), for the rules of the
 * performance pack (../packs/performance.ts). The forms are read by meaning (RecognisedTable.performance, see
 * src/model/performance.ts), so these checks report findings of their own instead of sum relations; each also reports
 * the checks it made (`checks`, with their verdicts) so that a passing check is visible and counted.
 *
 * Rounding. A rate, a score or a sum is checked with the interval arithmetic of ../../arith/interval, at the precision
 * of the form: these forms print their amounts without trailing zeros (“6.7” and “6.43” in one line, “826” beside
 * “824.57”; the cells are General-formatted), so an amount is read to the most decimals any amount of its line prints
 * (6.7 as 6.70) and a score to the most decimals the scores of the relation print (an assigned 2 分 is exact, not
 * 1.5–2.5). A rate that is consistent only under the looser printed precision (6.43 ÷ 6.7 = 95.2–96.8 %, but 6.43 ÷
 * 6.70 = 95.97 %) is a warning, not an error: it holds only if the shorter figure was itself rounded.
 */
import Decimal from 'decimal.js';
import { formatAmount, type Amount } from '../../amount/parse';
import { exact } from '../../arith/decimal';
import { checkPercent, checkSum, intervalOf, roundHalfUp } from '../../arith/interval';
import { formAmount, primaryFund } from '../../facts/performance';
import { t, type Lang } from '../../i18n';
import { a1, type CellRef } from '../../model/address';
import type { FundMeasure, PerformanceForm, PerformanceFundRow } from '../../model/performance';
import type { RecognisedTable, TableCell } from '../../model/table';
import type { RuleContext } from '../context';
import { performanceMessages } from '../performance-messages';
import type { Finding, RuleDef, Severity, Verdict } from '../types';

/** What a performance rule checks (CheckSpec members, see ../types). */
export type PerformanceCheckSpec =
  /** every funding line: 执行率 = 执行数 / 预算数 (E-1) */
  | { fn: 'performanceRate' }
  /** the execution score 得分 = 分值 × 执行率, capped at 分值, where the form declares it (E-3) */
  | { fn: 'performanceScore' }
  /** 总分 = execution score + Σ indicator scores, where printed (E-4) */
  | { fn: 'performanceTotal' }
  /** Σ indicator scores of a block ≤ the maximum its label prints (E-4) */
  | { fn: 'performanceBlocks' }
  /** the total funding line = Σ its sources, per budget and actual column (E-2) */
  | { fn: 'performanceFunds' }
  /** 整体: 基本支出总额 + 项目支出总额 = 部门整体支出 执行数 */
  | { fn: 'performanceSplit' };

export const PERFORMANCE_FUNCTIONS = new Set<string>([
  'performanceRate',
  'performanceScore',
  'performanceTotal',
  'performanceBlocks',
  'performanceFunds',
  'performanceSplit',
]);

/** A check made, with its verdict (holds, rounding, vacuous, fails, cannot) and the cell it is about. */
export interface DirectCheck {
  rule: string;
  verdict: Verdict;
  location: CellRef;
}

export interface PerformanceResult {
  findings: Finding[];
  checks: DirectCheck[];
}

const HUNDRED = exact(100);

interface Ctx {
  ctx: RuleContext;
  rule: RuleDef;
  table: RecognisedTable;
  form: PerformanceForm;
  lang: Lang;
  out: PerformanceResult;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const msg = (lang: Lang, key: string, params?: Record<string, unknown>) => (t as any)(performanceMessages, lang, key, params) as string;

function formName(table: RecognisedTable, form: PerformanceForm, lang: Lang): string {
  if (form.scope === 'overall') return lang === 'zh-CN' ? '部门整体绩效自评表' : 'Department self-evaluation';
  const name = form.name ?? table.title;
  return lang === 'zh-CN' ? `项目绩效自评表（${name}）` : `Project self-evaluation (${name})`;
}

const refOf = (table: RecognisedTable, c: TableCell): CellRef => ({ sheet: table.sheet, cell: a1(c.row, c.col) });

function amount(x: Ctx, c: TableCell | null | undefined): Amount {
  if (!c) return { kind: 'blank', value: null, decimals: 0, raw: '' };
  return formAmount(x.ctx, x.table.sheet, c);
}

const numeric = (a: Amount) => (a.kind === 'number' || a.kind === 'percent') && a.value !== null;
const valueOf = (a: Amount) => (numeric(a) ? exact(a.value!) : exact(0));
/** the amount read at `d` decimals when it prints fewer (a General cell drops trailing zeros) */
const padded = (a: Amount, d: number): Amount => (a.kind === 'number' && a.decimals < d ? { ...a, decimals: d } : a);
const show = (v: Decimal, d: number) => formatAmount(v, Math.max(0, d));

function record(x: Ctx, verdict: Verdict, at: TableCell | CellRef): void {
  const location = 'sheet' in at ? at : refOf(x.table, at);
  x.out.checks.push({ rule: x.rule.id, verdict, location });
}

function report(x: Ctx, severity: Severity, at: TableCell, cells: Array<TableCell | null | undefined>, message: string, extra: Partial<Finding> = {}): void {
  const location = refOf(x.table, at);
  const verdict: Verdict = extra.status === 'cannot-evaluate' ? 'cannot' : 'fails';
  x.out.findings.push({
    id: '',
    rule: x.rule.id,
    severity,
    status: 'fail',
    verdict,
    message,
    location,
    cells: [location, ...cells.filter((c): c is TableCell => !!c && (c.row !== at.row || c.col !== at.col)).map((c) => refOf(x.table, c))],
    table: x.table.id,
    ...extra,
  });
  record(x, verdict, location);
}

// ── E-1 执行率 = B / A ─────────────────────────────────────────────────────────────────────────────────────────────

/** A rate cell as a percentage: “97.31%”, or a bare 0 (printed for an unused line); other bare numbers as points. */
function rateOf(a: Amount): Amount | undefined {
  if (a.kind === 'percent') return a;
  if (a.kind === 'number' && a.value) return { ...a, kind: 'percent' };
  return undefined;
}

function checkRate(x: Ctx, f: PerformanceFundRow): void {
  const rc = f.cells.rate;
  if (!rc) return;
  const rate = rateOf(amount(x, rc));
  if (!rate) return; // blank, “—”, text
  const budgetCell = f.cells.budget ?? f.cells.initialBudget;
  const A = amount(x, budgetCell);
  const B = amount(x, f.cells.actual);
  if (!numeric(A) && A.kind !== 'blank') return;
  if (!numeric(B) && B.kind !== 'blank') return;
  const name = formName(x.table, x.form, x.lang);
  const line = f.label.replace(/[:：]$/, '');
  const a = valueOf(A);
  const b = valueOf(B);
  if (a.isZero()) {
    // an unused line prints 0 (or 0.00%) over 0 / 0: nothing to say; any other figure is a ratio on a zero base
    if (b.isZero() && rate.value!.isZero()) return record(x, 'vacuous', rc);
    return report(x, 'error', rc, [budgetCell, f.cells.actual], msg(x.lang, 'rate-zero-base', { form: name, line, printed: rate.raw, actual: B.raw || '0' }));
  }
  const d = Math.max(A.kind === 'number' ? A.decimals : 0, B.kind === 'number' ? B.decimals : 0);
  const strict = checkPercent(rate, B, A);
  const tight = checkPercent(rate, padded(B, d), padded(A, d));
  const params = {
    form: name,
    line,
    actual: B.raw || '0',
    budget: A.raw,
    exact: tight.exact ? show(tight.exact, Math.max(rate.decimals + 2, 4)) : '',
    expected: tight.expected ? show(tight.expected, rate.decimals) : '',
    printed: rc.text,
  };
  const extra = { expected: params.expected, actual: rate.value!.toFixed(Math.max(0, rate.decimals)) };
  if (tight.verdict === 'holds') return record(x, 'holds', rc);
  if (strict.verdict === 'fails') return report(x, 'error', rc, [budgetCell, f.cells.actual], msg(x.lang, 'rate-fails', params), extra);
  if (tight.verdict === 'fails') return report(x, 'warning', rc, [budgetCell, f.cells.actual], msg(x.lang, 'rate-precision', params), extra);
  if (tight.truncated) return report(x, 'warning', rc, [budgetCell, f.cells.actual], msg(x.lang, 'rate-truncated', params), extra);
  record(x, 'rounding', rc);
}

// ── E-3 得分 = 分值 × 执行率 ──────────────────────────────────────────────────────────────────────────────────────

function checkScore(x: Ctx, f: PerformanceFundRow, primary: boolean): void {
  const sc = f.cells.score;
  if (!sc || !x.form.execution?.formula) return;
  const score = amount(x, sc);
  if (score.kind !== 'number') return;
  const wc = f.cells.weight;
  const wa = wc ? amount(x, wc) : undefined;
  const weight = wa && wa.kind === 'number' && wa.value ? exact(wa.value) : primary && x.form.execution.weight ? exact(x.form.execution.weight) : undefined;
  if (!weight) return;
  const rc = f.cells.rate;
  const rate = rc ? rateOf(amount(x, rc)) : undefined;
  if (!rate) return;
  const name = formName(x.table, x.form, x.lang);
  const line = f.label.replace(/[:：]$/, '');
  const s = exact(score.value!);
  if (s.gt(weight)) {
    return report(x, 'error', sc, [wc, rc], msg(x.lang, 'score-over', { form: name, line, weight: show(weight, 0), printed: sc.text }), { expected: weight.toFixed(), actual: s.toFixed() });
  }
  // the weight is a definition (exact); the rate stands for its rounding interval; the score for its own
  const r = intervalOf(rate)!;
  const cap = (v: Decimal) => Decimal.min(weight, weight.times(v).div(HUNDRED));
  const lo = cap(r.lo);
  const hi = cap(r.hi);
  const si = intervalOf(score)!;
  const expected = roundHalfUp(cap(exact(rate.value!)), Math.max(score.decimals, 2));
  if (roundHalfUp(cap(exact(rate.value!)), score.decimals).eq(s)) return record(x, 'holds', sc);
  if (lo.lte(si.hi) && si.lo.lte(hi)) return record(x, 'rounding', sc);
  report(
    x,
    'error',
    sc,
    [wc, rc],
    msg(x.lang, 'score-fails', { form: name, line, weight: show(weight, 0), rate: rc!.text, expected: show(expected, Math.max(score.decimals, 2)), printed: sc.text }),
    { expected: expected.toFixed(), actual: s.toFixed() },
  );
}

// ── E-4 总分 = 执行得分 + Σ 指标得分; Σ block ≤ its maximum ────────────────────────────────────────────────────────

function checkTotal(x: Ctx): void {
  const total = x.form.total?.score;
  if (!total) return;
  const T = amount(x, total);
  if (T.kind !== 'number') return;
  const main = primaryFund(x.form);
  const scores = x.form.indicators.map((i) => i.score).filter((c): c is TableCell => !!c && numeric(amount(x, c)));
  const name = formName(x.table, x.form, x.lang);
  if (scores.length === 0) {
    // only the execution score and the total are printed (seed 000's 整体 and 医疗救助经费 forms): nothing to add up
    return report(x, 'info', total, [], msg(x.lang, 'total-cannot', { form: name }), { status: 'cannot-evaluate', verdict: 'cannot' });
  }
  const parts: TableCell[] = [...(main?.cells.score ? [main.cells.score] : []), ...scores];
  const amounts = parts.map((c) => amount(x, c));
  const d = Math.max(T.decimals, ...amounts.map((a) => (a.kind === 'number' ? a.decimals : 0)));
  const v = checkSum(padded(T, d), amounts.map((a) => ({ amount: padded(a, d), weight: 1 })));
  if (v.verdict === 'holds' || v.verdict === 'rounding' || v.verdict === 'vacuous') return record(x, v.verdict, total);
  if (v.verdict === 'cannot') return record(x, 'cannot', total);
  report(
    x,
    'error',
    total,
    parts,
    msg(x.lang, 'total-fails', { form: name, expected: show(v.expected!, d), printed: total.text, count: scores.length, difference: show(v.difference!, d) }),
    { expected: v.expected!.toFixed(d), actual: v.actual!.toFixed(d), difference: v.difference!.toFixed(d) },
  );
}

function checkBlocks(x: Ctx): void {
  const byRow = new Map(x.form.indicators.map((i) => [i.row, i]));
  const name = formName(x.table, x.form, x.lang);
  for (const b of x.form.blocks) {
    const scores = b.rows.map((r) => byRow.get(r)?.score).filter((c): c is TableCell => !!c && numeric(amount(x, c)));
    if (scores.length === 0) continue;
    const sum = scores.reduce((s, c) => s.plus(valueOf(amount(x, c))), exact(0));
    const max = exact(b.max);
    const at: TableCell = { row: b.cell.row, col: b.cell.col, text: b.label };
    if (sum.lte(max)) {
      record(x, 'holds', at);
      continue;
    }
    const d = Math.max(...scores.map((c) => amount(x, c).decimals), 0);
    report(x, 'error', at, scores, msg(x.lang, 'block-fails', { form: name, block: b.label, max: b.max, sum: show(sum, d), count: scores.length }), {
      expected: `≤ ${b.max}`,
      actual: sum.toFixed(d),
    });
  }
}

// ── E-2 年度资金总额 = Σ 资金来源 ─────────────────────────────────────────────────────────────────────────────────

const SOURCE_KEYS = new Set(['current', 'carry-over', 'other', 'central', 'local', 'source']);

function checkFunds(x: Ctx): void {
  const totals = x.form.funds.filter((f) => f.key === 'total' || f.key === 'sum');
  const sources = x.form.funds.filter((f) => SOURCE_KEYS.has(f.key));
  if (totals.length === 0 || sources.length === 0) return;
  const name = formName(x.table, x.form, x.lang);
  for (const total of totals) {
    const line = total.label.replace(/[:：]$/, '');
    const measures = (['initialBudget', 'budget', 'actual'] as FundMeasure[]).filter((m) => m in total.cells);
    const printedSources = measures.filter((m) => sources.some((s) => numeric(amount(x, s.cells[m]))));
    const blankTotal = measures.every((m) => !numeric(amount(x, total.cells[m])));
    if (blankTotal) {
      // a 合计 printed empty under sources that print figures: one “total missing” for the line
      const nonzero = printedSources.filter((m) => sources.some((s) => !valueOf(amount(x, s.cells[m])).isZero()));
      if (nonzero.length === 0) continue;
      const at = labelCell(x, total);
      report(x, 'warning', at, [], msg(x.lang, 'funds-missing', { form: name, line, measures: nonzero.map((m) => msg(x.lang, `measure.${m}`)).join(x.lang === 'zh-CN' ? '、' : ', ') }), {
        status: 'cannot-evaluate',
        verdict: 'cannot',
      });
      continue;
    }
    for (const m of printedSources) {
      const tc = total.cells[m];
      const T = amount(x, tc);
      if (!tc) continue;
      const parts = sources.map((s) => amount(x, s.cells[m]));
      const d = Math.max(T.kind === 'number' ? T.decimals : 0, ...parts.map((a) => (a.kind === 'number' ? a.decimals : 0)));
      const v = checkSum(padded(T, d), parts.map((a) => ({ amount: padded(a, d), weight: 1 })));
      if (v.verdict !== 'fails') {
        record(x, v.verdict, tc);
        continue;
      }
      report(
        x,
        'error',
        tc,
        sources.map((s) => s.cells[m]),
        msg(x.lang, 'funds-fails', { form: name, line, measure: msg(x.lang, `measure.${m}`), expected: show(v.expected!, d), printed: tc.text, difference: show(v.difference!, d) }),
        { expected: v.expected!.toFixed(d), actual: v.actual!.toFixed(d), difference: v.difference!.toFixed(d) },
      );
    }
  }
}

/** The cell that prints a funding line's label (for a finding about the whole line). */
function labelCell(x: Ctx, f: PerformanceFundRow): TableCell {
  const part = x.table.parts[0];
  const row = part.rows.find((r) => r.row === f.row);
  return { row: f.row, col: row ? part.labelCol : x.table.area.left, text: f.label };
}

// ── 整体: 基本支出总额 + 项目支出总额 = 执行数 ─────────────────────────────────────────────────────────────────────

function checkSplit(x: Ctx): void {
  const { basicTotal, projectTotal } = x.form;
  const main = primaryFund(x.form);
  const ac = main?.cells.actual;
  if (x.form.scope !== 'overall' || !basicTotal || !projectTotal || !ac) return;
  const [B, P, A] = [amount(x, basicTotal), amount(x, projectTotal), amount(x, ac)];
  if (!numeric(B) || !numeric(P) || !numeric(A)) return;
  const d = Math.max(A.decimals, B.decimals, P.decimals);
  const v = checkSum(padded(A, d), [
    { amount: padded(B, d), weight: 1 },
    { amount: padded(P, d), weight: 1 },
  ]);
  if (v.verdict !== 'fails') return record(x, v.verdict, ac);
  report(
    x,
    x.rule.soft ? 'warning' : x.rule.severity,
    ac,
    [basicTotal, projectTotal],
    msg(x.lang, 'split-fails', { form: formName(x.table, x.form, x.lang), basic: basicTotal.text, project: projectTotal.text, expected: show(v.expected!, d), printed: ac.text }),
    { expected: v.expected!.toFixed(d), actual: v.actual!.toFixed(d), difference: v.difference!.toFixed(d) },
  );
}

/** Run the performance rules among `rules` over the workbook's forms. */
export function performanceChecks(ctx: RuleContext, rules: RuleDef[], lang: Lang): PerformanceResult {
  const out: PerformanceResult = { findings: [], checks: [] };
  for (const rule of rules) {
    if (!PERFORMANCE_FUNCTIONS.has(rule.then.fn)) continue;
    if (!(rule.given.requires ?? []).every((k) => ctx.tablesOf(k).length > 0)) continue;
    for (const table of ctx.tablesOf(rule.given.kinds)) {
      const form = table.performance;
      if (!form) continue;
      const x: Ctx = { ctx, rule, table, form, lang, out };
      const main = primaryFund(form);
      switch (rule.then.fn as PerformanceCheckSpec['fn']) {
        case 'performanceRate':
          for (const f of form.funds) checkRate(x, f);
          break;
        case 'performanceScore':
          for (const f of form.funds) checkScore(x, f, f === main);
          break;
        case 'performanceTotal':
          checkTotal(x);
          break;
        case 'performanceBlocks':
          checkBlocks(x);
          break;
        case 'performanceFunds':
          checkFunds(x);
          break;
        case 'performanceSplit':
          checkSplit(x);
          break;
      }
    }
  }
  const ids = new Map<string, number>();
  for (const f of out.findings) {
    const base = `${f.rule}@${f.location.sheet}!${f.location.cell}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    f.id = n === 1 ? base : `${base}#${n}`;
  }
  return out;
}
