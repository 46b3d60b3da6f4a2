/** Shared pieces of the batch summary formatters: the columns and the localized status. */
import { t, type Lang } from '../../i18n';
import type { BatchFileResult, BatchStatus } from '../batch';
import { cliMessages } from '../messages';

export function statusLabel(status: BatchStatus, lang: Lang): string {
  switch (status) {
    case 'clean':
      return t(cliMessages, lang, 'batch.status.clean');
    case 'warnings':
      return t(cliMessages, lang, 'batch.status.warnings');
    case 'errors':
      return t(cliMessages, lang, 'batch.status.errors');
    case 'no-tables':
      return t(cliMessages, lang, 'batch.status.no-tables');
    case 'unreadable':
      return t(cliMessages, lang, 'batch.status.unreadable');
  }
}

/** The summary table's header: file, department, year, tables, errors, warnings, cannot-check, status. */
export function batchHeader(lang: Lang): string[] {
  return [
    t(cliMessages, lang, 'batch.col.file'),
    t(cliMessages, lang, 'batch.col.department'),
    t(cliMessages, lang, 'batch.col.year'),
    t(cliMessages, lang, 'batch.col.tables'),
    t(cliMessages, lang, 'batch.col.errors'),
    t(cliMessages, lang, 'batch.col.warnings'),
    t(cliMessages, lang, 'batch.col.cannot'),
    t(cliMessages, lang, 'batch.col.status'),
  ];
}

/** One file's cells in header order; an unreadable file shows "-" for what could not be counted. */
export function batchRow(r: BatchFileResult, lang: Lang): string[] {
  const bad = r.status === 'unreadable';
  const n = (v: number): string => (bad ? '-' : String(v));
  return [
    r.file,
    r.department ?? '',
    r.year !== undefined ? String(r.year) : '',
    n(r.tables),
    n(r.errors),
    n(r.warnings),
    n(r.cannotCheck),
    statusLabel(r.status, lang),
  ];
}
