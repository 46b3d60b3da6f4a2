/**
 * Mechanics of the mutation benchmark (bench/lib), on one small fixture book and a handful of cells. The benchmark's
 * overall rates are a measurement (`npm run bench:mutations`), not asserted here.
 */
import * as path from 'node:path';
import Decimal from 'decimal.js';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { amountFromCell } from '../../src/amount/parse';
import { a1, parseA1 } from '../../src/model/address';
import { getCell, type Cell, type Workbook } from '../../src/model/workbook';
import { checkWorkbook, type CheckResult } from '../../src/rules';
import { benchBook, candidateCells } from '../../bench/lib/bench';
import { globMatch, parseKnown } from '../../bench/lib/known';
import { cellWithValue, planMutation, printStyle, withCell, type MutationKind } from '../../bench/lib/mutate';
import { Rng } from '../../bench/lib/prng';
import { summarise } from '../../bench/lib/summary';

const BOOK = 'seed-001-split.xlsx';
const FILE = path.join(__dirname, '..', 'fixtures', 'books', BOOK);

let wb: Workbook;
let base: CheckResult;

beforeAll(async () => {
  wb = await readXlsxFile(FILE);
  base = checkWorkbook(wb);
});

function cellAt(ref: string): Cell {
  const [sheet, addr] = ref.split('!');
  const { row, col } = parseA1(addr);
  return getCell(wb.sheets.find((s) => s.name === sheet)!, row, col)!;
}

function plan(kind: MutationKind, cell: Cell, extra: Partial<Parameters<typeof planMutation>[0]> = {}) {
  const amount = amountFromCell(cell);
  return planMutation({ kind, original: amount.value!, style: printStyle(cell, amount), neighbours: [], others: [], rng: new Rng(1), ...extra });
}

/** A 项 (level-3) cell that foots down (款 = Σ 项) and across (a relation within its row), every relation holding exactly. */
function footsBothWays(): string {
  const levelOf = new Map<string, number | undefined>();
  for (const t of base.recognition.tables)
    for (const p of t.parts) for (const r of p.rows) for (const c of r.cells) if (c) levelOf.set(`${t.sheet}!${a1(c.row, c.col)}`, r.level);
  for (const c of candidateCells(wb, base.engine.relations)) {
    if (levelOf.get(c.key) !== 3) continue;
    const down = c.relations.some((r) => r.rule === 'generic.code-footing' && r.verdict === 'holds' && r.parts.some((p) => `${p.ref.sheet}!${p.ref.cell}` === c.key));
    const across = c.relations.some((r) => r.verdict === 'holds' && [r.target, ...r.parts].every((t) => t.ref.sheet === c.sheet && t.row === c.row));
    if (!down || !across || c.relations.some((r) => r.verdict !== 'holds')) continue;
    if (!plan('transposition', cellAt(c.key)).ok) continue;
    return c.key;
  }
  throw new Error(`${BOOK}: no 项 cell that foots both ways`);
}

describe('mutation benchmark on one book', () => {
  it('detects and localises a transposition in a 项 row that foots both ways, and proposes the original', () => {
    const ref = footsBothWays();
    const res = benchBook(wb, { book: BOOK, only: [ref], kinds: ['transposition'] });
    expect(res.skipped).toEqual([]);
    expect(res.mutations).toHaveLength(1);
    const m = res.mutations[0];
    expect(m.cell).toBe(ref);
    expect(m.original).toBe(cellAt(ref).text.trim());
    expect(m.mutated).not.toBe(m.original);
    // same digits, same print style, one adjacent pair swapped
    expect([...m.mutated.replace(/\D/g, '')].sort().join('')).toBe([...m.original.replace(/\D/g, '')].sort().join(''));
    expect(m.mutated.replace(/\d/g, '#')).toBe(m.original.replace(/\d/g, '#'));
    expect(m.relations).toBeGreaterThanOrEqual(2);
    expect(m.failingRelations).toBeGreaterThanOrEqual(2);
    expect(m.detected).toBe(true);
    expect(m.localised).toBe(true);
    expect(m.corrected).toBe(true);
    expect(m.findings.some((f) => f.severity === 'error' && f.suspect?.cell === ref)).toBe(true);
  });

  it('skips mutations that leave the printed text unchanged (a zero scaled, a zero negated)', () => {
    const zero = candidateCells(wb, base.engine.relations).find((c) => amountFromCell(cellAt(c.key)).value?.isZero());
    expect(zero).toBeDefined();
    const res = benchBook(wb, { book: BOOK, only: [zero!.key], kinds: ['scale-10', 'scale-10000', 'sign'] });
    expect(res.mutations).toEqual([]);
    expect(res.skipped.map((s) => [s.kind, s.reason])).toEqual([
      ['scale-10', 'unchanged'],
      ['scale-10000', 'unchanged'],
      ['sign', 'zero'],
    ]);
    expect(res.checks).toBe(1); // the baseline only
  });

  it('counts false alarms on the unmutated book against the known inconsistencies', () => {
    // make a "published" book with a real inconsistency: a 项 figure printed ten times too large
    const ref = footsBothWays();
    const cell = cellAt(ref);
    const amount = amountFromCell(cell);
    const broken = withCell(wb, ref.split('!')[0], cellWithValue(cell, amount.value!.times(10), printStyle(cell, amount)));
    const run = (known: unknown) => benchBook(broken, { book: BOOK, cells: 1, kinds: ['sign'], known: parseKnown(known) });

    const none = run([]);
    expect(none.falseAlarms.length).toBeGreaterThanOrEqual(2);
    expect(none.knownErrors).toBe(0);
    for (const f of none.falseAlarms) expect([f.location, ...f.cells]).toContain(ref);

    const listed = run([{ book: 'seed-001-*', cell: ref, note: 'printed ×10 in the source' }]);
    expect(listed.falseAlarms).toEqual([]);
    expect(listed.knownErrors).toBe(none.falseAlarms.length);

    expect(run([{ book: 'seed-002-*', cell: ref }]).falseAlarms).toHaveLength(none.falseAlarms.length);

    // a rule glob limits the entry to that rule's findings: the failure across the row stays a false alarm
    const rules = [...new Set(none.falseAlarms.map((f) => f.rule))];
    expect(rules.length).toBeGreaterThanOrEqual(2);
    const oneRule = run([{ book: 'seed-001-split', rule: rules[0], cell: ref }]);
    const rest = none.falseAlarms.filter((f) => f.rule !== rules[0]);
    expect(rest.length).toBeGreaterThan(0);
    expect(oneRule.falseAlarms).toEqual(rest);
    expect(oneRule.knownErrors).toBe(none.falseAlarms.length - rest.length);

    // the unmutated fixture has no error at all
    expect(benchBook(wb, { book: BOOK, cells: 1, kinds: ['sign'] }).falseAlarms).toEqual([]);
  });

  it('is deterministic for a seed and samples afresh for another', () => {
    const opts = { book: BOOK, cells: 3, kinds: ['random', 'transposition'] as MutationKind[] };
    const a = benchBook(wb, { ...opts, seed: 7 });
    const b = benchBook(wb, { ...opts, seed: 7 });
    expect(a.sampled).toHaveLength(3);
    expect(b.sampled).toEqual(a.sampled);
    expect(b.mutations).toEqual(a.mutations);
    expect(benchBook(wb, { ...opts, seed: 8, kinds: [] }).sampled).not.toEqual(a.sampled);
    const s = summarise([a], { seed: 7, cellsPerBook: 3, kinds: opts.kinds, ms: 1 });
    expect(s.byKind.map((k) => k.kind)).toEqual(['random', 'transposition']);
    expect(s.overall.mutations).toBe(a.mutations.length);
  });
});

describe('mutation operators', () => {
  const num: Cell = { row: 1, col: 1, value: 1234.5, text: '1,234.50', numFmt: '#,##0.00' };
  const txt: Cell = { row: 1, col: 1, value: '1,148.77', text: '1,148.77' };

  it('prints the mutated figure in the original style; text amounts stay text', () => {
    const a = cellWithValue(num, new Decimal('12345'), printStyle(num, amountFromCell(num)));
    expect(a).toMatchObject({ value: 12345, text: '12,345.00', numFmt: '#,##0.00' });
    const b = cellWithValue(txt, new Decimal('-11487.7'), printStyle(txt, amountFromCell(txt)));
    expect(b).toMatchObject({ value: '-11,487.70', text: '-11,487.70' });
    const paren: Cell = { row: 1, col: 1, value: '(12.50)', text: '(12.50)' };
    expect(cellWithValue(paren, new Decimal('-3'), printStyle(paren, amountFromCell(paren))).text).toBe('(3.00)');
  });

  it('applies each kind as specified', () => {
    expect(plan('transposition', { ...txt, value: '1,111.11', text: '1,111.11' })).toEqual({ ok: false, reason: 'no-digit-pair' });
    const t = plan('transposition', { ...txt, value: '10.05', text: '10.05' });
    // "10" cannot become "01"; "05" → "50"
    expect(t).toMatchObject({ ok: true, text: '10.50' });
    expect(plan('scale-10000', txt)).toMatchObject({ ok: true, text: '11,487,700.00' });
    expect(plan('sign', txt)).toMatchObject({ ok: true, text: '-1,148.77' });
    expect(plan('tiny', txt)).toMatchObject({ ok: true });
    expect(['1,148.76', '1,148.78']).toContain((plan('tiny', txt) as { text: string }).text);
    const same = [{ ref: 'S!A2', value: new Decimal('1148.77') }];
    expect(plan('copied', txt, { neighbours: same })).toEqual({ ok: false, reason: 'no-neighbour' });
    expect(plan('copied', txt, { neighbours: [...same, { ref: 'S!B1', value: new Decimal('3') }] })).toMatchObject({ ok: true, text: '3.00', detail: 'from S!B1' });
    expect(plan('double-count', txt, { others: [{ ref: 'S!A3', value: new Decimal('0') }] })).toEqual({ ok: false, reason: 'no-other-part' });
    expect(plan('double-count', txt, { others: [{ ref: 'S!A3', value: new Decimal('1.23') }] })).toMatchObject({ ok: true, text: '1,150.00' });
    for (let seed = 0; seed < 50; seed++) {
      const r = planMutation({ kind: 'random', original: new Decimal('1148.77'), style: printStyle(txt, amountFromCell(txt)), neighbours: [], others: [], rng: new Rng(seed) });
      if (!r.ok) throw new Error('random must apply');
      const d = r.value.minus('1148.77').abs();
      expect(d.gte('0.06') && d.lte('114.88')).toBe(true);
    }
  });

  it('copies only the mutated sheet row', () => {
    const ref = footsBothWays();
    const [sheet] = ref.split('!');
    const cell = cellAt(ref);
    const copy = withCell(wb, sheet, { ...cell, value: 'x', text: 'x' });
    expect(cellAt(ref).text).not.toBe('x');
    expect(getCell(copy.sheets.find((s) => s.name === sheet)!, cell.row, cell.col)?.text).toBe('x');
    expect(copy.sheets.filter((s) => s.name !== sheet).every((s) => wb.sheets.includes(s))).toBe(true);
  });

  it('matches book and rule globs', () => {
    expect(globMatch('sh-sifaju-2026-*', 'sh-sifaju-2026-split.xlsx')).toBe(true);
    expect(globMatch('sh-sifaju-2026-*', 'sh-sifaju-2025-split.xlsx')).toBe(false);
    expect(globMatch('seed-00?-sheets.xlsx', 'seed-003-sheets.xlsx')).toBe(true);
    expect(globMatch('a.b', 'axb')).toBe(false);
    expect(globMatch('generic.*', 'generic.code-footing')).toBe(true);
    expect(globMatch('generic.*', 'juesuan.income.columns')).toBe(false);
    expect(() => parseKnown([{ book: 'x', cell: 'E7' }])).toThrow(/Sheet!A1/);
    expect(() => parseKnown({})).toThrow(/array/);
  });
});
