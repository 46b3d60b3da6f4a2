/**
 * Opening an input file the user named (a workbook, a narrative): file-system errors become one clear, localized
 * CrossfootError, and a directory or other non-file is refused before anything is read.
 */
import { promises as fs, type Stats } from 'node:fs';
import { CrossfootError } from '../errors';

/** Map a file-system error (errno code) to a CrossfootError naming the file as the user gave it. */
export function fileSystemError(e: unknown, filePath: string): CrossfootError {
  const code = (e as NodeJS.ErrnoException | null | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new CrossfootError('file-not-found', { file: filePath }, e);
    case 'EISDIR':
      return new CrossfootError('not-a-file', { file: filePath }, e);
    case 'EACCES':
    case 'EPERM':
      return new CrossfootError('permission-denied', { file: filePath }, e);
    case 'EBUSY':
      return new CrossfootError('file-locked', { file: filePath }, e);
    default:
      return new CrossfootError('unreadable', { file: filePath, detail: code ?? String(e) }, e);
  }
}

/** stat() an input file: a missing, unreadable or non-regular file raises the matching CrossfootError. */
export async function statInputFile(filePath: string): Promise<Stats> {
  let stat: Stats;
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    throw fileSystemError(e, filePath);
  }
  if (!stat.isFile()) throw new CrossfootError('not-a-file', { file: filePath });
  return stat;
}
