/** `inspect --format text`: the report for people, in the chosen language. */
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { UnplacedBlock } from '../../model/table';
import type { InspectReport } from '../inspect';
import { cliMessages } from '../messages';
import { makeStyle } from './style';
import { sheetRange, summariseTable } from './table-summary';

export interface TextFormatOptions {
  lang: Lang;
  /** ANSI colours (only when writing to a colour terminal) */
  colors?: boolean;
}

const MAX_SNIPPET = 60;

/** One line of printed text: whitespace (including line breaks in a cell) collapsed, long text cut with "…". */
function snippet(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > MAX_SNIPPET ? `${s.slice(0, MAX_SNIPPET - 1)}…` : s;
}

function reasonText(reason: UnplacedBlock['reason'], lang: Lang): string {
  switch (reason) {
    case 'unknown-title':
      return t(cliMessages, lang, 'reason.unknown-title');
    case 'no-body':
      return t(cliMessages, lang, 'reason.no-body');
    case 'not-a-table':
      return t(cliMessages, lang, 'reason.not-a-table');
  }
}

export function formatInspectText(report: InspectReport, options: TextFormatOptions): string {
  const { lang } = options;
  const st = makeStyle(options.colors ?? false);
  const r = report.recognition;
  const lines: string[] = [];
  lines.push(
    st.bold(t(cliMessages, lang, 'inspect.header', { file: report.file, sheets: report.sheets.length, tables: r.tables.length })),
  );
  if (r.tables.length === 0) lines.push(`  ${t(cliMessages, lang, 'inspect.no-tables')}`);
  r.tables.forEach((table, i) => {
    const s = summariseTable(table);
    let line = t(cliMessages, lang, 'inspect.table', {
      n: i + 1,
      kind: st.bold(kindName(table.kind, lang)),
      title: snippet(table.title),
      where: st.dim(sheetRange(table.sheet, table.range)),
      formLabel: table.formLabel,
      unit: table.unit,
      rows: s.rows,
      cols: s.valueColumns,
      twoSided: s.twoSided,
    });
    if (table.empty) {
      const statement = table.emptyStatement ? snippet(table.emptyStatement) : undefined;
      line += `  ${st.yellow(t(cliMessages, lang, 'inspect.empty', { statement }))}`;
    }
    lines.push(`  ${line}`);
  });
  if (r.narrativeSheets.length > 0) lines.push(t(cliMessages, lang, 'inspect.narrative', { sheets: r.narrativeSheets }));
  if (r.unplaced.length > 0) {
    lines.push(t(cliMessages, lang, 'inspect.unplaced-header', { count: r.unplaced.length }));
    for (const u of r.unplaced) {
      const where = st.dim(sheetRange(u.sheet, u.range));
      lines.push(`  ${t(cliMessages, lang, 'inspect.unplaced', { where, reason: reasonText(u.reason, lang), text: snippet(u.text) })}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}
