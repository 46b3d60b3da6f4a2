/** zh-CN / en-US messages of the narrative checker. */
import { defineMessages } from '../../i18n';

export const narrativeMessages = defineMessages(
  {
    'amount-mismatch': (p: { subject: string; printed: string; table: string; cell: string; value: string; difference: string }) =>
      `情况说明中“${p.subject}”为 ${p.printed} 万元，而${p.table}（${p.cell}）为 ${p.value} 万元，相差 ${p.difference} 万元。`,
    'amount-unit-slip': (p: { subject: string; printed: string; value: string }) =>
      `情况说明中“${p.subject}”为 ${p.printed}，表中为 ${p.value} 万元：很可能是元与万元混用。`,
    'amount-unlinked': (p: { subject: string; printed: string }) =>
      `情况说明中“${p.subject}” ${p.printed}：在表中找不到对应的数字，无法核对。`,
    'amount-no-subject': (p: { printed: string }) => `情况说明中的数字 ${p.printed}：无法确定它指哪一项，未核对。`,
    'share-mismatch': (p: { subject: string; base: string; printed: string; expected: string }) =>
      `情况说明中“${p.subject}”占${p.base}的比例为 ${p.printed}%，按金额计算应为 ${p.expected}%。`,
    'share-truncated': (p: { subject: string; printed: string; expected: string }) =>
      `情况说明中“${p.subject}”的占比 ${p.printed}% 是截断而非四舍五入的结果（应为 ${p.expected}%）。`,
    'share-unlinked': (p: { subject: string; printed: string }) => `情况说明中“${p.subject}”占比 ${p.printed}%：找不到比较的基数，无法核对。`,
    'zero-base': (p: { subject: string; printed: string }) =>
      `情况说明中“${p.subject}”的比率 ${p.printed}% 以 0 为基数，没有意义（建议改为“上年无此项支出”或“年初未安排预算”）。`,
    'change-rate': (p: { subject: string; amount: string; printed: string; expected: string; prior: string }) =>
      `情况说明中“${p.subject}”变动 ${p.amount} 万元，上年应为 ${p.prior} 万元，增减幅度应为 ${p.expected}%，而不是 ${p.printed}%。`,
    'change-direction': (p: { subject: string; words: string }) => `情况说明中“${p.subject}”的增减方向前后矛盾（${p.words}）。`,
    'change-flat': (p: { subject: string; amount: string }) => `情况说明中“${p.subject}”写作持平，但变动额为 ${p.amount} 万元。`,
    'change-prior': (p: { subject: string; implied: string; prior: string }) =>
      `情况说明中“${p.subject}”的上年数按变动额推算为 ${p.implied} 万元，但上年报表为 ${p.prior} 万元。`,
    'completion-rate': (p: { subject: string; actual: string; budget: string; printed: string; expected: string }) =>
      `情况说明中“${p.subject}”决算 ${p.actual} 万元、预算 ${p.budget} 万元，完成率应为 ${p.expected}%，而不是 ${p.printed}%。`,
    'completion-copied': (p: { subject: string; actual: string; implied: string }) =>
      `情况说明中“${p.subject}”的决算数写为 ${p.actual} 万元，与预算数相同；按完成率推算应为 ${p.implied} 万元：很可能把预算数抄到了决算数的位置。`,
    'completion-comparison': (p: { subject: string; word: string; actual: string; budget: string }) =>
      `情况说明中“${p.subject}”说决算数“${p.word}”预算数，但决算 ${p.actual} 万元、预算 ${p.budget} 万元。`,
    'breakdown-sum': (p: { whole: string; printed: string; sum: string; difference: string }) =>
      `情况说明中“${p.whole}”为 ${p.printed}，其中各项合计 ${p.sum}，相差 ${p.difference}。`,
    'residue': (p: { text: string }) => `情况说明中留有模板文字“${p.text}”，请改为实际内容。`,
    'placeholder': (p: { text: string }) => `草稿中的待补充内容“${p.text}”尚未填写。`,
    'same-subject-twice': (p: { subject: string; first: string; second: string }) =>
      `情况说明中“${p.subject}”前后写法不一致：一处为 ${p.first}，另一处为 ${p.second}。`,
  },
  {
    'amount-mismatch': (p: { subject: string; printed: string; table: string; cell: string; value: string; difference: string }) =>
      `The narrative states "${p.subject}" as ${p.printed} (10k yuan), but ${p.table} (${p.cell}) prints ${p.value}; difference ${p.difference}.`,
    'amount-unit-slip': (p: { subject: string; printed: string; value: string }) =>
      `The narrative states "${p.subject}" as ${p.printed} while the table prints ${p.value} (10k yuan): most likely 元 and 万元 mixed up.`,
    'amount-unlinked': (p: { subject: string; printed: string }) =>
      `The narrative's "${p.subject}" ${p.printed}: no matching figure in the tables, so it cannot be checked.`,
    'amount-no-subject': (p: { printed: string }) => `The narrative's figure ${p.printed}: it is unclear what it refers to, so it was not checked.`,
    'share-mismatch': (p: { subject: string; base: string; printed: string; expected: string }) =>
      `The narrative gives "${p.subject}" as ${p.printed}% of ${p.base}; the amounts give ${p.expected}%.`,
    'share-truncated': (p: { subject: string; printed: string; expected: string }) =>
      `The share of "${p.subject}", ${p.printed}%, was truncated rather than rounded (should be ${p.expected}%).`,
    'share-unlinked': (p: { subject: string; printed: string }) => `The share of "${p.subject}", ${p.printed}%: its base cannot be found, so it cannot be checked.`,
    'zero-base': (p: { subject: string; printed: string }) =>
      `The narrative prints a ratio of ${p.printed}% for "${p.subject}" on a base of 0, which is undefined (say "no such spending last year" or "no initial budget" instead).`,
    'change-rate': (p: { subject: string; amount: string; printed: string; expected: string; prior: string }) =>
      `The narrative changes "${p.subject}" by ${p.amount}; the prior value is then ${p.prior} and the rate should be ${p.expected}%, not ${p.printed}%.`,
    'change-direction': (p: { subject: string; words: string }) => `The narrative contradicts itself on the direction of "${p.subject}" (${p.words}).`,
    'change-flat': (p: { subject: string; amount: string }) => `The narrative calls "${p.subject}" unchanged but gives a change of ${p.amount}.`,
    'change-prior': (p: { subject: string; implied: string; prior: string }) =>
      `The narrative's change for "${p.subject}" implies a prior value of ${p.implied}, but last year's tables print ${p.prior}.`,
    'completion-rate': (p: { subject: string; actual: string; budget: string; printed: string; expected: string }) =>
      `For "${p.subject}" the narrative gives actual ${p.actual} and budget ${p.budget}: the completion rate should be ${p.expected}%, not ${p.printed}%.`,
    'completion-copied': (p: { subject: string; actual: string; implied: string }) =>
      `For "${p.subject}" the narrative gives an actual of ${p.actual}, equal to the budget; the rate implies ${p.implied}: the budget was most likely copied into the actual.`,
    'completion-comparison': (p: { subject: string; word: string; actual: string; budget: string }) =>
      `For "${p.subject}" the narrative says the actual is "${p.word}" the budget, but the actual is ${p.actual} and the budget ${p.budget}.`,
    'breakdown-sum': (p: { whole: string; printed: string; sum: string; difference: string }) =>
      `The narrative gives "${p.whole}" as ${p.printed}, but its parts add up to ${p.sum}; difference ${p.difference}.`,
    'residue': (p: { text: string }) => `Template text left in the narrative: "${p.text}".`,
    'placeholder': (p: { text: string }) => `The draft's placeholder "${p.text}" is still to be filled in.`,
    'same-subject-twice': (p: { subject: string; first: string; second: string }) =>
      `The narrative states "${p.subject}" two ways: ${p.first} in one place, ${p.second} in another.`,
  },
);
