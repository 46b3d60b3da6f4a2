/**
 * `check --format junit` (one testsuite per table, a testcase per finding, failures for errors and warnings) and the
 * exit policy `--fail-on error|warning`: on hand-built reports and, end to end, on real workbooks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { exitCodeFor, parseFailOn } from '../../src/cli/commands/check';
import { formatCheckJunit, xmlEscape } from '../../src/cli/format/check-junit';
import { CrossfootError } from '../../src/errors';
import { finding, findings, report, writeIncomeBook } from './check-helpers';
import { runCli } from './helpers';

interface El {
  name: string;
  attributes: Record<string, string>;
  children: El[];
  text: string;
}

/** A strict XML parse (saxes, exceljs's own parser) into a small element tree; throws on malformed XML. */
function parseXml(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: '#root', attributes: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const el: El = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

const kids = (el: El, name: string) => el.children.filter((c) => c.name === name);

describe('JUnit formatter', () => {
  test('one suite per table with findings, other last; a test case per finding; failures for errors and warnings', () => {
    const out = formatCheckJunit(report());
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out.endsWith('</testsuites>\n')).toBe(true);
    const doc = parseXml(out);
    expect(doc.name).toBe('testsuites');
    const suites = kids(doc, 'testsuite');
    // 收入决算表 (5 findings), 收支总表 (1), other (the orphan and the finding of an unknown table)
    expect(suites.map((s) => s.attributes.name)).toEqual(['收入决算表  2023年度收入决算表', '收入支出决算总表  2023年度收入支出决算总表', '其他']);
    expect(suites.map((s) => Number(s.attributes.tests))).toEqual([5, 1, 2]);
    expect(suites.map((s) => Number(s.attributes.failures))).toEqual([3, 1, 2]);
    expect(suites.map((s) => Number(s.attributes.skipped))).toEqual([1, 0, 0]);
    expect(doc.attributes).toMatchObject({ tests: '8', failures: '6', skipped: '1' });
    const cases = suites.flatMap((s) => kids(s, 'testcase'));
    expect(cases).toHaveLength(findings().length);
    // every finding appears once, by id
    for (const f of findings()) expect(cases.filter((c) => c.attributes.name.endsWith(`(${f.id})`))).toHaveLength(1);
    const byId = (id: string) => cases.find((c) => c.attributes.name.endsWith(`(${id})`))!;
    const e2 = byId('e2');
    expect(e2.attributes.classname).toBe('juesuan.income');
    const failure = kids(e2, 'failure')[0];
    expect(failure.attributes).toEqual({ type: 'error', message: 'ERROR-ROW-12' });
    expect(failure.text).toContain('收入决算表!C12');
    expect(failure.text).toContain('应为 1080.27，实为 1080.00，差额 -0.27');
    expect(failure.text).toContain('疑似错误单元格 收入决算表!D12，建议值 860.25');
    expect(kids(byId('w1'), 'failure')[0].attributes.type).toBe('warning');
    expect(kids(byId('c1'), 'skipped')).toHaveLength(1);
    expect(byId('r1').children).toEqual([]);
    // errors first within a suite
    expect(kids(suites[0], 'testcase').map((c) => /\((\w+)\)$/.exec(c.attributes.name)![1])).toEqual(['e1', 'e2', 'w1', 'c1', 'r1']);
  });

  test('English text with --lang en-US; markup and control characters are escaped or dropped', () => {
    const nasty = finding({
      id: 'x1',
      severity: 'error',
      message: 'a <b> & "c" \'d\'\u0001 line\nbreak',
      location: { sheet: "O'Brien & <Co>", cell: 'B2' },
      expected: '1.00',
      actual: '2.00',
      difference: '1.00',
    });
    const out = formatCheckJunit(report([nasty], 'en-US'));
    const doc = parseXml(out);
    const suite = kids(doc, 'testsuite')[0];
    expect(suite.attributes.name).toBe('Other');
    const failure = kids(kids(suite, 'testcase')[0], 'failure')[0];
    expect(failure.attributes.message).toBe('a <b> & "c" \'d\' line break');
    expect(failure.text).toContain("'O''Brien & <Co>'!B2");
    expect(failure.text).toContain('expected 1.00, actual 2.00, difference 1.00');
    expect(xmlEscape('<&>"\'\u0000')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  test('no findings: an empty <testsuites>', () => {
    const doc = parseXml(formatCheckJunit(report([])));
    expect(doc.attributes).toMatchObject({ tests: '0', failures: '0' });
    expect(doc.children).toEqual([]);
  });
});

describe('--fail-on', () => {
  const warningsOnly = findings().filter((f) => f.severity !== 'error');
  const infosOnly = findings().filter((f) => f.severity === 'info');

  test('exitCodeFor: errors fail by default; warnings only with --fail-on warning; infos never', () => {
    expect(exitCodeFor(findings())).toBe(1);
    expect(exitCodeFor(findings(), 'warning')).toBe(1);
    expect(exitCodeFor(warningsOnly, 'error')).toBe(0);
    expect(exitCodeFor(warningsOnly, 'warning')).toBe(1);
    expect(exitCodeFor(infosOnly, 'warning')).toBe(0);
    expect(exitCodeFor([], 'warning')).toBe(0);
  });

  test('parseFailOn: default error, any case; anything else is a bad argument in the user\'s language', () => {
    expect(parseFailOn(undefined, 'zh-CN')).toBe('error');
    expect(parseFailOn(' Warning ', 'zh-CN')).toBe('warning');
    expect(() => parseFailOn('info', 'zh-CN')).toThrow(CrossfootError);
    try {
      parseFailOn('info', 'zh-CN');
    } catch (e) {
      expect((e as CrossfootError).localized('zh-CN')).toBe('参数有误：--fail-on 不支持 info（可选：error、warning）。');
    }
  });

  describe('end to end', () => {
    let dir: string;
    let clean: string;
    let wrong: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-junit-'));
      clean = path.join(dir, 'clean.xlsx');
      wrong = path.join(dir, 'wrong.xlsx');
      await Promise.all([writeIncomeBook(clean), writeIncomeBook(wrong, { override: { D12: '860.52' } })]);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('exit codes by policy; junit output on a real workbook parses and names the failing cells', async () => {
      expect((await runCli(['check', clean, '--tables-only'])).code).toBe(0);
      expect((await runCli(['check', clean, '--tables-only', '--fail-on', 'warning'])).code).toBe(0);
      expect((await runCli(['check', wrong, '--tables-only', '--fail-on', 'error'])).code).toBe(1);
      const r = await runCli(['check', wrong, '--tables-only', '--format', 'junit', '--fail-on', 'warning']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const doc = parseXml(r.stdout);
      const suites = kids(doc, 'testsuite');
      expect(suites.map((s) => s.attributes.name)).toEqual(['收入决算表  2023年度收入决算表']);
      const failures = kids(suites[0], 'testcase').flatMap((c) => kids(c, 'failure'));
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) expect(f.text).toContain('收入决算表!D12');
    });

    test('a bad --fail-on value: exit 2, one line, nothing on stdout', async () => {
      const r = await runCli(['check', clean, '--fail-on', 'never', '--lang', 'en-US']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.errLines).toEqual(['Bad argument: --fail-on does not accept never (choose error or warning).']);
    });
  });
});
