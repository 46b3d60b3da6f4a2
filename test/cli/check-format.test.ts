/** The check formatters (text, JSON) and helpers on hand-built reports: no workbook, no engine. */
import { checkExitCode } from '../../src/cli/check';
import { checkCounts, sortFindings, tableOf } from '../../src/cli/format/check-common';
import { checkJson, formatCheckJson } from '../../src/cli/format/check-json';
import { findingLine, formatCheckText } from '../../src/cli/format/check-text';
import {
  contractProblems,
  finding,
  findings,
  FINDING_KEYS,
  INCOME,
  report,
  SUMMARY,
  SUMMARY_KEYS,
  SUSPECT_KEYS,
  TABLE_KEYS,
  TOP_KEYS,
} from './check-helpers';
import { ANSI, stripAnsi } from './helpers';

const lines = (s: string) => s.split('\n');

describe('helpers', () => {
  test('checkExitCode: 1 only when an error-severity finding exists', () => {
    expect(checkExitCode(report())).toBe(1);
    const noErrors = findings().filter((f) => f.severity !== 'error');
    expect(noErrors.length).toBeGreaterThan(0);
    expect(checkExitCode(report(noErrors))).toBe(0);
    expect(checkExitCode(report([]))).toBe(0);
  });

  test('sortFindings: errors, then warnings, then infos; by sheet (first appearance), row, column; stable otherwise', () => {
    const ids = sortFindings(findings()).map((f) => f.id);
    expect(ids).toEqual(['e1', 'e2', 's1', 'o2', 'w1', 'o1', 'c1', 'r1']);
  });

  test('tableOf: by table id; undefined for none or an unknown id', () => {
    const r = report();
    const [, , w1, , , s1, o1, o2] = r.findings;
    expect(tableOf(r, w1)?.id).toBe(INCOME);
    expect(tableOf(r, s1)?.sheet).toBe('Sheet 1');
    expect(tableOf(r, o1)).toBeUndefined();
    expect(tableOf(r, o2)).toBeUndefined();
  });

  test('checkCounts: the summary plus the number of differences within rounding', () => {
    expect(checkCounts(report())).toEqual({ errors: 4, warnings: 2, infos: 2, passed: 41, cannotEvaluate: 1, rounding: 1 });
  });
});

describe('JSON formatter', () => {
  test('contract keys in order, nulls for absent values, decimal strings, trailing newline, no colour', () => {
    const out = formatCheckJson(report());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).not.toMatch(ANSI);
    const doc = JSON.parse(out);
    expect(contractProblems(doc)).toEqual([]);
    expect(Object.keys(doc).slice(0, TOP_KEYS.length)).toEqual(TOP_KEYS);
    expect(doc.file).toBe('dir/book.xlsx');
    expect(doc.lang).toBe('zh-CN');
    expect(doc.tables.map((t: { id: string }) => t.id)).toEqual([INCOME, SUMMARY, 'juesuan.gov-fund']);
    for (const t of doc.tables) expect(Object.keys(t)).toEqual(TABLE_KEYS);
    expect(doc.tables[2].unit).toBeNull();
    for (const f of doc.findings) expect(Object.keys(f)).toEqual([...FINDING_KEYS, 'table', 'span', 'text']);
    expect(Object.keys(doc.summary)).toEqual([...SUMMARY_KEYS, 'rounding']);
    expect(doc.summary).toEqual({ errors: 4, warnings: 2, infos: 2, passed: 41, cannotEvaluate: 1, rounding: 1 });
  });

  test('values: findings in the engine order; amounts as strings; suspect with nulls where it has no value', () => {
    const doc = checkJson(report());
    expect(doc.findings.map((f) => f.id)).toEqual(findings().map((f) => f.id));
    const e2 = doc.findings.find((f) => f.id === 'e2')!;
    expect(e2).toEqual({
      id: 'e2',
      rule: 'generic.code-footing',
      severity: 'error',
      status: 'fail',
      verdict: 'fails',
      message: 'ERROR-ROW-12',
      location: { sheet: '收入决算表', cell: 'C12' },
      cells: [{ sheet: '收入决算表', cell: 'D11' }],
      expected: '1080.27',
      actual: '1080.00',
      difference: '-0.27',
      allowance: '0.035',
      suspect: { sheet: '收入决算表', cell: 'D12', proposed: '860.25', reason: '很可能是数字顺序颠倒。', signature: 'transposition' },
      table: INCOME,
      span: null,
      text: null,
    });
    const e1 = doc.findings.find((f) => f.id === 'e1')!;
    expect(Object.keys(e1.suspect!)).toEqual(SUSPECT_KEYS);
    expect(e1.suspect).toMatchObject({ proposed: null, signature: null });
    const c1 = doc.findings.find((f) => f.id === 'c1')!;
    expect(c1).toMatchObject({ expected: null, actual: null, difference: null, allowance: null, suspect: null, cells: [] });
    expect(doc.findings.find((f) => f.id === 'o1')!.table).toBeNull();
  });

  test('contractProblems catches what breaks the contract', () => {
    const good = checkJson(report());
    const broken = (mutate: (d: ReturnType<typeof checkJson>) => void): string[] => {
      const d = JSON.parse(JSON.stringify(good));
      mutate(d);
      return contractProblems(d);
    };
    expect(broken((d) => delete (d as Partial<typeof d>).summary)).toContain('document: missing summary');
    expect(broken((d) => (d.findings[0].expected = 10 as unknown as string))).toEqual(['findings[0].expected 10']);
    expect(broken((d) => delete (d.findings[0] as Partial<(typeof d.findings)[0]>).allowance)).toContain('findings[0]: missing allowance');
    expect(broken((d) => (d.findings[0].severity = 'fatal' as 'error'))).toEqual(['findings[0].severity fatal']);
    expect(broken((d) => (d.findings[3].suspect!.proposed = '8,60.25'))).toEqual(['findings[3].suspect.proposed']);
    expect(broken((d) => (d.findings[0].location = { sheet: 'x', cell: 'a1' }))).toEqual(['findings[0].location']);
  });
});

describe('text formatter', () => {
  test('zh-CN: header, counts, groups by table, errors before warnings, infos counted, Other last, verdict', () => {
    const out = formatCheckText(report(), { lang: 'zh-CN' });
    expect(out).not.toMatch(ANSI);
    expect(lines(out)).toEqual([
      'dir/book.xlsx：识别出 3 张表',
      '错误 4，警告 2，尾数差异 1，无法核对 1（41 项核对通过）',
      '',
      '“2023年度收入决算表”  收入决算表!A1:I13',
      '  错误  收入决算表!D11  ERROR-ROW-11  → 疑似错误单元格 收入决算表!D12：该单元格出现在 2 个不成立的关系中。',
      '  错误  收入决算表!C12  ERROR-ROW-12  → 疑似错误单元格 收入决算表!D12，建议值 860.25：很可能是数字顺序颠倒。',
      '  警告  收入决算表!E7  WARNING-1',
      '  另有 1 处尾数差异、1 处无法核对（加 --verbose 逐条列出）',
      '',
      '“2023年度收入支出决算总表”  \'Sheet 1\'!A1:D40',
      "  错误  'Sheet 1'!B9  ERROR-SUMMARY",
      '',
      '其他',
      '  错误  表9!C3  GONE-TABLE',
      '  警告  其他!B2  ORPHAN',
      '',
      '发现 4 个错误、2 个警告。',
      '',
    ]);
  });

  test('en-US: same structure, English labels, kind names in the group heading', () => {
    const out = formatCheckText(report(findings(), 'en-US'), { lang: 'en-US' });
    expect(lines(out)).toEqual([
      'dir/book.xlsx: 3 tables recognised',
      'errors 4, warnings 2, within rounding 1, cannot check 1 (41 checks passed)',
      '',
      'Income (final accounts)  "2023年度收入决算表"  收入决算表!A1:I13',
      '  error    收入决算表!D11  ERROR-ROW-11  → suspect 收入决算表!D12: 该单元格出现在 2 个不成立的关系中。',
      '  error    收入决算表!C12  ERROR-ROW-12  → suspect 收入决算表!D12, proposed 860.25: 很可能是数字顺序颠倒。',
      '  warning  收入决算表!E7  WARNING-1',
      '  plus 1 within rounding, 1 check that could not be made (use --verbose to list them)',
      '',
      'Income and expenditure summary (final accounts)  "2023年度收入支出决算总表"  \'Sheet 1\'!A1:D40',
      "  error    'Sheet 1'!B9  ERROR-SUMMARY",
      '',
      'Other',
      '  error    表9!C3  GONE-TABLE',
      '  warning  其他!B2  ORPHAN',
      '',
      'Found 4 errors and 2 warnings.',
      '',
    ]);
  });

  test('--verbose lists the infos after the errors and warnings of their table instead of counting them', () => {
    const out = formatCheckText(report(), { lang: 'zh-CN', verbose: true });
    const group = lines(out).slice(4, 10);
    expect(group).toEqual([
      '  错误  收入决算表!D11  ERROR-ROW-11  → 疑似错误单元格 收入决算表!D12：该单元格出现在 2 个不成立的关系中。',
      '  错误  收入决算表!C12  ERROR-ROW-12  → 疑似错误单元格 收入决算表!D12，建议值 860.25：很可能是数字顺序颠倒。',
      '  警告  收入决算表!E7  WARNING-1',
      '  提示  收入决算表!A1  CANNOT-1',
      '  提示  收入决算表!C6  ROUNDING-1',
      '',
    ]);
    expect(out).not.toContain('--verbose');
  });

  test('a table with infos only shows its heading and the counts; tables without findings are left out', () => {
    const infos = findings().filter((f) => f.severity === 'info');
    const out = formatCheckText(report(infos), { lang: 'zh-CN' });
    expect(lines(out)).toEqual([
      'dir/book.xlsx：识别出 3 张表',
      '错误 0，警告 0，尾数差异 1，无法核对 1（41 项核对通过）',
      '',
      '“2023年度收入决算表”  收入决算表!A1:I13',
      '  另有 1 处尾数差异、1 处无法核对（加 --verbose 逐条列出）',
      '',
      '未发现错误。',
      '',
    ]);
    const en = formatCheckText(report(infos.slice(1), 'en-US'), { lang: 'en-US' });
    expect(en).toContain('  plus 1 check that could not be made (use --verbose to list them)\n');
    expect(en.endsWith('\nNo errors found.\n')).toBe(true);
  });

  test('verdicts: errors, warnings only, clean, nothing recognised', () => {
    const last = (s: string) => lines(s).at(-2);
    const warningsOnly = findings().filter((f) => f.severity !== 'error');
    expect(last(formatCheckText(report(warningsOnly), { lang: 'zh-CN' }))).toBe('未发现错误，有 2 个警告需要核实。');
    expect(last(formatCheckText(report(warningsOnly.slice(3)), { lang: 'en-US' }))).toBe('No errors found; 1 warning to review.');
    const oneError = findings().filter((f) => f.id === 'e1');
    expect(last(formatCheckText(report(oneError), { lang: 'en-US' }))).toBe('Found 1 error.');
    expect(last(formatCheckText(report(oneError), { lang: 'zh-CN' }))).toBe('发现 1 个错误。');
    expect(last(formatCheckText(report([]), { lang: 'zh-CN' }))).toBe('未发现错误。');
    const none = { ...report([]), recognition: { tables: [], unplaced: [], narrativeSheets: [] } };
    expect(lines(formatCheckText(none, { lang: 'zh-CN' }))).toEqual([
      'dir/book.xlsx：识别出 0 张表',
      '未识别出任何公开表格，没有可核对的内容。',
      '错误 0，警告 0，尾数差异 0，无法核对 0（41 项核对通过）',
      '',
      '未识别出任何公开表格，未做任何核对。',
      '',
    ]);
    expect(last(formatCheckText({ ...none, lang: 'en-US' }, { lang: 'en-US' }))).toBe(
      'No disclosure tables recognised; nothing was checked.',
    );
  });

  test('a message with line breaks stays on one line', () => {
    const f = finding({ id: 'x', severity: 'error', message: '第一行\n  第二行', table: INCOME });
    expect(findingLine(f, 'zh-CN')).toBe('错误  收入决算表!D11  第一行 第二行');
  });

  test('colours only when asked: severity marks and headings; stripping them gives the plain text', () => {
    const plain = formatCheckText(report(), { lang: 'zh-CN', verbose: true });
    const coloured = formatCheckText(report(), { lang: 'zh-CN', verbose: true, colors: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m错误\u001b[39m');
    expect(stripAnsi(coloured)).toBe(plain);
  });
});
