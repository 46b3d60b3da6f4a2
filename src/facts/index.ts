/**
 * Facts from the recognised tables: the single source of numbers for narrative checking, drafting, the
 * language-model layer and the chat.
 *
 * Key scheme. A key names a quantity, not a position; the same quantity printed in several tables has one key and
 * `all(key)` returns every printing (`byKey` the preferred one: the key's home table, see ./keys).
 * - scope prefix: none (all money: J1/J2/J3, 预算01/02/03, T1/T2/T3), `fiscal.` (财政拨款: J4 栏2, J2 栏2),
 *   `gb.` (一般公共预算: J5, J4 栏3, 预算05, T5), `gov-fund.` (J8, J4 栏4, 预算09, T6), `state-capital.` (J9, J4 栏5,
 *   预算10, T7);
 * - totals and lines: `income.total` (本年收入合计), `income.grand-total` / `expenditure.grand-total` (总计),
 *   `expenditure.total|basic|project|…`, `income.service|other|…`, `fiscal.income.total|general-budget|gov-fund|
 *   state-capital|opening-balance|carry-over|grand-total`, `fiscal.expenditure.total|closing-balance|grand-total`,
 *   `gb.expenditure.total|basic|project`, `gov-fund.opening-balance|closing-balance|expenditure.total|…`;
 * - function subjects: `[prefix]class|section|item.<code>.<measure>` (类/款/项; measure = total, basic, project,
 *   basic.personnel, basic.public, income, …), `income.class.<code>.<column>` for J2;
 * - basic expenditure: `basic.personnel.total`, `basic.public.total`, `basic.economic.<code>.total|personnel|public`;
 * - 三公: `three-public.<actual|budget|initial-budget|full-year-budget>.<total|abroad|vehicle|vehicle.purchase|
 *   vehicle.running|reception|reception.domestic|reception.foreign-affairs|reception.abroad>`,
 *   `three-public.count.<…>` (vertical layout), `organ-running` (机关运行经费);
 * - 预算11–13表: `projects.total`, `projects.item.<name>`, `procurement.total|sme|micro`, `purchase-services.total`;
 * - 绩效自评表 (./performance): `performance.project.<n>.budget|initial-budget|actual|rate|weight|score|total-score`,
 *   `performance.project.<n>.funds.<source>.budget|actual|rate`, `performance.overall.…` (+ `.basic`, `.project`),
 *   `performance.projects.count`.
 */
import type { Amount } from '../amount/parse';
import type { Fact } from './types';

export { buildFacts } from './build';
export { LEXICON, lexiconLabels } from './lexicon';
export { formAmount, performanceForms, primaryFund, projectNames } from './performance';
export { cleanLabel, normSubject, parseFunctionSubject, stripOrdinals } from './normalise';
export type { SubjectLevel, SubjectPart } from './normalise';
export type { Fact, FactBase, FactPeriod, FactScope, LookupHint } from './types';

/**
 * The fact as an Amount in 万元 (the narrative's unit): a printed number converted exactly, a blank cell stays blank
 * (exactly 0). Undefined for a count, an unknown unit, or a cell that holds no amount.
 */
export function wanAmount(fact: Fact): Amount | undefined {
  if (fact.valueWan) {
    return { kind: 'number', value: fact.valueWan.value, decimals: fact.valueWan.decimals, raw: fact.value.raw };
  }
  if (fact.value.kind === 'blank' && fact.unit !== null && /^(元|千元|万元|亿元)$/.test(fact.unit)) return fact.value;
  return undefined;
}
