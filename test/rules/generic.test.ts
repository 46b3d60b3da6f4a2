/** Scenarios for the generic pack: formulas printed in table notes, and subject-code footing. */
import { genericPack } from '../../src/rules/packs/generic';
import { juesuanBook } from './books/juesuan';
import { assertCoverage, patch, sheet, table, testRule, type Num } from './harness';

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
    name: 'a formula naming a column the table does not print cannot be evaluated',
    sheets: [
      sheet(
        '表5',
        table({
          title: '2022 年度一般公共预算财政拨款支出决算表（表 5）',
          labels: ['功能分类科目编码', '科目名称'],
          columns: ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出'],
          lanci: true,
          rows: [
            [null, '合计', 20.0, 20.0, null],
            ['208', '社会保障和就业支出', 20.0, 20.0, null],
          ],
          notes: ['注：本表反映部门本年度一般公共预算财政拨款支出情况。', '1栏各行=（2+3+4）栏各行。'],
        }),
      ),
    ],
    expect: [{ severity: 'info', status: 'cannot-evaluate', verdict: 'cannot', cell: '表5!C6' }],
  },
  {
    name: 'messages render in en-US',
    lang: 'en-US',
    sheets: patch(wuhan, { '表5!D16': '146.48' }),
    expect: [{ severity: 'error', cell: '表5!C16', suspect: '表5!D16' }],
  },
]);

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

assertCoverage(genericPack);
