/**
 * Batch checking (`crossfoot check <folder|glob|file> [more…]`, checkBatch): every fixture book plus one corrupt file;
 * each good file has the counts checkFile gives it alone, the bad one is reported with its sentence and does not stop
 * the batch; jobs=1 (in this thread) and jobs=2 (worker threads) give identical results; the summary CSV parses; the
 * input expansion (folders, patterns) and the exit codes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkBatch, expandGlob, expandInputs, isBatchInput, segmentRegExp, type BatchResult } from '../../src/cli/batch';
import { checkFile } from '../../src/cli/check';
import { BOM, csvField } from '../../src/cli/format/batch-csv';
import { runCli } from './helpers';

const BOOKS = path.join(__dirname, '..', 'fixtures', 'books');
const fixtures = fs
  .readdirSync(BOOKS)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => path.join(BOOKS, f));

let dir: string;
let bad: string;
let one: BatchResult;
let two: BatchResult;

/** the comparable part of a result (no timings) */
const comparable = (r: BatchResult) => ({ files: r.files.map(({ ms: _ms, ...rest }) => rest), summary: r.summary });

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF) */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-batch-'));
  bad = path.join(dir, 'corrupt 损坏.xlsx');
  // zip magic then garbage: looks like an xlsx, is not one
  fs.writeFileSync(bad, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37 + 11) % 256))]));
  const inputs = [...fixtures, bad];
  one = await checkBatch(inputs, { jobs: 1, lang: 'zh-CN' });
  two = await checkBatch(inputs, { jobs: 2, lang: 'zh-CN' });
}, 180_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('checkBatch over every fixture book and a corrupt file', () => {
  test('every good file has the counts checkFile gives it alone; the corrupt one is unreadable with its sentence', async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(one.files.map((f) => f.file)).toEqual([...fixtures, bad]);
    for (const [i, file] of fixtures.entries()) {
      const alone = await checkFile(file, { lang: 'zh-CN' });
      const row = one.files[i];
      expect({ file: row.file, tables: row.tables, ...pick(row) }).toEqual({
        file,
        tables: alone.recognition.tables.length,
        errors: alone.summary.errors,
        warnings: alone.summary.warnings,
        infos: alone.summary.infos,
        passed: alone.summary.passed,
        cannotCheck: alone.summary.cannotEvaluate,
      });
      expect(row.status).toBe(alone.summary.errors > 0 ? 'errors' : alone.summary.warnings > 0 ? 'warnings' : 'clean');
      expect(row.failing).toBe(alone.summary.errors > 0);
      expect(row.error).toBeUndefined();
    }
    const last = one.files[one.files.length - 1];
    expect(last.status).toBe('unreadable');
    expect(last.error?.code).toMatch(/^(corrupt|not-xlsx)$/);
    expect(last.error?.message).toContain('corrupt 损坏.xlsx');
    expect(last.error?.message).toMatch(/无法读取|已损坏/);
  }, 120_000);

  test('department and year come from the tables (the Shanghai books name both)', () => {
    const sifa = one.files.find((f) => f.file.endsWith('sh-sifaju-2026-sheets.xlsx'));
    expect(sifa?.year).toBe(2026);
    expect(sifa?.department).toContain('司法局');
  });

  test('totals and exit code: failing files make 1, the unreadable file is counted apart', () => {
    const good = one.files.filter((f) => f.status !== 'unreadable');
    expect(one.summary.files).toBe(fixtures.length + 1);
    expect(one.summary.checked).toBe(fixtures.length);
    expect(one.summary.unreadable).toBe(1);
    expect(one.summary.errors).toBe(good.reduce((n, f) => n + f.errors, 0));
    expect(one.summary.failing).toBe(good.filter((f) => f.errors > 0).length);
    expect(one.summary.failing).toBeGreaterThan(0);
    expect(one.summary.exitCode).toBe(1);
  });

  test('jobs=1 and jobs=2 give identical results', () => {
    expect(one.jobs).toBe(1);
    expect(two.jobs).toBe(2);
    expect(comparable(two)).toEqual(comparable(one));
  });
});

function pick(r: BatchResult['files'][number]) {
  return { errors: r.errors, warnings: r.warnings, infos: r.infos, passed: r.passed, cannotCheck: r.cannotCheck };
}

describe('inputs: folders, patterns, lock files', () => {
  let tree: string;
  beforeAll(() => {
    tree = path.join(dir, 'tree');
    fs.mkdirSync(path.join(tree, '2024', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(tree, '2025'), { recursive: true });
    for (const f of ['2024/a.xlsx', '2024/b.XLSX', '2024/~$a.xlsx', '2024/notes.docx', '2024/sub/c.xlsx', '2025/d.xlsx']) {
      fs.writeFileSync(path.join(tree, f), 'x');
    }
  });

  test('a folder gives every .xlsx in it, subfolders included, lock files and other files left out', () => {
    const { files } = expandInputs([tree]);
    expect(files.map((f) => path.relative(tree, f).split(path.sep).join('/'))).toEqual([
      '2024/a.xlsx',
      '2024/b.XLSX',
      '2024/sub/c.xlsx',
      '2025/d.xlsx',
    ]);
  });

  test('patterns: * within a folder, ** across folders, [..] classes; no match is reported, duplicates dropped', () => {
    const rel = (fs_: string[]) => fs_.map((f) => path.relative(tree, f).split(path.sep).join('/'));
    expect(rel(expandGlob(path.join(tree, '2024', '*.xlsx')))).toEqual(['2024/a.xlsx']);
    expect(rel(expandGlob(path.join(tree, '**', '*.xlsx')))).toEqual(['2024/a.xlsx', '2024/sub/c.xlsx', '2025/d.xlsx']);
    expect(rel(expandGlob(path.join(tree, '202[5]', '?.xlsx')))).toEqual(['2025/d.xlsx']);
    const { files, unmatched } = expandInputs([path.join(tree, '2024', '*.xlsx'), path.join(tree, '2024', 'a.xlsx'), path.join(tree, 'none', '*.xlsx')]);
    expect(rel(files)).toEqual(['2024/a.xlsx']);
    expect(unmatched.map((u) => u.error.code)).toEqual(['file-not-found']);
  });

  test('segment patterns do not cross "/" and do not match a leading dot', () => {
    expect(segmentRegExp('*.xlsx').test('a.xlsx')).toBe(true);
    expect(segmentRegExp('*.xlsx').test('.hidden.xlsx')).toBe(false);
    expect(segmentRegExp('*.xlsx').test('a/b.xlsx')).toBe(false);
    expect(segmentRegExp('[!a]*').test('abc')).toBe(false);
    expect(segmentRegExp('a+b(1).xlsx').test('a+b(1).xlsx')).toBe(true);
  });

  test('batch mode: several inputs, a folder or a pattern; one existing file is the single-file check', () => {
    expect(isBatchInput([fixtures[0]])).toBe(false);
    expect(isBatchInput([fixtures[0], fixtures[1]])).toBe(true);
    expect(isBatchInput([tree])).toBe(true);
    expect(isBatchInput([path.join(tree, '*.xlsx')])).toBe(true);
    expect(isBatchInput([path.join(tree, 'missing.xlsx')])).toBe(false);
  });
});

describe('crossfoot check with several workbooks', () => {
  const sheets = () => fixtures.filter((f) => /sh-(caizhengju|sifaju)-20\d\d-sheets\.xlsx$/.test(f));

  test('text summary, progress lines on stderr, --summary-csv with BOM that parses back, exit 1', async () => {
    const csv = path.join(dir, '汇总.csv');
    const r = await runCli(['check', ...sheets(), bad, '--jobs', '1', '--summary-csv', csv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^文件\s+部门\s+年度\s+表格数\s+错误\s+警告\s+无法核对\s+状态$/m);
    expect(r.stdout).toContain('上海市普陀区司法局');
    expect(r.stdout).toContain('无法读取的文件：');
    expect(r.stdout).toMatch(/共 3 个工作簿：检查了 2 个，无法读取 1 个/);
    expect(r.errLines.filter((l) => /^\[\d\/3\] /.test(l))).toHaveLength(3);
    expect(r.stderr).not.toContain('\r');
    const raw = fs.readFileSync(csv, 'utf8');
    expect(raw.startsWith(BOM)).toBe(true);
    const rows = parseCsv(raw.slice(1));
    expect(rows[0]).toEqual(['文件', '部门', '年度', '表格数', '错误', '警告', '无法核对', '状态', '说明']);
    expect(rows).toHaveLength(4);
    const alone = await checkFile(sheets()[0], { lang: 'zh-CN' });
    expect(rows[1][0]).toBe(sheets()[0]);
    expect(Number(rows[1][4])).toBe(alone.summary.errors);
    expect(Number(rows[1][6])).toBe(alone.summary.cannotEvaluate);
    expect(rows[3][0]).toBe(bad);
    expect(rows[3][7]).toBe('无法读取');
    expect(rows[3][8]).toContain('corrupt 损坏.xlsx');
  }, 60_000);

  test('--format json in English: {files, summary}; only unreadable files → exit 2', async () => {
    const r = await runCli(['check', bad, path.join(dir, 'missing.xlsx'), '--format', 'json', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { files: { status: string; error: { code: string; message: string } }[]; summary: { checked: number; exitCode: number } };
    expect(json.files.map((f) => f.status)).toEqual(['unreadable', 'unreadable']);
    expect(json.files[1].error.code).toBe('file-not-found');
    expect(json.files[1].error.message).toMatch(/^File not found: /);
    expect(json.summary).toMatchObject({ checked: 0, exitCode: 2 });
  });

  test('a clean batch exits 0; --fail-on warning makes warnings fail', async () => {
    const clean = fixtures.filter((f) => /sh-shangwuwei-2025-(sheets|split)\.xlsx$/.test(f));
    const ok = await runCli(['check', ...clean, '--jobs', '1', '--format', 'json']);
    const parsed = JSON.parse(ok.stdout) as { files: { errors: number; warnings: number }[] };
    const errors = parsed.files.reduce((n, f) => n + f.errors, 0);
    const warnings = parsed.files.reduce((n, f) => n + f.warnings, 0);
    expect(ok.code).toBe(errors > 0 ? 1 : 0);
    const strict = await runCli(['check', ...clean, '--jobs', '1', '--format', 'json', '--fail-on', 'warning']);
    expect(strict.code).toBe(errors + warnings > 0 ? 1 : 0);
  }, 60_000);

  test('batch-only and single-only options are refused with exit 2', async () => {
    const two_ = [fixtures[0], fixtures[1]];
    for (const argv of [
      ['check', ...two_, '--format', 'sarif'],
      ['check', ...two_, '--annotate', path.join(dir, 'x.xlsx')],
      ['check', ...two_, '--jobs', '0'],
      ['check', fixtures[0], '--summary-csv', path.join(dir, 'one.csv')],
      ['check', path.join(dir, 'empty-folder-*.xlsx'), path.join(dir, 'none-*.xlsx')],
    ]) {
      const r = await runCli(argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.errLines.length).toBeGreaterThan(0);
    }
  });

  test('an empty folder: nothing to check, exit 2 with one sentence', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    const r = await runCli(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到要检查的 .xlsx 工作簿');
  });

  test('csv fields: quotes, commas and formula starts are made safe', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-')).toBe('-');
    expect(csvField('-@x')).toBe("'-@x");
    expect(csvField('-12')).toBe('-12');
  });
});
