import { memoryWorkbook, type MemoryCellInput } from '../adapters/memory';
import { buildFacts } from '../facts';
import { recognise } from '../recognise';
import { draftOf, loadBook, priorOf } from '../../test/support/books';
import { verifyText, type VerifyKind, type VerifyResult } from './verify';

const n = (v: string): MemoryCellInput => ({ value: Number(v.replace(/,/g, '')), text: v, numFmt: '#,##0.00' });

/** A small 决算 workbook (收入支出决算总表, 支出决算表); `total` is its 本年收入/支出合计 and 总计. */
function factsOf(total = '442.86', basic = '243.12', project = '199.74') {
  const wb = memoryWorkbook([
    {
      name: '表1',
      rows: [
        ['2023 年度收入支出决算总表'],
        ['部门：某局', null, null, null, null, '金额单位：万元'],
        ['收入', null, null, '支出', null, null],
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['一、一般公共预算财政拨款收入', 1, n('400.00'), '八、社会保障和就业支出', 32, n('100.00')],
        ['八、其他收入', 8, n('42.86'), '九、卫生健康支出', 33, n(total === '442.86' ? '342.86' : '300.00')],
        ['本年收入合计', 27, n(total), '本年支出合计', 58, n(total)],
        ['年初结转和结余', 29, n('0.00'), '年末结转和结余', 60, n('0.00')],
        ['总计', 31, n(total), '总计', 62, n(total)],
      ],
    },
    {
      name: '表3',
      rows: [
        ['2023 年度支出决算表'],
        ['部门：某局', null, null, null, '金额单位：万元'],
        ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
        [null, '合计', n(total), n(basic), n(project)],
        ['208', '社会保障和就业支出', n('100.00'), n('100.00'), null],
        ['210', '卫生健康支出', n('342.86'), n('143.12'), n('199.74')],
      ],
    },
  ]);
  return buildFacts(wb, recognise(wb));
}

const facts = factsOf();
const blocking = (r: VerifyResult) => r.problems.filter((p) => p.blocking).map((p) => [p.kind, p.text]);

describe('verifyText on a small workbook', () => {
  it('accepts facts, shares recomputed from them, and the report year with its neighbours', () => {
    const r = verifyText('2023年度支出合计442.86万元。其中：基本支出243.12万元，占本年支出54.90%；项目支出199.74万元，占本年支出45.10%。与2022年度相比…', facts, {
      reportYear: 2023,
    });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.verified.map((v) => [v.kind, v.text, v.basis])).toEqual([
      ['year', '2023', 'year'],
      ['amount', '442.86万元', 'fact'],
      ['amount', '243.12万元', 'fact'],
      ['share', '54.90%', 'derived'],
      ['amount', '199.74万元', 'fact'],
      ['share', '45.10%', 'derived'],
      ['year', '2022', 'year'],
    ]);
    // a verified amount cites its cell
    expect(r.verified[1].fact).toEqual({ key: expect.stringMatching(/expenditure/), cell: expect.objectContaining({ sheet: expect.any(String) }) });
  });

  it('blocks a wrong amount with the table’s value, and an invented one as unverifiable', () => {
    const text = '2023年度支出合计424.86万元。医疗救助资金88.88万元。';
    const r = verifyText(text, facts, { reportYear: 2023 });
    expect(r.ok).toBe(false);
    expect(blocking(r)).toEqual([
      ['amount', '424.86万元'],
      ['amount', '88.88万元'],
    ]);
    expect(r.problems[0].reason).toContain('442.86');
    expect(text.slice(r.problems[1].span.start, r.problems[1].span.end)).toBe('88.88万元');
  });

  it('blocks figures the extractor does not read: Chinese numerals, bracketed or code-glued digits with a money unit', () => {
    const cases: Array<[string, [VerifyKind, string]]> = [
      ['医疗救助资金三百万元。', ['amount', '三百万元']],
      ['医疗救助资金肆佰万元。', ['amount', '肆佰万元']],
      ['医疗救助资金百万元。', ['amount', '百万元']],
      ['资金三十万。', ['amount', '三十万']],
      ['支出增长百分之十二。', ['percentage', '百分之十二']],
      ['支出降低十二个百分点。', ['percentage', '十二个百分点']],
      ['支出增长一倍。', ['unlinked', '一倍']],
      ['开展三项工作，新增两人。', ['count', '三项']],
      ['二〇二〇年度支出合计442.86万元。', ['year', '二〇二〇']],
      ['支出合计【442】万元。', ['amount', '442】万元']],
      ['其中2101101科目100万元。', ['amount', '100万元']],
      ['支出合计4.0e2万元。', ['amount', '2万元']],
    ];
    for (const [text, first] of cases) {
      const r = verifyText(text, facts, { reportYear: 2023 });
      expect([text, r.ok]).toEqual([text, false]);
      expect(blocking(r)[0]).toEqual(first);
    }
    // prose numerals are not figures; a Chinese-numeral year of the report year verifies like its digits
    for (const text of ['建立一个机制，开展一项工作。', '第三批项目，三公经费，统一管理，十四五规划，千人计划。']) expect(verifyText(text, facts, { reportYear: 2023 }).problems).toEqual([]);
    const y = verifyText('二〇二三年度支出合计442.86万元。', facts, { reportYear: 2023 });
    expect(y.ok).toBe(true);
    expect(y.verified.map((v) => [v.kind, v.text])).toEqual([
      ['year', '二〇二三'],
      ['amount', '442.86万元'],
    ]);
    // a material number that merely equals an unrelated fact (社会保障和就业支出 100.00) is the material's, not verified
    const u = verifyText('医疗救助资金100万元。', facts, { reportYear: 2023, material: ['医疗救助资金100万元'] });
    expect([u.ok, u.verified, u.problems.map((p) => [p.text, p.source])]).toEqual([true, [], [['100万元', 'material']]]);
    // copied from the user's material: marked, not blocked
    const m = verifyText('新增人员三人。', facts, { reportYear: 2023, material: ['今年新增人员三人。'] });
    expect(m.ok).toBe(true);
    expect(m.problems.map((p) => [p.text, p.blocking, p.source])).toEqual([['三人', false, 'material']]);
  });

  it('blocks years other than the report year and its neighbours, and every year when the report year is unknown', () => {
    expect(blocking(verifyText('2020年度支出合计442.86万元。', facts, { reportYear: 2023 }))).toEqual([['year', '2020']]);
    expect(blocking(verifyText('2024年预算安排…', facts, { reportYear: 2023 }))).toEqual([]);
    expect(blocking(verifyText('2023年度支出合计442.86万元。', facts, {}))).toEqual([['year', '2023']]);
  });

  it('blocks approximations, bare numbers and measures: nothing verifies them', () => {
    expect(blocking(verifyText('支出合计约440万元，覆盖率达到100%，平均得分99.4分。', facts, { reportYear: 2023 }))).toEqual([
      ['amount', '440万元'],
      ['percentage', '100%'],
      ['unlinked', '99.4分'],
    ]);
  });

  it('reports the checker’s template residue as a problem', () => {
    const r = verifyText('2023年度支出合计442.86万元，较上年增加（减少）XX万元。', facts, { reportYear: 2023 });
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.blocking && p.kind === 'direction')).toBe(true);
  });

  it('marks the numbers of the user’s material without blocking, but blocks a material number that contradicts a fact', () => {
    const material = ['今年新增医保信息化项目3个，涉及资金120万元。支出合计1800万元。'];
    const text = '支出增加的主要原因是新增医保信息化项目3个，涉及资金120万元。';
    const r = verifyText(text, facts, { reportYear: 2023, material });
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.kind, p.text, p.blocking, p.source])).toEqual([
      ['count', '3个', false, 'material'],
      ['amount', '120万元', false, 'material'],
    ]);
    expect(r.problems[0].reason).toMatch(/来自您提供的材料，未与报表核对/);
    // without the material the same numbers block
    expect(verifyText(text, facts, { reportYear: 2023 }).ok).toBe(false);
    // copied from the notes but contradicting the tables: blocked
    expect(blocking(verifyText('2023年度支出合计1800万元。', facts, { reportYear: 2023, material }))).toEqual([['amount', '1800万元']]);
  });

  it('checks changes and direction words against last year’s facts', () => {
    const prior = factsOf('430.86', '231.12', '199.74');
    const ok = verifyText('2023年度支出合计442.86万元，比2022年度增加12.00万元，增长2.79%。', facts, { reportYear: 2023, prior });
    expect(ok.problems).toEqual([]);
    expect(ok.verified.filter((v) => v.basis === 'derived').map((v) => [v.kind, v.text])).toEqual([
      ['change', '12.00万元'],
      ['percentage', '2.79%'],
    ]);
    const word = verifyText('2023年度支出合计442.86万元，比2022年度减少12.00万元，下降2.79%。', facts, { reportYear: 2023, prior });
    expect(blocking(word)).toEqual([
      ['direction', '减少'],
      ['direction', '下降'],
    ]);
    expect(word.problems[0].reason).toContain('增加');
    expect(blocking(verifyText('2023年度项目支出199.74万元，比2022年度增加5.00万元。', facts, { reportYear: 2023, prior }))).toEqual([
      ['direction', '增加'],
      ['change', '5.00万元'],
    ]);
    expect(blocking(verifyText('2023年度基本支出与2022年度持平。', facts, { reportYear: 2023, prior }))).toEqual([['direction', '持平']]);
    expect(blocking(verifyText('2023年度项目支出与2022年度持平。', facts, { reportYear: 2023, prior }))).toEqual([]);
    // without last year's figures a change cannot be verified
    expect(blocking(verifyText('2023年度支出合计442.86万元，比2022年度增加12.00万元，增长2.79%。', facts, { reportYear: 2023 }))).toEqual([
      ['change', '12.00万元'],
      ['percentage', '2.79%'],
    ]);
  });

  it('accepts the figures of a deterministic draft where nothing else verifies them', () => {
    const text = '2023年度支出合计442.86万元，比2022年度增加12.00万元，增长2.79%。';
    const r = verifyText(text, facts, {
      reportYear: 2023,
      figures: [
        { printed: '12.00', unit: '万元', kind: 'change' },
        { printed: '2.79', unit: '%', kind: 'change-rate' },
      ],
    });
    expect(r.problems).toEqual([]);
    // a figure of another kind does not verify it
    expect(verifyText(text, facts, { reportYear: 2023, figures: [{ printed: '12.00', unit: '万元', kind: 'amount' }] }).ok).toBe(false);
  });

  it('never throws, and an empty text verifies', () => {
    expect(verifyText('', facts).ok).toBe(true);
    expect(verifyText('\n\n%%%万元占增长—', facts).ok).toBe(true);
  });
});

// ── the done-when test: one wrong number per kind is blocked, with its span ────────────────────────────────────────

/** Replace `from` (which must occur in `text`) by `to`; the span of what changed in the new text. */
function inject(text: string, from: string, to: string): { text: string; changed: { start: number; end: number } } {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the draft: ${from}`);
  let a = 0;
  while (a < from.length && a < to.length && from[a] === to[a]) a++;
  let b = 0;
  while (b < from.length - a && b < to.length - a && from[from.length - 1 - b] === to[to.length - 1 - b]) b++;
  return { text: text.slice(0, at) + to + text.slice(at + from.length), changed: { start: at + a, end: at + to.length - b } };
}

function expectBlocked(r: VerifyResult, kind: VerifyKind, changed: { start: number; end: number }, text: string) {
  expect(r.ok).toBe(false);
  // the problem's span is on what was changed (it covers it, or — for a reworded comparison — the word inside it)
  const hit = r.problems.find((p) => p.blocking && p.kind === kind && p.span.start < changed.end && changed.start < p.span.end);
  if (!hit) throw new Error(`no ${kind} problem over “${text.slice(changed.start, changed.end)}”: ${JSON.stringify(r.problems)}`);
  expect(text.slice(hit.span.start, hit.span.end)).toBe(hit.text);
}

type Injection = [VerifyKind, string, string];

interface Case {
  doc: string;
  regime: string;
  prior: Record<string, string>;
  injections: Injection[];
}

describe.each<Case>([
  {
    doc: 'seed-002',
    regime: '决算',
    prior: {
      'income.grand-total': '1,650.00',
      'expenditure.grand-total': '1,650.00',
      'three-public.actual.reception': '12.62',
      'three-public.actual.total': '12.62',
    },
    injections: [
      ['amount', '基本支出1335.29万元，占本年支出', '基本支出1353.29万元，占本年支出'],
      ['amount', '2. 卫生健康（类）支出1699.38万元', '2. 卫生健康（类）支出1696.38万元'],
      ['share', '占本年支出78.12%', '占本年支出76.12%'],
      ['share', '占“三公”经费支出决算的100.00%', '占“三公”经费支出决算的10.00%'],
      ['change', '各增加59.37万元', '各增加95.37万元'],
      ['change', '3. 公务接待费全年预算为13.83万元，支出决算为11.42万元，完成全年预算的82.57%，占“三公”经费支出决算的100.00%；比2021年度减少1.20万元', '3. 公务接待费全年预算为13.83万元，支出决算为11.42万元，完成全年预算的82.57%，占“三公”经费支出决算的100.00%；比2021年度减少1.02万元'],
      ['percentage', '增长3.60%', '增长3.66%'],
      ['percentage', '完成全年预算的82.57%；', '完成全年预算的85.57%；'],
      ['count', '全年国内公务接待118批', '全年国内公务接待128批'],
      ['count', '累计接待1343人次', '累计接待1334人次'],
      ['year', '2022年度收入合计', '2012年度收入合计'],
      ['year', '比2021年度减少1.20万元', '比2019年度减少1.20万元'],
      ['direction', '收、支总计各增加59.37万元', '收、支总计各减少59.37万元'],
      ['direction', '财政拨款收、支总计持平', '财政拨款收、支总计增加'],
      ['amount', '公务接待费全年预算为13.83万元', '公务接待费全年预算为18.33万元'],
    ] as Injection[],
  },
  {
    doc: 'seed-003',
    regime: '预算',
    prior: { 'income.grand-total': '982.98', 'income.total': '982.98', 'expenditure.total': '982.98', 'expenditure.grand-total': '982.98' },
    injections: [
      ['amount', '项目支出920.15万元，占82.94%。\n财政', '项目支出902.15万元，占82.94%。\n财政'],
      ['amount', '2.医疗救助经费：500.00万元', '2.医疗救助经费：550.00万元'],
      ['share', '基本支出189.23万元，占17.06%；', '基本支出189.23万元，占17.60%；'],
      ['change', '2024年收支总预算1109.38万元，比2023年预算增加126.40万元', '2024年收支总预算1109.38万元，比2023年预算增加162.40万元'],
      ['percentage', '2024年收入预算1109.38万元，比2023年预算增加126.40万元，增长12.86%', '2024年收入预算1109.38万元，比2023年预算增加126.40万元，增长12.68%'],
      ['year', '2024年支出预算', '2042年支出预算'],
      ['direction', '2024年支出预算1109.38万元，比2023年预算增加', '2024年支出预算1109.38万元，比2023年预算减少'],
      ['direction', '2024年一般公共预算拨款1109.38万元，与2023年预算持平', '2024年一般公共预算拨款1109.38万元，比2023年预算减少'],
    ] as Injection[],
  },
])('$doc ($regime): a correct draft verifies, every injected wrong number is blocked', ({ doc, prior: edits, injections }) => {
  let text = '';
  let facts: Awaited<ReturnType<typeof loadBook>>['facts'];
  let prior: Awaited<ReturnType<typeof priorOf>>;
  let year: number | undefined;
  beforeAll(async () => {
    const book = await loadBook(doc);
    facts = book.facts;
    year = book.year;
    prior = await priorOf(doc, edits);
    text = (await draftOf(doc, { prior })).text;
  });

  it('verifies the deterministic draft clean', () => {
    const r = verifyText(text, facts, { reportYear: year, prior });
    expect(r.problems).toEqual([]);
    expect(r.verified.length).toBeGreaterThan(40);
  });

  it('covers every kind of number', () => {
    const kinds = new Set(injections.map((i) => i[0]));
    const want: VerifyKind[] = doc === 'seed-002' ? ['amount', 'share', 'change', 'percentage', 'count', 'year', 'direction'] : ['amount', 'share', 'change', 'percentage', 'year', 'direction'];
    for (const k of want) expect(kinds.has(k)).toBe(true);
  });

  it.each(injections)('blocks a wrong %s: %s → %s', (kind, from, to) => {
    const bad = inject(text, from, to);
    expectBlocked(verifyText(bad.text, facts, { reportYear: year, prior }), kind, bad.changed, bad.text);
  });
});

describe('every fixture book’s deterministic draft verifies clean (no prior workbook)', () => {
  it.each(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'sh-caizhengju-2024', 'sh-guihuaziyuanju-2024', 'sh-shangwuwei-2025', 'sh-sifaju-2026'])(
    '%s',
    async (doc) => {
      const book = await loadBook(doc);
      const d = await draftOf(doc);
      const r = verifyText(d.text, book.facts, { reportYear: book.year });
      expect(r.problems).toEqual([]);
      // and with the draft's figures given, the same
      expect(verifyText(d.text, book.facts, { reportYear: book.year, figures: d.figures }).problems).toEqual([]);
      // every figure of the draft is among the verified numbers
      expect(r.verified.filter((v) => v.kind !== 'year').length).toBeGreaterThanOrEqual(d.figures.length);
    },
  );
});
