/**
 * Recognition of the performance self-evaluation forms (部门整体绩效自评表, 项目（支出）绩效自评表; domain §2.6):
 * - against the performance fixture books (test/fixtures/books/performance-manifest.json, written by the builder from
 *   the seeds' transcriptions in three layout families: Wuhan, Caidian, Jiangxi): every form, funding line, indicator,
 *   block maximum and 总分 where the builder put it, and the document's standard tables exactly as in its sheets book;
 * - on forms built in memory: the national (财政部) template, an unmerged layout, titles that carry a regime word, and
 *   look-alike sheets that are not forms.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { memoryWorkbook, type MemoryCellInput, type MemorySheetSpec } from '../../src/adapters/memory';
import { a1 } from '../../src/model/address';
import type { TableCell, Recognition } from '../../src/model/table';
import { recognise } from '../../src/recognise';
import type { PerformanceManifest } from '../../scripts/fixtures/performance';

const dir = path.join(__dirname, '..', 'fixtures', 'books');
const manifest: PerformanceManifest = JSON.parse(fs.readFileSync(path.join(dir, 'performance-manifest.json'), 'utf8'));
const ref = (c: TableCell | null | undefined) => (c ? a1(c.row, c.col) : null);

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  let rec: Recognition;
  beforeAll(async () => {
    rec = recognise(await readXlsxFile(path.join(dir, book.file)));
  });

  it('finds the standard tables of the document, then its forms, nothing unplaced', () => {
    expect(rec.tables.map((t) => `${t.sheet}!${t.range} ${t.kind}`)).toEqual([
      ...book.tables.map((t) => `${t.sheet}!${t.range} ${t.kind}`),
      ...book.forms.map((f) => `${f.sheet}!${f.range} ${f.kind}`),
    ]);
    expect(rec.unplaced).toEqual([]);
    expect(rec.narrativeSheets).toEqual([book.narrativeSheet]);
  });

  it.each(book.forms.map((f) => [`${f.sheet} ${f.title}`, f] as const))('%s', (_name, exp) => {
    const t = rec.tables.find((x) => x.sheet === exp.sheet)!;
    const p = t.performance!;
    expect({
      kind: t.kind,
      title: t.title,
      titleCell: a1(t.titleCell.row, t.titleCell.col),
      range: t.range,
      unit: t.unit,
      name: p.name ?? null,
      department: p.department ?? null,
      implementer: p.implementer ?? null,
      basicTotal: ref(p.basicTotal),
      projectTotal: ref(p.projectTotal),
      funds: p.funds.map((f) => ({ key: f.key, label: f.label, row: f.row, cells: Object.fromEntries(Object.entries(f.cells).map(([k, c]) => [k, ref(c)])) })),
      execution: p.execution ? { weight: p.execution.weight ?? null, formula: p.execution.formula, source: p.execution.source } : null,
      indicatorWeight: p.indicatorWeight ?? null,
      indicators: p.indicators.map((i) => ({ row: i.row, name: i.name, goal: i.goal ?? null, level1: i.level1 ?? null, level2: i.level2 ?? null, score: ref(i.score) })),
      blocks: p.blocks.map((b) => ({ level: b.level, label: b.label, max: b.max, cell: a1(b.cell.row, b.cell.col), rows: b.rows.length })),
      total: p.total ? { row: p.total.row, score: ref(p.total.score) } : null,
      notes: t.notes.length,
    }).toEqual({
      kind: exp.kind,
      title: exp.title,
      titleCell: exp.titleCell,
      range: exp.range,
      unit: exp.unit,
      name: exp.name,
      department: exp.department,
      implementer: exp.implementer,
      basicTotal: exp.basicTotal,
      projectTotal: exp.projectTotal,
      funds: exp.funds,
      execution: exp.execution,
      indicatorWeight: exp.indicatorWeight,
      indicators: exp.indicators,
      blocks: exp.blocks,
      total: exp.total,
      notes: exp.notes,
    });
    // the parts address the same cells: funding lines keyed funds.*, indicators and 总分 in the indicator part
    expect(t.parts[0].rows.map((r) => r.key)).toEqual(p.funds.map((f) => `funds.${f.key}`));
    expect(t.parts[0].columns.map((c) => c.key)).toEqual(expect.arrayContaining(['budget', 'actual']));
    if (t.parts[1]) {
      expect(t.parts[1].rows.filter((r) => r.key === 'indicator')).toHaveLength(p.indicators.length);
      expect(t.parts[1].rows.some((r) => r.key === 'total-score')).toBe(!!p.total);
    }
    expect(t.empty).toBe(false);
  });
});

// ── forms built in memory ────────────────────────────────────────────────────────────────────────────────────────

type Row = MemoryCellInput[];

/** The national (财政部) 项目支出绩效自评表, laid out with its usual merges. */
function nationalForm(opts: { title?: string; merged?: boolean; funds?: Row[]; indicators?: Row[]; total?: Row } = {}): MemorySheetSpec {
  const merged = opts.merged ?? true;
  const rows: Row[] = [
    [opts.title ?? '项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', '社区医疗保障服务提升', null, null, null, null, null, null, null],
    ['主管部门', '某区医疗保障局', null, null, null, '实施单位', '某区医疗保障局', null, null],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    ...(opts.funds ?? [
      [null, '年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21', null],
      [null, '其中：当年财政拨款', '100', '110', '102.5', '—', '93.18%', '—', null],
      [null, '上年结转资金', null, '10', '8', '—', '80.00%', '—', null],
      [null, '其他资金', null, null, null, '—', null, '—', null],
    ]),
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null],
    [null, '提升基层医保经办服务能力', null, null, null, '基本完成', null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...(opts.indicators ?? [
      [null, '产出指标（50 分）', '数量指标', '培训经办人员', '≥200人次', '230人次', '25', '25', null],
      [null, merged ? null : '产出指标（50 分）', '质量指标', '培训合格率', '≥95%', '97%', '25', '25', null],
      [null, '效益指标（30 分）', '社会效益指标', '群众办事时间缩短', '≥20%', '15%', '30', '22.5', '部分街道系统上线推迟'],
      [null, '满意度指标（10 分）', '服务对象满意度指标', '群众满意度', '≥90%', '93%', '10', '10', null],
    ]),
    opts.total ?? ['总分', null, null, null, null, null, '100', '91.71', null],
  ];
  const merges = merged
    ? ['A1:I1', 'A2:I2', 'B3:I3', 'B4:E4', 'G4:I4', 'A5:A9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A16', 'B13:B14', 'A17:F17']
    : [];
  return { name: '项目自评', rows, merges };
}

describe('the national (财政部) template, built in memory', () => {
  it('reads every part of the form by its words', () => {
    const rec = recognise(memoryWorkbook([nationalForm()]));
    expect(rec.unplaced).toEqual([]);
    expect(rec.tables).toHaveLength(1);
    const t = rec.tables[0];
    expect(t.kind).toBe('juesuan.performance-project');
    expect(t.year).toBe(2023);
    expect(t.unit).toBe('万元');
    const p = t.performance!;
    expect([p.name, p.department, p.implementer]).toEqual(['社区医疗保障服务提升', '某区医疗保障局', '某区医疗保障局']);
    expect(p.execution).toEqual({ formula: true, source: 'columns' });
    expect(p.funds.map((f) => [f.key, f.label])).toEqual([
      ['total', '年度资金总额'],
      ['current', '其中：当年财政拨款'],
      ['carry-over', '上年结转资金'],
      ['other', '其他资金'],
    ]);
    expect(Object.fromEntries(Object.entries(p.funds[0].cells).map(([k, c]) => [k, c ? `${a1(c.row, c.col)} ${c.text}` : null]))).toEqual({
      initialBudget: 'C6 100',
      budget: 'D6 120',
      actual: 'E6 110.5',
      weight: 'F6 10',
      rate: 'G6 92.08%',
      score: 'H6 9.21',
    });
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.weight?.text, i.score?.text, i.deviation?.text ?? null])).toEqual([
      ['产出指标', '数量指标', '培训经办人员', '25', '25', null],
      ['产出指标', '质量指标', '培训合格率', '25', '25', null],
      ['效益指标', '社会效益指标', '群众办事时间缩短', '30', '22.5', '部分街道系统上线推迟'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '10', '10', null],
    ]);
    expect(p.blocks.map((b) => `${b.level} ${b.label} ${b.max} ${b.rows.length}`)).toEqual(['level1 产出指标 50 2', 'level1 效益指标 30 1', 'level1 满意度指标 10 1']);
    expect(p.total).toMatchObject({ row: 17, score: { text: '91.71' }, weight: { text: '100' } });
    expect(t.range).toBe('A1:I17');
  });

  it('reads the same form printed without merges (the 一级指标 repeated on every row)', () => {
    const a = recognise(memoryWorkbook([nationalForm()])).tables[0].performance!;
    const b = recognise(memoryWorkbook([nationalForm({ merged: false })])).tables[0].performance!;
    expect(b.funds.map((f) => [f.key, f.cells.budget?.text ?? null, f.cells.actual?.text ?? null])).toEqual(
      a.funds.map((f) => [f.key, f.cells.budget?.text ?? null, f.cells.actual?.text ?? null]),
    );
    expect(b.indicators.map((i) => [i.level1, i.name])).toEqual(a.indicators.map((i) => [i.level1, i.name]));
    // a repeated label that prints a maximum is a block per cell (the author wrote the maximum in each): the merged
    // 产出指标（50 分） over two rows is one block, printed twice it is two
    expect(b.blocks.map((x) => [x.label, x.rows.length])).toEqual([
      ['产出指标', 1],
      ['产出指标', 1],
      ['效益指标', 1],
      ['满意度指标', 1],
    ]);
  });

  it('takes a title that names a regime or the 整体 scope', () => {
    const gb = recognise(memoryWorkbook([nationalForm({ title: '2023年度一般公共预算项目支出绩效自评表' })])).tables[0];
    expect(gb.kind).toBe('juesuan.performance-project');
    const overall = recognise(memoryWorkbook([nationalForm({ title: '2023年度部门（单位）整体支出绩效自评表' })])).tables[0];
    expect(overall.kind).toBe('juesuan.performance-overall');
    const juesuan = recognise(memoryWorkbook([nationalForm({ title: '2023年度部门决算项目绩效自评表' })])).tables[0];
    expect(juesuan.kind).toBe('juesuan.performance-project');
  });

  it('does not take a look-alike without a funding block, nor a 绩效目标申报表', () => {
    const lookalike: MemorySheetSpec = {
      name: '项目绩效自评表',
      rows: [['2024年度项目支出绩效自评表'], ['项目名称', '医疗救助经费'], ['执行率', '98%']],
    };
    const r1 = recognise(memoryWorkbook([lookalike]));
    expect(r1.tables).toEqual([]);
    const target: MemorySheetSpec = {
      name: '绩效目标',
      rows: [['项目支出绩效目标申报表'], ['项目名称', '医疗救助经费'], ['预算数', '执行数'], ['10', '10']],
    };
    expect(recognise(memoryWorkbook([target])).tables.filter((t) => t.kind.startsWith('juesuan.performance'))).toEqual([]);
  });

  it('stops at the next form on the same sheet', () => {
    const one = nationalForm();
    const two = nationalForm({ title: '项目支出绩效自评表（第二个项目）' });
    const sheet: MemorySheetSpec = { name: '自评', rows: [...one.rows, [], [], ...two.rows], merges: [] };
    const rec = recognise(memoryWorkbook([sheet]));
    expect(rec.tables.map((t) => [t.range, t.performance!.funds[0].cells.budget?.text])).toEqual([
      ['A1:I17', '120'],
      ['A20:I36', '120'],
    ]);
  });
});
