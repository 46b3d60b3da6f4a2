/**
 * Sentence splitting for 情况说明 text, one paragraph per workbook cell. Cells are expected to be joined with "\n"
 * when several are passed at once; a sentence may continue in the next cell.
 *
 * A sentence ends at 。！？!? (with any closing quote or bracket right after it). A line break ends a sentence too,
 * unless the line obviously continues: it ends with “：”, “（”, ““”, “《”, or it ends with “，”/“；”/“、” and the next line
 * is not a heading, or it is a clause cut mid-sentence (the line itself contains a comma and ends in a character, and
 * the next line does not start with an ordinal, a year or a chart label).
 */
import { fold, isCjk, isDigit } from './text';
import type { Span } from './types';

const ENDERS = '。!?';
const CLOSE_AFTER_END = '”’)」』》】';
const JOIN_ALWAYS = ':(“《[【';
const JOIN_UNLESS_HEADING = ',;、';

export type OrdinalStyle = 'num' | 'num-paren' | 'cn' | 'cn-paren' | 'part';

export interface Ordinal {
  style: OrdinalStyle;
  value: number;
  /** [start, end) of the ordinal text, including its “.”/“、”/brackets and the spaces after it */
  start: number;
  end: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Value of a Chinese numeral 一 … 九十九; NaN when malformed. */
export function cnNumber(s: string): number {
  if (s.length === 0 || s.length > 3) return NaN;
  if (s === '十') return 10;
  const t = s.indexOf('十');
  if (t < 0) return s.length === 1 ? (CN_DIGITS[s] ?? NaN) : NaN;
  if (t > 1 || s.length - t > 2) return NaN;
  const digit = (c: string) => (c === '十' ? NaN : (CN_DIGITS[c] ?? NaN));
  const tens = t === 0 ? 1 : digit(s.slice(0, t));
  const ones = t === s.length - 1 ? 0 : digit(s.slice(t + 1));
  return tens * 10 + ones;
}

const ORD_NUM = /^(\d{1,3})\s*[.、](?!\d)\s*/;
const ORD_NUM_PAREN = /^\(\s*(\d{1,3})\s*\)\s*/;
const ORD_CN_PAREN = /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*/;
const ORD_CN = /^([一二三四五六七八九十]{1,3})\s*[、.](?!\d)\s*/;
const ORD_PART = /^第([一二三四五六七八九十]{1,3}|\d{1,3})部分\s*/;

/** The ordinal printed at position `pos` of folded text (after skipping spaces), if any. */
export function ordinalAt(f: string, pos: number): Ordinal | undefined {
  let p = pos;
  while (p < f.length && (f[p] === ' ' || f[p] === '\t' || f[p] === '\n' || f[p] === '\r')) p++;
  const rest = f.slice(p, p + 16);
  let m: RegExpExecArray | null;
  if ((m = ORD_NUM.exec(rest))) return { style: 'num', value: Number(m[1]), start: p, end: p + m[0].length };
  if ((m = ORD_NUM_PAREN.exec(rest))) return { style: 'num-paren', value: Number(m[1]), start: p, end: p + m[0].length };
  if ((m = ORD_CN_PAREN.exec(rest))) {
    const v = cnNumber(m[1]);
    if (!Number.isNaN(v)) return { style: 'cn-paren', value: v, start: p, end: p + m[0].length };
  }
  if ((m = ORD_CN.exec(rest))) {
    const v = cnNumber(m[1]);
    if (!Number.isNaN(v)) return { style: 'cn', value: v, start: p, end: p + m[0].length };
  }
  if ((m = ORD_PART.exec(rest))) {
    const v = isDigit(m[1][0]) ? Number(m[1]) : cnNumber(m[1]);
    if (!Number.isNaN(v)) return { style: 'part', value: v, start: p, end: p + m[0].length };
  }
  return undefined;
}

/** Does the line starting at `pos` look like the start of a new block (heading, ordinal item, year, chart label)? */
function startsBlock(f: string, pos: number, strongOnly: boolean): boolean {
  const o = ordinalAt(f, pos);
  if (o) return strongOnly ? o.style === 'cn' || o.style === 'cn-paren' || o.style === 'part' : true;
  if (strongOnly) return /^\s*(图|表)\s*\d/.test(f.slice(pos, pos + 8));
  return /^\s*(\d{4}\s*年|图\s*\d|表\s*\d|第)/.test(f.slice(pos, pos + 12));
}

/** Sentence ranges [start, end) over folded text, trimmed of surrounding whitespace; empty sentences dropped. */
export function sentenceRanges(f: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = f.length;
  let s = 0;
  let sawClausePunct = false;
  // punctuation of a leading ordinal (“二、”) does not make a heading line a clause
  let punctFrom = ordinalAt(f, 0)?.end ?? 0;
  const push = (a: number, b: number) => {
    while (a < b && isWs(f[a])) a++;
    while (b > a && isWs(f[b - 1])) b--;
    if (b > a && hasContent(f, a, b)) out.push([a, b]);
  };
  for (let i = 0; i < n; i++) {
    const ch = f[i];
    if (ENDERS.includes(ch)) {
      let e = i + 1;
      while (e < n && (ENDERS.includes(f[e]) || CLOSE_AFTER_END.includes(f[e]))) e++;
      push(s, e);
      s = e;
      i = e - 1;
      sawClausePunct = false;
      continue;
    }
    if ((ch === ',' || ch === ';' || ch === '、') && i >= punctFrom) sawClausePunct = true;
    if (ch !== '\n' && ch !== '\r') continue;
    const linePunct = sawClausePunct;
    sawClausePunct = false;
    punctFrom = ordinalAt(f, i + 1)?.end ?? i + 1;
    let k = i;
    while (k > s && isWs(f[k - 1])) k--;
    if (k === s) continue; // nothing on this line yet
    const last = f[k - 1];
    const next = i + 1;
    let join = false;
    if (JOIN_ALWAYS.includes(last)) join = true;
    else if (JOIN_UNLESS_HEADING.includes(last)) join = !startsBlock(f, next, true);
    else if (linePunct && (isCjk(last) || isDigit(last) || last === '%')) join = !startsBlock(f, next, false);
    if (join) continue;
    push(s, i);
    s = i + 1;
  }
  push(s, n);
  return out;
}

function isWs(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function hasContent(f: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const ch = f[i];
    if (isCjk(ch) || isDigit(ch) || /[A-Za-z]/.test(ch)) return true;
  }
  return false;
}

/**
 * Split a paragraph (or several cells joined with "\n") into sentences. Spans index into `paragraph`; text is the
 * sentence as printed.
 */
export function splitSentences(paragraph: string): Array<{ text: string; span: Span }> {
  const f = fold(paragraph);
  return sentenceRanges(f).map(([a, b]) => ({ text: paragraph.slice(a, b), span: { start: a, end: b } }));
}
