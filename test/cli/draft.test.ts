/**
 * `crossfoot draft` end to end, in-process: fixture books read by the real adapter, recognised, turned into facts and
 * drafted; text and JSON output; the frame in both languages (the drafts stay Chinese); a prior-year workbook written
 * here with exceljs (the fixture with last year's totals); usage and input errors (exit 2).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { DraftJson } from '../../src/cli/format/draft-json';
import { ANSI, runCli, stripAnsi } from './helpers';

const BOOKS = path.join(__dirname, '..', 'fixtures', 'books');
const SEED_001 = path.join(BOOKS, 'seed-001-sheets.xlsx');
const SEED_003 = path.join(BOOKS, 'seed-003-sheets.xlsx');
const SH_2024 = path.join(BOOKS, 'sh-caizhengju-2024-stacked.xlsx');

let dir: string;
/** seed-001 with last year's 收、支总计 (3,190.37) and 财政拨款收、支总计 (3,116.47) */
let prior: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-draft-'));
  prior = path.join(dir, '2022 决算.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_001);
  const j1 = wb.getWorksheet('表1')!;
  j1.getCell('C37').value = 3190.37;
  j1.getCell('F37').value = 3190.37;
  const j4 = wb.getWorksheet('表4')!;
  j4.getCell('C39').value = 3116.47;
  await wb.xlsx.writeFile(prior);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crossfoot draft --format text', () => {
  it('prints every section with its id, title and paragraphs, placeholders visible, and exits 0', async () => {
    const r = await runCli(['draft', SEED_001]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`情况说明草稿：${SEED_001}（部门决算，2023年度，武汉市蔡甸区医疗保障局（本级），全国通用措辞）`);
    expect(lines[1]).toBe('未提供上年工作簿（--prior）：与上年相比的增减变动留待补充。');
    expect(r.stdout).toContain('\n[juesuan.overview] 收入支出决算总体情况说明\n');
    expect(r.stdout).toContain('\n[juesuan.income] 收入决算情况说明\n2023年度收入合计442.86万元。其中：财政拨款收入442.86万元，占本年收入100.00%。\n');
    expect(r.stdout).toContain('与2022年度相比，收、支总计【待补充：2022年度决算数】，主要原因是【待补充：变动原因】。');
    expect(r.stdout.match(/^\[juesuan\.[a-z.-]+\] /gm)).toHaveLength(12);
    expect(lines[lines.length - 2]).toMatch(/^共起草 12 段，\d+ 处待补充。$/);
    expect(r.stdout).not.toContain(ANSI);
  });

  it('--section selects sections (repeatable, comma-separated, or a family)', async () => {
    const r = await runCli(['draft', SEED_001, '--section', 'juesuan.income,juesuan.expenditure', '-s', 'juesuan.general-budget']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^\[[a-z.-]+\]/gm)).toEqual([
      '[juesuan.income]',
      '[juesuan.expenditure]',
      '[juesuan.general-budget.overview]',
      '[juesuan.general-budget.structure]',
      '[juesuan.general-budget.detail]',
    ]);
    const all = await runCli(['draft', SEED_001, '--section', 'juesuan.income', '--all']);
    expect(all.stdout.match(/^\[[a-z.-]+\]/gm)).toHaveLength(12);
  });

  it('--prior computes the changes against last year', async () => {
    const r = await runCli(['draft', SEED_001, '--prior', prior, '-s', 'juesuan.overview', '-s', 'juesuan.fiscal']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(`上年数据取自：${prior}`);
    expect(r.stdout).toContain('2023年度收、支总计442.86万元。与2022年度相比，收、支总计各减少2747.51万元，下降86.12%，主要原因是【待补充：变动原因】。');
    expect(r.stdout).toContain('与2022年度相比，财政拨款收、支总计各减少2673.61万元，下降85.79%');
  });

  it('--lang en-US translates the frame; the drafts stay Chinese', async () => {
    const r = await runCli(['draft', SH_2024, '--lang', 'en-US', '-s', 'juesuan.income']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Narrative draft: ${SH_2024} (final accounts 部门决算, year 2024, 上海市普陀区财政局, Shanghai wording)`);
    expect(lines[1]).toBe("No last year's workbook (--prior): the changes against last year are left to fill in.");
    expect(r.stdout).toContain('[juesuan.income] 收入决算情况说明\n本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.20万元，占0.21%。\n');
    expect(lines[lines.length - 2]).toBe('1 section drafted, 0 placeholders to fill in.');
  });

  it('says which tables a section lacks', async () => {
    const zh = await runCli(['draft', path.join(BOOKS, 'sh-sifaju-2026-split.xlsx'), '-s', 'yusuan.procurement']);
    expect(zh.stdout).toContain('[yusuan.procurement] 政府采购预算情况\n（缺少政府采购预算表，本段未能起草）\n');
    const en = await runCli(['draft', path.join(BOOKS, 'sh-sifaju-2026-split.xlsx'), '-s', 'yusuan.procurement', '--lang', 'en-US']);
    expect(en.stdout).toContain('(missing: Government procurement budget; this section could not be drafted)');
  });

  it('highlights placeholders on a colour terminal', async () => {
    const r = await runCli(['draft', SEED_001, '-s', 'juesuan.overview'], {}, true);
    expect(r.stdout).toContain(`\u001b[33m【待补充：2022年度决算数】\u001b[39m`);
    expect(stripAnsi(r.stdout)).toContain('收、支总计【待补充：2022年度决算数】，');
  });

  it('a workbook without disclosure tables: nothing to draft, exit 0', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '备注';
    await wb.xlsx.writeFile(empty);
    const r = await runCli(['draft', empty]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未识别出任何公开表格，无法起草情况说明。');
  });
});

describe('crossfoot draft --format json', () => {
  it('prints the DraftSection structure with spans into each paragraph', async () => {
    const r = await runCli(['draft', SEED_003, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as DraftJson;
    expect(Object.keys(json)).toEqual(['file', 'prior', 'regime', 'year', 'department', 'template', 'sections', 'summary']);
    expect(json).toMatchObject({ file: SEED_003, prior: null, regime: 'yusuan', year: 2024, department: null, template: 'national' });
    expect(json.sections.map((s) => s.id)).toContain('yusuan.three-public');
    let figures = 0;
    let placeholders = 0;
    for (const s of json.sections) {
      expect(Object.keys(s)).toEqual(['id', 'title', 'paragraphs', 'missing']);
      for (const p of s.paragraphs) {
        for (const f of p.figures) {
          expect(p.text.slice(f.span[0], f.span[1])).toBe(f.printed);
          expect(f.cell.sheet).toMatch(/^预算\d\d表$/);
          figures++;
        }
        for (const ph of p.placeholders) {
          expect(p.text.slice(ph.span[0], ph.span[1])).toBe(`【待补充：${ph.label}】`);
          expect(['reason', 'prior', 'budget', 'other']).toContain(ph.kind);
          placeholders++;
        }
      }
    }
    expect(json.summary).toEqual({
      sections: json.sections.length,
      paragraphs: json.sections.reduce((n, s) => n + s.paragraphs.length, 0),
      figures,
      placeholders,
    });
    const fiscal = json.sections.find((s) => s.id === 'yusuan.fiscal')!;
    expect(fiscal.paragraphs[0].figures[0]).toEqual({
      factKey: 'fiscal.income.grand-total',
      cell: { sheet: '预算04表', cell: 'B33' },
      span: [14, 21],
      printed: '1109.38',
      kind: 'amount',
      unit: '万元',
    });
  });

  it('records the inputs of computed figures, the prior workbook’s included', async () => {
    const r = await runCli(['draft', SEED_001, '--prior', prior, '-f', 'json', '-s', 'juesuan.overview']);
    const json = JSON.parse(r.stdout) as DraftJson;
    expect(json.prior).toBe(prior);
    const rate = json.sections[0].paragraphs[0].figures.find((f) => f.kind === 'change-rate')!;
    expect(rate).toMatchObject({ printed: '86.12', unit: '%', factKey: 'income.grand-total' });
    expect(rate.inputs).toEqual([
      { factKey: 'income.grand-total', cell: { sheet: '表1', cell: 'C37' }, source: 'current' },
      { factKey: 'income.grand-total', cell: { sheet: '表1', cell: 'C37' }, source: 'prior' },
    ]);
  });
});

describe('crossfoot draft: bad input exits 2 with one line', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown section', ['-s', 'juesuan.nonsense'], /^参数有误：未知的段落：juesuan\.nonsense（可选：juesuan\.overview, /],
    ['a section of the other regime', ['-s', 'yusuan.income'], /^参数有误：该工作簿是部门决算，没有段落 yusuan\.income/],
    ['an unknown format', ['--format', 'xml'], /^不支持的输出格式：xml（可选：text, json）。$/],
    ['an unknown template', ['--template', 'beijing'], /^参数有误：不支持的措辞模板：beijing（可选：national, shanghai）。$/],
    ['a prior of the other regime', ['--prior', SEED_003], /^参数有误：上年工作簿 .*seed-003-sheets\.xlsx 是部门预算，与本工作簿（部门决算）不是同类报表，无法比较。$/],
    ['a missing prior file', ['--prior', '/nonexistent/2022.xlsx'], /^找不到文件：\/nonexistent\/2022\.xlsx$/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await runCli(['draft', SEED_001, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.errLines).toHaveLength(1);
      expect(r.errLines[0]).toMatch(message);
    });
  }

  it('a missing workbook, and the English message', async () => {
    const r = await runCli(['draft', '/nonexistent/book.xlsx', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual(['File not found: /nonexistent/book.xlsx']);
    const none = await runCli(['draft']);
    expect(none.code).toBe(2);
  });
});
