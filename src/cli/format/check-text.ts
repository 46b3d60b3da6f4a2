/**
 * `check --format text`: the report for people, in the chosen language.
 *
 * A header (file, tables, counts), then the findings grouped by table (recognition order; findings of no known table
 * last, under "其他/Other"), errors first then warnings, one line each with the suspect cell when there is one. Infos
 * (differences within rounding, checks that could not be made) are counted per table, or listed with `verbose`. Last,
 * a one-line verdict. Colours only when asked for (a colour terminal).
 */
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { RecognisedTable } from '../../model/table';
import type { Finding, Severity } from '../../rules';
import type { CheckReport } from '../check';
import { cliMessages } from '../messages';
import { checkCounts, sheetCell, sortFindings, tableOf, type CheckCounts } from './check-common';
import { makeStyle } from './style';
import { sheetRange } from './table-summary';

export interface CheckTextOptions {
  lang: Lang;
  /** ANSI colours (only when writing to a colour terminal) */
  colors?: boolean;
  /** list infos (rounding, cannot-evaluate) one by one instead of counting them */
  verbose?: boolean;
}

const MAX_TITLE = 60;

/** One line of printed text: whitespace (including line breaks in a cell) collapsed, long text cut with "…". */
function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface Paint {
  bold: (s: string) => string;
  dim: (s: string) => string;
  severity: (sev: Severity, s: string) => string;
}

function paint(colors: boolean): Paint {
  const st = makeStyle(colors);
  const red = (s: string) => (colors ? `\u001b[31m${s}\u001b[39m` : s);
  return {
    bold: st.bold,
    dim: st.dim,
    severity: (sev, s) => (sev === 'error' ? st.bold(red(s)) : sev === 'warning' ? st.yellow(s) : st.dim(s)),
  };
}

function severityLabel(sev: Severity, lang: Lang): string {
  switch (sev) {
    case 'error':
      return t(cliMessages, lang, 'check.severity.error');
    case 'warning':
      return t(cliMessages, lang, 'check.severity.warning');
    case 'info':
      return t(cliMessages, lang, 'check.severity.info');
  }
}

/** One finding on one line: severity mark, Sheet!A1, the message, and the suspect cell when there is one. */
export function findingLine(f: Finding, lang: Lang, colors = false): string {
  const p = paint(colors);
  const labels = (['error', 'warning', 'info'] as const).map((s) => severityLabel(s, lang));
  const width = Math.max(...labels.map((l) => l.length));
  const mark = p.severity(f.severity, severityLabel(f.severity, lang).padEnd(width));
  let line = `${mark}  ${p.bold(sheetCell(f.location))}  ${oneLine(f.message)}`;
  if (f.suspect) {
    line += `  ${t(cliMessages, lang, 'check.suspect', {
      where: sheetCell({ sheet: f.suspect.sheet, cell: f.suspect.cell }),
      proposed: f.suspect.proposed,
      reason: oneLine(f.suspect.reason),
    })}`;
  }
  if (f.waived) line += lang === 'zh-CN' ? `  （已有出错说明：${oneLine(f.waived.reason)}）` : `  (accepted: ${oneLine(f.waived.reason)})`;
  return line;
}

interface Group {
  table?: RecognisedTable;
  /** the narrative (情况说明) findings */
  narrative?: boolean;
  findings: Finding[];
}

function groupByTable(report: CheckReport): Group[] {
  const groups = new Map<string, Group>();
  for (const table of report.recognition.tables) groups.set(table.id, { table, findings: [] });
  const narrative: Group = { narrative: true, findings: [] };
  const other: Group = { findings: [] };
  for (const f of report.findings) {
    const table = tableOf(report, f);
    (table ? groups.get(table.id)! : f.rule.startsWith('narrative.') ? narrative : other).findings.push(f);
  }
  return [...groups.values(), narrative, other].filter((g) => g.findings.length > 0);
}

function groupHeading(g: Group, lang: Lang): string {
  if (g.narrative) return lang === 'zh-CN' ? '情况说明' : 'Narrative (情况说明)';
  if (!g.table) return t(cliMessages, lang, 'check.group-other');
  return t(cliMessages, lang, 'check.group', {
    kind: kindName(g.table.kind, lang),
    title: oneLine(g.table.title, MAX_TITLE),
    where: sheetRange(g.table.sheet, g.table.range),
  });
}

/** Infos that are counted rather than listed (unless verbose): differences within rounding and unmade checks. */
function summarised(f: Finding): boolean {
  return f.severity === 'info' && (f.verdict === 'rounding' || f.status === 'cannot-evaluate');
}

function verdictLine(report: CheckReport, counts: CheckCounts, lang: Lang): string {
  const { errors, warnings } = counts;
  if (errors > 0) return t(cliMessages, lang, 'check.verdict.errors', { errors, warnings });
  if (warnings > 0) return t(cliMessages, lang, 'check.verdict.warnings', { warnings });
  if (report.recognition.tables.length === 0) return t(cliMessages, lang, 'check.verdict.no-tables');
  return t(cliMessages, lang, 'check.verdict.clean');
}

export function formatCheckText(report: CheckReport, options: CheckTextOptions): string {
  const { lang } = options;
  const verbose = options.verbose ?? false;
  const p = paint(options.colors ?? false);
  const counts = checkCounts(report);
  const lines: string[] = [];
  lines.push(p.bold(t(cliMessages, lang, 'check.header', { file: report.file, tables: report.recognition.tables.length })));
  if (report.recognition.tables.length === 0) lines.push(t(cliMessages, lang, 'check.no-tables'));
  lines.push(
    t(cliMessages, lang, 'check.counts', {
      errors: counts.errors,
      warnings: counts.warnings,
      rounding: counts.rounding,
      cannot: counts.cannotEvaluate,
      passed: counts.passed,
    }),
  );
  for (const g of groupByTable(report)) {
    const listed = sortFindings(g.findings.filter((f) => verbose || !summarised(f)));
    const hidden = verbose ? [] : g.findings.filter(summarised);
    lines.push('');
    lines.push(p.bold(groupHeading(g, lang)));
    for (const f of listed) lines.push(`  ${findingLine(f, lang, options.colors ?? false)}`);
    if (hidden.length > 0) {
      const rounding = hidden.filter((f) => f.verdict === 'rounding').length;
      const cannot = hidden.length - rounding;
      lines.push(`  ${p.dim(t(cliMessages, lang, 'check.infos', { rounding, cannot }))}`);
    }
  }
  lines.push('');
  const verdict = verdictLine(report, counts, lang);
  const sev: Severity | undefined = counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : undefined;
  lines.push(sev ? p.severity(sev, verdict) : p.bold(verdict));
  return lines.map((l) => `${l}\n`).join('');
}
