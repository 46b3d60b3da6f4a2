/**
 * Recognised disclosure tables: what table recognition produces and what rules, facts and the add-in consume.
 * Everything is addressed by sheet + 1-based row/column; `key`s are canonical roles from the table catalogue
 * (src/recognise/catalog.ts) so that rules can say "the 合计 row, column 基本支出" whatever the layout.
 */
import type { Area } from './address';
import type { PerformanceForm } from './performance';

export type Regime = 'juesuan' | 'yusuan';

/** Stable table kinds. Never derived from a table's printed number (numbering differs by region). */
export const TABLE_KINDS = [
  // 部门决算
  'juesuan.income-expenditure-summary', // 收入支出决算总表
  'juesuan.income', // 收入决算表
  'juesuan.expenditure', // 支出决算表
  'juesuan.fiscal-summary', // 财政拨款收入支出决算总表
  'juesuan.general-budget-expenditure', // 一般公共预算财政拨款支出决算表
  'juesuan.basic-expenditure', // 一般公共预算财政拨款基本支出决算(明细)表
  'juesuan.three-public', // “三公”经费支出决算表
  'juesuan.gov-fund', // 政府性基金预算财政拨款收入支出决算表
  'juesuan.state-capital', // 国有资本经营预算财政拨款(收入)支出决算表
  'juesuan.state-assets', // 国有资产占用情况表
  'juesuan.performance-overall', // 部门（单位）整体绩效自评表
  'juesuan.performance-project', // 项目（支出）绩效自评表
  // 部门预算 (Wuhan 预算01–13表, Shanghai T1–T9)
  'yusuan.income-expenditure-summary', // 收支预算总表 / 财务收支预算总表
  'yusuan.income', // 收入预算总表
  'yusuan.expenditure', // 支出预算总表
  'yusuan.fiscal-summary', // 财政拨款收支预算总表
  'yusuan.general-budget-expenditure', // 一般公共预算支出表(分功能科目) / 一般公共预算支出功能分类预算表
  'yusuan.general-budget-by-unit', // 一般公共预算支出表(分单位)
  'yusuan.basic-expenditure', // 一般公共预算基本支出表 / …基本支出部门预算经济分类预算表
  'yusuan.three-public', // 一般公共预算“三公”经费支出表 / “三公”经费和机关运行经费预算表
  'yusuan.gov-fund', // 政府性基金预算支出表 / …功能分类预算表
  'yusuan.state-capital', // 国有资本经营预算支出表 / …功能分类预算表
  'yusuan.project-expenditure', // 项目支出预算表
  'yusuan.procurement', // 政府采购预算表
  'yusuan.purchase-services', // 政府向社会力量购买服务预算表
] as const;

export type TableKind = (typeof TABLE_KINDS)[number];

export type PartSide = 'main' | 'income' | 'expenditure' | 'block';

export type CodeSystem = 'function' | 'economic' | 'unit';

export interface TableColumn {
  /** sheet column, 1-based */
  col: number;
  /** header texts from top to bottom (merged cells expanded, repeats removed) */
  header: string[];
  /** header path joined with "/" */
  label: string;
  /** 栏次 printed under the header, when present */
  lanci?: number;
  /** canonical role from the catalogue (e.g. "total", "basic", "project", "budget.total") */
  key?: string;
}

export interface TableCell {
  row: number;
  col: number;
  /** displayed text of the cell */
  text: string;
}

export interface TableRow {
  /** sheet row, 1-based */
  row: number;
  /** the row's label (name), codes and ordinals kept as printed */
  label: string;
  /** the subject code, digits only ("2101101"; "301 01" → "30101") */
  code?: string;
  codeSystem?: CodeSystem;
  /** 1 = 类, 2 = 款, 3 = 项 */
  level?: 1 | 2 | 3;
  /** 行次 printed in the row, when present */
  hangci?: number;
  /** canonical role: "total", "grand-total", "subtotal", or a catalogue key such as "income.total" */
  key?: string;
  /** one entry per column of the part, same order; null where the cell is empty */
  cells: Array<TableCell | null>;
}

export interface TablePart {
  side: PartSide;
  /** column holding row labels */
  labelCol: number;
  /** columns holding subject codes: one (full code) or three (类|款|项) or two (类|款) */
  codeCols: number[];
  /** column holding 行次, when present */
  hangciCol?: number;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableNote {
  row: number;
  col: number;
  text: string;
}

export interface RecognisedTable {
  /** stable id within the workbook, e.g. "juesuan.income" or "juesuan.income#2" */
  id: string;
  kind: TableKind;
  regime: Regime;
  title: string;
  sheet: string;
  /** the table's full extent, title to last note */
  area: Area;
  /** A1 form of area */
  range: string;
  titleCell: { row: number; col: number };
  /** 万元, 元, 亿元, or a count unit such as 台、辆、套; null when no unit line was found */
  unit: string | null;
  /** printed form label, e.g. "公开 01 表", "预算01表", when present */
  formLabel?: string;
  year?: number;
  /** 部门/编制单位/单位名称 from the header line */
  department?: string;
  /** header rows (first..last) */
  headerRows: [number, number];
  /** body rows (first..last); undefined when the table has no body */
  bodyRows?: [number, number];
  parts: TablePart[];
  notes: TableNote[];
  /** true when the table holds no amount (header only, or a 本表无数据 statement) */
  empty: boolean;
  /** the empty-table statement, when printed */
  emptyStatement?: string;
  /** performance self-evaluation forms (juesuan.performance-*): the form read by meaning (src/model/performance.ts) */
  performance?: PerformanceForm;
}

export interface UnplacedBlock {
  sheet: string;
  range: string;
  /** why it was not placed, as a message key */
  reason: 'unknown-title' | 'no-body' | 'not-a-table';
  text: string;
}

export interface Recognition {
  tables: RecognisedTable[];
  unplaced: UnplacedBlock[];
  /** sheets that hold prose (情况说明 and similar) */
  narrativeSheets: string[];
}
