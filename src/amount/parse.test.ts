import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Cell } from '../model/workbook';
import { amountFromCell, formatAmount, halfUnit, numFmtDecimals, parseAmount, type Amount } from './parse';

function expectAmount(a: Amount, kind: Amount['kind'], value: string | null, decimals: number): void {
  expect(a.kind).toBe(kind);
  if (value === null) expect(a.value).toBeNull();
  else {
    expect(a.value).not.toBeNull();
    expect(a.value!.toString()).toBe(new Decimal(value).toString());
  }
  expect(a.decimals).toBe(decimals);
}

describe('parseAmount: numbers', () => {
  test.each([
    ['1,148.77', '1148.77', 2],
    ['1148.77', '1148.77', 2],
    ['１，１４８．７７', '1148.77', 2],
    ['１１４８．７７', '1148.77', 2],
    ['0.00', '0', 2],
    ['0', '0', 0],
    ['10', '10', 0],
    ['965.8', '965.8', 1],
    ['+5.00', '5', 2],
    ['＋5.00', '5', 2],
    ['1,2345.6', '12345.6', 1],
    ['12,34,567.891', '1234567.891', 3],
    ['  1,234.56  ', '1234.56', 2],
    ['\u00a01,234.56\u00a0', '1234.56', 2],
    ['\u30001,234.56\u3000', '1234.56', 2],
    ['\u200b12.30', '12.3', 2],
    ['.5', '0.5', 1],
    ['¥1,234.00', '1234', 2],
    ['￥ 1,234.00', '1234', 2],
    ['1.2E+05', '120000', -4],
    ['2.5e-3', '0.0025', 4],
    ['123456789012345678901234.5678', '123456789012345678901234.5678', 4],
  ])('%j → %s (%i decimals)', (text, value, decimals) => {
    const a = parseAmount(text);
    expectAmount(a, 'number', value, decimals);
    expect(a.raw).toBe(text);
  });

  test.each([
    ['(12.50)', '-12.5', 2],
    ['（12.50）', '-12.5', 2],
    ['( 1,234.00 )', '-1234', 2],
    ['-12.50', '-12.5', 2],
    ['−12.50', '-12.5', 2],
    ['－12.50', '-12.5', 2],
    ['－１２．５０', '-12.5', 2],
    ['（１２．５０）', '-12.5', 2],
    ['–12.50', '-12.5', 2],
    ['-0.5', '-0.5', 1],
    ['- 3', '-3', 0],
    ['-¥1,234.00', '-1234', 2],
    ['¥-1,234.00', '-1234', 2],
  ])('negative %j → %s', (text, value, decimals) => {
    expectAmount(parseAmount(text), 'number', value, decimals);
  });

  test('negative zero is zero', () => {
    const a = parseAmount('-0.00');
    expectAmount(a, 'number', '0', 2);
    expect(a.value!.isNegative()).toBe(false);
    expect(parseAmount(-0).value!.isNegative()).toBe(false);
  });
});

describe('parseAmount: percentages', () => {
  test.each([
    ['97.0%', '97', 1],
    ['97.0％', '97', 1],
    ['100%', '100', 0],
    ['0%', '0', 0],
    ['-3.5%', '-3.5', 1],
    ['−3.5％', '-3.5', 1],
    ['12.35 %', '12.35', 2],
    ['(3.5%)', '-3.5', 1],
    ['(3.5)%', '-3.5', 1],
    ['１００％', '100', 0],
  ])('%j → %s%% (%i decimals)', (text, value, decimals) => {
    expectAmount(parseAmount(text), 'percent', value, decimals);
  });
});

describe('parseAmount: blank, n/a, text', () => {
  test.each(['', '   ', '\u3000', '\u00a0', '\t\n'])('blank %j', (text) => {
    expectAmount(parseAmount(text), 'blank', null, 0);
  });
  test('null and undefined are blank', () => {
    expectAmount(parseAmount(null), 'blank', null, 0);
    expectAmount(parseAmount(undefined), 'blank', null, 0);
    expect(parseAmount(null).raw).toBe('');
  });
  test.each(['—', '–', '-', '－', '/', '／', '——', '--', ' - ', '−', '― ', '\u3000—\u3000'])('n/a %j', (text) => {
    expectAmount(parseAmount(text), 'na', null, 0);
  });
  test.each([
    '本表无数据',
    '合计',
    '12.5万元',
    '1,148.77,5',
    ',123',
    '123,',
    '1..2',
    '(12.50',
    '12.50)',
    '(-12.50)',
    '+-3',
    '12%%',
    '1.234,56',
    'abc',
    '—12',
    '1 234',
    'NaN',
    'Infinity',
    '#REF!',
  ])('text %j', (text) => {
    const a = parseAmount(text);
    expectAmount(a, 'text', null, 0);
    expect(a.raw).toBe(text);
  });
});

describe('parseAmount: JS numbers', () => {
  test.each([
    [1148.77, '1148.77', 2],
    [0.1, '0.1', 1],
    [0.1 + 0.2, '0.30000000000000004', 17],
    [10, '10', 0],
    [0, '0', 0],
    [-12.5, '-12.5', 1],
    [1e21, '1000000000000000000000', 0],
    [1.5e-7, '0.00000015', 8],
  ])('%p → %s', (n, value, decimals) => {
    expectAmount(parseAmount(n), 'number', value, decimals);
  });
  test.each([NaN, Infinity, -Infinity])('%p is text', (n) => {
    expect(parseAmount(n).kind).toBe('text');
  });
});

function cell(value: Cell['value'], text: string, extra: Partial<Cell> = {}): Cell {
  return { row: 1, col: 1, value, text, ...extra };
}

describe('amountFromCell', () => {
  test('null cell is blank', () => {
    expectAmount(amountFromCell(null), 'blank', null, 0);
  });
  test('uses the displayed text, not the stored value', () => {
    const a = amountFromCell(cell(1148.7712, '1,148.77', { numFmt: '#,##0.00' }));
    expectAmount(a, 'number', '1148.77', 2);
    expect(a.raw).toBe('1,148.77');
    expectAmount(amountFromCell(cell(0.97, '97.0%', { numFmt: '0.0%' })), 'percent', '97', 1);
  });
  test('falls back to the stored value when no text was rendered', () => {
    expectAmount(amountFromCell(cell(12.5, '')), 'number', '12.5', 1);
    expectAmount(amountFromCell(cell(12.5, '', { numFmt: '#,##0.00' })), 'number', '12.5', 2);
    expectAmount(amountFromCell(cell(' 3.00 ', '')), 'number', '3', 2);
    expectAmount(amountFromCell(cell(null, '')), 'blank', null, 0);
  });
  test('falls back to the stored value when the text is unreadable', () => {
    expectAmount(amountFromCell(cell(123456789.123, '#####', { numFmt: '#,##0.00' })), 'number', '123456789.12', 2);
    expectAmount(amountFromCell(cell(123456789012, '1.23457E+11')), 'number', '123456789012', 0);
    expectAmount(amountFromCell(cell(0.9705, '#####', { numFmt: '0.0%' })), 'percent', '97.1', 1);
  });
  test('a dash shown for a stored 0 (accounting format) is zero', () => {
    const fmt = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ';
    expectAmount(amountFromCell(cell(0, ' -   ', { numFmt: fmt })), 'number', '0', 2);
    expectAmount(amountFromCell(cell('—', '—')), 'na', null, 0);
  });
  test('error values are text', () => {
    expectAmount(amountFromCell(cell(null, '#DIV/0!', { error: '#DIV/0!' })), 'text', null, 0);
  });
  test('labels stay text even when they look odd', () => {
    expectAmount(amountFromCell(cell('本表无数据', '本表无数据')), 'text', null, 0);
  });
});

describe('numFmtDecimals', () => {
  test.each([
    ['#,##0.00', 2],
    ['0', 0],
    ['0.0%', 1],
    ['#,##0.00_);(#,##0.00)', 2],
    ['"¥"#,##0.000', 3],
    ['[Red]0.0', 1],
  ])('%s → %i', (fmt, d) => expect(numFmtDecimals(fmt)).toBe(d));
  test('General and text formats have none', () => {
    expect(numFmtDecimals('General')).toBeUndefined();
    expect(numFmtDecimals('@')).toBeUndefined();
    expect(numFmtDecimals(undefined)).toBeUndefined();
  });
});

describe('halfUnit and formatAmount', () => {
  test('halfUnit', () => {
    expect(halfUnit(2).toString()).toBe('0.005');
    expect(halfUnit(0).toString()).toBe('0.5');
    expect(halfUnit(1).toString()).toBe('0.05');
    expect(halfUnit(-3).toString()).toBe('500');
  });
  test.each([
    ['1148.765', 2, false, '1148.77'],
    ['1148.765', 2, true, '1,148.77'],
    ['-1148.765', 2, true, '-1,148.77'],
    ['1234567.5', 0, true, '1,234,568'],
    ['999.995', 2, true, '1,000.00'],
    ['-0.004', 2, false, '0.00'],
    ['0', 2, true, '0.00'],
    ['12', 1, false, '12.0'],
    ['123456', -3, true, '123,000'],
    ['123500', -3, false, '124000'],
    ['100', 2, true, '100.00'],
  ])('%s at %i (thousands %p) → %s', (v, d, thousands, out) => {
    expect(formatAmount(new Decimal(v), d, { thousands })).toBe(out);
  });
});

const decimalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 8 }))
  .map(([m, s]) => new Decimal(`${m}e-${s}`));

describe('properties', () => {
  test('parse(format(v, d)) round-trips the rounded value and the decimals', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 0, max: 4 }), fc.boolean(), (v, d, thousands) => {
        const text = formatAmount(v, d, { thousands });
        const a = parseAmount(text);
        expect(a.kind).toBe('number');
        expect(a.decimals).toBe(d);
        expect(a.value!.eq(v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP))).toBe(true);
        // the printed value is within half a unit of the exact one
        expect(a.value!.minus(v).abs().lte(halfUnit(d))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('accounting negatives and full-width forms parse to the same value', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 0, max: 4 }), (v, d) => {
        const text = formatAmount(v.abs(), d, { thousands: true });
        const full = text.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const pos = parseAmount(full);
        const neg = parseAmount(`（${full}）`);
        expect(pos.value!.eq(v.abs().toDecimalPlaces(d, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(neg.value!.eq(pos.value!.negated())).toBe(true);
        expect(neg.decimals).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  test('JS numbers keep their shortest decimal representation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const a = parseAmount(n);
        expect(a.kind).toBe('number');
        expect(a.value!.toNumber()).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 300 },
    );
  });

  test('random strings never throw and always give a well-formed Amount', () => {
    const alphabet = fc.constantFrom(...'0123456789,.()%+-−－—–/／（）％，．￥¥ \u3000\u00a0eE本表无数据1２３'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: alphabet, maxLength: 16 })),
        (s) => {
          const a = parseAmount(s);
          expect(a.raw).toBe(s);
          if (a.kind === 'number' || a.kind === 'percent') {
            expect(a.value).not.toBeNull();
            expect(Number.isInteger(a.decimals)).toBe(true);
          } else {
            expect(a.value).toBeNull();
            expect(a.decimals).toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
