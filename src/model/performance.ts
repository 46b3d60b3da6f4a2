/**
 * Performance self-evaluation forms (绩效自评表, domain §2.6): the 部门整体 form and one 项目（支出）form per project.
 * They are forms, not subject-code tables: label/value pairs (项目名称, 主管部门 …), a funding block (预算数 A, 执行数 B,
 * 执行率 B/A, 分值, 得分 by funding row) and an indicator grid (一级 → 二级 → 三级指标 with 年度指标值, 实际完成值, 分值,
 * 得分, 偏差原因), then 总分. Recognition (src/recognise/performance.ts) reads them into this structure, attached to the
 * RecognisedTable as `performance`; facts, rules, the narrative checker and drafting read it.
 */
import type { TableCell } from './table';

export type PerformanceScope = 'overall' | 'project';

/**
 * What a funding row counts: `total` (年度资金总额 / 年度财政资金总额 / 部门整体支出总额), the national template's sources
 * `current` (其中：当年财政拨款), `carry-over` (上年结转资金), `other` (其他资金), Jiangxi's `central` (中央财政资金) and
 * `local` (地方资金), a named source line (`source`: 一般预算内拨款 …), and `sum` (a 合计 row under named sources).
 */
export type FundRowKey = 'total' | 'current' | 'carry-over' | 'other' | 'central' | 'local' | 'source' | 'sum';

/** The figures of a funding row, by meaning. */
export type FundMeasure = 'initialBudget' | 'budget' | 'actual' | 'weight' | 'rate' | 'score';

export interface PerformanceFundRow {
  key: FundRowKey;
  /** the row's label as printed (“其中：当年财政拨款”, “一般预算内拨款”) */
  label: string;
  row: number;
  /** the cells of the row under each recognised funding column; absent when the column is not printed, null when blank */
  cells: Partial<Record<FundMeasure, TableCell | null>>;
}

export interface PerformanceIndicator {
  row: number;
  /** 年度目标 / 长期目标 group the row is printed under, when the form prints one (整体 forms) */
  goal?: string;
  /** 一级指标 (产出指标 / 效益指标 / 满意度指标), the block maximum removed (“产出指标（40 分）” → 产出指标) */
  level1?: string;
  level2?: string;
  /** 三级指标 / 具体指标名称 */
  name: string;
  target?: TableCell | null;
  actual?: TableCell | null;
  weight?: TableCell | null;
  score?: TableCell | null;
  /** 偏差原因分析及改进措施 / 未完成原因 */
  deviation?: TableCell | null;
}

/**
 * A block of indicators that prints its maximum score in its label (“产出指标（40 分）”, “数量指标（15 分）”,
 * “年度目标 1：（16 分）”): the indicators' scores must not exceed it (domain §4.7 E-4).
 */
export interface PerformanceBlock {
  level: 'goal' | 'level1' | 'level2';
  label: string;
  /** the printed maximum (“40”) */
  max: string;
  /** the cell that prints the label and its maximum */
  cell: { row: number; col: number };
  /** sheet rows of the indicators in the block */
  rows: number[];
}

export interface PerformanceForm {
  scope: PerformanceScope;
  /** 项目名称 (project forms) or 单位名称 (整体 forms), as printed */
  name?: string;
  nameCell?: { row: number; col: number };
  /** 主管部门 (Jiangxi: 地方主管部门) */
  department?: string;
  /** 项目实施单位 / 实施单位 / 资金使用单位 */
  implementer?: string;
  /**
   * The execution score's rule as declared: `weight` is the maximum (“得分（20 分*执行率）” → 20, or a
   * “预算执行情况（万元）（20 分）” heading); `formula` is true when the header prints 得分 = 分值 × 执行率 (the
   * “…分*执行率” form) or the form prints 分值 and 得分 columns side by side (the national template, whose 填报说明 defines
   * 得分 = 分值 × 执行率).
   */
  execution?: { weight?: string; formula: boolean; source: 'header' | 'columns' | 'heading' };
  funds: PerformanceFundRow[];
  /** 整体 forms: 基本支出总额 / 项目支出总额 printed as label/value pairs */
  basicTotal?: TableCell;
  projectTotal?: TableCell;
  indicators: PerformanceIndicator[];
  blocks: PerformanceBlock[];
  /** the declared indicator total (“年度绩效目标（80 分）”) */
  indicatorWeight?: string;
  /** 总分 row: the printed total (and its 分值 where the form prints one) */
  total?: { row: number; score?: TableCell | null; weight?: TableCell | null };
  /** 偏差大或目标未完成原因分析 / 改进措施及结果应用方案, as printed */
  deviation?: string;
  improvement?: string;
}
