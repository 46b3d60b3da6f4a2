import Decimal from 'decimal.js';
import fc from 'fast-check';
import { formatAmount, parseAmount, type Amount } from '../amount/parse';
import { exact } from './decimal';
import {
  add,
  checkPercent,
  checkSame,
  checkSum,
  intersect,
  intervalOf,
  meets,
  point,
  ratio,
  roundHalfUp,
  scale,
  sum,
  weightedSum,
  type Interval,
} from './interval';

const D = (s: string | number): Decimal => new Decimal(s);
const A = (s: string): Amount => parseAmount(s);
const iv = (s: string): Interval => intervalOf(A(s))!;
const show = (i: Interval | null): string | null => (i ? `[${i.lo.toString()}, ${i.hi.toString()}]` : null);
const plus = (...xs: string[]): Array<{ amount: Amount; weight: number }> => xs.map((x) => ({ amount: A(x), weight: 1 }));

describe('intervals', () => {
  test('intervalOf follows the printed precision (§5.2)', () => {
    expect(show(iv('1,234.56'))).toBe('[1234.555, 1234.565]');
    expect(show(iv('965.8'))).toBe('[965.75, 965.85]');
    expect(show(iv('10'))).toBe('[9.5, 10.5]');
    expect(show(iv('-12.50'))).toBe('[-12.505, -12.495]');
    expect(show(iv('97.0%'))).toBe('[96.95, 97.05]');
    expect(show(intervalOf(A('')))).toBe('[0, 0]');
    expect(intervalOf(A('—'))).toBeNull();
    expect(intervalOf(A('本表无数据'))).toBeNull();
  });

  test('add, scale, sum, weightedSum', () => {
    expect(show(add(iv('1.23'), iv('4.56')))).toBe('[5.78, 5.8]');
    expect(show(scale(iv('1.23'), D(-1)))).toBe('[-1.235, -1.225]');
    expect(show(scale(iv('1.23'), D(3)))).toBe('[3.675, 3.705]');
    expect(show(sum([]))).toBe('[0, 0]');
    expect(show(sum([iv('1.23'), iv('4.56'), iv('7.89')]))).toBe('[13.665, 13.695]');
    expect(
      show(
        weightedSum([
          { iv: iv('10.00'), weight: 1 },
          { iv: iv('3.00'), weight: -1 },
        ]),
      ),
    ).toBe('[6.99, 7.01]');
  });

  test('meets and intersect use closed intervals', () => {
    const s = sum([iv('1.23'), iv('4.56'), iv('7.89')]);
    expect(meets(s, iv('13.70'))).toBe(true);
    expect(show(intersect(s, iv('13.70')))).toBe('[13.695, 13.695]');
    expect(meets(s, iv('13.71'))).toBe(false);
    expect(intersect(s, iv('13.71'))).toBeNull();
  });

  test('ratio', () => {
    expect(show(ratio(point(D(1)), point(D(4))))).toBe('[0.25, 0.25]');
    const r = ratio(iv('48.30'), iv('2070.00'))!;
    expect(r.lo.eq(exact('48.295').div('2070.005'))).toBe(true);
    expect(r.hi.eq(exact('48.305').div('2069.995'))).toBe(true);
    expect(r.lo.times(100).toDecimalPlaces(5).toString()).toBe('2.33309');
    expect(r.hi.times(100).toDecimalPlaces(5).toString()).toBe('2.33358');
    const neg = ratio(point(D(-6)), { lo: D(2), hi: D(3) })!;
    expect(show(neg)).toBe('[-3, -2]');
    expect(ratio(iv('1.00'), iv('0.00'))).toBeNull();
    expect(ratio(iv('1.00'), { lo: D(-1), hi: D(1) })).toBeNull();
  });

  test('roundHalfUp rounds ties away from zero and is exact', () => {
    expect(roundHalfUp(D('2.345'), 2).toString()).toBe('2.35');
    expect(roundHalfUp(D('-2.345'), 2).toString()).toBe('-2.35');
    expect(roundHalfUp(D('2.3449999999999999999999999'), 2).toString()).toBe('2.34');
    expect(roundHalfUp(D('1250'), -2).toString()).toBe('1300');
    expect(roundHalfUp(D('12345678901234567890.125'), 2).toString()).toBe('12345678901234567890.13');
  });
});

describe('checkSum (§5.2)', () => {
  test('worked example: 1.23 + 4.56 + 7.89', () => {
    const parts = plus('1.23', '4.56', '7.89');
    const ok = checkSum(A('13.68'), parts);
    expect(ok.verdict).toBe('holds');
    expect(ok.difference!.isZero()).toBe(true);
    const r69 = checkSum(A('13.69'), parts);
    expect(r69.verdict).toBe('rounding');
    expect(r69.difference!.toString()).toBe('0.01');
    expect(r69.allowance.toString()).toBe('0.02');
    const r70 = checkSum(A('13.70'), parts);
    expect(r70.verdict).toBe('rounding'); // touches at 13.695
    expect(r70.difference!.toString()).toBe('0.02');
    const r71 = checkSum(A('13.71'), parts);
    expect(r71.verdict).toBe('fails');
    expect(r71.expected!.toString()).toBe('13.68');
    expect(r71.actual!.toString()).toBe('13.71');
    expect(r71.difference!.toString()).toBe('0.03');
  });

  test('tolerance grows with the number of parts: (n + 1)·½·10⁻ᵈ', () => {
    for (const n of [2, 6, 20, 100]) {
      const parts = Array.from({ length: n }, () => ({ amount: A('1.00'), weight: 1 }));
      const bound = D(n + 1).times('0.005'); // allowance
      const edge = D(n).plus(bound.toDecimalPlaces(2, Decimal.ROUND_DOWN));
      const beyond = edge.plus('0.01');
      expect(checkSum(A(formatAmount(D(n), 2)), parts).verdict).toBe('holds');
      expect(checkSum(A(formatAmount(edge, 2)), parts).verdict).toBe(edge.eq(n) ? 'holds' : 'rounding');
      expect(checkSum(A(formatAmount(beyond, 2)), parts).verdict).toBe('fails');
      expect(checkSum(A('1.00'), parts).allowance.eq(bound)).toBe(true);
    }
  });

  test('weights: 6栏 = 1 + 2 − 3', () => {
    const parts = [
      { amount: A('100.00'), weight: 1 },
      { amount: A('20.00'), weight: 1 },
      { amount: A('30.00'), weight: -1 },
    ];
    expect(checkSum(A('90.00'), parts).verdict).toBe('holds');
    expect(checkSum(A('90.02'), parts).verdict).toBe('rounding');
    expect(checkSum(A('150.00'), parts).verdict).toBe('fails');
  });

  test('precision comes from each printed string', () => {
    // 965.8 (1 decimal) + 35.04 = 1000.84; allowance ½·0.1 + ½·0.01 + ½·0.01
    const v = checkSum(A('1,000.84'), plus('965.8', '35.04'));
    expect(v.verdict).toBe('holds');
    expect(checkSum(A('1,000.89'), plus('965.8', '35.04')).verdict).toBe('rounding');
    expect(checkSum(A('1,000.91'), plus('965.8', '35.04')).verdict).toBe('fails');
    expect(checkSum(A('1,000.84'), plus('965.8', '35.04')).allowance.toString()).toBe('0.06');
  });

  test('blank parts count as 0; blank or n/a total is total missing', () => {
    expect(checkSum(A('5.00'), plus('5.00', '', '—')).verdict).toBe('holds');
    const missing = checkSum(A(''), plus('5.00', '1.00'));
    expect(missing.verdict).toBe('cannot');
    expect(missing.actual).toBeNull();
    expect(missing.expected!.toString()).toBe('6');
    expect(checkSum(A('—'), plus('5.00')).verdict).toBe('cannot');
    expect(checkSum(A('合计'), plus('5.00')).verdict).toBe('cannot');
    expect(checkSum(A('5.00'), plus('5.00', '本表无数据')).verdict).toBe('cannot');
  });

  test('vacuous when everything is blank or zero', () => {
    expect(checkSum(A(''), plus('', '', '')).verdict).toBe('vacuous');
    expect(checkSum(A('0.00'), plus('0.00', '', '0')).verdict).toBe('vacuous');
    expect(checkSum(A('0.00'), plus('—', '')).verdict).toBe('vacuous');
    expect(checkSum(A('0.00'), []).verdict).toBe('vacuous');
    expect(checkSum(A('0.00'), plus('1.00', '-1.00')).verdict).toBe('holds');
    expect(checkSum(A('0.00'), plus('0.01')).verdict).toBe('rounding');
  });

  test('exact for long, large columns (no float drift)', () => {
    const parts = Array.from({ length: 1000 }, () => ({ amount: A('0.10'), weight: 1 }));
    expect(checkSum(A('100.00'), parts).verdict).toBe('holds');
    expect(checkSum(A('123,456,789,012,345,678.91'), plus('123,456,789,012,345,678.90', '0.01')).verdict).toBe('holds');
  });
});

describe('checkSame (§5.3)', () => {
  test('one unit apart at the same precision fails', () => {
    const v = checkSame(A('1,234.56'), A('1,234.57'));
    expect(v.verdict).toBe('fails');
    expect(v.difference!.toString()).toBe('0.01');
    expect(checkSame(A('-1,234.56'), A('-1,234.57')).verdict).toBe('fails');
  });
  test('a lower-precision restatement is consistent', () => {
    expect(checkSame(A('1234.6'), A('1,234.56')).verdict).toBe('rounding');
    expect(checkSame(A('1,234.56'), A('1234.6')).verdict).toBe('rounding');
    expect(checkSame(A('1235'), A('1,234.56')).verdict).toBe('rounding');
    expect(checkSame(A('1234.5'), A('1,234.56')).verdict).toBe('fails');
  });
  test('half-open boundaries follow half-up rounding', () => {
    // 1234.55 stands for [1234.545, 1234.555); 1234.6 for [1234.55, 1234.65): they share [1234.55, 1234.555)
    expect(checkSame(A('1234.55'), A('1234.6')).verdict).toBe('rounding');
    // 1234.54 → [1234.535, 1234.545) and 1234.6 → [1234.55, …): disjoint
    expect(checkSame(A('1234.54'), A('1234.6')).verdict).toBe('fails');
    // 1.25 → [1.245, 1.255); 1.2 → [1.15, 1.25): overlap [1.245, 1.25)
    expect(checkSame(A('1.25'), A('1.2')).verdict).toBe('rounding');
    // 1.15 → [1.145, 1.155); 1.2 → [1.15, 1.25): overlap [1.15, 1.155)
    expect(checkSame(A('1.15'), A('1.2')).verdict).toBe('rounding');
    // 1.14 → [1.135, 1.145); 1.1 → [1.05, 1.15): overlap
    expect(checkSame(A('1.14'), A('1.1')).verdict).toBe('rounding');
    // 1.150 stands for [1.1495, 1.1505): its lower part rounds to 1.1 at one decimal
    expect(checkSame(A('1.150'), A('1.1')).verdict).toBe('rounding');
    // adjacent figures at one precision share only a boundary point, which belongs to one of them alone
    expect(checkSame(A('1.2'), A('1.3')).verdict).toBe('fails');
    expect(checkSame(A('-1.2'), A('-1.3')).verdict).toBe('fails');
    // 0.00 stands for (-0.005, 0.005): both neighbours are disjoint from it
    expect(checkSame(A('0.00'), A('0.01')).verdict).toBe('fails');
    expect(checkSame(A('0.00'), A('-0.01')).verdict).toBe('fails');
    expect(checkSame(A('0.004'), A('0.00')).verdict).toBe('rounding');
    expect(checkSame(A('0.0049'), A('0.00')).verdict).toBe('rounding');
    expect(checkSame(A('0.005'), A('0.0')).verdict).toBe('rounding');
    expect(checkSame(A('0.05'), A('0.0')).verdict).toBe('rounding'); // [0.045, 0.05) rounds to 0.0
    expect(checkSame(A('-0.05'), A('0.0')).verdict).toBe('rounding');
    expect(checkSame(A('0.1'), A('0.0')).verdict).toBe('fails');
    expect(checkSame(A('-0.1'), A('0.0')).verdict).toBe('fails');
  });
  test('equal values hold, blanks, n/a', () => {
    expect(checkSame(A('1,234.56'), A('1234.56')).verdict).toBe('holds');
    expect(checkSame(A('10'), A('10.00')).verdict).toBe('holds');
    expect(checkSame(A(''), A('0.00')).verdict).toBe('vacuous');
    expect(checkSame(A(''), A('12.00')).verdict).toBe('fails');
    expect(checkSame(A('—'), A('12.00')).verdict).toBe('cannot');
    expect(checkSame(A('12.00'), A('本表无数据')).verdict).toBe('cannot');
  });
});

describe('checkPercent (§5.5, §5.6)', () => {
  test('48.30 / 2070.00', () => {
    const ok = checkPercent(A('2.3%'), A('48.30'), A('2,070.00'));
    expect(ok.verdict).toBe('holds');
    expect(ok.expected!.toString()).toBe('2.3');
    expect(ok.truncated).toBe(false);
    const bad = checkPercent(A('2.4%'), A('48.30'), A('2,070.00'));
    expect(bad.verdict).toBe('fails');
    expect(bad.difference!.toString()).toBe('0.1');
    expect(checkPercent(A('2.33%'), A('48.30'), A('2,070.00')).verdict).toBe('holds');
    // 2.334 (exact 2.33333…) — "2.34%" is neither rounding nor truncation
    expect(checkPercent(A('2.34%'), A('48.30'), A('2,070.00')).verdict).toBe('fails');
    // printed as a plain number (a 执行率 column)
    expect(checkPercent(A('2.3'), A('48.30'), A('2,070.00')).verdict).toBe('holds');
  });

  test('truncation flagged: exact 99.875 printed 99.87', () => {
    const v = checkPercent(A('99.87%'), A('798.99'), A('800.00'));
    expect(v.exact!.toString()).toBe('99.87375');
    expect(v.verdict).toBe('holds');
    const t = checkPercent(A('99.87%'), A('79.9'), A('80')); // 99.875 exactly
    expect(t.exact!.toString()).toBe('99.875');
    expect(t.expected!.toString()).toBe('99.88');
    expect(t.truncated).toBe(true);
    expect(t.verdict).toBe('rounding');
    expect(checkPercent(A('99.88%'), A('79.9'), A('80')).verdict).toBe('holds');
  });

  test('truncation explains what the intervals cannot: still flagged, not failed', () => {
    // exact 2/3 = 66.666…%; large inputs make the interval ratio tight (≈ 66.66666…66.66667), so 66.66 (interval
    // [66.655, 66.665]) does not meet it: only truncation explains the printed figure
    const v = checkPercent(A('66.66%'), A('200,000.00'), A('300,000.00'));
    expect(v.expected!.toString()).toBe('66.67');
    expect(v.truncated).toBe(true);
    expect(v.verdict).toBe('rounding');
  });

  test('rounding: the author used unrounded inputs', () => {
    // 1.004/3.006 = 33.40%; printed 1.00 and 3.01 give 33.22% exactly, but the intervals allow 33.40
    const v = checkPercent(A('33.40%'), A('1.00'), A('3.01'));
    expect(v.expected!.toString()).toBe('33.22');
    expect(v.verdict).toBe('rounding');
    expect(v.truncated).toBe(false);
    expect(v.range!.lo.lt(D('33.4')) && v.range!.hi.gt(D('33.4'))).toBe(true);
  });

  test('100% and 0% printed as integers; negative shares', () => {
    expect(checkPercent(A('100%'), A('1,234.56'), A('1,234.56')).verdict).toBe('holds');
    expect(checkPercent(A('0%'), A(''), A('1,234.56')).verdict).toBe('holds');
    expect(checkPercent(A('-3.5%'), A('-35.00'), A('1,000.00')).verdict).toBe('holds');
    expect(checkPercent(A('-3.6%'), A('-35.50'), A('1,000.00')).verdict).toBe('holds'); // -3.55 → -3.6
  });

  test('zero bases are undefined, never Infinity (§5.6)', () => {
    for (const base of ['0.00', '', '0']) {
      const v = checkPercent(A('100%'), A('35.04'), A(base));
      expect(v.verdict).toBe('undefined');
      expect(v.exact).toBeNull();
      expect(v.difference).toBeNull();
    }
    expect(checkPercent(A('0%'), A('0.00'), A('0.00')).verdict).toBe('undefined');
    expect(checkPercent(A('100%'), A(''), A('')).verdict).toBe('undefined');
  });

  test('cannot: missing percentage or unreadable inputs', () => {
    expect(checkPercent(A(''), A('1.00'), A('2.00')).verdict).toBe('cannot');
    expect(checkPercent(A('—'), A('1.00'), A('2.00')).verdict).toBe('cannot');
    expect(checkPercent(A('50%'), A('—'), A('2.00')).verdict).toBe('cannot');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// properties

/** an exact value with up to 6 decimals, |v| < 10^10 */
const exactValue = fc
  .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 6 }))
  .map(([m, s]) => new Decimal(`${m}e-${s}`));

describe('properties', () => {
  test('the sum of rounded parts always meets the rounded exact total (no false alarm, ever)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(exactValue, fc.constantFrom(1, -1)), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (items, d, dTotal, thousands) => {
          // the exact total: with decimal.js's default 20 significant digits a 17-digit part with decimals would be
          // rounded before the test even starts
          const total = items.reduce((acc, [v, w]) => acc.plus(exact(v).times(w)), exact(0));
          const parts = items.map(([v, w]) => ({ amount: parseAmount(formatAmount(v, d, { thousands })), weight: w }));
          const verdict = checkSum(parseAmount(formatAmount(total, dTotal, { thousands })), parts);
          expect(verdict.verdict).not.toBe('fails');
          expect(verdict.verdict).not.toBe('cannot');
          expect(verdict.difference!.abs().lte(verdict.allowance)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('a total changed by more than the allowance always fails', () => {
    fc.assert(
      fc.property(fc.array(exactValue, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (xs, d) => {
        const parts = xs.map((v) => ({ amount: parseAmount(formatAmount(v, d)), weight: 1 }));
        const printedSum = parts.reduce((a, p) => a.plus(p.amount.value!), new Decimal(0));
        const allowance = new Decimal(xs.length + 1).times(new Decimal(10).pow(-d)).div(2);
        const wrong = printedSum.plus(allowance).plus(new Decimal(10).pow(-d));
        expect(checkSum(parseAmount(formatAmount(wrong, d)), parts).verdict).toBe('fails');
      }),
      { numRuns: 200 },
    );
  });

  test('the same exact value printed at any two precisions is never reported as different', () => {
    fc.assert(
      fc.property(exactValue, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (v, d1, d2) => {
        const a = parseAmount(formatAmount(v, d1, { thousands: true }));
        const b = parseAmount(formatAmount(v, d2));
        expect(['holds', 'rounding', 'vacuous']).toContain(checkSame(a, b).verdict);
      }),
      { numRuns: 400 },
    );
  });

  test('a half-up rounded exact ratio always holds; the percentage from exact inputs never fails', () => {
    fc.assert(
      fc.property(exactValue, exactValue, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), (a, b, dIn, dP) => {
        const pa = parseAmount(formatAmount(a, dIn));
        const pb = parseAmount(formatAmount(b, dIn));
        if (pb.value!.isZero()) {
          expect(checkPercent(parseAmount('100%'), pa, pb).verdict).toBe('undefined');
          return;
        }
        // from the printed inputs: holds
        const printed = exact(pa.value!).times(100).div(pb.value!);
        const p1 = parseAmount(formatAmount(printed, dP) + '%');
        expect(checkPercent(p1, pa, pb).verdict).toBe('holds');
        // from the unrounded inputs: holds or rounding, never fails
        if (b.isZero()) return;
        const p2 = parseAmount(formatAmount(exact(a).times(100).div(b), dP) + '%');
        expect(['holds', 'rounding']).toContain(checkPercent(p2, pa, pb).verdict);
      }),
      { numRuns: 400 },
    );
  });
});
