/**
 * Rounding-aware interval arithmetic, XBRL Calculations 1.1 style (domain primer §5.2–5.6).
 *
 * A value printed with d decimals stands for the closed interval [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a blank cell is the exact
 * point 0. A summation `total = Σ weight·part` is consistent iff the interval of the weighted sum meets the total's
 * interval. The same quantity printed twice is checked with half-open intervals (the values half-up rounding maps to a
 * printed figure), so 1,234.56 vs 1,234.57 fails while 1234.6 vs 1,234.56 is consistent. All arithmetic is exact
 * decimal (see ./decimal), never binary floating point.
 */
import Decimal from 'decimal.js';
import { halfUnit, type Amount } from '../amount/parse';
import { exact } from './decimal';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

const ZERO = exact(0);
const HUNDRED = exact(100);

export function point(v: Decimal): Interval {
  const x = exact(v);
  return { lo: x, hi: x };
}

/** number/percent: [v − ½u, v + ½u]; blank → the point 0; na/text → null. */
export function intervalOf(a: Amount): Interval | null {
  if (a.kind === 'blank') return point(ZERO);
  if ((a.kind === 'number' || a.kind === 'percent') && a.value) {
    const v = exact(a.value);
    const h = halfUnit(a.decimals);
    return { lo: v.minus(h), hi: v.plus(h) };
  }
  return null;
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: exact(a.lo).plus(b.lo), hi: exact(a.hi).plus(b.hi) };
}

/** Multiply by k; a negative k swaps the bounds. */
export function scale(a: Interval, k: Decimal): Interval {
  const x = exact(a.lo).times(k);
  const y = exact(a.hi).times(k);
  return k.isNegative() ? { lo: y, hi: x } : { lo: x, hi: y };
}

/** Σ of intervals; the empty sum is the point 0. */
export function sum(xs: Interval[]): Interval {
  return xs.reduce(add, point(ZERO));
}

/** Σ weight·interval, weights ±1 (any integer works). */
export function weightedSum(terms: Array<{ iv: Interval; weight: number }>): Interval {
  return sum(terms.map((t) => scale(t.iv, exact(t.weight))));
}

/** Closed intervals intersect (touching counts). */
export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const lo = Decimal.max(a.lo, b.lo);
  const hi = Decimal.min(a.hi, b.hi);
  return lo.lte(hi) ? { lo: exact(lo), hi: exact(hi) } : null;
}

/** a / b over intervals (any signs); null when b contains 0. */
export function ratio(a: Interval, b: Interval): Interval | null {
  if (b.lo.lte(0) && b.hi.gte(0)) return null;
  const c = [exact(a.lo).div(b.lo), exact(a.lo).div(b.hi), exact(a.hi).div(b.lo), exact(a.hi).div(b.hi)];
  return { lo: Decimal.min(...c), hi: Decimal.max(...c) };
}

/** Round half-up (ties away from zero, as Excel's ROUND) to the given decimals; negative decimals round to 10, 100, … */
export function roundHalfUp(v: Decimal, decimals: number): Decimal {
  const d = Number.isFinite(decimals) ? Math.trunc(decimals) : 0;
  const x = exact(v);
  if (d >= 0) return x.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  return x.times(`1e${d}`).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(`1e${-d}`);
}

/** Truncate toward zero to the given decimals. */
function truncate(v: Decimal, decimals: number): Decimal {
  const d = Number.isFinite(decimals) ? Math.trunc(decimals) : 0;
  const x = exact(v);
  if (d >= 0) return x.toDecimalPlaces(d, Decimal.ROUND_DOWN);
  return x.times(`1e${d}`).toDecimalPlaces(0, Decimal.ROUND_DOWN).times(`1e${-d}`);
}

/**
 * Verdict of a summation or an identity (domain §4.1):
 * - holds: exact at the printed values;
 * - rounding: not exact, but consistent under the interval model;
 * - fails: inconsistent beyond rounding;
 * - vacuous: every amount involved is blank or zero;
 * - cannot: a needed figure is missing (blank/na total) or unreadable (text).
 */
export interface SumVerdict {
  verdict: 'holds' | 'rounding' | 'fails' | 'vacuous' | 'cannot';
  /** checkSum: the printed Σ weight·part; checkSame: the first value. null when it cannot be computed */
  expected: Decimal | null;
  /** checkSum: the printed total; checkSame: the second value. null when missing */
  actual: Decimal | null;
  /** actual − expected, exact; null when either is null */
  difference: Decimal | null;
  /** the largest |difference| rounding can explain: Σ of the half-widths involved (total's and every part's) */
  allowance: Decimal;
}

function isNumeric(a: Amount): boolean {
  return (a.kind === 'number' || a.kind === 'percent') && a.value !== null;
}

function isBlankOrZero(a: Amount): boolean {
  return a.kind === 'blank' || (isNumeric(a) && a.value!.isZero());
}

/** Value and half-width of an amount inside a sum: blank and na count as an exact 0; text is unreadable (null). */
function contribution(a: Amount): { value: Decimal; half: Decimal } | null {
  if (a.kind === 'blank' || a.kind === 'na') return { value: ZERO, half: ZERO };
  if (isNumeric(a)) return { value: exact(a.value!), half: halfUnit(a.decimals) };
  return null;
}

/**
 * total = Σ weight·part. Blank parts (and na parts, cells that do not exist for the row) count as 0. Order of tests:
 * vacuous (total blank/zero and every part blank/na/zero), then cannot (total blank/na/text: "total missing"; or a part
 * that is text, or a non-finite weight), then holds / rounding / fails.
 */
export function checkSum(total: Amount, parts: Array<{ amount: Amount; weight: number }>): SumVerdict {
  let expected: Decimal | null = ZERO;
  let partsHalf = ZERO;
  for (const p of parts) {
    const c = Number.isFinite(p.weight) ? contribution(p.amount) : null;
    if (!c) {
      expected = null;
      break;
    }
    const w = exact(p.weight);
    expected = expected.plus(c.value.times(w));
    partsHalf = partsHalf.plus(c.half.times(w.abs()));
  }
  const totalHalf = isNumeric(total) ? halfUnit(total.decimals) : ZERO;
  const allowance = partsHalf.plus(totalHalf);

  if (isBlankOrZero(total) && parts.every((p) => isBlankOrZero(p.amount) || p.amount.kind === 'na')) {
    return { verdict: 'vacuous', expected: ZERO, actual: total.kind === 'blank' ? null : ZERO, difference: ZERO, allowance };
  }
  if (!isNumeric(total) || expected === null) {
    return { verdict: 'cannot', expected, actual: isNumeric(total) ? exact(total.value!) : null, difference: null, allowance };
  }
  const exp: Decimal = expected;
  const actual = exact(total.value!);
  const difference = actual.minus(exp);
  const sumIv: Interval = { lo: exp.minus(partsHalf), hi: exp.plus(partsHalf) };
  const totalIv = intervalOf(total)!;
  const verdict = difference.isZero() ? 'holds' : meets(sumIv, totalIv) ? 'rounding' : 'fails';
  return { verdict, expected: exp, actual, difference, allowance };
}

/** The values half-up rounding maps to a printed figure: [v−h, v+h) above 0, (v−h, v+h] below, (−h, h) at 0. */
interface HalfOpen {
  lo: Decimal;
  hi: Decimal;
  loOpen: boolean;
  hiOpen: boolean;
}

function halfOpenOf(a: Amount): HalfOpen | null {
  if (a.kind === 'blank') return { lo: ZERO, hi: ZERO, loOpen: false, hiOpen: false };
  if (!isNumeric(a)) return null;
  const v = exact(a.value!);
  const h = halfUnit(a.decimals);
  const s = v.isZero() ? 0 : v.isNegative() ? -1 : 1;
  return { lo: v.minus(h), hi: v.plus(h), loOpen: s <= 0, hiOpen: s >= 0 };
}

function halfOpenMeet(a: HalfOpen, b: HalfOpen): boolean {
  const c = a.lo.comparedTo(b.lo);
  const lo = c >= 0 ? a.lo : b.lo;
  const loOpen = c > 0 ? a.loOpen : c < 0 ? b.loOpen : a.loOpen || b.loOpen;
  const d = a.hi.comparedTo(b.hi);
  const hi = d <= 0 ? a.hi : b.hi;
  const hiOpen = d < 0 ? a.hiOpen : d > 0 ? b.hiOpen : a.hiOpen || b.hiOpen;
  const e = lo.comparedTo(hi);
  return e < 0 || (e === 0 && !loOpen && !hiOpen);
}

/**
 * The same quantity printed twice (domain §5.3). Half-open intervals: two values at the same precision that differ by
 * one unit fail; a lower-precision restatement that rounds consistently is 'rounding'; equal values hold. Blank counts
 * as an exact 0; both blank/zero → vacuous; na/text → cannot.
 */
export function checkSame(a: Amount, b: Amount): SumVerdict {
  const ia = halfOpenOf(a);
  const ib = halfOpenOf(b);
  const ha = isNumeric(a) ? halfUnit(a.decimals) : ZERO;
  const hb = isNumeric(b) ? halfUnit(b.decimals) : ZERO;
  const allowance = ha.plus(hb);
  const va = ia ? (a.kind === 'blank' ? ZERO : exact(a.value!)) : null;
  const vb = ib ? (b.kind === 'blank' ? ZERO : exact(b.value!)) : null;
  if (!ia || !ib || va === null || vb === null) {
    return { verdict: 'cannot', expected: va, actual: vb, difference: null, allowance };
  }
  const difference = vb.minus(va);
  if (isBlankOrZero(a) && isBlankOrZero(b)) {
    return { verdict: 'vacuous', expected: va, actual: vb, difference, allowance };
  }
  const verdict = difference.isZero() ? 'holds' : halfOpenMeet(ia, ib) ? 'rounding' : 'fails';
  return { verdict, expected: va, actual: vb, difference, allowance };
}

export interface PercentVerdict {
  /**
   * holds: the exact ratio rounded half-up to the printed decimals equals the printed percentage;
   * rounding: not exact, but the printed percentage's interval meets the ratio of the inputs' intervals (the author
   *   probably used unrounded inputs), or only truncation explains it (then `truncated` is set: report as a warning);
   * fails: inconsistent beyond rounding;
   * undefined: the base is zero (growth from 0, execution rate against a 0 budget, 0/0): a ratio printed as a number
   *   where none exists (domain §5.6);
   * cannot: the percentage or an input is missing or unreadable.
   */
  verdict: 'holds' | 'rounding' | 'fails' | 'undefined' | 'cannot';
  /** 100·a/b at the printed inputs, exact to 100 significant digits; null when not computable */
  exact: Decimal | null;
  /** exact rounded half-up to the printed percentage's decimals */
  expected: Decimal | null;
  /** the printed percentage */
  actual: Decimal | null;
  /** actual − expected */
  difference: Decimal | null;
  /** 100·[a]/[b] from the inputs' intervals */
  range: Interval | null;
  /** the printed percentage equals the exact ratio truncated (not rounded) to its decimals, e.g. 99.87 for 99.875 */
  truncated: boolean;
}

/** Value of an input of a ratio: blank is an exact 0; na/text unreadable (null). */
function ratioInput(a: Amount): Decimal | null {
  if (a.kind === 'blank') return ZERO;
  return isNumeric(a) ? exact(a.value!) : null;
}

/**
 * A percentage p (kind percent, or a number holding percentage points) printed for 100·a/b (domain §5.5–5.6).
 * Never divides by zero: a zero base is 'undefined'.
 */
export function checkPercent(p: Amount, a: Amount, b: Amount): PercentVerdict {
  const actual = isNumeric(p) ? exact(p.value!) : null;
  const va = ratioInput(a);
  const vb = ratioInput(b);
  const none = { exact: null, expected: null, difference: null, range: null, truncated: false };
  if (actual === null || va === null || vb === null) return { verdict: 'cannot', actual, ...none };
  if (vb.isZero()) return { verdict: 'undefined', actual, ...none };
  const exactPct = HUNDRED.times(va).div(vb);
  const expected = roundHalfUp(exactPct, p.decimals);
  const difference = actual.minus(expected);
  const ra = intervalOf(a);
  const rb = intervalOf(b);
  const r = ra && rb ? ratio(ra, rb) : null;
  const range = r ? scale(r, HUNDRED) : null;
  if (difference.isZero()) return { verdict: 'holds', exact: exactPct, expected, actual, difference, range, truncated: false };
  const truncated = truncate(exactPct, p.decimals).eq(actual);
  const consistent = range !== null && meets(range, intervalOf(p)!);
  return {
    verdict: consistent || truncated ? 'rounding' : 'fails',
    exact: exactPct,
    expected,
    actual,
    difference,
    range,
    truncated,
  };
}
