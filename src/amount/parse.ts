/**
 * Amount parsing: the text a table prints in a cell → an `Amount` (a decimal.js value plus the printed precision).
 *
 * Precision comes from the printed string, never from the column: "1,148.77" has 2 decimals, "10" has 0, "97.0%" has 1.
 * Parsing never throws; anything that is not an amount becomes kind 'text'.
 *
 * Handled forms (after folding full-width characters and odd spaces): thousands separators anywhere in the integer part
 * ("1,148.77", "1,2345.6"), signs "+" "-" "−" "－" "﹣" "‐" "‑" "‒" "–", accounting negatives "(12.50)" "（12.50）",
 * a currency sign "¥"/"￥"/"$", percentages "97.0%" "97.0％", scientific notation "1.2E+05" (negative decimals, as in
 * XBRL), not-applicable marks "—" "–" "-" "－" "/" "／" (a lone dash is n/a; "-0.5" is a number), blanks.
 */
import Decimal from 'decimal.js';
import { isDateFormat } from 'numfmt';
import type { Cell } from '../model/workbook';
import { exact } from '../arith/decimal';

export type AmountKind = 'number' | 'percent' | 'blank' | 'na' | 'text';

export interface Amount {
  kind: AmountKind;
  /** number: the amount; percent: the percentage as printed (97.0 for "97.0%"); null for blank/na/text */
  value: Decimal | null;
  /**
   * printed decimals ("1,148.77" → 2, "10" → 0, "97.0%" → 1); 0 for blank/na/text. Negative for scientific notation
   * that drops integer digits ("1.2E+05" → −4, i.e. known to the nearest 10⁴), as XBRL's `decimals` attribute.
   */
  decimals: number;
  /** the input text as given */
  raw: string;
}

/** Characters folded to a plain ASCII space before parsing. */
const SPACE_RE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
/** Characters removed outright (zero-width spaces, BOM, soft hyphen, bidi marks). */
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad\u200e\u200f]/g;
/** Minus signs accepted in front of a number. */
const MINUS_CHARS = '-\u2212\uff0d\ufe63\u2010\u2011\u2012\u2013';
/** Marks that on their own mean "not applicable" (dashes of every kind, slashes). */
const NA_RE = /^[-\u2010-\u2015\u2212\u2500\u2501\ufe58\ufe63\uff0d\u30fc/\uff0f\\]+$/;

/** Fold full-width ASCII (U+FF01–U+FF5E) to ASCII, odd spaces to " ", "￥" to "¥", minus variants to "-". */
function fold(s: string): string {
  let out = '';
  for (const ch of s.replace(INVISIBLE_RE, '')) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xffe5) out += '\u00a5';
    else if (MINUS_CHARS.includes(ch)) out += '-';
    else out += ch;
  }
  return out.replace(SPACE_RE, ' ');
}

const NUMBER_RE =
  /^(\()?\s*([+-])?\s*([$\u00a5])?\s*([+-])?\s*(\d+(?:,\d+)*(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,4}))?\s*(%)?\s*(\))?\s*(%)?$/;

function make(kind: AmountKind, raw: string, value: Decimal | null = null, decimals = 0): Amount {
  return { kind, value, decimals, raw };
}

/** The plain ASCII form most cells print ("1,148.77", "-12", "0.00"): parsed directly, as the general path would. */
const PLAIN_RE = /^(-?)(\d+(?:,\d+)*)(?:\.(\d+))?$/;

/** Parse printed text (or a stored JS number) into an Amount. Never throws. */
export function parseAmount(text: string | number | null | undefined): Amount {
  if (text === null || text === undefined) return make('blank', '');
  if (typeof text === 'number') return fromNumber(text);
  if (typeof text !== 'string') return make('text', String(text));
  const plainMatch = PLAIN_RE.exec(text);
  if (plainMatch) {
    const [, minus, int, frac] = plainMatch;
    const digits = int.includes(',') ? int.replace(/,/g, '') : int;
    let value = new Decimal(frac === undefined ? digits : `${digits}.${frac}`);
    if (value.isZero()) value = new Decimal(0);
    else if (minus) value = value.negated();
    return make('number', text, value, frac === undefined ? 0 : frac.length);
  }
  const raw = text;
  const s = fold(text).trim();
  if (s === '') return make('blank', raw);
  if (NA_RE.test(s.replace(/ /g, ''))) return make('na', raw);
  const m = NUMBER_RE.exec(s);
  if (!m) return make('text', raw);
  const [, open, sign1, , sign2, digits, exp, pct1, close, pct2] = m;
  if (Boolean(open) !== Boolean(close)) return make('text', raw);
  if (sign1 && sign2) return make('text', raw);
  if (open && (sign1 || sign2)) return make('text', raw);
  if (pct1 && pct2) return make('text', raw);
  const negative = Boolean(open) || sign1 === '-' || sign2 === '-';
  const plain = digits.replace(/,/g, '');
  const dot = plain.indexOf('.');
  let decimals = dot < 0 ? 0 : plain.length - dot - 1;
  let value: Decimal;
  try {
    value = new Decimal(plain.startsWith('.') ? '0' + plain : plain.endsWith('.') ? plain.slice(0, -1) : plain);
    if (exp !== undefined) {
      const e = Number(exp);
      value = exact(value).times(`1e${e}`);
      decimals -= e;
    }
  } catch {
    return make('text', raw);
  }
  if (negative && !value.isZero()) value = value.negated();
  if (value.isZero()) value = new Decimal(0);
  return make(pct1 || pct2 ? 'percent' : 'number', raw, value, decimals);
}

function fromNumber(n: number): Amount {
  const raw = String(n);
  if (!Number.isFinite(n)) return make('text', raw);
  // decimal.js builds a number from its shortest round-trip representation (the same digits as String(n))
  const value = n === 0 ? new Decimal(0) : new Decimal(n);
  return make('number', raw, value, value.decimalPlaces());
}

/**
 * The Amount a cell shows. Uses the displayed text; falls back to the stored value when the text is empty, or when the
 * text cannot be read as an amount although a number is stored ("#####" in a narrow column, "1.23457E+11" in General
 * format). A dash displayed for a stored 0 (accounting formats) is the number 0, not "not applicable".
 */
export function amountFromCell(cell: Cell | null): Amount {
  if (!cell) return make('blank', '');
  if (cell.error) return make('text', cell.error);
  // a date shown where an amount belongs is not an amount (its serial number would pass for one): cannot evaluate
  if (typeof cell.value === 'number' && cell.numFmt && isDateFormat(cell.numFmt)) return make('text', cell.text);
  const shown = parseAmount(cell.text);
  const v = cell.value;
  if (shown.kind === 'blank') {
    if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) return fromStored(v, cell);
    return shown;
  }
  if (typeof v === 'number') {
    if (shown.kind === 'na' && v === 0) {
      return make('number', cell.text, new Decimal(0), numFmtDecimals(cell.numFmt) ?? 0);
    }
    if (shown.kind === 'text' || (shown.kind === 'number' && shown.decimals < 0)) {
      return { ...fromStored(v, cell), raw: cell.text };
    }
  }
  return shown;
}

function fromStored(v: number | string, cell: Cell): Amount {
  if (typeof v === 'string') return parseAmount(v);
  const base = fromNumber(v);
  if (base.kind !== 'number' || !base.value) return base;
  const fmt = cell.numFmt ? firstSection(cell.numFmt) : undefined;
  const d = numFmtDecimals(cell.numFmt);
  if (fmt && /%/.test(fmt)) {
    const pct = exact(base.value).times(100);
    const dd = d ?? Math.max(0, pct.decimalPlaces());
    return make('percent', base.raw, pct.toDecimalPlaces(dd, Decimal.ROUND_HALF_UP), dd);
  }
  if (d === undefined) return base;
  return make('number', base.raw, base.value.toDecimalPlaces(d, Decimal.ROUND_HALF_UP), d);
}

/** The positive section of an Excel number format, with quoted literals, escapes and [..] tokens removed. */
function firstSection(numFmt: string): string {
  const cleaned = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return cleaned.split(';')[0] ?? '';
}

/** Decimals shown by an Excel number format ("#,##0.00" → 2, "0" → 0, "General" → undefined). */
export function numFmtDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const sec = firstSection(numFmt);
  if (!/[0#?]/.test(sec)) return undefined;
  const m = /\.([0#?]+)/.exec(sec);
  return m ? m[1].length : 0;
}

/** ½·10⁻ᵈ: the half-width of the interval a value printed with d decimals stands for. */
export function halfUnit(decimals: number): Decimal {
  const d = Number.isFinite(decimals) ? Math.trunc(decimals) : 0;
  return new Decimal(`5e${-d - 1}`);
}

/**
 * Print a value with the given decimals, rounding half-up (away from zero, as Excel's ROUND). The inverse of
 * parseAmount: parseAmount(formatAmount(v, d)) gives v rounded to d decimals, with d decimals. Negative decimals round
 * to tens, hundreds, … and print an integer. Zero never prints with a minus sign.
 */
export function formatAmount(value: Decimal, decimals: number, opts?: { thousands?: boolean }): string {
  const d = Number.isFinite(decimals) ? Math.trunc(decimals) : 0;
  let v = exact(value);
  if (d >= 0) v = v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  else v = v.times(`1e${d}`).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(`1e${-d}`);
  const neg = v.isNegative() && !v.isZero();
  let s = v.abs().toFixed(Math.max(0, d));
  if (opts?.thousands) {
    const dot = s.indexOf('.');
    const int = dot < 0 ? s : s.slice(0, dot);
    const frac = dot < 0 ? '' : s.slice(dot);
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + frac;
  }
  return neg ? '-' + s : s;
}
