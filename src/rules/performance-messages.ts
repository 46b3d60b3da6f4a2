/** zh-CN / en-US messages of the performance self-evaluation checks (src/rules/functions/performance.ts). */
import { defineMessages } from '../i18n';

interface RateParams {
  form: string;
  line: string;
  actual: string;
  budget: string;
  exact: string;
  expected: string;
  printed: string;
}

export const performanceMessages = defineMessages(
  {
    'rate-fails': (p: RateParams) =>
      `${p.form}“${p.line}”执行率（B/A）：执行数 ${p.actual} ÷ 预算数 ${p.budget} = ${p.exact}%，应为 ${p.expected}%，表中为 ${p.printed}。`,
    'rate-precision': (p: RateParams) =>
      `${p.form}“${p.line}”执行率（B/A）：按表中金额的精度，执行数 ${p.actual} ÷ 预算数 ${p.budget} = ${p.exact}%，应为 ${p.expected}%，表中为 ${p.printed}；只有把 ${p.budget} 看作四舍五入后的数字才说得通。`,
    'rate-truncated': (p: RateParams) =>
      `${p.form}“${p.line}”执行率（B/A）：${p.actual} ÷ ${p.budget} = ${p.exact}%，四舍五入应为 ${p.expected}%，表中 ${p.printed} 是截断而非四舍五入。`,
    'rate-zero-base': (p: { form: string; line: string; printed: string; actual: string }) =>
      `${p.form}“${p.line}”预算数为 0，执行数为 ${p.actual}，执行率无从计算，表中却印为 ${p.printed}（零基数的比率）。`,
    'score-fails': (p: { form: string; line: string; weight: string; rate: string; expected: string; printed: string }) =>
      `${p.form}“${p.line}”预算执行得分：${p.weight} 分 × 执行率 ${p.rate} = ${p.expected} 分（不超过 ${p.weight} 分），表中为 ${p.printed}。`,
    'score-over': (p: { form: string; line: string; weight: string; printed: string }) =>
      `${p.form}“${p.line}”预算执行得分 ${p.printed} 超过了分值 ${p.weight} 分。`,
    'total-fails': (p: { form: string; expected: string; printed: string; count: number; difference: string }) =>
      `${p.form}总分：预算执行得分与 ${p.count} 项指标得分之和为 ${p.expected}，表中总分为 ${p.printed}，相差 ${p.difference}。`,
    'total-cannot': (p: { form: string }) => `${p.form}总分：各项指标的得分均未填写，无法核对总分。`,
    'block-fails': (p: { form: string; block: string; max: string; sum: string; count: number }) =>
      `${p.form}“${p.block}”（${p.max} 分）：其下 ${p.count} 项指标得分合计 ${p.sum}，超过了该项分值。`,
    'funds-fails': (p: { form: string; line: string; measure: string; expected: string; printed: string; difference: string }) =>
      `${p.form}“${p.line}”${p.measure}：各资金来源合计 ${p.expected}，表中为 ${p.printed}，相差 ${p.difference}。`,
    'funds-missing': (p: { form: string; line: string; measures: string }) =>
      `${p.form}“${p.line}”一行为空，但资金来源的${p.measures}已填写（合计缺失）。`,
    'split-fails': (p: { form: string; basic: string; project: string; expected: string; printed: string }) =>
      `${p.form}：基本支出总额 ${p.basic} + 项目支出总额 ${p.project} = ${p.expected}，与部门整体支出执行数 ${p.printed} 不符。`,
    'measure.budget': '预算数',
    'measure.actual': '执行数',
    'measure.initialBudget': '年初预算数',
  },
  {
    'rate-fails': (p: RateParams) =>
      `${p.form} "${p.line}" execution rate (B/A): actual ${p.actual} ÷ budget ${p.budget} = ${p.exact}%, so ${p.expected}%; the form prints ${p.printed}.`,
    'rate-precision': (p: RateParams) =>
      `${p.form} "${p.line}" execution rate (B/A): at the precision of the form's amounts, actual ${p.actual} ÷ budget ${p.budget} = ${p.exact}%, so ${p.expected}%; the form prints ${p.printed}, which fits only if ${p.budget} is itself a rounded figure.`,
    'rate-truncated': (p: RateParams) =>
      `${p.form} "${p.line}" execution rate (B/A): ${p.actual} ÷ ${p.budget} = ${p.exact}%, rounded ${p.expected}%; the printed ${p.printed} is truncated, not rounded.`,
    'rate-zero-base': (p: { form: string; line: string; printed: string; actual: string }) =>
      `${p.form} "${p.line}": the budget is 0 and the actual ${p.actual}, so there is no execution rate, yet the form prints ${p.printed} (a ratio on a zero base).`,
    'score-fails': (p: { form: string; line: string; weight: string; rate: string; expected: string; printed: string }) =>
      `${p.form} "${p.line}" execution score: ${p.weight} points × execution rate ${p.rate} = ${p.expected} (at most ${p.weight}); the form prints ${p.printed}.`,
    'score-over': (p: { form: string; line: string; weight: string; printed: string }) =>
      `${p.form} "${p.line}" execution score ${p.printed} exceeds its weight of ${p.weight} points.`,
    'total-fails': (p: { form: string; expected: string; printed: string; count: number; difference: string }) =>
      `${p.form} total score: the execution score and ${p.count} indicator scores add up to ${p.expected}; the form prints ${p.printed}, ${p.difference} apart.`,
    'total-cannot': (p: { form: string }) => `${p.form} total score: no indicator score is filled in, so the total cannot be checked.`,
    'block-fails': (p: { form: string; block: string; max: string; sum: string; count: number }) =>
      `${p.form} "${p.block}" (${p.max} points): its ${p.count} indicator scores add up to ${p.sum}, more than the block's weight.`,
    'funds-fails': (p: { form: string; line: string; measure: string; expected: string; printed: string; difference: string }) =>
      `${p.form} "${p.line}" ${p.measure}: the funding sources add up to ${p.expected}; the form prints ${p.printed}, ${p.difference} apart.`,
    'funds-missing': (p: { form: string; line: string; measures: string }) =>
      `${p.form} "${p.line}" is blank although the funding sources' ${p.measures} are filled in (total missing).`,
    'split-fails': (p: { form: string; basic: string; project: string; expected: string; printed: string }) =>
      `${p.form}: basic expenditure ${p.basic} + project expenditure ${p.project} = ${p.expected}, not the department's actual spending ${p.printed}.`,
    'measure.budget': 'budget',
    'measure.actual': 'actual',
    'measure.initialBudget': 'initial budget',
  },
);
