/** Text normalisation used by recognition: full-width forms, spaces, ordinals. */

const FULLWIDTH_MAP: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '；': ';', '，': ',', '．': '.', '＋': '+', '－': '-', '＝': '=', '％': '%',
  '【': '[', '】': ']', '〔': '[', '〕': ']', '“': '"', '”': '"', '‘': "'", '’': "'", '　': ' ', '\u00a0': ' ',
};

/** Any character toHalfWidth changes (full-width ASCII and the keys of FULLWIDTH_MAP); a text without one is kept. */
const NEEDS_FOLDING_RE = /[\uff01-\uff5e\u3010\u3011\u3014\u3015\u201c\u201d\u2018\u2019\u3000\u00a0]/;

/** Full-width ASCII variants → ASCII; CJK punctuation that has an ASCII twin → ASCII. */
export function toHalfWidth(s: string): string {
  if (!NEEDS_FOLDING_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += FULLWIDTH_MAP[ch] ?? ch;
  }
  return out;
}

/** Half-width, all whitespace removed: the form titles and labels are compared in. */
export function squash(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '');
}

/** Strip a leading ordinal such as "一、", "(一)", "1.", "其中：". */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^[\s]*(?:[一二三四五六七八九十廿百]+|\d+)[、.．]\s*/, '')
    .replace(/^[\s]*[(（][一二三四五六七八九十廿\d]+[)）]\s*/, '')
    .replace(/^其中[:：]?/, '')
    .trim();
}

/** Normalised label: half-width, no spaces, no ordinal prefix, no trailing punctuation. */
export function normLabel(s: string): string {
  return squash(stripOrdinal(squash(s))).replace(/[:;,.。]+$/, '');
}

/** Chinese numeral year "二〇二三" is rare; we read arabic years only. */
export function findYear(s: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(s);
  return m ? Number(m[1]) : undefined;
}

const AMOUNT_RE = /^[(（]?[-−－+]?[\d０-９]{1,3}(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?[)）]?$|^[(（]?[-−－+]?[\d０-９]+(?:[.．][\d０-９]+)?[)）]?$/;

/** Does the displayed text look like an amount (not a code, not a label)? */
export function looksLikeAmountText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  return AMOUNT_RE.test(t.replace(/\s/g, ''));
}

/** Does the text look like a subject code ("201", "2010601", "301 01", "201 06 01")? */
export function looksLikeCode(text: string): boolean {
  return /^\s*\d{3}(?:\s*\d{2}){0,2}\s*$/.test(text) || /^\s*\d{2}\s*$/.test(text);
}
