import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { readXlsxBuffer, readXlsxFile, ExcelJsReader } from './exceljs';
import { classifyCfb, sniffContainer } from './sniff';
import type { Cell, CellValue, Workbook } from '../model/workbook';
import { cellText, getCell, visibleText } from '../model/workbook';
import {
  buildCfb,
  encryptedXlsxBytes,
  legacyXlsBytes,
  makeTempDir,
  rawXlsx,
  sha256File,
  writeBigSheet,
} from '../../test/bad-input/helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossfoot-read-'));
});
afterAll(() => cleanup());

function c(row: number, col: number, value: CellValue, text: string, extra: Partial<Cell> = {}): Cell {
  return { row, col, value, text, ...extra };
}

async function writeWorkbook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('readXlsxFile: a workbook built with exceljs', () => {
  let file: string;
  let model: Workbook;

  beforeAll(async () => {
    file = await writeWorkbook('收入支出决算总表.xlsx', (wb) => {
      const ws = wb.addWorksheet('收入支出决算总表');
      ws.getCell('A1').value = '收入支出决算总表';
      ws.mergeCells('A1:F1');

      ws.getCell('A2').value = '项目';
      ws.getCell('B2').value = 1148.77;
      ws.getCell('B2').numFmt = '#,##0.00';
      ws.getCell('C2').value = 0.125;
      ws.getCell('C2').numFmt = '0.0%';
      ws.getCell('D2').value = 1234567.891; // General
      ws.getCell('E2').value = '1,148.77'; // an amount typed as text
      ws.getCell('F2').value = 42;
      ws.getCell('F2').numFmt = '@';
      ws.getCell('G2').value = ''; // an empty string is an empty cell

      ws.getCell('A3').value = '合计';
      ws.getCell('B3').value = 2000;
      ws.getCell('B3').numFmt = '#,##0.00';
      ws.getCell('C3').value = 1 / 3; // General: 9 decimals shown
      ws.getCell('D3').value = 123456789012; // General: 12 digits → scientific
      ws.getCell('E3').value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell('E3').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('F3').value = true;

      ws.getCell('A4').value = { richText: [{ text: '本年', font: { bold: true } }, { text: '收入合计' }] };
      ws.getCell('B4').value = { formula: 'B2+B3', result: 3148.77 } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').numFmt = '#,##0.00';
      ws.getCell('C4').value = {
        formula: 'B2*2',
        result: 2297.54,
        shareType: 'shared',
        ref: 'C4:C5',
      } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('C5').value = { sharedFormula: 'C4', result: 4000 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('D5').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      ws.getCell('E5').value = { text: '财政部', hyperlink: 'https://www.mof.gov.cn/' };
      ws.getCell('F5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;

      ws.getCell('A6').value = '隐藏行';
      ws.getRow(6).hidden = true;
      ws.getCell('B6').value = { formula: 'SUM(B2:B3)' } as ExcelJS.CellFormulaValue; // no cached result
      ws.getCell('C6').value = { formula: 'A2&"x"', result: '项目x' } as ExcelJS.CellFormulaValue;

      ws.getCell('A8').value = -5;
      ws.getCell('A8').numFmt = '#,##0.00_);(#,##0.00)';
      ws.getCell('H10').border = { top: { style: 'thin' } }; // styled but empty: trimmed away

      const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
      hidden.getCell('B2').value = 7;
      const veryHidden = wb.addWorksheet('深度隐藏', { state: 'veryHidden' });
      veryHidden.getCell('A1').value = 'x';
      wb.addWorksheet('空表');
    });
    model = await readXlsxFile(file);
  });

  test('source info', () => {
    expect(model.source).toEqual({ name: '收入支出决算总表.xlsx', adapter: 'exceljs' });
  });

  test('the first sheet, exactly', () => {
    expect(model.sheets[0]).toEqual({
      name: '收入支出决算总表',
      index: 0,
      hidden: false,
      merges: [{ top: 1, left: 1, bottom: 1, right: 6 }],
      hiddenRows: [6],
      rows: [
        [c(1, 1, '收入支出决算总表', '收入支出决算总表')],
        [
          c(2, 1, '项目', '项目'),
          c(2, 2, 1148.77, '1,148.77', { numFmt: '#,##0.00' }),
          c(2, 3, 0.125, '12.5%', { numFmt: '0.0%' }),
          c(2, 4, 1234567.891, '1234567.891'),
          c(2, 5, '1,148.77', '1,148.77'),
          c(2, 6, 42, '42', { numFmt: '@' }),
        ],
        [
          c(3, 1, '合计', '合计'),
          c(3, 2, 2000, '2,000.00', { numFmt: '#,##0.00' }),
          c(3, 3, 1 / 3, '0.333333333'),
          c(3, 4, 123456789012, '1.23457E+11'),
          c(3, 5, 45306, '2024年1月15日', { numFmt: 'yyyy"年"m"月"d"日"' }),
          c(3, 6, true, 'TRUE'),
        ],
        [
          c(4, 1, '本年收入合计', '本年收入合计'),
          c(4, 2, 3148.77, '3,148.77', { formula: 'B2+B3', numFmt: '#,##0.00' }),
          c(4, 3, 2297.54, '2297.54', { formula: 'B2*2' }),
        ],
        [
          null,
          null,
          c(5, 3, 4000, '4000', { formula: 'B3*2' }),
          c(5, 4, null, '#DIV/0!', { error: '#DIV/0!' }),
          c(5, 5, '财政部', '财政部'),
          c(5, 6, null, '#DIV/0!', { formula: '1/0', error: '#DIV/0!' }),
        ],
        [
          c(6, 1, '隐藏行', '隐藏行'),
          c(6, 2, null, '', { formula: 'SUM(B2:B3)' }),
          c(6, 3, '项目x', '项目x', { formula: 'A2&"x"' }),
        ],
        undefined,
        [c(8, 1, -5, '(5.00)', { numFmt: '#,##0.00_);(#,##0.00)' })],
      ],
    });
    // no holes, no trailing empties
    expect(model.sheets[0].rows.length).toBe(8);
    expect(7 - 1 in model.sheets[0].rows).toBe(true);
  });

  test('hidden, very hidden and empty sheets, in order', () => {
    expect(model.sheets.map((s) => [s.name, s.index, s.hidden])).toEqual([
      ['收入支出决算总表', 0, false],
      ['隐藏表', 1, true],
      ['深度隐藏', 2, true],
      ['空表', 3, false],
    ]);
    expect(model.sheets[1].rows).toEqual([undefined, [null, c(2, 2, 7, '7')]]);
    expect(model.sheets[2].rows).toEqual([[c(1, 1, 'x', 'x')]]);
    expect(model.sheets[3]).toEqual({ name: '空表', index: 3, hidden: false, rows: [], merges: [] });
  });

  test('the model helpers work on it (merged title visible across the merge)', () => {
    const s = model.sheets[0];
    expect(visibleText(s, 1, 4)).toBe('收入支出决算总表');
    expect(getCell(s, 1, 2)).toBeNull();
    expect(cellText(s, 2, 2)).toBe('1,148.77');
  });

  test('the file is not modified by reading, and the reader class reads the same model', async () => {
    const before = sha256File(file);
    const again = await new ExcelJsReader(file).read();
    expect(again).toEqual(model);
    expect(sha256File(file)).toBe(before);
  });
});

describe('readXlsxBuffer: Excel-style XML written by hand', () => {
  const sharedStrings = {
    name: 'xl/sharedStrings.xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">` +
      `<si><t>一般公共预算财政拨款支出决算表</t></si><si><r><rPr><b/></rPr><t>科目</t></r><r><t>编码</t></r></si></sst>`,
  };
  const body =
    `<dimension ref="A1:E6"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
    `<row r="2" hidden="1"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+B2</f><v>3</v></c></row>` +
    `<row r="3"><c r="A3"><v>10</v></c><c r="B3"><v>20.5</v></c><c r="C3"><f t="shared" si="0"/><v>30.5</v></c></row>` +
    `<row r="4"><c r="A4" t="inlineStr"><is><t>内联</t></is></c><c r="B4" t="e"><v>#REF!</v></c>` +
    `<c r="C4" t="e"><f t="shared" si="0"/><v>#REF!</v></c><c r="D4" t="b"><v>1</v></c>` +
    `<c r="E4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
    `<row r="6"><c r="B6" t="s"><v>1</v></c><c r="C6" s="0"/></row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>`;

  test('shared strings, shared formulas, inline strings, errors, booleans, string results, merges', async () => {
    const wb = await readXlsxBuffer(
      rawXlsx(
        [
          { name: '表3', body },
          { name: '备用', body: `<sheetData><row r="1"><c r="A1"><v>0</v></c></row></sheetData>`, state: 'veryHidden' },
        ],
        [sharedStrings],
      ),
      'raw.xlsx',
    );
    expect(wb.source).toEqual({ name: 'raw.xlsx', adapter: 'exceljs' });
    expect(wb.sheets[0]).toEqual({
      name: '表3',
      index: 0,
      hidden: false,
      merges: [{ top: 5, left: 1, bottom: 5, right: 2 }],
      hiddenRows: [2],
      rows: [
        [c(1, 1, '一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表')],
        [c(2, 1, 1, '1'), c(2, 2, 2, '2'), c(2, 3, 3, '3', { formula: 'A2+B2' })],
        [c(3, 1, 10, '10'), c(3, 2, 20.5, '20.5'), c(3, 3, 30.5, '30.5', { formula: 'A3+B3' })],
        [
          c(4, 1, '内联', '内联'),
          c(4, 2, null, '#REF!', { error: '#REF!' }),
          c(4, 3, null, '#REF!', { formula: 'A4+B4', error: '#REF!' }),
          c(4, 4, true, 'TRUE'),
          c(4, 5, 'ab', 'ab', { formula: '"a"&"b"' }),
        ],
        undefined,
        [null, c(6, 2, '科目编码', '科目编码')],
      ],
    });
    expect(wb.sheets[1]).toEqual({ name: '备用', index: 1, hidden: true, rows: [[c(1, 1, 0, '0')]], merges: [] });
  });
});

describe('dates', () => {
  test('a 1904-system workbook keeps its own serial and renders the right date', async () => {
    const file = await writeWorkbook('mac.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    const wb = await readXlsxFile(file);
    expect(wb.sheets[0].rows[0]).toEqual([c(1, 1, 45306 - 1462, '2024-01-15', { numFmt: 'yyyy-mm-dd' })]);
  });

  test('a date-time keeps its time of day', async () => {
    const file = await writeWorkbook('time.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 15, 18, 0, 0));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd hh:mm';
    });
    const wb = await readXlsxFile(file);
    expect(wb.sheets[0].rows[0]).toEqual([c(1, 1, 45306.75, '2024-01-15 18:00', { numFmt: 'yyyy-mm-dd hh:mm' })]);
  });
});

describe('General rendering', () => {
  test.each([
    [0, '0'],
    [42, '42'],
    [-1148.77, '-1148.77'],
    [0.1 + 0.2, '0.3'],
    [1234567.891, '1234567.891'],
    [12345678901, '12345678901'],
    [100000000000, '1E+11'],
    [2 / 3, '0.666666667'],
    [0.000123456789123, '0.000123457'],
  ])('%p shows as %p', async (value, text) => {
    const buf = rawXlsx([{ name: 'S', body: `<sheetData><row r="1"><c r="A1"><v>${value}</v></c></row></sheetData>` }]);
    const wb = await readXlsxBuffer(buf, 'g.xlsx');
    expect(wb.sheets[0].rows[0]).toEqual([c(1, 1, value, text)]);
  });
});

describe('containers', () => {
  test('a zip64 workbook (written by the streaming writer) is read', async () => {
    const file = path.join(dir, 'zip64.xlsx');
    await writeBigSheet(file, 3, 2, { forceZip64: true });
    const wb = await readXlsxFile(file);
    expect(wb.sheets[0].name).toBe('大表');
    expect(wb.sheets[0].rows.map((r) => r?.map((x) => x?.value))).toEqual([
      [101, 102],
      [201, 202],
      [301, 302],
    ]);
  });

  test('sniffing', () => {
    expect(sniffContainer(Buffer.alloc(0))).toBe('empty');
    expect(sniffContainer(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(sniffContainer(legacyXlsBytes())).toBe('cfb');
    expect(sniffContainer(Buffer.from('%PDF-1.7'))).toBe('other');
    expect(classifyCfb(legacyXlsBytes())).toBe('legacy-xls');
    expect(classifyCfb(encryptedXlsxBytes())).toBe('encrypted');
    expect(classifyCfb(buildCfb([{ name: 'WordDocument', type: 'stream' }]))).toBe('other');
  });
});

describe('size', () => {
  test('20,000 rows × 10 columns read completely', async () => {
    const file = path.join(dir, 'big.xlsx');
    await writeBigSheet(file, 20_000, 10);
    const wb = await readXlsxFile(file);
    const rows = wb.sheets[0].rows;
    expect(rows.length).toBe(20_000);
    expect(rows.every((r) => r?.length === 10)).toBe(true);
    expect(rows[19_999]?.[9]).toEqual(c(20_000, 10, 2_000_010, '2000010'));
    expect(rows[0]?.[0]).toEqual(c(1, 1, 101, '101'));
  });

  test('a buffer read leaves the caller its bytes', async () => {
    const buf = rawXlsx([{ name: 'S', body: `<sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData>` }]);
    const copy = Buffer.from(buf);
    await readXlsxBuffer(buf, 'b.xlsx');
    expect(buf.equals(copy)).toBe(true);
    writeFileSync(path.join(dir, 'b.xlsx'), buf);
  });
});
