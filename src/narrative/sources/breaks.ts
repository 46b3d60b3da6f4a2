/**
 * Line breaks inside one piece of prose (a wrapped cell with Alt+Enter breaks, a Word paragraph with manual line
 * breaks): a break after a sentence or around a heading separates paragraphs; any other break is a wrap inside a
 * sentence (text pasted from a PDF) and is joined, without a space between CJK characters.
 */

const SENTENCE_END_RE = /(?:[。！？；!?;]|[。！？][”」』])$/;
const HEADING_START_RE =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分|图\s*\d|表\s*\d)/;
const HEADING_END_RE = /(?:说明|情况|概况|概述|简介|目录|名词解释|附件\S{0,6}|[:：])$/;

/** A heading line: an ordinal heading without a full sentence, a “第…部分 / 图 n / 表 n” line, or a short title. */
export function isHeadingLine(line: string): boolean {
  if (/[。]/.test(line)) return false;
  if (HEADING_START_RE.test(line) && line.length <= 60) return true;
  return line.length <= 40 && !/[，,；;]/.test(line) && HEADING_END_RE.test(line);
}

/** Join two wrapped pieces: a space only between two ASCII letters or digits. */
function join(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Split prose at its paragraph breaks (see the module comment); an empty line always separates. */
export function splitBreaks(text: string): string[] {
  const lines = text.replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n').split('\n');
  const out: string[] = [];
  let buf = '';
  for (const raw of lines) {
    const line = raw.replace(/[\s\u00a0\u3000]+$/, '').replace(/^[\s\u00a0\u3000]+/, '');
    if (!line) {
      if (buf) out.push(buf);
      buf = '';
      continue;
    }
    if (!buf) {
      buf = line;
      continue;
    }
    if (SENTENCE_END_RE.test(buf) || isHeadingLine(buf) || HEADING_START_RE.test(line) || isHeadingLine(line)) {
      out.push(buf);
      buf = line;
    } else {
      buf = join(buf, line);
    }
  }
  if (buf) out.push(buf);
  return out;
}
