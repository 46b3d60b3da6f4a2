/**
 * Number tokens in narrative prose. A single left-to-right scan finds every digit run, then decides from the
 * characters around it whether it is a quantity (money, percent, count, measure, or a bare decimal), a year, or
 * something that must never be read as an amount: a date part (“12月31日”), an ordinal (“1.”, “(1)”), a code
 * (“2101101”, “[30202]”, “（204类）”), a document number (“〔2021〕35 号”), a table/row/column or chart label (“图 1”,
 * “公开 10 表”, “第 3 行”).
 */
import Decimal from 'decimal.js';
import {
  APPROX_AFTER,
  APPROX_BEFORE,
  BASE_UNITS,
  NON_QUANTITY_AFTER,
  NON_QUANTITY_BEFORE,
  SCALE_ONE,
  SCALE_WAN,
  SCALE_YI,
  type UnitFamily,
} from './lexicon';
import { endsWithAt, fold, isAsciiLetter, isCjk, isDigit, isWideDigit, skipSpacesBack, skipSpacesFwd } from './text';
import type { NumberToken } from './types';

export type LexKind = 'quantity' | 'year' | 'skip';

export interface LexItem {
  kind: LexKind;
  /** span of the digits (and sign) */
  start: number;
  end: number;
  token?: NumberToken;
  family?: UnitFamily | 'none';
  year?: number;
  /** end of “年”/“年度” after a year, else end */
  yearEnd?: number;
  /** why a run was skipped (tests, debugging) */
  why?: string;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

const CLAUSE_START_CHARS = '\n\r。:;,!?()、';

/** Scan folded text `f` (original `orig`, same length) for numbers. Linear in the input length. */
export function lexNumbers(orig: string, f: string = fold(orig)): LexItem[] {
  const out: LexItem[] = [];
  const n = f.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(f[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isDigit(f[j])) j++;
    for (;;) {
      if (j < n && f[j] === ',' && isDigit(f[j + 1])) {
        const wide = orig[j] === '\uff0c';
        const ok = wide ? isWideDigit(orig[j - 1]) && isWideDigit(orig[j + 1]) : orig[j] === ',' && !isWideDigit(orig[j - 1]);
        if (!ok) break;
        j++;
        while (j < n && isDigit(f[j])) j++;
        continue;
      }
      if (j < n && f[j] === '.' && isDigit(f[j + 1])) {
        j++;
        while (j < n && isDigit(f[j])) j++;
        continue;
      }
      break;
    }
    processRun(orig, f, i, j, out);
    i = j;
  }
  return out;
}

function processRun(orig: string, f: string, s: number, e: number, out: LexItem[]): void {
  const run = f.slice(s, e);
  const dots = countChar(run, '.');
  if (dots >= 2) {
    const m = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(run);
    const y = m ? Number(m[1]) : NaN;
    if (m && y >= YEAR_MIN && y <= YEAR_MAX) out.push({ kind: 'year', start: s, end: s + 4, year: y, yearEnd: s + 4 });
    else out.push({ kind: 'skip', start: s, end: e, why: 'dotted' });
    return;
  }
  if (run.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(run)) {
    // not a thousands grouping: commas separate numbers
    let p = s;
    for (let k = s; k <= e; k++) {
      if (k === e || f[k] === ',') {
        if (k > p) processPlain(orig, f, p, k, out);
        p = k + 1;
      }
    }
    return;
  }
  processPlain(orig, f, s, e, out);
}

function countChar(s: string, ch: string): number {
  let c = 0;
  for (const x of s) if (x === ch) c++;
  return c;
}

interface UnitHit {
  unit?: string;
  family: UnitFamily | 'none';
  unitStart: number;
  unitEnd: number;
  scale?: Decimal;
  approx: boolean;
  /** end of the whole phrase (unit and trailing approximation word) */
  end: number;
  /** a date / label word follows (月, 日, 号, 表 …) */
  nonQuantity?: string;
}

function detectUnit(f: string, at: number): UnitHit {
  let pos = skipSpacesFwd(f, at, 2);
  const unitStart = pos;
  let approx = false;
  let mult: Decimal | undefined;
  let multText = '';
  if ((f[pos] === '余' || f[pos] === '多') && (f[pos + 1] === '万' || f[pos + 1] === '亿' || baseAt(f, pos + 1))) {
    approx = true;
    pos++;
  }
  if (f[pos] === '万' || f[pos] === '亿') {
    mult = f[pos] === '万' ? SCALE_WAN : SCALE_YI;
    multText = f[pos];
    pos++;
    if ((f[pos] === '余' || f[pos] === '多') && baseAt(f, pos + 1)) {
      approx = true;
      pos++;
    }
  }
  let unit: string | undefined;
  let family: UnitFamily | 'none' = 'none';
  let scale: Decimal | undefined;
  const base = baseAt(f, pos);
  if (base) {
    pos += base.text.length;
    family = base.family;
    if (base.family === 'money') {
      unit = multText + '元';
      scale = mult ?? SCALE_ONE;
    } else {
      unit = multText + base.unit;
      scale = mult;
    }
  } else if (mult) {
    unit = multText;
    family = 'money';
    scale = mult;
  } else if (f[pos] === '%') {
    pos++;
    unit = '%';
    family = 'percent';
  }
  if (!unit) {
    for (const w of NON_QUANTITY_AFTER) {
      if (f.startsWith(w, unitStart)) return { family: 'none', unitStart: at, unitEnd: at, approx, end: at, nonQuantity: w };
    }
    return { family: 'none', unitStart: at, unitEnd: at, approx: false, end: at };
  }
  const unitEnd = pos;
  let end = pos;
  let q = pos;
  if (f.startsWith('(含)', q)) q += 3;
  for (const w of APPROX_AFTER) {
    if (w === '余' || w === '多') continue;
    if (f.startsWith(w, q)) {
      approx = true;
      end = q + w.length;
      break;
    }
  }
  return { unit, family, unitStart, unitEnd, scale, approx, end };
}

function baseAt(f: string, pos: number) {
  for (const u of BASE_UNITS) if (f.startsWith(u.text, pos)) return u;
  return undefined;
}

function isClauseStart(f: string, b: number): boolean {
  return b === 0 || CLAUSE_START_CHARS.includes(f[b - 1]);
}

function processPlain(orig: string, f: string, s: number, e: number, out: LexItem[]): void {
  const run = f.slice(s, e);
  const skip = (why: string): void => {
    out.push({ kind: 'skip', start: s, end: e, why });
  };
  // glued to ASCII letters: a code or a name (N01, DRG2, 5G, COVID-19)
  if (isAsciiLetter(f[s - 1]) || isAsciiLetter(f[e]) || (f[s - 1] === '-' && isAsciiLetter(f[s - 2]))) {
    return skip('letters');
  }
  let numStart = s;
  let negative = false;
  if (f[s - 1] === '-' && !isDigit(f[s - 2]) && f[s - 2] !== '.') {
    negative = true;
    numStart = s - 1;
  }
  const dot = run.indexOf('.');
  const intPart = (dot < 0 ? run : run.slice(0, dot)).replace(/,/g, '');
  const decimals = dot < 0 ? 0 : run.length - dot - 1;
  const isInt = dot < 0 && !run.includes(',');

  const b = skipSpacesBack(f, numStart, 2);
  const prev = f[b - 1];
  for (const w of NON_QUANTITY_BEFORE) {
    if (!endsWithAt(f, b, w)) continue;
    if (w.length === 1 && w !== '第' && w !== '图' && isCjk(f[b - 2])) continue; // 执行 5 次 is not “行 5”
    return skip('label');
  }
  const a = skipSpacesFwd(f, e, 2);
  const next = f[a];
  const value = Number(intPart);
  const yearLike = isInt && intPart.length === 4 && value >= YEAR_MIN && value <= YEAR_MAX;

  // enclosed: (1) ordinal, (2024) document year, [30202] code
  if ((prev === '(' && next === ')') || ('[【〔'.includes(prev ?? '¤') && ']】〕'.includes(next ?? '¤'))) {
    if (yearLike) out.push({ kind: 'year', start: s, end: e, year: value, yearEnd: e });
    else skip(prev === '(' ? 'ordinal' : 'code');
    return;
  }
  // (204类) (06款) (01项): classification codes
  if (prev === '(' && isInt && '类款项'.includes(next ?? '¤') && f[a + 1] === ')') return skip('code');
  // ordinals: “1.” before a word anywhere; “1、”, “1)” at a clause start
  if (isInt && intPart.length <= 3) {
    const after = f[e + 1];
    if (f[e] === '.' && !isDigit(after) && (isClauseStart(f, b) || isCjk(after) || after === ' ' || after === '(' || after === '“')) {
      return skip('ordinal');
    }
    if (isClauseStart(f, b) && (f[e] === '、' || f[e] === ')')) return skip('ordinal');
  }

  // ranges “1-3 季度”, “1至3月”: the first number takes the unit after the second
  let unitFrom = e;
  if ('-~至到'.includes(f[e] ?? '¤') && isDigit(f[e + 1])) {
    let k = e + 1;
    while (k < f.length && (isDigit(f[k]) || (f[k] === '.' && isDigit(f[k + 1])))) k++;
    const hit = detectUnit(f, k);
    if (hit.nonQuantity || !hit.unit) return skip('range');
    unitFrom = k;
  }
  const hit = detectUnit(f, unitFrom);
  if (hit.nonQuantity) return skip(/[表栏行列届版]/.test(hit.nonQuantity) ? 'label' : 'date');

  if (hit.unit === '年' || hit.unit === '年度') {
    if (yearLike || (hit.unit === '年度' && isInt && (intPart.length === 3 || intPart.length === 5))) {
      out.push({ kind: 'year', start: s, end: e, year: value, yearEnd: hit.unitEnd });
      return;
    }
  }
  if (!hit.unit) {
    if (yearLike && value >= 1949) {
      out.push({ kind: 'year', start: s, end: e, year: value, yearEnd: e });
      return;
    }
    if (isInt && intPart.length >= 5) return skip('code');
    if ('[【〔'.includes(prev ?? '¤')) return skip('code');
  }

  let extentStart = numStart;
  let approx = hit.approx;
  const before = skipSpacesBack(f, numStart, 2);
  for (const w of APPROX_BEFORE) {
    if (endsWithAt(f, before, w)) {
      approx = true;
      extentStart = before - w.length;
      break;
    }
  }
  let dec: Decimal;
  try {
    dec = new Decimal(run.replace(/,/g, ''));
  } catch {
    return skip('invalid');
  }
  if (negative && !dec.isZero()) dec = dec.negated();
  const token: NumberToken = {
    value: dec,
    decimals,
    raw: orig.slice(numStart, e),
    span: { start: numStart, end: e },
    extent: { start: extentStart, end: Math.max(hit.end, e) },
  };
  if (hit.unit) {
    token.unit = hit.unit;
    token.unitSpan = { start: hit.unitStart, end: hit.unitEnd };
  }
  if (hit.scale) token.scale = hit.scale;
  if (approx) token.approx = true;
  out.push({ kind: 'quantity', start: numStart, end: e, token, family: hit.family });
}

/**
 * The quantities printed in `text`: money, percentages, counts, measures and bare decimals — never years, dates,
 * ordinals, codes, document numbers, 行次/栏次 or chart labels. Spans index into `text`.
 */
export function parseNumberTokens(text: string): NumberToken[] {
  const items = lexNumbers(text);
  const out: NumberToken[] = [];
  for (const it of items) if (it.kind === 'quantity' && it.token) out.push(it.token);
  return out;
}

/** Unit family of a token (money / percent / count / measure / none). */
export function unitFamily(t: NumberToken): UnitFamily | 'none' {
  if (!t.unit) return 'none';
  if (t.unit === '%' || t.unit === '个百分点') return 'percent';
  if (t.unit === '万' || t.unit === '亿' || t.unit.endsWith('元')) return 'money';
  const base = t.unit.replace(/^[万亿]/, '');
  for (const u of BASE_UNITS) if (u.unit === base) return u.family;
  return 'measure';
}

/** The unit a count or measure is counted in, without 万/亿 (“万人” → “人”); “money” for money. */
export function baseUnit(t: NumberToken): string {
  const fam = unitFamily(t);
  if (fam === 'money') return 'money';
  return (t.unit ?? '').replace(/^[万亿]/, '');
}
