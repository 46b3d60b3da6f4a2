/**
 * The performance pack (绩效自评表, domain §4.7 E-1 … E-4): pass / fail scenarios per rule on forms built in memory
 * (the national 财政部 layout and the Wuhan layout), then the seeds' real forms: exactly the inconsistencies pinned in
 * test/fixtures/real-performance-inconsistencies.json (each with why it is real), and the standard tables of the same
 * documents report exactly what they report without the forms.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import type { MemoryCellInput, MemorySheetSpec } from '../../src/adapters/memory';
import { checkWorkbook } from '../../src/rules';
import { performancePack } from '../../src/rules/packs/performance';
import { semanticKey } from '../../src/rules/semantic';
import { waiverKey } from '../../src/waivers';
import { buildFacts } from '../../src/facts';
import { assertCoverage, testRule } from './harness';

type Row = MemoryCellInput[];

interface NationalOpts {
  funds?: Array<[string, string | null, string | null, string | null, string | null, string | null, string | null]>;
  indicators?: Array<[string | null, string, string, string | null, string | null]>;
  total?: string | null;
}

/**
 * The national form: 项目资金 block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) on rows 6…, indicators
 * (一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 偏差) after it, 总分 last. Funding lines: label, then the six figures.
 */
function national(o: NationalOpts = {}): MemorySheetSpec[] {
  const funds = o.funds ?? [
    ['年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21'],
    ['其中：当年财政拨款', '100', '110', '102.5', null, '93.18%', null],
    ['上年结转资金', null, '10', '8', null, '80.00%', null],
    ['其他资金', null, null, null, null, null, null],
  ];
  const indicators = o.indicators ?? [
    ['产出指标（50 分）', '数量指标', '培训经办人员', '25', '25'],
    [null, '质量指标', '培训合格率', '25', '25'],
    ['效益指标（30 分）', '社会效益指标', '群众办事时间缩短', '30', '22.5'],
    ['满意度指标（10 分）', '服务对象满意度指标', '群众满意度', '10', '10'],
  ];
  const rows: Row[] = [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '社区医疗保障服务提升'],
    ['主管部门', '某区医疗保障局', null, null, null, '实施单位', '某区医疗保障局'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ...funds.map(([label, ...v]) => [null, label, ...v]),
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...indicators.map(([l1, l2, name, w, s]) => [null, l1, l2, name, '达标', '达标', w, s, null]),
    ['总分', null, null, null, null, null, '100', o.total === undefined ? '91.71' : o.total, null],
  ];
  const fundTop = 4;
  const indTop = fundTop + funds.length + 1;
  const merges = [`A1:I1`, `B2:I2`, `A${fundTop}:A${fundTop + funds.length}`, `A${indTop}:A${indTop + indicators.length}`, `A${indTop + indicators.length + 1}:F${indTop + indicators.length + 1}`];
  // 一级指标 merged down over the rows that leave it blank
  indicators.forEach((r, i) => {
    if (r[0] === null) return;
    let j = i;
    while (j + 1 < indicators.length && indicators[j + 1][0] === null) j++;
    if (j > i) merges.push(`B${indTop + 1 + i}:B${indTop + 1 + j}`);
  });
  return [{ name: '项目自评', rows, merges }];
}

/** The Wuhan form: 预算执行情况（万元）（20 分）| 预算数（A）| 执行数（B）| 执行率（B/A）| 得分（20 分*执行率）. */
function wuhan(o: { scope?: 'overall' | 'project'; budget?: string; actual?: string; rate?: string; score?: string; basic?: string; project?: string } = {}): MemorySheetSpec[] {
  const overall = o.scope === 'overall';
  const rows: Row[] = [
    [overall ? '2021 年度某区医疗保障局整体绩效自评表' : '2021 年度医疗救助项目自评表'],
    [null, null, null, null, null, '金额单位：万元'],
    ...(overall
      ? [
          ['单位名称', '某区医疗保障局'],
          ['基本支出总额', o.basic ?? '179.2', null, '项目支出总额', o.project ?? '878.32'],
        ]
      : [
          ['项目名称', '医疗救助'],
          ['主管部门', '某区医疗保障局', null, '项目实施单位', '某区医疗保障局'],
        ]),
    ['预算执行情况（万元）（20 分）', null, '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20 分*执行率）'],
    [null, overall ? '部门整体支出总额' : '年度财政资金总额', o.budget ?? '1086.7', o.actual ?? '1057.52', o.rate ?? '97.31%', o.score ?? '19.46'],
    ['年度绩效目标（80 分）', '一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'],
    [null, '产出指标（40 分）', '数量指标', '救助人次数', '≥2000 人次', '2401 人次', '40'],
    [null, '效益指标（40 分）', '社会效益指标', '救助效果明显', '是', '是', '40'],
    ['总分', null, null, null, null, null, '99.46'],
  ];
  return [{ name: '自评', rows, merges: ['A1:G1', 'A5:A6', 'A7:A9', 'A10:F10'] }];
}

testRule('performance.rate', [
  { name: 'every funding line of the national form: 110.5 ÷ 120 = 92.08 %, 102.5 ÷ 110, 8 ÷ 10', sheets: national() },
  {
    name: 'a rate that does not recompute is an error at the rate cell',
    sheets: national({ funds: [['年度资金总额', '100', '120', '110.5', '10', '93.08%', '9.31']] }),
    expect: [{ severity: 'error', cell: '项目自评!G5' }],
  },
  {
    name: 'a rate printed on a zero budget is an undefined ratio',
    sheets: national({
      funds: [
        ['年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21'],
        ['其他资金', null, '0', '5', null, '100%', null],
      ],
    }),
    expect: [{ severity: 'error', cell: '项目自评!G6' }],
    minHolds: 1,
  },
  {
    name: 'an unused line printed 0 over 0 / 0 says nothing wrong',
    sheets: national({
      funds: [
        ['年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21'],
        ['其他资金', null, '0', '0', null, '0', null],
      ],
    }),
    minHolds: 1,
  },
  {
    name: 'a truncated rate (2 ÷ 3 = 66.667 % printed 66.66 %) is a warning',
    sheets: national({ funds: [['年度资金总额', '3', '3', '2', '10', '66.66%', '6.67']] }),
    expect: [{ severity: 'warning', cell: '项目自评!G5' }],
  },
  {
    name: 'consistent only if 826 is a rounded figure (824.57 ÷ 826.00 = 99.83 %, printed 99.80 %): a warning',
    sheets: wuhan({ budget: '826', actual: '824.57', rate: '99.80%', score: '19.96' }),
    expect: [{ severity: 'warning', cell: '自评!E6' }],
  },
  { name: 'the Wuhan 整体 form: 1057.52 ÷ 1086.7 = 97.31 %', sheets: wuhan({ scope: 'overall' }) },
]);

testRule('performance.score', [
  { name: 'declared in the header: 20 分 × 97.31 % = 19.46', sheets: wuhan() },
  {
    name: 'a score that is not 20 × the rate',
    sheets: wuhan({ score: '19.64' }),
    expect: [{ severity: 'error', cell: '自评!F6' }],
  },
  { name: 'capped at the weight: 20 分 at a rate of 105 %', sheets: wuhan({ budget: '100', actual: '105', rate: '105%', score: '20' }) },
  {
    name: 'a score above the weight',
    sheets: wuhan({ budget: '100', actual: '105', rate: '105%', score: '21' }),
    expect: [{ severity: 'error', cell: '自评!F6' }],
  },
  { name: 'the national form’s 分值 and 得分 columns: 10 × 92.08 % = 9.21', sheets: national() },
  {
    name: 'the national form with a wrong score',
    sheets: national({ funds: [['年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.5']], total: '92' }),
    expect: [{ severity: 'error', cell: '项目自评!H5' }],
  },
]);

testRule('performance.total-score', [
  { name: '总分 = 9.21 + 25 + 25 + 22.5 + 10', sheets: national() },
  { name: 'a total that is not the sum', sheets: national({ total: '91.17' }), expect: [{ severity: 'error', cell: '项目自评!H14' }] },
  {
    name: 'no indicator score filled in: cannot be checked',
    sheets: national({
      indicators: [
        ['产出指标（50 分）', '数量指标', '培训经办人员', '25', null],
        ['效益指标（30 分）', '社会效益指标', '群众办事时间缩短', '30', null],
      ],
      total: '100',
    }),
    expect: [{ severity: 'info', status: 'cannot-evaluate', verdict: 'cannot', cell: '项目自评!H12' }],
  },
  { name: 'the Wuhan form: 19.46 + 40 + 40 = 99.46', sheets: wuhan() },
]);

testRule('performance.block-score', [
  { name: 'each block within its weight (25 + 25 ≤ 50, 22.5 ≤ 30, 10 ≤ 10)', sheets: national() },
  {
    name: 'a block whose indicator scores exceed its weight',
    sheets: national({
      indicators: [
        ['产出指标（50 分）', '数量指标', '培训经办人员', '25', '26'],
        [null, '质量指标', '培训合格率', '25', '25'],
        ['效益指标（30 分）', '社会效益指标', '群众办事时间缩短', '30', '22.5'],
      ],
      total: '82.71',
    }),
    expect: [{ severity: 'error', cell: '项目自评!B10' }],
  },
]);

testRule('performance.funds-sum', [
  { name: '年度资金总额 = 当年财政拨款 + 上年结转资金 (+ 其他资金), budget and actual', sheets: national() },
  {
    name: 'a total that is not the sum of its sources',
    sheets: national({
      funds: [
        ['年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21'],
        ['其中：当年财政拨款', '100', '110', '102.5', null, '93.18%', null],
        ['上年结转资金', null, '12', '8', null, '66.67%', null],
      ],
    }),
    expect: [{ severity: 'error', cell: '项目自评!D5' }],
  },
  {
    name: 'a 合计 printed blank under named sources is a missing total',
    sheets: national({
      funds: [
        ['一般预算内拨款', '76.8', '76.8', '76.8', null, '100%', null],
        ['合计', null, null, null, null, null, null],
      ],
    }),
    expect: [{ severity: 'warning', status: 'cannot-evaluate', cell: '项目自评!B6' }],
    minHolds: 0,
  },
]);

testRule('performance.overall-split', [
  { name: '基本支出总额 179.2 + 项目支出总额 878.32 = 执行数 1057.52', sheets: wuhan({ scope: 'overall' }) },
  {
    name: 'a split that does not add up to the actual (a convention: warning)',
    sheets: wuhan({ scope: 'overall', project: '870.32' }),
    expect: [{ severity: 'warning', cell: '自评!D6' }],
  },
]);

assertCoverage(performancePack);

// ── the seeds' real forms ────────────────────────────────────────────────────────────────────────────────────────

interface Pin {
  doc: string;
  rule: string;
  severity: 'error' | 'warning';
  /** sheet!cell of the finding (the forms are one per sheet) */
  at: string;
  why: string;
}

const dir = path.join(__dirname, '..', 'fixtures');
const manifest: { books: Array<{ file: string; doc: string }> } = JSON.parse(fs.readFileSync(path.join(dir, 'books', 'performance-manifest.json'), 'utf8'));
const pins: { rules: Pin[] } = JSON.parse(fs.readFileSync(path.join(dir, 'real-performance-inconsistencies.json'), 'utf8'));
const standardPins: Array<{ doc: string; rule: string; severity: string; at: string }> = JSON.parse(fs.readFileSync(path.join(dir, 'real-inconsistencies.json'), 'utf8'));

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  it('reports exactly the real inconsistencies of the forms, and the standard tables’ own', async () => {
    const res = checkWorkbook(await readXlsxFile(path.join(dir, 'books', book.file)));
    const got = res.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const perf = got.filter((f) => f.rule.startsWith('performance.'));
    expect(perf.map((f) => `${f.rule}|${f.severity}|${f.location.sheet}!${f.location.cell}`).sort()).toEqual(
      pins.rules.filter((p) => p.doc === book.doc).map((p) => `${p.rule}|${p.severity}|${p.at}`).sort(),
    );
    // the forms change nothing of the standard tables' findings (the same pins as the document's sheets book)
    const other = got.filter((f) => !f.rule.startsWith('performance.')).map((f) => `${f.rule}|${f.severity}|${semanticKey(res.recognition.tables, f.location)}`);
    expect(other.sort()).toEqual(standardPins.filter((p) => p.doc === book.doc).map((p) => `${p.rule}|${p.severity}|${p.at}`).sort());
    // the forms were checked, not skipped
    expect(res.checks.filter((c) => c.verdict === 'holds').length).toBeGreaterThan(3);
  });
});

it('the same cell of two project forms has two semantic keys (a waiver covers one form only)', async () => {
  const book = manifest.books.find((b) => b.doc === 'seed-000')!;
  const wb = await readXlsxFile(path.join(dir, 'books', book.file));
  const res = checkWorkbook(wb);
  const totals = buildFacts(wb, res.recognition)
    .facts.filter((f) => /^performance\.project\.\d+\.total-score$/.test(f.key));
  const cells = [...new Map(totals.map((f) => [`${f.cell.sheet}!${f.cell.cell}`, f.cell])).values()];
  expect(cells.length).toBeGreaterThanOrEqual(3); // the 3 project forms of 江岸区医保局 2022
  const keys = cells.map((c) => semanticKey(res.recognition.tables, c));
  expect(new Set(keys).size).toBe(cells.length);
  for (const k of keys) expect(k).toMatch(/^juesuan\.performance-project\[.*项目.*自评表.*\]\|/);
  // and so the waiver key of a finding there (the 总分 info of the 医疗救助经费 form) names its form
  const onProjects = res.findings
    .filter((f) => f.rule === 'performance.total-score')
    .map((f) => waiverKey(f, res.recognition.tables))
    .filter((k) => k.includes('performance-project'));
  expect(onProjects).toEqual(['performance.total-score@juesuan.performance-project[2022年度项目绩效自评表（医疗救助经费）]|total-score|score']);
});

it('every pin says why it is real', () => {
  for (const p of pins.rules) expect(p.why.length).toBeGreaterThan(20);
});
