/**
 * 部门决算 pack: template relations inside each standard table (applied where the layout prints no formula) and the
 * standard ties between tables (domain §4.3–4.4), addressed by table kind and row/column role.
 */
import type { TableKind } from '../../model/table';
import type { FigureSel } from '../context';
import type { LocalText, RuleDef, RulePack } from '../types';

const lt = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, 'en-US': en });

const J1: TableKind = 'juesuan.income-expenditure-summary';
const J2: TableKind = 'juesuan.income';
const J3: TableKind = 'juesuan.expenditure';
const J4: TableKind = 'juesuan.fiscal-summary';
const J5: TableKind = 'juesuan.general-budget-expenditure';
const J6: TableKind = 'juesuan.basic-expenditure';
const J7: TableKind = 'juesuan.three-public';
const J8: TableKind = 'juesuan.gov-fund';
const J9: TableKind = 'juesuan.state-capital';

const inc = (key: string): FigureSel['row'] => ({ key });
const fig = (kind: TableKind, row: FigureSel['row'], col?: FigureSel['col'], side?: FigureSel['side'], optional?: boolean): FigureSel => {
  const s: FigureSel = { kind, row };
  if (col) s.col = col;
  if (side) s.side = side;
  if (optional) s.optional = optional;
  return s;
};

function tie(id: string, zh: string, en: string, left: FigureSel, right: FigureSel[], op: 'same' | 'ge' | 'le', extra: Partial<RuleDef> = {}, each?: 'class'): RuleDef {
  const kinds = [...new Set([left.kind, ...right.map((r) => r.kind)].flat())] as TableKind[];
  return {
    id,
    description: lt(zh, en),
    severity: 'error',
    given: { kinds },
    then: each ? { fn: 'tie', left, right, op, each } : { fn: 'tie', left, right, op },
    ...extra,
  };
}

const rules: RuleDef[] = [
  // —— inside tables (templates; skipped where the note prints the formula) ——
  {
    id: 'juesuan.income.columns',
    description: lt('收入决算表：本年收入合计 = 各项收入之和', 'Income table: total income = Σ income sources'),
    severity: 'error',
    given: { kinds: [J2] },
    then: { fn: 'columnSum', target: 'total', parts: ['fiscal', 'superior-subsidy', 'service', 'business', 'subordinate', 'other'], unlessDeclared: true },
  },
  {
    id: 'juesuan.expenditure.columns',
    description: lt('支出决算表：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出', 'Expenditure table: total = basic + project + remittance + business + subsidies'),
    severity: 'error',
    given: { kinds: [J3] },
    then: { fn: 'columnSum', target: 'total', parts: ['basic', 'project', 'remit-superior', 'business', 'subsidy-subordinate'], unlessDeclared: true },
  },
  {
    id: 'juesuan.general-budget.columns',
    description: lt('一般公共预算财政拨款支出决算表：合计 = 基本支出 + 项目支出', 'General budget expenditure: total = basic + project'),
    severity: 'error',
    given: { kinds: [J5] },
    then: { fn: 'columnSum', target: 'total', parts: ['basic', 'project'], unlessDeclared: true },
  },
  {
    id: 'juesuan.gov-fund.balance',
    description: lt('政府性基金决算表：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出', 'Government fund table: closing = opening + income − expenditure'),
    severity: 'error',
    given: { kinds: [J8, J9] },
    then: { fn: 'columnSum', target: 'closing-balance', parts: ['opening-balance', 'income', { key: 'expenditure.total', weight: -1 }], unlessDeclared: true },
  },
  {
    id: 'juesuan.gov-fund.spending',
    description: lt('政府性基金/国有资本经营决算表：本年支出 = 基本支出 + 项目支出', 'Fund tables: expenditure = basic + project'),
    severity: 'error',
    given: { kinds: [J8, J9] },
    then: { fn: 'columnSum', target: 'expenditure.total', parts: ['expenditure.basic', 'expenditure.project'], unlessDeclared: true },
  },
  ...(['budget', 'actual'] as const).flatMap((b): RuleDef[] => [
    {
      id: `juesuan.three-public.${b}.total`,
      description: lt(`“三公”经费表：${b === 'budget' ? '预算数' : '决算数'}合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费`, `"Three public" table: ${b} total = travel abroad + vehicles + hospitality`),
      severity: 'error',
      given: { kinds: [J7] },
      then: { fn: 'columnSum', target: `${b}.total`, parts: [`${b}.abroad`, `${b}.vehicle`, `${b}.reception`], unlessDeclared: true },
    },
    {
      id: `juesuan.three-public.${b}.vehicle`,
      description: lt(`“三公”经费表：${b === 'budget' ? '预算数' : '决算数'}公务用车小计 = 购置费 + 运行费`, `"Three public" table: ${b} vehicles = purchase + running`),
      severity: 'error',
      given: { kinds: [J7] },
      then: { fn: 'columnSum', target: `${b}.vehicle`, parts: [`${b}.vehicle.purchase`, `${b}.vehicle.running`], unlessDeclared: true },
    },
  ]),
  {
    id: 'juesuan.three-public.rows',
    description: lt('“三公”经费表（纵向）：“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费', 'Vertical "three public" table: total = abroad + vehicles + hospitality'),
    severity: 'error',
    given: { kinds: [J7] },
    then: { fn: 'rowSum', target: { key: 'three.total' }, parts: [{ key: 'three.abroad' }, { key: 'three.vehicle' }, { key: 'three.reception' }], unlessDeclared: true },
  },
  {
    id: 'juesuan.three-public.vehicle-rows',
    description: lt('“三公”经费表（纵向）：公务用车购置及运行费 = 购置费 + 运行维护费', 'Vertical "three public" table: vehicles = purchase + running'),
    severity: 'error',
    given: { kinds: [J7] },
    then: { fn: 'rowSum', target: { key: 'three.vehicle' }, parts: [{ key: 'three.vehicle.purchase' }, { key: 'three.vehicle.running' }], unlessDeclared: true },
  },
  {
    id: 'juesuan.basic.personnel',
    description: lt('基本支出决算表：人员经费合计 = 工资福利支出 + 对个人和家庭的补助', 'Basic expenditure: personnel total = 301 + 303'),
    severity: 'error',
    given: { kinds: [J6] },
    then: { fn: 'rowSum', target: { key: 'personnel.total' }, parts: 'economic-personnel' },
  },
  {
    id: 'juesuan.basic.public',
    description: lt('基本支出决算表：公用经费合计 = 商品和服务支出 + 资本性支出等', 'Basic expenditure: operating total = 302 + 307 + 310 + 312 + 399'),
    severity: 'error',
    given: { kinds: [J6] },
    then: { fn: 'rowSum', target: { key: 'public.total' }, parts: 'economic-public' },
  },
  {
    id: 'juesuan.summary.income-total',
    description: lt('收入支出决算总表：本年收入合计 = 各项收入之和', 'Summary: total income = Σ income lines'),
    severity: 'error',
    given: { kinds: [J1] },
    then: {
      fn: 'rowSum', side: 'income', target: inc('income.total'), unlessDeclared: true,
      parts: ['income.general-budget', 'income.gov-fund', 'income.state-capital', 'income.superior-subsidy', 'income.service', 'income.business', 'income.subordinate', 'income.other'].map(inc),
    },
  },
  {
    id: 'juesuan.summary.income-grand-total',
    description: lt('收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', 'Summary: income grand total = income + use of surplus + opening balance'),
    severity: 'error',
    given: { kinds: [J1] },
    then: { fn: 'rowSum', side: 'income', target: inc('income.grand-total'), parts: ['income.total', 'income.use-nonfiscal-surplus', 'income.opening-balance'].map(inc), unlessDeclared: true },
  },
  {
    id: 'juesuan.summary.expenditure-total',
    description: lt('收入支出决算总表：本年支出合计 = 各类支出之和', 'Summary: total expenditure = Σ classes'),
    severity: 'error',
    given: { kinds: [J1, J4] },
    then: { fn: 'rowSum', side: 'expenditure', target: inc('expenditure.total'), parts: 'classes', unlessDeclared: true },
  },
  {
    id: 'juesuan.summary.expenditure-grand-total',
    description: lt('收入支出决算总表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', 'Summary: expenditure grand total = expenditure + distribution + closing balance'),
    severity: 'error',
    given: { kinds: [J1, J4] },
    then: { fn: 'rowSum', side: 'expenditure', target: inc('expenditure.grand-total'), parts: ['expenditure.total', 'expenditure.surplus-distribution', 'expenditure.closing-balance'].map(inc), unlessDeclared: true },
  },
  {
    id: 'juesuan.fiscal-summary.income-total',
    description: lt('财政拨款收入支出决算总表：本年收入合计 = 三项财政拨款之和', 'Fiscal summary: income = Σ three funds'),
    severity: 'error',
    given: { kinds: [J4] },
    then: { fn: 'rowSum', side: 'income', target: inc('income.total'), parts: ['income.general-budget', 'income.gov-fund', 'income.state-capital'].map(inc), unlessDeclared: true },
  },
  {
    id: 'juesuan.fiscal-summary.grand-total',
    description: lt('财政拨款收入支出决算总表：收入总计 = 本年收入合计 + 年初财政拨款结转和结余', 'Fiscal summary: income grand total = income + opening balance'),
    severity: 'error',
    given: { kinds: [J4] },
    then: { fn: 'rowSum', side: 'income', target: inc('income.grand-total'), parts: ['income.total', 'income.opening-balance'].map(inc), unlessDeclared: true },
  },
  {
    id: 'juesuan.fiscal-summary.funds',
    description: lt('财政拨款收入支出决算总表：合计 = 一般公共预算 + 政府性基金 + 国有资本经营', 'Fiscal summary: total = general + fund + state capital, per line'),
    severity: 'error',
    given: { kinds: [J4] },
    then: { fn: 'columnSum', target: 'total', parts: ['general-budget', 'gov-fund', 'state-capital'] },
  },
  // —— balance of the two-sided tables ——
  tie('juesuan.summary.balance', '收入支出决算总表：收入总计 = 支出总计', 'Summary: income grand total = expenditure grand total',
    fig(J1, inc('income.grand-total'), undefined, 'income'), [fig(J1, inc('expenditure.grand-total'), undefined, 'expenditure')], 'same'),
  tie('juesuan.fiscal-summary.balance', '财政拨款收入支出决算总表：收入总计 = 支出总计', 'Fiscal summary: income grand total = expenditure grand total',
    fig(J4, inc('income.grand-total'), undefined, 'income'), [fig(J4, inc('expenditure.grand-total'), { index: 0 }, 'expenditure')], 'same'),
  // —— ties between tables (domain §4.4) ——
  tie('XJ-01', '总表本年收入合计 = 收入决算表合计', 'Summary total income = income table total',
    fig(J2, { key: 'total' }, { key: 'total' }), [fig(J1, inc('income.total'), undefined, 'income')], 'same'),
  tie('XJ-02', '收入决算表财政拨款收入 = 总表三项财政拨款收入之和', 'Income table fiscal income = Σ fiscal lines of the summary',
    fig(J2, { key: 'total' }, { key: 'fiscal' }),
    ['income.general-budget', 'income.gov-fund', 'income.state-capital'].map((k) => fig(J1, inc(k), undefined, 'income', true)), 'same'),
  ...([
    ['superior-subsidy', '上级补助收入', 'subsidy from the parent level'],
    ['service', '事业收入', 'service income'],
    ['business', '经营收入', 'business income'],
    ['subordinate', '附属单位上缴收入', 'remittances from subordinate units'],
    ['other', '其他收入', 'other income'],
  ] as const).map(([k, zh, en]) =>
    tie(`XJ-03.${k}`, `总表${zh} = 收入决算表${zh}`, `Summary ${en} = income table ${en}`,
      fig(J2, { key: 'total' }, { key: k }), [fig(J1, inc(`income.${k}`), undefined, 'income')], 'same'),
  ),
  tie('XJ-04', '总表本年支出合计 = 支出决算表合计', 'Summary total expenditure = expenditure table total',
    fig(J3, { key: 'total' }, { key: 'total' }), [fig(J1, inc('expenditure.total'), undefined, 'expenditure')], 'same'),
  tie('XJ-05', '总表各类支出 = 支出决算表对应类', 'Summary class lines = expenditure table class rows',
    fig(J3, {}, { key: 'total' }), [fig(J1, {}, undefined, 'expenditure')], 'same', {}, 'class'),
  ...([
    ['general-budget', '一般公共预算财政拨款收入', 'general budget income'],
    ['gov-fund', '政府性基金预算财政拨款收入', 'government fund income'],
    ['state-capital', '国有资本经营预算财政拨款收入', 'state capital income'],
  ] as const).map(([k, zh, en]) =>
    tie(`XJ-06.${k}`, `总表${zh} = 财政拨款总表${zh}`, `Summary ${en} = fiscal summary ${en}`,
      fig(J4, inc(`income.${k}`), undefined, 'income'), [fig(J1, inc(`income.${k}`), undefined, 'income')], 'same'),
  ),
  tie('XJ-07.opening', '总表年初结转和结余 ≥ 财政拨款年初结转和结余', 'Summary opening balance ≥ fiscal opening balance',
    fig(J1, inc('income.opening-balance'), undefined, 'income'), [fig(J4, inc('income.opening-balance'), undefined, 'income')], 'ge'),
  tie('XJ-07.closing', '总表年末结转和结余 ≥ 财政拨款年末结转和结余', 'Summary closing balance ≥ fiscal closing balance',
    fig(J1, inc('expenditure.closing-balance'), undefined, 'expenditure'), [fig(J4, inc('expenditure.closing-balance'), { index: 0 }, 'expenditure')], 'ge'),
  tie('XJ-08.total', '总表本年支出合计 ≥ 财政拨款本年支出合计', 'Summary expenditure ≥ fiscal expenditure',
    fig(J1, inc('expenditure.total'), undefined, 'expenditure'), [fig(J4, inc('expenditure.total'), { index: 0 }, 'expenditure')], 'ge'),
  tie('XJ-08.class', '总表各类支出 ≥ 财政拨款总表对应类', 'Summary class lines ≥ fiscal summary class lines',
    fig(J1, {}, undefined, 'expenditure'), [fig(J4, {}, { index: 0 }, 'expenditure')], 'ge', {}, 'class'),
  tie('XJ-09.total', '财政拨款总表一般公共预算支出 = 一般公共预算财政拨款支出决算表合计', 'Fiscal summary general-budget spending = general budget table total',
    fig(J5, { key: 'total' }, { key: 'total' }), [fig(J4, inc('expenditure.total'), { key: 'general-budget' }, 'expenditure')], 'same'),
  tie('XJ-09.class', '财政拨款总表各类一般公共预算支出 = 一般公共预算支出决算表对应类', 'Fiscal summary general-budget class lines = general budget table class rows',
    fig(J5, {}, { key: 'total' }), [fig(J4, {}, { key: 'general-budget' }, 'expenditure')], 'same', {}, 'class'),
  tie('XJ-10.income', '财政拨款总表政府性基金收入 = 政府性基金决算表本年收入', 'Fiscal summary fund income = fund table income',
    fig(J8, { key: 'total' }, { key: 'income' }), [fig(J4, inc('income.gov-fund'), undefined, 'income')], 'same'),
  tie('XJ-10.spending', '财政拨款总表政府性基金支出 = 政府性基金决算表本年支出', 'Fiscal summary fund spending = fund table spending',
    fig(J8, { key: 'total' }, { key: 'expenditure.total' }), [fig(J4, inc('expenditure.total'), { key: 'gov-fund' }, 'expenditure')], 'same'),
  tie('XJ-11', '财政拨款总表国有资本经营支出 = 国有资本经营决算表合计', 'Fiscal summary state-capital spending = state capital table total',
    fig(J9, { key: 'total' }, { key: ['expenditure.total', 'total'] }), [fig(J4, inc('expenditure.total'), { key: 'state-capital' }, 'expenditure')], 'same'),
  tie('XJ-12', '支出决算表合计 ≥ 一般公共预算 + 政府性基金 + 国有资本经营支出', 'Expenditure table total ≥ general + fund + state capital spending',
    fig(J3, { key: 'total' }, { key: 'total' }),
    [fig(J5, { key: 'total' }, { key: 'total' }), fig(J8, { key: 'total' }, { key: 'expenditure.total' }, undefined, true), fig(J9, { key: 'total' }, { key: ['expenditure.total', 'total'] }, undefined, true)], 'ge'),
  tie('XJ-13', '支出决算表基本支出 ≥ 一般公共预算财政拨款基本支出', 'Expenditure table basic ≥ general budget basic',
    fig(J3, { key: 'total' }, { key: 'basic' }),
    [fig(J5, { key: 'total' }, { key: 'basic' }), fig(J8, { key: 'total' }, { key: 'expenditure.basic' }, undefined, true)], 'ge'),
  tie('XJ-14', '一般公共预算基本支出 = 人员经费合计 + 公用经费合计', 'General budget basic spending = personnel total + operating total',
    fig(J5, { key: 'total' }, { key: 'basic' }), [fig(J6, { key: 'personnel.total' }), fig(J6, { key: 'public.total' })], 'same'),
  ...([
    ['30212', 'actual.abroad', '因公出国（境）费', 'travel abroad'],
    ['30231', 'actual.vehicle.running', '公务用车运行维护费', 'vehicle running'],
    ['31013', 'actual.vehicle.purchase', '公务用车购置费', 'vehicle purchase'],
    ['30217', 'actual.reception', '公务接待费', 'hospitality'],
  ] as const).map(([code, key, zh, en]) =>
    tie(`XJ-15.${code}`, `基本支出表${zh} ≤ “三公”表决算数`, `Basic table ${en} ≤ "three public" actual`,
      fig(J6, { code }), [fig(J7, {}, { key }, undefined, true)], 'le', { soft: true, severity: 'warning' }),
  ),
];

export const juesuanPack: RulePack = {
  id: 'juesuan',
  version: '1.0.0',
  description: lt('部门决算公开表：表内与表间勾稽关系', 'Final-accounts disclosure tables: intra- and inter-table relations'),
  rules,
};
