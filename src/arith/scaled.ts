/**
 * Exact scaled-integer arithmetic for the common case of a summation: every figure is printed with 0–6 decimals and
 * small enough that the sum, in units of the smallest printed decimal, stays well inside the range where binary
 * integers are exact (|n| ≤ 2⁵²). Such a sum is computed with plain integers — exact, no rounding anywhere — and gives
 * the same verdict and the same decimal strings as the decimal.js path in ./interval (which remains the reference and
 * the fallback for everything else: text, scientific notation, more decimals, huge values, fractional weights).
 */
import type Decimal from 'decimal.js';
import type { Amount } from '../amount/parse';

/** the largest |integer| any intermediate may reach (2⁵²: a margin below Number.MAX_SAFE_INTEGER) */
const LIMIT = 2 ** 52;
/** the most printed decimals the fast path accepts */
export const MAX_SCALED_DECIMALS = 6;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * v·10^dec as an exact integer, or NaN when v has more than `dec` decimal places or the result would exceed 2⁵².
 * Reads decimal.js' documented `d` (base-10⁷ digit words, aligned on the decimal point), `e` (exponent) and `s` (sign).
 */
export function scaledInt(v: Decimal, dec: number): number {
  const d = v.d;
  if (!d) return NaN; // NaN or ±Infinity
  const n = d.length;
  if (n === 1 && d[0] === 0) return 0;
  if (n > 4) return NaN;
  // strip the trailing zeros of the last word
  let last = d[n - 1];
  let tz = 0;
  while (tz < 7 && last % 10 === 0) {
    last /= 10;
    tz++;
  }
  let m = n === 1 ? last : d[0];
  for (let i = 1; i < n; i++) {
    const w = i === n - 1 ? last : d[i];
    const p = i === n - 1 ? POW10[7 - tz] : 1e7;
    if (m > LIMIT / p) return NaN;
    m = m * p + w;
  }
  // number of digits in m: digits of d[0] + 7 per further word − the stripped zeros
  let k = 1;
  for (let w = d[0]; w >= 10; w = Math.floor(w / 10)) k++;
  const len = k + 7 * (n - 1) - tz;
  // v = ±m·10^(e + 1 − len)
  const shift = v.e + 1 - len + dec;
  if (shift < 0) {
    if (-shift >= POW10.length) return NaN;
    const p = POW10[-shift];
    if (m % p !== 0) return NaN;
    m = m / p;
  } else if (shift > 0) {
    if (shift >= POW10.length) return NaN;
    const p = POW10[shift];
    if (m > LIMIT / p) return NaN;
    m = m * p;
  }
  if (m > LIMIT) return NaN;
  return v.s < 0 ? -m : m;
}

/** An integer `n` at scale `scale` (n·10^−scale) printed with `k` decimals, rounding half away from zero, exactly as
 * decimal.js' toFixed with ROUND_HALF_UP prints it (a negative value that rounds to zero keeps its minus sign). */
export function fixedOf(n: number, scale: number, k: number): string {
  const neg = n < 0;
  let a = neg ? -n : n;
  if (k < scale) {
    const p = POW10[scale - k];
    let q = Math.floor(a / p);
    let r = a - q * p;
    while (r < 0) {
      q--;
      r += p;
    }
    while (r >= p) {
      q++;
      r -= p;
    }
    if (2 * r >= p) q++;
    a = q;
  }
  let s = String(a);
  const have = Math.min(k, scale);
  if (have > 0) {
    if (s.length <= have) s = '0'.repeat(have - s.length + 1) + s;
    s = s.slice(0, s.length - have) + '.' + s.slice(s.length - have);
  }
  if (k > scale) s += (scale > 0 ? '' : '.') + '0'.repeat(k - scale);
  return neg ? '-' + s : s;
}

/** Is the integer n at scale `scale` a whole multiple of 10^−k (i.e. has at most k decimals)? */
export function hasAtMostDecimals(n: number, scale: number, k: number): boolean {
  return k >= scale || n % POW10[scale - k] === 0;
}

/**
 * Σ weight·part against a total in scaled integers: the verdict of `checkSum` (./interval) with every quantity as an
 * integer at `scale` decimals (allowance at scale + 1, since half-units are 5·10^−(d+1)). undefined when the fast path
 * does not apply (a text figure, a non-integer weight, more than 6 decimals, a value too large), so that the caller
 * falls back to checkSum.
 */
export interface ScaledVerdict {
  verdict: 'holds' | 'rounding' | 'fails' | 'vacuous' | 'cannot';
  /** decimals of every integer below (allowance: scale + 1) */
  scale: number;
  expected: number;
  /** null when the total is missing */
  actual: number | null;
  /** null when it cannot be computed */
  difference: number | null;
  allowance: number;
}

function decimalsIfNumeric(a: Amount): number {
  // −1: not numeric (blank/na); −2: not acceptable for the fast path
  if (a.kind === 'blank' || a.kind === 'na') return -1;
  if ((a.kind !== 'number' && a.kind !== 'percent') || a.value === null) return -2;
  const d = a.decimals;
  return Number.isInteger(d) && d >= 0 && d <= MAX_SCALED_DECIMALS ? d : -2;
}

export function scaledSum(total: Amount, parts: ReadonlyArray<{ amount: Amount; weight: number }>): ScaledVerdict | undefined {
  let scale = decimalsIfNumeric(total);
  if (scale === -2) return undefined;
  const n = parts.length;
  for (let i = 0; i < n; i++) {
    const p = parts[i];
    const w = p.weight;
    if (!Number.isInteger(w) || w > 1e6 || w < -1e6) return undefined;
    const d = decimalsIfNumeric(p.amount);
    if (d === -2) return undefined;
    if (d > scale) scale = d;
  }
  if (scale < 0) scale = 0;
  const up = scale + 1;
  let expected = 0;
  let magnitude = 0;
  let half = 0;
  let allZero = true;
  for (let i = 0; i < n; i++) {
    const p = parts[i];
    const a = p.amount;
    if (a.kind === 'blank' || a.kind === 'na') continue;
    const v = scaledInt(a.value!, scale);
    if (v !== v) return undefined;
    const w = p.weight;
    const aw = w < 0 ? -w : w;
    const av = v < 0 ? -v : v;
    magnitude += av * aw;
    if (magnitude > LIMIT) return undefined;
    expected += v * w;
    half += 5 * POW10[up - a.decimals - 1] * aw;
    if (v !== 0) allZero = false;
  }
  let actual: number | null = null;
  if (total.kind !== 'blank' && total.kind !== 'na') {
    const t = scaledInt(total.value!, scale);
    if (t !== t) return undefined;
    if (magnitude + (t < 0 ? -t : t) > LIMIT) return undefined;
    actual = t;
    half += 5 * POW10[up - total.decimals - 1];
  }
  if (half > LIMIT) return undefined;
  if ((actual === null ? total.kind === 'blank' : actual === 0) && allZero) {
    return { verdict: 'vacuous', scale, expected: 0, actual: total.kind === 'blank' ? null : 0, difference: 0, allowance: half };
  }
  if (actual === null) return { verdict: 'cannot', scale, expected, actual: null, difference: null, allowance: half };
  const difference = actual - expected;
  const ad = difference < 0 ? -difference : difference;
  const verdict = difference === 0 ? 'holds' : ad * 10 <= half ? 'rounding' : 'fails';
  return { verdict, scale, expected, actual, difference, allowance: half };
}
