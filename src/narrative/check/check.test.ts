import { memoryWorkbook, type MemoryCellInput } from '../../adapters/memory';
import { buildFacts } from '../../facts';
import { recognise } from '../../recognise';
import { checkNarrative } from './index';

const n = (v: string): MemoryCellInput => ({ value: Number(v.replace(/,/g, '')), text: v, numFmt: '#,##0.00' });

/** A small 决算 workbook: 收入支出决算总表 and 支出决算表 with consistent figures. */
function facts() {
  const wb = memoryWorkbook([
    {
      name: '表1',
      rows: [
        ['2023 年度收入支出决算总表'],
        ['部门：某局', null, null, null, null, '金额单位：万元'],
        ['收入', null, null, '支出', null, null],
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['一、一般公共预算财政拨款收入', 1, n('400.00'), '八、社会保障和就业支出', 32, n('100.00')],
        ['八、其他收入', 8, n('42.86'), '九、卫生健康支出', 33, n('342.86')],
        ['本年收入合计', 27, n('442.86'), '本年支出合计', 58, n('442.86')],
        ['年初结转和结余', 29, n('0.00'), '年末结转和结余', 60, n('0.00')],
        ['总计', 31, n('442.86'), '总计', 62, n('442.86')],
      ],
    },
    {
      name: '表3',
      rows: [
        ['2023 年度支出决算表'],
        ['部门：某局', null, null, null, '金额单位：万元'],
        ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
        [null, '合计', n('442.86'), n('243.12'), n('199.74')],
        ['208', '社会保障和就业支出', n('100.00'), n('100.00'), null],
        ['210', '卫生健康支出', n('342.86'), n('143.12'), n('199.74')],
      ],
    },
  ]);
  return buildFacts(wb, recognise(wb));
}

function run(...texts: string[]) {
  const paragraphs = texts.map((text, i) => ({ text, location: { sheet: '情况说明', cell: `A${i + 1}` } }));
  return checkNarrative(paragraphs, facts(), { reportYear: 2023 });
}

const brief = (r: ReturnType<typeof run>) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.location.cell, f.text]);

describe('checkNarrative', () => {
  it('passes figures that agree with the tables, at any printed precision', () => {
    const r = run('2023 年度收入合计 442.86 万元。', '2023 年度支出合计 442.9 万元。其中：基本支出 243.12 万元，项目支出 199.74 万元。');
    expect(brief(r)).toEqual([]);
    expect(r.passed).toBeGreaterThanOrEqual(4);
  });

  it('reports an amount that differs from its table cell, and a cent off as a warning', () => {
    const r = run('2023 年度支出合计 424.86 万元。', '基本支出 243.13 万元。');
    expect(brief(r)).toEqual([
      ['narrative.amount', 'error', 'A1', '支出合计 424.86 万元'],
      ['narrative.amount', 'warning', 'A2', '基本支出 243.13 万元'],
    ]);
    expect(r.findings[0].message).toContain('442.86');
    expect(r.findings[0].cells.map((c) => `${c.sheet}!${c.cell}`)).toContain('情况说明!A1');
  });

  it('recognises 元 written for 万元', () => {
    const r = run('2023 年度支出合计 4428600 元。');
    expect(brief(r)).toEqual([]); // 4,428,600 元 = 442.86 万元: a correct conversion
    const slip = run('2023 年度支出合计 442.86 元。');
    expect(brief(slip)).toEqual([['narrative.amount', 'error', 'A1', '支出合计 442.86 元']]);
    expect(slip.findings[0].message).toMatch(/元与万元/);
  });

  it('recomputes shares, and flags truncation', () => {
    const ok = run('2023 年度支出合计 442.86 万元。其中：基本支出 243.12 万元，占本年支出 54.9%；项目支出 199.74 万元，占本年支出 45.1%。');
    expect(brief(ok)).toEqual([]);
    const bad = run('2023 年度支出合计 442.86 万元。其中：基本支出 243.12 万元，占本年支出 55.9%；项目支出 199.74 万元，占本年支出 45.1%。');
    expect(brief(bad)).toEqual([['narrative.share', 'error', 'A1', '占本年支出 55.9%']]);
  });

  it('checks a year-on-year rate against its change and current value, and the direction words', () => {
    // current 442.86, decrease 57.14 → prior 500.00 → 11.43%
    expect(brief(run('2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少 57.14 万元，下降 11.43%。'))).toEqual([]);
    expect(brief(run('2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少 57.14 万元，下降 12.9%。'))).toEqual([
      ['narrative.change', 'error', 'A1', expect.stringContaining('下降 12.9%')],
    ]);
    expect(brief(run('2023 年度收、支总计 442.86 万元，比上年增加 5 万元，下降 1.1%。'))).toEqual([
      ['narrative.change', 'error', 'A1', expect.stringContaining('增加 5 万元')],
    ]);
  });

  it('reports a completion rate that contradicts its amounts, the budget copied into the actual, and a zero base', () => {
    const copied = run('一般公共预算财政拨款支出年初预算为 401.75 万元，支出决算为 401.75 万元，完成年初预算的 110.23%。');
    expect(brief(copied)).toEqual([['narrative.completion', 'error', 'A1', expect.stringContaining('110.23%')]]);
    expect(copied.findings[0].message).toMatch(/442\.85/);
    const zero = run('卫生健康支出年初预算为 0 万元，支出决算为 10 万元，完成年初预算的 100%。');
    expect(brief(zero)).toEqual([['narrative.zero-base', 'error', 'A1', expect.stringContaining('100%')]]);
  });

  it('reports template text left in, and keeps drafting placeholders as information', () => {
    const r = run('2023 年度收、支总计 442.86 万元，较上年增加（减少）XX 万元。', '主要原因是【待补充：变动原因】。');
    expect(brief(r).map((x) => x[0])).toEqual(expect.arrayContaining(['narrative.residue']));
    expect(r.findings.filter((f) => f.rule === 'narrative.placeholder').map((f) => [f.severity, f.text])).toEqual([['info', '【待补充：变动原因】']]);
  });

  it('never guesses: a figure it cannot link is reported as cannot-evaluate', () => {
    const r = run('2023 年度医疗救助资金 88.88 万元。');
    expect(brief(r)).toEqual([]);
    expect(r.findings.map((f) => [f.status, f.severity])).toEqual([['cannot-evaluate', 'info']]);
  });
});

describe('counts stated twice', () => {
  it('warns when one specific count is stated with two values, and ignores vague or vehicle counts', () => {
    const r = run('2022 年，共办理各类医疗救助 20130 人次。', '2022 年，共办理各类医疗救助 20270 人次，其中医中救助 20113 人次。', '共有车辆 3 辆，其中执法执勤用车 2 辆。', '安排购置执法执勤用车 0 辆。');
    expect(brief(r)).toEqual([['narrative.consistency', 'warning', 'A2', expect.stringContaining('20270')]]);
  });
});
