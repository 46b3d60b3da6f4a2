/**
 * Reading a performance self-evaluation form (绩效自评表, domain §2.6) once its title has been found.
 *
 * These are forms, not code tables: there is no header block over a body. Below the title come label/value pairs
 * (项目名称 | …, 主管部门 | … | 项目实施单位 | …), a funding block (its own header row — 年初预算数 / 全年预算数 / 预算数（A） /
 * 全年执行数 / 执行数（B） / 分值 / 执行率 / 得分 — over rows 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金, or named
 * sources and 合计), optionally the 年度总体目标 rows, an indicator grid (its header row 一级指标 | 二级指标 | 三级指标 |
 * 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 …, group cells merged down the left, block maxima printed in labels such as
 * “产出指标（40 分）”), the 总分 row, the 偏差/改进措施 text rows and 备注 notes. Every part is found by the words it prints,
 * never by position, so the Wuhan, Caidian, Jiangxi and national (财政部) layouts read the same way.
 *
 * The result is a RecognisedTable with two parts — the funding block ('main': columns keyed initial-budget, budget,
 * actual, weight, rate, score; rows keyed funds.total, funds.current, …) and the indicator grid ('block': columns keyed
 * target, actual, weight, score, deviation; rows keyed indicator, and total-score for 总分) — plus the form itself
 * (`performance`, src/model/performance.ts).
 */
import { areaA1, type Area } from '../model/address';
import type {
  FundMeasure,
  FundRowKey,
  PerformanceBlock,
  PerformanceForm,
  PerformanceFundRow,
  PerformanceIndicator,
} from '../model/performance';
import type { RecognisedTable, TableCell, TableColumn, TableNote, TablePart, TableRow } from '../model/table';
import type { KindSpec } from './catalog';
import type { Grid } from './grid';
import { findYear, squash } from './text';

interface Hit {
  row: number;
  col: number;
  text: string;
  spec: KindSpec;
}

/** Label cells of the form's head, squashed, ':' removed. */
const NAME_LABEL = /^项目名称$/;
const UNIT_NAME_LABEL = /^(?:单位名称|部门名称|部门\(单位\)名称|预算单位)$/;
const DEPARTMENT_LABEL = /^(?:主管部门|地方主管部门|主管部门及代码)$/;
const IMPLEMENTER_LABEL = /^(?:项目实施单位|实施单位|资金使用单位|项目单位)$/;
const BASIC_LABEL = /^基本支出(?:总额|合计)$/;
const PROJECT_LABEL = /^项目支出(?:总额|合计)$/;
const HEAD_LABEL =
  /^(?:项目名称|单位名称|部门名称|部门\(单位\)名称|预算单位|主管部门|中央主管部门|地方主管部门|主管部门及代码|项目实施单位|实施单位|资金使用单位|项目单位|项目类别|项目属性|项目类型|基本支出(?:总额|合计)|项目支出(?:总额|合计)|填报日期|联系人|联系电话)$/;
const UNIT_LINE = /(?:金额单位|计量单位|单位)[:：]\s*(万元|元|千元|亿元)\s*$/;
const TOTAL_ROW = /^(?:总分|总分值|合计得分|综合得分|自评总分)$/;
const DEVIATION_ROW = /偏差.*(?:原因|分析)|未完成原因|原因分析/;
const IMPROVEMENT_ROW = /改进措施|结果应用/;
const NOTE_ROW = /^(?:注|说明|备注|附注|填报说明)\s*\d*\s*(?:[:：.、]|$)/;
/** a maximum printed in a label: “（20 分）”, “(8 分)”, “（16 分）”, “（40 分 0” (a garbled closing bracket) */
const MAX_RE = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）0]?/;
/** 得分（20 分*执行率） / 得分(10分×执行率): the execution score's declared rule */
const SCORE_FORMULA_RE = /得分[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[*×xX]\s*(?:预算)?执行率\s*[)）]/;

function fundMeasure(header: string): FundMeasure | 'source' | undefined {
  const h = squash(header);
  if (/资金来源/.test(h)) return 'source';
  if (/年初预算/.test(h)) return 'initialBudget';
  if (/得分/.test(h)) return 'score';
  if (/执行率|完成率/.test(h)) return 'rate';
  if (/^分值$|^权重$|^分值\(分\)$/.test(h)) return 'weight';
  if (/执行数|实际支出|实际执行/.test(h)) return 'actual';
  if (/预算数|调整后预算|全年预算/.test(h)) return 'budget';
  return undefined;
}

type IndicatorColumn = 'goal' | 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

function indicatorColumn(header: string): IndicatorColumn | undefined {
  const h = squash(header);
  if (/^一级指标/.test(h)) return 'level1';
  if (/^二级指标/.test(h)) return 'level2';
  if (/三级指标|具体指标|指标名称|^指标内容$/.test(h)) return 'name';
  if (/实际完成|完成值|完成情况/.test(h)) return 'actual';
  if (/目标值|指标值|^年度目标值/.test(h)) return 'target';
  if (/得分/.test(h)) return 'score';
  if (/^分值|^权重|^指标分值/.test(h)) return 'weight';
  if (/偏差|原因|改进措施/.test(h)) return 'deviation';
  if (/目标/.test(h)) return 'goal';
  return undefined;
}

function fundRowKey(label: string, hasNumbers: boolean): FundRowKey | undefined {
  const l = squash(label).replace(/[:：]$/, '').replace(/^其中[:：]?/, '');
  if (/^(?:合计|小计)$/.test(l)) return 'sum';
  if (/资金总额|支出总额|^总额$|^预算执行情况/.test(l)) return 'total';
  if (/当年财政拨款|本年财政拨款|当年预算/.test(l)) return 'current';
  if (/上年结转|结转结余|上年结余/.test(l)) return 'carry-over';
  if (/中央/.test(l)) return 'central';
  if (/地方|省级|市级|县级|区级/.test(l) && /资金|财政/.test(l)) return 'local';
  if (/^其他资金$|^其他$/.test(l)) return 'other';
  return hasNumbers && l !== '' ? 'source' : undefined;
}

/** The maximum a label prints (“产出指标（40 分）” → “40”). */
function maxOf(label: string): string | undefined {
  return MAX_RE.exec(squash(label))?.[1];
}

/** A label without its printed maximum and punctuation (“产出指标（40 分）” → 产出指标). */
function bare(label: string): string {
  return label
    .replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）0]?/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([:：])\s*/g, '$1')
    .replace(/[:：\s]+$/, '')
    .trim();
}

class FormReader {
  private left: number;
  private right: number;
  private bottom: number;

  constructor(
    private readonly g: Grid,
    private readonly hit: Hit,
    private readonly stopRow: number,
  ) {
    this.left = hit.col;
    this.right = hit.col;
    this.bottom = hit.row;
  }

  /** widen the form's area to a cell (with its merge) */
  private take(r: number, c: number): void {
    const m = this.g.merge(r, c);
    this.left = Math.min(this.left, m ? m.left : c);
    this.right = Math.max(this.right, m ? m.right : c);
    this.bottom = Math.max(this.bottom, m ? Math.min(m.bottom, this.stopRow) : r);
  }

  private takeRow(r: number): void {
    for (const c of this.g.rowCells(r)) this.take(r, c.col);
    this.bottom = Math.max(this.bottom, r);
  }

  private cell(r: number, c: number): TableCell | null {
    if (this.g.covered(r, c)) return null;
    const t = this.g.text(r, c);
    return t ? { row: r, col: c, text: t } : null;
  }

  /** the first text to the right of column c on row r (a value beside its label), with its column */
  private valueRightOf(r: number, c: number): { col: number; text: string } | undefined {
    const m = this.g.merge(r, c);
    const from = (m ? m.right : c) + 1;
    for (const x of this.g.rowCells(r)) if (x.col >= from) return HEAD_LABEL.test(squash(x.text).replace(/[:：]$/, '')) ? undefined : x;
    return undefined;
  }

  read(): RecognisedTable | { fail: 'no-body' } {
    const g = this.g;
    const form: PerformanceForm = {
      scope: this.hit.spec.kind === 'juesuan.performance-overall' ? 'overall' : 'project',
      funds: [],
      indicators: [],
      blocks: [],
    };
    let unit: string | null = null;
    let year = findYear(this.hit.text);
    let department: string | undefined;
    const notes: TableNote[] = [];
    let fundsHeader: number | undefined;
    let fundsLast: number | undefined;
    let indicatorHeader: number | undefined;
    let fundPart: TablePart | undefined;
    let indicatorPart: TablePart | undefined;
    this.take(this.hit.row, this.hit.col);

    let r = this.hit.row + 1;
    let blanks = 0;
    while (r <= this.stopRow) {
      // a form's head is a few rows: no funding block within 40 rows of the title, no form
      if (fundsHeader === undefined && r > this.hit.row + 40) break;
      const cells = g.rowCells(r);
      if (cells.length === 0) {
        if (++blanks >= 2) break;
        r++;
        continue;
      }
      blanks = 0;
      const texts = cells.map((c) => squash(c.text));
      const first = texts[0].replace(/[:：]$/, '');

      // —— notes (备注) after the grid: the form is over ——
      if ((fundsHeader !== undefined || indicatorHeader !== undefined) && cells.length === 1 && (NOTE_ROW.test(texts[0]) || (notes.length > 0 && /^\d+[.、．]/.test(texts[0])))) {
        notes.push({ row: r, col: cells[0].col, text: cells[0].text });
        this.takeRow(r);
        r++;
        continue;
      }
      if (notes.length > 0) break;

      // —— the funding block ——
      const measures = cells.map((c) => fundMeasure(c.text));
      if (fundsHeader === undefined && measures.includes('budget') && measures.includes('actual')) {
        fundsHeader = r;
        const part = this.readFunds(r, form);
        fundPart = part.part;
        fundsLast = part.last;
        if (!unit) unit = part.unit;
        for (let k = r; k <= part.last; k++) this.takeRow(k);
        r = part.last + 1;
        continue;
      }

      // —— the indicator grid ——
      const icols = cells.map((c) => indicatorColumn(c.text));
      if (indicatorHeader === undefined && icols.includes('level1') && icols.includes('name')) {
        indicatorHeader = r;
        const part = this.readIndicators(r, form);
        indicatorPart = part.part;
        for (let k = r; k <= part.last; k++) this.takeRow(k);
        r = part.last + 1;
        continue;
      }

      // —— 总分, 偏差 / 改进措施 rows ——
      if (TOTAL_ROW.test(first)) {
        this.readTotal(r, form, indicatorPart);
        this.takeRow(r);
        r++;
        continue;
      }
      if (DEVIATION_ROW.test(first) || IMPROVEMENT_ROW.test(first)) {
        const text = cells
          .slice(1)
          .map((c) => c.text.trim())
          .join(' ')
          .trim();
        if (IMPROVEMENT_ROW.test(first) && !DEVIATION_ROW.test(first)) form.improvement = text;
        else form.deviation = text;
        this.takeRow(r);
        r++;
        continue;
      }

      // —— the head: unit line, year line, label/value pairs ——
      let used = false;
      for (const c of cells) {
        const sq = squash(c.text);
        const u = UNIT_LINE.exec(sq);
        if (u) {
          unit = u[1];
          used = true;
          continue;
        }
        if (/^[(（]?\d{4}年度?[)）]?$/.test(sq)) {
          year ??= Number(sq.replace(/\D/g, '').slice(0, 4));
          used = true;
          continue;
        }
        // “单位名称：武汉市…” printed in one cell
        const inline = /^(单位名称|部门名称|项目名称|主管部门|填报单位)[:：](.+)$/.exec(c.text.replace(/\s+/g, ' ').trim().replace(/^(\S+)\s*[:：]\s*/, '$1：'));
        if (inline && !/^[:：]/.test(inline[2])) {
          const v = inline[2].replace(/\s*(?:金额单位|单位)[:：].*$/, '').trim();
          if (inline[1] === '项目名称') {
            form.name ??= v;
            form.nameCell ??= { row: r, col: c.col };
          } else if (inline[1] === '主管部门') form.department ??= v;
          else {
            department ??= v;
            if (form.scope === 'overall') {
              form.name ??= v;
              form.nameCell ??= { row: r, col: c.col };
            }
          }
          used = true;
          continue;
        }
        const label = sq.replace(/[:：]$/, '');
        if (!HEAD_LABEL.test(label)) continue;
        used = true;
        const v = this.valueRightOf(r, c.col);
        if (!v) continue;
        const value = v.text.replace(/\s+/g, ' ').trim();
        if (NAME_LABEL.test(label) || (UNIT_NAME_LABEL.test(label) && form.scope === 'overall' && !form.name)) {
          form.name ??= value;
          form.nameCell ??= { row: r, col: v.col };
          if (UNIT_NAME_LABEL.test(label)) department ??= value;
        } else if (UNIT_NAME_LABEL.test(label)) department ??= value;
        else if (DEPARTMENT_LABEL.test(label)) form.department = form.department && label === '中央主管部门' ? form.department : value;
        else if (IMPLEMENTER_LABEL.test(label)) form.implementer ??= value;
        else if (BASIC_LABEL.test(label)) form.basicTotal = { row: r, col: v.col, text: v.text };
        else if (PROJECT_LABEL.test(label)) form.projectTotal = { row: r, col: v.col, text: v.text };
      }
      if (used || fundsHeader === undefined) this.takeRow(r);
      // rows the form prints that are none of the above (年度总体目标, its texts) are part of the form
      else if (indicatorHeader === undefined) this.takeRow(r);
      else break;
      r++;
    }

    if (!fundPart || form.funds.length === 0 || !form.funds.some((f) => hasNumber(f))) return { fail: 'no-body' };

    const parts: TablePart[] = [fundPart];
    if (indicatorPart) parts.push(indicatorPart);
    const area: Area = { top: this.hit.row, left: this.left, bottom: this.bottom, right: this.right };
    const headEnd = fundsHeader!;
    const table: RecognisedTable = {
      id: this.hit.spec.kind,
      kind: this.hit.spec.kind,
      regime: this.hit.spec.regime,
      title: this.hit.text.trim(),
      sheet: g.sheet.name,
      area,
      range: areaA1(area),
      titleCell: { row: this.hit.row, col: this.hit.col },
      unit: unit ?? '万元',
      headerRows: [Math.min(this.hit.row + 1, headEnd), headEnd],
      bodyRows: [headEnd + 1, Math.max(headEnd + 1, fundsLast ?? headEnd + 1, this.lastBodyRow(form, notes))],
      parts,
      notes,
      empty: !form.funds.some((f) => hasNumber(f)),
      performance: form,
    };
    if (year) table.year = year;
    if (department ?? form.department) table.department = department ?? form.department;
    return table;
  }

  private lastBodyRow(form: PerformanceForm, notes: TableNote[]): number {
    const first = notes.length > 0 ? notes[0].row - 1 : this.bottom;
    let last = 0;
    for (const f of form.funds) last = Math.max(last, f.row);
    for (const i of form.indicators) last = Math.max(last, i.row);
    if (form.total) last = Math.max(last, form.total.row);
    return Math.max(last, Math.min(first, this.bottom));
  }

  /** The funding block from its header row: measure columns, the label column, the rows down to the last fund line. */
  private readFunds(h: number, form: PerformanceForm): { part: TablePart; last: number; unit: string | null } {
    const g = this.g;
    const columns: TableColumn[] = [];
    let sourceCol: number | undefined;
    let unit: string | null = null;
    for (const c of g.rowCells(h)) {
      const m = fundMeasure(c.text);
      const header = squash(c.text);
      if (m === 'source') {
        sourceCol = c.col;
        continue;
      }
      if (m) {
        if (columns.some((x) => x.key === keyOfMeasure(m))) continue;
        columns.push({ col: c.col, header: [header], label: header, key: keyOfMeasure(m) });
        const f = SCORE_FORMULA_RE.exec(header);
        if (m === 'score' && f) form.execution = { weight: f[1], formula: true, source: 'header' };
      }
    }
    columns.sort((a, b) => a.col - b.col);
    const firstValue = columns[0].col;
    // the block's heading, merged down its left (“预算执行情况（万元）（20 分）”, “项目资金（万元）”)
    for (const c of g.rowCells(h, 1, firstValue - 1)) {
      const sq = squash(c.text);
      if (/万元/.test(sq)) unit = '万元';
      else if (/\(元\)|（元）/.test(c.text)) unit = '元';
      const w = maxOf(sq);
      if (w && !form.execution) form.execution = { weight: w, formula: false, source: 'heading' };
    }
    if (!form.execution?.formula && columns.some((c) => c.key === 'weight') && columns.some((c) => c.key === 'score')) {
      form.execution = { ...(form.execution?.weight ? { weight: form.execution.weight } : {}), formula: true, source: 'columns' };
    }
    const labelCol = sourceCol ?? firstValue - 1;
    const rows: TableRow[] = [];
    let last = h;
    for (let r = h + 1; r <= this.stopRow; r++) {
      const cells = g.rowCells(r);
      if (cells.length === 0) break;
      const first = squash(cells[0].text).replace(/[:：]$/, '');
      if (TOTAL_ROW.test(first) || cells.some((c) => indicatorColumn(c.text) === 'level1') || HEAD_LABEL.test(first)) break;
      if (/年度总体目标|^绩效目标$|^总体目标$|年度绩效目标/.test(first) && !cells.some((c) => c.col >= firstValue && hasAmountText(c.text))) break;
      const label = this.fundLabel(r, labelCol, firstValue);
      const numbers = columns.some((c) => hasAmountText(g.text(r, c.col)));
      // a first line of figures printed without a label is the block's total (a bare 预算数 | 执行数 | … form)
      const key = fundRowKey(label, numbers) ?? (rows.length === 0 && numbers ? 'total' : undefined);
      if (!key) break;
      const fund: PerformanceFundRow = { key, label, row: r, cells: {} };
      for (const c of columns) fund.cells[measureOfKey(c.key!)] = this.cell(r, c.col);
      form.funds.push(fund);
      rows.push({ row: r, label, key: `funds.${key}`, cells: columns.map((c) => this.cell(r, c.col)) });
      last = r;
    }
    return { part: { side: 'main', labelCol, codeCols: [], columns, rows }, last, unit };
  }

  /** A fund row's label: the own text nearest left of the value columns (not the block heading merged down the left). */
  private fundLabel(r: number, labelCol: number, firstValue: number): string {
    const g = this.g;
    for (let c = Math.min(labelCol, firstValue - 1); c >= this.left && c >= 1; c--) {
      const m = g.merge(r, c);
      if (m && m.top < r) continue; // the heading merged down from above
      const t = g.visible(r, c);
      if (t) return t.replace(/\s+/g, ' ').trim();
    }
    return '';
  }

  /** The indicator grid from its header row down to the last indicator. */
  private readIndicators(h: number, form: PerformanceForm): { part: TablePart; last: number } {
    const g = this.g;
    const at = new Map<IndicatorColumn, number>();
    for (const c of g.rowCells(h)) {
      // a group cell merged down over the grid (“年度绩效目标（80 分）”, “绩效指标”): no column; it declares the total
      const m = g.merge(h, c.col);
      if (m && m.bottom > h) {
        const w = maxOf(c.text);
        if (w) form.indicatorWeight ??= w;
        continue;
      }
      const k = indicatorColumn(c.text);
      if (!k || at.has(k)) continue;
      at.set(k, c.col);
    }
    const columns: TableColumn[] = [];
    for (const k of ['target', 'actual', 'weight', 'score', 'deviation'] as const) {
      const col = at.get(k);
      if (col === undefined) continue;
      const header = squash(g.text(h, col));
      columns.push({ col, header: [header], label: header, key: k });
    }
    columns.sort((a, b) => a.col - b.col);
    const nameCol = at.get('name')!;
    const rows: TableRow[] = [];
    let last = h;
    const prev: Partial<Record<GroupLevel, Group>> = {};
    const groups = new Map<string, PerformanceBlock>();
    for (let r = h + 1; r <= this.stopRow; r++) {
      const cells = g.rowCells(r);
      if (cells.length === 0) break;
      const first = squash(cells[0].text).replace(/[:：]$/, '');
      if (TOTAL_ROW.test(first) || DEVIATION_ROW.test(first) || IMPROVEMENT_ROW.test(first) || NOTE_ROW.test(first)) break;
      if (cells.some((c) => c.col !== at.get('level1') && indicatorColumn(c.text) === 'level1')) break;
      const nameMerge = g.merge(r, nameCol);
      const name = g.visible(r, nameCol).replace(/\s+/g, ' ').trim();
      if (!name || (nameMerge && nameMerge.top < r)) break;
      const ind: PerformanceIndicator = { row: r, name };
      // goal → 一级 → 二级: a group is a cell merged down (the merge is the group), or words printed once and left
      // blank below (filled down), or the same words printed on consecutive rows; a new parent starts new groups
      let parent = '';
      for (const level of GROUP_LEVELS) {
        const col = at.get(level);
        if (col === undefined) continue;
        const m = g.merge(r, col);
        const p = prev[level];
        let group: Group | undefined;
        if (m && m.top > h) {
          const id = `${parent}/${m.top}:${m.left}`;
          group = p && p.id === id ? p : { text: g.text(m.top, m.left).replace(/\s+/g, ' ').trim(), id, parent, row: m.top, col: m.left, merged: true, last: r };
        } else {
          const own = g.text(r, col).replace(/\s+/g, ' ').trim();
          if (own) {
            // (not a label that prints its maximum: each such cell is a block of its own — seed 004 prints two
            // 质量指标（7分） cells one under the other, each with its own indicator)
            const same = p && !p.merged && p.parent === parent && p.text === own && p.last === r - 1 && !maxOf(own);
            group = same ? p : { text: own, id: `${parent}/${r}:${col}`, parent, row: r, col, merged: false, last: r };
          } else if (p && p.parent === parent) group = p;
        }
        prev[level] = group;
        if (!group || !group.text) continue;
        group.last = r;
        ind[level] = bare(group.text);
        parent = group.id;
        const max = maxOf(group.text);
        if (max) {
          const b = groups.get(group.id) ?? { level, label: bare(group.text), max, cell: { row: group.row, col: group.col }, rows: [] };
          b.rows.push(r);
          groups.set(group.id, b);
        }
      }
      for (const k of ['target', 'actual', 'weight', 'score', 'deviation'] as const) {
        const col = at.get(k);
        if (col !== undefined) ind[k] = this.cell(r, col);
      }
      form.indicators.push(ind);
      rows.push({ row: r, label: name, key: 'indicator', cells: columns.map((c) => this.cell(r, c.col)) });
      last = r;
    }
    form.blocks = [...groups.values()];
    return { part: { side: 'block', labelCol: nameCol, codeCols: [], columns, rows }, last };
  }

  /** 总分: its figure in the score column (and 分值 where printed), else the last number of the row. */
  private readTotal(r: number, form: PerformanceForm, part: TablePart | undefined): void {
    const g = this.g;
    const scoreCol = part?.columns.find((c) => c.key === 'score')?.col;
    const weightCol = part?.columns.find((c) => c.key === 'weight')?.col;
    const numbers = g.rowCells(r).filter((c) => hasAmountText(c.text));
    let score = scoreCol !== undefined ? this.cell(r, scoreCol) : null;
    if (score && !hasAmountText(score.text)) score = null;
    const weight = weightCol !== undefined ? this.cell(r, weightCol) : null;
    if (!score) {
      const n = numbers.filter((c) => c.col !== weightCol).pop();
      if (n) score = { row: r, col: n.col, text: n.text };
    }
    form.total = { row: r, score, weight: weight && hasAmountText(weight.text) ? weight : null };
    if (part) {
      part.rows.push({
        row: r,
        label: squash(g.rowCells(r)[0].text),
        key: 'total-score',
        cells: part.columns.map((c) => (c.key === 'score' ? score : c.key === 'weight' ? form.total!.weight ?? null : null)),
      });
      // a 总分 printed outside the score column (merged across the grid): the part's score column reads it there
      if (score && scoreCol !== undefined && score.col !== scoreCol) {
        const i = part.columns.findIndex((c) => c.key === 'score');
        part.rows[part.rows.length - 1].cells[i] = score;
      }
    }
  }
}

type GroupLevel = 'goal' | 'level1' | 'level2';
const GROUP_LEVELS: readonly GroupLevel[] = ['goal', 'level1', 'level2'];

/** An indicator group being read: its words, where it is printed, its parent group, whether it is a merged cell. */
interface Group {
  text: string;
  id: string;
  parent: string;
  row: number;
  col: number;
  merged: boolean;
  /** the last sheet row it covers so far */
  last: number;
}

const MEASURE_KEYS: Record<FundMeasure, string> = {
  initialBudget: 'initial-budget',
  budget: 'budget',
  actual: 'actual',
  weight: 'weight',
  rate: 'rate',
  score: 'score',
};

function keyOfMeasure(m: FundMeasure): string {
  return MEASURE_KEYS[m];
}

function measureOfKey(k: string): FundMeasure {
  return (Object.keys(MEASURE_KEYS) as FundMeasure[]).find((m) => MEASURE_KEYS[m] === k)!;
}

/** A figure printed in a form cell: an amount or a percentage, with a unit word allowed (“19.46 分”, “179.2 万元”). */
export function hasAmountText(text: string): boolean {
  const t = squash(text).replace(/(?:万元|元|分)$/, '');
  return /^[-+]?\d{1,3}(?:,\d{3})*(?:\.\d+)?%?$|^[-+]?\d+(?:\.\d+)?%?$/.test(t);
}

function hasNumber(f: PerformanceFundRow): boolean {
  return (['budget', 'actual', 'initialBudget'] as const).some((m) => {
    const c = f.cells[m];
    return !!c && hasAmountText(c.text);
  });
}

/** Read the form whose title is `hit` (rows up to `stopRow`), or say that no funding block was found. */
export function readPerformanceForm(g: Grid, hit: Hit, stopRow: number): RecognisedTable | { fail: 'no-body' } {
  return new FormReader(g, hit, stopRow).read();
}
