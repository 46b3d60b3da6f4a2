/** Marks in place through the Office.js host: exact restore, bounded syncs, persistence, notes; select, write, events. */
import { memoryWorkbook } from '../../src/adapters/memory';
import { a1, type CellRef } from '../../src/model/address';
import type { Workbook } from '../../src/model/workbook';
import { MARK_STYLES, marksForFindings, type Mark } from '../../src/marks';
import { checkWorkbook } from '../../src/rules';
import type { Finding } from '../../src/rules/types';
import { FakeExcel, FakeExcelDocument, defaultFormat } from '../../addin/host/fake-excel';
import { MARKS_SETTING_KEY, OfficeHost } from '../../addin/host/office';
import { fixture, session } from './helpers';

function book(rows = 12, cols = 8): Workbook {
  const grid = (r0: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r0 + r) * 100 + c));
  return memoryWorkbook([
    { name: '表1', rows: grid(1) },
    { name: '表2', rows: grid(1) },
  ]);
}

/** Cells with formats of their own, as a real disclosure book has them. */
function styled(doc: FakeExcelDocument): FakeExcelDocument {
  doc.setFormat('表1', 'A1', { font: { bold: true, color: '#1F4E78' }, borders: { EdgeBottom: 'Continuous' } });
  doc.setFormat('表1', 'B2', { fill: { color: '#FFFF00', pattern: 'Solid' } });
  doc.setFormat('表1', 'C3', { fill: { color: '#DDDDDD', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.25 } });
  doc.setFormat('表1', 'D4', { fill: { color: '#FFFFFF', pattern: 'Solid' } });
  doc.setFormat('表1', 'E5', { font: { bold: null } });
  doc.sheets[0].notes['F6'] = '用户批注';
  return doc;
}

const MARKS: Mark[] = [
  { ref: { sheet: '表1', cell: 'A1' }, kind: 'error', note: '合计不等于各项之和' },
  { ref: { sheet: '表1', cell: 'B2' }, kind: 'warning', note: '两表不一致' },
  { ref: { sheet: '表1', cell: 'C3' }, kind: 'suspect', note: '很可能是数字顺序颠倒' },
  { ref: { sheet: '表1', cell: 'D4' }, kind: 'info' },
  { ref: { sheet: '表1', cell: 'E5' }, kind: 'suspect', note: '可疑' },
  { ref: { sheet: '表1', cell: 'F6' }, kind: 'error', note: '不会覆盖用户批注' },
  { ref: { sheet: '表1', cell: 'G7' }, kind: 'error' },
  { ref: { sheet: '表2', cell: 'A1' }, kind: 'warning', note: '表2' },
];

function notesOf(doc: FakeExcelDocument): Record<string, Record<string, string>> {
  return Object.fromEntries(doc.sheets.map((s) => [s.name, { ...s.notes }]));
}

describe('marks', () => {
  test('apply marks the cells (fill, bold for suspects, notes) in 3 syncs; clear restores every format exactly in 3', async () => {
    const doc = styled(FakeExcelDocument.fromWorkbook(book()));
    const before = doc.formatState();
    const values = doc.valueState();
    const notes = notesOf(doc);
    const { fake, host } = session(doc);

    await host.applyMarks(MARKS);
    expect(fake.syncs).toBe(3);
    for (const m of MARKS) expect(doc.formatAt(m.ref.sheet, m.ref.cell).fill).toMatchObject({ color: MARK_STYLES[m.kind].fill, pattern: 'Solid' });
    expect(doc.formatAt('表1', 'A1').font).toEqual({ ...before['表1!A1'].font }); // an error mark leaves bold and colour alone
    expect(doc.formatAt('表1', 'A1').borders).toEqual({ EdgeBottom: 'Continuous' });
    expect(doc.formatAt('表1', 'C3').font.bold).toBe(true); // suspects are bold
    expect(doc.formatAt('表1', 'E5').font.bold).toBeNull(); // ... unless the text is partly bold: never touched then
    expect(doc.sheets[0].notes).toEqual({ A1: '合计不等于各项之和', B2: '两表不一致', C3: '很可能是数字顺序颠倒', E5: '可疑', F6: '用户批注' });
    expect(doc.sheets[1].notes).toEqual({ A1: '表2' });
    expect(host.lastMarks).toEqual({ marked: 8, skipped: 0, notes: 5, restored: 0 });
    expect(fake.writesOf('format').every((w) => /^fill\.(color|pattern|patternColor|tintAndShade|patternTintAndShade|clear)$|^font\.bold$/.test(w.what))).toBe(true);
    expect(doc.settings[MARKS_SETTING_KEY]).toBeDefined();

    const s0 = fake.syncs;
    await host.clearMarks();
    expect(fake.syncs - s0).toBe(3);
    expect(doc.formatState()).toEqual(before);
    expect(notesOf(doc)).toEqual(notes);
    expect(doc.valueState()).toEqual(values);
    expect(fake.writesOf('value')).toEqual([]);
    expect(doc.settings[MARKS_SETTING_KEY]).toBeUndefined();
    expect(host.lastMarks).toEqual({ marked: 0, skipped: 0, notes: 0, restored: 8 });
    expect(fake.unsynced).toBe(0);
  });

  test('5,000 findings are marked in at most 3 syncs and cleared in at most 3, exactly', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book(150, 50));
    // some cells with their own formats among the marked ones
    for (let r = 1; r <= 150; r += 7) doc.setFormat('表1', a1(r, 3), { fill: { color: '#E2EFDA', pattern: 'Solid' }, font: { bold: true } });
    const before = doc.formatState();
    const findings: Finding[] = Array.from({ length: 5000 }, (_, i) => {
      const f: Finding = {
        id: `F${i}`,
        rule: 'R',
        severity: i % 3 === 0 ? 'warning' : 'error',
        status: 'fail',
        verdict: 'fails',
        message: `第 ${i} 个问题`,
        location: { sheet: '表1', cell: a1(1 + Math.floor(i / 50), 1 + (i % 50)) },
        cells: [],
      };
      if (i % 2 === 0) f.suspect = { sheet: '表2', cell: a1(1 + Math.floor(i / 100), 1 + ((i / 2) % 50)), reason: '可疑' };
      return f;
    });
    const marks = marksForFindings(findings);
    expect(marks.length).toBe(7500);
    const { fake, host } = session(doc);
    await host.applyMarks(marks);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(doc.formatAt('表2', 'A1').fill.color).toBe(MARK_STYLES.suspect.fill);
    expect(doc.formatAt('表1', 'A1').fill.color).toBe(MARK_STYLES.warning.fill);
    const s0 = fake.syncs;
    await host.clearMarks();
    expect(fake.syncs - s0).toBeLessThanOrEqual(3);
    expect(doc.formatState()).toEqual(before);
    expect(fake.writesOf('value')).toEqual([]);
    expect(doc.sheets.every((s) => Object.keys(s.notes).length === 0)).toBe(true);
  });

  test('marks survive a task-pane reload and a save and reopen: a new host clears them', async () => {
    const doc = styled(FakeExcelDocument.fromWorkbook(book()));
    const before = doc.formatState();
    const notes = notesOf(doc);
    await session(doc).host.applyMarks(MARKS);

    // reload: a new host on the same open document
    const reloaded = session(doc);
    await reloaded.host.clearMarks();
    expect(doc.formatState()).toEqual(before);
    expect(notesOf(doc)).toEqual(notes);

    // save and reopen
    await session(doc).host.applyMarks(MARKS);
    const reopened = doc.reopen();
    expect(reopened.formatState()).not.toEqual(before);
    await session(reopened).host.clearMarks();
    expect(reopened.formatState()).toEqual(before);
    expect(notesOf(reopened)).toEqual(notes);
  });

  test('marking again keeps the first snapshot: cells no longer marked are restored, the rest restyled, clear is exact', async () => {
    const doc = styled(FakeExcelDocument.fromWorkbook(book()));
    const before = doc.formatState();
    const notes = notesOf(doc);
    const { host } = session(doc);
    await host.applyMarks(MARKS.slice(0, 4)); // A1 error, B2 warning, C3 suspect, D4 info
    await host.applyMarks([
      { ref: { sheet: '表1', cell: 'C3' }, kind: 'error', note: '改为错误' },
      { ref: { sheet: '表1', cell: 'D4' }, kind: 'suspect', note: '新批注' },
      { ref: { sheet: '表1', cell: 'H8' }, kind: 'warning' },
    ]);
    expect(doc.formatAt('表1', 'A1')).toEqual(before['表1!A1']);
    expect(doc.formatAt('表1', 'B2')).toEqual(before['表1!B2']);
    expect(doc.formatAt('表1', 'C3').fill.color).toBe(MARK_STYLES.error.fill);
    expect(doc.formatAt('表1', 'C3').font.bold).toBe(false); // no longer a suspect: its own bold flag is back
    expect(doc.formatAt('表1', 'D4').fill.color).toBe(MARK_STYLES.suspect.fill);
    expect(doc.formatAt('表1', 'D4').font.bold).toBe(true);
    expect(doc.sheets[0].notes).toEqual({ C3: '改为错误', D4: '新批注', F6: '用户批注' });
    expect(host.lastMarks).toMatchObject({ marked: 3, restored: 2 });
    await host.clearMarks();
    expect(doc.formatState()).toEqual(before);
    expect(notesOf(doc)).toEqual(notes);
  });

  test('a note the user edited or deleted after marking is left alone', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    const { host } = session(doc);
    await host.applyMarks(MARKS.slice(0, 3));
    doc.sheets[0].notes['A1'] = '用户改过的批注';
    delete doc.sheets[0].notes['B2'];
    await host.clearMarks();
    expect(doc.sheets[0].notes).toEqual({ A1: '用户改过的批注' });
    expect(doc.formatState()).toEqual({});
  });

  test('a renamed sheet is still cleared; a protected sheet is skipped, not an error', async () => {
    const doc = styled(FakeExcelDocument.fromWorkbook(book()));
    const before = doc.formatState();
    const { host } = session(doc);
    doc.sheets[1].protected = true;
    await host.applyMarks(MARKS);
    expect(host.lastMarks).toMatchObject({ marked: 7, skipped: 1 });
    expect(doc.formatAt('表2', 'A1')).toEqual(defaultFormat());
    doc.renameSheet('表1', '收支总表');
    await host.clearMarks();
    const renamed = Object.fromEntries(Object.entries(before).map(([k, v]) => [k.replace(/^表1!/, '收支总表!'), v]));
    expect(doc.formatState()).toEqual(renamed);
  });

  test('clearing with nothing marked reads once and writes nothing', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    const { fake, host } = session(doc);
    await host.clearMarks();
    expect(fake.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  test('ExcelApi 1.8: no notes, one range per cell, no fill pattern; every other format still restored exactly', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    doc.setFormat('表1', 'A1', { font: { bold: true } });
    doc.setFormat('表1', 'B2', { fill: { color: '#FFFF00', pattern: 'Solid' } });
    doc.setFormat('表1', 'D4', { fill: { color: '#FFFFFF', pattern: 'Solid' } });
    const before = doc.formatState();
    const { fake, host } = session(doc, { api: '1.8' });
    expect(host.capabilities().notes).toBe(false);
    await host.applyMarks(MARKS);
    expect(fake.writesOf('note')).toEqual([]);
    expect(doc.formatAt('表1', 'C3').font.bold).toBe(true);
    await host.clearMarks();
    const after = doc.formatState();
    // the documented limit: without ExcelApi 1.9 an explicit white fill cannot be told from no fill
    expect(after['表1!D4']).toBeUndefined();
    delete before['表1!D4'];
    expect(after).toEqual(before);
  });

  test('the marks of real findings: a slip typed into a fixture is marked as the suspect', async () => {
    const wb = await fixture('seed-000-sheets.xlsx');
    const doc = FakeExcelDocument.fromWorkbook(wb);
    const { host } = session(doc);
    const clean = checkWorkbook(await host.readWorkbook());
    const base = new Set(clean.findings.map((f) => f.id));
    // a transposition in a body cell of the first table with codes
    const table = clean.recognition.tables.find((t) => t.parts.some((p) => p.rows.some((r) => r.code && r.code.length === 7)))!;
    const part = table.parts.find((p) => p.rows.some((r) => r.code && r.code.length === 7))!;
    const big = (c: { text: string } | null) => c !== null && /^\d{3,}(\.\d+)?$/.test(c.text.replace(/,/g, '')) && !/^(\d)\1/.test(c.text);
    const row = part.rows.find((r) => r.code && r.code.length === 7 && r.cells.some(big))!;
    const cell = row.cells.find(big)!;
    const digits = cell.text.replace(/,/g, '');
    const swapped = digits[1] + digits[0] + digits.slice(2);
    expect(swapped).not.toBe(digits);
    const at: CellRef = { sheet: table.sheet, cell: a1(row.row, cell.col) };
    await doc.userEdit(at.sheet, at.cell, Number(swapped));
    const after = checkWorkbook(await host.readWorkbook());
    const fresh = after.findings.filter((f) => !base.has(f.id) && f.severity !== 'info');
    expect(fresh.length).toBeGreaterThan(0);
    const marks = marksForFindings(after.findings);
    const before = doc.formatState();
    await host.applyMarks(marks);
    const suspect = marks.find((m) => m.ref.sheet === at.sheet && m.ref.cell === at.cell);
    expect(suspect?.kind).toBe('suspect');
    expect(doc.formatAt(at.sheet, at.cell).fill.color).toBe(MARK_STYLES.suspect.fill);
    expect(doc.sheets.find((s) => s.name === at.sheet)!.notes[at.cell]).toContain(fresh.find((f) => f.suspect)!.message);
    await host.clearMarks();
    expect(doc.formatState()).toEqual(before);
  });
});

describe('select, write, change events', () => {
  test('select activates the sheet and selects one cell or several', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    const { fake, host } = session(doc);
    await host.select([{ sheet: '表2', cell: 'c4' }]);
    expect(doc.activeSheet).toBe('表2');
    expect(doc.selection).toEqual({ sheet: '表2', areas: ['C4'] });
    await host.select([
      { sheet: '表1', cell: 'C4' },
      { sheet: '表1', cell: 'D5' },
      { sheet: '表2', cell: 'A1' },
      { sheet: '表1', cell: 'C4' },
    ]);
    expect(doc.selection).toEqual({ sheet: '表1', areas: ['C4', 'D5'] });
    expect(fake.syncs).toBe(2);
    const old = session(doc, { api: '1.8' });
    await old.host.select([
      { sheet: '表1', cell: 'E6' },
      { sheet: '表1', cell: 'F7' },
    ]);
    expect(doc.selection).toEqual({ sheet: '表1', areas: ['E6'] });
  });

  test('writeText writes one cell, as text even when it looks like a formula', async () => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    const { fake, host } = session(doc);
    await host.writeText({ sheet: '表1', cell: 'A20' }, '（一）收入支出决算总体情况。');
    await host.writeText({ sheet: '表1', cell: 'A21' }, '=SUM(A1:A2)');
    await host.writeText({ sheet: '表1', cell: 'A22' }, '-10%');
    expect(doc.cell('表1', 'A20')).toMatchObject({ value: '（一）收入支出决算总体情况。', type: 'String' });
    expect(doc.cell('表1', 'A21')).toMatchObject({ value: '=SUM(A1:A2)', type: 'String' });
    expect(doc.cell('表1', 'A21')?.formula).toBeUndefined();
    expect(doc.cell('表1', 'A22')).toMatchObject({ value: '-10%', type: 'String' });
    expect(fake.writesOf('value').map((w) => w.cell)).toEqual(['A20', 'A21', 'A22']);
  });

  test.each(['1.18', '1.8'])('onChange reports edited cells by sheet name, follows renames, and stops when unsubscribed (ExcelApi %s)', async (api) => {
    const doc = FakeExcelDocument.fromWorkbook(book());
    const { host } = session(doc, { api });
    const seen: CellRef[][] = [];
    const unsubscribe = await host.onChange((refs) => seen.push(refs));
    await doc.userEdit('表1', 'C4', 1);
    doc.renameSheet('表2', '支出表');
    await doc.userEdit('支出表', 'B2', 2);
    expect(seen).toEqual([[{ sheet: '表1', cell: 'C4' }], [{ sheet: '支出表', cell: 'B2' }]]);
    unsubscribe();
    await new Promise((r) => setImmediate(r));
    expect(doc.handlers).toEqual([]);
    await doc.userEdit('表1', 'C5', 3);
    expect(seen).toHaveLength(2);
  });

  test('a host on a fake is a host: the same class works with any injected Excel', () => {
    const fake = new FakeExcel(FakeExcelDocument.fromWorkbook(book()));
    expect(new OfficeHost(fake.Excel, fake.Office).name).toBe('office');
  });
});
