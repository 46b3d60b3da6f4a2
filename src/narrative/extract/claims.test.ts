import { extractClaims } from './claims';
import type { Claim, NumberToken, Span } from './types';

type Of<K extends Claim['kind']> = Extract<Claim, { kind: K }>;
function of<K extends Claim['kind']>(cs: Claim[], kind: K): Array<Of<K>> {
  return cs.filter((c): c is Of<K> => c.kind === kind);
}
const at = (p: string, s: Span | undefined) => (s ? p.slice(s.start, s.end) : undefined);
const v = (t: NumberToken | undefined) => (t ? `${t.value.toString()}${t.unit ?? ''}` : undefined);
/** “subject=value” of the amount, count and measure claims */
function figures(cs: Claim[]): string[] {
  const out: string[] = [];
  for (const c of cs) {
    if (c.kind === 'amount') out.push(`${c.subject}=${v(c.amount)}`);
    else if (c.kind === 'count') out.push(`${c.subject}=${v(c.count)}`);
    else if (c.kind === 'measure') out.push(`${c.subject}=${v(c.value)}`);
  }
  return out;
}
function brief(c: Claim): string {
  switch (c.kind) {
    case 'amount':
      return `amount ${c.subject}=${v(c.amount)}`;
    case 'count':
      return `count ${c.subject}=${v(c.count)}`;
    case 'measure':
      return `measure ${c.subject}=${v(c.value)}`;
    case 'completion':
      return `completion ${c.subject}`;
    default:
      return c.kind;
  }
}

describe('amounts and their subjects', () => {
  it('strips the year prefix (N03)', () => {
    const p = '2023 年度收入合计 442.86 万元。';
    const [a] = of(extractClaims(p), 'amount');
    expect(a.subject).toBe('收入合计');
    expect(at(p, a.subjectSpan)).toBe('收入合计');
    expect(v(a.amount)).toBe('442.86万元');
    expect(at(p, a.span)).toBe('收入合计 442.86 万元');
  });

  it('keeps 合计 and 本年 when they are part of the label', () => {
    const p = '本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；';
    expect(figures(extractClaims(p))).toEqual(['本年收入合计=2946.25万元', '财政拨款收入=2940.05万元', '其他收入=6.2万元']);
  });

  it('drops an organisation name in front of a known metric (Shanghai)', () => {
    const p = '上海市普陀区财政局2024年度收入支出总计2995.39万元。';
    expect(figures(extractClaims(p))).toEqual(['收入支出总计=2995.39万元']);
    const q = '2023 年度武汉市蔡甸区医疗保障局（本级）机关运行经费支出 7.87 万元，比 2022 年度减少 5.14 万元，减少 39.51%。';
    expect(figures(extractClaims(q))).toEqual(['机关运行经费支出=7.87万元']);
    const r = '本部门 2022 年度收入总计 1709.37 万元，其中年初结转和结余 0 万元';
    expect(figures(extractClaims(r))).toEqual(['收入总计=1709.37万元', '年初结转和结余=0万元']);
  });

  it('keeps class/item markers and brackets inside the subject', () => {
    const p = '1. 社会保障和就业（类）支出 22.28 万元，占 5%。主要是用于职工机关事业单位基本养老保险缴费。';
    expect(figures(extractClaims(p))).toEqual(['社会保障和就业（类）支出=22.28万元']);
    const q = '本年支出的具体构成为：基本支出 1335.29 万元，占 78.1%；项目支出 374.08 万元，占 21.9%；经营支出 0 万元，占 0%；其他支出（对附属单位补助支出、上缴上级支出）0 万元，占 0%。';
    expect(figures(extractClaims(q))).toEqual([
      '基本支出=1335.29万元',
      '项目支出=374.08万元',
      '经营支出=0万元',
      '其他支出（对附属单位补助支出、上缴上级支出）=0万元',
    ]);
  });

  it('keeps a 类/款/项 path with full-width brackets whole', () => {
    const p = '其中：卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）4.78 万元。';
    expect(figures(extractClaims(p))).toEqual(['卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）=4.78万元']);
  });

  it('keeps a hyphenated classification path whole', () => {
    const p = '卫生健康支出-行政事业单位医疗-行政单位医疗 4.78 万元。';
    expect(figures(extractClaims(p))).toEqual(['卫生健康支出-行政事业单位医疗-行政单位医疗=4.78万元']);
  });

  it('keeps the quoted classification path of a budget item (N40)', () => {
    const p = '1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出 。';
    expect(figures(extractClaims(p))).toEqual(['“一般公共服务支出（类）商贸事务（款）行政运行（项）”=938.99万元']);
  });

  it('names a figure after a label and a colon (N42)', () => {
    const p = '具体使用情况如下：\n1.党建、结对共建、文明创建：3.6 万元，主要用于开展党建、结对共建、文明创建工作。';
    expect(figures(extractClaims(p))).toEqual(['党建、结对共建、文明创建=3.6万元']);
  });

  it('keeps a name with 、 inside a ；-list whole', () => {
    const p = '项目支出主要用于:医保局业务工作经费 38.21 万元，用于保障医保局开展各项工作；文明创建、党建、综治、档案、老干工作经费 2 万元，用于保障单位文明创建综治党建档案工作开展运行；';
    expect(figures(extractClaims(p))).toEqual(['医保局业务工作经费=38.21万元', '文明创建、党建、综治、档案、老干工作经费=2万元']);
  });

  it('returns an empty subject rather than a wrong one', () => {
    const p = '转医保经办机构根据协议给予该医疗机构追回违规费用 74875.92 元、暂停协议（住院结算）3 个月的处理。';
    const [a] = of(extractClaims(p), 'amount');
    expect(a.subject).toBe('');
    expect(v(a.amount)).toBe('74875.92元');
    const q = '约 300 万元';
    expect(figures(extractClaims(q))).toEqual(['=300万元']);
  });

  it('does not take a unit-price threshold for a figure', () => {
    const p = '单价 100 万元(含)以上设备 0 台(套)。';
    const cs = extractClaims(p);
    expect(of(cs, 'amount')).toEqual([]);
    expect(figures(cs)).toEqual(['单价 100 万元(含)以上设备=0台（套）']);
  });

  it('pairs names with figures after 分别为', () => {
    expect(figures(extractClaims('收入、支出分别为 5 万元、6 万元。'))).toEqual(['收入=5万元', '支出=6万元']);
  });

  it('marks “各” and “均为” figures as holding for each member (N32)', () => {
    const [a] = of(extractClaims('支持甲和乙各 5 万元。'), 'amount');
    expect(a.each).toEqual(['支持甲', '乙']);
    const [m] = of(extractClaims('处理率、回告率和办结率均为 100%，满意率达 98%。'), 'measure');
    expect(m.subject).toBe('处理率、回告率和办结率');
    expect(m.each).toEqual(['处理率', '回告率', '办结率']);
  });

  it('reads rate facts, scores and areas as measures', () => {
    const p = '绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分。部门房屋面积共有403.65平方米。政策覆盖率达到 100%。';
    expect(figures(extractClaims(p))).toEqual(['项目=4个', '涉及预算金额=598.42万元', '平均得分=99.43分', '部门房屋面积=403.65平方米', '政策覆盖率=100%']);
  });
});

describe('shares (占 X%)', () => {
  it('links the share to the amount before it and its named base (N03)', () => {
    const p = '2023 年度收入合计 442.86 万元。其中：财政拨款收入 442.86 万元，占本年收入 100.00%。';
    const [s] = of(extractClaims(p), 'share');
    expect(s.subject).toBe('财政拨款收入');
    expect(s.base).toBe('本年收入');
    expect(at(p, s.baseSpan)).toBe('本年收入');
    expect(v(s.percent)).toBe('100%');
    expect(s.percent.decimals).toBe(2);
    expect(v(s.part)).toBe('442.86万元');
  });

  it('handles a bare “占 5%” (base implied)', () => {
    const [s] = of(extractClaims('2. 卫生健康（类）支出 398.40 万元，占 90%。'), 'share');
    expect(s.subject).toBe('卫生健康（类）支出');
    expect(s.base).toBeUndefined();
    expect(v(s.part)).toBe('398.4万元');
  });

  it('strips 的 from the base (N08)', () => {
    const [s] = of(extractClaims('2022 年度一般公共预算财政拨款支出 1148.77 万元，占本年支出合计的 97.0%。'), 'share');
    expect([s.subject, s.base, v(s.percent), s.percent.decimals]).toEqual(['一般公共预算财政拨款支出', '本年支出合计', '97%', 1]);
  });

  it('takes the subject printed before 占 (N24)', () => {
    const p = '其中：授予小微企业合同金额0.76万元，占授予中小企业合同金额的 0.2%；货物采购授予中小企业合同金额占货物支出金额的100%。';
    const ss = of(extractClaims(p), 'share');
    expect(ss.map((s) => [s.subject, s.base, v(s.percent), v(s.part)])).toEqual([
      ['授予小微企业合同金额', '授予中小企业合同金额', '0.2%', '0.76万元'],
      ['货物采购授予中小企业合同金额', '货物支出金额', '100%', undefined],
    ]);
  });
});

describe('changes', () => {
  it('reads N01: subject, direction, Δ, p, both direction words, current value, comparison', () => {
    const p = '2023 年度收、支总计 442.86 万元。与 2022 年度相比，收、支总计各减少 2747.51 万元，减少 86.12%，主要原因是 2023 年医疗救助资金划拨到医保中心。';
    const [c] = of(extractClaims(p), 'change');
    expect(c.subject).toBe('收、支总计');
    expect(c.direction).toBe('decrease');
    expect(v(c.amount)).toBe('2747.51万元');
    expect(v(c.percent)).toBe('86.12%');
    expect(c.directionWords.map((w) => [w.word, w.direction, at(p, w.span)])).toEqual([
      ['减少', 'decrease', '减少'],
      ['减少', 'decrease', '减少'],
    ]);
    expect(v(c.current)).toBe('442.86万元');
    expect(c.comparedWith).toBe('2022 年度');
    expect(c.each).toBe(true);
    // the reason's “减少” is not a direction word of the claim
    expect(c.directionWords).toHaveLength(2);
  });

  it('reads “比上年增加 12 万元，增长 2.8%” after the subject’s amount', () => {
    const p = '2022年度江岸区医保局机关运行经费支出10.93万元，比2021年度增加1.1万元，增长11.2%。';
    const cs = extractClaims(p);
    const [c] = of(cs, 'change');
    expect([c.subject, c.direction, v(c.amount), v(c.percent), v(c.current), c.comparedWith]).toEqual([
      '机关运行经费支出',
      'increase',
      '1.1万元',
      '11.2%',
      '10.93万元',
      '2021年度',
    ]);
    expect(at(p, c.subjectSpan)).toBe('机关运行经费支出');
  });

  it('reads a change whose subject is in the clause after “与…相比”', () => {
    const p = '2022 年度一般公共预算财政拨款支出 1148.77 万元，占本年支出合计的 97.0%。与 2021 年度相比，一般公共预算财政拨款支出减少 358.67 万元，下降 23.8%。';
    const [c] = of(extractClaims(p), 'change');
    expect([c.subject, v(c.amount), v(c.percent), v(c.current), c.comparedWith]).toEqual([
      '一般公共预算财政拨款支出',
      '358.67万元',
      '23.8%',
      '1148.77万元',
      '2021 年度',
    ]);
  });

  it('keeps two changes of one sentence apart (N02)', () => {
    const p =
      '本部门 2022 年度收入总计 1709.37 万元，其中年初结转和结余 0 万元，较 2021 年减少 213.5 万元，下降 100%；本年收入合计 1709.37 万元，较 2021 年增加 643.49 万元，增长 60.4%，主要原因是：业务增长，人员增加。';
    const cs = of(extractClaims(p), 'change');
    expect(cs.map((c) => [c.subject, c.direction, v(c.amount), v(c.percent), v(c.current)])).toEqual([
      ['年初结转和结余', 'decrease', '213.5万元', '100%', '0万元'],
      ['本年收入合计', 'increase', '643.49万元', '60.4%', '1709.37万元'],
    ]);
  });

  test.each([
    ['年末结转和结余 0 万元，较 2021 年无变化，与上年决算数相同。', ['无变化', '相同']],
    ['（一）因公出国（境）费0万元，与2024年预算持平，主要原因是此部分预算由区外办统一安排。', ['持平']],
    ['资本性支出 0 万元，较 2021 年无变化，主要原因是：与上年决算数相同。', ['无变化']],
    ['公务接待费 0 万元，较上年持平。', ['持平']],
  ])('reads flat changes: %s', (p, words) => {
    const cs = of(extractClaims(p), 'change');
    expect(cs).toHaveLength(1);
    expect(cs[0].direction).toBe('flat');
    expect(cs[0].directionWords.map((w) => w.word)).toEqual(words);
    expect(v(cs[0].current)).toBe('0万元');
  });

  it('reads a flat change without a figure in the sentence, carrying the subject over (Shanghai)', () => {
    const p = '上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。';
    const [c] = of(extractClaims(p), 'change');
    expect([c.subject, c.direction, v(c.current), c.comparedWith]).toEqual(['财政拨款收入支出总计', 'flat', '0.3万元', '2023年度']);
  });

  it('keeps contradictory direction words of one claim', () => {
    const a = of(extractClaims('基本支出 50 万元，比上年增加 5 万元，下降 3%。'), 'change');
    expect(a).toHaveLength(1);
    expect(a[0].directionWords.map((w) => w.direction)).toEqual(['increase', 'decrease']);
    const b = of(extractClaims('公用经费 20 万元，比上年减少 3.20 万元，与上年持平。'), 'change');
    expect(b).toHaveLength(1);
    expect(b[0].directionWords.map((w) => w.word)).toEqual(['减少', '持平']);
  });

  it('reads the residue “增减少” as two direction words (001)', () => {
    const p = '2023 年度财政拨款收入中，一般公共预算财政拨款收入 442.86 万元，比 2022 年度决算数增减少 2673.61 万元。';
    const cs = extractClaims(p);
    const [c] = of(cs, 'change');
    expect([c.subject, v(c.amount), v(c.current), c.comparedWith]).toEqual(['一般公共预算财政拨款收入', '2673.61万元', '442.86万元', '2022 年度决算数']);
    expect(c.directionWords.map((w) => [w.word, w.direction])).toEqual([
      ['增', 'increase'],
      ['减少', 'decrease'],
    ]);
    expect(of(cs, 'template-residue').map((r) => [r.residue, r.text])).toEqual([['merged-direction', '增减少']]);
  });

  it('reads both template alternatives as direction words (000)', () => {
    const p = '1.因公出国(境)费预算为 0 万元，支出决算为 0 万元。较上年增加(减少)0 万元，增长(下降)0%。';
    const cs = extractClaims(p);
    const [c] = of(cs, 'change');
    expect(c.subject).toBe('因公出国(境)费');
    expect(c.directionWords.map((w) => w.word)).toEqual(['增加', '减少', '增长', '下降']);
    expect(v(c.current)).toBe('0万元');
    expect(of(cs, 'template-residue').map((r) => r.text)).toEqual(['增加(减少)', '增长(下降)']);
  });

  it('keeps a number printed without % in the change (规划资源局 “增长 13.95。”)', () => {
    const p = '一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 99.86%。与 2023 年度相比，一般公共预算财政拨款支出增加 1193.20 万元，增长 13.95。';
    const [c] = of(extractClaims(p), 'change');
    expect(v(c.amount)).toBe('1193.2万元');
    expect(c.percent).toBeUndefined();
    expect(c.unitless?.raw).toBe('13.95');
    expect(c.directionWords.map((w) => w.word)).toEqual(['增加', '增长']);
  });

  it('reads a percent-only change against last year’s execution (司法局 budget)', () => {
    const p = '2025年当年预算执行数为241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。';
    const cs = extractClaims(p);
    expect(figures(cs)).toEqual(['预算执行数=241.76万元', '预算安排=170.03万元']);
    const [c] = of(cs, 'change');
    expect([c.subject, c.direction, v(c.percent), v(c.current), c.comparedWith]).toEqual([
      '预算安排',
      'increase',
      '21.74%',
      '170.03万元',
      '2025年预算执行数',
    ]);
    expect(of(cs, 'completion')).toEqual([]);
  });

  it('reads “增长到/降至” as the new value', () => {
    const [c] = of(extractClaims('参保人数比上年增长到 43.67 万人。'), 'change');
    expect(c.toValue).toBe(true);
    expect(v(c.current)).toBe('43.67万人');
    expect(c.amount).toBeUndefined();
  });

  it('does not read a name ending in 增长 as a change (商务委 project list)', () => {
    const p = '2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，区级支持总部经济1106.00万，合计2921.00万。';
    const cs = extractClaims(p);
    expect(of(cs, 'change')).toEqual([]);
    expect(figures(cs)).toContain('支持商销稳增长=30万');
  });

  it('does not carry a subject into the reason text', () => {
    const p = '收入支出总计增加 1062.85 万元，增长 12.08%。主要原因：项目支出增加，较上一度增加 1133.95 万元，主要由于办公大楼装修等。';
    const cs = of(extractClaims(p), 'change');
    expect(cs.map((c) => [c.subject, v(c.amount)])).toEqual([
      ['收入支出总计', '1062.85万元'],
      ['', '1133.95万元'],
    ]);
  });
});

describe('completion against budget', () => {
  it('reads N10: budget, actual, rate, base', () => {
    const p = '2023 年度一般公共预算财政拨款支出年初预算为 401.75 万元，支出决算为 401.75 万元，完成年初预算的 110.23%。';
    const cs = extractClaims(p);
    const [c] = of(cs, 'completion');
    expect([c.subject, c.base, c.budgetBase, v(c.budget), v(c.actual), v(c.percent)]).toEqual([
      '一般公共预算财政拨款支出',
      'initial',
      'initial',
      '401.75万元',
      '401.75万元',
      '110.23%',
    ]);
    expect(at(p, c.subjectSpan)).toBe('一般公共预算财政拨款支出');
    // budget and actual are slots of the completion claim, not separate amounts
    expect(of(cs, 'amount')).toEqual([]);
  });

  it('takes the subject of a 项 item from its header sentence (N11) and the comparison clause', () => {
    const p =
      '4.卫生健康支出(类)医疗救助(款)城乡医疗救助(项)。年初预算为1368万元，支出决算为892.65万元，完成年初预算的65.3%，支出决算数小于年初预算数的主要原因：医疗救助经费减少。';
    const [c] = of(extractClaims(p), 'completion');
    expect(c.subject).toBe('卫生健康支出(类)医疗救助(款)城乡医疗救助(项)');
    expect([v(c.budget), v(c.actual), v(c.percent)]).toEqual(['1368万元', '892.65万元', '65.3%']);
    expect(c.comparison && [c.comparison.word, c.comparison.direction, at(p, c.comparison.span)]).toEqual(['小于', 'below', '小于']);
  });

  it('reads Shanghai items without a rate, with the comparison in the next sentence', () => {
    const p =
      '其中：\n1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。\n2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：局财政业务指导与宣传等基本支出。年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。';
    const cs = of(extractClaims(p), 'completion');
    expect(cs.map((c) => [c.subject, v(c.budget), v(c.actual), c.percent, c.comparison?.direction])).toEqual([
      ['一般公共服务支出（类）财政事务（款）行政运行（项）', '1560.05万元', '1511.89万元', undefined, 'below'],
      ['一般公共服务支出（类）财政事务（款）一般行政管理事务（项）', '10万元', '10万元', undefined, 'equal'],
    ]);
  });

  it('reads 全年预算 and “完成全年预算的” with the comparison “较全年预算无变化” (Jiangxi 三公)', () => {
    const p =
      '本部门 2022 年度财政拨款“三公”经费支出全年预算数为 13.83 万元,决算数为 11.42 万元,完成全年预算的 82.6%,决算数较 2021 年减少 2.03 万元,下降 15.1%,其中:\n(一)因公出国(境)支出全年预算数为 0 万元,决算数为 0 万元,决算数较全年预算无变化,决算数较 2021 年无变化。';
    const cs = extractClaims(p);
    const comps = of(cs, 'completion');
    expect(comps.map((c) => [c.subject, c.base, v(c.budget), v(c.actual), v(c.percent), c.comparison?.word])).toEqual([
      ['财政拨款“三公”经费支出', 'full-year', '13.83万元', '11.42万元', '82.6%', undefined],
      ['因公出国(境)支出', 'full-year', '0万元', '0万元', undefined, '无变化'],
    ]);
    const changes = of(cs, 'change');
    expect(changes.map((c) => [c.subject, c.direction, v(c.amount), v(c.percent), v(c.current)])).toEqual([
      ['财政拨款“三公”经费支出', 'decrease', '2.03万元', '15.1%', '11.42万元'],
      ['因公出国(境)支出', 'flat', undefined, undefined, '0万元'],
    ]);
  });

  it('reads “决算数等于预算数” as an equal comparison', () => {
    const [c] = of(extractClaims('公务接待费预算为 2 万元，支出决算为 2 万元，完成预算的 100%，决算数等于预算数。'), 'completion');
    expect([c.subject, c.base, c.comparison?.word, c.comparison?.direction]).toEqual(['公务接待费', 'budget', '等于', 'equal']);
  });

  it('reads 调整预算 and “与预算持平”', () => {
    const [a] = of(extractClaims('调整预算为 100 万元，支出决算为 90 万元，完成调整预算的 90%。'), 'completion');
    expect([a.base, a.budgetBase, v(a.percent)]).toEqual(['adjusted', 'adjusted', '90%']);
    const [b] = of(extractClaims('公务接待费全年预算数为 10 万元，决算数为 10 万元，与预算持平。'), 'completion');
    expect([b.subject, b.base, b.comparison?.direction]).toEqual(['公务接待费', 'full-year', 'equal']);
  });

  it('records which budget a rate names when two are printed', () => {
    const [c] = of(extractClaims('一般公共预算财政拨款支出年初预算为 500 万元，全年预算为 540 万元，支出决算为 540 万元，完成全年预算的 100%。'), 'completion');
    expect([c.base, v(c.budget), c.budgetBase]).toEqual(['full-year', '540万元', 'full-year']);
    expect(c.budgets?.map((b) => [b.base, v(b.amount)])).toEqual([
      ['initial', '500万元'],
      ['full-year', '540万元'],
    ]);
  });

  it('reads a project self-evaluation summary (N29)', () => {
    const p = '1.部门日常管理经费项目绩效自评综述：项目全年预算数为 16.14 万元，执行数为 16.14 万元，完成预算的 100%。';
    const [c] = of(extractClaims(p), 'completion');
    expect([c.subject, c.base, c.budgetBase, v(c.budget), v(c.actual), v(c.percent)]).toEqual([
      '部门日常管理经费',
      'budget',
      'full-year',
      '16.14万元',
      '16.14万元',
      '100%',
    ]);
  });

  it('turns “比年初预算增加 0 万元” into the completion’s comparison (汉阳 三公)', () => {
    const p = '1.因公出国(境)费支出决算为 0 万元，完成年初预算的 0%，比年初预算增加 0 万元，主要原因是认真贯彻落实中央八项规定精神。';
    const cs = extractClaims(p);
    const [c] = of(cs, 'completion');
    expect([c.subject, v(c.actual), v(c.percent), c.budget]).toEqual(['因公出国(境)费支出', '0万元', '0%', undefined]);
    expect(c.comparison && [c.comparison.word, c.comparison.direction, v(c.comparison.amount)]).toEqual(['增加', 'above', '0万元']);
    expect(of(cs, 'change')).toEqual([]);
  });

  it('reads a stand-alone 预算执行率 as a rate fact, not as the completion of the figure before it (N31)', () => {
    const p = '实际执行资金 530 万元，其中：项目支出 300 万元，基本支出 230 万元，预算执行率 98.15%。';
    const cs = extractClaims(p);
    expect(of(cs, 'completion')).toEqual([]);
    expect(figures(cs)).toEqual(['实际执行资金=530万元', '项目支出=300万元', '基本支出=230万元', '预算执行率=98.15%']);
    const [c] = of(extractClaims('公务接待费预算数为 20 万元，执行数为 19.6 万元，预算执行率 98%。'), 'completion');
    expect([c.subject, v(c.budget), v(c.actual), v(c.percent)]).toEqual(['公务接待费', '20万元', '19.6万元', '98%']);
  });

  it('does not form a completion from a budget figure alone (预算 documents)', () => {
    const cs = extractClaims('2025年“三公”经费预算数为1.00万元，与2024年预算持平。');
    expect(of(cs, 'completion')).toEqual([]);
    expect(figures(cs)).toEqual(['“三公”经费预算数=1万元']);
    const [c] = of(cs, 'change');
    expect([c.direction, v(c.current), c.comparedWith]).toEqual(['flat', '1万元', '2024年预算']);
  });
});

describe('breakdowns', () => {
  it('reads 其中 after the whole in the sentence before (N05)', () => {
    const p = '2023 年度支出合计 442.86 万元。其中：基本支出 243.12 万元，占本年支出 54.9%；项目支出 199.74 万元，占本年支出 45.1%。';
    const [b] = of(extractClaims(p), 'breakdown');
    expect(b.connector).toBe('其中');
    expect(brief(b.whole)).toBe('amount 支出合计=442.86万元');
    expect(b.parts.map(brief)).toEqual(['amount 基本支出=243.12万元', 'amount 项目支出=199.74万元']);
    expect(at(p, b.span)).toBe(p.slice(p.indexOf('支出合计'), p.indexOf('199.74 万元') + '199.74 万元'.length));
  });

  it('uses a completion as the whole (N10)', () => {
    const p = '2023 年度一般公共预算财政拨款支出年初预算为 401.75 万元，支出决算为 401.75 万元，完成年初预算的 110.23%。其中：基本支出 243.12 万元，项目支出 199.74 万元。';
    const [b] = of(extractClaims(p), 'breakdown');
    expect(brief(b.whole)).toBe('completion 一般公共预算财政拨款支出');
    expect(b.parts.map(brief)).toEqual(['amount 基本支出=243.12万元', 'amount 项目支出=199.74万元']);
  });

  it('stops a 、/，-list at a stronger separator (003 基本支出)', () => {
    const p = '基本支出 189.23 万元，占 17.06%，其中：人员经费 169.72 万元，公用经费 19.51 万元；项目支出 920.15 万元，占 82.94%。';
    const [b] = of(extractClaims(p), 'breakdown');
    expect(brief(b.whole)).toBe('amount 基本支出=189.23万元');
    expect(b.parts.map(brief)).toEqual(['amount 人员经费=169.72万元', 'amount 公用经费=19.51万元']);
  });

  it('continues a 其中 list into the next sentence when only one part precedes the full stop (N14)', () => {
    const p =
      '2022年度一般公共预算财政拨款基本支出182.97万元，其中：\n人员经费 172.04 万元，主要包括：基本工资、津贴补贴、奖金。\n公用经费 10.93 万元，主要包括：办公费、印刷费、邮电费。\n七、政府性基金预算财政拨款收入支出决算情况说明';
    const bs = of(extractClaims(p), 'breakdown');
    expect(bs).toHaveLength(1);
    expect(brief(bs[0].whole)).toBe('amount 一般公共预算财政拨款基本支出=182.97万元');
    expect(bs[0].parts.map(brief)).toEqual(['amount 人员经费=172.04万元', 'amount 公用经费=10.93万元']);
  });

  it('does not let a names-only “主要包括：” list take the next figure (Shanghai N14)', () => {
    const p = '一般公共预算财政拨款基本支出2336.91万元。其中：人员经费2152.26万元，主要包括：基本工资、津贴补贴；公用经费184.65万元，主要包括：办公费、印刷费。';
    const bs = of(extractClaims(p), 'breakdown');
    expect(bs.map((b) => [brief(b.whole), b.parts.map(brief)])).toEqual([
      ['amount 一般公共预算财政拨款基本支出=2336.91万元', ['amount 人员经费=2152.26万元', 'amount 公用经费=184.65万元']],
    ]);
  });

  it('follows a numbered list over several sentences (N09)', () => {
    const p = [
      '2023 年度一般公共预算财政拨款支出 442.86 万元，主要用于以下方面：',
      '1. 社会保障和就业（类）支出 22.28 万元，占 5%。主要是用于职工机关事业单位基本养老保险缴费。',
      '2. 卫生健康（类）支出 398.40 万元，占 90%。主要是用于职工基本医疗保险缴费、公务员医疗补助缴费、医疗救助款。',
      '3. 住房保障（类）支出 22.18 万元，占 5%。主要是用于职工住房公积金单位部分。',
      '（三）一般公共预算财政拨款支出决算具体情况',
    ].join('\n');
    const [b] = of(extractClaims(p), 'breakdown');
    expect(b.connector).toBe('主要用于以下方面');
    expect(brief(b.whole)).toBe('amount 一般公共预算财政拨款支出=442.86万元');
    expect(b.parts.map(brief)).toEqual(['amount 社会保障和就业（类）支出=22.28万元', 'amount 卫生健康（类）支出=398.4万元', 'amount 住房保障（类）支出=22.18万元']);
  });

  it('collects 项 completions as parts of the N10 completion (Shanghai)', () => {
    const p = [
      '一般公共预算财政拨款支出年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 95.45%。决算数小于预算数的主要原因：城乡社区支出（类）未完成年初预期，其中项目支出规划服务较年初完成 92%，部分项目未开展完成。其中：',
      '1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：行政单位退休人员支出。年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的 100.00%。决算数同预算数持平。',
      '2、社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）。主要用于：事业单位退休人员支出。年初预算为 28.11 万元，支出决算为 28.11 万元，完成年初预算的 100.00%。决算数同预算数持平。',
    ].join('\n');
    const cs = extractClaims(p);
    const [b] = of(cs, 'breakdown');
    expect(brief(b.whole)).toBe('completion 一般公共预算财政拨款支出');
    expect(b.parts.map(brief)).toEqual([
      'completion 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
      'completion 社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）',
    ]);
    expect(of(cs, 'completion').map((c) => c.comparison?.word)).toEqual(['小于', '持平', '持平']);
    // “决算数同预算数持平” is a comparison with the budget, not a year-on-year change
    expect(of(cs, 'change')).toEqual([]);
  });

  it('reads 分别为 (003 政府采购)', () => {
    const p = '主要包括：服务类 63万元，分别为其他服务 46.68 万元、其他专业技术服务 16.32 万元。';
    const bs = of(extractClaims(p), 'breakdown');
    const b = bs.find((x) => x.connector === '分别为')!;
    expect(brief(b.whole)).toBe('amount 服务类=63万元');
    expect(b.parts.map(brief)).toEqual(['amount 其他服务=46.68万元', 'amount 其他专业技术服务=16.32万元']);
  });

  it('leaves a restated total out of the parts', () => {
    const p = '2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。';
    const [b] = of(extractClaims(p), 'breakdown');
    expect(b.parts.map(brief)).toEqual([
      'amount 支持企业规模化发展=870万',
      'amount 支持企业创新化发展=70万',
      'amount 支持企业协同化发展=180万',
      'amount 支持企业国际化发展=50万',
    ]);
  });

  it('looks up the whole by name: “X中，…” and “项目支出主要用于：”', () => {
    const p = '支出预算8695.94万元，其中：财政拨款支出预算8695.94万元，比2025年预算增加794.88万元。财政拨款支出预算中，一般公共预算拨款支出预算8695.94万元，比2025年预算增加794.88万元；政府性基金拨款支出预算0万元，与2025年预算持平；国有资本经营预算拨款支出预算0万元，与2025年预算持平。';
    const b = of(extractClaims(p), 'breakdown').find((x) => x.connector === '中')!;
    expect(brief(b.whole)).toBe('amount 财政拨款支出预算=8695.94万元');
    expect(b.parts.map(brief)).toEqual([
      'amount 一般公共预算拨款支出预算=8695.94万元',
      'amount 政府性基金拨款支出预算=0万元',
      'amount 国有资本经营预算拨款支出预算=0万元',
    ]);
    const q = '其中：基本支出 182.97 万元，项目支出 965.8 万元。\n项目支出主要用于：\n1.部门日常管理经费 16.14 万元，主要成效:保障后勤服务。\n2.医保资金监管经费 57.01 万元，主要成效：开展专项整治行动。';
    const b2 = of(extractClaims(q), 'breakdown').find((x) => x.connector === '主要用于')!;
    expect(brief(b2.whole)).toBe('amount 项目支出=965.8万元');
    expect(b2.parts.map(brief)).toEqual(['amount 部门日常管理经费=16.14万元', 'amount 医保资金监管经费=57.01万元']);
  });

  it('splits counts by unit (N22) and vehicle categories (N26)', () => {
    const p = '共有车辆 3 辆，其中：部级领导干部用车 0 辆、执法执勤用车 3 辆；单价 100 万元（含）以上设备（不含车辆）0 台（套）。';
    const [b] = of(extractClaims(p), 'breakdown');
    expect(brief(b.whole)).toBe('count 车辆=3辆');
    expect(b.parts.map(brief)).toEqual(['count 部级领导干部用车=0辆', 'count 执法执勤用车=3辆']);
    const q = '2022 年，共办理各类医疗救助 20270 人次，其中医中救助 20113 人次，医后救助 17 人次，零星资助参保 140 人次。';
    const [c] = of(extractClaims(q), 'breakdown');
    expect(brief(c.whole)).toBe('count 办理各类医疗救助=20270人次');
    expect(c.parts.map(brief)).toEqual(['count 医中救助=20113人次', 'count 医后救助=17人次', 'count 零星资助参保=140人次']);
  });

  it('does not start a breakdown at a purpose clause without a colon', () => {
    const p = '医疗救助项目 491.57 万元，主要用于贫困居民医疗救助；医保局业务工作经费 38.21 万元，用于保障医保局开展各项工作。';
    expect(of(extractClaims(p), 'breakdown')).toEqual([]);
  });
});

describe('counts', () => {
  it('gives the second count of a pair the subject of the first (公务接待 3 批次、25 人次)', () => {
    expect(figures(extractClaims('全年公务接待 3 批次、25 人次。'))).toEqual(['全年公务接待=3批次', '全年公务接待=25人次']);
    expect(figures(extractClaims('全年安排因公出国(境)团组 0 个,累计 0 人次。'))).toEqual(['全年安排因公出国(境)团组=0个', '全年安排因公出国(境)团组=0人次']);
  });

  it('reads 辆, 台（套）, 家, 个 with their subjects', () => {
    const p = '截至 2023 年 12 月 31 日，武汉市蔡甸区医疗保障局（本级）共有车辆 0 辆。无单价 100 万元(含)以上设备 0 台(套)。';
    expect(figures(extractClaims(p))).toEqual(['车辆=0辆', '单价 100 万元(含)以上设备=0台（套）']);
    const q = '（一）机关运行经费情况\n下属 2 家机关和 3 家事业单位财政拨款的机关运行经费预算为 171.01 万元。';
    expect(figures(extractClaims(q))).toEqual(['机关=2家', '事业单位=3家', '财政拨款的机关运行经费预算=171.01万元']);
  });

  it('takes the noun after the unit when a verb comes before the number', () => {
    const p = '在第三方机构的协助下对辖区 50家药店和 14 家医疗机构等医保结算总额靠前的重点检查对象进行现场检查。发放 1200 张宣传海报。';
    expect(figures(extractClaims(p))).toEqual(['药店=50家', '医疗机构=14家', '宣传海报=1200张']);
  });

  it('reads N30 counts with their subjects', () => {
    const p = '绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个）。';
    expect(figures(extractClaims(p))).toEqual(['绩效自评中共发现问题=0个', '已经完成整改的=0个', '正在整改的=0个']);
  });
});

describe('template residue', () => {
  test.each([
    ['较上年增加(减少)0 万元，增长(下降)0%。', 'alternatives', ['增加(减少)', '增长(下降)']],
    ['财政拨款收入支出增加（减少）的主要原因是业务量增加。', 'alternatives', ['增加（减少）']],
    ['决算数大于（小于）预算数的主要原因：…', 'alternatives', ['大于（小于）']],
    ['比 2022 年度决算数增减少 2673.61 万元。', 'merged-direction', ['增减少']],
    ['XX局 2023 年度收入合计 XX 万元，增长 XX%。', 'placeholder', ['XX', 'XX', 'XX']],
    ['本年收入合计 100 万元。其中：财政拨款收入 100 万元；事业收入…（不涉及的不列）', 'instruction', ['（不涉及的不列）']],
    ['与上年持平（如持平作持平表述）。', 'instruction', ['（如持平作持平表述）']],
    ['公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：', 'empty-reason', ['主要原因是']],
  ])('%s', (p, kind, texts) => {
    const rs = of(extractClaims(p), 'template-residue');
    expect(rs.filter((r) => r.residue === kind).map((r) => r.text)).toEqual(texts);
    for (const r of rs) expect(at(p, r.span)).toBe(r.text);
  });

  it('does not flag a multiplication sign or a reason that continues in the next cell', () => {
    expect(of(extractClaims('单价 150 元 × 200 人次 = 3 万元'), 'template-residue')).toEqual([]);
    expect(of(extractClaims('财政拨款收入支出总计持平。主要原因：\n基本支出中人员进出。'), 'template-residue')).toEqual([]);
  });
});

describe('years', () => {
  it('reports every year mentioned, with the offset to the report year', () => {
    const p = '我部门（单位）在 2022 年度部门决算中反映所有项目绩效自评结果，截至 2023 年 12 月 31 日。';
    const ys = of(extractClaims(p, { reportYear: 2023 }), 'year');
    expect(ys.map((y) => [y.year, y.offset, at(p, y.span)])).toEqual([
      [2022, -1, '2022'],
      [2023, 0, '2023'],
    ]);
    expect(of(extractClaims(p), 'year')[0].offset).toBeUndefined();
  });
});

describe('text that starts or ends mid-sentence', () => {
  test.each([
    ['增长 2.8%。'],
    ['万元，增长 2.8%'],
    ['其中：基本支出 5 万元，项目支出'],
    ['年初预算为 5 万元'],
    ['占本年收入 100%'],
    ['，主要原因是'],
    ['（'],
    ['：\n1.'],
  ])('%j does not throw and keeps spans inside', (p) => {
    const cs = extractClaims(p);
    for (const c of cs) {
      expect(c.span.start).toBeGreaterThanOrEqual(0);
      expect(c.span.end).toBeLessThanOrEqual(p.length);
    }
  });

  it('still extracts what it can', () => {
    const [c] = of(extractClaims('增长 2.8%。'), 'change');
    expect([c.subject, v(c.percent)]).toEqual(['', '2.8%']);
    const [s] = of(extractClaims('占本年收入 100%'), 'share');
    expect([s.subject, s.base]).toEqual(['', '本年收入']);
    expect(figures(extractClaims('其中：基本支出 5 万元，项目支出'))).toEqual(['基本支出=5万元']);
  });

  it('works on cells joined with newlines, spans relative to the joined text', () => {
    const cells = ['2022 年度收、支总计 1183.81 万元。与 2021 年度相比，收、支总计各减少', '333.63 万元，下降 22.0%，主要原因是医疗救助经费减少。'];
    const p = cells.join('\n');
    const [c] = of(extractClaims(p), 'change');
    expect([c.subject, v(c.amount), v(c.percent), v(c.current)]).toEqual(['收、支总计', '333.63万元', '22%', '1183.81万元']);
    expect(at(p, c.amount!.span)).toBe('333.63');
  });
});
