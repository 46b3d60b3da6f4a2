/**
 * End to end, in-process: a real .xlsx built here with exceljs, read by the real adapter and recognised by the real
 * recogniser, printed by `crossfoot inspect`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { ANSI, runCli } from './helpers';

let dir: string;
let book: string;

/** 2023年度收入决算表: title, 编制单位 + unit line, two header rows, 栏次, 合计, 类/款/项 rows, a note. */
async function writeIncomeBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收入决算表');
  ws.getCell('A1').value = '2023年度收入决算表';
  ws.mergeCells('A1:I1');
  ws.getCell('A2').value = '编制单位：某某区卫生健康局';
  ws.getCell('I2').value = '金额单位：万元';
  ws.getCell('A3').value = '项目';
  ws.mergeCells('A3:B3');
  const heads = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  heads.forEach((h, j) => {
    const col = 3 + j;
    ws.getCell(3, col).value = h;
    ws.mergeCells(3, col, 4, col);
  });
  ws.getCell('A4').value = '科目编码';
  ws.getCell('B4').value = '科目名称';
  ws.getCell('A5').value = '栏次';
  ws.mergeCells('A5:B5');
  heads.forEach((_, j) => {
    ws.getCell(5, 3 + j).value = j + 1;
  });
  // [code, name, 财政拨款, 上级补助, 事业, 经营, 附属, 其他]; 本年收入合计 = the sum of the six sources
  const subjects: Array<[string, string, number[]]> = [
    ['208', '社会保障和就业支出', [120.5, 0, 10, 0, 0, 0]],
    ['20805', '行政事业单位养老支出', [120.5, 0, 10, 0, 0, 0]],
    ['2080505', '机关事业单位基本养老保险缴费支出', [120.5, 0, 10, 0, 0, 0]],
    ['210', '卫生健康支出', [860.25, 15, 200, 0, 0, 4.75]],
    ['21001', '卫生健康管理事务', [860.25, 15, 200, 0, 0, 4.75]],
    ['2100101', '行政运行', [860.25, 15, 200, 0, 0, 4.75]],
  ];
  const sum = (xs: number[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toNumber();
  const total = [0, 1, 2, 3, 4, 5].map((j) => sum([subjects[0][2][j], subjects[3][2][j]]));
  const rows: Array<[string, string, number[]]> = [['', '合计', total], ...subjects];
  rows.forEach(([code, name, vals], i) => {
    const r = 6 + i;
    if (code) {
      ws.getCell(r, 1).value = code;
      ws.getCell(r, 2).value = name;
    } else {
      ws.getCell(r, 1).value = name;
      ws.mergeCells(r, 1, r, 2);
    }
    ws.getCell(r, 3).value = sum(vals);
    vals.forEach((v, j) => {
      ws.getCell(r, 4 + j).value = v;
    });
    for (let c = 3; c <= 9; c++) ws.getCell(r, c).numFmt = '#,##0.00';
  });
  ws.getCell('A13').value = '注：本表反映部门本年度取得的各项收入情况。';
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-cli-'));
  book = path.join(dir, '收入决算.xlsx');
  await writeIncomeBook(book);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('inspect --format json on a real 收入决算表', async () => {
  const r = await runCli(['inspect', book, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(ANSI);
  const doc = JSON.parse(r.stdout);
  expect(doc.file).toBe(book);
  expect(doc.unplaced).toEqual([]);
  expect(doc.narrativeSheets).toEqual([]);
  expect(doc.tables).toHaveLength(1);
  const t = doc.tables[0];
  expect(t).toMatchObject({
    kind: 'juesuan.income',
    title: '2023年度收入决算表',
    sheet: '收入决算表',
    range: 'A1:I13',
    unit: '万元',
    formLabel: null,
    year: 2023,
    department: '某某区卫生健康局',
    rows: 7, // 合计 + 6 类/款/项 rows
    valueColumns: 7, // 栏1–7
    empty: false,
    emptyStatement: null,
    twoSided: false,
    bodyRows: [6, 12],
  });
  expect(t.headerRows[0]).toBe(3);
  expect(t.headerRows[1]).toBeGreaterThanOrEqual(4);
  expect(t.headerRows[1]).toBeLessThan(6);
  expect(t.id).toMatch(/^juesuan\.income/);
});

test('inspect (text) on the same workbook, in both languages', async () => {
  const zh = await runCli(['inspect', book]);
  expect(zh.code).toBe(0);
  expect(zh.stdout.split('\n')).toEqual([
    `${book}：1 个工作表，识别出 1 张表`,
    '  1. 收入决算表  “2023年度收入决算表”  收入决算表!A1:I13  单位：万元  7 行 × 7 列',
    '',
  ]);
  const en = await runCli(['inspect', book, '--lang', 'en-US']);
  expect(en.code).toBe(0);
  expect(en.stdout.split('\n')).toEqual([
    `${book}: 1 sheet, 1 table recognised`,
    '  1. Income (final accounts)  "2023年度收入决算表"  收入决算表!A1:I13  unit: 万元 (10,000 yuan)  7 rows × 7 value columns',
    '',
  ]);
});

test('a missing file: exit 2 and the localized sentence, in both languages', async () => {
  const missing = path.join(dir, 'nope.xlsx');
  const zh = await runCli(['inspect', missing]);
  expect(zh).toMatchObject({ code: 2, stdout: '', stderr: `找不到文件：${missing}\n` });
  const en = await runCli(['inspect', missing, '--lang', 'en-US']);
  expect(en).toMatchObject({ code: 2, stdout: '', stderr: `File not found: ${missing}\n` });
});

test('a file that is not a workbook: exit 2, one line', async () => {
  const txt = path.join(dir, 'notes.xlsx');
  fs.writeFileSync(txt, '这不是工作簿\n');
  const r = await runCli(['inspect', txt, '--format', 'json']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.errLines).toHaveLength(1);
  expect(r.errLines[0]).toContain('notes.xlsx');
});
