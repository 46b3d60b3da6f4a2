/**
 * Paragraphs of a .docx body (word/document.xml), read with a small tag scanner: paragraphs `w:p`, text `w:t`, tabs,
 * line and page breaks, non-breaking hyphens. Not read: table contents (`w:tbl`: the document's tables, not prose),
 * deleted and moved-away text, field instructions, the fallback copy of text boxes (`mc:Fallback`), headers, footers
 * and notes. A paragraph nested in a text box is its own paragraph.
 */
import JSZip from 'jszip';
import { CrossfootError } from '../../errors';
import { readZipDirectory } from '../../adapters/sniff';
import { splitBreaks } from './breaks';

/** Largest word/document.xml accepted, uncompressed (zip-bomb guard). */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Element names whose whole content is skipped. */
const SKIPPED = new Set(['w:tbl', 'w:del', 'w:moveFrom', 'mc:Fallback', 'w:instrText', 'w:delText']);

/** The non-empty paragraphs of a document.xml, in document order. */
export function documentXmlParagraphs(xml: string): string[] {
  if (!/<w:document[\s>]/.test(xml) && !/<w:body[\s>]/.test(xml)) throw new Error('no w:document element');
  const out: string[] = [];
  const stack: string[] = []; // open paragraphs' text
  let skip = 0; // depth inside skipped elements
  const skipStack: string[] = [];
  let inText = false;
  let runDepth = 0;
  // linear-time scanner: a tag's attributes never contain “<”; an unclosed comment, CDATA or stray “<” ends cleanly
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)([^<>]*?)(\/?)>|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|([^<]+)|</g;
  const append = (s: string) => {
    if (stack.length > 0 && skip === 0) stack[stack.length - 1] += s;
  };
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml))) {
    const [, close, name, attrs, selfClose, cdata, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (inText) append(cdata !== undefined ? cdata : decodeEntities(text!));
      continue;
    }
    if (!name) continue; // comment or processing instruction
    if (SKIPPED.has(name)) {
      if (selfClose) continue;
      if (close) {
        if (skipStack[skipStack.length - 1] === name) {
          skipStack.pop();
          skip--;
        }
      } else {
        skipStack.push(name);
        skip++;
      }
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClose) break;
        if (close) {
          const p = stack.pop();
          if (p !== undefined && skip === 0) for (const s of splitBreaks(p.replace(/\t/g, ' '))) out.push(s);
        } else stack.push('');
        break;
      case 'w:r':
        if (!selfClose) runDepth += close ? -1 : 1;
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (runDepth > 0 && !close) append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (runDepth > 0 && !close) append(/w:type\s*=\s*["']page["']/.test(attrs) ? '\n\n' : '\n');
        break;
      case 'w:noBreakHyphen':
        if (runDepth > 0 && !close) append('-');
        break;
      default:
        break;
    }
  }
  return out;
}

/** Paragraphs of a .docx held in memory; `name` is used in messages. */
export async function docxParagraphs(buf: Buffer, name: string): Promise<string[]> {
  if (buf.length === 0) throw new CrossfootError('corrupt-docx', { file: name, reason: 'empty-file', detail: '0 bytes' });
  let entries;
  try {
    entries = readZipDirectory(buf, name);
  } catch (e) {
    const reason = e instanceof CrossfootError && e.params.reason === 'empty-file' ? 'empty-file' : 'zip';
    throw new CrossfootError('corrupt-docx', { file: name, reason, detail: e instanceof Error ? e.message : String(e) }, e);
  }
  const entry = entries.find((x) => x.name === 'word/document.xml');
  if (!entry) throw new CrossfootError('corrupt-docx', { file: name, reason: 'no-document', detail: 'word/document.xml missing' });
  if (entry.uncompressedSize > MAX_DOCUMENT_XML_BYTES) {
    throw new CrossfootError('too-large', { file: name, limit: '64 MiB', kind: 'unzipped' });
  }
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
    const file = zip.file('word/document.xml');
    if (!file) throw new Error('word/document.xml missing');
    xml = await file.async('string');
  } catch (e) {
    throw new CrossfootError('corrupt-docx', { file: name, reason: 'zip', detail: e instanceof Error ? e.message : String(e) }, e);
  }
  if (xml.length > MAX_DOCUMENT_XML_BYTES) throw new CrossfootError('too-large', { file: name, limit: '64 MiB', kind: 'unzipped' });
  try {
    return documentXmlParagraphs(xml);
  } catch (e) {
    throw new CrossfootError('corrupt-docx', { file: name, reason: 'xml', detail: e instanceof Error ? e.message : String(e) }, e);
  }
}
