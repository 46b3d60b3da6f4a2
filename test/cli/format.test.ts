/** The inspect formatters on a hand-built Recognition, and the kind-name catalog. */
import { formatInspectJson, inspectJson } from '../../src/cli/format/inspect-json';
import { formatInspectText } from '../../src/cli/format/inspect-text';
import { sheetRange, summariseTable } from '../../src/cli/format/table-summary';
import type { InspectReport } from '../../src/cli/inspect';
import { inspectWorkbook } from '../../src/cli/inspect';
import { kindName, kindNames } from '../../src/i18n/kinds';
import { TABLE_KINDS } from '../../src/model/table';
import { ANSI, CJK, stripAnsi, fakeWorkbook, part, sampleRecognition, table } from './helpers';

function report(): InspectReport {
  return {
    file: 'book.xlsx',
    sheets: fakeWorkbook().sheets.map((s) => s.name),
    recognition: sampleRecognition(),
  };
}

const TABLE_KEYS = [
  'id',
  'kind',
  'title',
  'sheet',
  'range',
  'unit',
  'formLabel',
  'year',
  'department',
  'rows',
  'valueColumns',
  'empty',
  'emptyStatement',
  'twoSided',
  'headerRows',
  'bodyRows',
];

describe('JSON formatter', () => {
  test('shape: exactly the contract keys, in order, parseable, one trailing newline', () => {
    const out = formatInspectJson(report());
    expect(out.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['file', 'tables', 'unplaced', 'narrativeSheets']);
    expect(doc.file).toBe('book.xlsx');
    expect(doc.tables).toHaveLength(3);
    for (const t of doc.tables) expect(Object.keys(t)).toEqual(TABLE_KEYS);
    for (const u of doc.unplaced) expect(Object.keys(u)).toEqual(['sheet', 'range', 'reason', 'text']);
    expect(doc.narrativeSheets).toEqual(['情况说明', '名词解释']);
    expect(out).not.toMatch(ANSI);
  });

  test('values: counts summed over parts, two-sided, nulls for missing values', () => {
    const doc = JSON.parse(formatInspectJson(report()));
    expect(doc.tables[0]).toEqual({
      id: 'juesuan.income',
      kind: 'juesuan.income',
      title: '2023年度收入决算表',
      sheet: '收入决算表',
      range: 'A1:I13',
      unit: '万元',
      formLabel: '公开02表',
      year: 2023,
      department: '某某区卫生健康局',
      rows: 7,
      valueColumns: 7,
      empty: false,
      emptyStatement: null,
      twoSided: false,
      headerRows: [3, 5],
      bodyRows: [6, 12],
    });
    expect(doc.tables[1]).toMatchObject({ rows: 37, valueColumns: 2, twoSided: true, formLabel: null, year: null });
    expect(doc.tables[2]).toMatchObject({
      unit: null,
      rows: 0,
      valueColumns: 6,
      empty: true,
      emptyStatement: '说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      bodyRows: null,
    });
    expect(doc.unplaced[0]).toEqual({
      sheet: '其他',
      range: 'A1:C4',
      reason: 'unknown-title',
      text: '2023年度部门整体\n支出绩效自评表',
    });
    expect(doc.unplaced[2].text).toHaveLength(100); // JSON keeps the full text
  });

  test('an empty recognition', () => {
    const doc = inspectJson({ file: 'x.xlsx', sheets: ['Sheet1'], recognition: { tables: [], unplaced: [], narrativeSheets: [] } });
    expect(doc).toEqual({ file: 'x.xlsx', tables: [], unplaced: [], narrativeSheets: [] });
  });

  test('a block side is not two-sided; income alone is not two-sided', () => {
    const blocks = table('juesuan.basic-expenditure', { parts: [part('block', 5, 10, 1), part('block', 5, 8, 1, 5)] });
    expect(summariseTable(blocks)).toEqual({ rows: 18, valueColumns: 2, twoSided: false });
    const half = table('juesuan.fiscal-summary', { parts: [part('income', 5, 4, 1)] });
    expect(summariseTable(half).twoSided).toBe(false);
  });
});

describe('text formatter', () => {
  test('zh-CN', () => {
    const lines = formatInspectText(report(), { lang: 'zh-CN' }).split('\n');
    expect(lines).toEqual([
      'book.xlsx：7 个工作表，识别出 3 张表',
      '  1. 收入决算表  “2023年度收入决算表”（公开02表）  收入决算表!A1:I13  单位：万元  7 行 × 7 列',
      "  2. 收入支出决算总表  “2023年度收入支出决算总表”  'Sheet 1'!A1:D40  单位：万元  37 行 × 2 列（收支两栏）",
      '  3. 政府性基金预算财政拨款收入支出决算表  “2023年度政府性基金预算财政拨款收入支出决算表”  表7!A1:H9  单位：未注明  0 行 × 6 列' +
        '  空表：说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      '说明性工作表（情况说明等）：情况说明、名词解释',
      '未归入任何表格的内容（3 处）：',
      '  其他!A1:C4  标题未能识别：“2023年度部门整体 支出绩效自评表”',
      '  其他!A10  有标题但没有表体：“2023年度国有资产占用情况表”',
      `  Sheet3!B2:B3  不是表格：“${'x'.repeat(59)}…”`,
      '',
    ]);
  });

  test('en-US: every line switches language', () => {
    const en = formatInspectText(report(), { lang: 'en-US' }).split('\n');
    const zh = formatInspectText(report(), { lang: 'zh-CN' }).split('\n');
    expect(en).toEqual([
      'book.xlsx: 7 sheets, 3 tables recognised',
      '  1. Income (final accounts)  "2023年度收入决算表" (公开02表)  收入决算表!A1:I13  unit: 万元 (10,000 yuan)  7 rows × 7 value columns',
      '  2. Income and expenditure summary (final accounts)  "2023年度收入支出决算总表"  \'Sheet 1\'!A1:D40  unit: 万元 (10,000 yuan)' +
        '  37 rows × 2 value columns (two-sided: income | expenditure)',
      '  3. Government fund budget appropriation income and expenditure (final accounts)' +
        '  "2023年度政府性基金预算财政拨款收入支出决算表"  表7!A1:H9  unit: not stated  0 rows × 6 value columns' +
        '  empty: 说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      'Narrative sheets: 情况说明, 名词解释',
      'Not placed in any table (3):',
      '  其他!A1:C4  title not recognised: "2023年度部门整体 支出绩效自评表"',
      '  其他!A10  title without a table body: "2023年度国有资产占用情况表"',
      `  Sheet3!B2:B3  not a table: "${'x'.repeat(59)}…"`,
      '',
    ]);
    expect(en).toHaveLength(zh.length);
    for (let i = 0; i < en.length - 1; i++) expect(en[i]).not.toBe(zh[i]);
    // with the workbook's own Chinese text removed, nothing Chinese is left in the English report
    const own = /“?2023年度[^"]*"|收入决算表|情况说明|名词解释|其他|表7|万元|公开02表|说明：[^ ]*|“|”/g;
    for (const line of en) expect(line.replace(own, '')).not.toMatch(CJK);
  });

  test('no tables; a single sheet and table use the singular in English', () => {
    const none: InspectReport = { file: 'a.xlsx', sheets: ['S'], recognition: { tables: [], unplaced: [], narrativeSheets: [] } };
    expect(formatInspectText(none, { lang: 'zh-CN' })).toBe('a.xlsx：1 个工作表，识别出 0 张表\n  未识别出任何公开表格。\n');
    expect(formatInspectText(none, { lang: 'en-US' })).toBe('a.xlsx: 1 sheet, 0 tables recognised\n  No disclosure tables recognised.\n');
    const one: InspectReport = {
      file: 'b.xlsx',
      sheets: ['S'],
      recognition: {
        tables: [table('yusuan.three-public', { title: '“三公”经费预算表', sheet: 'S', range: 'A1:G6', empty: true, parts: [part('main', 6, 1, 1)] })],
        unplaced: [],
        narrativeSheets: [],
      },
    };
    expect(formatInspectText(one, { lang: 'en-US' })).toBe(
      'b.xlsx: 1 sheet, 1 table recognised\n' +
        '  1. "Three public" expenses (budget)  "“三公”经费预算表"  S!A1:G6  unit: 万元 (10,000 yuan)  1 row × 1 value column' +
        '  empty (no statement printed)\n',
    );
    expect(formatInspectText(one, { lang: 'zh-CN' })).toContain('1 行 × 1 列  空表（未注明原因）');
  });

  test('colours only when asked, and only styling differs', () => {
    const plain = formatInspectText(report(), { lang: 'zh-CN' });
    const coloured = formatInspectText(report(), { lang: 'zh-CN', colors: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  test('sheet names are quoted like Excel when they need it', () => {
    expect(sheetRange('Sheet1', 'A1')).toBe('Sheet1!A1');
    expect(sheetRange('表1', 'A1:B2')).toBe('表1!A1:B2');
    expect(sheetRange('My Sheet', 'A1')).toBe("'My Sheet'!A1");
    expect(sheetRange("O'Brien", 'A1')).toBe("'O''Brien'!A1");
    expect(sheetRange('2023', 'A1')).toBe("'2023'!A1");
    expect(sheetRange('收入(决算)', 'A1')).toBe("'收入(决算)'!A1");
  });
});

describe('inspectWorkbook (library API)', () => {
  test('reads with the given reader and recogniser, returns file, sheet names and recognition', async () => {
    const seen: string[] = [];
    const rec = sampleRecognition();
    const r = await inspectWorkbook('some/book.xlsx', {
      read: { maxCells: 10 },
      readWorkbook: async (p, o) => {
        seen.push(`${p} ${JSON.stringify(o)}`);
        return fakeWorkbook();
      },
      recognise: (wb) => {
        expect(wb.sheets).toHaveLength(7);
        return rec;
      },
    });
    expect(seen).toEqual(['some/book.xlsx {"maxCells":10}']);
    expect(r.file).toBe('some/book.xlsx');
    expect(r.sheets).toEqual(['收入决算表', 'Sheet 1', '表7', '其他', 'Sheet3', '情况说明', '名词解释']);
    expect(r.recognition).toBe(rec);
  });
});

describe('table kind names', () => {
  test('every kind has a distinct zh-CN and en-US name', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const names = TABLE_KINDS.map((k) => kindName(k, lang));
      expect(new Set(names).size).toBe(TABLE_KINDS.length);
      for (const n of names) expect(n.trim()).not.toBe('');
    }
    expect(Object.keys(kindNames['zh-CN']).sort()).toEqual([...TABLE_KINDS].sort());
    for (const k of TABLE_KINDS) {
      expect(kindName(k, 'zh-CN')).toMatch(CJK);
      expect(kindName(k, 'en-US')).not.toMatch(CJK);
    }
    expect(kindName('juesuan.income-expenditure-summary', 'zh-CN')).toBe('收入支出决算总表');
    expect(kindName('juesuan.income-expenditure-summary', 'en-US')).toMatch(/^Income and expenditure summary/);
  });
});
