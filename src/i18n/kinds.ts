/**
 * Human names of the table kinds, zh-CN and en-US. Shared by the CLI, the add-in and any message that names a table.
 * The names are the regional-neutral titles of the national template, without year, number or department.
 */
import type { TableKind } from '../model/table';
import { defineMessages, t, type Lang } from './index';

const zh = {
  'juesuan.income-expenditure-summary': '收入支出决算总表',
  'juesuan.income': '收入决算表',
  'juesuan.expenditure': '支出决算表',
  'juesuan.fiscal-summary': '财政拨款收入支出决算总表',
  'juesuan.general-budget-expenditure': '一般公共预算财政拨款支出决算表',
  'juesuan.basic-expenditure': '一般公共预算财政拨款基本支出决算表',
  'juesuan.three-public': '“三公”经费支出决算表',
  'juesuan.gov-fund': '政府性基金预算财政拨款收入支出决算表',
  'juesuan.state-capital': '国有资本经营预算财政拨款支出决算表',
  'juesuan.state-assets': '国有资产占用情况表',
  'juesuan.performance-overall': '部门整体绩效自评表',
  'juesuan.performance-project': '项目支出绩效自评表',
  'yusuan.income-expenditure-summary': '收支预算总表',
  'yusuan.income': '收入预算总表',
  'yusuan.expenditure': '支出预算总表',
  'yusuan.fiscal-summary': '财政拨款收支预算总表',
  'yusuan.general-budget-expenditure': '一般公共预算支出功能分类预算表',
  'yusuan.general-budget-by-unit': '一般公共预算支出表（分单位）',
  'yusuan.basic-expenditure': '一般公共预算基本支出预算表',
  'yusuan.three-public': '“三公”经费预算表',
  'yusuan.gov-fund': '政府性基金预算支出表',
  'yusuan.state-capital': '国有资本经营预算支出表',
  'yusuan.project-expenditure': '项目支出预算表',
  'yusuan.procurement': '政府采购预算表',
  'yusuan.purchase-services': '政府购买服务预算表',
} satisfies Record<TableKind, string>;

const en = {
  'juesuan.income-expenditure-summary': 'Income and expenditure summary (final accounts)',
  'juesuan.income': 'Income (final accounts)',
  'juesuan.expenditure': 'Expenditure (final accounts)',
  'juesuan.fiscal-summary': 'Fiscal appropriation income and expenditure summary (final accounts)',
  'juesuan.general-budget-expenditure': 'General public budget appropriation expenditure (final accounts)',
  'juesuan.basic-expenditure': 'General public budget appropriation basic expenditure (final accounts)',
  'juesuan.three-public': '"Three public" expenses (final accounts)',
  'juesuan.gov-fund': 'Government fund budget appropriation income and expenditure (final accounts)',
  'juesuan.state-capital': 'State capital operating budget appropriation expenditure (final accounts)',
  'juesuan.state-assets': 'State-owned assets in use',
  'juesuan.performance-overall': 'Department performance self-evaluation',
  'juesuan.performance-project': 'Project performance self-evaluation',
  'yusuan.income-expenditure-summary': 'Income and expenditure budget summary',
  'yusuan.income': 'Income budget summary',
  'yusuan.expenditure': 'Expenditure budget summary',
  'yusuan.fiscal-summary': 'Fiscal appropriation income and expenditure budget summary',
  'yusuan.general-budget-expenditure': 'General public budget expenditure by function (budget)',
  'yusuan.general-budget-by-unit': 'General public budget expenditure by unit (budget)',
  'yusuan.basic-expenditure': 'General public budget basic expenditure (budget)',
  'yusuan.three-public': '"Three public" expenses (budget)',
  'yusuan.gov-fund': 'Government fund budget expenditure',
  'yusuan.state-capital': 'State capital operating budget expenditure',
  'yusuan.project-expenditure': 'Project expenditure budget',
  'yusuan.procurement': 'Government procurement budget',
  'yusuan.purchase-services': 'Government purchase of services budget',
} satisfies Record<TableKind, string>;

export const kindNames = defineMessages<Record<TableKind, string>>(zh, en);

/** The name of a table kind in the given language. */
export function kindName(kind: TableKind, lang: Lang): string {
  return t(kindNames, lang, kind);
}
