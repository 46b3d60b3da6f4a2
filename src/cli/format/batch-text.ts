/**
 * The batch summary for people: an aligned table (CJK characters count two columns), the sentences of the files that
 * could not be read, and a totals line.
 */
import { t, type Lang } from '../../i18n';
import type { BatchResult } from '../batch';
import { cliMessages } from '../messages';
import { batchHeader, batchRow } from './batch-common';
import { makeStyle } from './style';

export interface BatchTextOptions {
  lang: Lang;
  colors?: boolean;
}

/** Display width in a terminal: East Asian wide and fullwidth characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const NUMERIC = new Set([2, 3, 4, 5, 6]);

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function formatBatchText(result: BatchResult, options: BatchTextOptions): string {
  const { lang } = options;
  const st = makeStyle(options.colors === true);
  const header = batchHeader(lang);
  const rows = result.files.map((r) => batchRow(r, lang));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i], NUMERIC.has(i))))
      .join('  ')
      .trimEnd();
  const out: string[] = [st.bold(line(header)), ...rows.map(line)];
  const bad = result.files.filter((r) => r.error);
  if (bad.length > 0) {
    out.push('', t(cliMessages, lang, 'batch.failures'));
    for (const r of bad) out.push(`  ${r.file}: ${r.error?.message ?? ''}`);
  }
  const s = result.summary;
  out.push(
    '',
    t(cliMessages, lang, 'batch.totals', {
      files: s.files,
      checked: s.checked,
      unreadable: s.unreadable,
      failing: s.failing,
      errors: s.errors,
      warnings: s.warnings,
    }),
  );
  return `${out.join('\n')}\n`;
}
