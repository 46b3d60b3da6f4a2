import fc from 'fast-check';
import { parseNoteFormulas, type NoteFormula } from './parse';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** compact form for assertions: "row 27 = +1+2+3", "col* 6 = +1+2-3" (* = eachLine) */
function brief(f: NoteFormula): string {
  const terms = f.terms.map((t) => `${t.weight < 0 ? '-' : '+'}${t.index}`).join('');
  return `${f.axis}${f.eachLine ? '*' : ''} ${f.target} = ${terms}`;
}
const plusAll = (xs: number[]): string => xs.map((x) => `+${x}`).join('');

function expectFormulas(note: string, expected: string[]): NoteFormula[] {
  const { formulas, problems } = parseNoteFormulas(note);
  expect(problems).toEqual([]);
  expect(formulas.map(brief)).toEqual(expected);
  for (const f of formulas) {
    expect(note.slice(f.span[0], f.span[1])).toBe(f.source);
    expect(f.source).toMatch(/^[0-9０-９]/);
  }
  return formulas;
}

describe('printed examples of domain §4.2', () => {
  test('row formulas with full-width brackets, a range and a trailing 。', () => {
    expectFormulas('27行=（1+2+3+4+5+6+7+8）行；31行=（27+28+29）行；58行=（32+33+…+57）行；62行=（58+59+60）行。', [
      `row 27 = ${plusAll(range(1, 8))}`,
      'row 31 = +27+28+29',
      `row 58 = ${plusAll(range(32, 57))}`,
      'row 62 = +58+59+60',
    ]);
  });

  test('spaces and ASCII "..."', () => {
    expectFormulas('27 行 = (1+2+3+4+5+6+7+8) 行； 31 行 = (27+28+29) 行；58 行 = (32+33+...+57) 行', [
      `row 27 = ${plusAll(range(1, 8))}`,
      'row 31 = +27+28+29',
      `row 58 = ${plusAll(range(32, 57))}`,
    ]);
  });

  test('＝, colon separators and a mismatched bracket', () => {
    const fs = expectFormulas('27行＝（1+2+3+4+5+6+7+8）行：30行=(27+28+29）行：57行=（31+32+…+56）行', [
      `row 27 = ${plusAll(range(1, 8))}`,
      'row 30 = +27+28+29',
      `row 57 = ${plusAll(range(31, 56))}`,
    ]);
    expect(fs[0].source).toBe('27行＝（1+2+3+4+5+6+7+8）行');
    expect(fs[0].span).toEqual([0, 22]);
    expect(fs[1].source).toBe('30行=(27+28+29）行');
  });

  test('column formulas evaluated in every row, with a minus term', () => {
    expectFormulas('1栏各行=（2+3+4+5+6+7）栏各行。', ['col* 1 = +2+3+4+5+6+7']);
    expectFormulas('6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。', ['col* 6 = +1+2-3', 'col* 3 = +4+5']);
  });

  test('column formulas without 各行 (single data row)', () => {
    expectFormulas('1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。', [
      'col 1 = +2+3+6',
      'col 3 = +4+5',
      'col 7 = +8+9+12',
      'col 9 = +10+11',
    ]);
  });
});

describe('notes from the seed documents', () => {
  // grep -h -o '"[^"]*[行栏][^"]*"' seeds/transcribed/*.json | grep '='  (copied as literals)
  test.each<[string, string[]]>([
    ['1 栏 = (2+3+6) 栏；3 栏 = (4+5) 栏；7 栏 = (8+9+12) 栏；9 栏 = (10+11) 栏。', ['col 1 = +2+3+6', 'col 3 = +4+5', 'col 7 = +8+9+12', 'col 9 = +10+11']],
    ['1 栏各行 = (2+3) 栏各行。', ['col* 1 = +2+3']],
    ['1 栏各行 = (2+3+4+5+6) 栏各行。', ['col* 1 = +2+3+4+5+6']],
    ['1 栏各行 = (2+3+4+5+6+7) 栏各行。', ['col* 1 = +2+3+4+5+6+7']],
    ['1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。', ['col 1 = +2+3+6', 'col 3 = +4+5', 'col 7 = +8+9+12', 'col 9 = +10+11']],
    ['1栏各行=（2+3）栏各行。', ['col* 1 = +2+3']],
    ['27 行 = (1+2+3+4+5+6+7+8) 行； 31 行 = (27+28+29) 行；', [`row 27 = ${plusAll(range(1, 8))}`, 'row 31 = +27+28+29']],
    ['27行=（1+2+3）行；28行=（29+30+31）行；32行=（27+28）行；', ['row 27 = +1+2+3', 'row 28 = +29+30+31', 'row 32 = +27+28']],
    [
      '27行=（1+2+3）行；28行=（29+30+31）行；32行=（27+28）行；59行=（33+34+…+58）行；64行=（59+60）行',
      ['row 27 = +1+2+3', 'row 28 = +29+30+31', 'row 32 = +27+28', `row 59 = ${plusAll(range(33, 58))}`, 'row 64 = +59+60'],
    ],
    [
      '27行＝（1+2+3+4+5+6+7+8）行：30行=(27+28+29）行：57行=（31+32+…+56）行； 60行=（57+58+59）行',
      [`row 27 = ${plusAll(range(1, 8))}`, 'row 30 = +27+28+29', `row 57 = ${plusAll(range(31, 56))}`, 'row 60 = +57+58+59'],
    ],
    ['58 行 = (32+33+...+57) 行； 62 行 = (58+59+60) 行。', [`row 58 = ${plusAll(range(32, 57))}`, 'row 62 = +58+59+60']],
    ['59行=（33+34+…+58）行；64行=（59+60）行。', [`row 59 = ${plusAll(range(33, 58))}`, 'row 64 = +59+60']],
    ['6 栏各行 = (1+2-3) 栏各行；3 栏各行 = (4+5) 栏各行。', ['col* 6 = +1+2-3', 'col* 3 = +4+5']],
    ['6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。', ['col* 6 = +1+2-3', 'col* 3 = +4+5']],
    ['注：本表反映部门本年度一般公共预算财政拨款支出情况。 1栏各行=（2+3）栏各行。', ['col* 1 = +2+3']],
    ['注：本表反映部门本年度取得的各项收入情况。 1栏各行=（2+3+4+5+6+7）栏各行。', ['col* 1 = +2+3+4+5+6+7']],
    ['注：本表反映部门本年度各项支出情况。 1栏各行=（2+3+4+5+6）栏各行。', ['col* 1 = +2+3+4+5+6']],
    // transcribers' remarks that quote formulas inside English prose
    ['Empty table (no fund income/expenditure). No formula note (6栏=(1+2-3)栏; 3栏=(4+5)栏) printed.', ['col 6 = +1+2-3', 'col 3 = +4+5']],
    ['No column-formula note (1栏各行=（2+3+4+5+6）栏各行) is printed.', ['col* 1 = +2+3+4+5+6']],
    ["No column-formula note (1栏各行=（2+…+7）栏各行) is printed. In the extraction the header labels sit one tab left of the 栏次 numbers; the 栏次 row (类 款 项 栏次 1 … 7) fixes the mapping used here.", ['col* 1 = +2+3+4+5+6+7']],
  ])('%s', (note, expected) => {
    expectFormulas(note, expected);
  });

  test('prose with "=" that is not a formula yields nothing', () => {
    for (const note of [
      '根据市局工作要求，需聘请第三方力量对发现问题的定点医药机构、医疗救助资金进行深入核查，及内审需要2500/家×48家次(全区两定医药机构约400家，全年审计数按照监管总数的12%进行估算）=12万元；（2）医疗专家费用每人300元/天×60人次=1.8万元；（3）医疗救助医中医后救助需聘请第三方审核4.32万元；',
      '1、全区医保基金及全区医疗救助资金专项清算及稽核工作18.12万元： (1) 审计咨询12万元：根据市局工作要求，需聘请第三方力量对发现问题的定点医药机构、医疗救助资金进行深入核查，及内审需要2500元/家×48家次(全区两定医药机构约400家，全年审计数按照监管总数的12%进行估算）=12万元；（2）医疗专家费用每人300元/天×60人次=1.8万元；（3）医疗救助医中医后救助需聘请第三方审核4.32万元。',
      'two-sided: income lines 1-31 (栏次 1 = 决算数), expenditure-by-function lines 32-62 (栏次 2 = 决算数)',
      'three blocks side by side: block 1 = 人员经费 (301, 303); blocks 2+3 = 公用经费 (302 | 307, 310, 312, 399).',
      '单价 150 元 × 200 人次 = 3 万元',
      '本套报表金额单位转换时可能存在尾数误差。',
      '',
    ]) {
      expect(parseNoteFormulas(note)).toEqual({ formulas: [], problems: [] });
    }
  });

  test('a quoted formula stub is a problem, not a formula', () => {
    const note = 'No row-formula notes (27行=… etc.) are printed under this table.';
    const { formulas, problems } = parseNoteFormulas(note);
    expect(formulas).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].text.startsWith('27行=…')).toBe(true);
    expect(note.slice(problems[0].span[0], problems[0].span[1])).toBe(problems[0].text);
  });
});

describe('variants', () => {
  test.each<[string, string[]]>([
    ['31行=(27+28+29)行', ['row 31 = +27+28+29']],
    ['58行=(32+33+⋯+57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['58行=(32+……+57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['58行=(32+⋯⋯+57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['58行=(32+．．．+57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['58行=(32+···+57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['58行=(32…57)行', [`row 58 = ${plusAll(range(32, 57))}`]],
    ['31行=27+28+29行', ['row 31 = +27+28+29']],
    ['31行=(27+28+29行', ['row 31 = +27+28+29']],
    ['31行=27+28+29)行', ['row 31 = +27+28+29']],
    ['31行=【27+28+29】行', ['row 31 = +27+28+29']],
    ['31行=(27+28+29)', ['row 31 = +27+28+29']],
    ['31行=(27＋28－29)行', ['row 31 = +27+28-29']],
    ['31行=(27+28−29)行', ['row 31 = +27+28-29']],
    ['３１行＝（２７＋２８＋２９）行', ['row 31 = +27+28+29']],
    ['1栏=2栏+3栏+6栏。', ['col 1 = +2+3+6']],
    ['1栏各行=2栏各行+3栏各行', ['col* 1 = +2+3']],
    ['1栏各行=(2+3)栏', ['col* 1 = +2+3']],
    ['1栏=(2+3)栏各行', ['col* 1 = +2+3']],
    ['7栏=8栏', ['col 7 = +8']],
    ['31行=(27+28+29)行，32行=(1+2)行,33行=(3+4)行:34行=(5+6)行;35行=(7+8)行', ['row 31 = +27+28+29', 'row 32 = +1+2', 'row 33 = +3+4', 'row 34 = +5+6', 'row 35 = +7+8']],
    ['31行=(27+28+29)行\n32行=(1+2)行\r\n33行=(3+4)行', ['row 31 = +27+28+29', 'row 32 = +1+2', 'row 33 = +3+4']],
    ['31行=(27+28+29)行32行=(1+2)行', ['row 31 = +27+28+29', 'row 32 = +1+2']],
    ['31\u3000行\u00a0=\u3000(27 + 28 + 29)\u3000行', ['row 31 = +27+28+29']],
    ['10行=(1-2+…+4)行', ['row 10 = +1-2-3-4']],
  ])('%j', (note, expected) => {
    expectFormulas(note, expected);
  });

  test('spans point into the original text across full-width and astral characters', () => {
    const note = '𠀋注：３１行＝（２７＋２８）行。';
    const [f] = expectFormulas(note, ['row 31 = +27+28']);
    expect(f.source).toBe('３１行＝（２７＋２８）行');
  });
});

describe('problems', () => {
  test.each([
    ['27行=（1+2+）行', '27行=（1+2+）行'],
    ['27行=（a+b）行', '27行=（a+b）行'],
    ['27行=', '27行='],
    ['27行=（1+2+…）行', '27行=（1+2+…）行'],
    ['27行=（5+…+3）行', '27行=（5+…+3）行'],
    ['27行=（1-…-5）行', '27行=（1-…-5）行'],
    ['27行=（1+…+99999）行', '27行=（1+…+99999）行'],
    ['27行=（1+2）栏', '27行=（1+2）栏'],
    ['1栏=2栏+3行', '1栏=2栏+3行'],
    ['27行=（1.5+2）行', '27行=（1.5+2）行'],
    ['27行=1+2', '27行=1+2'],
    ['0行=（1+2）行', '0行=（1+2）行'],
    ['27行=（0+2）行', '27行=（0+2）行'],
    ['27行=(1+2)行+3行', '27行=(1+2)行+3行'],
  ])('%j', (note, text) => {
    const { formulas, problems } = parseNoteFormulas(note);
    expect(formulas).toEqual([]);
    expect(problems.map((p) => p.text)).toEqual([text]);
    for (const p of problems) expect(note.slice(p.span[0], p.span[1])).toBe(p.text);
  });

  test('a target-less formula is reported with the word in its place', () => {
    const { formulas, problems } = parseNoteFormulas('注：合计=（1+2）行；3行=（4+5）行');
    expect(formulas.map(brief)).toEqual(['row 3 = +4+5']);
    expect(problems.map((p) => p.text)).toEqual(['合计=（1+2）行']);
  });

  test('a bad fragment does not hide the good ones around it', () => {
    const { formulas, problems } = parseNoteFormulas('27行=（1+2+3）行；28行=（29+）行；32行=（27+28）行。');
    expect(formulas.map(brief)).toEqual(['row 27 = +1+2+3', 'row 32 = +27+28']);
    expect(problems.map((p) => p.text)).toEqual(['28行=（29+）行']);
  });
});

describe('properties', () => {
  test('random strings never throw', () => {
    const alphabet = fc.constantFrom(...'0123456789行栏各=＝()（）+-＋－…⋯.。;；:：,，\n 注合计'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: alphabet, maxLength: 60 })), (s) => {
        const { formulas, problems } = parseNoteFormulas(s);
        for (const f of [...formulas, ...problems]) {
          expect(f.span[0]).toBeGreaterThanOrEqual(0);
          expect(f.span[1]).toBeLessThanOrEqual(s.length);
          expect(f.span[0]).toBeLessThanOrEqual(f.span[1]);
        }
        for (const f of formulas) {
          expect(f.terms.length).toBeGreaterThan(0);
          expect(f.target).toBeGreaterThan(0);
          for (const t of f.terms) expect(t.index).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const spaces = fc.constantFrom('', ' ', '\u3000');
  const eq = fc.constantFrom('=', '＝');
  const open = fc.constantFrom('(', '（', '');
  const close = fc.constantFrom(')', '）');
  const sep = fc.constantFrom('；', ';', '：', ':', '，', '\n');
  const plus = fc.constantFrom('+', '＋');
  const minus = fc.constantFrom('-', '－', '−');
  const dots = fc.constantFrom('…', '……', '...', '⋯');

  const formulaArb = fc
    .record({
      unit: fc.constantFrom<'行' | '栏'>('行', '栏'),
      each: fc.boolean(),
      target: fc.integer({ min: 1, max: 200 }),
      terms: fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.boolean(), fc.integer({ min: 0, max: 30 })), {
        minLength: 1,
        maxLength: 6,
      }),
      s: spaces,
      eq,
      open,
      close,
      plus,
      minus,
      dots,
    })
    .map((r) => {
      // a term is [start, negative?, range length]; ranges only on positive terms
      const each = r.unit === '栏' && r.each;
      const suffix = each ? '各行' : '';
      const expected: Array<[number, number]> = [];
      let expr = '';
      r.terms.forEach(([start, neg, len], i) => {
        const negative = neg && len === 0;
        if (i > 0) expr += negative ? r.minus : r.plus;
        else if (negative) expr += r.minus;
        if (len === 0) {
          expr += `${start}`;
          expected.push([start, negative ? -1 : 1]);
        } else {
          expr += `${start}${r.plus}${r.dots}${r.plus}${start + len}`;
          for (let k = start; k <= start + len; k++) expected.push([k, 1]);
        }
      });
      const text = `${r.target}${r.s}${r.unit}${suffix}${r.s}${r.eq}${r.s}${r.open}${expr}${r.close}${r.s}${r.unit}${suffix}`;
      return { text, axis: r.unit === '行' ? 'row' : 'col', each, target: r.target, expected };
    });

  test('generated formulas in every printed variant parse back exactly', () => {
    fc.assert(
      fc.property(fc.array(formulaArb, { minLength: 1, maxLength: 5 }), sep, fc.boolean(), (fs, separator, prose) => {
        const note = (prose ? '注：本表反映部门本年度收支情况。 ' : '') + fs.map((f) => f.text).join(separator) + '。';
        const { formulas, problems } = parseNoteFormulas(note);
        expect(problems).toEqual([]);
        expect(formulas).toHaveLength(fs.length);
        formulas.forEach((f, i) => {
          expect(f.axis).toBe(fs[i].axis);
          expect(f.eachLine).toBe(fs[i].each);
          expect(f.target).toBe(fs[i].target);
          expect(f.terms.map((t) => [t.index, t.weight])).toEqual(fs[i].expected);
          expect(f.source).toBe(fs[i].text.trimEnd());
        });
      }),
      { numRuns: 500 },
    );
  });
});
