/**
 * Claim model of the narrative extractor: what a 情况说明 sentence asserts, with character spans into the input text.
 *
 * Every span is a half-open [start, end) range of UTF-16 code units in the string passed to the extractor. Subjects
 * are returned exactly as printed (full-width punctuation kept); an empty subject means "the extractor could not tell
 * which figure this is" and must be reported as cannot-evaluate, never guessed.
 */
import type Decimal from 'decimal.js';

export interface Span {
  start: number;
  end: number;
}

/** Units as printed after a number (money, percent, counts, measures). Open-ended: unknown units pass through. */
export type Unit =
  | '万元'
  | '元'
  | '亿元'
  | '万'
  | '%'
  | '个百分点'
  | '人'
  | '人次'
  | '万人'
  | '万人次'
  | '个'
  | '家'
  | '辆'
  | '台'
  | '套'
  | '台（套）'
  | '批'
  | '批次'
  | '次'
  | '项'
  | '分'
  | '年'
  | string;

export interface NumberToken {
  /** the value as printed (sign included), in the printed unit: “1,183.81 万元” → 1183.81 */
  value: Decimal;
  /** printed decimals: “1183.81” → 2, “9.3” → 1, “10” → 0 */
  decimals: number;
  /** the number exactly as printed (thousands separators, full-width digits and sign kept) */
  raw: string;
  /** span of the number itself (sign and digits) */
  span: Span;
  /** normalised unit (“万余元” → 万元, “台(套)” → 台（套）); undefined when the number stands alone */
  unit?: Unit;
  /** span of the printed unit text (including 万/亿 and an inner 余/多), when there is a unit */
  unitSpan?: Span;
  /**
   * multiplier relative to the base unit: 元 for money (万元 → 10⁴, 亿元 → 10⁸, 元 → 1), the bare count unit for
   * 万-prefixed counts (万人 → 10⁴ relative to 人); undefined for percentages and plain counts
   */
  scale?: Decimal;
  /** approximate or bounded: 约/近/超过/逾/不足/≥ before, 余/多 inside, 以上/以下/左右 after */
  approx?: boolean;
  /** the whole phrase: approximation word before, number, unit, approximation word after */
  extent: Span;
}

export type Direction = 'increase' | 'decrease' | 'flat';

export interface DirectionWord {
  word: string;
  span: Span;
  direction: Direction;
}

/** Where a claim's subject came from: printed in the claim's own clause, or carried over from an earlier claim. */
export type SubjectSource = 'own' | 'inherited' | 'header' | 'none';

export interface AmountClaim {
  kind: 'amount';
  /** the label the money figure belongs to (“收入合计”, “社会保障和就业（类）支出”); '' when it cannot be determined */
  subject: string;
  subjectSpan: Span;
  amount: NumberToken;
  span: Span;
  /** “甲和乙各 5 万元”, “处理率、回告率和办结率均为 100%”: the figure holds for each listed member */
  each?: string[];
}

export interface CountClaim {
  kind: 'count';
  subject: string;
  subjectSpan: Span;
  count: NumberToken;
  span: Span;
  each?: string[];
}

/**
 * A figure that is neither money nor a count: a rate stated as a fact (“政策覆盖率达到 100%”), a score (“平均得分 99.43
 * 分”), an area, a duration, or a decimal printed without any unit (“增长 13.95。” is caught by the change claim).
 */
export interface MeasureClaim {
  kind: 'measure';
  subject: string;
  subjectSpan: Span;
  value: NumberToken;
  span: Span;
  each?: string[];
}

/** “占 X%”: percent = part / base. */
export interface ShareClaim {
  kind: 'share';
  /** the part (the subject of the amount the share follows, or the text before 占) */
  subject: string;
  subjectSpan?: Span;
  /** the base named after 占 (“本年收入”, “政府采购支出总额”); undefined for a bare “占 5%” */
  base?: string;
  baseSpan?: Span;
  percent: NumberToken;
  /** the amount of the part, when it is printed in the same sentence */
  part?: NumberToken;
  span: Span;
}

/** Year-on-year (or vs last year's budget) change: “比上年增加 12 万元，增长 2.8%”, “与上年持平”. */
export interface ChangeClaim {
  kind: 'change';
  subject: string;
  subjectSpan?: Span;
  /** the direction of the first direction word; directionWords holds all of them (they may contradict) */
  direction: Direction;
  /** Δ (money or count) */
  amount?: NumberToken;
  /** p (%) */
  percent?: NumberToken;
  /** a number in a change slot printed without unit (“增长 13.95。”): neither Δ nor p can be assumed */
  unitless?: NumberToken;
  directionWords: DirectionWord[];
  /** the current value A, when the same subject's amount is printed earlier in the sentence (or just before it) */
  current?: NumberToken;
  /** the comparison object as printed: “2021 年度决算数”, “上年”, “2024年预算” */
  comparedWith?: string;
  comparedWithSpan?: Span;
  /** “收、支总计各减少 …”: the change applies to each of the named totals */
  each?: boolean;
  /** “增长到 X”/“降至 X”: the number is the new value, not Δ (then amount/percent are unset and current = X) */
  toValue?: boolean;
  span: Span;
}

export type CompletionBase = 'initial' | 'full-year' | 'adjusted' | 'budget';

export interface CompletionComparison {
  /** the comparison word (大于, 小于, 持平, 无变化, 增加 …) */
  word: string;
  direction: 'above' | 'below' | 'equal';
  span: Span;
  /** “比年初预算增加 0 万元”: the printed difference A − B */
  amount?: NumberToken;
}

/** Execution against budget: “年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 p%”. */
export interface CompletionClaim {
  kind: 'completion';
  subject: string;
  subjectSpan?: Span;
  /** the budget the rate is stated against (from “完成年初/全年/调整预算的”); from the budget word when no rate */
  base: CompletionBase;
  /** p; absent when the sentence prints budget and actual without a rate (Shanghai 项 items) */
  percent?: NumberToken;
  /** B: the budget figure matching `base` (or the only one printed) */
  budget?: NumberToken;
  /** which budget B is (年初预算 → initial …), so a rate on the wrong base can be reported */
  budgetBase?: CompletionBase;
  /** every budget figure printed in the sentence, when more than one (“年初预算为 …，全年预算为 …”) */
  budgets?: Array<{ base: CompletionBase; amount: NumberToken }>;
  /** A */
  actual?: NumberToken;
  /** “决算数大于/小于/等于预算数”, “与预算持平”, in this or a following sentence */
  comparison?: CompletionComparison;
  span: Span;
}

/** “其中：a、b”, “包括…”, “分别为…”, a numbered list after “主要用于以下方面：”. */
export interface BreakdownClaim {
  kind: 'breakdown';
  /** the word that introduced the list (其中, 包括, 分别为, 主要用于 …) */
  connector: string;
  whole: Claim;
  parts: Claim[];
  span: Span;
}

export type ResidueKind =
  /** “增加（减少）”, “大于（小于）”: both template alternatives left in */
  | 'alternatives'
  /** “增减少”: a fragment of the unused alternative merged into the word */
  | 'merged-direction'
  /** “XX 万元”, “XXX局”, “××%” */
  | 'placeholder'
  /** drafting instructions: “（不涉及的不列）”, “（如持平作持平表述）” */
  | 'instruction'
  /** “主要原因是。”: the reason slot left empty */
  | 'empty-reason';

export interface TemplateResidueClaim {
  kind: 'template-residue';
  residue: ResidueKind;
  text: string;
  span: Span;
}

export interface YearClaim {
  kind: 'year';
  year: number;
  /** span of the year digits */
  span: Span;
  /** year − reportYear, when a report year was given */
  offset?: number;
}

export type Claim =
  | AmountClaim
  | CountClaim
  | MeasureClaim
  | ShareClaim
  | ChangeClaim
  | CompletionClaim
  | BreakdownClaim
  | TemplateResidueClaim
  | YearClaim;

export interface ExtractOptions {
  /** the report year ({Y}); sets YearClaim.offset */
  reportYear?: number;
}
