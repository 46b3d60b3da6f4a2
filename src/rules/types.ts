/**
 * Rule engine types: rules as data, relation instances, findings (the stable JSON contract of `crossfoot check`).
 */
import type { Amount } from '../amount/parse';
import type { CellRef } from '../model/address';
import type { TableKind } from '../model/table';
import type { ColSel, FigureSel, RowSel } from './context';
import type { PerformanceCheckSpec } from './functions/performance';

export type Severity = 'error' | 'warning' | 'info';

/** The verdict model of domain §4.1. */
export type Verdict = 'holds' | 'vacuous' | 'rounding' | 'fails' | 'cannot';

export interface LocalText {
  'zh-CN': string;
  'en-US': string;
}

/** One addressed figure: a table cell with its parsed amount. */
export interface Term {
  ref: CellRef;
  row: number;
  col: number;
  amount: Amount;
  weight: number;
  /** a short human name for the figure ("合计/本年收入合计"), used in messages */
  name: string;
  /** table id the cell belongs to */
  table: string;
  /** the figure is a total (合计/总计/本年收入合计…): printed blank it is missing, not zero */
  isTotal?: boolean;
  /** the amount was converted for the relation (元 → 万元: 4): the cell itself prints it that many places larger */
  scaleDecimals?: number;
}

export type RelationOp = 'eq' | 'ge' | 'le' | 'same';

/** A concrete relation over cells, produced by a rule: target op Σ weight·parts. */
export interface Relation {
  rule: string;
  target: Term;
  parts: Term[];
  op: RelationOp;
  /** hard relations fail as errors; soft ones as warnings (domain §3.3) */
  soft: boolean;
  /** what the relation says, for messages ("第 5 行：1栏 = 2栏 + 3栏") */
  describe: LocalText;
}

export interface EvaluatedRelation extends Relation {
  verdict: Verdict;
  /** printed Σ parts (eq) or other side (same) */
  expected: string | null;
  /** printed target */
  actual: string | null;
  /** actual − expected, exact */
  difference: string | null;
  /** the rounding allowance (half-widths added) */
  allowance: string;
}

export interface Suspect {
  sheet: string;
  cell: string;
  proposed?: string;
  reason: string;
  /** machine-readable signature: transposition, scale-10, scale-10000, sign, copied, double-count, unexplained, unit-label */
  signature?: string;
}

export interface Finding {
  id: string;
  rule: string;
  severity: Severity;
  status: 'fail' | 'cannot-evaluate';
  /** holds|rounding|fails|cannot: what the relation evaluated to */
  verdict: Verdict;
  message: string;
  location: CellRef;
  cells: CellRef[];
  expected?: string;
  actual?: string;
  difference?: string;
  allowance?: string;
  suspect?: Suspect;
  /** table id of the location */
  table?: string;
  /** narrative findings: the claim's characters [start, end) in the paragraph at `location` */
  span?: { start: number; end: number };
  /** narrative findings: the claim as printed; note-formula findings (without a span): the formula as printed */
  text?: string;
  /** accepted by a reviewer (出错说明) while its figures are unchanged: see src/waivers.ts */
  waived?: { reason: string; at: string; author?: string };
}

/** Relations plus figures that could not be addressed (reported as cannot-evaluate). */
export interface Generated {
  relations: Relation[];
  gaps: Gap[];
}

export interface Gap {
  rule: string;
  location: CellRef;
  table?: string;
  /** what is missing */
  need: LocalText;
}


/** What a rule does, as data: one of the check functions with its options. */
export type CheckSpec =
  /** formulas printed in the table's notes (domain §4.2) */
  | { fn: 'declaredFormulas' }
  /** subject-code hierarchy: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every value column (domain §3.1, B-1/B-5) */
  | { fn: 'codeFooting' }
  /** per row: column `target` = Σ weight·columns (template relation where no formula is printed) */
  | { fn: 'columnSum'; target: string; parts: Array<string | { key: string; weight: number }>; unlessDeclared?: boolean }
  /** in every value column of a part: row `target` = Σ rows (or the 类 rows) */
  | {
      fn: 'rowSum';
      side?: 'main' | 'income' | 'expenditure' | 'block';
      target: RowSel;
      parts: Array<RowSel & { weight?: number }> | 'classes' | 'economic-personnel' | 'economic-public';
      cols?: ColSel[];
      unlessDeclared?: boolean;
    }
  /** two sides of one figure, across tables or within one: left op Σ right */
  | { fn: 'tie'; left: FigureSel; right: Array<FigureSel & { weight?: number }>; op: 'same' | 'ge' | 'le'; each?: 'class' }
  /*
   * The two below report findings of their own instead of relations (functions/direct.ts, after evaluation):
   * formulas printed in notes that cannot be read or do not fit the table (the checks they declare were not made), and
   * 金额单位 labels contradicted by the ties between tables (the figures agree only 10,000 times apart).
   */
  | { fn: 'declaredFormulasReadable' }
  | { fn: 'unitLabels' }
  /** the performance self-evaluation forms' own checks (functions/performance.ts, run by checkWorkbook) */
  | PerformanceCheckSpec;

export interface RuleDef {
  id: string;
  description: LocalText;
  severity: Severity;
  /** soft relations fail as warnings, never as errors (domain §3.3) */
  soft?: boolean;
  /** the table kinds the rule reads; the rule runs only when all `requires` kinds are present */
  given: { kinds: TableKind[]; requires?: TableKind[] };
  then: CheckSpec;
}

export interface RulePack {
  id: string;
  version: string;
  description: LocalText;
  rules: RuleDef[];
}
