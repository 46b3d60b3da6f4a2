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
    // formulas printed in table notes that cannot be checked (generic.declared-formula-readable)
    'formula-unreadable': (p: { text: string }) => `表注公式“${p.text}”无法识别，未作核对，请人工核对。`,
    'formula-no-hangci': (p: { formula: string }) => `表注公式“${p.formula}”按行次计算，但本表没有印出行次，未作核对。`,
    'formula-row-missing': (p: { formula: string; rows: string; count: number }) => `表注公式“${p.formula}”中的第 ${p.rows} 行在表中找不到，未作核对。`,
    'formula-rows-split': (p: { formula: string; rows: string; count: number }) =>
      `表注公式“${p.formula}”中的第 ${p.rows} 行与合计行不在表的同一侧（收入/支出），公式可能有误，未作核对。`,
    'formula-rows-blank': (p: { formula: string; rows: string; count: number }) =>
      `表注公式“${p.formula}”中的第 ${p.rows} 行表中没有印出，核对时按空白（0）计算。`,
    'formula-no-lanci': (p: { formula: string }) => `表注公式“${p.formula}”按栏次计算，但本表没有印出栏次，未作核对。`,
    'formula-col-missing': (p: { formula: string; cols: string; count: number }) => `表注公式“${p.formula}”中的第 ${p.cols} 栏在表中找不到，未作核对。`,
    // 金额单位 labels contradicted by the ties between tables (generic.unit-label)
    'unit-label': (p: { table: string; label: string; proposed: string; count: number; others: string; example: string }) =>
      `${p.table}的金额单位很可能标错：标注为“${p.label}”，但与${p.others}的 ${p.count} 项表间核对只有把本表数字按“${p.proposed}”理解才相符（如 ${p.example}）。`,
    'unit-label-either': (p: { a: string; ua: string; b: string; ub: string; count: number; example: string }) =>
      `${p.a}（标注“${p.ua}”）与${p.b}（标注“${p.ub}”）之间的 ${p.count} 项表间核对，按同一单位相符，按标注单位换算则相差 10000 倍：两表中有一张的金额单位很可能标错（如 ${p.example}），请核对。`,
    'unit-example': (p: { cell: string; value: string; unit: string; otherCell: string; otherValue: string; otherUnit: string }) =>
      `${p.cell} 为 ${p.value}（${p.unit}），${p.otherCell} 为 ${p.otherValue}（${p.otherUnit}）`,
    'suspect-unit-label': (p: { proposed: string }) => `金额单位很可能应为“${p.proposed}”。`,
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
    'formula-unreadable': (p: { text: string }) => `The formula "${p.text}" in the table note cannot be read, so it was not checked; check it by hand.`,
    'formula-no-hangci': (p: { formula: string }) =>
      `The formula "${p.formula}" in the table note adds lines by number (行次), but the table prints no line numbers, so it was not checked.`,
    'formula-row-missing': (p: { formula: string; rows: string; count: number }) =>
      `The formula "${p.formula}" in the table note names ${p.count > 1 ? 'lines' : 'line'} ${p.rows}, which the table does not have, so it was not checked.`,
    'formula-rows-split': (p: { formula: string; rows: string; count: number }) =>
      `The formula "${p.formula}" in the table note adds ${p.count > 1 ? 'lines' : 'line'} ${p.rows} from the other half of the table (income/expenditure) than its total; the formula may be wrong, so it was not checked.`,
    'formula-rows-blank': (p: { formula: string; rows: string; count: number }) =>
      `The formula "${p.formula}" in the table note names ${p.count > 1 ? 'lines' : 'line'} ${p.rows}, which the table does not print; it was checked counting ${p.count > 1 ? 'them' : 'it'} as blank (0).`,
    'formula-no-lanci': (p: { formula: string }) =>
      `The formula "${p.formula}" in the table note adds columns by number (栏次), but the table prints no column numbers, so it was not checked.`,
    'formula-col-missing': (p: { formula: string; cols: string; count: number }) =>
      `The formula "${p.formula}" in the table note names ${p.count > 1 ? 'columns' : 'column'} ${p.cols}, which the table does not have, so it was not checked.`,
    'unit-label': (p: { table: string; label: string; proposed: string; count: number; others: string; example: string }) =>
      `The unit label of ${p.table} is probably wrong: it says ${p.label}, but ${p.count} cross-table ${p.count > 1 ? 'checks' : 'check'} with ${p.others} ${p.count > 1 ? 'agree' : 'agrees'} only when its figures are read in ${p.proposed} (e.g. ${p.example}).`,
    'unit-label-either': (p: { a: string; ua: string; b: string; ub: string; count: number; example: string }) =>
      `${p.count} cross-table ${p.count > 1 ? 'checks' : 'check'} between ${p.a} (labelled ${p.ua}) and ${p.b} (labelled ${p.ub}) ${p.count > 1 ? 'agree' : 'agrees'} in one unit but ${p.count > 1 ? 'are' : 'is'} 10,000 times apart in the labelled units: one of the two unit labels is probably wrong (e.g. ${p.example}); please check.`,
    'unit-example': (p: { cell: string; value: string; unit: string; otherCell: string; otherValue: string; otherUnit: string }) =>
      `${p.cell} is ${p.value} (${p.unit}), ${p.otherCell} is ${p.otherValue} (${p.otherUnit})`,
    'suspect-unit-label': (p: { proposed: string }) => `The unit is most likely ${p.proposed}.`,
  },
);
