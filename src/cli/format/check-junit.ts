/**
 * `check --format junit`: JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps read it as test results).
 *
 * One <testsuite> per recognised table that has findings (recognition order; findings of no known table last, in a
 * suite named "其他/Other"), one <testcase> per finding: errors and warnings carry a <failure> (type = the severity,
 * message = the finding's message, text = cell, amounts and suspect); a check that could not be made is <skipped>;
 * an info within rounding is a passing test case. The relations that hold are not findings and have no test case: the
 * workbook's number of passed checks is a property of each suite. Text in the report's language; XML 1.0 escaped,
 * characters XML cannot carry removed.
 */
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { RecognisedTable } from '../../model/table';
import type { Finding } from '../../rules';
import type { CheckReport } from '../check';
import { cliMessages } from '../messages';
import { checkCounts, sheetCell, sortFindings, tableOf } from './check-common';

/** Characters XML 1.0 cannot carry (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/FFFF) are dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML element content and attribute values (double-quoted). */
export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r?\n/g, '&#10;');
}

const attr = (name: string, value: string | number): string => ` ${name}="${xmlEscape(String(value))}"`;

interface Suite {
  table?: RecognisedTable;
  findings: Finding[];
}

function suites(report: CheckReport): Suite[] {
  const byTable = new Map<string, Suite>();
  for (const table of report.recognition.tables) byTable.set(table.id, { table, findings: [] });
  const other: Suite = { findings: [] };
  for (const f of report.findings) {
    const table = tableOf(report, f);
    (table ? byTable.get(table.id)! : other).findings.push(f);
  }
  return [...byTable.values(), other].filter((s) => s.findings.length > 0);
}

function suiteName(s: Suite, lang: Lang): string {
  if (!s.table) return t(cliMessages, lang, 'check.group-other');
  return `${kindName(s.table.kind, lang)}  ${s.table.title.replace(/\s+/g, ' ').trim()}`;
}

/** The failure's body: where, the amounts, the suspect (one per line). */
function failureText(f: Finding, lang: Lang): string {
  const lines = [sheetCell(f.location)];
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push(
      t(cliMessages, lang, 'junit.amounts', {
        expected: f.expected ?? '—',
        actual: f.actual ?? '—',
        difference: f.difference ?? '—',
      }),
    );
  }
  if (f.suspect) {
    lines.push(
      t(cliMessages, lang, 'check.suspect', {
        where: sheetCell({ sheet: f.suspect.sheet, cell: f.suspect.cell }),
        proposed: f.suspect.proposed,
        reason: f.suspect.reason.replace(/\s+/g, ' ').trim(),
      }),
    );
  }
  return lines.join('\n');
}

function testcase(f: Finding, classname: string, lang: Lang): string {
  const name = `${sheetCell(f.location)} ${f.rule} (${f.id})`;
  const head = `    <testcase${attr('name', name)}${attr('classname', classname)}${attr('time', 0)}`;
  if (f.severity === 'error' || f.severity === 'warning') {
    const message = f.message.replace(/\s+/g, ' ').trim();
    return `${head}>\n      <failure${attr('type', f.severity)}${attr('message', message)}>${xmlEscape(failureText(f, lang))}</failure>\n    </testcase>`;
  }
  if (f.status === 'cannot-evaluate') {
    return `${head}>\n      <skipped${attr('message', f.message.replace(/\s+/g, ' ').trim())}/>\n    </testcase>`;
  }
  return `${head}/>`;
}

/** The JUnit XML document, ending in a newline. */
export function formatCheckJunit(report: CheckReport): string {
  const lang = report.lang;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = suites(report);
  const count = (fs: Finding[]) => ({
    tests: fs.length,
    failures: fs.filter((f) => f.severity === 'error' || f.severity === 'warning').length,
    skipped: fs.filter((f) => f.severity === 'info' && f.status === 'cannot-evaluate').length,
  });
  const total = count(report.findings);
  const counts = checkCounts(report);
  out.push(
    `<testsuites${attr('name', `crossfoot ${report.file}`)}${attr('tests', total.tests)}${attr('failures', total.failures)}` +
      `${attr('errors', 0)}${attr('skipped', total.skipped)}${attr('time', 0)}>`,
  );
  all.forEach((s, i) => {
    const c = count(s.findings);
    const name = suiteName(s, lang);
    const classname = s.table ? s.table.id : 'other';
    out.push(
      `  <testsuite${attr('id', i)}${attr('name', name)}${attr('tests', c.tests)}${attr('failures', c.failures)}` +
        `${attr('errors', 0)}${attr('skipped', c.skipped)}${attr('time', 0)}>`,
    );
    out.push('    <properties>');
    out.push(`      <property${attr('name', 'file')}${attr('value', report.file)}/>`);
    if (s.table) {
      out.push(`      <property${attr('name', 'table')}${attr('value', s.table.id)}/>`);
      out.push(`      <property${attr('name', 'range')}${attr('value', `${s.table.sheet}!${s.table.range}`)}/>`);
    }
    out.push(`      <property${attr('name', 'checks-passed-in-workbook')}${attr('value', counts.passed)}/>`);
    out.push('    </properties>');
    for (const f of sortFindings(s.findings)) out.push(testcase(f, classname, lang));
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
