/** The Office.js host reading a workbook, against the fake Excel: the model, the capabilities, the number of syncs. */
import { memoryWorkbook } from '../../src/adapters/memory';
import type { Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { FakeApiError, FakeExcel, FakeExcelDocument } from '../../addin/host/fake-excel';
import { OfficeHost, OfficeHostError, officeCell, planChunks, type Chunk } from '../../addin/host/office';
import { asAdapter, fixture, largestFixture, session } from './helpers';

function handWritten(): Workbook {
  const wb = memoryWorkbook(
    [
      {
        name: '表1',
        origin: 'B2',
        merges: ['B2:E2', 'B3:B4'],
        rows: [
          ['收入支出决算总表', null, null, null],
          ['项目', '本年收入', { value: '  其中：财政拨款', text: '  其中：财政拨款' }, '日期'],
          [
            null,
            { value: 1148.77, text: '1,148.77', numFmt: '#,##0.00' },
            { value: 300, text: '300.00', formula: 'SUM(C6:C7)', numFmt: '#,##0.00' },
            { value: 45657, text: '2024-12-31', numFmt: 'yyyy-mm-dd' },
          ],
          ['合计', { value: null, text: '#DIV/0!', error: '#DIV/0!', formula: '1/0' }, { value: true, text: 'TRUE' }, { value: '—', text: '—' }],
          ['', { value: 0, text: '0', formula: 'C5-C5' }, { value: -12.5, text: '(12.50)', numFmt: '#,##0.00;(#,##0.00)' }, null],
        ],
      },
      { name: '隐藏', hidden: true, rows: [['内部数据', 1]] },
      { name: '空表', rows: [] },
      { name: '情况说明', rows: [['一、部门基本情况'], ['（一）部门职能。']] },
    ],
    '预算公开.xlsx',
  );
  wb.sheets[0].hiddenRows = [5];
  return wb;
}

describe('reading a workbook', () => {
  test('values, displayed text, formulas, number formats, errors, merges, hidden sheets and rows, empty sheets', async () => {
    const wb = handWritten();
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(wb));
    const got = await host.readWorkbook();
    expect(got).toEqual(asAdapter(wb, 'office'));
    expect(got.source).toEqual({ name: '预算公开.xlsx', adapter: 'office' });
    // spot checks, so that the comparison above cannot pass vacuously
    const t1 = got.sheets[0];
    expect(t1.rows[0]).toBeUndefined();
    expect(t1.rows[3]?.[2]).toEqual({ row: 4, col: 3, value: 1148.77, text: '1,148.77', numFmt: '#,##0.00' });
    expect(t1.rows[3]?.[3]).toEqual({ row: 4, col: 4, value: 300, text: '300.00', formula: 'SUM(C6:C7)', numFmt: '#,##0.00' });
    expect(t1.rows[4]?.[2]).toEqual({ row: 5, col: 3, value: null, text: '#DIV/0!', error: '#DIV/0!', formula: '1/0' });
    expect(t1.rows[4]?.[3]).toMatchObject({ value: true, text: 'TRUE' });
    expect(t1.rows[2]?.[3]?.text).toBe('  其中：财政拨款');
    expect(t1.merges).toEqual([
      { top: 2, left: 2, bottom: 2, right: 5 },
      { top: 3, left: 2, bottom: 4, right: 2 },
    ]);
    expect(t1.hiddenRows).toEqual([5]);
    expect(got.sheets.map((s) => [s.name, s.index, s.hidden, s.rows.length])).toEqual([
      ['表1', 0, false, 6],
      ['隐藏', 1, true, 1],
      ['空表', 2, false, 0],
      ['情况说明', 3, false, 2],
    ]);
    expect(fake.syncs).toBe(3);
    expect(fake.unsynced).toBe(0);
    expect(fake.writes).toEqual([]);
  });

  test('a number Excel shows as #### (column too narrow) keeps its real displayed text', async () => {
    const doc = FakeExcelDocument.fromWorkbook(handWritten());
    doc.setCell('表1', 'C4', { value: 1148.77, text: '########', numberFormat: '#,##0.00', type: 'Double' });
    const { host } = session(doc);
    const got = await host.readWorkbook();
    expect(got.sheets[0].rows[3]?.[2]?.text).toBe('1,148.77');
  });

  test('sheets come in tab order (position), not in collection order', async () => {
    const doc = FakeExcelDocument.fromWorkbook(handWritten());
    doc.sheets[0].position = 3;
    doc.sheets[3].position = 0;
    const { host } = session(doc);
    const got = await host.readWorkbook();
    expect(got.sheets.map((s) => `${s.index}:${s.name}`)).toEqual(['0:情况说明', '1:隐藏', '2:空表', '3:表1']);
  });

  test('a workbook of empty sheets gives empty sheets in 2 syncs', async () => {
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(memoryWorkbook([{ name: 'Sheet1', rows: [] }, { name: 'Sheet2', rows: [] }])));
    const got = await host.readWorkbook();
    expect(got.sheets.map((s) => [s.name, s.rows.length, s.merges.length])).toEqual([
      ['Sheet1', 0, 0],
      ['Sheet2', 0, 0],
    ]);
    expect(fake.syncs).toBe(2);
  });

  test('formula cells without a cached result and text results are kept like the exceljs adapter keeps them', () => {
    expect(officeCell(1, 1, '', '', '=A2', 'General', 'Empty')).toEqual({ row: 1, col: 1, value: null, text: '', formula: 'A2' });
    expect(officeCell(1, 1, '', '', '=""', 'General', 'String')).toEqual({ row: 1, col: 1, value: '', text: '', formula: '""' });
    expect(officeCell(1, 1, '', '', '', 'General', 'Empty')).toBeNull();
    expect(officeCell(2, 3, 5, '5', 5, 'G/通用格式', 'Double')).toEqual({ row: 2, col: 3, value: 5, text: '5' });
  });
});

describe('requirement sets', () => {
  test('an Excel without merged areas (ExcelApi 1.12) says so and still gives a model that recognition works on', async () => {
    const wb = await fixture('seed-002-sheets.xlsx');
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(wb), { api: '1.12' });
    expect(host.capabilities()).toEqual({ merges: false, notes: false, waivers: true, changeEvents: true });
    expect(host.capabilityNotes('zh-CN').join('\n')).toContain('合并单元格');
    expect(host.capabilityNotes('en-US').join('\n')).toContain('merged cells');
    const got = await host.readWorkbook();
    expect(got.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(got.sheets.map((s) => s.rows)).toEqual(wb.sheets.map((s) => s.rows));
    const kinds = (w: Workbook) => recognise(w).tables.map((t) => `${t.sheet}:${t.kind}`);
    expect(kinds(got).length).toBeGreaterThan(5);
    expect(kinds(got)).toEqual(kinds(wb));
    expect(fake.syncs).toBe(3);
  });

  test('ExcelApi 1.8: no row properties (hidden rows unknown), no multi-area ranges; reading still works', async () => {
    const wb = handWritten();
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(wb), { api: '1.8' });
    expect(host.capabilityNotes('en-US').length).toBe(3);
    const got = await host.readWorkbook();
    expect(got.sheets[0].hiddenRows).toBeUndefined();
    expect(got.sheets[0].rows).toEqual(wb.sheets[0].rows);
    expect(fake.syncs).toBe(3);
  });

  test('a current Excel has every capability and nothing to say about it', () => {
    const fake = new FakeExcel(FakeExcelDocument.fromWorkbook(handWritten()));
    const host = new OfficeHost(fake.Excel, fake.Office);
    expect(host.capabilities()).toEqual({ merges: true, notes: true, waivers: true, changeEvents: true });
    expect(host.capabilityNotes('zh-CN')).toEqual([]);
  });

  test('an Excel older than ExcelApi 1.7 is refused with a message in both languages', () => {
    const fake = new FakeExcel(FakeExcelDocument.fromWorkbook(handWritten()), { api: '1.6' });
    expect(OfficeHost.isSupported(fake.Office)).toBe(false);
    let err: unknown;
    try {
      new OfficeHost(fake.Excel, fake.Office);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as OfficeHostError).code).toBe('excel-too-old');
    expect((err as OfficeHostError).localized('zh-CN')).toContain('ExcelApi 1.7');
    expect((err as OfficeHostError).localized('en-US')).toContain('too old');
  });
});

describe('round trips', () => {
  test('the largest fixture workbook is read in exactly 3 syncs, and gives the model the exceljs adapter gives', async () => {
    const wb = await fixture(largestFixture());
    expect(wb.sheets.length).toBeGreaterThan(5);
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(wb));
    const got = await host.readWorkbook();
    expect(got).toEqual(asAdapter(wb, 'office'));
    expect(fake.syncs).toBe(3);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(fake.payloadCells);
  });

  test('one sheet or twenty: the same number of syncs', async () => {
    const wb = await fixture(largestFixture());
    const one: Workbook = { ...wb, sheets: [wb.sheets[0]] };
    const twenty: Workbook = {
      ...wb,
      sheets: Array.from({ length: 20 }, (_, i) => ({ ...wb.sheets[i % wb.sheets.length], name: `S${i + 1}`, index: i })),
    };
    const counts: number[] = [];
    for (const book of [one, wb, twenty]) {
      const { fake, host } = session(FakeExcelDocument.fromWorkbook(book));
      const got = await host.readWorkbook();
      expect(got.sheets.length).toBe(book.sheets.length);
      expect(got.sheets.map((s) => s.rows)).toEqual(book.sheets.map((s) => s.rows));
      counts.push(fake.syncs);
    }
    expect(counts).toEqual([3, 3, 3]);
  });

  test('a workbook larger than one payload is read in chunks under the limit, each cell once', async () => {
    const wb = await fixture(largestFixture());
    const { fake, host } = session(FakeExcelDocument.fromWorkbook(wb), { payloadCells: 300 }, { maxCellsPerSync: 300 });
    const got = await host.readWorkbook();
    expect(got).toEqual(asAdapter(wb, 'office'));
    const data = fake.payloads.slice(2);
    expect(data.length).toBeGreaterThan(3);
    expect(Math.max(...data)).toBeLessThanOrEqual(300);
    // every cell of every used range loaded exactly once
    let area = 0;
    for (const s of wb.sheets) {
      let top = Infinity;
      let bottom = 0;
      let left = Infinity;
      let right = 0;
      s.rows.forEach((r) =>
        r?.forEach((c) => {
          if (!c) return;
          top = Math.min(top, c.row);
          bottom = Math.max(bottom, c.row);
          left = Math.min(left, c.col);
          right = Math.max(right, c.col);
        }),
      );
      if (bottom > 0) area += (bottom - top + 1) * (right - left + 1);
    }
    expect(data.reduce((a, b) => a + b, 0)).toBe(area);
  });

  test('the fake refuses a sync over its payload limit (so the chunking above is what keeps reads working)', async () => {
    const wb = await fixture(largestFixture());
    const { host } = session(FakeExcelDocument.fromWorkbook(wb), { payloadCells: 300 });
    await expect(host.readWorkbook()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test('the fake is strict: a property read before it was loaded and synced throws', async () => {
    const fake = new FakeExcel(FakeExcelDocument.fromWorkbook(handWritten()));
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表1').getRange('C4');
      expect(() => r.values).toThrow(FakeApiError);
      r.load('values');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([[1148.77]]);
    });
  });
});

describe('planChunks', () => {
  const area = (sheet: number, row: number, col: number, rows: number, cols: number): Chunk => ({ sheet, row, col, rows, cols });

  test('small areas share one batch; large ones are cut into row bands', () => {
    expect(planChunks([area(0, 0, 0, 10, 10), area(1, 2, 1, 5, 4)], 1000)).toEqual([[area(0, 0, 0, 10, 10), area(1, 2, 1, 5, 4)]]);
    expect(planChunks([area(0, 0, 0, 25, 10)], 100)).toEqual([[area(0, 0, 0, 10, 10)], [area(0, 10, 0, 10, 10)], [area(0, 20, 0, 5, 10)]]);
  });

  test('a row wider than the budget is cut into column pieces', () => {
    const b = planChunks([area(0, 0, 0, 2, 250)], 100);
    expect(b.flat()).toEqual([
      area(0, 0, 0, 1, 100),
      area(0, 0, 100, 1, 100),
      area(0, 0, 200, 1, 50),
      area(0, 1, 0, 1, 100),
      area(0, 1, 100, 1, 100),
      area(0, 1, 200, 1, 50),
    ]);
    for (const batch of b) expect(batch.reduce((n, c) => n + c.rows * c.cols, 0)).toBeLessThanOrEqual(100);
  });

  test('empty areas are skipped', () => {
    expect(planChunks([area(0, 0, 0, 0, 5)], 10)).toEqual([]);
  });
});

describe('limits', () => {
  test('a sheet with values below the row limit, or too many cells, is refused like the exceljs adapter refuses it', async () => {
    const wb = memoryWorkbook([{ name: '长表', origin: 'A70000', rows: [[1]] }], '大.xlsx');
    const rows = session(FakeExcelDocument.fromWorkbook(wb));
    await expect(rows.host.readWorkbook()).rejects.toMatchObject({ code: 'too-large', params: { kind: 'rows', sheet: '长表', limit: '65,536', file: '大.xlsx' } });
    const cells = session(FakeExcelDocument.fromWorkbook(handWritten()), {}, { maxCells: 10 });
    await expect(cells.host.readWorkbook()).rejects.toMatchObject({ code: 'too-large', params: { kind: 'cells', limit: '10' } });
    expect(rows.fake.syncs).toBe(2); // refused before any cell is loaded
  });
});
