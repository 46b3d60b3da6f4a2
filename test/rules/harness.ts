/**
 * Rule scenario harness (spectral-style): `testRule(ruleId, scenarios)` builds each scenario's workbook in memory, runs
 * `checkWorkbook`, keeps the findings of the rule under test and asserts they match the expected ones exactly
 * (order-insensitive). Scenario names are collected per rule so that `assertCoverage(pack)` can require a passing and a
 * failing scenario for every rule (and a rounding one for every sum rule).
 *
 * Builders lay out realistic disclosure tables quickly: `table` (title, 部门/金额单位 line, multi-row header from column
 * paths, optional 栏次 row, body, notes), `twoSided` (收入 | 支出 halves with optional 行次), `threePublicWide` (the
 * one-row 三公 table), `sheet` (stack blocks on one sheet), `patch` (change cells of a built workbook) and `cellAt`
 * (address of a printed figure, found by its row label).
 */
import { memoryWorkbook, type MemoryCellInput, type MemorySheetSpec } from '../../src/adapters/memory';
import { a1, areaA1, columnNumber, parseA1, type Area } from '../../src/model/address';
import type { Lang } from '../../src/i18n';
import { checkWorkbook } from '../../src/rules';
import type { Finding, RulePack, Severity, Verdict } from '../../src/rules/types';

// —— cells ——————————————————————————————————————————————————————————————————————————

/** A printed amount: a number (printed with 2 decimals and thousands separators), printed text, or null (blank). */
export type Num = number | string | null;

/** "1148.77" → "1,148.77" (always 2 decimals, half-up on the decimal string). */
export function money(v: number): string {
  const neg = v < 0;
  const [i, d = ''] = Math.abs(v).toFixed(2).split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
}

/** printed amounts with a separator or decimals; bare digit strings (codes, 行次) stay text */
const AMOUNT_TEXT = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$/;

/** The memory cell of a printed figure or label. */
export function c(v: Num): MemoryCellInput {
  if (v === null) return null;
  if (typeof v === 'number') return { value: v, text: money(v), numFmt: '#,##0.00' };
  if (AMOUNT_TEXT.test(v.trim())) return { value: Number(v.replace(/,/g, '')), text: v };
  return v;
}

// —— blocks ——————————————————————————————————————————————————————————————————————————

/** A rectangular piece of a sheet, rows from 1; merges relative to the block. */
export interface Block {
  rows: MemoryCellInput[][];
  merges: Area[];
}

interface Header {
  rows: Array<Array<string | null>>;
  merges: Area[];
}

/**
 * Header rows from column paths ("本年支出/基本支出"): group segments are merged across the columns that share them, a
 * path shorter than the header depth is merged down to the last header row.
 */
function header(paths: string[][], depth = Math.max(1, ...paths.map((p) => p.length))): Header {
  const rows: Array<Array<string | null>> = Array.from({ length: depth }, () => paths.map(() => null));
  const merges: Area[] = [];
  const prefix = (col: number, level: number) => paths[col].slice(0, level + 1).join('/');
  const isGroup = (col: number, level: number) => paths[col].length > level + 1;
  paths.forEach((p, col) => {
    p.forEach((seg, level) => {
      if (isGroup(col, level)) {
        if (col > 0 && isGroup(col - 1, level) && prefix(col - 1, level) === prefix(col, level)) return; // merged from the left
        let right = col;
        while (right + 1 < paths.length && isGroup(right + 1, level) && prefix(right + 1, level) === prefix(col, level)) right++;
        rows[level][col] = seg;
        if (right > col) merges.push({ top: level + 1, left: col + 1, bottom: level + 1, right: right + 1 });
      } else {
        rows[level][col] = seg;
        if (level < depth - 1) merges.push({ top: level + 1, left: col + 1, bottom: depth, right: col + 1 });
      }
    });
  });
  return { rows, merges };
}

const shift = (m: Area, dr: number, dc = 0): Area => ({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc });

export interface TableSpec {
  title: string;
  /** "部门：…" text of the meta line (default 部门：测试部门) */
  dept?: string;
  /** 金额单位 (default 万元); null prints no unit */
  unit?: string | null;
  /** label column headers, e.g. ['功能分类科目编码', '科目名称'] or ['项目']; may be empty */
  labels: string[];
  /** value column header paths, e.g. ['合计', '基本支出/小计', '基本支出/人员经费'] */
  columns: string[];
  /** print a 栏次 row numbering the value columns 1…n */
  lanci?: boolean;
  /** body rows: the label cells, then one figure per value column */
  rows: Num[][];
  /** merge the label cells of a row that prints only its first label cell ("合计" over 编码|名称, as printed) */
  mergeLabels?: boolean;
  notes?: string[];
}

/** A single table: title, meta line, header, optional 栏次 row, body, notes. */
export function table(spec: TableSpec): Block {
  const width = spec.labels.length + spec.columns.length;
  const rows: MemoryCellInput[][] = [];
  const merges: Area[] = [];
  rows.push([spec.title]);
  merges.push({ top: 1, left: 1, bottom: 1, right: width });
  rows.push(metaLine(width, spec.dept, spec.unit));
  const h = header([...spec.labels.map((l) => [l]), ...spec.columns.map((p) => p.split('/'))]);
  h.rows.forEach((r) => rows.push(r));
  merges.push(...h.merges.map((m) => shift(m, 2)));
  if (spec.lanci) {
    const l: MemoryCellInput[] = spec.labels.map((_, i) => (i === 0 ? '栏次' : null));
    spec.columns.forEach((_, i) => l.push(String(i + 1)));
    rows.push(l);
  }
  for (const r of spec.rows) {
    rows.push(r.map(c));
    const n = spec.labels.length;
    if (spec.mergeLabels && n > 1 && r[0] !== null && r.slice(1, n).every((v) => v === null)) {
      merges.push({ top: rows.length, left: 1, bottom: rows.length, right: n });
    }
  }
  for (const n of spec.notes ?? []) {
    rows.push([n]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  }
  return { rows, merges };
}

function metaLine(width: number, dept?: string, unit?: string | null): MemoryCellInput[] {
  const line: MemoryCellInput[] = Array.from({ length: width }, () => null);
  line[0] = dept ?? '部门：测试部门';
  if (unit !== null) line[Math.max(1, width - 1)] = `金额单位：${unit ?? '万元'}`;
  return line;
}

/** One line of a two-sided half: label, [行次,] figures. */
export type Line = Num[];

export interface TwoSidedSpec {
  title: string;
  dept?: string;
  unit?: string | null;
  income: { head?: string; label?: string; columns: string[] };
  expenditure: { head?: string; label?: string; columns: string[] };
  /** print a 行次 column in each half (then every line is [label, 行次, …figures]) */
  hangci?: boolean;
  /** print a 栏次 row (numbering the value columns of both halves in sequence) */
  lanci?: boolean;
  /** printed rows: the income line and the expenditure line side by side (null: that half is blank) */
  rows: Array<[Line | null, Line | null]>;
  notes?: string[];
}

/** A two-sided table (收入 | 支出 halves side by side, as J1/J4/预算01/04 and Shanghai T1/T4 print them). */
export function twoSided(spec: TwoSidedSpec): Block {
  const hw = (cols: string[]) => 1 + (spec.hangci ? 1 : 0) + cols.length;
  const wi = hw(spec.income.columns);
  const we = hw(spec.expenditure.columns);
  const width = wi + we;
  const rows: MemoryCellInput[][] = [];
  const merges: Area[] = [];
  rows.push([spec.title]);
  merges.push({ top: 1, left: 1, bottom: 1, right: width });
  rows.push(metaLine(width, spec.dept, spec.unit));
  const heads: MemoryCellInput[] = Array.from({ length: width }, () => null);
  heads[0] = spec.income.head ?? '收入';
  heads[wi] = spec.expenditure.head ?? '支出';
  rows.push(heads);
  merges.push({ top: 3, left: 1, bottom: 3, right: wi }, { top: 3, left: wi + 1, bottom: 3, right: width });
  const halfPaths = (h: TwoSidedSpec['income']) => [[h.label ?? '项目'], ...(spec.hangci ? [['行次']] : []), ...h.columns.map((p) => p.split('/'))];
  const paths = [...halfPaths(spec.income), ...halfPaths(spec.expenditure)];
  const h = header(paths);
  h.rows.forEach((r) => rows.push(r));
  merges.push(...h.merges.map((m) => shift(m, 3)));
  if (spec.lanci) {
    const l: MemoryCellInput[] = Array.from({ length: width }, () => null);
    let n = 1;
    l[0] = '栏次';
    spec.income.columns.forEach((_, i) => (l[wi - spec.income.columns.length + i] = String(n++)));
    l[wi] = '栏次';
    spec.expenditure.columns.forEach((_, i) => (l[width - spec.expenditure.columns.length + i] = String(n++)));
    rows.push(l);
  }
  const pad = (line: Line | null, w: number): MemoryCellInput[] => {
    const out: MemoryCellInput[] = Array.from({ length: w }, () => null);
    if (!line) return out;
    line.forEach((v, i) => (out[i] = spec.hangci && i === 1 && v !== null ? String(v) : c(v)));
    return out;
  };
  for (const [i, e] of spec.rows) rows.push([...pad(i, wi), ...pad(e, we)]);
  for (const n of spec.notes ?? []) {
    rows.push([n]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  }
  return { rows, merges };
}

/** The item columns of a 三公 table as Wuhan prints them (合计, 出国, 公务用车 小计/购置/运行, 接待). */
export const THREE_PUBLIC_ITEMS = [
  '合计',
  '因公出国（境）费',
  '公务用车购置及运行费/小计',
  '公务用车购置及运行费/公务用车购置费',
  '公务用车购置及运行费/公务用车运行费',
  '公务接待费',
];

export interface ThreePublicSpec {
  title: string;
  dept?: string;
  unit?: string | null;
  /** one column group per scope: ['预算数', '决算数'] (决算), ['“三公”经费预算数'] (Shanghai); [] prints the items alone */
  scopes: string[];
  /** item column paths within a scope (default THREE_PUBLIC_ITEMS) */
  items?: string[];
  /** columns after the groups (Shanghai: 机关运行经费预算数) */
  extra?: string[];
  /** a label column: [header, row label], e.g. ['项目', '合计']; the wide table usually prints none */
  label?: [string, string];
  lanci?: boolean;
  /** the single data row: scope by scope, item by item, then the extra columns */
  values: Num[];
  notes?: string[];
}

/** The wide 三公 table: one data row under a 2–3 row header (预算数/决算数 groups, 公务用车 split into 小计/购置/运行). */
export function threePublicWide(spec: ThreePublicSpec): Block {
  const items = spec.items ?? THREE_PUBLIC_ITEMS;
  const columns = [...(spec.scopes.length ? spec.scopes.flatMap((sc) => items.map((i) => `${sc}/${i}`)) : items), ...(spec.extra ?? [])];
  return table({
    title: spec.title,
    dept: spec.dept,
    unit: spec.unit,
    labels: spec.label ? [spec.label[0]] : [],
    columns,
    lanci: spec.lanci,
    rows: [[...(spec.label ? [spec.label[1]] : []), ...spec.values]],
    notes: spec.notes,
  });
}

/** Stack blocks on one sheet, `gap` blank rows apart. */
export function sheet(name: string, ...blocks: Block[]): MemorySheetSpec {
  return stacked(name, 2, ...blocks);
}

export function stacked(name: string, gap: number, ...blocks: Block[]): MemorySheetSpec {
  const rows: MemoryCellInput[][] = [];
  const merges: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) for (let k = 0; k < gap; k++) rows.push([]);
    const top = rows.length;
    rows.push(...b.rows.map((r) => [...r]));
    merges.push(...b.merges.map((m) => areaA1(shift(m, top))));
  });
  return { name, rows, merges };
}

/** Address of a sheet cell "Sheet!C7" → parts. */
function splitRef(ref: string): { sheet: string; cell: string } {
  const i = ref.lastIndexOf('!');
  if (i < 0) throw new Error(`reference without a sheet: ${ref}`);
  return { sheet: ref.slice(0, i), cell: ref.slice(i + 1) };
}

/** A copy of the workbook with some cells replaced ("表5!C7": "1,148.78"). */
export function patch(sheets: MemorySheetSpec[], edits: Record<string, Num>): MemorySheetSpec[] {
  const out = sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), merges: [...(s.merges ?? [])] }));
  for (const [ref, v] of Object.entries(edits)) {
    const { sheet: name, cell } = splitRef(ref);
    const s = out.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    const { row, col } = parseA1(cell);
    while (s.rows.length < row) s.rows.push([]);
    const r = s.rows[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = c(v);
  }
  return out;
}

function textOf(v: MemoryCellInput | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return (v.text ?? String(v.value ?? '')).trim();
  return String(v).trim();
}

/**
 * The address of the figure in column `col` (letters) on the row whose label reads `label` (the n-th such row,
 * searching every cell left of `col`). Throws when the label is not printed, so a scenario cannot silently aim at nothing.
 */
export function cellAt(sheets: MemorySheetSpec[], sheetName: string, label: string, col: string, nth = 1): string {
  const s = sheets.find((x) => x.name === sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  const limit = columnNumber(col);
  let seen = 0;
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (row.slice(0, limit - 1).some((v) => textOf(v) === label)) {
      seen++;
      if (seen === nth) return `${sheetName}!${a1(r + 1, limit)}`;
    }
  }
  throw new Error(`no row "${label}" (#${nth}) left of column ${col} on ${sheetName}`);
}

/** The printed text at a sheet cell ("表5!C7"). */
export function textAt(sheets: MemorySheetSpec[], ref: string): string {
  const { sheet: name, cell } = splitRef(ref);
  const s = sheets.find((x) => x.name === name);
  const { row, col } = parseA1(cell);
  return textOf(s?.rows[row - 1]?.[col - 1]);
}

// —— scenarios ———————————————————————————————————————————————————————————————————————

export interface ExpectedFinding {
  /** defaults to the rule under test */
  rule?: string;
  severity: Severity;
  verdict?: Verdict;
  status?: Finding['status'];
  /** location: "C7" or "Sheet!C7" */
  cell?: string;
  /** the suspect cell ("E7" or "Sheet!E7"); null: the finding must name no suspect */
  suspect?: string | null;
  proposed?: string;
  signature?: string;
}

export interface Scenario {
  name: string;
  sheets: MemorySheetSpec[];
  /** the findings of the rule (and of any rule named in an entry); none when left out */
  expect?: ExpectedFinding[];
  /**
   * minimum number of the rule's relations that must hold (not vacuously): by default 1 when the scenario expects no
   * finding of the rule, so that a passing scenario cannot pass because the rule never ran.
   */
  minHolds?: number;
  /** exact number of relations the rule must generate (after de-duplication) */
  relations?: number;
  /**
   * rules whose relations this rule reads, for a rule that reports findings without relations of its own
   * (generic.declared-formula-readable, generic.unit-label): their holding relations count towards `minHolds`, so that
   * a passing scenario still proves the rule had something to check
   */
  inspects?: string[];
  lang?: Lang;
}

type Category = 'pass' | 'fail' | 'rounding' | 'cannot' | 'unchecked';
const registry = new Map<string, Map<Category, string[]>>();

function categories(ruleId: string, s: Scenario): Category[] {
  const mine = (s.expect ?? []).filter((e) => (e.rule ?? ruleId) === ruleId);
  const cats: Category[] = [];
  if (mine.some((e) => e.severity !== 'info' && e.verdict !== 'rounding' && (e.status ?? 'fail') === 'fail')) cats.push('fail');
  if (mine.some((e) => e.verdict === 'rounding')) cats.push('rounding');
  if (mine.some((e) => e.status === 'cannot-evaluate')) cats.push('cannot');
  if (mine.some((e) => e.status === 'cannot-evaluate' && e.severity !== 'info')) cats.push('unchecked');
  if (!mine.some((e) => e.severity !== 'info') && minHoldsOf(ruleId, s) >= 1) cats.push('pass');
  return cats;
}

function minHoldsOf(ruleId: string, s: Scenario): number {
  if (s.minHolds !== undefined) return s.minHolds;
  return (s.expect ?? []).some((e) => (e.rule ?? ruleId) === ruleId) ? 0 : 1;
}

function refMatches(expected: string | undefined, sheet: string, cell: string): boolean {
  if (expected === undefined) return true;
  return expected.includes('!') ? expected === `${sheet}!${cell}` : expected === cell;
}

function matches(e: ExpectedFinding, f: Finding, ruleId: string): boolean {
  if ((e.rule ?? ruleId) !== f.rule) return false;
  if (e.severity !== f.severity) return false;
  if (e.verdict !== undefined && e.verdict !== f.verdict) return false;
  if (e.status !== undefined && e.status !== f.status) return false;
  if (!refMatches(e.cell, f.location.sheet, f.location.cell)) return false;
  if (e.suspect === null && f.suspect) return false;
  if (e.suspect !== undefined && e.suspect !== null && (!f.suspect || !refMatches(e.suspect, f.suspect.sheet, f.suspect.cell))) return false;
  if (e.proposed !== undefined && f.suspect?.proposed !== e.proposed) return false;
  if (e.signature !== undefined && f.suspect?.signature !== e.signature) return false;
  return true;
}

/** Exact order-insensitive matching (small sets: depth-first assignment). */
export function matchFindings(expected: ExpectedFinding[], actual: Finding[], ruleId: string): boolean {
  if (expected.length !== actual.length) return false;
  const used = new Array<boolean>(actual.length).fill(false);
  const go = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j++) {
      if (used[j] || !matches(expected[i], actual[j], ruleId)) continue;
      used[j] = true;
      if (go(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return go(0);
}

function brief(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    verdict: f.verdict,
    status: f.status,
    cell: `${f.location.sheet}!${f.location.cell}`,
    ...(f.suspect ? { suspect: `${f.suspect.sheet}!${f.suspect.cell}`, proposed: f.suspect.proposed, signature: f.suspect.signature } : {}),
    message: f.message,
  };
}

/** results per workbook (scenarios of many rules share one consistent workbook); the engine never mutates its input */
const results = new WeakMap<MemorySheetSpec[], Map<Lang, ReturnType<typeof checkWorkbook>>>();

function check(sheets: MemorySheetSpec[], lang: Lang) {
  const byLang = results.get(sheets) ?? new Map<Lang, ReturnType<typeof checkWorkbook>>();
  results.set(sheets, byLang);
  let r = byLang.get(lang);
  if (!r) {
    r = checkWorkbook(memoryWorkbook(sheets, 'scenario'), { lang });
    byLang.set(lang, r);
  }
  return r;
}

/** Run a scenario and return the findings kept for the rule under test (exported for ad-hoc checks). */
export function runScenario(ruleId: string, s: Scenario) {
  const result = check(s.sheets, s.lang ?? 'zh-CN');
  const exp = s.expect ?? [];
  const wanted = new Set([ruleId, ...exp.map((e) => e.rule ?? ruleId)]);
  const keepRounding = exp.some((e) => e.verdict === 'rounding');
  const kept = result.findings.filter((f) => wanted.has(f.rule) && (keepRounding || f.verdict !== 'rounding'));
  const inspected = new Set([ruleId, ...(s.inspects ?? [])]);
  const relations: Array<{ rule: string; verdict: Verdict; target: { ref: { sheet: string; cell: string } } }> = [
    ...result.engine.relations.filter((r) => inspected.has(r.rule)),
    // checks made outside the relation engine (the performance forms' rules) count as the rule's relations
    ...result.checks.filter((c) => inspected.has(c.rule)).map((c) => ({ rule: c.rule, verdict: c.verdict, target: { ref: c.location } })),
  ];
  return { result, kept, relations };
}

/** Define one jest test per scenario of a rule, and record the scenarios for the coverage check. */
export function testRule(ruleId: string, scenarios: Scenario[]): void {
  const reg = registry.get(ruleId) ?? new Map<Category, string[]>();
  registry.set(ruleId, reg);
  for (const s of scenarios) for (const cat of categories(ruleId, s)) reg.set(cat, [...(reg.get(cat) ?? []), s.name]);
  describe(ruleId, () => {
    for (const s of scenarios) {
      it(s.name, () => {
        const { kept, relations } = runScenario(ruleId, s);
        const wanted = s.expect ?? [];
        if (!matchFindings(wanted, kept, ruleId)) {
          // show both sides in full
          expect({ findings: kept.map(brief) }).toEqual({ findings: wanted });
        }
        for (const f of kept) expect(f.message).not.toMatch(/undefined|NaN|\[object/);
        const holds = relations.filter((r) => r.verdict === 'holds').length;
        const min = minHoldsOf(ruleId, s);
        if (holds < min) {
          throw new Error(
            `${ruleId} "${s.name}": ${holds} relation(s) hold, expected at least ${min}; the rule generated ${relations.length} ` +
              `(${relations.map((r) => `${r.target.ref.sheet}!${r.target.ref.cell}:${r.verdict}`).join(', ') || 'none'})`,
          );
        }
        if (s.relations !== undefined) expect(relations).toHaveLength(s.relations);
      });
    }
  });
}

const SUM_FUNCTIONS = new Set(['declaredFormulas', 'codeFooting', 'columnSum', 'rowSum']);
/** rules that report checks which could not be made: their failing scenario is a cannot-evaluate warning */
const UNCHECKED_FUNCTIONS = new Set(['declaredFormulasReadable']);

/**
 * Coverage of a pack by the scenarios registered in this test file: every rule has a passing and a failing scenario, every
 * sum rule a rounding one, every rule a zh-CN and en-US description; no scenario names a rule the pack does not have.
 */
export function assertCoverage(pack: RulePack): void {
  describe(`coverage of the ${pack.id} pack`, () => {
    it('every rule has at least one passing and one failing scenario', () => {
      const missing: string[] = [];
      for (const r of pack.rules) {
        const reg = registry.get(r.id);
        for (const cat of ['pass', 'fail'] as const) {
          const failing = cat === 'fail' && UNCHECKED_FUNCTIONS.has(r.then.fn) ? 'unchecked' : cat;
          if (!reg?.get(failing)?.length) missing.push(`${r.id}: no ${cat} scenario`);
        }
      }
      expect(missing).toEqual([]);
    });
    it('every sum rule has a rounding scenario', () => {
      const missing = pack.rules.filter((r) => SUM_FUNCTIONS.has(r.then.fn) && !registry.get(r.id)?.get('rounding')?.length).map((r) => r.id);
      expect(missing).toEqual([]);
    });
    it('every rule has zh-CN and en-US descriptions', () => {
      for (const r of pack.rules) {
        expect(r.description['zh-CN'].trim()).not.toBe('');
        expect(r.description['en-US'].trim()).not.toBe('');
        expect(r.description['en-US']).not.toMatch(/[\u4e00-\u9fff]{3,}/);
      }
      expect(pack.description['zh-CN'].trim()).not.toBe('');
      expect(pack.description['en-US'].trim()).not.toBe('');
    });
    it('scenarios only name rules of the pack', () => {
      const ids = new Set(pack.rules.map((r) => r.id));
      const unknown = [...registry.keys()].filter((k) => k.startsWith(`${pack.id}.`) && !ids.has(k));
      expect(unknown).toEqual([]);
    });
  });
}

/** Scenario names recorded so far for a rule (for tests of the harness itself). */
export function recorded(ruleId: string): Partial<Record<Category, string[]>> {
  return Object.fromEntries(registry.get(ruleId) ?? []);
}
