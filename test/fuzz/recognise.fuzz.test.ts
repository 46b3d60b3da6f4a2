/**
 * Property tests of recognition and the rule engine on random grids: catalogue titles, header words, numbers, text,
 * blanks and merges in random places. Whatever the grid, recognise and checkWorkbook either succeed or throw a
 * CrossfootError, and every range they report lies inside the sheet. Bounded to a few seconds.
 */
import fc from 'fast-check';
import { CrossfootError } from '../../src/errors';
import type { Area } from '../../src/model/address';
import { parseArea } from '../../src/model/address';
import type { Cell, Sheet, Workbook } from '../../src/model/workbook';
import { colCount } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';

const TITLES = [
  '收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
  '一般公共预算财政拨款基本支出决算表', '“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款支出决算表', '国有资产占用情况表', '收支预算总表', '收入预算总表', '支出预算总表',
  '财政拨款收支预算总表', '一般公共预算支出表', '一般公共预算基本支出表', '政府采购预算表', '项目支出预算表',
  '2024年度部门决算表', '某某情况表',
];
const WORDS = [
  '项目', '科目编码', '科目名称', '合计', '小计', '本年支出合计', '基本支出', '项目支出', '决算数', '预算数', '栏次', '行次',
  '类', '款', '项', '单位：万元', '单位：元', '金额单位：万元', '公开01表', '2024年', '注：本表反映部门收支情况。',
  '1栏=2栏+3栏', '27行=（1+2+…+26）行', '本表无数据', '一般公共服务支出', '行政运行', '201', '20101', '2010101',
  '一、一般公共预算财政拨款收入', '总计', '—', '-', '无',
];

type Input = string | number | null;

const cellArb: fc.Arbitrary<Input> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...TITLES) },
  { weight: 3, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -100, max: 100_000 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^-?\d{1,3}(,\d{3}){0,3}\.\d{2}$/) },
);

const gridArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 40 }),
    cols: fc.integer({ min: 1, max: 10 }),
    seedCells: fc.array(cellArb, { minLength: 400, maxLength: 400 }),
    merges: fc.array(fc.tuple(fc.nat(39), fc.nat(9), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
    titleRows: fc.array(fc.tuple(fc.nat(39), fc.constantFrom(...TITLES)), { maxLength: 3 }),
  })
  .map(({ rows, cols, seedCells, merges, titleRows }) => {
    const grid: Input[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => seedCells[(r * cols + c) % 400]));
    for (const [r, t] of titleRows) if (r < rows) grid[r] = [t, ...Array<Input>(cols - 1).fill(null)];
    // non-overlapping merges inside the grid
    const areas: Area[] = [];
    for (const [r, c, h, w] of merges) {
      const a = { top: r + 1, left: c + 1, bottom: Math.min(rows, r + 1 + h), right: Math.min(cols, c + 1 + w) };
      if (a.top > rows || a.left > cols || (a.top === a.bottom && a.left === a.right)) continue;
      if (areas.some((b) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)) continue;
      areas.push(a);
    }
    return { grid, areas };
  });

function toSheet(name: string, index: number, grid: Input[][], merges: Area[]): Sheet {
  const rows: Array<Array<Cell | null> | undefined> = grid.map((r, i) => {
    const cells = r.map((v, j): Cell | null => {
      if (v === null || v === '') return null;
      // cells covered by a merge are empty in a real file
      if (merges.some((m) => i + 1 >= m.top && i + 1 <= m.bottom && j + 1 >= m.left && j + 1 <= m.right && (i + 1 !== m.top || j + 1 !== m.left))) return null;
      if (typeof v === 'number') return { row: i + 1, col: j + 1, value: v, text: String(v) };
      return { row: i + 1, col: j + 1, value: v, text: v };
    });
    return cells.some((c) => c) ? cells : undefined;
  });
  return { name, index, hidden: false, rows, merges };
}

function inside(area: Area, sheet: Sheet): boolean {
  const rows = sheet.rows.length;
  const cols = Math.max(colCount(sheet), ...sheet.merges.map((m) => m.right));
  return area.top >= 1 && area.left >= 1 && area.top <= area.bottom && area.left <= area.right && area.bottom <= rows && area.right <= cols;
}

function expectOnlyCrossfootErrors(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof CrossfootError)) throw e;
  }
}

describe('recognise and check random grids', () => {
  test('never throw anything but CrossfootError; every reported range lies inside its sheet', () => {
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
        const wb: Workbook = {
          source: { name: 'fuzz.xlsx', adapter: 'memory' },
          sheets: grids.map((g, i) => toSheet(`S${i + 1}`, i, g.grid, g.areas)),
        };
        const byName = new Map(wb.sheets.map((s) => [s.name, s]));
        expectOnlyCrossfootErrors(() => {
          const rec = recognise(wb);
          for (const t of rec.tables) {
            const sheet = byName.get(t.sheet)!;
            expect(sheet).toBeDefined();
            expect(inside(t.area, sheet)).toBe(true);
            expect(inside(parseArea(t.range), sheet)).toBe(true);
            expect(t.titleCell.row).toBeGreaterThanOrEqual(t.area.top);
            expect(t.titleCell.row).toBeLessThanOrEqual(t.area.bottom);
            for (const p of t.parts) {
              for (const r of p.rows) {
                expect(r.row).toBeGreaterThanOrEqual(t.area.top);
                expect(r.row).toBeLessThanOrEqual(t.area.bottom);
                for (const c of r.cells) if (c) expect(inside({ top: c.row, left: c.col, bottom: c.row, right: c.col }, sheet)).toBe(true);
              }
              for (const c of p.columns) expect(c.col).toBeGreaterThanOrEqual(1);
            }
          }
          for (const u of rec.unplaced) expect(inside(parseArea(u.range), byName.get(u.sheet)!)).toBe(true);
          for (const n of rec.narrativeSheets) expect(byName.has(n)).toBe(true);
          const res = checkWorkbook(wb, { recognition: rec, narrative: true });
          for (const f of res.findings) {
            if (!f.location) continue;
            const sheet = byName.get(f.location.sheet);
            expect(sheet).toBeDefined();
            const a = parseArea(f.location.cell);
            expect(a.top).toBeGreaterThanOrEqual(1);
            expect(a.left).toBeGreaterThanOrEqual(1);
          }
        });
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8000 },
    );
  }, 30_000);

  test('a well-formed table with random amounts is always recognised in place, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        gridArb,
        (items, gap, noise) => {
          const head: Input[][] = [
            ['支出决算表', null, null, null, null],
            [null, null, null, null, '单位：万元'],
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
          ];
          const cents = items.map(([a, b]) => [a, b, a + b]);
          const sum = (k: number) => cents.reduce((s, r) => s + r[k], 0);
          const txt = (c: number) => (c / 100).toFixed(2);
          const body: Input[][] = [
            [null, '合计', txt(sum(2)), txt(sum(0)), txt(sum(1))],
            ...cents.map((r, i) => [`2010${String(i + 1).padStart(3, '0').slice(-3)}`.slice(0, 7), '行政运行', txt(r[2]), txt(r[0]), txt(r[1])]),
          ];
          const table = [...head, ...body];
          // noise above the table, separated by `gap` + 2 blank rows; noise rows are truncated to 5 columns
          const above = noise.grid.map((r) => r.slice(0, 5).map((v) => (typeof v === 'string' && TITLES.some((t) => v.includes(t.slice(0, 2))) ? null : v)));
          const grid: Input[][] = [...above, ...Array.from({ length: gap + 2 }, () => [null, null, null, null, null]), ...table];
          const top = above.length + gap + 3;
          const wb: Workbook = { source: { name: 'fuzz.xlsx', adapter: 'memory' }, sheets: [toSheet('S', 0, grid, [])] };
          const rec = recognise(wb);
          const t = rec.tables.find((x) => x.titleCell.row === top);
          expect(t).toBeDefined();
          expect(t!.kind).toBe('juesuan.expenditure');
          expect(t!.unit).toBe('万元');
          expect(inside(t!.area, wb.sheets[0])).toBe(true);
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 6000 },
    );
  }, 30_000);
});
