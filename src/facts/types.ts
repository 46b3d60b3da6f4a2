/**
 * Facts: every figure of the recognised tables that a narrative can quote, named by a stable semantic key and by the
 * zh-CN subject phrases the narrative uses for it. Facts are the single source of numbers for narrative checking,
 * drafting, the language-model layer and the chat.
 */
import type Decimal from 'decimal.js';
import type { Amount } from '../amount/parse';
import type { TableKind } from '../model/table';

/** Whose money a figure counts (domain §4.6 rule 1: “财政拨款” is not “一般公共预算财政拨款”). */
export type FactScope = 'all' | 'fiscal' | 'general-budget' | 'gov-fund' | 'state-capital';

/** Which figure of the year: actuals (决算数), a budget (预算数), or the 三公 table's 年初 / 全年 budget columns. */
export type FactPeriod = 'current' | 'budget' | 'initial-budget' | 'full-year-budget';

export interface Fact {
  /**
   * Stable semantic key. The same quantity printed in several tables has one key (J1 and J2 both print
   * 'income.total'). Scheme (see src/facts/index.ts): an optional scope prefix ('fiscal.', 'gb.', 'gov-fund.',
   * 'state-capital.') then the quantity: 'income.total', 'expenditure.basic', 'gb.expenditure.total',
   * 'gb.class.210.total', 'gb.item.2101101.total', 'fiscal.income.gov-fund', 'three-public.actual.reception',
   * 'basic.personnel.total', 'basic.economic.30101.total', 'gov-fund.closing-balance', 'organ-running' …
   */
  key: string;
  /** zh-CN names the narrative uses for it (subject phrases), best first */
  labels: string[];
  /** the printed amount, printed precision kept; a blank cell is kind 'blank' (exactly 0) */
  value: Amount;
  /** unit of the table (万元 / 元), or the count unit of a count row (个 / 人 / 辆); null when none was printed */
  unit: string | null;
  /** the value in 万元, exact (÷10,000 for 元 tables, decimals + 4); only for printed numbers in a money unit */
  valueWan?: { value: Decimal; decimals: number };
  cell: { sheet: string; cell: string };
  /** table id (RecognisedTable.id) */
  table: string;
  kind: TableKind;
  scope?: FactScope;
  period: FactPeriod;
  /** function / economic subject code for class, section, item and economic facts */
  code?: string;
  /** performance forms (绩效自评表): the project's name as the form prints it (整体 forms: the unit's name, if printed) */
  entity?: string;
}

export interface LookupHint {
  scope?: FactScope;
  period?: FactPeriod;
}

export interface FactBase {
  facts: Fact[];
  /** the preferred fact when a figure is printed in several tables */
  byKey(key: string): Fact | undefined;
  /** every printing of it, preferred first */
  all(key: string): Fact[];
  /**
   * Subject phrase → candidate facts, best first: exact label, then normalised label, then a function-subject
   * name/code match (“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”, “公共安全支出（204类）司法（06款）…”,
   * “类-款-项”). A hint orders facts of that scope / period first. [] when the subject is unknown.
   */
  lookup(subject: string, hint?: LookupHint): Fact[];
}
