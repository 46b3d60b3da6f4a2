/**
 * Declared formulas printed in table notes (domain primer §4.2), e.g.
 *   27行=（1+2+3+4+5+6+7+8）行；31行=（27+28+29）行；58行=（32+33+…+57）行。
 *   1栏各行=（2+3+4+5+6+7）栏各行。   6栏各行=（1+2-3）栏各行
 *   1栏=（2+3+6）栏；3栏=（4+5）栏
 *
 * `N行=(…)行` is a row identity over 行次 (evaluated in every amount column); `N栏各行=(…)栏各行` a column identity over
 * 栏次 evaluated in every row; `N栏=(…)栏` a column identity evaluated in the single data row.
 *
 * The parser folds full-width characters and spaces, tolerates missing or mismatched brackets, expands ranges
 * (`33+34+…+58`, `32+33+...+57`, `2+…+7`, `a+……+b`, inclusive), accepts terms that repeat the unit (`1栏=2栏+3栏`), and
 * finds formulas inside prose. A fragment that looks like a formula but cannot be read goes to `problems`. It never
 * throws.
 */

export type FormulaAxis = 'row' | 'col';

export interface FormulaTerm {
  /** 行次 (axis row) or 栏次 (axis col), 1-based as printed */
  index: number;
  weight: 1 | -1;
}

export interface NoteFormula {
  axis: FormulaAxis;
  /** the 行次/栏次 on the left-hand side */
  target: number;
  /** right-hand side, ranges expanded, in printed order */
  terms: FormulaTerm[];
  /** `N栏各行=…`: a column identity evaluated in every row (always false for rows) */
  eachLine: boolean;
  /** the formula as printed (note.slice(span[0], span[1])) */
  source: string;
  /** [start, end) offsets into the note text */
  span: [number, number];
}

export interface FormulaProblem {
  /** the fragment as printed */
  text: string;
  /** [start, end) offsets into the note text */
  span: [number, number];
}

/** Ranges longer than this are not believed (a typo such as 1+…+5800). */
const MAX_RANGE = 1000;

interface Normalised {
  text: string;
  /** start offset in the note of each normalised character */
  start: number[];
  /** end offset (exclusive) in the note of each normalised character */
  end: number[];
}

const BRACKET_OPEN = '([【〔〖［';
const BRACKET_CLOSE = ')]】〕〗］';
const MINUS = '−﹣‐‑‒–';
const ELLIPSIS_CHARS = '…⋯‥.·・';

function normalise(note: string): Normalised {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < note.length; ) {
    const cp = note.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let ch = String.fromCodePoint(cp);
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') ch = ';';
    else if (/\s/.test(ch) || /[\u200b-\u200d\u2060\ufeff]/.test(ch)) ch = '';
    else if (BRACKET_OPEN.includes(ch)) ch = '(';
    else if (BRACKET_CLOSE.includes(ch)) ch = ')';
    else if (MINUS.includes(ch)) ch = '-';
    // one map entry per UTF-16 unit of the normalised text (an astral character keeps its two units)
    for (let k = 0; k < ch.length; k++) {
      start.push(i);
      end.push(i + len);
    }
    text += ch;
    i += len;
  }
  return { text, start, end };
}

type Unit = '行' | '栏';

interface RhsOk {
  ok: true;
  terms: FormulaTerm[];
  unit?: Unit;
  each: boolean;
  brackets: boolean;
  end: number;
}
interface RhsBad {
  ok: false;
  end: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** An ellipsis at i: any run containing …/⋯/‥, or a run of 2+ dots/middle dots. Returns its length (0 if none). */
function ellipsisAt(s: string, i: number): number {
  let j = i;
  while (j < s.length && ELLIPSIS_CHARS.includes(s[j])) j++;
  const run = s.slice(i, j);
  if (run.length === 0) return 0;
  if (/[…⋯‥]/.test(run) || run.length >= 2) return run.length;
  return 0;
}

/** Parse the right-hand side starting at i (just after "="). */
function parseRhs(s: string, i0: number): RhsOk | RhsBad {
  let i = i0;
  let brackets = false;
  while (s[i] === '(') {
    brackets = true;
    i++;
  }
  const terms: FormulaTerm[] = [];
  const units: Unit[] = [];
  let each = false;

  const readInt = (): number | null => {
    let j = i;
    while (isDigit(s[j])) j++;
    if (j === i || j - i > 6) return null;
    const n = Number(s.slice(i, j));
    i = j;
    return n;
  };
  const readTermUnit = (): void => {
    if (s[i] === '行' || s[i] === '栏') {
      units.push(s[i] as Unit);
      i++;
      if (s.startsWith('各行', i) || s.startsWith('各栏', i)) {
        each = each || s[i + 1] === '行';
        i += 2;
      }
    }
  };

  let sign: 1 | -1 = 1;
  if (s[i] === '+' || s[i] === '-') {
    sign = s[i] === '-' ? -1 : 1;
    i++;
  }
  const first = readInt();
  if (first === null) return { ok: false, end: i };
  terms.push({ index: first, weight: sign });
  readTermUnit();

  for (;;) {
    const c = s[i];
    let el = ellipsisAt(s, i);
    if (c === '+' || c === '-') {
      const op: 1 | -1 = c === '-' ? -1 : 1;
      const el2 = ellipsisAt(s, i + 1);
      if (el2 > 0) {
        // a + … + b: the range continues the previous term
        if (op !== 1) return { ok: false, end: i + 1 + el2 };
        i++;
        el = el2;
      } else {
        i++;
        const n = readInt();
        if (n === null) return { ok: false, end: i };
        terms.push({ index: n, weight: op });
        readTermUnit();
        continue;
      }
    }
    if (el > 0) {
      i += el;
      if (s[i] === '+') i++;
      const last = terms[terms.length - 1];
      const to = readInt();
      if (to === null || to <= last.index || to - last.index > MAX_RANGE) return { ok: false, end: i };
      for (let k = last.index + 1; k <= to; k++) terms.push({ index: k, weight: last.weight });
      readTermUnit();
      continue;
    }
    break;
  }
  while (s[i] === ')') {
    brackets = true;
    i++;
  }
  let unit: Unit | undefined;
  if (s[i] === '行' || s[i] === '栏') {
    unit = s[i] as Unit;
    i++;
    if (s.startsWith('各行', i) || s.startsWith('各栏', i)) {
      each = each || s[i + 1] === '行';
      i += 2;
    }
  }
  // a unit repeated after every term (1栏=2栏+3栏) must be the same unit throughout
  const all = unit ? [...units, unit] : units;
  if (all.some((u) => u !== all[0])) return { ok: false, end: i };
  return { ok: true, terms, unit: all[0], each, brackets, end: i };
}

const TARGET_RE = /(\d{1,6})(行|栏)(各行|各栏)?$/;
const SEPARATORS = ';:,。';

export function parseNoteFormulas(note: string): { formulas: NoteFormula[]; problems: FormulaProblem[] } {
  const formulas: NoteFormula[] = [];
  const problems: FormulaProblem[] = [];
  if (typeof note !== 'string' || note === '') return { formulas, problems };
  const n = normalise(note);
  const s = n.text;

  const spanOf = (from: number, to: number): [number, number] => {
    if (to <= from) return [n.start[from] ?? note.length, n.start[from] ?? note.length];
    return [n.start[from], n.end[to - 1]];
  };
  const problem = (from: number, to: number): void => {
    // extend to the end of the fragment (next separator), at most 20 characters past what was read
    let j = Math.max(to, from + 1);
    while (j < s.length && j - to < 20 && !SEPARATORS.includes(s[j])) j++;
    const span = spanOf(from, Math.min(j, s.length));
    problems.push({ text: note.slice(span[0], span[1]), span });
  };

  let consumed = 0; // normalised index up to which text belongs to an accepted formula or a reported problem
  for (let e = s.indexOf('='); e >= 0; e = s.indexOf('=', e + 1)) {
    if (e < consumed) continue;
    const lhs = TARGET_RE.exec(s.slice(Math.max(consumed, e - 12), e));
    const rhs = parseRhs(s, e + 1);
    if (!lhs) {
      // "…=(1+2+3)行" without a readable target looks like a formula; "…=12万元" does not
      if (rhs.ok && rhs.unit) {
        // include the word printed where the target should be ("合计=(1+2)行")
        let from = e;
        while (from > Math.max(consumed, e - 12) && !SEPARATORS.includes(s[from - 1]) && s[from - 1] !== '(') from--;
        problem(from, rhs.end);
        consumed = rhs.end;
      }
      continue;
    }
    const from = e - lhs[0].length;
    const target = Number(lhs[1]);
    const tUnit = lhs[2] as Unit;
    const tEach = lhs[3] === '各行';
    if (!rhs.ok) {
      problem(from, rhs.end);
      consumed = rhs.end;
      continue;
    }
    const next = s[rhs.end];
    // what follows a complete formula cannot continue an expression ("…)行+3行", "(1.5+2)行")
    const badTail = next !== undefined && (/[-+=(.…⋯‥·・]/.test(next) || (isDigit(next) && !rhs.unit));
    const bad =
      (rhs.unit !== undefined && rhs.unit !== tUnit) ||
      (rhs.unit === undefined && !rhs.brackets) ||
      target < 1 ||
      rhs.terms.some((t) => t.index < 1) ||
      badTail;
    if (bad) {
      problem(from, rhs.end);
      consumed = rhs.end;
      continue;
    }
    const span = spanOf(from, rhs.end);
    formulas.push({
      axis: tUnit === '行' ? 'row' : 'col',
      target,
      terms: rhs.terms,
      eachLine: tUnit === '栏' && (tEach || rhs.each),
      source: note.slice(span[0], span[1]),
      span,
    });
    consumed = rhs.end;
  }
  return { formulas, problems };
}
