/**
 * Mutation operators of the mutation benchmark: each turns a printed amount into a plausibly mistyped one (domain
 * §7.1: transposed digits, slipped decimal point, 元/万元 slip, wrong sign, a neighbour copied, a part counted twice),
 * and writes it back into a copy of the workbook with value and displayed text kept consistent.
 *
 * Thresholds are in units of the printed precision u = 10^-decimals: for the usual 2-decimal amounts u = 0.01 (tiny =
 * ±0.01, random ≥ 0.06); for integer amounts (元 tables, counts) u = 1.
 */
import Decimal from 'decimal.js';
import * as numfmt from 'numfmt';
import { formatAmount, parseAmount, type Amount } from '../../src/amount/parse';
import type { Cell, Sheet, Workbook } from '../../src/model/workbook';
import { exact } from '../../src/arith/decimal';
import type { Rng } from './prng';

export const MUTATION_KINDS = ['transposition', 'scale-10', 'scale-10000', 'sign', 'copied', 'double-count', 'random', 'tiny'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export function isMutationKind(s: string): s is MutationKind {
  return (MUTATION_KINDS as readonly string[]).includes(s);
}

/** The suspect signature the engine should recognise for each kind (none for random and tiny changes). */
export const EXPECTED_SIGNATURE: Partial<Record<MutationKind, string>> = {
  transposition: 'transposition',
  'scale-10': 'scale-10',
  'scale-10000': 'scale-10000',
  sign: 'sign',
  copied: 'copied',
  'double-count': 'double-count',
};

/** How the original cell prints its amount: the mutated figure is printed the same way. */
export interface PrintStyle {
  decimals: number;
  thousands: boolean;
  /** negatives printed in brackets "(12.50)" */
  parens: boolean;
  /** the amount is stored as text ("1,148.77"), not as a number */
  asText: boolean;
}

export function printStyle(cell: Cell, amount: Amount): PrintStyle {
  const text = cell.text.trim();
  const fmt = cell.numFmt ?? '';
  const negSection = fmt.split(';')[1] ?? '';
  return {
    decimals: Math.max(0, amount.decimals),
    thousands: /\d[,，]\d/.test(text) || /#,##/.test(fmt),
    parens: /^[(（]/.test(text) || /\(/.test(negSection),
    asText: typeof cell.value === 'string',
  };
}

/** The figure as the original cell would print it. */
export function printValue(v: Decimal, style: PrintStyle): string {
  const s = formatAmount(v, style.decimals, { thousands: style.thousands });
  if (style.parens && s.startsWith('-')) return `(${s.slice(1)})`;
  return s;
}

/** A copy of the cell holding `v` (rounded to the printed decimals), its value and displayed text consistent. */
export function cellWithValue(cell: Cell, v: Decimal, style: PrintStyle): Cell {
  const rounded = exact(v).toDecimalPlaces(style.decimals, Decimal.ROUND_HALF_UP);
  const ours = printValue(rounded, style);
  const out: Cell = { ...cell };
  delete out.formula; // a typed-over figure
  if (style.asText) {
    out.value = ours;
    out.text = ours;
    return out;
  }
  const n = Number(rounded.toFixed(style.decimals));
  out.value = n;
  out.text = ours;
  if (cell.numFmt) {
    // render as Excel would when the format prints the same figure at the same precision
    try {
      const shown = numfmt.format(cell.numFmt, n);
      const back = parseAmount(shown);
      if (back.kind === 'number' && back.value && back.value.eq(rounded) && back.decimals === style.decimals) out.text = shown;
    } catch {
      /* keep our rendering */
    }
  }
  return out;
}

/** A copy of the workbook with one cell replaced (copy on write: only that sheet's row arrays are copied). */
export function withCell(workbook: Workbook, sheetName: string, cell: Cell): Workbook {
  const sheets = workbook.sheets.map((s): Sheet => {
    if (s.name !== sheetName) return s;
    const rows = s.rows.slice();
    const r = (rows[cell.row - 1] ?? []).slice();
    while (r.length < cell.col - 1) r.push(null);
    r[cell.col - 1] = cell;
    rows[cell.row - 1] = r;
    return { ...s, rows };
  });
  return { ...workbook, sheets };
}

/** A figure near the mutated cell: a neighbour in its table (copied) or another part of one of its relations (double count). */
export interface Donor {
  /** Sheet!A1 */
  ref: string;
  value: Decimal;
}

export interface MutationInput {
  kind: MutationKind;
  /** the printed value of the cell */
  original: Decimal;
  style: PrintStyle;
  /** neighbouring amounts in the same row or column of the same table */
  neighbours: Donor[];
  /** other parts of the cell's relations (same table) */
  others: Donor[];
  rng: Rng;
}

export type SkipReason = 'no-digit-pair' | 'zero' | 'no-neighbour' | 'no-other-part' | 'unchanged';

export type MutationPlan =
  | { ok: true; value: Decimal; text: string; detail?: string }
  | { ok: false; reason: SkipReason };

/** Adjacent digit pairs (within the integer part or within the decimals) that differ and can be swapped. */
function swappablePairs(digits: string, intLen: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < digits.length; i++) {
    if (i + 1 === intLen) continue; // never across the decimal point
    if (digits[i] === digits[i + 1]) continue;
    if (i === 0 && intLen > 1 && digits[1] === '0') continue; // would print a leading zero
    out.push(i);
  }
  return out;
}

/** The mutated figure, or why this kind does not apply to the cell. */
export function planMutation(m: MutationInput): MutationPlan {
  const { style, rng } = m;
  const v = exact(m.original);
  const d = style.decimals;
  const unit = exact(10).pow(-d);
  let value: Decimal;
  let detail: string | undefined;
  switch (m.kind) {
    case 'transposition': {
      const s = v.abs().toFixed(d);
      const dot = s.indexOf('.');
      const intLen = dot < 0 ? s.length : dot;
      const digits = s.replace('.', '');
      const pairs = swappablePairs(digits, intLen);
      if (pairs.length === 0) return { ok: false, reason: 'no-digit-pair' };
      const i = rng.pick(pairs);
      const t = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      const printed = d > 0 ? `${t.slice(0, intLen)}.${t.slice(intLen)}` : t;
      value = exact(printed).times(v.isNegative() ? -1 : 1);
      break;
    }
    case 'scale-10': {
      const up = rng.next() < 0.5;
      value = up ? v.times(10) : v.div(10);
      detail = up ? '×10' : '÷10';
      break;
    }
    case 'scale-10000':
      value = v.times(10000);
      detail = '×10000';
      break;
    case 'sign':
      if (v.isZero()) return { ok: false, reason: 'zero' };
      value = v.neg();
      break;
    case 'copied': {
      const printed = printValue(v, style);
      const ns = m.neighbours.filter((n) => printValue(n.value, style) !== printed);
      if (ns.length === 0) return { ok: false, reason: 'no-neighbour' };
      const n = rng.pick(ns);
      value = exact(n.value);
      detail = `from ${n.ref}`;
      break;
    }
    case 'double-count': {
      const os = m.others.filter((o) => !o.value.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).isZero());
      if (os.length === 0) return { ok: false, reason: 'no-other-part' };
      const o = rng.pick(os);
      value = v.plus(o.value);
      detail = `+ ${o.ref}`;
      break;
    }
    case 'random': {
      // log-uniform magnitude between 6 units and 10% of the value, at least 6 units; random sign
      const lo = unit.times(6);
      const hi = Decimal.max(lo, v.abs().div(10));
      const r = rng.next();
      const mag = Decimal.max(lo, lo.ln().plus(hi.ln().minus(lo.ln()).times(r)).exp().toDecimalPlaces(d, Decimal.ROUND_HALF_UP));
      const delta = rng.next() < 0.5 ? mag.neg() : mag;
      value = v.plus(delta);
      detail = `${delta.isNegative() ? '' : '+'}${delta.toFixed(d)}`;
      break;
    }
    case 'tiny': {
      const delta = rng.next() < 0.5 ? unit.neg() : unit;
      value = v.plus(delta);
      detail = `${delta.isNegative() ? '' : '+'}${delta.toFixed(d)}`;
      break;
    }
  }
  value = value.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  const text = printValue(value, style);
  if (text === printValue(v, style)) return { ok: false, reason: 'unchanged' };
  return { ok: true, value, text, detail };
}
