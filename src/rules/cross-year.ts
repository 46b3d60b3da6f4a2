/**
 * Cross-year ties (domain §4.4 XJ-20): this year's opening balances are last year's closing balances — in the
 * summary (J1), the fiscal summary (J4, in total and per fund) and the fund tables. They need last year's workbook
 * (`--prior`); without it they are not evaluated (and nothing is reported).
 */
import { checkSame } from '../arith/interval';
import { wanAmount, type Fact, type FactBase } from '../facts';
import { t, type Lang } from '../i18n';
import { kindName } from '../i18n/kinds';
import { defineMessages } from '../i18n';
import type { Finding } from './types';

/** opening-balance key this year → closing-balance key last year */
export const CROSS_YEAR_TIES: Array<{ opening: string; closing: string; label: { 'zh-CN': string; 'en-US': string } }> = [
  { opening: 'income.opening-balance', closing: 'expenditure.closing-balance', label: { 'zh-CN': '年初结转和结余', 'en-US': 'opening balance' } },
  { opening: 'fiscal.income.opening-balance', closing: 'fiscal.expenditure.closing-balance', label: { 'zh-CN': '年初财政拨款结转和结余', 'en-US': 'fiscal opening balance' } },
  { opening: 'gb.opening-balance', closing: 'gb.closing-balance', label: { 'zh-CN': '一般公共预算财政拨款年初结转和结余', 'en-US': 'general-budget opening balance' } },
  { opening: 'gov-fund.opening-balance', closing: 'gov-fund.closing-balance', label: { 'zh-CN': '政府性基金年初结转和结余', 'en-US': 'government-fund opening balance' } },
  { opening: 'state-capital.opening-balance', closing: 'state-capital.closing-balance', label: { 'zh-CN': '国有资本经营年初结转和结余', 'en-US': 'state-capital opening balance' } },
];

const messages = defineMessages(
  {
    mismatch: (p: { label: string; table: string; value: string; prior: string }) =>
      `${p.table}的${p.label} ${p.value} 万元，与上年度决算的年末结转和结余 ${p.prior} 万元不一致。`,
  },
  {
    mismatch: (p: { label: string; table: string; value: string; prior: string }) =>
      `The ${p.label} in ${p.table} is ${p.value}, but last year's closing balance was ${p.prior}.`,
  },
);

function shown(f: Fact): string {
  const a = wanAmount(f);
  return a?.value ? a.value.toFixed(Math.max(0, a.decimals)) : '0.00';
}

/** Every printing of each opening balance against last year's closing balance; one finding per printing that differs. */
export function crossYearFindings(current: FactBase, prior: FactBase, lang: Lang): { findings: Finding[]; passed: number } {
  const findings: Finding[] = [];
  let passed = 0;
  for (const tie of CROSS_YEAR_TIES) {
    const last = prior.byKey(tie.closing);
    const lastValue = last ? wanAmount(last) : undefined;
    if (!last || !lastValue) continue;
    for (const f of current.all(tie.opening)) {
      const value = wanAmount(f);
      if (!value) continue;
      const v = checkSame(lastValue, value);
      if (v.verdict !== 'fails') {
        passed++;
        continue;
      }
      findings.push({
        id: `XJ-20@${f.cell.sheet}!${f.cell.cell}`,
        rule: 'XJ-20',
        severity: 'error',
        status: 'fail',
        verdict: 'fails',
        message: t(messages, lang, 'mismatch', { label: tie.label[lang], table: kindName(f.kind, lang), value: shown(f), prior: shown(last) }),
        location: { sheet: f.cell.sheet, cell: f.cell.cell },
        cells: [{ sheet: f.cell.sheet, cell: f.cell.cell }],
        expected: v.expected?.toString(),
        actual: v.actual?.toString(),
        difference: v.difference?.toString(),
        table: f.table,
      });
    }
  }
  return { findings, passed };
}
