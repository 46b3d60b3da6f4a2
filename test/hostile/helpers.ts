/** Builders of hostile .xlsx inputs: a small 支出决算表 that foots, written with exceljs, with one thing made hostile. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { readXlsxFile } from '../../src/adapters/exceljs';
import type { Workbook } from '../../src/model/workbook';
import { checkWorkbook, type CheckResult } from '../../src/rules';

export const AMOUNT_FMT = '#,##0.00';

/** [code, name, total, basic, project] — every 类/款 row is the sum of its children, 合计 the sum of the 类 rows */
export const ROWS: Array<[string, string, number, number, number]> = [
  ['', '合计', 3000.5, 2000.25, 1000.25],
  ['201', '一般公共服务支出', 2000.5, 1500.25, 500.25],
  ['20106', '财政事务', 2000.5, 1500.25, 500.25],
  ['2010601', '行政运行', 1500.25, 1500.25, 0],
  ['2010602', '一般行政管理事务', 500.25, 0, 500.25],
  ['221', '住房保障支出', 1000, 500, 500],
  ['22102', '住房改革支出', 1000, 500, 500],
  ['2210201', '住房公积金', 1000, 500, 500],
];
/** sheet row of ROWS[i] when the table starts at row `top` */
export const bodyRow = (i: number, top = 1): number => top + 4 + i;

/** Write the table onto a worksheet from row `top`; returns the worksheet. */
export function addTable(ws: ExcelJS.Worksheet, top = 1, unit = '万元', scale = 1): ExcelJS.Worksheet {
  ws.getCell(top, 1).value = '支出决算表';
  ws.getCell(top + 1, 5).value = `单位：${unit}`;
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'].forEach((h, j) => (ws.getCell(top + 2, j + 1).value = h));
  ws.getCell(top + 3, 1).value = '栏次';
  [1, 2, 3].forEach((n, j) => (ws.getCell(top + 3, j + 3).value = n));
  ROWS.forEach(([code, name, ...v], i) => {
    const r = bodyRow(i, top);
    if (code) ws.getCell(r, 1).value = code;
    ws.getCell(r, 2).value = name;
    v.forEach((x, j) => {
      const c = ws.getCell(r, j + 3);
      c.value = Math.round(x * scale * 100) / 100;
      c.numFmt = AMOUNT_FMT;
    });
  });
  return ws;
}

export function tempDir(prefix = 'crossfoot-hostile-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Write a workbook built by `fill`, read it back with the exceljs adapter. */
export async function roundTrip(dir: string, name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<{ file: string; wb: Workbook }> {
  const book = new ExcelJS.Workbook();
  fill(book);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return { file, wb: await readXlsxFile(file) };
}

export function check(wb: Workbook): CheckResult {
  return checkWorkbook(wb, { narrative: true });
}
