/**
 * Facts of the performance self-evaluation forms (绩效自评表, domain §2.6), so that a narrative's 绩效自评 sentences
 * (N27–N29: “项目全年预算数为 A 万元，执行数为 B 万元，完成预算的 p%”, “共涉及 n 个一级项目”) and a drafted summary are
 * checked against the forms.
 *
 * Keys (n: the form's place among the project forms of the workbook, 1-based, in workbook order):
 * - `performance.project.<n>.budget` (全年预算数 / 预算数（A）, period full-year-budget), `.initial-budget` (年初预算数),
 *   `.actual` (全年执行数 / 执行数（B）, current), `.rate` (执行率, a percentage as printed), `.weight` (分值),
 *   `.score` (the execution score 得分), `.total-score` (总分); figures of the form's total funding line: 年度资金总额, else
 *   a 合计 line that prints figures, else its only source line;
 * - `performance.project.<n>.funds.<source>[.<i>].budget|actual|rate` for the other funding lines (当年财政拨款,
 *   上年结转资金, 其他资金, 中央财政资金, 地方资金, named sources);
 * - `performance.overall.*` the same for the 部门整体 form (`performance.overall.<m>.*` for a second one), plus
 *   `.basic` / `.project` (基本支出总额 / 项目支出总额);
 * - `performance.projects.count`: the number of project forms (the “共涉及 n 个一级项目” of N29), a count in 个 whose cell
 *   is the first project form's title; `performance.units.count`: the number of 整体 forms (N28 “对 n 个部门（单位）”).
 * Labels: the project's name as printed and as narratives shorten it (without the year, “项目”, “经费”), the name with
 * the measure (“部门日常管理经费全年预算数”); the name alone prefers the 执行数 (a 决算 quotes actuals), then the budget.
 */
import Decimal from 'decimal.js';
import { parseAmount, type Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import { a1 } from '../model/address';
import type { FundRowKey, PerformanceForm, PerformanceFundRow } from '../model/performance';
import type { RecognisedTable, Recognition, TableCell } from '../model/table';
import type { RuleContext } from '../rules/context';
import type { RankedLabel } from './base';
import type { Fact, FactPeriod } from './types';

type Measure = 'budget' | 'initial-budget' | 'actual' | 'rate' | 'weight' | 'score' | 'total-score' | 'basic' | 'project';

const MEASURE_WORDS: Record<Measure, string[]> = {
  budget: ['全年预算数', '预算数', '全年预算'],
  'initial-budget': ['年初预算数', '年初预算'],
  actual: ['执行数', '全年执行数', '实际支出'],
  rate: ['执行率', '预算执行率', '完成率'],
  weight: ['执行分值', '预算执行分值'],
  score: ['预算执行得分', '执行得分'],
  'total-score': ['自评总分', '总分', '自评得分', '绩效自评得分'],
  basic: ['基本支出总额', '基本支出'],
  project: ['项目支出总额', '项目支出'],
};

/** the name alone means the 执行数 first (a 决算 quotes actuals), then the budget, then the rest */
const NAME_RANK: Record<Measure, number> = {
  actual: 0,
  budget: 1,
  'initial-budget': 2,
  rate: 3,
  'total-score': 4,
  score: 5,
  weight: 6,
  basic: 7,
  project: 8,
};

const PERIOD: Record<Measure, FactPeriod> = {
  budget: 'full-year-budget',
  'initial-budget': 'initial-budget',
  actual: 'current',
  rate: 'current',
  weight: 'current',
  score: 'current',
  'total-score': 'current',
  basic: 'current',
  project: 'current',
};

/** The names a narrative gives a project: as printed, without spaces, the year, a trailing 项目 or 经费. */
export function projectNames(name: string): string[] {
  const out: string[] = [];
  const add = (x: string) => {
    const t = x.trim();
    if (t.length >= 2 && !out.includes(t)) out.push(t);
  };
  const squashed = name.replace(/\s+/g, '');
  add(name.trim());
  add(squashed);
  const noYear = squashed.replace(/^20\d{2}年度?/, '');
  add(noYear);
  for (const x of [squashed, noYear]) {
    if (/项目$/.test(x)) add(x.replace(/项目$/, ''));
    else add(`${x}项目`);
  }
  for (const x of [...out]) if (/经费$/.test(x) && x.length > 4) add(x.replace(/经费$/, ''));
  return out;
}

/** A form's figure: the cell's amount, read without a unit word it prints (“19.46 分”, “179.2 万元”). */
export function formAmount(ctx: RuleContext, sheet: string, cell: TableCell): Amount {
  const a = ctx.amountAt(sheet, cell.row, cell.col);
  if (a.kind !== 'text') return a;
  const stripped = parseAmount(cell.text.replace(/\s*(?:万元|元|分)\s*$/, ''));
  return stripped.kind === 'number' || stripped.kind === 'percent' ? { ...stripped, raw: a.raw } : a;
}

/** The funding line whose figures are the form's (年度资金总额; else a 合计 that prints figures; else the only source). */
export function primaryFund(form: PerformanceForm): PerformanceFundRow | undefined {
  const printed = (f: PerformanceFundRow) => !!(f.cells.budget?.text || f.cells.actual?.text);
  const total = form.funds.find((f) => f.key === 'total' && printed(f));
  if (total) return total;
  const sum = form.funds.find((f) => f.key === 'sum' && printed(f));
  if (sum) return sum;
  const sources = form.funds.filter((f) => f.key !== 'total' && f.key !== 'sum' && printed(f));
  return sources.length === 1 ? sources[0] : undefined;
}

export interface PerformanceFact {
  fact: Fact;
  labels: RankedLabel[];
}

/** The performance forms of a recognition, numbered as the keys number them. */
export function performanceForms(recognition: Recognition): Array<{ table: RecognisedTable; form: PerformanceForm; prefix: string; index: number }> {
  let overall = 0;
  let project = 0;
  const out: Array<{ table: RecognisedTable; form: PerformanceForm; prefix: string; index: number }> = [];
  for (const table of recognition.tables) {
    const form = table.performance;
    if (!form) continue;
    if (form.scope === 'overall') {
      overall++;
      out.push({ table, form, index: overall, prefix: overall === 1 ? 'performance.overall' : `performance.overall.${overall}` });
    } else {
      project++;
      out.push({ table, form, index: project, prefix: `performance.project.${project}` });
    }
  }
  return out;
}

const SOURCE_KEYS: FundRowKey[] = ['current', 'carry-over', 'other', 'central', 'local', 'source'];

export function performanceFacts(ctx: RuleContext, recognition: Recognition): PerformanceFact[] {
  const out: PerformanceFact[] = [];
  const forms = performanceForms(recognition);
  for (const { table, form, prefix } of forms) {
    const names = form.scope === 'project' ? projectNames(form.name ?? '') : ['部门整体', '整体支出', '部门整体支出', ...(form.name ? [form.name] : [])];
    /** one fact; `own`: labels of its own; `sub`: a secondary funding line (named by its own labels only) */
    const push = (key: string, measure: Measure, cell: TableCell | null | undefined, own: string[] = [], sub = false) => {
      if (!cell || !cell.text.trim()) return;
      const value = formAmount(ctx, table.sheet, cell);
      if (value.kind !== 'number' && value.kind !== 'percent') return;
      const unit = value.kind === 'percent' ? '%' : /score|weight/.test(measure) ? '分' : (table.unit ?? '万元');
      const fact: Fact = {
        key,
        labels: [],
        value,
        unit,
        cell: { sheet: table.sheet, cell: a1(cell.row, cell.col) },
        table: table.id,
        kind: table.kind,
        period: PERIOD[measure],
      };
      if (form.name) fact.entity = form.name;
      const shift = unit === '万元' ? 0 : unit === '元' ? -4 : undefined;
      if (shift !== undefined && value.kind === 'number' && value.value) {
        fact.valueWan = { value: exact(value.value).times(new Decimal(10).pow(shift)), decimals: value.decimals - shift };
      }
      const labels: RankedLabel[] = [];
      const add = (label: string, rank: number) => {
        if (label && !labels.some((l) => l.label === label)) labels.push({ label, rank });
      };
      if (!sub) for (const n of names.slice(0, 3)) for (const w of MEASURE_WORDS[measure]) add(`${n}${w}`, 0);
      for (const l of own) add(l, 0.5);
      if (!sub) for (const n of names) add(n, 1 + NAME_RANK[measure]);
      out.push({ fact, labels });
    };
    const main = primaryFund(form);
    if (main) {
      push(`${prefix}.budget`, 'budget', main.cells.budget);
      push(`${prefix}.initial-budget`, 'initial-budget', main.cells.initialBudget);
      push(`${prefix}.actual`, 'actual', main.cells.actual, form.scope === 'overall' ? ['部门整体支出总额', '整体支出绩效自评资金'] : []);
      push(`${prefix}.rate`, 'rate', main.cells.rate);
      push(`${prefix}.weight`, 'weight', main.cells.weight);
      push(`${prefix}.score`, 'score', main.cells.score);
    }
    const seen = new Map<string, number>();
    for (const f of form.funds) {
      if (f === main || !SOURCE_KEYS.includes(f.key)) continue;
      const n = (seen.get(f.key) ?? 0) + 1;
      seen.set(f.key, n);
      const k = `${prefix}.funds.${f.key}${n > 1 ? `.${n}` : ''}`;
      const line = f.label.replace(/^其中[:：]?/, '').replace(/[:：]$/, '');
      for (const [m, c] of [['budget', f.cells.budget], ['actual', f.cells.actual], ['rate', f.cells.rate]] as const) {
        push(`${k}.${m}`, m, c, names.slice(0, 2).flatMap((nm) => MEASURE_WORDS[m].slice(0, 1).map((w) => `${nm}${line}${w}`)), true);
      }
    }
    push(`${prefix}.total-score`, 'total-score', form.total?.score);
    if (form.scope === 'overall') {
      push(`${prefix}.basic`, 'basic', form.basicTotal, ['部门整体基本支出总额', '整体绩效自评基本支出总额'], true);
      push(`${prefix}.project`, 'project', form.projectTotal, ['部门整体项目支出总额', '整体绩效自评项目支出总额'], true);
    }
  }
  const count = (key: string, scope: 'project' | 'overall', labels: string[]) => {
    const of = forms.filter((f) => f.form.scope === scope);
    if (of.length === 0) return;
    const first = of[0].table;
    out.push({
      fact: {
        key,
        labels: [],
        value: { kind: 'number', value: exact(of.length), decimals: 0, raw: String(of.length) },
        unit: '个',
        cell: { sheet: first.sheet, cell: a1(first.titleCell.row, first.titleCell.col) },
        table: first.id,
        kind: first.kind,
        period: 'current',
      },
      labels: labels.map((label, rank) => ({ label, rank })),
    });
  };
  count('performance.projects.count', 'project', ['一级项目', '项目绩效自评表', '绩效自评项目', '开展绩效自评的项目', '自评项目']);
  // N28 “组织对 n 个部门（单位）开展整体支出绩效自评”: the 整体 forms
  count('performance.units.count', 'overall', ['部门（单位）', '部门(单位)', '整体绩效自评表', '开展整体支出绩效自评的部门（单位）']);
  return out;
}
