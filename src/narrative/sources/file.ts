/**
 * Narrative files given next to the workbook: .txt and .docx. File-system problems and bad files are CrossfootErrors
 * (missing, a directory, no permission, unsupported type, old .doc, password-protected, damaged, binary text).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileSystemError, statInputFile } from '../../adapters/input-file';
import { classifyCfb, cfbEntryNames, sniffContainer } from '../../adapters/sniff';
import { CrossfootError } from '../../errors';
import { docxParagraphs } from './docx';
import { decodeText, textParagraphs } from './text';
import type { Paragraph } from './types';

/** Largest narrative file accepted. */
export const MAX_NARRATIVE_FILE_BYTES = 64 * 1024 * 1024;


/** Read the paragraphs of a .txt or .docx narrative file. */
export async function paragraphsFromFile(filePath: string): Promise<Paragraph[]> {
  const name = path.basename(filePath) || filePath;
  const ext = path.extname(filePath).toLowerCase();
  if (ext !== '.txt' && ext !== '.docx' && ext !== '.doc') {
    throw new CrossfootError('unsupported-narrative-file', { file: name, ext: path.extname(filePath) });
  }
  const stat = await statInputFile(filePath);
  if (stat.size > MAX_NARRATIVE_FILE_BYTES) throw new CrossfootError('too-large', { file: name, limit: '64 MiB', kind: 'file' });
  let buf: Buffer;
  try {
    buf = await fs.readFile(filePath, { flag: 'r' });
  } catch (e) {
    throw fileSystemError(e, filePath);
  }

  let texts: string[];
  if (ext === '.txt') {
    texts = textParagraphs(decodeText(buf, name));
  } else {
    const kind = sniffContainer(buf);
    if (kind === 'cfb') {
      if (classifyCfb(buf) === 'encrypted') throw new CrossfootError('encrypted-document', { file: name });
      if (cfbEntryNames(buf).some((n) => n.toLowerCase() === 'worddocument')) throw new CrossfootError('legacy-doc', { file: name });
      throw new CrossfootError('corrupt-docx', { file: name, reason: 'zip', detail: 'an OLE compound file, not a zip' });
    }
    if (ext === '.doc' && kind !== 'zip') throw new CrossfootError('legacy-doc', { file: name });
    if (kind === 'empty') throw new CrossfootError('corrupt-docx', { file: name, reason: 'empty-file', detail: '0 bytes' });
    if (kind !== 'zip') throw new CrossfootError('corrupt-docx', { file: name, reason: 'zip', detail: 'not a zip archive' });
    texts = await docxParagraphs(buf, name);
  }
  return texts.map((text, i) => ({ text, location: { file: filePath, paragraph: i + 1 } }));
}
