/**
 * `crossfoot check` end to end, in-process: real .xlsx files written here with exceljs, read by the real adapter,
 * recognised and checked by the real engine, printed by each formatter; exit codes; usage and input errors.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFile } from '../../src/cli/check';
import { CrossfootError } from '../../src/errors';
import { contractProblems, sarifProblems, writeIncomeBook } from './check-helpers';
import { ANSI, runCli, stripAnsi } from './helpers';

let dir: string;
/** every relation holds */
let clean: string;
/** 2100101 行政运行, 财政拨款收入 (D12): 860.25 printed as 860.52 */
let transposed: string;
/** 合计 / 本年收入合计 (C6) printed 0.01 above the sum of its row: within rounding */
let rounding: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-check-'));
  clean = path.join(dir, 'clean.xlsx');
  transposed = path.join(dir, '收入 决算.xlsx');
  rounding = path.join(dir, 'rounding.xlsx');
  await Promise.all([
    writeIncomeBook(clean),
    writeIncomeBook(transposed, { override: { D12: '860.52' } }),
    writeIncomeBook(rounding, { override: { C6: '1210.51' } }),
  ]);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface JsonFinding {
  id: string;
  rule: string;
  severity: string;
  status: string;
  verdict: string;
  message: string;
  location: { sheet: string; cell: string };
  cells: Array<{ sheet: string; cell: string }>;
  expected: string | null;
  actual: string | null;
  difference: string | null;
  suspect: { sheet: string; cell: string; proposed: string | null; reason: string; signature: string | null } | null;
}

async function json(file: string, extra: string[] = []) {
  const r = await runCli(['check', file, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(ANSI);
  const doc = JSON.parse(r.stdout);
  expect(contractProblems(doc)).toEqual([]);
  return { code: r.code, doc, findings: doc.findings as JsonFinding[] };
}

describe('one wrong cell (transposed digits in a 项 row)', () => {
  test('exit 1; the JSON names the failing relations, the wrong cell and the value it should have', async () => {
    const { code, doc, findings } = await json(transposed);
    expect(code).toBe(1);
    expect(doc.file).toBe(transposed);
    expect(doc.tables).toEqual([
      { id: 'juesuan.income', kind: 'juesuan.income', title: '2023年度收入决算表', sheet: '收入决算表', range: 'A1:I13', unit: '万元' },
    ]);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(doc.summary.errors).toBe(errors.length);
    for (const e of errors) {
      expect(e).toMatchObject({ status: 'fail', verdict: 'fails', difference: expect.stringMatching(/^-?0\.27$/) });
      // every failing relation involves the wrong cell and blames it
      expect(e.cells).toContainEqual({ sheet: '收入决算表', cell: 'D12' });
      expect(e.suspect).toEqual({
        sheet: '收入决算表',
        cell: 'D12',
        proposed: '860.25',
        reason: expect.stringContaining('860.25'),
        signature: 'transposition',
      });
    }
    // the row sum of 2100101 fails at its total; the 款 21001 fails in column 财政拨款收入
    const rowSum = errors.find((f) => f.location.cell === 'C12');
    expect(rowSum).toMatchObject({ location: { sheet: '收入决算表', cell: 'C12' }, expected: '1080.27', actual: '1080.00' });
    const footing = errors.find((f) => f.location.cell === 'D11');
    expect(footing).toMatchObject({ expected: '860.52', actual: '860.25' });
  });

  test('text, zh-CN: header, the error lines with the suspect, the verdict', async () => {
    const { findings, doc } = await json(transposed);
    const r = await runCli(['check', transposed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`${transposed}：识别出 1 张表`);
    expect(out[1]).toBe(
      `错误 ${doc.summary.errors}，警告 ${doc.summary.warnings}，尾数差异 ${doc.summary.rounding}，` +
        `无法核对 ${doc.summary.cannotEvaluate}（${doc.summary.passed} 项核对通过）`,
    );
    expect(out).toContain('“2023年度收入决算表”  收入决算表!A1:I13');
    const errors = findings.filter((f) => f.severity === 'error');
    for (const e of errors) {
      expect(out).toContain(
        `  错误  收入决算表!${e.location.cell}  ${e.message}  → 疑似错误单元格 收入决算表!D12，建议值 860.25：${e.suspect!.reason}`,
      );
    }
    // errors come before anything else in the group, one line each
    const heading = out.indexOf('“2023年度收入决算表”  收入决算表!A1:I13');
    expect(out.slice(heading + 1, heading + 1 + errors.length).every((l) => l.startsWith('  错误  '))).toBe(true);
    expect(out.at(-2)).toBe(`发现 ${errors.length} 个错误${doc.summary.warnings > 0 ? `、${doc.summary.warnings} 个警告` : ''}。`);
  });

  test('text, en-US: the same in English, messages from the engine in English', async () => {
    const { findings, doc } = await json(transposed, ['--lang', 'en-US']);
    const r = await runCli(['check', transposed, '--lang', 'en-US']);
    expect(r.code).toBe(1);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`${transposed}: 1 table recognised`);
    expect(out[1]).toMatch(/^errors \d+, warnings \d+, within rounding \d+, cannot check \d+ \(\d+ checks? passed\)$/);
    expect(out).toContain('Income (final accounts)  "2023年度收入决算表"  收入决算表!A1:I13');
    for (const e of findings.filter((f) => f.severity === 'error')) {
      expect(e.message).toMatch(/expected .* found .* difference/);
      expect(out).toContain(
        `  error    收入决算表!${e.location.cell}  ${e.message}  → suspect 收入决算表!D12, proposed 860.25: ${e.suspect!.reason}`,
      );
    }
    expect(out.at(-2)).toMatch(new RegExp(`^Found ${doc.summary.errors} errors?( and \\d+ warnings?)?\\.$`));
  });

  test('SARIF: a valid log whose error results point at the failing cells and carry the suspect', async () => {
    const r = await runCli(['check', transposed, '--format', 'sarif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'crossfoot', version: '9.8.7' });
    expect(run.artifacts[0].location.uri).toMatch(/^file:\/\/\/.*%E6%94%B6%E5%85%A5%20%E5%86%B3%E7%AE%97\.xlsx$/);
    const errors = run.results.filter((x: { level: string }) => x.level === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    const names = errors.map((x: { locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }) =>
      x.locations[0].logicalLocations[0].fullyQualifiedName,
    );
    expect(names).toContain('收入决算表!C12');
    for (const e of errors) {
      expect(e.properties.suspect).toMatchObject({ cell: 'D12', proposed: '860.25', signature: 'transposition' });
      expect(e.message.text).toContain('→ 疑似错误单元格 收入决算表!D12，建议值 860.25');
      expect(run.tool.driver.rules[e.ruleIndex].id).toBe(e.ruleId);
    }
  });

  test('checkFile as a library: the same findings, no printing', async () => {
    const report = await checkFile(transposed, { lang: 'en-US' });
    expect(report.file).toBe(transposed);
    expect(report.sheets).toEqual(['收入决算表']);
    expect(report.lang).toBe('en-US');
    expect(report.recognition.tables.map((t) => t.kind)).toEqual(['juesuan.income']);
    expect(report.findings.filter((f) => f.severity === 'error').every((f) => f.suspect?.cell === 'D12')).toBe(true);
    expect(report.summary.errors).toBeGreaterThan(0);
  });
});

describe('clean and rounding-only workbooks', () => {
  test('clean: exit 0, no failures, "未发现错误。"', async () => {
    const { code, doc, findings } = await json(clean);
    expect(code).toBe(0);
    expect(findings.filter((f) => f.status === 'fail')).toEqual([]);
    expect(doc.summary).toMatchObject({ errors: 0, warnings: 0, rounding: 0 });
    expect(doc.summary.passed).toBeGreaterThan(0);
    const text = await runCli(['check', clean]);
    expect(text.code).toBe(0);
    expect(text.stdout.endsWith('\n未发现错误。\n')).toBe(true);
    const en = await runCli(['check', clean, '--lang', 'en-US']);
    expect(en.stdout.endsWith('\nNo errors found.\n')).toBe(true);
  });

  test('rounding only: exit 0; the difference is reported as within rounding, counted, listed with --verbose', async () => {
    const { code, doc, findings } = await json(rounding);
    expect(code).toBe(0);
    const within = findings.filter((f) => f.verdict === 'rounding');
    expect(within.length).toBeGreaterThanOrEqual(1);
    expect(doc.summary).toMatchObject({ errors: 0, warnings: 0, rounding: within.length });
    expect(within.every((f) => f.severity === 'info' && f.difference === '0.01')).toBe(true);
    expect(within.map((f) => f.location)).toContainEqual({ sheet: '收入决算表', cell: 'C6' });

    const text = await runCli(['check', rounding]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[1]).toMatch(new RegExp(`^错误 0，警告 0，尾数差异 ${within.length}，`));
    expect(text.stdout).toMatch(new RegExp(`^  另有 ${within.length} 处尾数差异`, 'm'));
    expect(text.stdout).not.toContain('收入决算表!C6');
    expect(text.stdout.endsWith('\n未发现错误。\n')).toBe(true);

    const verbose = await runCli(['check', rounding, '--verbose']);
    expect(verbose.code).toBe(0);
    const c6 = within.find((f) => f.location.cell === 'C6')!;
    expect(verbose.stdout).toContain(`  提示  收入决算表!C6  ${c6.message}\n`);
    expect(verbose.stdout).not.toContain('--verbose');
    expect((await runCli(['check', '-v', rounding])).stdout).toBe(verbose.stdout);
  });
});

describe('command line', () => {
  test('--format is case-insensitive, -f works, text is the default', async () => {
    const a = await runCli(['check', clean, '--format', 'JSON']);
    const b = await runCli(['check', '-f', 'json', clean]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const s = await runCli(['check', clean, '--format', 'Sarif']);
    expect(JSON.parse(s.stdout).version).toBe('2.1.0');
    expect((await runCli(['check', clean])).stdout).toMatch(/^.*clean\.xlsx：识别出 1 张表\n/);
  });

  test('colours on a colour terminal for text only', async () => {
    const tty = await runCli(['check', transposed], {}, true);
    const pipe = await runCli(['check', transposed], {}, false);
    expect(tty.stdout).toMatch(ANSI);
    expect(stripAnsi(tty.stdout)).toBe(pipe.stdout);
    for (const format of ['json', 'sarif']) {
      expect((await runCli(['check', transposed, '--format', format], { env: { FORCE_COLOR: '1' } }, true)).stdout).not.toMatch(ANSI);
    }
  });

  test('help: check is listed; check --help shows --format with sarif, --verbose and the exit codes', async () => {
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('检查工作簿中各表的勾稽关系');
    expect(top.stdout).toContain('1 check 发现错误');
    const zh = await runCli(['check', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： crossfoot check \[options\] <book>$/m);
    expect(zh.stdout).toContain('要检查的工作簿（.xlsx）');
    expect(zh.stdout).toContain('-v, --verbose');
    expect(zh.stdout).toContain('sarif');
    const en = await runCli(['help', 'check', '--lang', 'en-US']);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('output format: text (default, for people), json (for programs), sarif (SARIF 2.1.0');
  });
});

describe('bad input and failures', () => {
  const oneLine = (r: { code: number; stdout: string; errLines: string[]; stderr: string }, code: number): string => {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.errLines).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    return r.errLines[0];
  };

  test('a missing file: exit 2, in both languages, whatever the format', async () => {
    const missing = path.join(dir, 'nope.xlsx');
    expect(oneLine(await runCli(['check', missing]), 2)).toBe(`找不到文件：${missing}`);
    expect(oneLine(await runCli(['check', missing, '--lang', 'en-US', '--format', 'sarif']), 2)).toBe(`File not found: ${missing}`);
  });

  test('a file that is not a workbook: exit 2', async () => {
    const txt = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(txt, '这不是工作簿\n');
    expect(oneLine(await runCli(['check', txt, '--format', 'json']), 2)).toContain('notes.xlsx');
  });

  test('usage errors: exit 2 and the file is never read', async () => {
    const reads: string[] = [];
    const readWorkbook = async (p: string) => {
      reads.push(p);
      throw new Error('must not be called');
    };
    expect(oneLine(await runCli(['check', 'a.xlsx', '--format', 'xml'], { readWorkbook }), 2)).toBe(
      '不支持的输出格式：xml（可选：text, json, sarif, junit, html）。',
    );
    expect(oneLine(await runCli(['check', 'a.xlsx', '--format', 'xml', '--lang', 'en-US'], { readWorkbook }), 2)).toBe(
      'Unsupported output format: xml (choose text, json, sarif, junit, html).',
    );
    expect(oneLine(await runCli(['check'], { readWorkbook }), 2)).toMatch(/^缺少要查看的工作簿文件/);
    // several paths are a batch: here nothing can be read, so exit 2 with each file's sentence in the summary
    const both = await runCli(['check', 'a.xlsx', 'b.xlsx'], { readWorkbook });
    expect(both.code).toBe(2);
    expect(both.stdout).toContain('找不到文件：a.xlsx');
    expect(oneLine(await runCli(['check', 'a.xlsx', '--verbsoe'], { readWorkbook }), 2)).toMatch(/是不是想输入 --verbose/);
    expect(reads).toEqual([]);
  });

  test('a CrossfootError while reading: exit 2; any other exception: exit 3', async () => {
    const encrypted = async () => {
      throw new CrossfootError('encrypted', { file: 'x.xlsx' });
    };
    expect(oneLine(await runCli(['check', 'x.xlsx'], { readWorkbook: encrypted }), 2)).toBe(
      'x.xlsx 受密码保护，请先在 Excel 中取消密码后再检查。',
    );
    const recognise = () => {
      throw new TypeError('boom');
    };
    expect(oneLine(await runCli(['check', clean, '--format', 'json'], { recognise }), 3)).toMatch(/^内部错误：boom。/);
  });
});
