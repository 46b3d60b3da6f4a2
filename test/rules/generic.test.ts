/** Scenarios for the generic pack: formulas printed in table notes, and subject-code footing. */
import { memoryWorkbook, type MemorySheetSpec } from '../../src/adapters/memory';
import { a1 } from '../../src/model/address';
import { checkWorkbook } from '../../src/rules';
import { numberList } from '../../src/rules/functions/note-formulas';
import { genericPack } from '../../src/rules/packs/generic';
import { juesuanBook } from './books/juesuan';
import { shanghaiBudget } from './books/yusuan';
import { assertCoverage, money, patch, sheet, table, testRule, type Num } from './harness';

const wuhan = juesuanBook({ formulas: true });
const wuhanWide = juesuanBook({ formulas: true, threePublic: 'wide' });

testRule('generic.declared-formula', [
  { name: 'Wuhan 决算 book: every printed formula holds', sheets: wuhan, minHolds: 80 },
  {
    name: 'row formula of a two-sided table (J1 9行 and 12行) fails when 本年收入合计 is mistyped',
    sheets: patch(wuhan, { '表1!C14': '1,228.18' }),
    expect: [
      { severity: 'error', cell: '表1!C14', suspect: '表1!C14', proposed: '1228.81', signature: 'transposition' },
      { severity: 'error', cell: '表1!C17', suspect: '表1!C14', proposed: '1228.81' },
    ],
  },
  {
    name: 'range formula 19行=（13+14+…+18）行 over the expenditure half',
    sheets: patch(wuhan, { '表1!F8': '1,153.59' }),
    expect: [{ severity: 'error', cell: '表1!F14', suspect: '表1!F8', proposed: '1153.95' }],
  },
  {
    name: 'row formulas 5行=（6+7+8）行 and 9行=（4+5）行 of J4 (年初 by fund)',
    sheets: patch(wuhan, { '表4!C12': '50.00' }),
    expect: [
      { severity: 'error', cell: '表4!C12', suspect: '表4!C12', proposed: '5.00', signature: 'scale-10' },
      { severity: 'error', cell: '表4!C16', suspect: '表4!C12', proposed: '5.00', signature: 'scale-10' },
    ],
  },
  {
    name: 'N栏各行 formula (J5 1栏各行=（2+3）栏各行) fails on the row with a wrong figure',
    sheets: patch(wuhan, { '表5!D16': '146.48' }),
    expect: [{ severity: 'error', cell: '表5!C16', suspect: '表5!D16', proposed: '164.48' }],
  },
  {
    name: 'N栏各行 formula with a subtraction (J8 6栏各行=（1+2-3）栏各行)',
    sheets: patch(wuhan, { '表8!H9': '50.00' }),
    expect: [{ severity: 'error', cell: '表8!H9', suspect: '表8!H9', proposed: '5.00' }],
  },
  {
    name: '三公 N栏 formula (1栏=（2+3+6）栏) on the single data row',
    sheets: patch(wuhanWide, { '表7!B7': '20.00' }),
    expect: [{ severity: 'error', cell: '表7!A7', suspect: '表7!B7', proposed: '2.00', signature: 'scale-10' }],
  },
  { name: '三公 N栏 formulas hold on the single data row', sheets: wuhanWide, minHolds: 4 },
  {
    name: 'a 0.01 difference within the rounding of 3 figures is only a rounding note',
    sheets: patch(wuhan, { '表5!C16': '164.49' }),
    expect: [{ severity: 'info', verdict: 'rounding', cell: '表5!C16' }],
  },
  {
    name: 'messages render in en-US',
    lang: 'en-US',
    sheets: patch(wuhan, { '表5!D16': '146.48' }),
    expect: [{ severity: 'error', cell: '表5!C16', suspect: '表5!D16' }],
  },
]);

// —— formulas that cannot be checked ————————————————————————————————————————————————————

/** The address ("表1!A19") of the cell on a sheet that prints exactly `text` (a note line): a scenario aims at it. */
function cellWithText(sheets: MemorySheetSpec[], name: string, text: string): string {
  const s = sheets.find((x) => x.name === name)!;
  for (let r = 0; r < s.rows.length; r++) {
    const col = s.rows[r].findIndex((v) => v === text);
    if (col >= 0) return `${name}!${a1(r + 1, col + 1)}`;
  }
  throw new Error(`no cell "${text}" on ${name}`);
}

/** The Wuhan book with one formula note line reprinted: [the note cell, the workbook]. */
function reprinted(name: string, formula: string, printed: string): [string, MemorySheetSpec[]] {
  const at = cellWithText(wuhan, name, formula);
  return [at, patch(wuhan, { [at]: printed })];
}

const J1_FORMULAS = '9行=（1+2+3+4+5+6+7+8）行；12行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21）行。';
const [j1Note, j1Unreadable] = reprinted('表1', J1_FORMULAS, '9行=（1+…+）行；12行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21）行。');
const [, j1NoLine] = reprinted('表1', J1_FORMULAS, '9行=（1+2+3+4+5+6+7+8）行；25行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21）行。');
const [, j1Split] = reprinted('表1', J1_FORMULAS, '9行=（1+2+3+4+5+6+7+8+13）行；12行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21）行。');
const [, j1Spacer] = reprinted('表1', J1_FORMULAS, '9行=（1+2+3+4+5+6+7+8）行；12行=（9+10+11）行；19行=（13+14+…+18）行；22行=（19+20+21+23）行。');
const [j5Note, j5Trailing] = reprinted('表5', '1栏各行=（2+3）栏各行。', '1栏各行=（2+3）栏各行；5栏=2栏+。');
const [, j5NoColumn] = reprinted('表5', '1栏各行=（2+3）栏各行。', '1栏各行=（2+3+4）栏各行。');
const [, j5NoTarget] = reprinted('表5', '1栏各行=（2+3）栏各行。', '4栏各行=（2+3）栏各行。');
const [, j5RowFormula] = reprinted('表5', '1栏各行=（2+3）栏各行。', '1行=（2+3）行。');

testRule('generic.declared-formula-readable', [
  {
    name: 'Wuhan 决算 book: every printed formula is read and applied',
    sheets: wuhan,
    inspects: ['generic.declared-formula'],
    minHolds: 80,
  },
  {
    name: 'an unreadable fragment (9行=（1+…+）行) is a warning on the note; the readable formulas beside it are still checked',
    sheets: j1Unreadable,
    inspects: ['generic.declared-formula'],
    minHolds: 3,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', verdict: 'cannot', cell: j1Note, suspect: null }],
  },
  {
    name: 'a trailing operator (5栏=2栏+) after a good formula: one warning, the good formula is still checked',
    sheets: j5Trailing,
    inspects: ['generic.declared-formula'],
    minHolds: 10,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j5Note }],
  },
  {
    name: 'a total line the table does not print (25行) is a warning',
    sheets: j1NoLine,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j1Note }],
  },
  {
    name: 'a row formula adding a line of the other half (9行 = … + 13行) is a warning',
    sheets: j1Split,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j1Note }],
  },
  {
    name: 'an added line printed nowhere (23行) is checked as blank: an information note, the formula holds',
    sheets: j1Spacer,
    inspects: ['generic.declared-formula'],
    expect: [{ severity: 'info', status: 'cannot-evaluate', cell: j1Note }],
  },
  {
    name: 'a column the table does not print (4栏) is a warning on the note, not a relation',
    sheets: j5NoColumn,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', verdict: 'cannot', cell: j5Note }],
  },
  {
    name: 'a total column the table does not print (4栏各行=…) is a warning',
    sheets: j5NoTarget,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j5Note }],
  },
  {
    name: 'a row formula under a table without 行次 is a warning',
    sheets: j5RowFormula,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j5Note }],
  },
  {
    name: 'an empty table (本表无数据) has nothing to check: its formulas are not reported',
    sheets: [
      sheet(
        '表9',
        table({
          title: '2022 年度国有资本经营预算财政拨款支出决算表（表 9）',
          labels: ['功能分类科目编码', '科目名称'],
          columns: ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出'],
          lanci: true,
          rows: [[null, '合计', null, null, null]],
          notes: ['注：本部门本年度无国有资本经营预算财政拨款支出，故本表无数据。', '1栏各行=（2+…+）栏各行。'],
        }),
      ),
    ],
    minHolds: 0,
  },
  {
    name: 'messages render in en-US',
    lang: 'en-US',
    sheets: j1Unreadable,
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: j1Note }],
  },
]);

describe('generic.declared-formula-readable: the findings', () => {
  const of = (sheets: MemorySheetSpec[], lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
    checkWorkbook(memoryWorkbook(sheets), { lang }).findings.filter((f) => f.rule === 'generic.declared-formula-readable');

  it('cite the note cell and the formula as printed, in zh-CN and en-US', () => {
    expect(of(j1Unreadable).map((f) => [f.location.cell, f.text, f.message])).toEqual([
      [j1Note.split('!')[1], '9行=（1+…+）行', '表注公式“9行=（1+…+）行”无法识别，未作核对，请人工核对。'],
    ]);
    expect(of(j1Unreadable, 'en-US')[0].message).toBe('The formula "9行=（1+…+）行" in the table note cannot be read, so it was not checked; check it by hand.');
    expect(of(j1NoLine).map((f) => f.message)).toEqual(['表注公式“25行=（9+10+11）行”中的第 25 行在表中找不到，未作核对。']);
    expect(of(j1NoLine, 'en-US').map((f) => f.message)).toEqual([
      'The formula "25行=（9+10+11）行" in the table note names line 25, which the table does not have, so it was not checked.',
    ]);
    expect(of(j1Split).map((f) => f.message)).toEqual([
      '表注公式“9行=（1+2+3+4+5+6+7+8+13）行”中的第 13 行与合计行不在表的同一侧（收入/支出），公式可能有误，未作核对。',
    ]);
    expect(of(j1Spacer).map((f) => f.message)).toEqual(['表注公式“22行=（19+20+21+23）行”中的第 23 行表中没有印出，核对时按空白（0）计算。']);
    expect(of(j5NoColumn).map((f) => f.message)).toEqual(['表注公式“1栏各行=（2+3+4）栏各行”中的第 4 栏在表中找不到，未作核对。']);
    expect(of(j5RowFormula, 'en-US').map((f) => f.message)).toEqual([
      'The formula "1行=（2+3）行" in the table note adds lines by number (行次), but the table prints no line numbers, so it was not checked.',
    ]);
  });

  it('a formula whose column is missing generates no relation (it is reported, not half-checked)', () => {
    const r = checkWorkbook(memoryWorkbook(j5NoColumn));
    expect(r.engine.relations.filter((x) => x.rule === 'generic.declared-formula' && x.target.ref.sheet === '表5')).toEqual([]);
  });

  it('numbers are listed with ranges folded', () => {
    expect(numberList([9, 5, 6, 7, 12, 13], 'zh-CN')).toBe('5～7、9、12、13');
    expect(numberList([9, 5, 6, 7, 12, 13], 'en-US')).toBe('5–7, 9, 12, 13');
  });
});

// —— code footing ——————————————————————————————————————————————————————————————————————

/** Shanghai-style 支出预算总表: codes split 类 | 款 | 项, 合计 at the bottom (元). */
function splitCodes(over: Record<string, Num> = {}) {
  const s = [
    sheet(
      'T3',
      table({
        title: '2026年预算单位支出预算总表',
        dept: '编制单位：上海市测试局',
        unit: '元',
        labels: ['类', '款', '项', '功能分类科目名称'],
        columns: ['支出预算/合计', '支出预算/基本支出', '支出预算/项目支出'],
        mergeLabels: true,
        rows: [
          ['204', null, null, '公共安全支出', 7000000, 5000000, 2000000],
          ['204', '06', null, '司法', 7000000, 5000000, 2000000],
          ['204', '06', '01', '行政运行', 5000000, 5000000, null],
          ['204', '06', '04', '基层司法业务', 2000000, null, 2000000],
          ['208', null, null, '社会保障和就业支出', 1000000, 1000000, null],
          ['208', '05', null, '行政事业单位养老支出', 1000000, 1000000, null],
          ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 1000000, 1000000, null],
          ['合计', null, null, null, 8000000, 6000000, 2000000],
        ],
      }),
    ),
  ];
  return patch(s, over);
}

/** A Wuhan 05表 that prints 类 and 项 rows but leaves out the 款 level of 210. */
function missingMiddle(over: Record<string, Num> = {}) {
  const s = [
    sheet(
      '预算05表',
      table({
        title: '2024年一般公共预算支出表(分功能科目)',
        labels: ['科目编码', '科目名称'],
        columns: ['合计', '基本支出/小计', '基本支出/人员经费', '基本支出/公用经费', '项目支出'],
        mergeLabels: true,
        rows: [
          ['合计', null, 43.64, 43.64, 43.64, null, null],
          ['210', '卫生健康支出', 14.68, 14.68, 14.68, null, null],
          ['2101101', '行政单位医疗', 5.65, 5.65, 5.65, null, null],
          ['2101103', '公务员医疗补助', 9.03, 9.03, 9.03, null, null],
          ['221', '住房保障支出', 28.96, 28.96, 28.96, null, null],
          ['22102', '住房改革支出', 28.96, 28.96, 28.96, null, null],
          ['2210201', '住房公积金', 17.88, 17.88, 17.88, null, null],
          ['2210203', '购房补贴', 11.08, 11.08, 11.08, null, null],
        ],
      }),
    ),
  ];
  return patch(s, over);
}

/** Code and name printed in one cell ("208 社会保障和就业支出"). */
function codeInLabel(over: Record<string, Num> = {}) {
  const s = [
    sheet(
      '表3',
      table({
        title: '支出决算表',
        labels: ['项目'],
        columns: ['本年支出合计', '基本支出', '项目支出'],
        rows: [
          ['合计', 30.0, 20.0, 10.0],
          ['208 社会保障和就业支出', 20.0, 20.0, null],
          ['20805 行政事业单位养老支出', 20.0, 20.0, null],
          ['210 卫生健康支出', 10.0, null, 10.0],
          ['21015 医疗保障管理事务', 10.0, null, 10.0],
        ],
      }),
    ),
  ];
  return patch(s, over);
}

testRule('generic.code-footing', [
  { name: '决算 book: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 in every column', sheets: juesuanBook(), minHolds: 60 },
  {
    name: 'a wrong 项 breaks its 款',
    sheets: patch(juesuanBook(), { '表3!D15': '164.84' }),
    expect: [{ severity: 'error', cell: '表3!D14', suspect: '表3!D15', proposed: '164.48', signature: 'transposition' }],
  },
  {
    name: 'a 0.01 difference on a 项 is only a rounding note on its 款',
    sheets: patch(juesuanBook(), { '表3!C15': '164.49' }),
    expect: [{ severity: 'info', verdict: 'rounding', cell: '表3!C14' }],
  },
  { name: 'split codes (类 | 款 | 项 columns) foot', sheets: splitCodes(), minHolds: 8 },
  {
    name: 'split codes: a wrong 款 breaks its 类 and its own 项 sum',
    sheets: splitCodes({ 'T3!E6': '2,000,000.00' }),
    expect: [
      { severity: 'error', cell: 'T3!E5', suspect: 'T3!E6', proposed: '7000000.00' },
      { severity: 'error', cell: 'T3!E6', suspect: 'T3!E6', proposed: '7000000.00' },
    ],
  },
  {
    name: 'split codes: 合计 at the bottom = Σ 类, a 0.01 difference is rounding',
    sheets: splitCodes({ 'T3!E12': '8,000,000.01' }),
    expect: [{ severity: 'info', verdict: 'rounding', cell: 'T3!E12' }],
  },
  { name: 'a missing 款 level: the 项 rows foot directly to their 类', sheets: missingMiddle(), minHolds: 6 },
  {
    name: 'a missing 款 level: a wrong 项 breaks the 类 it belongs to',
    sheets: missingMiddle({ '预算05表!E8': '9.30' }),
    expect: [{ severity: 'error', cell: '预算05表!E6', suspect: '预算05表!E8', proposed: '9.03' }],
  },
  { name: 'code printed in the label cell', sheets: codeInLabel(), minHolds: 4 },
  {
    name: 'code printed in the label cell: a wrong 类 breaks 合计 = Σ 类 and 类 = Σ 款',
    sheets: codeInLabel({ '表3!B5': '2.00' }),
    expect: [
      { severity: 'error', cell: '表3!B4', suspect: '表3!B5', proposed: '20.00', signature: 'scale-10' },
      { severity: 'error', cell: '表3!B5', suspect: '表3!B5', proposed: '20.00', signature: 'scale-10' },
    ],
  },
]);

// —— unit labels ————————————————————————————————————————————————————————————————————————

/** A copy of the workbook whose sheet `name` prints every amount `k` times larger (its figures in another unit). */
function scaledSheet(sheets: MemorySheetSpec[], name: string, k: number): MemorySheetSpec[] {
  return sheets.map((s) =>
    s.name !== name
      ? s
      : {
          ...s,
          rows: s.rows.map((r) =>
            r.map((v) => {
              if (v === null || typeof v !== 'object' || typeof v.value !== 'number') return v;
              const value = Math.round(v.value * k * 100) / 100;
              return { ...v, value, text: money(value) };
            }),
          ),
        },
  );
}

const juesuan = juesuanBook();
const shanghai = shanghaiBudget();

testRule('generic.unit-label', [
  { name: 'a 万元 决算 book whose ties hold: no finding', sheets: juesuan, inspects: ['XJ-09.total', 'XJ-09.class', 'XJ-14'], minHolds: 5 },
  {
    name: 'a Shanghai budget book printing 元 tables and a 万元 三公 table: no finding',
    sheets: shanghai,
    inspects: ['XW-07.basic', 'XS-07.31013'],
    minHolds: 2,
  },
  {
    name: '表5 labelled 元 in a 万元 book, its figures in 万元: the label is wrong, the unit cell is the suspect',
    sheets: patch(juesuan, { '表5!E2': '金额单位：元' }),
    expect: [{ severity: 'error', verdict: 'fails', cell: '表5!E2', suspect: '表5!E2', proposed: '金额单位：万元', signature: 'unit-label' }],
  },
  {
    name: '表5 labelled 万元 like the rest, its figures in 元: the label is wrong',
    sheets: scaledSheet(juesuan, '表5', 10000),
    expect: [{ severity: 'error', cell: '表5!E2', suspect: '表5!E2', proposed: '金额单位：元', signature: 'unit-label' }],
  },
  {
    name: 'the Shanghai 三公 table labelled 元, its figures in 万元: the label is wrong',
    sheets: patch(shanghai, { 'T9!G2': '金额单位：元' }),
    expect: [{ severity: 'error', cell: 'T9!G2', suspect: 'T9!G2', proposed: '金额单位：万元' }],
  },
  {
    name: 'only two tables tied, one 元 and one 万元, figures equal: which label is wrong is unknown, one warning',
    sheets: patch(juesuanBook({ omit: ['表1', '表2', '表3', '表6', '表7', '表8', '表9'] }), { '表5!E2': '金额单位：元' }),
    expect: [{ severity: 'warning', verdict: 'fails', cell: '表4!I2', suspect: null }],
  },
  {
    name: 'one figure typed in 元 in a 万元 table is a slipped figure, not a wrong label',
    sheets: patch(juesuan, { '表5!C6': '11,717,700.00' }),
    inspects: ['XJ-14'],
  },
  {
    name: 'messages render in en-US',
    lang: 'en-US',
    sheets: patch(juesuan, { '表5!E2': '金额单位：元' }),
    expect: [{ severity: 'error', cell: '表5!E2', suspect: '表5!E2' }],
  },
]);

describe('generic.unit-label: the findings', () => {
  const of = (sheets: MemorySheetSpec[], lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
    checkWorkbook(memoryWorkbook(sheets), { lang }).findings.filter((f) => f.rule === 'generic.unit-label');

  it('name the table, its label, the unit its figures are in, the tables tied to it and one example', () => {
    const wrong = patch(juesuan, { '表5!E2': '金额单位：元' });
    const [zh] = of(wrong);
    expect(zh.message).toBe(
      '“一般公共预算财政拨款支出决算表”的金额单位很可能标错：标注为“元”，但与“财政拨款收入支出决算总表”、“支出决算表”、“政府性基金预算财政拨款收入支出决算表”、' +
        '“一般公共预算财政拨款基本支出决算表”的 6 项表间核对只有把本表数字按“万元”理解才相符（如 表5!C6 为 1,171.77（元），表4!G11 为 1,171.77（万元））。',
    );
    expect(zh.suspect).toEqual({ sheet: '表5', cell: 'E2', proposed: '金额单位：万元', reason: '金额单位很可能应为“万元”。', signature: 'unit-label' });
    // the unit cell, then the figures of the ties that agree only in the other unit
    expect(zh.cells.slice(0, 3)).toEqual([
      { sheet: '表5', cell: 'E2' },
      { sheet: '表5', cell: 'C6' },
      { sheet: '表4', cell: 'G11' },
    ]);
    const [en] = of(wrong, 'en-US');
    expect(en.message).toBe(
      'The unit label of "General public budget appropriation expenditure (final accounts)" is probably wrong: it says 元, but 6 cross-table checks with ' +
        '"Fiscal appropriation income and expenditure summary (final accounts)", "Expenditure (final accounts)", ' +
        '"Government fund budget appropriation income and expenditure (final accounts)", "General public budget appropriation basic expenditure (final accounts)" ' +
        'agree only when its figures are read in 万元 (e.g. 表5!C6 is 1,171.77 (元), 表4!G11 is 1,171.77 (万元)).',
    );
    expect(en.suspect?.reason).toBe('The unit is most likely 万元.');
  });

  it('a table name that opens with its own quotes is not quoted twice', () => {
    const [zh] = of(patch(shanghai, { 'T9!G2': '金额单位：元' }));
    expect(zh.message).toBe(
      '“三公”经费预算表的金额单位很可能标错：标注为“元”，但与“一般公共预算基本支出预算表”的 1 项表间核对只有把本表数字按“万元”理解才相符' +
        '（如 T9!E6 为 30.00（元），T8!C21 为 300,000.00（元））。',
    );
  });

  it('the two-table case names both tables and cites both unit cells', () => {
    const two = patch(juesuanBook({ omit: ['表1', '表2', '表3', '表6', '表7', '表8', '表9'] }), { '表5!E2': '金额单位：元' });
    const [f] = of(two);
    expect(f.message).toBe(
      '“财政拨款收入支出决算总表”（标注“万元”）与“一般公共预算财政拨款支出决算表”（标注“元”）之间的 4 项表间核对，按同一单位相符，按标注单位换算则相差 10000 倍：' +
        '两表中有一张的金额单位很可能标错（如 表4!G11 为 1,171.77（万元），表5!C6 为 1,171.77（元）），请核对。',
    );
    expect(f.cells.slice(0, 2)).toEqual([
      { sheet: '表4', cell: 'I2' },
      { sheet: '表5', cell: 'E2' },
    ]);
    expect(of(two, 'en-US')[0].message).toBe(
      '4 cross-table checks between "Fiscal appropriation income and expenditure summary (final accounts)" (labelled 万元) and ' +
        '"General public budget appropriation expenditure (final accounts)" (labelled 元) agree in one unit but are 10,000 times apart in the labelled units: ' +
        'one of the two unit labels is probably wrong (e.g. 表4!G11 is 1,171.77 (万元), 表5!C6 is 1,171.77 (元)); please check.',
    );
  });
});

assertCoverage(genericPack);
