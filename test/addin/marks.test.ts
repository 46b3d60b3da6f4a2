/** Host-agnostic marks: which cells a set of findings marks, how, and the snapshot that makes marks reversible. */
import {
  MARK_RANK,
  NOTE_MAX_CHARS,
  emptyMarkSnapshot,
  formatKey,
  isNoFill,
  marksForFindings,
  normaliseMarks,
  parseMarkSnapshot,
  planMarks,
  serializeMarkSnapshot,
  type Mark,
  type MarkedCell,
  type MarkSnapshot,
} from '../../src/marks';
import type { Finding } from '../../src/rules/types';
import type { Mark as PortMark, MarkKind as PortMarkKind } from '../../addin/host/types';

// the src/ types and the host port's types are the same shapes (checked by the compiler)
const toPort = (m: Mark): PortMark => m;
const fromPort = (m: PortMark): Mark => m;
const kinds: PortMarkKind[] = Object.keys(MARK_RANK) as Array<keyof typeof MARK_RANK>;

let n = 0;
function finding(over: Partial<Finding>): Finding {
  n++;
  return {
    id: `R${n}`,
    rule: 'R',
    severity: 'error',
    status: 'fail',
    verdict: 'fails',
    message: `message ${n}`,
    location: { sheet: '表1', cell: 'C7' },
    cells: [],
    ...over,
  };
}

describe('marksForFindings', () => {
  test('errors mark their location, warnings theirs, suspects their cell; info and waived findings are not marked', () => {
    const fs = [
      finding({ severity: 'error', location: { sheet: '表1', cell: 'C7' }, message: '合计不等', suspect: { sheet: '表1', cell: 'C9', reason: '很可能是数字顺序颠倒', proposed: '12.34' } }),
      finding({ severity: 'warning', location: { sheet: '表2', cell: 'D4' }, message: '两表不一致' }),
      finding({ severity: 'info', verdict: 'rounding', location: { sheet: '表2', cell: 'E4' }, message: '舍入差' }),
      finding({ severity: 'error', location: { sheet: '表3', cell: 'B2' }, message: '已说明', waived: { reason: '口径不同', at: '2025-01-02' } }),
    ];
    expect(marksForFindings(fs)).toEqual([
      { ref: { sheet: '表1', cell: 'C7' }, kind: 'error', note: '合计不等' },
      { ref: { sheet: '表1', cell: 'C9' }, kind: 'suspect', note: '合计不等\n很可能是数字顺序颠倒' },
      { ref: { sheet: '表2', cell: 'D4' }, kind: 'warning', note: '两表不一致' },
    ]);
    expect(marksForFindings(fs, { includeInfo: true, includeWaived: true }).map((m) => `${m.ref.sheet}!${m.ref.cell}:${m.kind}`)).toEqual([
      '表1!C7:error',
      '表1!C9:suspect',
      '表2!D4:warning',
      '表2!E4:info',
      '表3!B2:error',
    ]);
  });

  test('one mark per cell, of the most severe kind, its note the messages without repeats', () => {
    const fs = [
      finding({ severity: 'warning', location: { sheet: 'S', cell: 'c7' }, message: 'A' }),
      finding({ severity: 'error', location: { sheet: 'S', cell: 'C7' }, message: 'B' }),
      finding({ severity: 'warning', location: { sheet: 'S', cell: 'D1' }, message: 'A', suspect: { sheet: 'S', cell: 'C7', reason: 'why' } }),
      finding({ severity: 'error', location: { sheet: 'S', cell: 'C7' }, message: 'B' }),
    ];
    expect(marksForFindings(fs)).toEqual([
      { ref: { sheet: 'S', cell: 'C7' }, kind: 'suspect', note: 'A\nB\nwhy' },
      { ref: { sheet: 'S', cell: 'D1' }, kind: 'warning', note: 'A' },
    ]);
    expect(MARK_RANK.suspect > MARK_RANK.error && MARK_RANK.error > MARK_RANK.warning && MARK_RANK.warning > MARK_RANK.info).toBe(true);
    expect(kinds.sort()).toEqual(['error', 'info', 'suspect', 'warning']);
  });

  test('long notes are cut', () => {
    const long = '长'.repeat(NOTE_MAX_CHARS + 50);
    const [m] = marksForFindings([finding({ message: long })]);
    expect(m.note!.length).toBe(NOTE_MAX_CHARS);
    expect(m.note!.endsWith('…')).toBe(true);
  });

  test('port and src mark types are interchangeable', () => {
    const m: Mark = { ref: { sheet: 'S', cell: 'A1' }, kind: 'info' };
    expect(fromPort(toPort(m))).toBe(m);
  });
});

describe('normaliseMarks and planMarks', () => {
  const mark = (cell: string, kind: Mark['kind'], note?: string, sheet = 'S'): Mark => (note ? { ref: { sheet, cell }, kind, note } : { ref: { sheet, cell }, kind });
  const marked = (cell: string, kind: Mark['kind'], sheet = 'S', sheetId = 'id-S'): MarkedCell => ({
    sheet,
    sheetId,
    cell,
    kind,
    original: { fill: { color: '#FFFFFF', pattern: 'None' }, bold: false },
    noteAdded: false,
  });

  test('normaliseMarks merges marks of one cell', () => {
    expect(normaliseMarks([mark('a1', 'warning', 'x'), mark('A1', 'error', 'y'), mark('A1', 'info', 'x')])).toEqual([mark('A1', 'error', 'x\ny')]);
  });

  test('planMarks keeps what stays marked, adds what is new, restores what is no longer marked', () => {
    const prev: MarkSnapshot = { version: 1, cells: [marked('A1', 'error'), marked('B2', 'warning'), marked('C3', 'suspect', 'Gone', 'id-gone')] };
    const plan = planMarks(prev, [mark('B2', 'suspect'), mark('D4', 'error')], (c) => (c.sheetId === 'id-gone' ? undefined : c.sheet));
    expect(plan.keep.map((k) => [k.previous.cell, k.previous.kind, k.mark.kind])).toEqual([['B2', 'warning', 'suspect']]);
    expect(plan.add.map((m) => m.ref.cell)).toEqual(['D4']);
    expect(plan.restore.map((c) => c.cell)).toEqual(['A1']);
  });

  test('a renamed sheet is followed by its id', () => {
    const prev: MarkSnapshot = { version: 1, cells: [marked('A1', 'error', 'Old')] };
    const plan = planMarks(prev, [mark('A1', 'warning', undefined, 'New')], () => 'New');
    expect(plan.keep).toHaveLength(1);
    expect(plan.keep[0].previous.sheet).toBe('New');
    expect(plan.add).toEqual([]);
  });
});

describe('snapshots', () => {
  test('round trip', () => {
    const s: MarkSnapshot = {
      version: 1,
      cells: [
        {
          sheet: '表1',
          sheetId: '{1}',
          cell: 'C7',
          kind: 'suspect',
          original: { fill: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: 0 }, bold: null },
          noteAdded: true,
          noteDigest: 'abcd0123',
        },
      ],
    };
    expect(parseMarkSnapshot(serializeMarkSnapshot(s))).toEqual({ snapshot: s });
    expect(parseMarkSnapshot(JSON.parse(serializeMarkSnapshot(s)))).toEqual({ snapshot: s });
  });

  test('nothing stored, or damaged data, gives an empty snapshot (with a warning for damage), never an exception', () => {
    expect(parseMarkSnapshot(undefined)).toEqual({ snapshot: emptyMarkSnapshot() });
    for (const bad of ['{', '[]', '{"version":2,"cells":[]}', '{"version":1,"cells":[{"sheet":"S","cell":"A0"}]}', 42]) {
      const r = parseMarkSnapshot(bad);
      expect(r.snapshot).toEqual(emptyMarkSnapshot());
      expect(r.warning).toBeTruthy();
    }
  });

  test('no fill: by pattern when the host reports it, else white', () => {
    expect(isNoFill({ color: '#FFFFFF', pattern: 'None' })).toBe(true);
    expect(isNoFill({ color: '#FFFFFF', pattern: 'Solid' })).toBe(false);
    expect(isNoFill({ color: '#ffffff' })).toBe(true);
    expect(isNoFill({ color: '#FFFF00' })).toBe(false);
    expect(formatKey({ fill: { color: '#FFFFFF', pattern: 'None' }, bold: true })).toBe(formatKey({ fill: { color: '#123456', pattern: 'None' }, bold: true }));
    expect(formatKey({ fill: { color: '#FFFFFF', pattern: 'None' }, bold: true })).not.toBe(formatKey({ fill: { color: '#FFFFFF', pattern: 'None' }, bold: false }));
  });
});

describe('stored snapshot size', () => {
  test('sheets and formats are stored once: a cell costs a few dozen bytes', () => {
    const cells: MarkedCell[] = Array.from({ length: 1000 }, (_, i) => ({
      sheet: '一般公共预算财政拨款支出决算表',
      sheetId: '{00000000-0000-4000-8000-000000000001}',
      cell: `C${i + 1}`,
      kind: i % 2 ? 'error' : 'suspect',
      original: { fill: { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 }, bold: i % 3 === 0 },
      noteAdded: i % 2 === 0,
      noteDigest: i % 2 === 0 ? '1a2b3c4d' : undefined,
    }));
    const text = serializeMarkSnapshot({ version: 1, cells });
    expect(text.length / cells.length).toBeLessThan(30);
    const back = parseMarkSnapshot(text);
    expect(back.warning).toBeUndefined();
    expect(back.snapshot.cells).toEqual(cells.map((c) => (c.noteDigest === undefined ? (({ noteDigest: _d, ...rest }) => rest)(c) : c)));
  });

  test('an index out of range is damage', () => {
    const text = JSON.stringify({ version: 1, sheets: [['S']], formats: [], cells: [[0, 'A1', 'e', 0, 0]] });
    expect(parseMarkSnapshot(text).warning).toMatch(/invalid/);
  });
});
