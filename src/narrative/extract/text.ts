/**
 * Character-level helpers. The extractor works on a folded copy of the input that has exactly the same length (one
 * UTF-16 code unit in, one out), so every index found in the folded text is an index into the original.
 */

/** Full-width ASCII → ASCII, odd spaces → ' ', minus variants → '-', small/full-width percent → '%'. Same length. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a)) out += ' ';
    else if (c === 0x2212 || c === 0xfe63 || (c >= 0x2010 && c <= 0x2013)) out += '-';
    else if (c === 0xfe6a) out += '%';
    else if (c === 0x2264) out += '≤';
    else if (c === 0x2265) out += '≥';
    else out += s[i];
  }
  return out;
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u200b' || ch === '\ufeff';
}

/** A CJK ideograph (BMP unified ideographs and extension A). */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Is the digit a full-width digit in the original text? */
export function isWideDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19;
}

/** Opening → closing bracket pairs recognised in folded text. */
export const PAIRS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '【': '】',
  '〔': '〕',
  '《': '》',
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '{': '}',
};
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/**
 * Bracket matching over [start, end): partner[i] is the index of the matching bracket (both directions), -1 for other
 * characters and unmatched brackets. A closer only searches the top 8 entries of the stack, which keeps pathological
 * inputs linear.
 */
export function matchPairs(f: string, start: number, end: number, partner: Int32Array): void {
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = f[i];
    if (PAIRS[ch] !== undefined) {
      stack.push(i);
      continue;
    }
    const open = CLOSERS[ch];
    if (open === undefined) continue;
    for (let k = stack.length - 1, n = 0; k >= 0 && n < 8; k--, n++) {
      if (f[stack[k]] === open) {
        partner[stack[k]] = i;
        partner[i] = stack[k];
        stack.length = k;
        break;
      }
    }
  }
}

export function span(start: number, end: number): { start: number; end: number } {
  return { start, end };
}

/** Skip spaces forward from i (at most `max`). */
export function skipSpacesFwd(f: string, i: number, max = 4): number {
  let n = 0;
  while (i < f.length && n < max && (f[i] === ' ' || f[i] === '\t')) {
    i++;
    n++;
  }
  return i;
}

/** Skip spaces backward: returns the index just after the last non-space character before i. */
export function skipSpacesBack(f: string, i: number, max = 4): number {
  let n = 0;
  while (i > 0 && n < max && (f[i - 1] === ' ' || f[i - 1] === '\t')) {
    i--;
    n++;
  }
  return i;
}

/** Does the text ending at position `end` end with `word`? */
export function endsWithAt(f: string, end: number, word: string): boolean {
  const s = end - word.length;
  return s >= 0 && f.startsWith(word, s);
}

/** Normalised form of a label for equality tests: folded, no whitespace, no quotes. */
export function normLabel(s: string): string {
  return fold(s).replace(/[\s"“”'‘’]/g, '');
}

/** Character-bigram Dice similarity of two labels (0…1). */
export function similarity(a: string, b: string): number {
  const x = normLabel(a);
  const y = normLabel(b);
  if (x === y) return x.length > 0 ? 1 : 0;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < x.length; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const g = y.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}
