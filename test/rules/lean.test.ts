/**
 * The lean engine (src/rules/lean.ts) against the reference path (every relation built as an object, then evaluated):
 * the same findings, summary and relations on every fixture book, on mutated copies of them (failures, blame, rounding
 * differences), on a synthetic book and when a figure forces the reference path; and its reading of plain amounts
 * against the amount parser's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { amountFromCell, parseAmount } from '../../src/amount/parse';
import { getCell, type Cell, type Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { DEFAULT_PACKS } from '../../src/rules';
import { runEngine, type EngineResult } from '../../src/rules/engine';
import { readPlain } from '../../src/rules/lean';
import type { RulePack } from '../../src/rules/types';
import { cellWithValue, printStyle, withCell } from '../../bench/lib/mutate';
import { synthesise, toWorkbook } from '../../bench/lib/synthetic';

const BOOKS = path.join(__dirname, '..', 'fixtures', 'books');
const files = fs.readdirSync(BOOKS).filter((f) => f.endsWith('.xlsx')).sort();

/** Everything a caller sees, relations included (built on first access by the lean engine). */
function seen(r: EngineResult) {
  return {
    findings: r.findings,
    summary: r.summary,
    relations: r.relations.map((x) => ({ ...x, target: x.target.ref, parts: x.parts.map((p) => [p.weight, p.ref]) })),
  };
}

function both(wb: Workbook, packs: RulePack[] = DEFAULT_PACKS, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  const tables = recognise(wb).tables;
  return {
    lean: runEngine(wb, tables, { packs, lang }),
    reference: runEngine(wb, tables, { packs, lang, reference: true }),
  };
}

/** A copy of the book with one stored amount other than zero changed (×10, sign, one unit, +123). */
function mutated(wb: Workbook, k: number): Workbook | undefined {
  const cells: Array<{ sheet: string; row: number; col: number }> = [];
  for (const s of wb.sheets) {
    s.rows.forEach((r, i) => r?.forEach((c, j) => c && typeof c.value === 'number' && amountFromCell(c).kind === 'number' && !amountFromCell(c).value!.isZero() && cells.push({ sheet: s.name, row: i + 1, col: j + 1 })));
  }
  if (cells.length === 0) return undefined;
  const at = cells[(k * 7919 + 13) % cells.length];
  const cell = getCell(wb.sheets.find((s) => s.name === at.sheet)!, at.row, at.col)!;
  const a = amountFromCell(cell);
  const style = printStyle(cell, a);
  const v = [a.value!.times(10), a.value!.neg(), a.value!.plus(new Decimal(10).pow(-style.decimals)), a.value!.plus(123)][k % 4];
  return withCell(wb, at.sheet, cellWithValue(cell, v, style));
}

describe('the lean engine gives what the reference path gives', () => {
  const books = new Map<string, Workbook>();
  beforeAll(async () => {
    for (const f of files) books.set(f, await readXlsxFile(path.join(BOOKS, f)));
  });

  test('on every fixture book, in both languages', () => {
    expect(books.size).toBeGreaterThanOrEqual(24);
    for (const [f, wb] of books) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const { lean, reference } = both(wb, DEFAULT_PACKS, lang);
        expect({ book: f, ...seen(lean) }).toEqual({ book: f, ...seen(reference) });
      }
    }
  });

  test('on mutated copies of every fixture book (failing relations, blame, rounding)', () => {
    let failing = 0;
    for (const [f, wb] of books) {
      for (let k = 0; k < 4; k++) {
        const m = mutated(wb, k + f.length);
        if (!m) continue;
        const { lean, reference } = both(m);
        if (reference.summary.errors > 0) failing++;
        expect({ book: f, k, findings: lean.findings, summary: lean.summary }).toEqual({ book: f, k, findings: reference.findings, summary: reference.summary });
      }
    }
    expect(failing).toBeGreaterThan(40);
  });

  test('on a synthetic book, intact and with a figure changed', () => {
    const wb = toWorkbook(synthesise({ cells: 5000 }));
    const intact = both(wb);
    expect(seen(intact.lean)).toEqual(seen(intact.reference));
    expect(intact.lean.summary.passed).toBeGreaterThan(1000);
    let suspects = 0;
    for (let k = 0; k < 4; k++) {
      const m = mutated(wb, k);
      const { lean, reference } = both(m!);
      expect(reference.findings.length).toBeGreaterThan(intact.reference.findings.length);
      if (reference.findings.some((x) => x.suspect)) suspects++;
      expect(seen(lean)).toEqual(seen(reference));
    }
    expect(suspects).toBeGreaterThan(0);
  });

  test('with figures the integer path does not decide: text, “—”, blanks, −0, percentages, 16+ digits, dates, errors', () => {
    // each variant replaces a figure of the book (three at a time), so that sums holding them fail, turn vacuous or
    // cannot be evaluated, and blame reads them
    const variants: Array<(c: Cell) => Cell> = [
      (c) => ({ ...c, value: '待定', text: '待定', numFmt: undefined }),
      (c) => ({ ...c, value: '—', text: '—', numFmt: undefined }),
      (c) => ({ ...c, value: null, text: '' }),
      (c) => ({ ...c, value: -0, text: '-0' }),
      (c) => ({ ...c, value: '-0.00', text: '-0.00' }),
      (c) => ({ ...c, value: 1.2345678, text: '1.2345678' }),
      (c) => ({ ...c, value: 0.12, text: '12%', numFmt: '0%' }),
      (c) => ({ ...c, value: -12.5, text: '(12.50)', numFmt: '#,##0.00;(#,##0.00)' }),
      (c) => ({ ...c, value: 1234567890123456789, text: '1234567890123456789' }),
      (c) => ({ ...c, value: 123456789012345.6, text: '123,456,789,012,345.6' }),
      (c) => ({ ...c, value: 45000, text: '2023-03-15', numFmt: 'yyyy-mm-dd' }),
      (c) => ({ ...c, value: null, text: '#REF!', error: '#REF!' }),
      (c) => ({ ...c, value: 1.2e5, text: '1.2E+05', numFmt: '0.0E+00' }),
      (c) => ({ ...c, value: '１２３', text: '１２３' }),
      (c) => ({ ...c, value: 100, text: '' }),
      (c) => ({ ...c, value: -5, text: '-5' }),
    ];
    let undecided = 0;
    for (const f of ['sh-caizhengju-2024-sheets.xlsx', 'seed-001-split.xlsx']) {
      const wb0 = books.get(f)!;
      const base = runEngine(wb0, recognise(wb0).tables, { packs: DEFAULT_PACKS, reference: true }).summary.cannotEvaluate;
      const cells: Array<{ sheet: string; row: number; col: number }> = [];
      for (const s of wb0.sheets) s.rows.forEach((r, i) => r?.forEach((c, j) => c && amountFromCell(c).kind === 'number' && cells.push({ sheet: s.name, row: i + 1, col: j + 1 })));
      for (let k = 0; k < 24; k++) {
        let wb = wb0;
        for (let j = 0; j < 3; j++) {
          const at = cells[((k * 3 + j) * 7919 + 17) % cells.length];
          const c = getCell(wb.sheets.find((s) => s.name === at.sheet)!, at.row, at.col)!;
          wb = withCell(wb, at.sheet, variants[(k * 3 + j) % variants.length](c));
        }
        const { lean, reference } = both(wb);
        if (reference.summary.cannotEvaluate > base) undecided++;
        expect({ book: f, k, findings: lean.findings, summary: lean.summary }).toEqual({ book: f, k, findings: reference.findings, summary: reference.summary });
      }
    }
    expect(undecided).toBeGreaterThan(10);
  });

  test('a weight the lean engine does not pack sends the workbook down the reference path, with the same result', () => {
    const wb = books.get('sh-caizhengju-2024-sheets.xlsx')!;
    const heavy: RulePack = {
      id: 'test',
      version: '0',
      description: { 'zh-CN': '测试', 'en-US': 'test' },
      rules: [
        {
          id: 'test.heavy',
          description: { 'zh-CN': '测试', 'en-US': 'test' },
          severity: 'error',
          given: { kinds: ['juesuan.expenditure'] },
          then: { fn: 'rowSum', target: { key: 'total' }, parts: 'classes', cols: [{ index: 0 }] },
        },
        {
          id: 'test.heavier',
          description: { 'zh-CN': '测试', 'en-US': 'test' },
          severity: 'error',
          given: { kinds: ['juesuan.expenditure'] },
          then: { fn: 'rowSum', target: { key: 'total' }, parts: [{ key: 'total', weight: 1000 }], cols: [{ index: 0 }] },
        },
      ],
    };
    const { lean, reference } = both(wb, [...DEFAULT_PACKS, heavy]);
    expect(reference.findings.some((f) => f.rule === 'test.heavier')).toBe(true);
    expect(seen(lean)).toEqual(seen(reference));
  });
});

describe('plain amounts read as the amount parser reads them', () => {
  const PLAIN_RE = /^(-?)(\d+(?:,\d+)*)(?:\.(\d+))?$/;

  function agrees(s: string): void {
    const mine = readPlain(s);
    const m = PLAIN_RE.exec(s);
    if (!m) {
      expect({ s, mine }).toEqual({ s, mine: undefined });
      return;
    }
    const digits = (m[2] + (m[3] ?? '')).replace(/,/g, '').length;
    const decimals = m[3]?.length ?? 0;
    if (digits > 15 || decimals > 6) {
      expect({ s, mine }).toEqual({ s, mine: undefined });
      return;
    }
    const a = parseAmount(s);
    expect(mine).toBeDefined();
    expect({ s, kind: a.kind, decimals: a.decimals, value: a.value!.toString() }).toEqual({
      s,
      kind: 'number',
      decimals: mine!.decimals,
      value: new Decimal(mine!.units).div(new Decimal(10).pow(mine!.decimals)).toString(),
    });
  }

  test('examples', () => {
    for (const s of ['0', '0.00', '-0.00', '1,148.77', '1,2345.6', '12', '-12', '007', '123456789012345', '1234567890123456', '1.1234567', '1.123456',
      '', '-', '1,', ',1', '1,,1', '1.', '.5', '1.2.3', ' 1', '1 ', '+1', '１２', '(12.50)', '1e5', '12%', '-,1', '9007199254740993']) {
      agrees(s);
    }
  });

  test('any string of digits, commas, points and minus signs', () => {
    fc.assert(fc.property(fc.stringMatching(/^[-0-9,.]{0,20}$/), (s) => agrees(s)), { numRuns: 3000 });
  });
});
