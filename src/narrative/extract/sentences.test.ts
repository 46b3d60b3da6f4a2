import { cnNumber, ordinalAt, splitSentences } from './sentences';
import { fold } from './text';

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at 。 and keeps spans into the input', () => {
    const p = '2023 年度收入合计 442.86 万元。其中：财政拨款收入 442.86 万元，占本年收入 100.00%。';
    const ss = splitSentences(p);
    expect(ss.map((s) => s.text)).toEqual(['2023 年度收入合计 442.86 万元。', '其中：财政拨款收入 442.86 万元，占本年收入 100.00%。']);
    for (const s of ss) expect(p.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('keeps ；-separated lists in one sentence', () => {
    const p = '其中：基本支出 243.12 万元，占本年支出 54.9%；项目支出 199.74 万元，占本年支出 45.1%。';
    expect(texts(p)).toHaveLength(1);
  });

  it('ends a sentence at ！？ and takes a closing quote or bracket along', () => {
    expect(texts('确保安全！继续推进？（完）')).toEqual(['确保安全！', '继续推进？', '（完）']);
    expect(texts('他说“完成了。”然后离开。')).toEqual(['他说“完成了。”', '然后离开。']);
  });

  it('treats each line of a heading block as its own sentence', () => {
    const p = '图 1：收、支决算总计变动情况\n二、收入决算情况说明\n2022 年度收入合计 1183.81 万元。';
    expect(texts(p)).toEqual(['图 1：收、支决算总计变动情况', '二、收入决算情况说明', '2022 年度收入合计 1183.81 万元。']);
  });

  it('joins a cell ending in a colon with the next cell (a sentence continued in the next cell)', () => {
    const p = '2022年度一般公共预算财政拨款基本支出182.97万元，其中：\n人员经费 172.04 万元，主要包括：基本工资、津贴补贴。';
    expect(texts(p)).toEqual([p]);
    const q = '与2023年度相比，财政拨款收入支出总计持平。主要原因：\n基本支出中人员进出及退休变化，减少支付。';
    expect(texts(q)).toEqual(['与2023年度相比，财政拨款收入支出总计持平。', '主要原因：\n基本支出中人员进出及退休变化，减少支付。']);
  });

  it('joins a clause cut mid-sentence at a cell boundary', () => {
    const p = '2022 年度收、支总计 1183.81 万元，与上年相比减少\n333.63 万元。';
    expect(texts(p)).toEqual([p]);
  });

  it('does not join a list cell ending in ； with a following heading', () => {
    const p = '本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；\n三、支出决算情况说明';
    expect(texts(p)).toEqual(['本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；', '三、支出决算情况说明']);
  });

  it('does not join a complete clause without a full stop with the next numbered item', () => {
    const p = '2021 年度“三公”经费财政拨款支出决算数与 2020 年度持平，均为 0 万元\n3.公务接待费支出决算为 0 万元。';
    expect(texts(p)).toHaveLength(2);
  });

  it('does not let the 、 of a heading ordinal make the heading a clause', () => {
    const p = '二、收入决算情况说明\n本年收入合计9746.50万元，其中：财政拨款收入9746.50万元，占100.00%。';
    expect(texts(p)[0]).toBe('二、收入决算情况说明');
  });

  it('drops punctuation-only pieces and trims whitespace', () => {
    const p = '  控制开支。\n。\n  下一句。  ';
    const ss = splitSentences(p);
    expect(ss.map((s) => s.text)).toEqual(['控制开支。', '下一句。']);
    for (const s of ss) expect(p.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('accepts text that starts or ends mid-sentence', () => {
    expect(texts('万元，增长 2.8%。比上年增加')).toEqual(['万元，增长 2.8%。', '比上年增加']);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('ordinals', () => {
  test.each([
    ['1.社会保障', 'num', 1],
    ['8．住房保障', 'num', 8],
    ['13、住房保障', 'num', 13],
    ['(2)公务用车', 'num-paren', 2],
    ['（三）公务接待费', 'cn-paren', 3],
    ['十二、国有资产占用情况', 'cn', 12],
    ['第三部分 情况说明', 'part', 3],
  ])('%s → %s %i', (text, style, value) => {
    const o = ordinalAt(fold(text), 0);
    expect(o).toBeDefined();
    expect([o!.style, o!.value]).toEqual([style, value]);
  });

  it('does not read a decimal as an ordinal', () => {
    expect(ordinalAt(fold('2.5 万元'), 0)).toBeUndefined();
    expect(ordinalAt(fold('2023 年度'), 0)).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect([cnNumber('一'), cnNumber('十'), cnNumber('十三'), cnNumber('二十'), cnNumber('二十一')]).toEqual([1, 10, 13, 20, 21]);
    expect(cnNumber('十十')).toBeNaN();
  });
});
