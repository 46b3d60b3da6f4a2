/**
 * Drafts of the standard 情况说明 sections, built from facts only (domain §6 N01–N23, N37–N46).
 *
 * Every number in a draft is either a fact's value (an amount or a count printed in a table) or the result of exact
 * arithmetic on facts (a share, a change, a completion rate: decimal.js, rounded half-up); each is recorded with its
 * character span. What the workbook does not hold (last year's figures without a prior workbook, 年初预算 in a 决算,
 * the reasons for a change, what money was used for) is a marked placeholder 【待补充：…】, never a guess.
 */
import type { FactBase } from '../../facts';
import type { TableKind } from '../../model/table';

/** Wording family of the templates: the national template (财政部, used by Wuhan/Hubei, Jiangxi…) or Shanghai's. */
export type DraftTemplate = 'national' | 'shanghai';
export const DRAFT_TEMPLATES: readonly DraftTemplate[] = ['national', 'shanghai'];

export interface DraftStyle {
  /** wording family; default: 'shanghai' when the department is a Shanghai one, else 'national' */
  template?: DraftTemplate;
  /** decimals of amounts in 万元 (default 2) */
  amountDecimals?: number;
  /** decimals of shares “占 X%” (default 2) */
  shareDecimals?: number;
  /** decimals of change rates “增长 X%” and completion rates “完成年初预算的 X%” (default 2) */
  rateDecimals?: number;
  /** thousands separators in amounts (“1,057.52”; default false: narratives usually drop them) */
  thousands?: boolean;
}

export interface DraftOptions {
  /** language of the drafts: Chinese disclosure text only */
  lang?: 'zh-CN';
  /** last year's facts (a FactBase of the prior-year workbook of the same regime): changes are computed from it */
  prior?: FactBase;
  /** section ids to draft (an id or the id of a family, e.g. 'juesuan.general-budget'); default all */
  sections?: string[];
  style?: DraftStyle;
  /** report year; default: the year the tables print (see documentMeta) */
  year?: number;
  /** department name for the sentences that name it; default: the department the tables print, else 本部门 */
  department?: string;
}

/** Why a placeholder is there: a reason for a change, a prior-year figure, a budget figure, anything else. */
export type PlaceholderKind = 'reason' | 'prior' | 'budget' | 'other';

export interface DraftPlaceholder {
  kind: PlaceholderKind;
  /** [start, end) in the paragraph text, UTF-16 code units, brackets included */
  span: [number, number];
  /** what is to be supplied (“变动原因”, “2022年度决算数”, “年初预算数”) */
  label: string;
}

/** How a printed number was obtained. */
export type FigureKind =
  /** a fact's value (an amount in 万元) */
  | 'amount'
  /** a fact's value (a count: 个, 人次, 辆…) */
  | 'count'
  /** part / base × 100 */
  | 'share'
  /** |current − prior| in 万元 */
  | 'change'
  /** |current − prior| / prior × 100 */
  | 'change-rate'
  /** actual / budget × 100 */
  | 'completion-rate';

export interface FigureInput {
  factKey: string;
  cell: { sheet: string; cell: string };
  /** 'prior': a fact of the prior-year workbook */
  source: 'current' | 'prior';
}

export interface DraftFigure {
  /** the fact printed; for a derived number the fact it describes (the part of a share, the current value of a change) */
  factKey: string;
  cell: { sheet: string; cell: string };
  /** [start, end) of the printed number (digits only, no unit) in the paragraph text */
  span: [number, number];
  /** the number as printed */
  printed: string;
  kind: FigureKind;
  /** the unit printed after the number: 万元, %, or a count unit */
  unit: string;
  /**
   * the facts a derived number was computed from (share: [part, base]; change and change rate: [current, prior];
   * completion rate: [actual, budget]); a prior that the prior workbook does not list is absent (it counts as 0)
   */
  inputs?: FigureInput[];
}

export interface DraftParagraph {
  text: string;
  figures: DraftFigure[];
  placeholders: DraftPlaceholder[];
}

export interface DraftSection {
  /** stable id, e.g. 'juesuan.overview', 'juesuan.general-budget.detail', 'yusuan.three-public' */
  id: string;
  /** the section heading (without its ordinal, which depends on the document) */
  title: string;
  paragraphs: DraftParagraph[];
  /** table kinds the section needs that the workbook does not hold (then nothing, or less, could be drafted) */
  missing?: TableKind[];
}
