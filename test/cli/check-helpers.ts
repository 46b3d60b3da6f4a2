/**
 * Shared by the check tests: hand-built reports, a 收入决算表 workbook written with exceljs (clean, with one wrong
 * cell, or off by rounding), the JSON contract of `crossfoot check --format json` and the essentials of SARIF 2.1.0,
 * checked key by key.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { CheckReport } from '../../src/cli/check';
import type { Lang } from '../../src/i18n';
import { DEFAULT_PACKS, type Finding } from '../../src/rules';
import { sampleRecognition } from './helpers';

// ── hand-built reports ──

export const INCOME = 'juesuan.income'; // on sheet 收入决算表, A1:I13, title 2023年度收入决算表
export const SUMMARY = 'juesuan.income-expenditure-summary'; // on sheet "Sheet 1", A1:D40

export function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'severity' | 'message'>): Finding {
  return {
    rule: 'generic.code-footing',
    status: 'fail',
    verdict: over.severity === 'info' ? 'rounding' : 'fails',
    location: { sheet: '收入决算表', cell: 'D11' },
    cells: [{ sheet: '收入决算表', cell: 'D11' }],
    ...over,
  };
}

/** Findings in a deliberately scrambled order: info, warning, error, error in another table, an orphan. */
export function findings(): Finding[] {
  return [
    finding({
      id: 'r1',
      severity: 'info',
      message: 'ROUNDING-1',
      location: { sheet: '收入决算表', cell: 'C6' },
      expected: '10.00',
      actual: '10.01',
      difference: '0.01',
      allowance: '0.035',
      table: INCOME,
    }),
    finding({
      id: 'c1',
      severity: 'info',
      status: 'cannot-evaluate',
      verdict: 'cannot',
      message: 'CANNOT-1',
      location: { sheet: '收入决算表', cell: 'A1' },
      cells: [],
      table: INCOME,
    }),
    finding({
      id: 'w1',
      rule: 'XJ-15.30217',
      severity: 'warning',
      message: 'WARNING-1',
      location: { sheet: '收入决算表', cell: 'E7' },
      table: INCOME,
    }),
    finding({
      id: 'e2',
      severity: 'error',
      message: 'ERROR-ROW-12',
      location: { sheet: '收入决算表', cell: 'C12' },
      expected: '1080.27',
      actual: '1080.00',
      difference: '-0.27',
      allowance: '0.035',
      suspect: { sheet: '收入决算表', cell: 'D12', proposed: '860.25', reason: '很可能是数字顺序颠倒。', signature: 'transposition' },
      table: INCOME,
    }),
    finding({
      id: 'e1',
      severity: 'error',
      message: 'ERROR-ROW-11',
      location: { sheet: '收入决算表', cell: 'D11' },
      expected: '860.52',
      actual: '860.25',
      difference: '-0.27',
      allowance: '0.01',
      suspect: { sheet: '收入决算表', cell: 'D12', reason: '该单元格出现在 2 个不成立的关系中。' },
      table: INCOME,
    }),
    finding({
      id: 's1',
      rule: 'XJ-01',
      severity: 'error',
      message: 'ERROR-SUMMARY',
      location: { sheet: 'Sheet 1', cell: 'B9' },
      table: SUMMARY,
    }),
    finding({ id: 'o1', rule: 'mystery', severity: 'warning', message: 'ORPHAN', location: { sheet: '其他', cell: 'B2' } }),
    finding({ id: 'o2', severity: 'error', message: 'GONE-TABLE', location: { sheet: '表9', cell: 'C3' }, table: 'no-such-table' }),
  ];
}

export function report(fs: Finding[] = findings(), lang: Lang = 'zh-CN'): CheckReport {
  const count = (sev: Finding['severity']) => fs.filter((f) => f.severity === sev).length;
  return {
    file: 'dir/book.xlsx',
    sheets: ['收入决算表', 'Sheet 1', '表7', '其他'],
    lang,
    recognition: sampleRecognition(),
    findings: fs,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      passed: 41,
      cannotEvaluate: fs.filter((f) => f.status === 'cannot-evaluate').length,
    },
    packs: DEFAULT_PACKS,
  };
}

// ── workbooks ──

/** [code, name, 财政拨款, 上级补助, 事业, 经营, 附属, 其他]: the 项 rows; 款 and 类 rows repeat their one child. */
export const SUBJECTS: Array<[string, string, string[]]> = [
  ['208', '社会保障和就业支出', ['120.50', '0.00', '10.00', '0.00', '0.00', '0.00']],
  ['20805', '行政事业单位养老支出', ['120.50', '0.00', '10.00', '0.00', '0.00', '0.00']],
  ['2080505', '机关事业单位基本养老保险缴费支出', ['120.50', '0.00', '10.00', '0.00', '0.00', '0.00']],
  ['210', '卫生健康支出', ['860.25', '15.00', '200.00', '0.00', '0.00', '4.75']],
  ['21001', '卫生健康管理事务', ['860.25', '15.00', '200.00', '0.00', '0.00', '4.75']],
  ['2100101', '行政运行', ['860.25', '15.00', '200.00', '0.00', '0.00', '4.75']],
];

export interface IncomeBookOptions {
  /** printed values to put in place of the computed ones, by A1 address (after totals are computed) */
  override?: Record<string, string>;
  sheet?: string;
}

const sum = (xs: string[]): Decimal => xs.reduce((s, x) => s.plus(x), new Decimal(0));

/**
 * 2023年度收入决算表 on one sheet: title A1, unit line, header rows 3–5 (栏次), 合计 row 6, 类/款/项 rows 7–12, a note
 * in row 13. Every relation holds unless `override` changes a printed value.
 */
export async function writeIncomeBook(file: string, options: IncomeBookOptions = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheet ?? '收入决算表');
  ws.getCell('A1').value = '2023年度收入决算表';
  ws.mergeCells('A1:I1');
  ws.getCell('A2').value = '编制单位：某某区卫生健康局';
  ws.getCell('I2').value = '金额单位：万元';
  ws.getCell('A3').value = '项目';
  ws.mergeCells('A3:B3');
  const heads = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  heads.forEach((h, j) => {
    ws.getCell(3, 3 + j).value = h;
    ws.mergeCells(3, 3 + j, 4, 3 + j);
  });
  ws.getCell('A4').value = '科目编码';
  ws.getCell('B4').value = '科目名称';
  ws.getCell('A5').value = '栏次';
  ws.mergeCells('A5:B5');
  heads.forEach((_, j) => {
    ws.getCell(5, 3 + j).value = j + 1;
  });
  const total = [0, 1, 2, 3, 4, 5].map((j) => sum([SUBJECTS[0][2][j], SUBJECTS[3][2][j]]).toFixed(2));
  const rows: Array<[string, string, string[]]> = [['', '合计', total], ...SUBJECTS];
  rows.forEach(([code, name, vals], i) => {
    const r = 6 + i;
    if (code) {
      ws.getCell(r, 1).value = code;
      ws.getCell(r, 2).value = name;
    } else {
      ws.getCell(r, 1).value = name;
      ws.mergeCells(r, 1, r, 2);
    }
    const printed = [sum(vals).toFixed(2), ...vals];
    printed.forEach((v, j) => {
      const cell = ws.getCell(r, 3 + j);
      const value = options.override?.[cell.address] ?? v;
      cell.value = Number(value);
      cell.numFmt = '#,##0.00';
    });
  });
  ws.getCell('A13').value = '注：本表反映部门本年度取得的各项收入情况。';
  await wb.xlsx.writeFile(file);
}

export const TOP_KEYS = ['file', 'tables', 'findings', 'summary'];
export const TABLE_KEYS = ['id', 'kind', 'title', 'sheet', 'range', 'unit'];
export const FINDING_KEYS = [
  'id',
  'rule',
  'severity',
  'status',
  'verdict',
  'message',
  'location',
  'cells',
  'expected',
  'actual',
  'difference',
  'allowance',
  'suspect',
];
export const SUSPECT_KEYS = ['sheet', 'cell', 'proposed', 'reason', 'signature'];
export const SUMMARY_KEYS = ['errors', 'warnings', 'infos', 'passed', 'cannotEvaluate'];

const DECIMAL = /^-?\d+(\.\d+)?$/;

function isRef(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.sheet === 'string' && typeof r.cell === 'string' && /^[A-Z]{1,3}\d+$/.test(r.cell);
}

/** The problems of `doc` against the check JSON contract; [] when it conforms. */
export function contractProblems(doc: unknown): string[] {
  const p: string[] = [];
  const has = (o: unknown, keys: string[], where: string) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      p.push(`${where}: not an object`);
      return false;
    }
    for (const k of keys) if (!(k in o)) p.push(`${where}: missing ${k}`);
    return true;
  };
  if (!has(doc, TOP_KEYS, 'document')) return p;
  const d = doc as Record<string, unknown>;
  if (typeof d.file !== 'string') p.push('file: not a string');
  if (!Array.isArray(d.tables)) p.push('tables: not an array');
  else
    d.tables.forEach((t: Record<string, unknown>, i: number) => {
      if (!has(t, TABLE_KEYS, `tables[${i}]`)) return;
      for (const k of ['id', 'kind', 'title', 'sheet', 'range']) if (typeof t[k] !== 'string') p.push(`tables[${i}].${k}`);
      if (t.unit !== null && typeof t.unit !== 'string') p.push(`tables[${i}].unit`);
    });
  if (!Array.isArray(d.findings)) p.push('findings: not an array');
  else
    d.findings.forEach((f: Record<string, unknown>, i: number) => {
      const w = `findings[${i}]`;
      if (!has(f, FINDING_KEYS, w)) return;
      for (const k of ['id', 'rule', 'message']) if (typeof f[k] !== 'string' || f[k] === '') p.push(`${w}.${k}`);
      if (!['error', 'warning', 'info'].includes(f.severity as string)) p.push(`${w}.severity ${String(f.severity)}`);
      if (!['fail', 'cannot-evaluate'].includes(f.status as string)) p.push(`${w}.status ${String(f.status)}`);
      if (typeof f.verdict !== 'string') p.push(`${w}.verdict`);
      if (!isRef(f.location)) p.push(`${w}.location`);
      if (!Array.isArray(f.cells) || !f.cells.every(isRef)) p.push(`${w}.cells`);
      for (const k of ['expected', 'actual', 'difference', 'allowance']) {
        // absent amounts are null, never omitted; present ones are decimal strings
        if (f[k] !== null && !(typeof f[k] === 'string' && DECIMAL.test(f[k] as string))) p.push(`${w}.${k} ${String(f[k])}`);
      }
      if (f.suspect !== null) {
        if (!has(f.suspect, SUSPECT_KEYS, `${w}.suspect`)) return;
        const s = f.suspect as Record<string, unknown>;
        if (!isRef(s)) p.push(`${w}.suspect cell`);
        if (s.proposed !== null && !(typeof s.proposed === 'string' && DECIMAL.test(s.proposed))) p.push(`${w}.suspect.proposed`);
        if (typeof s.reason !== 'string') p.push(`${w}.suspect.reason`);
        if (s.signature !== null && typeof s.signature !== 'string') p.push(`${w}.suspect.signature`);
      }
    });
  if (has(d.summary, SUMMARY_KEYS, 'summary')) {
    const s = d.summary as Record<string, unknown>;
    for (const k of SUMMARY_KEYS) if (!Number.isInteger(s[k]) || (s[k] as number) < 0) p.push(`summary.${k}`);
  }
  return p;
}

// ── SARIF 2.1.0: the essential required fields of the schema, checked by hand (no network, no schema file) ──

const SARIF_LEVELS = ['none', 'note', 'warning', 'error'];
const SARIF_KINDS = ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'];
/** a uri-reference: printable ASCII without spaces (anything else percent-encoded) */
const URI_REFERENCE = /^[\x21-\x7e]+$/;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (m: unknown): boolean => isObj(m) && typeof m.text === 'string' && m.text !== '';

/** The problems of `doc` as a SARIF 2.1.0 log; [] when the essentials conform. */
export function sarifProblems(doc: unknown): string[] {
  const p: string[] = [];
  if (!isObj(doc)) return ['log: not an object'];
  if (doc.version !== '2.1.0') p.push(`version: ${String(doc.version)}`);
  if (typeof doc.$schema !== 'string' || !/sarif.*2\.1\.0/.test(doc.$schema)) p.push('$schema');
  if (!Array.isArray(doc.runs) || doc.runs.length === 0) return [...p, 'runs: not a non-empty array'];
  doc.runs.forEach((run: unknown, r: number) => {
    const w = `runs[${r}]`;
    if (!isObj(run)) return p.push(`${w}: not an object`);
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) return p.push(`${w}.tool.driver: missing`);
    if (typeof driver.name !== 'string' || driver.name === '') p.push(`${w}.tool.driver.name`);
    if (driver.version !== undefined && typeof driver.version !== 'string') p.push(`${w}.tool.driver.version`);
    const rules: unknown[] = driver.rules === undefined ? [] : Array.isArray(driver.rules) ? driver.rules : [];
    if (driver.rules !== undefined && !Array.isArray(driver.rules)) p.push(`${w}.tool.driver.rules: not an array`);
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      if (!isObj(rule) || typeof rule.id !== 'string' || rule.id === '') return p.push(`${w}.rules[${i}].id`);
      if (ids.has(rule.id)) p.push(`${w}.rules[${i}]: duplicate id ${rule.id}`);
      ids.add(rule.id);
      if (rule.shortDescription !== undefined && !isText(rule.shortDescription)) p.push(`${w}.rules[${i}].shortDescription`);
      const level = isObj(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (level !== undefined && !SARIF_LEVELS.includes(level as string)) p.push(`${w}.rules[${i}].defaultConfiguration.level`);
    });
    const artifacts: unknown[] = Array.isArray(run.artifacts) ? run.artifacts : [];
    const location = (loc: unknown, where: string) => {
      if (!isObj(loc)) return p.push(`${where}: not an object`);
      if (loc.physicalLocation !== undefined) {
        const al = isObj(loc.physicalLocation) ? loc.physicalLocation.artifactLocation : undefined;
        if (!isObj(al) || typeof al.uri !== 'string' || !URI_REFERENCE.test(al.uri)) p.push(`${where}.physicalLocation.artifactLocation.uri`);
        else if (al.index !== undefined) {
          const a = artifacts[al.index as number];
          if (!isObj(a) || !isObj(a.location) || a.location.uri !== al.uri) p.push(`${where}: artifact index ${String(al.index)}`);
        }
      }
      if (loc.logicalLocations !== undefined) {
        if (!Array.isArray(loc.logicalLocations)) return p.push(`${where}.logicalLocations`);
        loc.logicalLocations.forEach((l: unknown, k: number) => {
          if (!isObj(l) || (typeof l.fullyQualifiedName !== 'string' && typeof l.name !== 'string')) p.push(`${where}.logicalLocations[${k}]`);
        });
      }
    };
    if (run.results === undefined) return;
    if (!Array.isArray(run.results)) return p.push(`${w}.results: not an array`);
    run.results.forEach((res: unknown, i: number) => {
      const rw = `${w}.results[${i}]`;
      if (!isObj(res)) return p.push(`${rw}: not an object`);
      if (!isText(res.message)) p.push(`${rw}.message.text`);
      if (res.level !== undefined && !SARIF_LEVELS.includes(res.level as string)) p.push(`${rw}.level ${String(res.level)}`);
      if (res.kind !== undefined) {
        if (!SARIF_KINDS.includes(res.kind as string)) p.push(`${rw}.kind`);
        else if (res.kind !== 'fail' && res.level !== undefined && res.level !== 'none') p.push(`${rw}: level with kind ${res.kind}`);
      }
      if (res.ruleId !== undefined && typeof res.ruleId !== 'string') p.push(`${rw}.ruleId`);
      if (res.ruleIndex !== undefined) {
        const rule = rules[res.ruleIndex as number];
        if (!Number.isInteger(res.ruleIndex) || !isObj(rule) || (res.ruleId !== undefined && rule.id !== res.ruleId)) {
          p.push(`${rw}.ruleIndex`);
        }
      }
      if (res.locations !== undefined) {
        if (!Array.isArray(res.locations)) p.push(`${rw}.locations`);
        else res.locations.forEach((l: unknown, k: number) => location(l, `${rw}.locations[${k}]`));
      }
      if (res.relatedLocations !== undefined) {
        if (!Array.isArray(res.relatedLocations)) p.push(`${rw}.relatedLocations`);
        else res.relatedLocations.forEach((l: unknown, k: number) => location(l, `${rw}.relatedLocations[${k}]`));
      }
    });
  });
  return p;
}
