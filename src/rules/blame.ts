/**
 * Blame: which cell of a failing relation is most likely wrong, what it should read, and why.
 *
 * Every cell of every failing relation is a candidate. For each candidate we try corrections — the value the failing
 * relations give, and the values that known slips would have produced (adjacent digits swapped, decimal point or
 * 元/万元 moved, sign flipped, a part counted twice or left out) — and keep those that make every failing relation
 * holding that cell consistent again (within rounding), without breaking a relation that held. A cell in several
 * failing relations and in no holding one, whose correction fixes them all, is the suspect; in a relation that nothing
 * else covers, only a recognised slip singles out a cell, and only when no other cell explains it as well.
 */
import Decimal from 'decimal.js';
import type { Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import type { EvaluatedRelation, Term } from './types';

export interface BlameCandidate {
  term: Term;
  failing: EvaluatedRelation[];
  passing: number;
  proposed?: Decimal;
  /** printed decimals of the cell (of its relations, for a blank cell) */
  decimals: number;
  signature?: string;
  reason?: { key: string; params: Record<string, string | number> };
  /** Σ|difference| left in the cell's relations after the slip's correction (rounding residue) */
  residual?: Decimal;
}

type Evaluate = (r: EvaluatedRelation) => EvaluatedRelation;

const cellKey = (t: { ref: { sheet: string; cell: string } }) => `${t.ref.sheet}!${t.ref.cell}`;
const ZERO = exact(0);

function isNum(a: Amount): boolean {
  return (a.kind === 'number' || a.kind === 'percent') && a.value !== null;
}

function valueOf(a: Amount): Decimal {
  return isNum(a) ? exact(a.value!) : ZERO;
}

/** Printed decimals of a cell; a blank cell takes the precision of the figures around it. */
function decimalsFor(t: Term, rels: EvaluatedRelation[]): number {
  if (isNum(t.amount)) return Math.max(0, t.amount.decimals - (t.scaleDecimals ?? 0));
  let d = 0;
  for (const r of rels) for (const x of [r.target, ...r.parts]) if (isNum(x.amount)) d = Math.max(d, x.amount.decimals - (x.scaleDecimals ?? 0));
  return d;
}

/** The amount the relation would see if the cell printed `v` (in the cell's own units) at `d` decimals. */
function amountAs(t: Term, v: Decimal, d: number): Amount {
  const shift = t.scaleDecimals ?? 0;
  const value = shift ? v.div(exact(10).pow(shift)) : v;
  return { kind: 'number', value, decimals: d + shift, raw: v.toFixed(d) };
}

function substitute(r: EvaluatedRelation, key: string, a: Amount): EvaluatedRelation {
  const swap = (x: Term): Term => (cellKey(x) === key ? { ...x, amount: a } : x);
  return { ...r, target: swap(r.target), parts: r.parts.map(swap) };
}

const consistent = (r: EvaluatedRelation) => r.verdict === 'holds' || r.verdict === 'rounding' || r.verdict === 'vacuous';

/** The value (cell units) the relation gives for `c` if `c` alone were wrong; equality relations only. */
function proposalFor(r: EvaluatedRelation, c: Term): Decimal | undefined {
  if (r.op !== 'eq' && r.op !== 'same') return undefined;
  if (r.difference === null || r.expected === null || r.actual === null) return undefined;
  const diff = exact(r.difference);
  const unscale = (v: Decimal) => (c.scaleDecimals ? v.times(exact(10).pow(c.scaleDecimals)) : v);
  if (cellKey(r.target) === cellKey(c)) return unscale(exact(r.expected));
  const part = r.parts.find((p) => cellKey(p) === cellKey(c));
  if (!part || part.weight === 0) return undefined;
  return unscale(valueOf(c.amount).plus(diff.div(part.weight)));
}

function adjacentSwaps(v: Decimal, d: number): Decimal[] {
  const s = v.abs().toFixed(d);
  const digits = s.replace('.', '');
  const out: Decimal[] = [];
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const sw = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    // a swap that moves a zero to the front is a decimal slip (scale), not transposed digits
    const intLen = digits.length - d;
    if (i === 0 && digits[1] === '0' && intLen > 1) continue;
    const withPoint = d > 0 ? `${sw.slice(0, sw.length - d)}.${sw.slice(sw.length - d)}` : sw;
    const x = exact(withPoint);
    out.push(v.isNegative() ? x.neg() : x);
  }
  return out;
}

interface Correction {
  value: Decimal;
  signature: string;
  key: string;
  params: Record<string, string | number>;
  strong: boolean;
}

/** Corrections a known slip would explain, strongest evidence first. */
function slipCorrections(v: Decimal, d: number, related: Term[], neighbours: Term[]): Correction[] {
  const out: Correction[] = [];
  const fmt = (x: Decimal) => x.toFixed(d);
  if (!v.isZero()) {
    for (const x of adjacentSwaps(v, d)) out.push({ value: x, signature: 'transposition', key: 'suspect-transposition', params: { proposed: fmt(x) }, strong: true });
    for (const k of [1, 2, 3, 4, 5, 6]) {
      for (const x of [v.div(exact(10).pow(k)), v.times(exact(10).pow(k))]) {
        const rounded = x.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
        if (rounded.isZero()) continue;
        if (k === 4) out.push({ value: rounded, signature: 'scale-10000', key: 'suspect-unit', params: { proposed: fmt(rounded) }, strong: true });
        else out.push({ value: rounded, signature: `scale-${10 ** k}`, key: 'suspect-scale', params: { proposed: fmt(rounded), factor: String(10 ** k) }, strong: true });
      }
    }
    out.push({ value: v.neg(), signature: 'sign', key: 'suspect-sign', params: { proposed: fmt(v.neg()) }, strong: true });
  }
  for (const o of related) {
    if (!isNum(o.amount) || o.amount.value!.isZero()) continue;
    const x = valueOf(o.amount);
    for (const c of [v.minus(x), v.plus(x)]) {
      out.push({ value: c, signature: 'double-count', key: 'suspect-double', params: { proposed: fmt(c), other: o.ref.cell }, strong: true });
    }
  }
  for (const n of neighbours) {
    if (isNum(n.amount) && !v.isZero() && valueOf(n.amount).eq(v)) {
      // copied from a neighbour: the correct value is whatever the relations give (filled in by the caller)
      out.push({ value: v, signature: 'copied', key: 'suspect-copied', params: { proposed: '', from: n.ref.cell }, strong: false });
      break;
    }
  }
  return out;
}

export function blame(relations: EvaluatedRelation[], evaluate: Evaluate): Map<EvaluatedRelation, BlameCandidate> {
  const failing = relations.filter((r) => r.verdict === 'fails');
  const out = new Map<EvaluatedRelation, BlameCandidate>();
  if (failing.length === 0) return out;

  const relsOf = new Map<string, EvaluatedRelation[]>();
  const termOf = new Map<string, Term>();
  const terms: Term[] = [];
  for (const r of relations) {
    for (const c of [r.target, ...r.parts]) {
      const k = cellKey(c);
      if (!termOf.has(k)) {
        termOf.set(k, c);
        terms.push(c);
      }
      const list = relsOf.get(k) ?? [];
      if (list[list.length - 1] !== r) list.push(r);
      relsOf.set(k, list);
    }
  }
  const byPosition = new Map<string, Term>(terms.map((t) => [`${t.ref.sheet}!${t.row},${t.col}`, t]));

  const cache = new Map<string, BlameCandidate & { score: number; fixes: boolean }>();
  const assess = (k: string) => {
    const hit = cache.get(k);
    if (hit) return hit;
    const term = termOf.get(k)!;
    const rels = relsOf.get(k) ?? [];
    const fs = rels.filter((r) => r.verdict === 'fails');
    const passing = rels.filter((r) => consistent(r) && r.verdict !== 'vacuous');
    const d = decimalsFor(term, rels);
    const v = isNum(term.amount) ? valueOf(term.amount).times(exact(10).pow(term.scaleDecimals ?? 0)) : ZERO;

    /** does printing `x` instead make every relation of this cell consistent? 'exact' when they then hold exactly */
    let lastResidual = ZERO;
    const fixesHow = (x: Decimal): 'exact' | 'rounding' | false => {
      const a = amountAs(term, x, d);
      let exactly = true;
      let residual = ZERO;
      for (const r of rels) {
        const e = evaluate(substitute(r, k, a));
        if (!consistent(e)) return false;
        if (e.verdict === 'rounding') exactly = false;
        if (e.difference) residual = residual.plus(exact(e.difference).abs());
      }
      lastResidual = residual;
      return exactly ? 'exact' : 'rounding';
    };
    const fixes = (x: Decimal) => fixesHow(x) !== false;
    const onlyInequalities = fs.every((r) => r.op === 'ge' || r.op === 'le');

    const related = fs.flatMap((r) => [r.target, ...r.parts]).filter((x) => cellKey(x) !== k);
    const neighbours = [
      byPosition.get(`${term.ref.sheet}!${term.row - 1},${term.col}`),
      byPosition.get(`${term.ref.sheet}!${term.row + 1},${term.col}`),
      byPosition.get(`${term.ref.sheet}!${term.row},${term.col - 1}`),
      byPosition.get(`${term.ref.sheet}!${term.row},${term.col + 1}`),
    ].filter((x): x is Term => !!x);

    const c: BlameCandidate & { score: number; fixes: boolean } = { term, failing: fs, passing: passing.length, decimals: d, score: 0, fixes: false };
    // the value the equality relations give, when they agree
    const proposals = fs.map((r) => proposalFor(r, term)).filter((x): x is Decimal => !!x);
    let plain: Decimal | undefined;
    let plainExact = false;
    if (proposals.length > 0) {
      const p = proposals[0].toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
      const how = fixesHow(p);
      if (how) {
        plain = p;
        plainExact = how === 'exact';
      }
    }
    let slip: Correction | undefined;
    // a slip is judged against equalities: an inequality alone cannot say what the figure should be
    for (const corr of onlyInequalities ? [] : slipCorrections(v, d, related, neighbours)) {
      if (corr.signature === 'copied') {
        if (plain && !slip) slip = { ...corr, value: plain, params: { ...corr.params, proposed: plain.toFixed(d) } };
        continue;
      }
      // spending and balances are not negative unless printed so
      if (corr.value.isNegative() && !v.isNegative() && corr.signature !== 'sign') continue;
      if (fixes(corr.value)) {
        // among the slips that fit, keep the one that leaves the smallest rounding residual
        if (!slip || lastResidual.lt(c.residual ?? lastResidual.plus(1))) {
          slip = corr;
          c.residual = lastResidual;
        }
      }
    }
    if (slip) {
      // the relations' own value is the better proposal when it fits exactly and the slip only within rounding
      const proposed = plain && plainExact && fixesHow(slip.value) !== 'exact' ? plain : slip.value;
      c.proposed = proposed;
      c.signature = slip.signature;
      c.reason = { key: slip.key, params: { ...slip.params, proposed: proposed.toFixed(d) } };
    } else if (plain) {
      c.proposed = plain;
      const units = plain.minus(v).abs().times(exact(10).pow(d));
      if (units.isInteger() && units.mod(9).isZero() && !units.isZero()) {
        c.signature = 'nine';
        c.reason = { key: 'suspect-nine', params: { proposed: plain.toFixed(d) } };
      }
    }
    c.fixes = !!slip || !!plain;
    const printed = isNum(term.amount) ? 1 : 0;
    c.score =
      fs.length * 10 -
      passing.length * 15 +
      (slip?.strong ? 8 : 0) +
      (slip && !slip.strong ? 2 : 0) +
      (c.fixes ? 3 : 0) +
      printed;
    cache.set(k, c);
    return c;
  };

  for (const r of failing) {
    const cands = [r.target, ...r.parts].map((x) => assess(cellKey(x))).sort((a, b) => b.score - a.score);
    const best = cands[0];
    const second = cands[1];
    if (!best || !best.fixes) continue;
    if (best.passing > 0 && best.failing.length <= best.passing) continue;
    if (best.failing.length === 1) {
      // a relation nothing else covers: only a recognised slip names a suspect — the one whose correction leaves the
      // least rounding residue, and only when no other cell's slip explains the difference as well
      // digit slips (transposition, decimal point or unit, sign) are specific; a part counted twice is not (in a long
      // list some part often equals the difference), so it ranks below them
      const rank = (x: BlameCandidate) => (x.signature === 'double-count' ? 2 : 1);
      const strong = cands
        .filter((x) => x.signature && !['copied', 'nine'].includes(x.signature) && x.failing.length === 1 && x.passing === 0)
        .sort((a, b) => rank(a) - rank(b) || a.residual!.comparedTo(b.residual!));
      if (strong.length === 0) continue;
      if (strong.length > 1 && rank(strong[0]) === rank(strong[1]) && !strong[0].residual!.lt(strong[1].residual!)) continue;
      out.set(r, strong[0]);
      continue;
    }
    if (second && second.score === best.score) continue; // nothing singles a cell out
    out.set(r, best);
  }
  return out;
}
