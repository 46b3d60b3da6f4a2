/**
 * `--summary-csv`: the batch summary as RFC 4180 CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese
 * correctly), CRLF line ends, headers in the chosen language, plus a last column with the error sentence of an
 * unreadable file.
 */
import { t, type Lang } from '../../i18n';
import type { BatchResult } from '../batch';
import { cliMessages } from '../messages';
import { batchHeader, batchRow } from './batch-common';

export const BOM = '\ufeff';

/** One CSV field: quoted when it holds a comma, quote, line break or leading/trailing space; formula starts defused. */
export function csvField(value: string): string {
  // a cell starting with = + - @ would be run as a formula by Excel (CSV injection): prefix it with an apostrophe
  const v = value.length > 1 && /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatBatchCsv(result: BatchResult, lang: Lang): string {
  const header = [...batchHeader(lang), t(cliMessages, lang, 'batch.col.note')];
  const rows = result.files.map((r) => [...batchRow(r, lang), r.error?.message ?? '']);
  return BOM + [header, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
