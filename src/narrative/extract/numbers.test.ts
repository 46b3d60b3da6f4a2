import Decimal from 'decimal.js';
import { lexNumbers, parseNumberTokens, unitFamily, baseUnit } from './numbers';
import type { NumberToken } from './types';

/** value|unit|decimals for compact comparisons */
function brief(t: NumberToken): string {
  return `${t.value.toString()}|${t.unit ?? ''}|${t.decimals}`;
}

function only(text: string): NumberToken {
  const ts = parseNumberTokens(text);
  expect(ts).toHaveLength(1);
  return ts[0];
}

describe('parseNumberTokens: number forms', () => {
  test.each([
    ['2021 年度收、支总计 1,057.52 万元。', '1057.52|万元|2'],
    ['2022 年度收、支总计 1183.81 万元。', '1183.81|万元|2'],
    ['1.社会保障和就业支出(类)支出 9.3 万元，', '9.3|万元|1'],
    ['“三公”经费财政拨款支出预算为 0.5 万元', '0.5|万元|1'],
    ['社会保障和就业支出年初预算数为 0 万元，决算数为', '0|万元|0'],
    ['收入合计１，１８３．８１万元', '1183.81|万元|2'],
    ['占比 ９７．０％', '97|%|1'],
    ['占授予中小企业合同金额的 100.0 %；', '100|%|1'],
    ['增长12.86%。', '12.86|%|2'],
    ['基本支出189.23万元，', '189.23|万元|2'],
    ['追回医保基金本金 1.7798 亿元', '1.7798|亿元|4'],
    ['购买 2022 年人身意外保险费用 800 元，', '800|元|0'],
    ['综合工作经费 76.8 万，主要成效', '76.8|万|1'],
    ['收入预算37,151.47万元', '37151.47|万元|2'],
  ])('%s → %s', (text, expected) => {
    const ts = parseNumberTokens(text);
    expect(ts.map(brief)).toContain(expected);
  });

  it('keeps the printed text and the span of the number', () => {
    const text = '收入合计１，１８３．８１万元';
    const t = only(text);
    expect(t.raw).toBe('１，１８３．８１');
    expect(text.slice(t.span.start, t.span.end)).toBe('１，１８３．８１');
    expect(text.slice(t.unitSpan!.start, t.unitSpan!.end)).toBe('万元');
  });

  it('reads a unit with or without a space', () => {
    expect(brief(only('支出决算为9.3万元'))).toBe('9.3|万元|1');
    expect(brief(only('支出决算为 9.3 万元'))).toBe('9.3|万元|1');
    expect(brief(only('支出决算为 9.3　万元'))).toBe('9.3|万元|1');
  });

  it('scales money relative to 元 and 万-counts relative to the bare unit', () => {
    expect(only('442.86 万元').scale!.toString()).toBe('10000');
    expect(only('800 元').scale!.toString()).toBe('1');
    expect(only('1.7798 亿元').scale!.toString()).toBe('100000000');
    expect(only('76.8 万，').scale!.toString()).toBe('10000');
    const wan = only('基本医保参保人数达到 43.67 万人，');
    expect(wan.unit).toBe('万人');
    expect(wan.scale!.toString()).toBe('10000');
    expect(only('占 5%').scale).toBeUndefined();
    expect(only('309801 人').scale).toBeUndefined();
  });

  it('reads negative forms', () => {
    expect(only('净结余 -3.5 万元').value.toString()).toBe('-3.5');
    expect(only('调整数为－0.25万元').value.toString()).toBe('-0.25');
    expect(only('调整数为−0.25万元').raw).toBe('−0.25');
  });

  it('never reads a range dash as a minus sign', () => {
    const ts = parseNumberTokens('支出 1-3 万元');
    expect(ts.map((t) => t.value.toString())).toEqual(['1', '3']);
  });

  it('marks approximations before, inside and after the unit', () => {
    for (const text of ['约 300 万元', '近 5 万元', '超过 100 人', '满意率 90%以上', '参训 8600 余人', '共计 103 万余元', '满意度比率达 ≥90%', '响应时间不超过 30 分钟']) {
      expect({ text, approx: only(text).approx }).toEqual({ text, approx: true });
    }
    expect(only('共计 103 万余元').unit).toBe('万元');
    expect(only('2 万余名').unit).toBe('万名');
    expect(only('资金 965.8 万元，').approx).toBeUndefined();
  });

  it('covers the approximation word in the extent, not in the span', () => {
    const text = '共计 103 万余元，';
    const t = only(text);
    expect(text.slice(t.span.start, t.span.end)).toBe('103');
    expect(text.slice(t.extent.start, t.extent.end)).toBe('103 万余元');
    const text2 = '满意率约 98%以上。';
    const t2 = only(text2);
    expect(text2.slice(t2.extent.start, t2.extent.end)).toBe('约 98%以上');
  });

  it('recognises count and measure units', () => {
    expect(parseNumberTokens('列明公务接待 2 批次、26 人次').map(brief)).toEqual(['2|批次|0', '26|人次|0']);
    expect(parseNumberTokens('单价 100 万元(含)以上设备 0 台(套)').map((t) => t.unit)).toEqual(['万元', '台（套）']);
    expect(parseNumberTokens('单价100万元（含）以上设备（不含车辆）2台（套）').map((t) => t.unit)).toEqual(['万元', '台（套）']);
    expect(brief(only('共有车辆 0 辆'))).toBe('0|辆|0');
    expect(brief(only('平均得分99.43分'))).toBe('99.43|分|2');
    expect(brief(only('部门房屋面积共有403.65平方米'))).toBe('403.65|平方米|2');
    expect(brief(only('暂停协议 3 个月的处理'))).toBe('3|个月|0');
    expect(brief(only('下降 2 个百分点'))).toBe('2|个百分点|0');
  });

  it('classifies unit families', () => {
    const [m, p, c, x] = parseNumberTokens('5 万元，6%，7 人次，8 分');
    expect([unitFamily(m), unitFamily(p), unitFamily(c), unitFamily(x)]).toEqual(['money', 'percent', 'count', 'measure']);
    expect(baseUnit(only('43.67 万人'))).toBe('人');
    expect(baseUnit(only('43.67 万元'))).toBe('money');
  });
});

describe('parseNumberTokens: what is never a quantity', () => {
  test.each([
    ['2023 年度收入合计', 'a year before 年度'],
    ['2023年', 'a year before 年'],
    ['截至 2022 年 12 月 31 日', 'a date'],
    ['截至2024年8月31日', 'a date without spaces'],
    ['12月31日', 'month and day'],
    ['7 月份才正式驻村', 'a month'],
    ['2022 年 1-3 季度的医中救助', 'quarters'],
    ['1.社会保障和就业支出(类)', 'an ordinal “1.”'],
    ['8．住房保障支出(类)', 'a full-width ordinal'],
    ['13、住房保障支出', 'an ordinal “13、”'],
    ['(1)公务用车购置费', 'an ordinal “(1)”'],
    ['（2）公务用车运行费', 'a full-width ordinal “（2）”'],
    ['（一）社会保障', 'a Chinese ordinal'],
    ['第三部分', 'a part heading'],
    ['第 3 批', 'an ordinal with 第'],
    ['科目 2101101', 'a function code'],
    ['[30202]', 'a bracketed code'],
    ['公共安全支出（204类）司法（06款）行政运行（01项）', 'classification codes'],
    ['饶办发电〔2021〕35 号', 'a document number'],
    ['沪商规（2024）2号', 'a document number with a year in brackets'],
    ['图 1：收、支决算总计变动情况', 'a chart label'],
    ['见公开 10 表《国有资产占用情况表》', 'a table label'],
    ['第 5 行', 'a row'],
    ['栏次 3', 'a column'],
    ['2025.1.1-2025.12.31', 'a dotted date range'],
    ['按疾病诊断相关分组（DRG）付费，H5N1', 'letters'],
    ['项目名称 2022 预留待分配项目经费', 'a bare year inside a name'],
  ])('%s (%s)', (text) => {
    expect(parseNumberTokens(text)).toEqual([]);
  });

  it('reports the years it skips', () => {
    const items = lexNumbers('截至 2022 年 12 月 31 日，饶办发电〔2021〕35 号，2025.1.1-2025.12.31，2023 年度');
    expect(items.filter((i) => i.kind === 'year').map((i) => i.year)).toEqual([2022, 2021, 2025, 2025, 2023]);
  });

  it('treats a malformed year before 年度 as a year, not an amount', () => {
    const items = lexNumbers('在 20223 年度部门决算中');
    expect(items.map((i) => [i.kind, i.year])).toEqual([['year', 20223]]);
  });

  it('still reads figures next to skipped numbers', () => {
    const text = '1.社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)。年初预算为9.63万元';
    expect(parseNumberTokens(text).map(brief)).toEqual(['9.63|万元|2']);
    expect(parseNumberTokens('截至2025年8月31日，上海市普陀区司法局共有车辆3辆').map(brief)).toEqual(['3|辆|0']);
  });

  it('does not take a clause comma for a thousands separator', () => {
    expect(parseNumberTokens('组团 5，100 人次').map(brief)).toEqual(['5||0', '100|人次|0']);
    expect(parseNumberTokens('金额 1,183.81 万元').map(brief)).toEqual(['1183.81|万元|2']);
    expect(parseNumberTokens('支出 1,2 万元').map(brief)).toEqual(['1||0', '2|万元|0']);
  });

  it('returns Decimal values', () => {
    expect(only('1,183.81 万元').value).toBeInstanceOf(Decimal);
    expect(only('0.1 万元').value.plus(only('0.2 万元').value).toString()).toBe('0.3');
  });
});
