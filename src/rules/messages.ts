/** zh-CN / en-US messages of the rule engine. */
import { defineMessages } from '../i18n';

export const ruleMessages = defineMessages(
  {
    fails: (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}：应为 ${p.expected}，实为 ${p.actual}，相差 ${p.difference}。`,
    'fails-ge': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}：左边应不小于 ${p.expected}，实为 ${p.actual}，差 ${p.difference}。`,
    'fails-le': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}：左边应不大于 ${p.expected}，实为 ${p.actual}，超出 ${p.difference}。`,
    'same-fails': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `同一数字两处不一致：${p.what}：一处为 ${p.expected}，另一处为 ${p.actual}，相差 ${p.difference}。`,
    rounding: (p: { what: string; difference: string; items: number; allowance: string }) =>
      `${p.what}：相差 ${p.difference}，在 ${p.items} 个数字的尾数误差（±${p.allowance}）之内，不算错误。`,
    'total-missing': (p: { what: string; expected: string }) => `${p.what}：合计数为空，但明细合计为 ${p.expected}（合计缺失）。`,
    'blank-same': (p: { what: string; expected: string }) => `${p.what}：一处为空，另一处为 ${p.expected}（数字缺失）。`,
    'cannot-text': (p: { what: string }) => `${p.what}：有单元格不是数字，无法核对。`,
    'cannot-gap': (p: { need: string }) => `无法核对：${p.need}。`,
    'missing-table': (p: { table: string; count: number; rules: string }) => `工作簿中没有“${p.table}”，与它相关的 ${p.count} 项表间核对无法进行（${p.rules}）。`,
    'suspect-transposition': (p: { proposed: string }) => `很可能是数字顺序颠倒（应为 ${p.proposed}；差额能被 9 整除）。`,
    'suspect-nine': (p: { proposed: string }) => `差额能被 9 整除，可能是数字颠倒（按勾稽关系应为 ${p.proposed}）。`,
    'suspect-scale': (p: { proposed: string; factor: string }) => `很可能是小数点或单位错位（相差 ${p.factor} 倍，应为 ${p.proposed}）。`,
    'suspect-unit': (p: { proposed: string }) => `很可能是元与万元混用（相差 10000 倍，应为 ${p.proposed}）。`,
    'suspect-sign': (p: { proposed: string }) => `很可能是正负号错误（应为 ${p.proposed}）。`,
    'suspect-copied': (p: { proposed: string; from: string }) => `很可能是照抄了相邻单元格 ${p.from} 的数字（应为 ${p.proposed}）。`,
    'suspect-double': (p: { proposed: string; other: string }) => `差额等于 ${p.other} 的数字，可能是重复计算或漏计（应为 ${p.proposed}）。`,
    'suspect-plain': (p: { proposed: string; failing: number }) =>
      `该单元格同时出现在 ${p.failing} 个不成立的关系中，且不在任何成立的关系中；按勾稽关系应为 ${p.proposed}。`,
    'suspect-weak': (p: { failing: number }) => `该单元格出现在 ${p.failing} 个不成立的关系中，最可能有误。`,
  },
  {
    fails: (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}: expected ${p.expected}, found ${p.actual}, difference ${p.difference}.`,
    'fails-ge': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}: the left side should be at least ${p.expected}, found ${p.actual}, short by ${p.difference}.`,
    'fails-le': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `${p.what}: the left side should be at most ${p.expected}, found ${p.actual}, over by ${p.difference}.`,
    'same-fails': (p: { what: string; expected: string; actual: string; difference: string }) =>
      `The same figure is printed with two values: ${p.what}: ${p.expected} in one place, ${p.actual} in the other, difference ${p.difference}.`,
    rounding: (p: { what: string; difference: string; items: number; allowance: string }) =>
      `${p.what}: differs by ${p.difference}, within the rounding allowance of ${p.items} figures (±${p.allowance}); not an error.`,
    'total-missing': (p: { what: string; expected: string }) => `${p.what}: the total is blank while its parts add up to ${p.expected} (total missing).`,
    'blank-same': (p: { what: string; expected: string }) => `${p.what}: blank in one place, ${p.expected} in the other (figure missing).`,
    'cannot-text': (p: { what: string }) => `${p.what}: a cell is not a number, so this cannot be checked.`,
    'cannot-gap': (p: { need: string }) => `Cannot check: ${p.need}.`,
    'missing-table': (p: { table: string; count: number; rules: string }) => `The workbook has no "${p.table}" table, so ${p.count} cross-table checks with it cannot be made (${p.rules}).`,
    'suspect-transposition': (p: { proposed: string }) => `Most likely transposed digits (should be ${p.proposed}; the difference is divisible by 9).`,
    'suspect-nine': (p: { proposed: string }) => `The difference is divisible by 9, perhaps transposed digits (the relations give ${p.proposed}).`,
    'suspect-scale': (p: { proposed: string; factor: string }) => `Most likely a slipped decimal point or unit (off by a factor of ${p.factor}; should be ${p.proposed}).`,
    'suspect-unit': (p: { proposed: string }) => `Most likely 元 and 万元 mixed up (off by a factor of 10,000; should be ${p.proposed}).`,
    'suspect-sign': (p: { proposed: string }) => `Most likely a wrong sign (should be ${p.proposed}).`,
    'suspect-copied': (p: { proposed: string; from: string }) => `Most likely copied from the neighbouring cell ${p.from} (should be ${p.proposed}).`,
    'suspect-double': (p: { proposed: string; other: string }) => `The difference equals ${p.other}: probably counted twice or left out (should be ${p.proposed}).`,
    'suspect-plain': (p: { proposed: string; failing: number }) =>
      `This cell is in ${p.failing} failing relations and in no relation that holds; the relations give ${p.proposed}.`,
    'suspect-weak': (p: { failing: number }) => `This cell is in ${p.failing} failing relations: the most likely wrong figure.`,
  },
);
