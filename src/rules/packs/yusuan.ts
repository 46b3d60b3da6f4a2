/**
 * 部门预算 pack (Wuhan 预算01–13表 and Shanghai T1–T9): template relations inside each standard table (domain §4.3
 * B-9…B-11, B-5, B-6) and the standard ties between tables (§4.5 XW-*, XS-*), addressed by table kind and row/column
 * role. Budget layouts print no formulas, so every relation here is a template relation.
 *
 * The two regions print different lines: Wuhan 01/04 have 本年收入合计 / 本年支出合计 / 上年结转 / 年终结转结余, Shanghai
 * T1/T4 only 收入总计 / 支出总计 (T1 also 财政拨款收入 = Σ three funds); Wuhan 02 has 本年收入 小计 and one column per
 * fund, Shanghai T2 a single 财政拨款收入 column; Wuhan 05/06 split 基本支出 into 人员经费 / 公用经费. Rules are written so
 * that a line one region does not print makes the relation silent there rather than wrong:
 * - sums list every line that may be printed (a line not printed counts as 0), never a subtotal together with its parts;
 * - in a tie, a figure that only one region prints sits on the right and is `optional` (absent → the tie is skipped).
 */
import type { TableKind } from '../../model/table';
import { FUNCTION_CLASSES } from '../../recognise/catalog';
import type { FigureSel } from '../context';
import type { LocalText, RuleDef, RulePack } from '../types';

const lt = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, 'en-US': en });

const Y1: TableKind = 'yusuan.income-expenditure-summary';
const Y2: TableKind = 'yusuan.income';
const Y3: TableKind = 'yusuan.expenditure';
const Y4: TableKind = 'yusuan.fiscal-summary';
const Y5: TableKind = 'yusuan.general-budget-expenditure';
const Y6: TableKind = 'yusuan.general-budget-by-unit';
const Y7: TableKind = 'yusuan.basic-expenditure';
const Y8: TableKind = 'yusuan.three-public';
const Y9: TableKind = 'yusuan.gov-fund';
const Y10: TableKind = 'yusuan.state-capital';

const row = (key: string): FigureSel['row'] => ({ key });
const TOTAL: FigureSel['row'] = { key: 'total' };
/** the first body row (the single data row of a 三公 table) */
const FIRST: FigureSel['row'] = {};

function fig(
  kind: TableKind,
  r: FigureSel['row'],
  col?: FigureSel['col'],
  opts: { side?: FigureSel['side']; optional?: boolean; weight?: number } = {},
): FigureSel & { weight?: number } {
  const s: FigureSel & { weight?: number } = { kind, row: r };
  if (col) s.col = col;
  if (opts.side) s.side = opts.side;
  if (opts.optional) s.optional = true;
  if (opts.weight !== undefined) s.weight = opts.weight;
  return s;
}
const inc = (key: string, optional = false) => fig(Y1, row(key), undefined, { side: 'income', optional });
const exp1 = (key: string, extra: { optional?: boolean; weight?: number } = {}) =>
  fig(Y1, row(key), { index: 0 }, { side: 'expenditure', ...extra });

function tie(
  id: string,
  description: LocalText,
  left: FigureSel,
  right: Array<FigureSel & { weight?: number }>,
  op: 'same' | 'ge' | 'le',
  extra: { soft?: boolean; each?: 'class'; requires?: TableKind[] } = {},
): RuleDef {
  const kinds = [...new Set([left.kind, ...right.map((r) => r.kind)].flat())] as TableKind[];
  const rule: RuleDef = {
    id,
    description,
    severity: extra.soft ? 'warning' : 'error',
    given: extra.requires ? { kinds, requires: extra.requires } : { kinds },
    then: extra.each ? { fn: 'tie', left, right, op, each: extra.each } : { fn: 'tie', left, right, op },
  };
  if (extra.soft) rule.soft = true;
  return rule;
}

/** Income lines that make up 本年收入 (01表 一…九; Shanghai T1 prints the three funds under 一、财政拨款收入). */
const SOURCE_LINES = [
  'income.general-budget',
  'income.gov-fund',
  'income.state-capital',
  'income.special-account',
  'income.service',
  'income.business',
  'income.superior-subsidy',
  'income.subordinate',
  'income.other',
];

const FUNDS = [
  ['general-budget', '一般公共预算', 'general budget', Y5],
  ['gov-fund', '政府性基金预算', 'government fund', Y9],
  ['state-capital', '国有资本经营预算', 'state capital', Y10],
] as const;

const rules: RuleDef[] = [
  // —— 收支预算总表 / 财政拨款收支预算总表 (B-9) ——
  {
    id: 'yusuan.summary.income-total',
    description: lt('收支预算总表：本年收入合计 = 各项收入之和', 'Budget summary: total income of the year = Σ income lines'),
    severity: 'error',
    given: { kinds: [Y1, Y4] },
    then: { fn: 'rowSum', side: 'income', target: row('income.total'), parts: SOURCE_LINES.map(row) },
  },
  {
    id: 'yusuan.summary.fiscal-income',
    description: lt(
      '财务收支预算总表：财政拨款收入 = 一般公共预算资金 + 政府性基金 + 国有资本经营预算',
      'Budget summary: fiscal income = general budget + government fund + state capital',
    ),
    severity: 'error',
    given: { kinds: [Y1] },
    then: { fn: 'rowSum', side: 'income', target: row('income.fiscal'), parts: ['income.general-budget', 'income.gov-fund', 'income.state-capital'].map(row) },
  },
  {
    id: 'yusuan.summary.income-grand-total',
    description: lt(
      '收支预算总表：收入总计 = 本年收入（各项收入之和）+ 上年结转结余',
      'Budget summary: income grand total = income of the year (Σ income lines) + carry-over',
    ),
    severity: 'error',
    given: { kinds: [Y1, Y4] },
    then: { fn: 'rowSum', side: 'income', target: row('income.grand-total'), parts: [...SOURCE_LINES, 'income.carry-over'].map(row) },
  },
  {
    id: 'yusuan.summary.expenditure-total',
    description: lt('收支预算总表：本年支出合计 = 各类支出之和', 'Budget summary: total expenditure of the year = Σ classes'),
    severity: 'error',
    given: { kinds: [Y1, Y4] },
    then: { fn: 'rowSum', side: 'expenditure', target: row('expenditure.total'), parts: 'classes' },
  },
  {
    id: 'yusuan.summary.expenditure-grand-total',
    description: lt(
      '收支预算总表：支出总计 = 本年支出（各类支出之和）+ 年终结转结余',
      'Budget summary: expenditure grand total = expenditure of the year (Σ classes) + closing balance',
    ),
    severity: 'error',
    given: { kinds: [Y1, Y4] },
    then: {
      fn: 'rowSum',
      side: 'expenditure',
      target: row('expenditure.grand-total'),
      parts: [...FUNCTION_CLASSES.map(([code]) => ({ code })), row('expenditure.closing-balance')],
    },
  },
  {
    id: 'yusuan.summary.expenditure-columns',
    description: lt(
      '财务收支预算总表：支出合计 = 人员经费 + 公用经费 + 项目支出（逐行）',
      'Budget summary: expenditure total = personnel + operating + project, per line',
    ),
    severity: 'error',
    given: { kinds: [Y1] },
    then: { fn: 'columnSum', target: 'total', parts: ['basic.personnel', 'basic.public', 'project'] },
  },
  tie(
    'yusuan.summary.balance',
    lt('收支预算总表：收入总计 = 支出总计', 'Budget summary: income grand total = expenditure grand total'),
    inc('income.grand-total'),
    [exp1('expenditure.grand-total')],
    'same',
  ),
  tie(
    'yusuan.fiscal-summary.balance',
    lt('财政拨款收支预算总表：收入总计 = 支出总计', 'Fiscal budget summary: income grand total = expenditure grand total'),
    fig(Y4, row('income.grand-total'), undefined, { side: 'income' }),
    [fig(Y4, row('expenditure.grand-total'), { index: 0 }, { side: 'expenditure' })],
    'same',
  ),
  {
    id: 'yusuan.fiscal-summary.funds',
    description: lt(
      '财政拨款收支预算总表：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算（逐行）',
      'Fiscal budget summary: total = general budget + government fund + state capital, per line',
    ),
    severity: 'error',
    given: { kinds: [Y4] },
    then: { fn: 'columnSum', target: 'total', parts: ['general-budget', 'gov-fund', 'state-capital'] },
  },

  // —— 收入预算总表 (B-10) ——
  {
    id: 'yusuan.income.columns',
    description: lt(
      '收入预算总表：合计 = 各项收入 + 上年结转（逐行）',
      'Budget income table: total = Σ income sources + carry-over, per row',
    ),
    severity: 'error',
    given: { kinds: [Y2] },
    then: {
      fn: 'columnSum',
      target: 'total',
      parts: ['fiscal', 'general-budget', 'gov-fund', 'state-capital', 'special-account', 'service', 'business', 'superior-subsidy', 'subordinate', 'other', 'carry-over'],
    },
  },
  {
    id: 'yusuan.income.subtotal',
    description: lt('收入预算总表：本年收入小计 = 各项收入之和（逐行）', 'Budget income table: income subtotal = Σ income sources, per row'),
    severity: 'error',
    given: { kinds: [Y2] },
    then: {
      fn: 'columnSum',
      target: 'subtotal',
      parts: ['general-budget', 'gov-fund', 'state-capital', 'special-account', 'service', 'business', 'superior-subsidy', 'subordinate', 'other'],
    },
  },

  // —— 支出预算表 (B-2, B-11) ——
  {
    id: 'yusuan.expenditure.columns',
    description: lt('支出预算表：合计 = 基本支出 + 项目支出（+ 其他支出栏，逐行）', 'Budget expenditure: total = basic + project (+ other columns), per row'),
    severity: 'error',
    given: { kinds: [Y3, Y5, Y6, Y9, Y10] },
    then: { fn: 'columnSum', target: 'total', parts: ['basic', 'project', 'remit-superior', 'business', 'subsidy-subordinate'] },
  },
  {
    id: 'yusuan.general-budget.basic',
    description: lt('一般公共预算支出表：基本支出小计 = 人员经费 + 公用经费（逐行）', 'General budget expenditure: basic subtotal = personnel + operating, per row'),
    severity: 'error',
    given: { kinds: [Y5, Y6] },
    then: { fn: 'columnSum', target: 'basic', parts: ['basic.personnel', 'basic.public'] },
  },
  {
    id: 'yusuan.basic-expenditure.columns',
    description: lt('一般公共预算基本支出表：合计 = 人员经费 + 公用经费（逐行）', 'Basic expenditure table: total = personnel + operating, per row'),
    severity: 'error',
    given: { kinds: [Y7] },
    then: { fn: 'columnSum', target: 'total', parts: ['personnel', 'public'] },
  },

  // —— “三公”经费预算表 (B-6) ——
  {
    id: 'yusuan.three-public.total',
    description: lt(
      '“三公”经费预算表：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费',
      '"Three public" budget: total = travel abroad + vehicles + hospitality',
    ),
    severity: 'error',
    given: { kinds: [Y8] },
    then: { fn: 'columnSum', target: 'total', parts: ['abroad', 'vehicle', 'reception'] },
  },
  {
    id: 'yusuan.three-public.vehicle',
    description: lt('“三公”经费预算表：公务用车购置及运行费 = 购置费 + 运行费', '"Three public" budget: vehicles = purchase + running'),
    severity: 'error',
    given: { kinds: [Y8] },
    then: { fn: 'columnSum', target: 'vehicle', parts: ['vehicle.purchase', 'vehicle.running'] },
  },

  // —— ties (domain §4.5) ——
  ...FUNDS.map(([k, zh, en]) =>
    tie(
      `XW-01.${k}`,
      lt(`收支预算总表${zh}收入 = 财政拨款收支预算总表本年${zh}收入（XW-01）`, `Budget summary ${en} income = fiscal budget summary ${en} income (XW-01)`),
      inc(`income.${k}`),
      [fig(Y4, row(`income.${k}`), undefined, { side: 'income', optional: true })],
      'same',
    ),
  ),
  ...FUNDS.map(([k, zh, en]) =>
    tie(
      `XW-01.income.${k}`,
      lt(`收支预算总表${zh}收入 = 收入预算总表合计行${zh}（XW-01）`, `Budget summary ${en} income = income table total, ${en} column (XW-01)`),
      inc(`income.${k}`),
      [fig(Y2, TOTAL, { key: k }, { optional: true })],
      'same',
    ),
  ),
  tie(
    'XW-02',
    lt('收支预算总表本年收入合计 = 收入预算总表合计行本年收入小计', 'Budget summary income of the year = income table total, income subtotal'),
    inc('income.total'),
    [fig(Y2, TOTAL, { key: 'subtotal' }, { optional: true })],
    'same',
  ),
  tie(
    'XS-01.income',
    lt('收支预算总表收入总计 = 收入预算总表合计（XS-01）', 'Budget summary income grand total = income table total (XS-01)'),
    fig(Y2, TOTAL, { key: 'total' }),
    [inc('income.grand-total')],
    'same',
  ),
  tie(
    'XW-03.total',
    lt(
      '支出预算总表合计 = 收支预算总表本年支出合计（支出总计 − 年终结转结余）（XW-03、XS-01）',
      'Expenditure table total = budget summary expenditure of the year (grand total − closing balance) (XW-03, XS-01)',
    ),
    fig(Y3, TOTAL, { key: 'total' }),
    [exp1('expenditure.grand-total'), exp1('expenditure.closing-balance', { optional: true, weight: -1 })],
    'same',
  ),
  tie(
    'XW-03.class',
    lt('收支预算总表各类支出 = 支出预算总表对应类合计（XW-03、XS-01）', 'Budget summary class lines = expenditure table class rows (XW-03, XS-01)'),
    fig(Y3, {}, { key: 'total' }),
    [fig(Y1, {}, { index: 0 }, { side: 'expenditure' })],
    'same',
    { each: 'class' },
  ),
  tie(
    'XS-02.income',
    lt('财务收支预算总表财政拨款收入 = 收入预算总表合计行财政拨款收入（XS-02）', 'Budget summary fiscal income = income table total, fiscal column (XS-02)'),
    fig(Y2, TOTAL, { key: 'fiscal' }),
    [inc('income.fiscal', true)],
    'same',
  ),
  tie(
    'XS-02.fiscal',
    lt('财务收支预算总表财政拨款收入 = 财政拨款收支预算总表收入总计（XS-02）', 'Budget summary fiscal income = fiscal budget summary income grand total (XS-02)'),
    fig(Y4, row('income.grand-total'), undefined, { side: 'income' }),
    [inc('income.fiscal', true)],
    'same',
  ),
  tie(
    'XW-04.total',
    lt(
      '财政拨款收支预算总表支出总计 = 一般公共预算 + 政府性基金 + 国有资本经营预算支出表合计 + 年终结转结余（XW-04、XS-03）',
      'Fiscal budget summary expenditure grand total = general budget + fund + state capital tables + closing balance (XW-04, XS-03)',
    ),
    fig(Y4, row('expenditure.grand-total'), { index: 0 }, { side: 'expenditure' }),
    [
      fig(Y5, TOTAL, { key: 'total' }),
      fig(Y9, TOTAL, { key: 'total' }, { optional: true }),
      fig(Y10, TOTAL, { key: 'total' }, { optional: true }),
      fig(Y4, row('expenditure.closing-balance'), { index: 0 }, { side: 'expenditure', optional: true }),
    ],
    'same',
  ),
  tie(
    'XW-04.class',
    lt(
      '财政拨款收支预算总表各类支出 = 一般公共预算 + 政府性基金 + 国有资本经营预算支出表对应类（XW-04、XS-03）',
      'Fiscal budget summary class lines = Σ of the three fund tables, same class (XW-04, XS-03)',
    ),
    fig(Y4, {}, { index: 0 }, { side: 'expenditure' }),
    [fig(Y5, {}, { key: 'total' }, { optional: true }), fig(Y9, {}, { key: 'total' }, { optional: true }), fig(Y10, {}, { key: 'total' }, { optional: true })],
    'same',
    { each: 'class' },
  ),
  ...FUNDS.flatMap(([k, zh, en, kind]) => [
    tie(
      `XS-03.${k}`,
      lt(`${zh}支出表合计 = 财政拨款收支预算总表支出总计${zh}栏（XS-03）`, `${en} table total = fiscal budget summary grand total, ${en} column (XS-03)`),
      fig(kind, TOTAL, { key: 'total' }),
      [fig(Y4, row('expenditure.grand-total'), { key: k }, { side: 'expenditure', optional: true })],
      'same',
    ),
    tie(
      `XS-03.${k}.class`,
      lt(`${zh}支出表各类 = 财政拨款收支预算总表对应类${zh}栏（XS-03）`, `${en} table class rows = fiscal budget summary class lines, ${en} column (XS-03)`),
      fig(kind, {}, { key: 'total' }),
      [fig(Y4, {}, { key: k }, { side: 'expenditure', optional: true })],
      'same',
      { each: 'class' },
    ),
  ]),
  ...([
    ['total', '合计', 'total'],
    ['basic', '基本支出', 'basic'],
    ['project', '项目支出', 'project'],
  ] as const).map(([k, zh, en]) =>
    tie(
      `XW-05.${k}`,
      lt(
        `支出预算总表合计行${zh} ≥ 一般公共预算 + 政府性基金 + 国有资本经营预算支出表${zh}（XW-05、XS-04）`,
        `Expenditure table total ${en} ≥ Σ of the three fund tables, ${en} (XW-05, XS-04)`,
      ),
      fig(Y3, TOTAL, { key: k }),
      [fig(Y5, TOTAL, { key: k }), fig(Y9, TOTAL, { key: k }, { optional: true }), fig(Y10, TOTAL, { key: k }, { optional: true })],
      'ge',
    ),
  ),
  tie(
    'XW-05.class',
    lt(
      '支出预算总表各类合计 ≥ 一般公共预算 + 政府性基金 + 国有资本经营预算支出表对应类（XW-05、XS-04）',
      'Expenditure table class rows ≥ Σ of the three fund tables, same class (XW-05, XS-04)',
    ),
    fig(Y3, {}, { key: 'total' }),
    [fig(Y5, {}, { key: 'total' }, { optional: true }), fig(Y9, {}, { key: 'total' }, { optional: true }), fig(Y10, {}, { key: 'total' }, { optional: true })],
    'ge',
    { each: 'class' },
  ),
  ...([
    ['total', '合计', 'total'],
    ['basic', '基本支出小计', 'basic subtotal'],
    ['basic.personnel', '人员经费', 'personnel'],
    ['basic.public', '公用经费', 'operating'],
    ['project', '项目支出', 'project'],
  ] as const).map(([k, zh, en]) =>
    tie(
      `XW-06.${k}`,
      lt(`一般公共预算支出表（分单位）合计行${zh} = 一般公共预算支出表（分功能科目）合计行${zh}（XW-06）`, `General budget by unit, total ${en} = general budget by function, total ${en} (XW-06)`),
      fig(Y6, TOTAL, { key: k }),
      [fig(Y5, TOTAL, { key: k })],
      'same',
      { requires: [Y6] },
    ),
  ),
  tie(
    'XW-07.basic',
    lt('一般公共预算基本支出表合计 = 一般公共预算支出表合计行基本支出（XW-07、XS-05）', 'Basic expenditure table total = general budget table basic expenditure (XW-07, XS-05)'),
    fig(Y7, TOTAL, { key: 'total' }),
    [fig(Y5, TOTAL, { key: 'basic' })],
    'same',
  ),
  tie(
    'XW-07.personnel',
    lt('一般公共预算基本支出表人员经费 = 一般公共预算支出表人员经费（XW-07）', 'Basic expenditure table personnel = general budget table personnel (XW-07)'),
    fig(Y7, TOTAL, { key: 'personnel' }),
    [fig(Y5, TOTAL, { key: 'basic.personnel' }, { optional: true })],
    'same',
  ),
  tie(
    'XW-07.public',
    lt('一般公共预算基本支出表公用经费 = 一般公共预算支出表公用经费（XW-07）', 'Basic expenditure table operating = general budget table operating (XW-07)'),
    fig(Y7, TOTAL, { key: 'public' }),
    [fig(Y5, TOTAL, { key: 'basic.public' }, { optional: true })],
    'same',
  ),
  tie(
    'XS-06',
    lt('基本支出表公用经费（折合万元）≥ 机关运行经费预算数（XS-06）', 'Basic expenditure operating costs (in 万元) ≥ organ running costs (XS-06)'),
    fig(Y7, TOTAL, { key: 'public' }),
    [fig(Y8, FIRST, { key: 'organ-running' }, { optional: true })],
    'ge',
    { soft: true },
  ),
  ...([
    ['30217', 'reception', '公务接待费', 'hospitality'],
    ['30231', 'vehicle.running', '公务用车运行维护费', 'vehicle running'],
    ['31013', 'vehicle.purchase', '公务用车购置', 'vehicle purchase'],
  ] as const).map(([code, key, zh, en]) =>
    tie(
      `XS-07.${code}`,
      lt(`“三公”经费预算表${zh} ≥ 基本支出表 ${code} ${zh}（XS-07、XW-09）`, `"Three public" budget ${en} ≥ basic expenditure table ${code} (XS-07, XW-09)`),
      fig(Y8, FIRST, { key }),
      [fig(Y7, { code }, { key: 'total' }, { optional: true })],
      'ge',
      { soft: true },
    ),
  ),
];

export const yusuanPack: RulePack = {
  id: 'yusuan',
  version: '1.0.0',
  description: lt('部门预算公开表：表内与表间勾稽关系', 'Budget disclosure tables: intra- and inter-table relations'),
  rules,
};
