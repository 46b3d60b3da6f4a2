/**
 * Plain-text narratives: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark, otherwise GB18030
 * (GBK / GB2312 files written by Chinese editions of Windows). One paragraph per non-empty line.
 */
import { CrossfootError } from '../../errors';

/** Decode the bytes of a text file; `name` is used in messages. */
export function decodeText(buf: Uint8Array, name: string): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(buf.subarray(3));
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // NUL bytes do not occur in UTF-8 or GB18030 text: a binary file (a renamed .docx, .pdf, .xls …)
  if (buf.includes(0)) throw new CrossfootError('not-text', { file: name });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** Non-empty lines, trimmed (full-width spaces too). */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n?|\n|[\u2028\u2029]/)
    .map((l) => l.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ''))
    .filter((l) => l !== '');
}
