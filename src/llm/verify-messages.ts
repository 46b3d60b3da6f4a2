/** zh-CN / en-US messages of the verifier of model-written text (src/llm/verify.ts). */
import { defineMessages } from '../i18n';

export const verifyMessages = defineMessages(
  {
    'amount-unverified': (p: { text: string }) => `“${p.text}”：报表中没有这个数字，无法核实。`,
    'amount-mismatch': (p: { subject: string; text: string; expected: string; cell: string }) =>
      `“${p.subject}”写为 ${p.text}，而报表（${p.cell}）为 ${p.expected} 万元。`,
    'share-unverified': (p: { text: string }) => `占比“${p.text}”：找不到它的分子和基数，无法由报表数字算出。`,
    'percentage-unverified': (p: { text: string }) => `百分比“${p.text}”：无法由报表数字算出。`,
    'change-unverified': (p: { text: string }) => `变动额“${p.text}”：没有上年数，无法核实（请提供上年报表）。`,
    'change-mismatch': (p: { subject: string; text: string; expected: string; current: string; prior: string }) =>
      `“${p.subject}”本年 ${p.current} 万元、上年 ${p.prior} 万元，变动额应为 ${p.expected} 万元，而不是 ${p.text}。`,
    'rate-mismatch': (p: { subject: string; text: string; expected: string; current: string; prior: string }) =>
      `“${p.subject}”本年 ${p.current} 万元、上年 ${p.prior} 万元，增减幅度应为 ${p.expected}%，而不是 ${p.text}。`,
    'rate-zero-base': (p: { subject: string; text: string }) => `“${p.subject}”上年为 0，增减幅度“${p.text}”没有意义。`,
    'direction-mismatch': (p: { subject: string; word: string; expected: string; current: string; prior: string }) =>
      `“${p.subject}”本年 ${p.current} 万元、上年 ${p.prior} 万元，应为“${p.expected}”，而不是“${p.word}”。`,
    'count-mismatch': (p: { subject: string; text: string; expected: string; cell: string }) =>
      `“${p.subject}”写为 ${p.text}，而报表（${p.cell}）为 ${p.expected}。`,
    'count-unverified': (p: { text: string }) => `“${p.text}”：报表中没有这个数量，无法核实。`,
    'number-unverified': (p: { text: string }) => `“${p.text}”：不是报表中的数字，也无法由报表数字算出。`,
    'year-out-of-range': (p: { year: number; reportYear: number }) =>
      `年份 ${p.year}：既不是报告年度 ${p.reportYear}，也不是相邻年度。`,
    'year-unknown': (p: { year: number }) => `年份 ${p.year}：不知道报告年度，无法核实。`,
    'from-material': (p: { text: string }) => `“${p.text}”来自您提供的材料，未与报表核对。`,
    'numeral-unverified': (p: { text: string }) =>
      `“${p.text}”：无法识别为报表数字（请用阿拉伯数字书写，不加括号、编号），无法核实。`,
    'increase': '增加',
    'decrease': '减少',
    'flat': '持平',
  },
  {
    'amount-unverified': (p: { text: string }) => `"${p.text}": no such figure in the tables; it cannot be verified.`,
    'amount-mismatch': (p: { subject: string; text: string; expected: string; cell: string }) =>
      `"${p.subject}" is written as ${p.text}, but the table (${p.cell}) prints ${p.expected} (10k yuan).`,
    'share-unverified': (p: { text: string }) => `Share "${p.text}": its part and base cannot be found; it cannot be computed from the tables.`,
    'percentage-unverified': (p: { text: string }) => `Percentage "${p.text}": it cannot be computed from the tables.`,
    'change-unverified': (p: { text: string }) => `Change "${p.text}": there are no prior-year figures to verify it against (supply last year's workbook).`,
    'change-mismatch': (p: { subject: string; text: string; expected: string; current: string; prior: string }) =>
      `"${p.subject}" is ${p.current} this year and ${p.prior} last year: the change is ${p.expected}, not ${p.text}.`,
    'rate-mismatch': (p: { subject: string; text: string; expected: string; current: string; prior: string }) =>
      `"${p.subject}" is ${p.current} this year and ${p.prior} last year: the rate of change is ${p.expected}%, not ${p.text}.`,
    'rate-zero-base': (p: { subject: string; text: string }) => `"${p.subject}" was 0 last year: the rate "${p.text}" is undefined.`,
    'direction-mismatch': (p: { subject: string; word: string; expected: string; current: string; prior: string }) =>
      `"${p.subject}" is ${p.current} this year and ${p.prior} last year: it should say "${p.expected}", not "${p.word}".`,
    'count-mismatch': (p: { subject: string; text: string; expected: string; cell: string }) =>
      `"${p.subject}" is written as ${p.text}, but the table (${p.cell}) prints ${p.expected}.`,
    'count-unverified': (p: { text: string }) => `"${p.text}": no such count in the tables; it cannot be verified.`,
    'number-unverified': (p: { text: string }) => `"${p.text}": not a figure of the tables, nor computed from them.`,
    'year-out-of-range': (p: { year: number; reportYear: number }) =>
      `Year ${p.year}: neither the report year ${p.reportYear} nor an adjacent year.`,
    'year-unknown': (p: { year: number }) => `Year ${p.year}: the report year is unknown, so it cannot be verified.`,
    'from-material': (p: { text: string }) => `"${p.text}" comes from your material; it was not verified against the tables.`,
    'numeral-unverified': (p: { text: string }) =>
      `"${p.text}": not readable as a figure of the tables (write it in Arabic digits, without brackets or codes); it cannot be verified.`,
    'increase': 'increase',
    'decrease': 'decrease',
    'flat': 'unchanged',
  },
);
