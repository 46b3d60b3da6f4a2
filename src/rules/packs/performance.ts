/**
 * 绩效自评表 pack (domain §4.7 E-1 … E-4): the figures of the performance self-evaluation forms against each other.
 * The checks read the forms by meaning (RecognisedTable.performance) and report findings of their own
 * (../functions/performance.ts).
 */
import type { TableKind } from '../../model/table';
import type { LocalText, RuleDef, RulePack } from '../types';

const lt = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, 'en-US': en });
const FORMS: TableKind[] = ['juesuan.performance-overall', 'juesuan.performance-project'];

const rules: RuleDef[] = [
  {
    id: 'performance.rate',
    description: lt('绩效自评表：执行率（B/A）= 执行数 ÷ 预算数，逐个资金行，按四舍五入核对', 'Self-evaluation: execution rate (B/A) = actual ÷ budget, per funding line, rounding-aware'),
    severity: 'error',
    given: { kinds: FORMS },
    then: { fn: 'performanceRate' },
  },
  {
    id: 'performance.score',
    description: lt(
      '绩效自评表：预算执行得分 = 分值 × 执行率（不超过分值），表头列明“得分（N 分*执行率）”或印有分值、得分两栏时核对',
      'Self-evaluation: execution score = weight × execution rate (at most the weight), where the header declares it (score "(N points × rate)") or prints weight and score columns',
    ),
    severity: 'error',
    given: { kinds: FORMS },
    then: { fn: 'performanceScore' },
  },
  {
    id: 'performance.total-score',
    description: lt('绩效自评表：总分 = 预算执行得分 + 各项指标得分之和（指标得分已填写时）', 'Self-evaluation: total score = execution score + Σ indicator scores (where the indicator scores are filled in)'),
    severity: 'error',
    given: { kinds: FORMS },
    then: { fn: 'performanceTotal' },
  },
  {
    id: 'performance.block-score',
    description: lt('绩效自评表：一级、二级指标或年度目标下各指标得分之和不超过其标明的分值', 'Self-evaluation: the indicator scores of a block (goal, first- or second-level indicator) add up to no more than the weight its label prints'),
    severity: 'error',
    given: { kinds: FORMS },
    then: { fn: 'performanceBlocks' },
  },
  {
    id: 'performance.funds-sum',
    description: lt('绩效自评表：年度资金总额（合计）= 各资金来源之和，预算数、执行数分别核对', 'Self-evaluation: total funds = Σ funding sources, for the budget and the actual columns'),
    severity: 'error',
    given: { kinds: FORMS },
    then: { fn: 'performanceFunds' },
  },
  {
    // a convention of the 整体 form (its head restates the split of the actual spending), not a printed formula
    id: 'performance.overall-split',
    description: lt('部门整体绩效自评表：基本支出总额 + 项目支出总额 = 部门整体支出执行数', 'Department self-evaluation: basic + project expenditure = the department’s actual spending'),
    severity: 'warning',
    soft: true,
    given: { kinds: ['juesuan.performance-overall'] },
    then: { fn: 'performanceSplit' },
  },
];

export const performancePack: RulePack = {
  id: 'performance',
  version: '1.0.0',
  description: lt('绩效自评表规则：执行率、执行得分、总分、指标分值、资金来源合计', 'Performance self-evaluation rules: execution rate, execution score, total score, block weights, funding sources'),
  rules,
};
