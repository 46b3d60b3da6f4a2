import { memoryWorkbook, type MemoryCellInput } from '../adapters/memory';
import { recognise } from './index';
import { matchTitle } from './recognise';

const n = (v: number): MemoryCellInput => ({ value: v, text: v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','), numFmt: '#,##0.00' });

describe('matchTitle (most specific keyword first)', () => {
  it.each([
    ['2023 年度收入支出决算总表（表一）', 'juesuan.income-expenditure-summary'],
    ['2022 年度财政拨款收入支出决算总表（表 4）', 'juesuan.fiscal-summary'],
    ['收入决算表', 'juesuan.income'],
    ['2022年度支出决算表（表3）', 'juesuan.expenditure'],
    ['2022 年度一般公共预算财政拨款支出决算表（表 5）', 'juesuan.general-budget-expenditure'],
    ['2022 年度一般公共预算财政拨款基本支出决算明细表（表 6）', 'juesuan.basic-expenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'juesuan.basic-expenditure'],
    ['2022 年度一般公共预算财政拨款“三公”经费支出决算表（表 7）', 'juesuan.three-public'],
    ['财政拨款“三公”经费支出决算表', 'juesuan.three-public'],
    ['2023 年度政府性基金预算财政拨款收入支出决算表（表 7）', 'juesuan.gov-fund'],
    ['国有资本经营预算财政拨款支出决算表', 'juesuan.state-capital'],
    ['国有资本经营预算财政拨款收入支出决算表', 'juesuan.state-capital'],
    ['国有资产占用情况表', 'juesuan.state-assets'],
    ['2024年收支预算总表', 'yusuan.income-expenditure-summary'],
    ['2025年部门财务收支预算总表', 'yusuan.income-expenditure-summary'],
    ['2024年收入预算总表', 'yusuan.income'],
    ['2024年支出预算总表', 'yusuan.expenditure'],
    ['2024年财政拨款收支预算总表', 'yusuan.fiscal-summary'],
    ['2024年一般公共预算支出表(分功能科目)', 'yusuan.general-budget-expenditure'],
    ['2025年部门一般公共预算支出功能分类预算表', 'yusuan.general-budget-expenditure'],
    ['2024年一般公共预算支出表(分单位)', 'yusuan.general-budget-by-unit'],
    ['2024年一般公共预算基本支出表', 'yusuan.basic-expenditure'],
    ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'yusuan.basic-expenditure'],
    ['2024年一般公共预算“三公”经费支出表', 'yusuan.three-public'],
    ['2025年部门“三公”经费和机关运行经费预算表', 'yusuan.three-public'],
    ['2024年政府性基金预算支出表', 'yusuan.gov-fund'],
    ['2025年部门政府性基金预算支出功能分类预算表', 'yusuan.gov-fund'],
    ['2024年国有资本经营预算支出表', 'yusuan.state-capital'],
    ['2024年项目支出预算表', 'yusuan.project-expenditure'],
    ['2024年政府采购预算表', 'yusuan.procurement'],
    ['2024年政府向社会力量购买服务预算表', 'yusuan.purchase-services'],
  ])('%s → %s', (title, kind) => {
    expect(matchTitle(title)?.kind).toBe(kind);
  });

  it.each([
    '一、收入支出决算总体情况说明',
    '2023年度收入决算表反映了本部门的收入情况，详见附表。',
    '注：本表反映部门本年度取得的各项收入情况。',
    '武汉市蔡甸区医疗保障局2023年度部门决算表',
    '部门：武汉市蔡甸区医疗保障局',
  ])('rejects %s', (text) => {
    expect(matchTitle(text)).toBeUndefined();
  });
});

function incomeTable(origin: string, merged: boolean) {
  const rows: MemoryCellInput[][] = [
    ['2022 年度收入决算表（表 2）', null, null, null, null],
    ['部门：江岸区医疗保障局', null, null, null, '金额单位：万元'],
    ['功能分类科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
    ['栏次', null, 1, 2, 3],
    [null, '合计', n(1183.81), n(1183.81), null],
    ['208', '社会保障和就业支出', n(9.3), n(9.3), null],
    ['20805', '行政事业单位养老支出', n(9.3), n(9.3), null],
    ['2080505', '机关事业单位基本养老保险缴费支出', n(9.3), n(9.3), null],
    ['210', '卫生健康支出', n(1174.51), n(1174.51), null],
    ['注：本表反映部门本年度取得的各项收入情况。 1栏各行=（2+3）栏各行。', null, null, null, null],
  ];
  return { rows, origin, merges: merged ? ['A1:E1', 'A10:E10'] : [] };
}

describe('recognise', () => {
  it('reads a single table: title, unit, department, 栏次, codes, notes, range', () => {
    const wb = memoryWorkbook([{ name: '表2', ...incomeTable('A1', true) }]);
    const { tables, unplaced } = recognise(wb);
    expect(unplaced).toEqual([]);
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.kind).toBe('juesuan.income');
    expect(t.range).toBe('A1:E10');
    expect(t.unit).toBe('万元');
    expect(t.department).toBe('江岸区医疗保障局');
    expect(t.year).toBe(2022);
    expect(t.headerRows).toEqual([3, 4]);
    expect(t.bodyRows).toEqual([5, 9]);
    expect(t.notes.map((x) => x.row)).toEqual([10]);
    expect(t.empty).toBe(false);
    const p = t.parts[0];
    expect(p.codeCols).toEqual([1]);
    expect(p.labelCol).toBe(2);
    expect(p.columns.map((c) => [c.col, c.lanci, c.key])).toEqual([
      [3, 1, 'total'],
      [4, 2, 'fiscal'],
      [5, 3, 'other'],
    ]);
    expect(p.rows.map((r) => [r.code ?? null, r.level ?? null, r.key ?? null])).toEqual([
      [null, null, 'total'],
      ['208', 1, null],
      ['20805', 2, null],
      ['2080505', 3, null],
      ['210', 1, null],
    ]);
  });

  it('finds stacked tables anywhere on a sheet, without merges', () => {
    const a = incomeTable('B3', false).rows;
    const b = incomeTable('B3', false).rows.map((r) => [...r]);
    b[0] = ['2022 年度支出决算表（表 3）', null, null, null, null];
    b[2] = ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'];
    const rows = [...a, [], [], ['公开 03 表'], ...b];
    const wb = memoryWorkbook([{ name: '决算表', rows, origin: 'B3' }]);
    const { tables } = recognise(wb);
    expect(tables.map((t) => [t.kind, t.range, t.formLabel ?? null])).toEqual([
      ['juesuan.income', 'B3:F12', null],
      ['juesuan.expenditure', 'B15:F25', '公开 03 表'],
    ]);
    expect(tables[1].parts[0].columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
  });

  it('reads split 类|款|项 codes and text amounts', () => {
    const rows: MemoryCellInput[][] = [
      ['2024年支出预算总表'],
      ['单位名称：某局', null, null, null, null, '单位：万元'],
      ['科目编码', null, null, '科目名称', '合计', '基本支出'],
      ['类', '款', '项', null, null, null],
      [null, null, null, '合计', '1,148.77', '182.97'],
      ['208', null, null, '社会保障和就业支出', '9.30', '9.30'],
      ['208', '05', null, '行政事业单位养老支出', '9.30', '9.30'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '9.30', '9.30'],
    ];
    const wb = memoryWorkbook([{ name: 'S', rows, merges: ['A3:C3', 'D3:D4', 'E3:E4', 'F3:F4'] }]);
    const [t] = recognise(wb).tables;
    expect(t.kind).toBe('yusuan.expenditure');
    expect(t.parts[0].codeCols).toEqual([1, 2, 3]);
    expect(t.parts[0].rows.map((r) => r.code ?? '')).toEqual(['', '208', '20805', '2080505']);
    expect(t.parts[0].columns.map((c) => c.key)).toEqual(['total', 'basic']);
  });

  it('splits a two-sided table into income and expenditure halves', () => {
    const rows: MemoryCellInput[][] = [
      ['收入支出决算总表'],
      ['部门：某局', null, null, null, null, '单位：万元'],
      ['收入', null, null, '支出', null, null],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['栏次', null, 1, '栏次', null, 2],
      ['一、一般公共预算财政拨款收入', 1, n(442.86), '一、一般公共服务支出', 32, n(0)],
      ['二、政府性基金预算财政拨款收入', 2, n(0), '九、卫生健康支出', 33, n(442.86)],
      [null, 3, null, '十、节能环保支出', 34, null],
      ['本年收入合计', 27, n(442.86), '本年支出合计', 58, n(442.86)],
      ['总计', 31, n(442.86), '总计', 62, n(442.86)],
    ];
    const wb = memoryWorkbook([{ name: '表1', rows, merges: ['A1:F1', 'A3:C3', 'D3:F3'] }]);
    const [t] = recognise(wb).tables;
    expect(t.kind).toBe('juesuan.income-expenditure-summary');
    expect(t.parts.map((p) => p.side)).toEqual(['income', 'expenditure']);
    const [inc, exp] = t.parts;
    expect(inc.hangciCol).toBe(2);
    expect(inc.columns.map((c) => [c.col, c.lanci])).toEqual([[3, 1]]);
    expect(exp.columns.map((c) => [c.col, c.lanci])).toEqual([[6, 2]]);
    expect(inc.rows.map((r) => r.key ?? null)).toEqual(['income.general-budget', 'income.gov-fund', null, 'income.total', 'income.grand-total']);
    expect(exp.rows.map((r) => r.code ?? r.key)).toEqual(['201', '210', '211', 'expenditure.total', 'expenditure.grand-total']);
    expect(inc.rows[2].hangci).toBe(3);
  });

  it('recognises an empty table with its statement', () => {
    const rows: MemoryCellInput[][] = [
      ['2022 年度国有资本经营预算财政拨款支出决算表（表 9）'],
      ['部门：某局', null, null, null, '金额单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['栏次', null, 1, 2, 3],
      [null, '合计', '本单位无国有资本经营预算财政拨款支出', null, null],
      ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。'],
    ];
    const [t] = recognise(memoryWorkbook([{ name: 'x', rows }])).tables;
    expect(t.kind).toBe('juesuan.state-capital');
    expect(t.empty).toBe(true);
    expect(t.emptyStatement).toContain('本单位无国有资本经营预算财政拨款支出');
    expect(t.range).toBe('A1:E6');
  });

  it('does not place prose, a table of contents or section headings; names the narrative sheet', () => {
    const rows: MemoryCellInput[][] = [
      ['第二部分 2023年度部门决算表'],
      ['一、收入支出决算总表'],
      ['二、收入决算表'],
      ['三、支出决算表'],
      ['一、收入支出决算总体情况说明'],
      ['2023年度收、支总计442.86万元。与2022年度相比，收、支总计各增加12.00万元，增长2.8%，主要原因是人员增加。'],
      ['二、收入决算情况说明'],
      ['2023年度本年收入合计442.86万元，其中：财政拨款收入442.86万元，占本年收入100%。'],
      ['本部门2023年度一般公共预算财政拨款支出442.86万元，占本年支出合计的100%。详见收入决算表。'],
    ];
    const rec = recognise(memoryWorkbook([{ name: '情况说明', rows }]));
    expect(rec.tables).toEqual([]);
    expect(rec.unplaced).toEqual([]);
    expect(rec.narrativeSheets).toEqual(['情况说明']);
  });

  it('reads a bare self-evaluation form (绩效自评表 are known kinds now; see test/recognise/performance.test.ts)', () => {
    const rows: MemoryCellInput[][] = [
      ['2022年度项目支出绩效自评表'],
      ['项目名称', '医疗救助经费', null, null],
      ['预算数', '执行数', '执行率', '得分'],
      [n(100), n(95), '95%', 9.5],
    ];
    const rec = recognise(memoryWorkbook([{ name: '自评', rows }]));
    expect(rec.tables.map((t) => [t.kind, t.range, t.performance?.name, t.performance?.funds.map((f) => f.key)])).toEqual([
      ['juesuan.performance-project', 'A1:D4', '医疗救助经费', ['total']],
    ]);
    expect(rec.unplaced).toEqual([]);
  });

  it('reports an unknown titled table as unplaced', () => {
    const rows: MemoryCellInput[][] = [
      ['2022年度项目支出绩效目标表'],
      ['项目名称', '医疗救助经费', null, null],
      ['预算数', '执行数', '执行率', '得分'],
      [n(100), n(95), '95%', 9.5],
    ];
    const rec = recognise(memoryWorkbook([{ name: '目标', rows }]));
    expect(rec.tables).toEqual([]);
    expect(rec.unplaced).toEqual([{ sheet: '目标', range: 'A1:D4', reason: 'unknown-title', text: '2022年度项目支出绩效目标表' }]);
  });
});
