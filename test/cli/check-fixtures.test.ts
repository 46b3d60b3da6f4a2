/**
 * `crossfoot check` over every fixture workbook in test/fixtures/books/manifest.json: it runs, exits 0 or 1, and prints
 * a document in the JSON contract whose tables and counts agree with its findings, a valid SARIF log, and a text report.
 * Finding counts per fixture are pinned elsewhere (by the rule engine's own tests), not here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkExitCode, checkFile } from '../../src/cli/check';
import { formatCheckSarif } from '../../src/cli/format/check-sarif';
import { formatCheckText } from '../../src/cli/format/check-text';
import { contractProblems, sarifProblems } from './check-helpers';
import { ANSI, runCli } from './helpers';

const BOOKS = path.join(__dirname, '..', 'fixtures', 'books');
const manifest = JSON.parse(fs.readFileSync(path.join(BOOKS, 'manifest.json'), 'utf8')) as {
  books: Array<{ file: string; tables: Array<{ kind: string; sheet: string }> }>;
};

test('the manifest lists fixture files that exist', () => {
  expect(manifest.books.length).toBeGreaterThan(0);
  for (const b of manifest.books) expect(fs.existsSync(path.join(BOOKS, b.file))).toBe(true);
});

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (file) => {
  test('check --format json: exit 0/1 by errors, the JSON contract, consistent counts', async () => {
    const book = path.join(BOOKS, file);
    const r = await runCli(['check', book, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    const doc = JSON.parse(r.stdout);
    expect(contractProblems(doc)).toEqual([]);
    expect(doc.file).toBe(book);
    const findings = doc.findings as Array<{ id: string; severity: string; status: string; verdict: string; table: string | null }>;
    const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
    expect(doc.summary).toMatchObject({
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      cannotEvaluate: findings.filter((f) => f.status === 'cannot-evaluate').length,
      rounding: findings.filter((f) => f.verdict === 'rounding').length,
    });
    expect(r.code).toBe(count('error') > 0 ? 1 : 0);
    // ids are unique; a finding's table is one of the listed tables
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    const ids = new Set((doc.tables as Array<{ id: string }>).map((t) => t.id));
    for (const f of findings) if (f.table !== null) expect(ids.has(f.table)).toBe(true);
  });

  test('the same report as SARIF (a valid 2.1.0 log) and as text (ending with the verdict)', async () => {
    const report = await checkFile(path.join(BOOKS, file));
    const log = JSON.parse(formatCheckSarif(report, { version: '0.0.0' }));
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].results).toHaveLength(report.findings.length);
    const text = formatCheckText(report, { lang: 'zh-CN', verbose: true });
    const verdict = checkExitCode(report) === 1 ? /^发现 \d+ 个错误/ : /^(未发现错误|未识别出任何公开表格)/;
    expect(text.split('\n').at(-2)).toMatch(verdict);
  });
});
