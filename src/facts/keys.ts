/**
 * Fact keys: scope prefixes, function-subject levels, and which table is the home of a key (the preferred printing
 * when the same figure appears in several tables).
 */
import type { FactScope } from './types';

export type Fund = 'general-budget' | 'gov-fund' | 'state-capital';

/** Key prefix of a fund's own figures: gb., gov-fund., state-capital. */
export const FUND_PREFIX: Record<Fund, string> = {
  'general-budget': 'gb.',
  'gov-fund': 'gov-fund.',
  'state-capital': 'state-capital.',
};

/** The fund a label names, if any (“一般公共预算财政拨款”, “2. 政府性基金”, “国有资本经营预算拨款”). */
export function fundOfLabel(label: string): Fund | undefined {
  if (/一般公共预算/.test(label)) return 'general-budget';
  if (/政府性基金/.test(label)) return 'gov-fund';
  if (/国有资本经营/.test(label)) return 'state-capital';
  return undefined;
}

/** 类 / 款 / 项 of a function code by its length. */
export function levelName(code: string): 'class' | 'section' | 'item' | undefined {
  if (code.length === 3) return 'class';
  if (code.length === 5) return 'section';
  if (code.length === 7) return 'item';
  return undefined;
}

/**
 * Home tables of a key, most preferred first (kinds without the regime prefix). The narrative's own usage decides
 * (domain §4.6): 一般公共预算 figures come from J5 / 预算05 / T5, fund income lines from J4, basic-expenditure splits
 * from J6 / 预算07 / T8, all-money totals from J1 / 预算01 / T1.
 */
const HOMES: Array<[RegExp, string[]]> = [
  [/^basic\./, ['basic-expenditure', 'general-budget-expenditure', 'general-budget-by-unit']],
  [/^gb\.expenditure\.basic$/, ['general-budget-expenditure', 'basic-expenditure', 'fiscal-summary', 'general-budget-by-unit']],
  [/^gb\./, ['general-budget-expenditure', 'fiscal-summary', 'basic-expenditure', 'general-budget-by-unit']],
  [/^fiscal\.income\.gov-fund$/, ['fiscal-summary', 'income-expenditure-summary', 'income', 'gov-fund']],
  [/^fiscal\.income\.state-capital$/, ['fiscal-summary', 'income-expenditure-summary', 'income', 'state-capital']],
  [/^fiscal\./, ['fiscal-summary', 'income-expenditure-summary', 'income']],
  [/^gov-fund\./, ['gov-fund', 'fiscal-summary']],
  [/^state-capital\./, ['state-capital', 'fiscal-summary']],
  [/^income\./, ['income-expenditure-summary', 'income']],
  [/^(expenditure|class|section|item)\./, ['income-expenditure-summary', 'expenditure']],
  [/^(three-public|organ-running)/, ['three-public']],
];

/** 0 = the key's home table; larger = less preferred; 99 = not a listed home. */
export function homeRank(key: string, kind: string): number {
  const base = kind.replace(/^(juesuan|yusuan)\./, '');
  for (const [re, homes] of HOMES) {
    if (!re.test(key)) continue;
    const i = homes.indexOf(base);
    return i < 0 ? 99 : i;
  }
  return 99;
}

/**
 * Default order of keys that share a table-derived label (a 类 name is printed in J1, J3, J4, J5 and J2): the
 * 一般公共预算 figure first (domain §4.6: 类 amounts → J5), then fiscal, then all money, then the funds, income last.
 */
export function familyRank(key: string): number {
  if (key.startsWith('gb.')) return 0;
  if (key.startsWith('fiscal.')) return 1;
  if (/^(class|section|item|expenditure)\./.test(key)) return 2;
  if (key.startsWith('gov-fund.')) return 3;
  if (key.startsWith('state-capital.')) return 4;
  if (key.startsWith('income.')) return 5;
  return 6;
}

export function scopeOfPrefix(prefix: string): FactScope {
  switch (prefix) {
    case 'gb.':
      return 'general-budget';
    case 'gov-fund.':
      return 'gov-fund';
    case 'state-capital.':
      return 'state-capital';
    case 'fiscal.':
      return 'fiscal';
    default:
      return 'all';
  }
}
