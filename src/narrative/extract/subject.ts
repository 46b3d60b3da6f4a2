/**
 * Subjects: the noun phrase a figure belongs to. Found by walking back from the number to the previous clause boundary
 * (，；：、。 at bracket depth 0, or a connector such as 其中/包括/分别为/用于), then cleaned of the year prefix, ordinals,
 * organisation names in front of a known metric, fillers (共/累计/其中…) and trailing verbs (为/是/达到…). A candidate
 * that reads like running prose (按照, 根据, 由于, 原因, 比/较 …) is dropped: an empty subject is better than a wrong one.
 */
import { CLAUSE_CONNECTORS, METRIC_HEADS, NON_SUBJECT_WORDS, OWN_ORG_PREFIXES } from './lexicon';
import { endsWithAt, isCjk } from './text';
import type { Span } from './types';

/** The parts of an input the subject helpers need. */
export interface TextView {
  orig: string;
  f: string;
  /** partner bracket index, -1 if none */
  partner: Int32Array;
  /** 1 inside a digit run (commas of 1,183.81 are not clause boundaries) */
  numMask: Uint8Array;
}

export const BOUNDARY = ',;:、。!?';

export function sepRank(ch: string | undefined): number {
  if (ch === '、') return 1;
  if (ch === ',') return 2;
  if (ch === ';') return 3;
  if (ch === ':') return 4;
  return 5;
}

export interface ClauseStart {
  start: number;
  /** the boundary character before the clause ('' at the limit), or the connector word */
  boundary: string;
  connector?: string;
  /** the walk stopped at an opening bracket that encloses the position */
  insideBracket?: boolean;
  /** the walk gave up (clause too long): the subject is not reliable */
  truncated?: boolean;
}

const MAX_WALK = 120;

/** Walk back from `pos` (exclusive) to the start of its clause, never before `limit`. */
export function clauseStart(v: TextView, pos: number, limit: number): ClauseStart {
  const { f, partner, numMask } = v;
  let i = pos;
  let steps = 0;
  while (i > limit) {
    if (steps > MAX_WALK) return { start: i, boundary: '', truncated: true };
    for (const w of CLAUSE_CONNECTORS) {
      if (i - w.length >= limit && endsWithAt(f, i, w)) return { start: i, boundary: w, connector: w };
    }
    const k = i - 1;
    const ch = f[k];
    const p = partner[k];
    if (p >= 0) {
      if (p < k) {
        if (p < limit) return { start: i, boundary: '' };
        steps += k - p;
        i = p;
        continue;
      }
      return { start: i, boundary: ch, insideBracket: true };
    }
    if (BOUNDARY.includes(ch) && !numMask[k]) {
      if (!(ch === '、' && f[k - 1] === '收' && f[k + 1] === '支')) return { start: i, boundary: ch };
    }
    i--;
    steps++;
  }
  return { start: limit, boundary: '' };
}

export interface Subject {
  text: string;
  span: Span;
  /** ended with 各 (“各减少”, “各 5 万元”) */
  each?: boolean;
  /** ended with 均为/都为 */
  all?: boolean;
}

const YEAR_PREFIX_RE =
  /(?:截至|截止|至)?\s*\d{4}\s*年(?:度)?(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)?(?:末|底|初|以来|当年)?\s*/g;
const ORDINAL_RE =
  /^(?:\d{1,3}\s*[.、](?!\d)|\(\s*\d{1,3}\s*\)|\(\s*[一二三四五六七八九十]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|条))\s*/;
const LEAD_FILLER_RE =
  /^(?:项目名称|的|其中|另外|此外|同时|包括|分别为|分别是|主要是|主要为|主要用于|主要有|具体为|共计|共有|全年共|累计|以及|还有|截至目前|截止目前|截至|截止|目前|其他方面|即|含|共|及|并|且)\s*/;
const ORG_RE =
  /^[^\s,;:、()]{2,30}?(?:局|委员会|委|办公室|中心|院|所|站|队|政府)(?:部门|单位)?(?:\s*\((?:本级|机关|单位)\))?/;
/** Subjects that are nothing but a filler word. */
const FILLER_ONLY = new Set([
  '共计', '共', '累计', '其中', '包括', '分别为', '约', '为', '达', '达到', '计', '共有', '含', '主要用于', '主要包括', '主要有',
  '具体情况如下', '具体使用情况如下', '主要内容如下', '如下', '的', '和', '及', '与',
]);
const TRAILING_WORDS = ['均为', '都为', '分别为', '达到', '共计', '共有', '大约', '将近', '超过', '为', '是', '达', '共', '约', '近', '逾', '各'];
/** A trailing single character is kept when it ends a word: 行为, 公共, 节约, 附近, 到达 … */
const KEEP_BEFORE: Record<string, string> = {
  为: '行作认成因称视更改以',
  是: '但就还只总于',
  达: '到表发传送抵',
  共: '公',
  约: '节制合契预公条',
  近: '附最接临',
};

function isSpaceCh(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function bracketDepthAt(s: string, end: number): number {
  let d = 0;
  for (let i = 0; i < end; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[' || ch === '【' || ch === '〔' || ch === '《' || ch === '“') d++;
    else if (ch === ')' || ch === ']' || ch === '】' || ch === '〕' || ch === '》' || ch === '”') d = Math.max(0, d - 1);
  }
  return d;
}

/**
 * Clean the candidate subject text at [s, e) of the input. Returns undefined when nothing label-like remains.
 */
export function cleanSubject(v: TextView, s: number, e: number): Subject | undefined {
  const { f, orig } = v;
  const trim = () => {
    while (s < e && (isSpaceCh(f[s]) || ',;:、'.includes(f[s]))) s++;
    while (e > s && (isSpaceCh(f[e - 1]) || ',;:、'.includes(f[e - 1]))) e--;
  };
  trim();
  if (e <= s) return undefined;
  if (e - s > 200) return undefined;
  // year prefix: keep what follows the last year at bracket depth 0
  {
    const sub = f.slice(s, e);
    YEAR_PREFIX_RE.lastIndex = 0;
    let cut = -1;
    for (let m = YEAR_PREFIX_RE.exec(sub); m; m = YEAR_PREFIX_RE.exec(sub)) {
      if (bracketDepthAt(sub, m.index) === 0) cut = m.index + m[0].length;
      if (m[0].length === 0) YEAR_PREFIX_RE.lastIndex++;
    }
    if (cut > 0) s += cut;
    trim();
  }
  let each = false;
  let all = false;
  for (let round = 0; round < 8 && s < e; round++) {
    const before = s;
    const sub = f.slice(s, e);
    let m = ORDINAL_RE.exec(sub);
    if (m) s += m[0].length;
    else {
      const org = OWN_ORG_PREFIXES.find((p) => sub.startsWith(p) && sub.length > p.length);
      if (org) s += org.length;
      else if ((m = LEAD_FILLER_RE.exec(sub)) && m[0].length < sub.length) s += m[0].length;
      else if (sub.startsWith('无') && sub.length > 1) s += 1;
      else if ((m = ORG_RE.exec(sub))) {
        const rest = sub.slice(m[0].length).replace(/^\s+/, '');
        if (METRIC_HEADS.some((h) => rest.startsWith(h))) s += m[0].length;
      }
    }
    trim();
    if (s === before) break;
  }
  // trailing verbs and fillers
  for (let round = 0; round < 4 && e > s; round++) {
    const before = e;
    for (const w of TRAILING_WORDS) {
      if (e - s <= w.length || !endsWithAt(f, e, w)) continue;
      if (w.length === 1 && KEEP_BEFORE[w]?.includes(f[e - 2])) continue;
      if (w === '各') each = true;
      if (w === '均为' || w === '都为') all = true;
      e -= w.length;
      break;
    }
    trim();
    if (e === before) break;
  }
  if (e <= s) return undefined;
  const text = f.slice(s, e);
  if (!acceptable(text) || FILLER_ONLY.has(text)) return undefined;
  const out: Subject = { text: orig.slice(s, e), span: { start: s, end: e } };
  if (each) out.each = true;
  if (all) out.all = true;
  return out;
}

/** Does the text read like a label rather than prose? */
export function acceptable(text: string): boolean {
  if (text.length > 60) return false;
  let letters = 0;
  for (const ch of text) if (isCjk(ch) || /[A-Za-z]/.test(ch)) letters++;
  if (letters === 0) return false;
  if (NON_SUBJECT_WORDS.some((w) => text.includes(w))) return false;
  if (/是/.test(text)) return false;
  if (/比(?![例重])/.test(text.replace(/对比|相比|同比/g, '#'))) return false;
  if (/较(?![大多少好快慢高低为])/.test(text)) return false;
  if (/同比|相比/.test(text)) return false;
  return true;
}

/** Split “甲和乙”, “处理率、回告率和办结率” into members (only when there are at least two). */
export function members(text: string): string[] | undefined {
  const parts = text
    .split(/[、和与及]/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  return parts.length >= 2 ? parts : undefined;
}
