/**
 * Drafts on the fixture books: every section of every document in every layout; golden sentences compared with the
 * documents' own; every number traced to a fact or to exact arithmetic on facts; placeholders; changes against a prior
 * workbook made here by editing figures of the fixture (no two fixture books are of the same department).
 */
import * as path from 'node:path';
import Decimal from 'decimal.js';
import { readXlsxFile } from '../../adapters/exceljs';
import { buildFacts, type Fact, type FactBase } from '../../facts';
import { parseA1 } from '../../model/address';
import type { Recognition } from '../../model/table';
import type { Workbook } from '../../model/workbook';
import { recognise } from '../../recognise';
import { moneyOf } from './context';
import {
  documentMeta,
  draftSections,
  formatDecimal,
  JUESUAN_SECTIONS,
  YUSUAN_SECTIONS,
  type DraftOptions,
  type DraftParagraph,
  type DraftSection,
} from './index';

const BOOKS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'books');
const DOCS = [
  'seed-000',
  'seed-001',
  'seed-002',
  'seed-003',
  'sh-caizhengju-2024',
  'sh-guihuaziyuanju-2024',
  'sh-shangwuwei-2025',
  'sh-sifaju-2026',
] as const;
type Doc = (typeof DOCS)[number];
const VARIANTS = ['sheets', 'split', 'stacked'] as const;
type Variant = (typeof VARIANTS)[number];

interface Loaded {
  workbook: Workbook;
  recognition: Recognition;
  facts: FactBase;
}

const cache = new Map<string, Promise<Loaded>>();
function load(doc: Doc, variant: Variant = 'sheets'): Promise<Loaded> {
  const file = path.join(BOOKS, `${doc}-${variant}.xlsx`);
  let p = cache.get(file);
  if (!p) {
    p = readXlsxFile(file).then((workbook) => {
      const recognition = recognise(workbook);
      return { workbook, recognition, facts: buildFacts(workbook, recognition) };
    });
    cache.set(file, p);
  }
  return p;
}

async function draft(doc: Doc, options: DraftOptions = {}, variant: Variant = 'sheets'): Promise<DraftSection[]> {
  const { workbook, recognition, facts } = await load(doc, variant);
  return draftSections(facts, recognition, { ...documentMeta(workbook, recognition), ...options });
}

function sectionOf(sections: DraftSection[], id: string): DraftSection {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

const texts = (s: DraftSection): string[] => s.paragraphs.map((p) => p.text);

/** The same draft whatever the layout: text, placeholders, and which fact every figure is (cells differ by layout). */
function portable(sections: DraftSection[]) {
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    missing: s.missing,
    paragraphs: s.paragraphs.map((p) => ({
      text: p.text,
      placeholders: p.placeholders,
      figures: p.figures.map((f) => ({ key: f.factKey, printed: f.printed, span: f.span, kind: f.kind })),
    })),
  }));
}

/**
 * A prior-year workbook: the fixture with the printed figures of `edits` (fact key → printed value, every printing)
 * replaced, recognised and turned into facts.
 */
async function priorOf(doc: Doc, edits: Record<string, string>): Promise<FactBase> {
  const { facts } = await load(doc);
  const workbook = await readXlsxFile(path.join(BOOKS, `${doc}-sheets.xlsx`));
  for (const [key, printed] of Object.entries(edits)) {
    const printings = facts.all(key);
    if (printings.length === 0) throw new Error(`no fact ${key} to edit`);
    for (const f of printings) {
      const sheet = workbook.sheets.find((s) => s.name === f.cell.sheet)!;
      const { row, col } = parseA1(f.cell.cell);
      const cells = (sheet.rows[row - 1] ??= []);
      cells[col - 1] = { row, col, value: Number(printed.replace(/,/g, '')), text: printed };
    }
  }
  const recognition = recognise(workbook);
  return buildFacts(workbook, recognition);
}

// ── tracing every number ────────────────────────────────────────────────────────────────────────────────────────

function factAt(facts: FactBase, key: string, cell: { sheet: string; cell: string }): Fact | undefined {
  return facts.all(key).find((f) => f.cell.sheet === cell.sheet && f.cell.cell === cell.cell);
}

/**
 * Every figure is what its facts give (re-derived here independently of the drafter), and every number in the text is
 * a figure, a year (“2023年”), an ordinal at the start of a paragraph, or the date 12月31日.
 */
function expectTraced(p: DraftParagraph, facts: FactBase, year: number | undefined, prior?: FactBase): void {
  for (const f of p.figures) {
    expect(p.text.slice(f.span[0], f.span[1])).toBe(f.printed);
    const fact = factAt(facts, f.factKey, f.cell);
    expect(fact).toBeDefined();
    const value = moneyOf(fact)?.value;
    const input = (i: number) => {
      const x = f.inputs![i];
      return moneyOf(factAt(x.source === 'prior' ? prior! : facts, x.factKey, x.cell))!.value;
    };
    const decimals = f.printed.includes('.') ? f.printed.length - f.printed.indexOf('.') - 1 : 0;
    switch (f.kind) {
      case 'amount':
        expect(f.printed).toBe(formatDecimal(value!, 2));
        break;
      case 'count':
        expect(f.printed).toBe(formatDecimal(new Decimal(fact!.value.value ?? 0), 0));
        break;
      case 'share':
      case 'completion-rate':
        expect(f.printed).toBe(formatDecimal(input(0).div(input(1)).times(100), decimals));
        break;
      case 'change': {
        const prev = f.inputs!.length > 1 ? input(1) : new Decimal(0);
        expect(f.printed).toBe(formatDecimal(input(0).minus(prev).abs(), 2));
        break;
      }
      case 'change-rate': {
        const prev = input(1);
        expect(f.printed).toBe(formatDecimal(input(0).minus(prev).abs().div(prev.abs()).times(100), decimals));
        break;
      }
    }
  }
  for (const ph of p.placeholders) expect(p.text.slice(ph.span[0], ph.span[1])).toBe(`【待补充：${ph.label}】`);
  for (const m of p.text.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (p.figures.some((f) => f.span[0] === start && f.span[1] === end)) continue;
    if (p.placeholders.some((x) => x.span[0] <= start && end <= x.span[1])) continue;
    const after = p.text.slice(end, end + 1);
    const isYear = after === '年' && year !== undefined && (m[0] === String(year) || m[0] === String(year - 1));
    const isOrdinal = start === 0 && /^[.、]/.test(p.text.slice(end));
    const isDate = (m[0] === '12' && after === '月') || (m[0] === '31' && after === '日');
    expect({ number: m[0], at: start, text: p.text, ok: isYear || isOrdinal || isDate }).toMatchObject({ ok: true });
  }
}

// ── every document, every layout ──────────────────────────────────────────────────────────────────────────────────

describe('draftSections on every fixture book', () => {
  for (const doc of DOCS) {
    it(`${doc}: every section drafts, identically in every layout, every number traced to the tables`, async () => {
      const drafts = await Promise.all(VARIANTS.map((v) => draft(doc, {}, v)));
      const { facts, workbook, recognition } = await load(doc);
      const regime = recognition.tables[0].regime;
      const ids = (regime === 'juesuan' ? JUESUAN_SECTIONS : YUSUAN_SECTIONS) as readonly string[];
      expect(drafts[0].map((s) => s.id).sort()).toEqual([...ids].sort());
      expect(portable(drafts[1])).toEqual(portable(drafts[0]));
      expect(portable(drafts[2])).toEqual(portable(drafts[0]));
      const { year } = documentMeta(workbook, recognition);
      expect(year).toBeDefined();
      for (const s of drafts[0]) {
        expect(s.title).toMatch(/[\u4e00-\u9fa5]/);
        for (const p of s.paragraphs) expectTraced(p, facts, year);
      }
      // no draft prints a figure without its unit
      const all = drafts[0].flatMap((s) => s.paragraphs);
      for (const p of all) for (const f of p.figures) expect(p.text.slice(f.span[1], f.span[1] + 3)).toMatch(/^(万元|%|[个人批辆])/);
    });
  }

  it('draws nothing from a recognition without tables', () => {
    const empty: Recognition = { tables: [], unplaced: [], narrativeSheets: [] };
    expect(draftSections({ facts: [], byKey: () => undefined, all: () => [], lookup: () => [] }, empty)).toEqual([]);
  });
});

// ── golden sentences: 武汉市蔡甸区医疗保障局（本级）2023 年度决算 ─────────────────────────────────────────────────

describe('seed-001 (Wuhan 决算, national wording)', () => {
  it('收入 and 支出 as the document words them (支出 shares at one decimal, as the document prints them)', async () => {
    const s = await draft('seed-001');
    expect(texts(sectionOf(s, 'juesuan.income'))).toEqual(['2023年度收入合计442.86万元。其中：财政拨款收入442.86万元，占本年收入100.00%。']);
    const oneDecimal = await draft('seed-001', { style: { shareDecimals: 1 } });
    // the document's own sentence, word for word (its PDF spacing removed)
    expect(texts(sectionOf(oneDecimal, 'juesuan.expenditure'))).toEqual([
      '2023年度支出合计442.86万元。其中：基本支出243.12万元，占本年支出54.9%；项目支出199.74万元，占本年支出45.1%。',
    ]);
  });

  it('一般公共预算 structure by 类 in the document wording, shares of the J5 total', async () => {
    const s = sectionOf(await draft('seed-001'), 'juesuan.general-budget.structure');
    expect(texts(s)).toEqual([
      '2023年度一般公共预算财政拨款支出442.85万元，主要用于以下方面：',
      '1. 社会保障和就业（类）支出22.28万元，占5.03%。主要是用于【待补充：主要用途】。',
      '2. 卫生健康（类）支出398.40万元，占89.96%。主要是用于【待补充：主要用途】。',
      '3. 住房保障（类）支出22.18万元，占5.01%。主要是用于【待补充：主要用途】。',
    ]);
    expect(s.paragraphs[1].figures.map((f) => [f.factKey, f.cell.cell, f.kind])).toEqual([
      ['gb.class.208.total', 'C8', 'amount'],
      ['gb.class.208.total', 'C8', 'share'],
    ]);
    expect(s.paragraphs[1].figures[1].inputs?.map((i) => i.factKey)).toEqual(['gb.class.208.total', 'gb.expenditure.total']);
  });

  it('基本支出: 人员经费 and 公用经费 with the non-zero J6 lines, the same lists the document prints', async () => {
    const s = sectionOf(await draft('seed-001'), 'juesuan.basic');
    expect(texts(s)).toEqual([
      '2023年度一般公共预算财政拨款基本支出243.12万元，其中：人员经费235.26万元，主要包括：基本工资、津贴补贴、奖金、' +
        '机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、住房公积金、其他工资福利支出。' +
        '公用经费7.87万元，主要包括：办公费、水费、电费、邮电费、劳务费、工会经费。',
    ]);
    expect(s.paragraphs[0].figures.map((f) => `${f.factKey}@${f.cell.sheet}!${f.cell.cell}`)).toEqual([
      'gb.expenditure.basic@表5!D7',
      'basic.personnel.total@表6!C34',
      'basic.public.total@表6!I34',
    ]);
  });

  it('empty funds and an empty 三公 table: the standard statements', async () => {
    const s = await draft('seed-001');
    expect(texts(sectionOf(s, 'juesuan.gov-fund'))).toEqual(['本部门2023年度无政府性基金预算财政拨款收入、支出。']);
    expect(texts(sectionOf(s, 'juesuan.state-capital'))).toEqual(['本部门2023年度无国有资本经营预算财政拨款收入、支出。']);
    expect(texts(sectionOf(s, 'juesuan.three-public'))).toEqual(['本部门2023年度无“三公”经费财政拨款支出。']);
  });

  it('without a prior workbook: marked placeholders for last year, the 年初预算 and the reasons, never a guess', async () => {
    const s = await draft('seed-001');
    const overview = sectionOf(s, 'juesuan.overview').paragraphs[0];
    expect(overview.text).toBe('2023年度收、支总计442.86万元。与2022年度相比，收、支总计【待补充：2022年度决算数】，主要原因是【待补充：变动原因】。');
    expect(overview.placeholders.map((p) => [p.kind, p.label])).toEqual([
      ['prior', '2022年度决算数'],
      ['reason', '变动原因'],
    ]);
    const detail = sectionOf(s, 'juesuan.general-budget.detail');
    expect(detail.paragraphs[0].text).toBe(
      '2023年度一般公共预算财政拨款支出年初预算为【待补充：年初预算数】万元，支出决算为442.85万元，完成年初预算的【待补充：完成率】%。' +
        '支出决算数与年初预算数存在差异的主要原因：【待补充：变动原因】。其中：基本支出243.12万元，项目支出199.74万元。',
    );
    expect(detail.paragraphs[0].placeholders.map((p) => p.kind)).toEqual(['budget', 'budget', 'reason']);
    // one paragraph per 项 of J5, named 类（类）款（款）项（项）
    expect(detail.paragraphs).toHaveLength(12);
    expect(detail.paragraphs[3].text).toBe(
      '3. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为【待补充：年初预算数】万元，支出决算为6.24万元，' +
        '完成年初预算的【待补充：完成率】%。支出决算数与年初预算数存在差异的主要原因：【待补充：变动原因】。',
    );
    // no percentage or change without its inputs
    for (const sec of s) for (const p of sec.paragraphs) expect(p.figures.filter((f) => f.kind === 'change' || f.kind === 'change-rate')).toEqual([]);
    const organ = sectionOf(s, 'juesuan.organ-running').paragraphs[0];
    expect(organ.text).toBe(
      '2023年度武汉市蔡甸区医疗保障局（本级）机关运行经费支出【待补充：机关运行经费支出数】万元，比2022年度【待补充：2022年度决算数】，' +
        '主要原因是【待补充：变动原因】。',
    );
  });

  it('subjects are worded so that they look up the very fact they state', async () => {
    const { facts } = await load('seed-001');
    const s = await draft('seed-001');
    for (const id of ['juesuan.general-budget.structure', 'juesuan.general-budget.detail']) {
      for (const p of sectionOf(s, id).paragraphs.slice(1)) {
        const subject = /^\d+[.、] (.+?)(?:。|\d)/.exec(p.text)![1];
        expect([subject, facts.lookup(subject).map((f) => f.key)]).toEqual([subject, expect.arrayContaining([p.figures[0].factKey])]);
      }
    }
  });
});

// ── with last year's workbook ─────────────────────────────────────────────────────────────────────────────────────

describe('changes against a prior workbook', () => {
  it('reproduces the document’s own change sentences from last year’s totals (seed-001: 3190.37 → 442.86)', async () => {
    const prior = await priorOf('seed-001', {
      'income.grand-total': '3,190.37',
      'expenditure.grand-total': '3,190.37',
      'fiscal.income.grand-total': '3,116.47',
      'fiscal.income.general-budget': '3,116.47',
      'gb.expenditure.total': '3,116.46',
    });
    const s = await draft('seed-001', { prior });
    const { facts, workbook, recognition } = await load('seed-001');
    const year = documentMeta(workbook, recognition).year;
    expect(texts(sectionOf(s, 'juesuan.overview'))).toEqual([
      // the document: “与 2022 年度相比，收、支总计各减少 2747.51 万元，减少 86.12%”
      '2023年度收、支总计442.86万元。与2022年度相比，收、支总计各减少2747.51万元，下降86.12%，主要原因是【待补充：变动原因】。',
    ]);
    expect(texts(sectionOf(s, 'juesuan.fiscal'))).toEqual([
      '2023年度财政拨款收、支总计442.86万元。与2022年度相比，财政拨款收、支总计各减少2673.61万元，下降85.79%，主要原因是【待补充：变动原因】。',
      '2023年度财政拨款收入中，一般公共预算财政拨款收入442.86万元，比2022年度决算数减少2673.61万元，下降85.79%，主要原因是【待补充：变动原因】。',
    ]);
    expect(texts(sectionOf(s, 'juesuan.general-budget.overview'))).toEqual([
      '2023年度一般公共预算财政拨款支出442.85万元，占本年支出合计的100.00%。与2022年度相比，一般公共预算财政拨款支出减少2673.61万元，' +
        '下降85.79%，主要原因是【待补充：变动原因】。',
    ]);
    const change = sectionOf(s, 'juesuan.overview').paragraphs[0].figures.find((f) => f.kind === 'change')!;
    expect(change.inputs).toEqual([
      { factKey: 'income.grand-total', cell: { sheet: '表1', cell: 'C37' }, source: 'current' },
      { factKey: 'income.grand-total', cell: { sheet: '表1', cell: 'C37' }, source: 'prior' },
    ]);
    for (const sec of s) for (const p of sec.paragraphs) expectTraced(p, facts, year, prior);
  });

  it('increase, decrease and 持平 take their words from the sign; 持平 needs no reason', async () => {
    const flat = await priorOf('seed-001', { 'income.grand-total': '442.86' });
    expect(texts(sectionOf(await draft('seed-001', { prior: flat, sections: ['juesuan.overview'] }), 'juesuan.overview'))).toEqual([
      '2023年度收、支总计442.86万元。与2022年度相比，收、支总计持平。',
    ]);
    const up = await priorOf('seed-001', { 'income.grand-total': '430.86' });
    expect(texts(sectionOf(await draft('seed-001', { prior: up, sections: ['juesuan.overview'] }), 'juesuan.overview'))).toEqual([
      '2023年度收、支总计442.86万元。与2022年度相比，收、支总计各增加12.00万元，增长2.79%，主要原因是【待补充：变动原因】。',
    ]);
    const oneDecimal = await draft('seed-001', { prior: up, sections: ['juesuan.overview'], style: { rateDecimals: 1 } });
    expect(oneDecimal[0].paragraphs[0].text).toContain('各增加12.00万元，增长2.8%，');
  });

  it('a zero prior is “上年无此项”, never “增长100%”', async () => {
    // seed-000: 政府性基金预算财政拨款收入 35.04 (the document: “比 2021 年度决算数增加 25.04 万元”)
    const ten = await priorOf('seed-000', { 'fiscal.income.gov-fund': '10.00' });
    const withTen = texts(sectionOf(await draft('seed-000', { prior: ten }), 'juesuan.fiscal'))[1];
    expect(withTen).toContain('政府性基金预算财政拨款收入35.04万元，比2021年度决算数增加25.04万元，增长250.40%，主要原因是【待补充：变动原因】。');
    const zero = await priorOf('seed-000', { 'fiscal.income.gov-fund': '0.00' });
    const withZero = texts(sectionOf(await draft('seed-000', { prior: zero }), 'juesuan.fiscal'))[1];
    expect(withZero).toContain('政府性基金预算财政拨款收入35.04万元，比2021年度决算数增加35.04万元，上年无此项收入，主要原因是【待补充：变动原因】。');
    expect(withZero).not.toMatch(/100(\.0+)?%/);
  });

  it('a line last year\'s table does not list was 0 last year', async () => {
    const { facts } = await load('seed-000');
    const full = await priorOf('seed-000', {});
    const without = (key: string): FactBase => ({
      facts: full.facts.filter((f) => f.key !== key),
      byKey: (k) => (k === key ? undefined : full.byKey(k)),
      all: (k) => (k === key ? [] : full.all(k)),
      lookup: () => [],
    });
    const s = await draft('seed-000', { prior: without('fiscal.income.gov-fund') });
    const p = sectionOf(s, 'juesuan.fiscal').paragraphs[1];
    expect(p.text).toContain('政府性基金预算财政拨款收入35.04万元，比2021年度决算数增加35.04万元，上年无此项收入');
    const change = p.figures.filter((f) => f.factKey === 'fiscal.income.gov-fund' && f.kind === 'change');
    expect(change).toHaveLength(1);
    expect(change[0].inputs).toEqual([{ factKey: 'fiscal.income.gov-fund', cell: facts.byKey('fiscal.income.gov-fund')!.cell, source: 'current' }]);
    // the same prior unchanged: 持平 everywhere it compares
    const same = await draft('seed-000', { prior: full, sections: ['juesuan.overview', 'juesuan.fiscal'] });
    expect(same.flatMap((x) => x.paragraphs).flatMap((x) => x.placeholders)).toEqual([]);
    expect(texts(same[0])).toEqual(['2022年度收、支总计1183.81万元。与2021年度相比，收、支总计持平。']);
  });

  it('the tracer itself rejects a number that no fact gives', async () => {
    const { facts } = await load('seed-001');
    const typed: DraftParagraph = { text: '2023年度收入合计442.86万元。', figures: [], placeholders: [] };
    expect(() => expectTraced(typed, facts, 2023)).toThrow();
    const wrong: DraftParagraph = {
      text: '收入合计442.87万元。',
      figures: [{ factKey: 'income.total', cell: { sheet: '表1', cell: 'C33' }, span: [4, 10], printed: '442.87', kind: 'amount', unit: '万元' }],
      placeholders: [],
    };
    expect(() => expectTraced(wrong, facts, 2023)).toThrow();
  });

  it('a prior workbook without the table leaves the placeholder', async () => {
    const { facts } = await load('seed-001');
    // last year's facts without any 收入支出决算总表 figure
    const noSummary: FactBase = {
      facts: facts.facts.filter((f) => f.kind !== 'juesuan.income-expenditure-summary'),
      byKey: () => undefined,
      all: () => [],
      lookup: () => [],
    };
    const s = await draft('seed-001', { prior: noSummary, sections: ['juesuan.overview'] });
    expect(s[0].paragraphs[0].placeholders.map((p) => p.label)).toEqual(['2022年度决算数', '变动原因']);
  });

  it('budgets compare with last year’s budget (seed-003: the document’s 比2023年预算增加126.4万元，增长12.86%)', async () => {
    const prior = await priorOf('seed-003', {
      'income.grand-total': '982.98',
      'income.total': '982.98',
      'expenditure.total': '982.98',
      'expenditure.grand-total': '982.98',
    });
    const s = await draft('seed-003', { prior });
    expect(texts(sectionOf(s, 'yusuan.overview'))[1]).toBe(
      '2024年收支总预算1109.38万元，比2023年预算增加126.40万元，增长12.86%，变动的主要原因是【待补充：变动原因】。',
    );
    expect(texts(sectionOf(s, 'yusuan.income'))).toEqual([
      '2024年收入预算1109.38万元，比2023年预算增加126.40万元，增长12.86%。其中：一般公共预算拨款收入1109.38万元，占100.00%。',
    ]);
    expect(texts(sectionOf(s, 'yusuan.expenditure'))).toEqual([
      '2024年支出预算1109.38万元，比2023年预算增加126.40万元，增长12.86%。其中：基本支出189.23万元，占17.06%；项目支出920.15万元，占82.94%。',
    ]);
  });
});

// ── golden sentences: 上海市普陀区财政局 2024 年度决算 ────────────────────────────────────────────────────────────

describe('sh-caizhengju-2024 (Shanghai 决算, Shanghai wording)', () => {
  it('picks the Shanghai wording from the department named in the workbook', async () => {
    const s = await draft('sh-caizhengju-2024');
    expect(texts(sectionOf(s, 'juesuan.overview'))[0]).toMatch(/^上海市普陀区财政局2024年度收入支出总计2995\.39万元。与2023年度相比，收入支出总计/);
    // the document's own sentences
    expect(texts(sectionOf(s, 'juesuan.expenditure'))).toEqual(['本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。']);
    expect(texts(sectionOf(s, 'juesuan.income'))).toEqual(['本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.20万元，占0.21%。']);
    expect(texts(sectionOf(s, 'juesuan.gov-fund'))).toEqual(['上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出。']);
    expect(texts(sectionOf(s, 'juesuan.state-capital'))).toEqual(['上海市普陀区财政局2024年度无国有资本经营预算财政拨款收入和支出。']);
    expect(s.map((x) => x.id).indexOf('juesuan.three-public')).toBeLessThan(s.map((x) => x.id).indexOf('juesuan.gov-fund'));
  });

  it('shares round honestly, each on its own, and then need not add to 100 (71.65 + 11.11 + 2.07 + 15.16 = 99.99)', async () => {
    const s = sectionOf(await draft('sh-caizhengju-2024'), 'juesuan.general-budget.structure');
    expect(texts(s)).toEqual([
      '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.65%；社会保障和就业支出（类）326.72万元，' +
        '占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%。',
    ]);
    const shares = s.paragraphs[0].figures.filter((f) => f.kind === 'share').map((f) => new Decimal(f.printed));
    expect(shares.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2)).toBe('99.99');
  });

  it('three public: the budget column, completion rates, a zero base said in words', async () => {
    const s = sectionOf(await draft('sh-caizhengju-2024'), 'juesuan.three-public');
    expect(s.paragraphs[0].text).toBe(
      '“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0.00%，其中：因公出国（境）费决算为0.00万元，年初未安排预算；' +
        '公务用车购置及运行维护费支出决算为0.00万元，年初未安排预算；公务接待费支出决算为0.00万元，完成预算的0.00%。' +
        '2024年度“三公”经费支出决算数小于预算数的主要原因：【待补充：变动原因】。',
    );
    expect(s.paragraphs[s.paragraphs.length - 1].text).toBe('上海市普陀区财政局2024年度无“三公”经费财政拨款支出。');
  });

  it('without the workbook’s year the year is a placeholder; the national wording when no department is known', async () => {
    const { facts, recognition } = await load('sh-caizhengju-2024');
    const s = draftSections(facts, recognition, { sections: ['juesuan.income', 'juesuan.gov-fund'] });
    expect(texts(s[0])).toEqual(['【待补充：年度】年度收入合计2946.25万元。其中：财政拨款收入2940.05万元，占本年收入99.79%；其他收入6.20万元，占本年收入0.21%。']);
    expect(texts(s[1])).toEqual(['本部门【待补充：年度】年度无政府性基金预算财政拨款收入、支出。']);
  });
});

describe('other documents and options', () => {
  it('seed-002: shares of one breakdown that add to 100.01, left so', async () => {
    const s = sectionOf(await draft('seed-002'), 'juesuan.general-budget.structure');
    expect(texts(s).slice(1)).toEqual([
      '1. 社会保障和就业（类）支出10.00万元，占0.59%。主要是用于【待补充：主要用途】。',
      '2. 卫生健康（类）支出1699.38万元，占99.42%。主要是用于【待补充：主要用途】。',
    ]);
  });

  it('seed-002: counts of the vertical 三公 table are stated from the table', async () => {
    const s = sectionOf(await draft('seed-002'), 'juesuan.three-public');
    const reception = s.paragraphs.find((p) => p.text.startsWith('3. 公务接待费'))!;
    expect(reception.text).toContain('全年预算为13.83万元，支出决算为11.42万元，完成全年预算的82.57%');
    expect(reception.text).toContain('全年国内公务接待118批，累计接待1343人次。');
    expect(reception.figures.filter((f) => f.kind === 'count').map((f) => [f.factKey, f.printed])).toEqual([
      ['three-public.count.reception-batches', '118'],
      ['three-public.count.reception-persons', '1343'],
      ['three-public.count.reception-batches.foreign-affairs', '0'],
      ['three-public.count.reception-persons.foreign-affairs', '0'],
    ]);
  });

  it('seed-003 (Wuhan 预算): the document’s own 财政拨款 and project sentences', async () => {
    const s = await draft('seed-003');
    expect(texts(sectionOf(s, 'yusuan.fiscal'))).toEqual([
      '2024年财政拨款收支总预算1109.38万元。收入包括：一般公共预算拨款本年收入1109.38万元。支出包括：社会保障和就业支出14.54万元；' +
        '卫生健康支出1065.88万元；住房保障支出28.96万元。',
    ]);
    const gb = texts(sectionOf(s, 'yusuan.general-budget'));
    expect(gb).toContain('基本支出189.23万元，占17.06%，其中：人员经费169.72万元，公用经费19.51万元；项目支出920.15万元，占82.94%。');
    expect(gb.slice(-3)).toEqual(['1、社会保障和就业支出14.54万元；', '2、卫生健康支出1065.88万元；', '3、住房保障支出28.96万元。']);
    const projects = texts(sectionOf(s, 'yusuan.projects'));
    expect(projects[0]).toBe('2024年项目支出920.15万元，其中：一般公共预算本年拨款920.15万元。');
    expect(projects).toContain('2.医疗救助经费：500.00万元，主要用于【待补充：主要用途】。');
    expect(texts(sectionOf(s, 'yusuan.gov-fund'))).toEqual(['本部门2024年无政府性基金预算财政拨款安排的支出。']);
  });

  it('sh-sifaju-2026 (Shanghai 预算 in 元): amounts converted to 万元 and rounded half-up', async () => {
    const s = await draft('sh-sifaju-2026');
    expect(texts(sectionOf(s, 'yusuan.organ-running'))[0]).toMatch(/^2026年上海市普陀区司法局财政拨款的机关运行经费预算为184\.59万元，/);
    expect(texts(sectionOf(s, 'yusuan.general-budget'))[1]).toBe(
      '1、“公共安全支出（类）司法（款）行政运行（项）”1434.89万元，主要用于【待补充：主要用途】。',
    );
    expect(texts(sectionOf(s, 'yusuan.income'))[0]).toBe(
      '2026年，上海市普陀区司法局收入预算8695.94万元，其中：财政拨款收入8695.94万元，比2025年预算【待补充：2025年预算数】；' +
        '事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。',
    );
    expect(sectionOf(s, 'yusuan.procurement')).toEqual({ id: 'yusuan.procurement', title: '政府采购预算情况', paragraphs: [], missing: ['yusuan.procurement'] });
  });

  it('selects sections by id or by family, in the template’s order', async () => {
    const s = await draft('seed-001', { sections: ['juesuan.general-budget', 'juesuan.overview'] });
    expect(s.map((x) => x.id)).toEqual([
      'juesuan.overview',
      'juesuan.general-budget.overview',
      'juesuan.general-budget.structure',
      'juesuan.general-budget.detail',
    ]);
  });

  it('thousands separators and the template can be chosen', async () => {
    const s = await draft('seed-000', { sections: ['juesuan.overview'], style: { thousands: true, template: 'shanghai' } });
    expect(s[0].paragraphs[0].text).toMatch(/^江岸区医保局2022年度收入支出总计1,183\.81万元。/);
  });
});
