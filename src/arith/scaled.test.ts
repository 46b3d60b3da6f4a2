import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Amount } from '../amount/parse';
import { parseAmount } from '../amount/parse';
import { exact, Exact } from './decimal';
import { checkSum } from './interval';
import { fixedOf, hasAtMostDecimals, scaledInt, scaledSum } from './scaled';

const dec = (n: number, scale: number): Decimal => exact(n).div(exact(10).pow(scale));

describe('scaledInt', () => {
  test('reads decimal.js digits exactly at the requested scale', () => {
    expect(scaledInt(new Decimal('1.23'), 2)).toBe(123);
    expect(scaledInt(new Decimal('1.23'), 4)).toBe(12300);
    expect(scaledInt(new Decimal('-12345678.5'), 1)).toBe(-123456785);
    expect(scaledInt(new Decimal('123456789012.34'), 2)).toBe(12345678901234);
    expect(scaledInt(new Decimal('0'), 6)).toBe(0);
    expect(scaledInt(new Decimal('-0'), 2)).toBe(0);
    expect(scaledInt(new Decimal('1.2e5'), 0)).toBe(120000);
    expect(scaledInt(new Decimal('0.000034'), 6)).toBe(34);
  });

  test('NaN when the value has more decimals than the scale, or is too large or not finite', () => {
    expect(scaledInt(new Decimal('1.234'), 2)).toBeNaN();
    expect(scaledInt(new Decimal('1e20'), 0)).toBeNaN();
    expect(scaledInt(new Decimal('12345678901234567.5'), 1)).toBeNaN();
    expect(scaledInt(new Decimal(Infinity), 0)).toBeNaN();
    expect(scaledInt(new Decimal(NaN), 0)).toBeNaN();
  });

  test('agrees with decimal.js on random values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (n, d, scale) => {
        const v = new Decimal(n.toString()).div(new Decimal(10).pow(d));
        const got = scaledInt(v, scale);
        const want = exact(v).times(exact(10).pow(scale));
        if (Number.isNaN(got)) expect(!want.isInteger() || want.abs().gt(2 ** 52)).toBe(true);
        else expect(new Decimal(got).eq(want)).toBe(true);
      }),
    );
  });
});

describe('fixedOf', () => {
  test('prints like decimal.js toFixed with ROUND_HALF_UP', () => {
    expect(fixedOf(12345, 2, 2)).toBe('123.45');
    expect(fixedOf(12345, 2, 1)).toBe('123.5');
    expect(fixedOf(-12345, 2, 1)).toBe('-123.5');
    expect(fixedOf(-4, 2, 1)).toBe('-0.0');
    expect(fixedOf(5, 3, 4)).toBe('0.0050');
    expect(fixedOf(7, 0, 3)).toBe('7.000');
    expect(fixedOf(0, 2, 2)).toBe('0.00');
  });

  test('agrees with decimal.js on random integers and scales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 9 }), (n, scale, k) => {
        expect(fixedOf(n, scale, k)).toBe(dec(n, scale).toFixed(k));
        if (k <= scale) expect(hasAtMostDecimals(n, scale, k)).toBe(dec(n, scale).toDecimalPlaces(k).eq(dec(n, scale)));
      }),
    );
  });
});

/** an amount printed with `d` decimals */
const amountArb: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 6 })).map(([n, d]) => parseAmount(dec(n, d).toFixed(d))) },
  { weight: 1, arbitrary: fc.constant(parseAmount('')) },
  { weight: 1, arbitrary: fc.constant(parseAmount('—')) },
  { weight: 1, arbitrary: fc.constantFrom(parseAmount('0'), parseAmount('0.00'), parseAmount('-0.00')) },
);

const str = (n: number | null, scale: number): string | null => (n === null ? null : dec(n, scale).toString());
const dstr = (x: Decimal | null): string | null => (x === null ? null : new Exact(x).toString());

describe('scaledSum', () => {
  test('gives checkSum’s verdict and values on random sums', () => {
    fc.assert(
      fc.property(amountArb, fc.array(fc.tuple(amountArb, fc.constantFrom(1, -1, 2)), { maxLength: 8 }), (total, ps) => {
        const parts = ps.map(([amount, weight]) => ({ amount, weight }));
        const fast = scaledSum(total, parts);
        const slow = checkSum(total, parts);
        expect(fast).toBeDefined();
        const f = fast!;
        expect(f.verdict).toBe(slow.verdict);
        expect(str(f.expected, f.scale)).toBe(dstr(slow.expected));
        expect(str(f.actual, f.scale)).toBe(dstr(slow.actual));
        expect(str(f.difference, f.scale)).toBe(dstr(slow.difference));
        expect(str(f.allowance, f.scale + 1)).toBe(dstr(slow.allowance));
      }),
      { numRuns: 500 },
    );
  });

  test('a total that sums within rounding is rounding; beyond it fails; exact holds', () => {
    const a = (s: string) => parseAmount(s);
    expect(scaledSum(a('3.00'), [{ amount: a('1.00'), weight: 1 }, { amount: a('2.00'), weight: 1 }])!.verdict).toBe('holds');
    expect(scaledSum(a('3.0'), [{ amount: a('1.04'), weight: 1 }, { amount: a('2.0'), weight: 1 }])!.verdict).toBe('rounding');
    expect(scaledSum(a('3.02'), [{ amount: a('1.00'), weight: 1 }, { amount: a('2.00'), weight: 1 }])!.verdict).toBe('fails');
    expect(scaledSum(a(''), [{ amount: a('1.00'), weight: 1 }])!.verdict).toBe('cannot');
    expect(scaledSum(a(''), [{ amount: a(''), weight: 1 }, { amount: a('0.00'), weight: -1 }])!.verdict).toBe('vacuous');
  });

  test('does not apply to text, scientific notation, more than 6 decimals, fractional weights or huge values', () => {
    const a = (s: string) => parseAmount(s);
    expect(scaledSum(a('合计'), [{ amount: a('1'), weight: 1 }])).toBeUndefined();
    expect(scaledSum(a('1'), [{ amount: a('1.2E+05'), weight: 1 }])).toBeUndefined();
    expect(scaledSum(a('1'), [{ amount: a('0.1234567'), weight: 1 }])).toBeUndefined();
    expect(scaledSum(a('1'), [{ amount: a('1'), weight: 0.5 }])).toBeUndefined();
    expect(scaledSum(a('1'), [{ amount: a('123456789012345678'), weight: 1 }])).toBeUndefined();
    expect(scaledSum(a('1'), [{ amount: a('1'), weight: Number.NaN }])).toBeUndefined();
  });
});
