/**
 * Whole documents: the nine 情况说明 texts of test/fixtures/source/narrative (Wuhan, Jiangxi, Shanghai; 决算 and 预算),
 * plus property tests on random and cut-up input.
 */
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { extractClaims, parseNumberTokens, splitSentences, type Claim, type NumberToken } from './index';

const DIR = path.join(__dirname, '../../../test/fixtures/source/narrative');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

type Of<K extends Claim['kind']> = Extract<Claim, { kind: K }>;
const of = <K extends Claim['kind']>(cs: Claim[], kind: K) => cs.filter((c): c is Of<K> => c.kind === kind);
const v = (t: NumberToken | undefined) => (t ? `${t.value.toString()}${t.unit ?? ''}` : undefined);
const tokenOf = (c: Claim): NumberToken | undefined =>
  c.kind === 'amount' ? c.amount : c.kind === 'count' ? c.count : c.kind === 'completion' ? c.actual : undefined;

/** Structural invariants every extraction must satisfy. */
function checkInvariants(text: string, claims: Claim[]): void {
  const inside = (s: { start: number; end: number } | undefined, what: string) => {
    if (!s) return;
    if (!(s.start >= 0 && s.end <= text.length && s.start <= s.end)) throw new Error(`${what} span ${JSON.stringify(s)} outside [0, ${text.length}]`);
  };
  const set = new Set(claims);
  const tokenChecks = (t: NumberToken | undefined) => {
    if (!t) return;
    inside(t.span, 'token');
    inside(t.extent, 'extent');
    inside(t.unitSpan, 'unit');
    if (text.slice(t.span.start, t.span.end) !== t.raw) throw new Error(`token raw ${t.raw} ≠ text`);
    if (!(t.value instanceof Decimal)) throw new Error('token value is not a Decimal');
  };
  for (const c of claims) {
    inside(c.span, c.kind);
    if ('subjectSpan' in c && c.subjectSpan && c.subject && text.slice(c.subjectSpan.start, c.subjectSpan.end) !== c.subject) {
      throw new Error(`${c.kind} subject ${c.subject} ≠ its span`);
    }
    if (c.kind === 'share' && c.base !== undefined && (!c.baseSpan || text.slice(c.baseSpan.start, c.baseSpan.end) !== c.base)) {
      throw new Error('share base ≠ its span');
    }
    if (c.kind === 'change' && c.comparedWith !== undefined && c.comparedWithSpan && c.comparedWith !== '同比') {
      if (text.slice(c.comparedWithSpan.start, c.comparedWithSpan.end).trim() !== c.comparedWith) throw new Error('comparedWith ≠ its span');
    }
    switch (c.kind) {
      case 'amount':
      case 'count':
      case 'measure': {
        inside(c.subjectSpan, 'subject');
        if (c.subject && text.slice(c.subjectSpan.start, c.subjectSpan.end) !== c.subject) throw new Error(`subject ${c.subject} ≠ its span`);
        tokenChecks(c.kind === 'amount' ? c.amount : c.kind === 'count' ? c.count : c.value);
        break;
      }
      case 'share':
        inside(c.subjectSpan, 'subject');
        inside(c.baseSpan, 'base');
        tokenChecks(c.percent);
        tokenChecks(c.part);
        if (c.percent.unit !== '%' && c.percent.unit !== '个百分点') throw new Error('share without %');
        break;
      case 'change':
        inside(c.subjectSpan, 'subject');
        inside(c.comparedWithSpan, 'comparedWith');
        [c.amount, c.percent, c.current, c.unitless].forEach(tokenChecks);
        if (c.directionWords.length === 0) throw new Error('change without direction word');
        for (const w of c.directionWords) {
          inside(w.span, 'direction word');
          if (!text.slice(w.span.start, w.span.end).includes(w.word.slice(0, 1))) throw new Error(`direction word ${w.word} ≠ its span`);
        }
        if (c.direction !== c.directionWords[0].direction) throw new Error('direction ≠ first direction word');
        break;
      case 'completion':
        inside(c.subjectSpan, 'subject');
        [c.budget, c.actual, c.percent].forEach(tokenChecks);
        if (c.comparison) inside(c.comparison.span, 'comparison');
        break;
      case 'breakdown':
        if (!set.has(c.whole) || c.parts.some((p) => !set.has(p))) throw new Error('breakdown refers to a claim not in the output');
        if (c.parts.length === 0 || c.parts.includes(c.whole)) throw new Error('breakdown without proper parts');
        break;
      case 'template-residue':
        if (text.slice(c.span.start, c.span.end) !== c.text) throw new Error('residue text ≠ its span');
        break;
      case 'year':
        if (!/^\d+$/.test(text.slice(c.span.start, c.span.end).replace(/[０-９]/g, '0'))) throw new Error('year span is not digits');
        break;
    }
  }
  for (let k = 1; k < claims.length; k++) {
    if (claims[k].span.start < claims[k - 1].span.start) throw new Error('claims not in text order');
  }
}

describe('the nine narrative documents', () => {
  it('has the nine documents', () => {
    expect(FILES).toHaveLength(9);
  });

  test.each(FILES)('%s: extraction satisfies the invariants', (name) => {
    const text = read(name);
    const claims = extractClaims(text);
    expect(() => checkInvariants(text, claims)).not.toThrow();
    expect(of(claims, 'amount').length).toBeGreaterThan(10);
    // every sentence span lies inside and reproduces the text
    for (const s of splitSentences(text)) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  test.each(FILES)('%s: years, dates, codes and ordinals never become figures', (name) => {
    const text = read(name);
    for (const t of parseNumberTokens(text)) {
      const after = text.slice(t.span.end, t.span.end + 3).trim();
      expect({ raw: t.raw, after: /^(年|月|日|号)/.test(after) }).toEqual({ raw: t.raw, after: false });
    }
  });

  it('000 (江岸 2022 决算): the 类 breakdown sums to its whole and item headers name the 项 completions', () => {
    const claims = extractClaims(read('000_e39c625117b2bf1a.txt'));
    const b = of(claims, 'breakdown').find((x) => x.connector === '主要用于以下方面' && x.parts[0].kind === 'amount')!;
    expect(v(tokenOf(b.whole))).toBe('1148.77万元');
    const sum = b.parts.reduce((s, p) => s.plus(tokenOf(p)!.value), new Decimal(0));
    expect(sum.toString()).toBe('1148.77');
    const items = of(claims, 'completion').filter((c) => c.subject.endsWith('(项)'));
    expect(items.map((c) => c.subject)).toContain('卫生健康支出(类)医疗救助(款)城乡医疗救助(项)');
    expect(items).toHaveLength(9);
    // the same case count printed twice with different totals (20130 vs 20270) is extracted both times
    const totals = of(claims, 'count').filter((c) => c.subject === '办理各类医疗救助').map((c) => c.count.value.toNumber());
    expect(new Set(totals)).toEqual(new Set([20130, 20270]));
  });

  it('001 (蔡甸 2023 决算): the “增减少” residue and the budget-copied completion are extracted', () => {
    const claims = extractClaims(read('001_53d0a35ed6c3822b.txt'), { reportYear: 2023 });
    expect(of(claims, 'template-residue').map((r) => r.text)).toContain('增减少');
    const c = of(claims, 'completion').find((x) => x.subject === '一般公共预算财政拨款支出')!;
    expect([v(c.budget), v(c.actual), v(c.percent)]).toEqual(['401.75万元', '401.75万元', '110.23%']);
    // 基本支出 243.12 in N05/N10 and 243.13 in N14: both printed values are extracted
    const basic = of(claims, 'amount').filter((a) => /基本支出$/.test(a.subject)).map((a) => a.amount.raw);
    expect(basic).toEqual(expect.arrayContaining(['243.12', '243.13']));
    // “在 2022 年度部门决算中” inside a 2023 report
    expect(of(claims, 'year').some((y) => y.offset === -1)).toBe(true);
  });

  it('002 (上饶 2022 决算): N02 totals and N15 changes by economic class', () => {
    const claims = extractClaims(read('002_478751ce5583cfa1.txt'));
    const total = of(claims, 'breakdown').find((b) => b.whole.kind === 'amount' && b.whole.subject === '收入总计')!;
    expect(total.parts.map((p) => (p.kind === 'amount' ? p.subject : p.kind))).toEqual(['年初结转和结余', '本年收入合计']);
    const changes = of(claims, 'change').filter((c) => /支出$/.test(c.subject) && c.amount);
    expect(changes.map((c) => [c.subject, c.direction, v(c.amount), v(c.percent)])).toEqual(
      expect.arrayContaining([
        ['工资福利支出', 'increase', '353.09万元', '55.6%'],
        ['商品和服务支出', 'decrease', '121.22万元', '25.9%'],
      ]),
    );
  });

  it('规划资源局 2024: the missing % and the “下降（增长）” alternatives', () => {
    const claims = extractClaims(read('shanghai-putuo-guihuaziyuanju-2024-juesuan.txt'));
    const c = of(claims, 'change').find((x) => x.unitless)!;
    expect([c.subject, c.unitless!.raw]).toEqual(['一般公共预算财政拨款支出', '13.95']);
    expect(of(claims, 'template-residue').map((r) => r.text)).toContain('下降（增长）');
    const sanGong = of(claims, 'change').find((x) => x.directionWords.length === 3)!;
    expect(sanGong.directionWords.map((w) => w.word)).toEqual(['减少', '下降', '增长']);
  });

  it('司法局 2026 预算: the item whose 预算安排 differs from its header, with an increase rate on a decrease', () => {
    const claims = extractClaims(read('shanghai-putuo-sifaju-2026-yusuan-danwei.txt'));
    const header = of(claims, 'amount').find((a) => a.subject.includes('购房补贴（03项）'))!;
    expect(v(header.amount)).toBe('207万元');
    const i = claims.indexOf(header);
    const after = claims.slice(i, i + 8);
    expect(of(after, 'amount').map((a) => [a.subject, v(a.amount)])).toEqual([
      ['住房保障支出（221类）住房改革支出（02款）购房补贴（03项）', '207万元'],
      ['预算执行数', '241.76万元'],
      ['预算安排', '170.03万元'],
    ]);
    const [ch] = of(after, 'change');
    expect([ch.direction, v(ch.percent), v(ch.current)]).toEqual(['increase', '21.74%', '170.03万元']);
    expect(of(claims, 'template-residue').map((r) => r.residue)).toEqual(expect.arrayContaining(['alternatives', 'empty-reason']));
  });

  it('财政局 2024: the 项 list is a breakdown of the N10 completion with 11 parts', () => {
    const claims = extractClaims(read('shanghai-putuo-caizhengju-2024-juesuan.txt'));
    const b = of(claims, 'breakdown').find((x) => x.whole.kind === 'completion' && x.parts.length > 5)!;
    expect(b.parts).toHaveLength(11);
    const sum = b.parts.reduce((s, p) => s.plus(tokenOf(p)!.value), new Decimal(0));
    // the printed 项 actuals sum to 2940.06 against a printed total of 2940.05: a rounding residue, within ±(11+1)·0.005
    expect([sum.toString(), tokenOf(b.whole)!.value.toString()]).toEqual(['2940.06', '2940.05']);
    expect(sum.minus(tokenOf(b.whole)!.value).abs().lte(new Decimal('0.06'))).toBe(true);
  });

  it('extracts a 50-page narrative (all nine documents five times over) without trouble', () => {
    const all = FILES.map(read).join('\n');
    const big = Array(5).fill(all).join('\n');
    const claims = extractClaims(big);
    expect(claims.length).toBe(extractClaims(all).length * 5);
    expect(() => checkInvariants(big, claims)).not.toThrow();
  });
});

describe('properties', () => {
  const ALPHABET = [
    ...'0123456789０１２３４５６７８９.,，．。；;：:、（）()%％—-−－ 　\n',
    ...'万元亿人次个辆台套批年度月日号其中包括分别为各均增加减少增长下降持平无变化相同占比较与相比同年初全年调整预算决算数完成的为是主要原因用于如下以上约近余超过第图表行栏XＸ×【】〔〕《》“”',
    '收入合计',
    '基本支出',
    '“三公”经费',
    '（类）',
    '与上年持平',
    '增加（减少）',
  ];
  const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }).map((a) => a.join(''));

  it('never throws on random mixes of CJK, digits and punctuation; spans stay inside', () => {
    fc.assert(
      fc.property(text, (s) => {
        checkInvariants(s, extractClaims(s, { reportYear: 2023 }));
        for (const t of parseNumberTokens(s)) if (t.span.end > s.length) return false;
        for (const x of splitSentences(s)) if (s.slice(x.span.start, x.span.end) !== x.text) return false;
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        checkInvariants(s, extractClaims(s));
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('accepts any cut of a real document (text beginning or ending mid-sentence)', () => {
    const doc = FILES.map(read).join('\n');
    fc.assert(
      fc.property(fc.nat(doc.length), fc.nat(400), (a, len) => {
        const s = doc.slice(a, a + len);
        checkInvariants(s, extractClaims(s));
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
