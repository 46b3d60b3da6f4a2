/**
 * Scenarios for the 决算 pack. Each rule runs on a complete consistent workbook (books/juesuan.ts; template layout
 * without formula notes, so the template relations apply) and on the same workbook with one figure changed.
 */
import { juesuanPack } from '../../src/rules/packs/juesuan';
import { juesuanBook, type NonFiscal } from './books/juesuan';
import { assertCoverage, patch, testRule, type ExpectedFinding, type Num, type Scenario } from './harness';

const book = juesuanBook();
const vertical = juesuanBook({ threePublic: 'vertical' });
const PASS: Scenario = { name: 'consistent 决算 workbook', sheets: book };

/** a scenario on the book with some figures changed */
const changed = (name: string, edits: Record<string, Num>, ...expect: ExpectedFinding[]): Scenario => ({ name, sheets: patch(book, edits), expect });
const error = (cell: string, suspect?: string | null, proposed?: string): ExpectedFinding => ({
  severity: 'error',
  cell,
  ...(suspect !== undefined ? { suspect } : {}),
  ...(proposed !== undefined ? { proposed } : {}),
});
const rounding = (cell: string): ExpectedFinding => ({ severity: 'info', verdict: 'rounding', cell });

// —— inside tables ————————————————————————————————————————————————————————————————————

testRule('juesuan.income.columns', [
  PASS,
  changed('a wrong 财政拨款收入 on a 项 row', { '表2!D15': '164.84' }, error('表2!C15', '表2!D15', '164.48')),
  changed('0.01 on a row total is rounding', { '表2!C15': '164.49' }, rounding('表2!C15')),
  { name: 'silent where the note prints the formula (Wuhan)', sheets: juesuanBook({ formulas: true }), minHolds: 0, relations: 0 },
]);

testRule('juesuan.expenditure.columns', [
  PASS,
  changed('a wrong 项目支出 on a 项 row', { '表3!E16': '957.80' }, error('表3!C16', '表3!E16', '975.80')),
  changed('0.01 on a row total is rounding', { '表3!C16': '975.81' }, rounding('表3!C16')),
]);

testRule('juesuan.general-budget.columns', [
  PASS,
  changed('a wrong 基本支出 on a 项 row', { '表5!D16': '146.48' }, error('表5!C16', '表5!D16', '164.48')),
  changed('0.01 on a row total is rounding', { '表5!C16': '164.49' }, rounding('表5!C16')),
]);

testRule('juesuan.gov-fund.balance', [
  PASS,
  changed('a wrong 年末结转和结余', { '表8!H9': '50.00' }, error('表8!H9', '表8!H9', '5.00')),
  changed('0.01 on 年末 is rounding', { '表8!H9': '5.01' }, rounding('表8!H9')),
]);

testRule('juesuan.gov-fund.spending', [
  PASS,
  changed('a wrong 项目支出', { '表8!G9': '30.54' }, error('表8!E9', '表8!G9', '35.04')),
  changed('0.01 on 本年支出 is rounding', { '表8!E9': '35.05' }, rounding('表8!E9')),
]);

testRule('juesuan.three-public.budget.total', [
  PASS,
  changed('a wrong 因公出国 预算数', { '表7!C7': '20.00' }, error('表7!B7', '表7!C7', '2.00')),
  changed('0.01 on 合计 is rounding', { '表7!B7': '28.01' }, rounding('表7!B7')),
]);

testRule('juesuan.three-public.budget.vehicle', [
  PASS,
  changed('a wrong 购置费 预算数', { '表7!E7': '2.00' }, error('表7!D7', '表7!E7', '20.00')),
  changed('0.01 on 小计 is rounding', { '表7!D7': '25.01' }, rounding('表7!D7')),
]);

testRule('juesuan.three-public.actual.total', [
  PASS,
  changed('a wrong 公务接待费 决算数', { '表7!M7': '0.05' }, error('表7!H7', '表7!M7', '0.50')),
  changed('0.01 on 合计 is rounding', { '表7!H7': '25.94' }, rounding('表7!H7')),
]);

testRule('juesuan.three-public.actual.vehicle', [
  PASS,
  changed('a wrong 购置费 决算数', { '表7!K7': '2.00' }, error('表7!J7', '表7!K7', '20.00')),
  changed('0.01 on 小计 is rounding', { '表7!J7': '23.44' }, rounding('表7!J7')),
]);

testRule('juesuan.three-public.rows', [
  { name: 'vertical (Jiangxi) 三公 table', sheets: vertical },
  { name: 'a wrong 公务用车购置及运行维护费 决算数', sheets: patch(vertical, { '表7!E6': '234.30' }), expect: [error('表7!E4', '表7!E6', '23.43')] },
  { name: '0.01 on the 三公 line is rounding', sheets: patch(vertical, { '表7!E4': '25.94' }), expect: [rounding('表7!E4')] },
]);

testRule('juesuan.three-public.vehicle-rows', [
  { name: 'vertical (Jiangxi) 三公 table', sheets: vertical },
  { name: 'a wrong 购置费 全年预算数', sheets: patch(vertical, { '表7!D7': '2.00' }), expect: [error('表7!D6', '表7!D7', '20.00')] },
  { name: '0.01 on the vehicle line is rounding', sheets: patch(vertical, { '表7!D6': '25.01' }), expect: [rounding('表7!D6')] },
]);

testRule('juesuan.basic.personnel', [
  PASS,
  changed('a wrong 人员经费合计', { '表6!C15': '174.40' }, error('表6!C15', '表6!C15', '174.04')),
  changed('0.01 on 人员经费合计 is rounding', { '表6!C15': '174.05' }, rounding('表6!C15')),
]);

testRule('juesuan.basic.public', [
  PASS,
  changed('a wrong 公用经费合计', { '表6!F15': '31.39' }, error('表6!F15', '表6!F15', '31.93')),
  changed('0.01 on 公用经费合计 is rounding', { '表6!F15': '31.94' }, rounding('表6!F15')),
]);

testRule('juesuan.summary.income-total', [
  PASS,
  changed('a mistyped 本年收入合计', { '表1!C14': '1,228.18' }, error('表1!C14', '表1!C14', '1228.81')),
  changed('0.01 on 本年收入合计 is rounding', { '表1!C14': '1,228.82' }, rounding('表1!C14')),
]);

testRule('juesuan.summary.income-grand-total', [
  PASS,
  changed('a mistyped 总计', { '表1!C17': '1,233.18' }, error('表1!C17', '表1!C17', '1233.81')),
  changed('0.01 on 总计 is rounding', { '表1!C17': '1,233.82' }, rounding('表1!C17')),
]);

testRule('juesuan.summary.expenditure-total', [
  PASS,
  changed('a wrong 类 line', { '表1!F8': '1,153.59' }, error('表1!F14', '表1!F8', '1153.95')),
  changed('0.01 on 本年支出合计 is rounding', { '表1!F14': '1,228.82' }, rounding('表1!F14')),
]);

testRule('juesuan.summary.expenditure-grand-total', [
  PASS,
  changed('a wrong 年末财政拨款结转和结余 (J4)', { '表4!F12': '0.50' }, error('表4!F16', '表4!F12', '5.00')),
  changed('0.01 on 总计 (J4) is rounding', { '表4!F16': '1,223.82' }, rounding('表4!F16')),
]);

testRule('juesuan.fiscal-summary.income-total', [
  PASS,
  changed('a wrong 政府性基金预算财政拨款', { '表4!C7': '30.54' }, error('表4!C11', '表4!C7', '35.04')),
  changed('0.01 on 本年收入合计 is rounding', { '表4!C11': '1,218.82' }, rounding('表4!C11')),
]);

testRule('juesuan.fiscal-summary.grand-total', [
  PASS,
  changed('a mistyped 总计', { '表4!C16': '1,223.18' }, error('表4!C16', '表4!C16', '1223.81')),
  changed('0.01 on 总计 is rounding', { '表4!C16': '1,223.82' }, rounding('表4!C16')),
]);

testRule('juesuan.fiscal-summary.funds', [
  PASS,
  changed('a wrong 一般公共预算 column on a 类 line', { '表4!G7': '1,143.59' }, error('表4!F7', '表4!G7', '1143.95')),
  changed('0.01 on a 合计 is rounding', { '表4!F7': '1,143.96' }, rounding('表4!F7')),
]);

testRule('juesuan.summary.balance', [
  PASS,
  changed('支出总计 mistyped', { '表1!F17': '1,233.18' }, error('表1!C17', '表1!F17', '1233.81')),
  changed('the same figure 0.01 apart is a warning', { '表1!F17': '1,233.82' }, { severity: 'warning', verdict: 'fails', cell: '表1!C17', suspect: null }),
]);

testRule('juesuan.fiscal-summary.balance', [
  PASS,
  changed('支出总计 mistyped', { '表4!F16': '1,223.18' }, error('表4!C16', '表4!F16', '1223.81')),
]);

// —— ties (domain §4.4) ————————————————————————————————————————————————————————————————

testRule('XJ-01', [PASS, changed('收入决算表合计 mistyped', { '表2!C5': '1,228.18' }, error('表2!C5', '表2!C5', '1228.81'))]);
testRule('XJ-02', [PASS, changed('收入决算表财政拨款收入 mistyped', { '表2!D5': '1,218.18' }, error('表2!D5', '表2!D5', '1218.81'))]);

const NON_FISCAL_AT: Array<[NonFiscal, string, string]> = [
  ['superior-subsidy', 'C9', 'E5'],
  ['service', 'C10', 'F5'],
  ['business', 'C11', 'G5'],
  ['subordinate', 'C12', 'H5'],
  ['other', 'C13', 'I5'],
];
for (const [k, j1, j2] of NON_FISCAL_AT) {
  const b = juesuanBook({ nonFiscal: k });
  testRule(`XJ-03.${k}`, [
    { name: `10.00 of ${k} income in both tables`, sheets: b },
    { name: `${k} income mistyped in J1`, sheets: patch(b, { [`表1!${j1}`]: '1.00' }), expect: [error(`表2!${j2}`, `表1!${j1}`, '10.00')] },
  ]);
}

testRule('XJ-04', [PASS, changed('支出决算表合计 mistyped', { '表3!C5': '1,228.18' }, error('表3!C5', '表3!C5', '1228.81'))]);

testRule('XJ-05', [
  PASS,
  changed('a class row of the expenditure table mistyped', { '表3!C10': '1,153.59' }, error('表3!C10', '表3!C10', '1153.95')),
  changed('a class printed 0.01 apart in two tables is a warning', { '表3!C10': '1,153.96' }, { severity: 'warning', verdict: 'fails', cell: '表3!C10', suspect: null }),
]);

testRule('XJ-06.general-budget', [PASS, changed('J1 line mistyped', { '表1!C6': '1,117.77' }, error('表4!C6', '表1!C6', '1171.77'))]);
testRule('XJ-06.gov-fund', [PASS, changed('J1 line mistyped', { '表1!C7': '30.54' }, error('表4!C7', '表1!C7', '35.04'))]);
testRule('XJ-06.state-capital', [PASS, changed('J1 line mistyped', { '表1!C8': '21.00' }, error('表4!C8', '表1!C8', '12.00'))]);
testRule('XJ-07.opening', [PASS, changed('J1 年初 below J4 年初', { '表1!C16': '0.50' }, error('表1!C16', '表1!C16', '5.00'))]);
testRule('XJ-07.closing', [PASS, changed('J1 年末 below J4 年末', { '表1!F16': '0.50' }, error('表1!F16', '表1!F16', '5.00'))]);
// the ≥ relation gives a bound, not a value, so no proposal
testRule('XJ-08.total', [PASS, changed('J1 本年支出合计 below J4', { '表1!F14': '1,128.81' }, error('表1!F14', '表1!F14'))]);
testRule('XJ-08.class', [PASS, changed('a J4 class line above J1', { '表4!F7': '1,413.95' }, error('表1!F8', '表4!F7'))]);
testRule('XJ-09.total', [PASS, changed('J5 合计 mistyped', { '表5!C6': '1,117.77' }, error('表5!C6', '表5!C6', '1171.77'))]);
testRule('XJ-09.class', [PASS, changed('J5 class row mistyped', { '表5!C11': '1,143.59' }, error('表5!C11', '表5!C11', '1143.95'))]);
testRule('XJ-10.income', [PASS, changed('J8 本年收入 mistyped', { '表8!D6': '53.04' }, error('表8!D6', '表8!D6', '35.04'))]);
testRule('XJ-10.spending', [PASS, changed('J8 本年支出 mistyped', { '表8!E6': '30.54' }, error('表8!E6', '表8!E6', '35.04'))]);
testRule('XJ-11', [PASS, changed('J9 合计 mistyped', { '表9!C5': '21.00' }, error('表9!C5', '表9!C5', '12.00'))]);
testRule('XJ-12', [PASS, changed('J3 合计 below the fiscal tables', { '表3!C5': '1,128.81' }, error('表3!C5', '表3!C5'))]);
testRule('XJ-13', [PASS, changed('J3 基本支出 below J5', { '表3!D5': '205.79' }, error('表3!D5', '表3!D5', '205.97'))]);

testRule('XJ-14', [
  PASS,
  changed('J5 基本支出 mistyped', { '表5!D6': '205.79' }, error('表5!D6', '表5!D6', '205.97')),
  {
    name: 'the basic expenditure table is absent: cannot be checked, not an error',
    sheets: juesuanBook({ omit: ['表6'] }),
    minHolds: 0,
    relations: 0,
    expect: [{ rule: 'missing-table', severity: 'info', status: 'cannot-evaluate', cell: '表5!A1' }],
  },
]);

const soft = (cell: string, suspect: string, proposed?: string): ExpectedFinding => ({
  severity: 'warning',
  verdict: 'fails',
  cell,
  suspect,
  ...(proposed ? { proposed } : {}),
});
testRule('XJ-15.30212', [PASS, changed('J6 30212 above the 三公 决算数 (soft: warning)', { '表6!F8': '15.00' }, soft('表6!F8', '表6!F8'))]);
testRule('XJ-15.30231', [PASS, changed('J6 30231 above the 三公 决算数 (soft: warning)', { '表6!F10': '34.30' }, soft('表6!F10', '表6!F10'))]);
testRule('XJ-15.31013', [PASS, changed('三公 购置费 决算数 below J6 31013 (soft: warning)', { '表7!K7': '2.00' }, soft('表6!F14', '表7!K7', '20.00'))]);
testRule('XJ-15.30217', [PASS, changed('三公 公务接待费 决算数 below J6 30217 (soft: warning)', { '表7!M7': '0.05' }, soft('表6!F9', '表7!M7', '0.50'))]);

assertCoverage(juesuanPack);
