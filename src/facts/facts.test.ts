import * as path from 'node:path';
import { readXlsxFile } from '../adapters/exceljs';
import { recognise } from '../recognise';
import { buildFacts, wanAmount, type Fact, type FactBase } from './index';

const BOOKS = path.join(__dirname, '..', '..', 'test', 'fixtures', 'books');
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
type Variant = 'sheets' | 'split' | 'stacked';

const cache = new Map<string, Promise<FactBase>>();
function factsOf(doc: string, variant: Variant = 'sheets'): Promise<FactBase> {
  const file = `${doc}-${variant}.xlsx`;
  let p = cache.get(file);
  if (!p) {
    p = readXlsxFile(path.join(BOOKS, file)).then((wb) => buildFacts(wb, recognise(wb)));
    cache.set(file, p);
  }
  return p;
}

const at = (f: Fact | undefined) => (f ? `${f.cell.sheet}!${f.cell.cell}=${f.value.kind === 'blank' ? '∅' : f.value.raw}` : 'none');

/** [key, expected "sheet!cell=printed"] of the preferred printing (byKey), on the `sheets` variant */
const EXPECTED: Record<(typeof DOCS)[number], Array<[string, string]>> = {
  'seed-000': [
    ['income.total', '表1!C32=1,183.81'],
    ['income.grand-total', '表1!C35=1,183.81'],
    ['fiscal.income.gov-fund', '表4!C7=35.04'],
    ['gb.expenditure.total', '表5!C6=1,148.77'],
    ['gb.class.210.total', '表5!C10=1,113.63'],
    ['gb.item.2101301.project', '表5!E15=892.65'],
    ['basic.personnel.total', '表6!C33=172.04'],
    ['basic.public.total', '表6!I33=10.93'],
    ['gov-fund.expenditure.total', '表8!E6=35.04'],
    ['three-public.budget.total', '表7!A7=0.50'],
    ['three-public.budget.reception', '表7!F7=0.50'],
    ['three-public.actual.reception', '表7!L7=∅'],
    ['state-capital.expenditure.total', '表9!C6=∅'],
  ],
  'seed-001': [
    ['income.total', '表1!C33=442.86'],
    ['expenditure.basic', '表3!D7=243.12'],
    ['expenditure.project', '表3!E7=199.74'],
    ['gb.expenditure.basic', '表5!D7=243.12'],
    ['gb.expenditure.total', '表5!C7=442.85'],
    ['class.210.total', '表1!F15=398.40'],
    ['gb.class.210.total', '表5!C13=398.40'],
    ['fiscal.class.210.total', '表4!F16=398.40'],
    ['income.class.210.total', '表2!C13=398.40'],
    ['gb.item.2101101.total', '表5!C15=6.24'],
    ['basic.economic.30101.total', '表6!C7=42.87'],
    ['basic.economic.302.total', '表6!F6=7.87'],
  ],
  'seed-002': [
    ['income.total', '表1!C33=1,709.37'],
    ['gb.expenditure.total', '表5!C7=∅'],
    ['gb.expenditure.basic', '表5!D7=1,335.29'],
    ['basic.personnel.total', '表6!C40=988.75'],
    ['three-public.actual.total', '表9!E6=11.42'],
    ['three-public.full-year-budget.total', '表9!D6=13.83'],
    ['three-public.initial-budget.reception', '表9!C11=13.83'],
    ['three-public.actual.reception.domestic', '表9!E12=11.42'],
    ['three-public.count.reception-batches', '表9!E20=118'],
    ['three-public.count.reception-persons', '表9!E22=1,343'],
  ],
  'seed-003': [
    ['income.grand-total', '预算01表!B33=1,109.38'],
    ['income.total', '预算01表!B31=1,109.38'],
    ['expenditure.basic', '预算03表!D5=189.23'],
    ['fiscal.expenditure.total', '预算04表!D6=1,109.38'],
    ['fiscal.class.229.total', '预算04表!D27=∅'],
    ['gb.expenditure.basic', '预算05表!D6=189.23'],
    ['basic.personnel.total', '预算07表!D6=169.72'],
    ['basic.economic.30201.public', '预算07表!E17=5.11'],
    ['gb.item.2101501.total', '预算05表!C15=131.05'],
    ['projects.total', '预算11表!D6=920.15'],
    ['procurement.total', '预算12表!L6=63.00'],
    ['purchase-services.total', '预算13表!G6=63.00'],
  ],
  'sh-caizhengju-2024': [
    ['income.total', 'T1!B31=2,946.25'],
    ['income.opening-balance', 'T1!B33=49.14'],
    ['expenditure.closing-balance', 'T1!D33=55.34'],
    ['fiscal.income.opening-balance', 'T4!B32=21.63'],
    ['gb.opening-balance', 'T4!B33=21.63'],
    ['gb.closing-balance', 'T4!E32=21.63'],
    ['gb.expenditure.total', 'T5!C24=2,940.05'],
    ['income.other', 'T1!B12=6.20'],
    ['basic.personnel.total', 'T6!C42=2,152.26'],
    ['three-public.budget.total', 'T7!A7=0.95'],
    ['three-public.actual.total', 'T7!B7=∅'],
  ],
  'sh-guihuaziyuanju-2024': [
    ['expenditure.total', 'T1!D29=9,759.38'],
    ['gb.expenditure.project', 'T5!E29=4,381.74'],
    ['basic.public.total', 'T6!F42=480.66'],
    ['three-public.actual.total', 'T7!B7=0.39'],
    ['three-public.actual.reception', 'T7!L7=0.39'],
  ],
  'sh-shangwuwei-2025': [
    ['income.grand-total', 'T1!B18=371,514,655.00'],
    ['fiscal.income.total', 'T1!B5=371,514,655.00'],
    ['gb.item.2011301.total', 'T5!C7=9,389,913.00'],
    ['basic.public.total', 'T8!E35=1,710,062.00'],
    ['three-public.budget.reception', 'T9!C6=1.00'],
    ['organ-running', 'T9!G6=171.01'],
  ],
  'sh-sifaju-2026': [
    ['gb.item.2040601.total', 'T5!C7=14,348,853.34'],
    ['gb.expenditure.basic', 'T5!D26=22,118,861'],
    ['basic.public.total', 'T8!E34=1,845,880.34'],
    ['three-public.budget.vehicle', 'T9!D6=9.98'],
    ['organ-running', 'T9!G6=184.59'],
  ],
};

describe('buildFacts on the fixture books', () => {
  for (const doc of DOCS) {
    it(`${doc}: preferred printings at the exact cell with the printed value`, async () => {
      const fb = await factsOf(doc);
      for (const [key, expected] of EXPECTED[doc]) expect([key, at(fb.byKey(key))]).toEqual([key, expected]);
    });
  }

  it('every printing of a figure is kept, the home table first (J1 and J2 both print 本年收入合计)', async () => {
    const fb = await factsOf('seed-001');
    expect(fb.all('income.total').map(at)).toEqual(['表1!C33=442.86', '表2!C7=442.86']);
    // J5 prints 442.85 where J4 栏3 prints 442.86: both printings are facts, J5 preferred
    expect(fb.all('gb.expenditure.total').map(at)).toEqual(['表5!C7=442.85', '表4!G34=442.86']);
    expect(fb.all('fiscal.income.general-budget').map((f) => f.kind)).toEqual([
      'juesuan.fiscal-summary',
      'juesuan.income-expenditure-summary',
    ]);
    expect(fb.all('no.such.key')).toEqual([]);
    expect(fb.byKey('no.such.key')).toBeUndefined();
  });

  it('facts carry kind, table, scope, period, unit and code', async () => {
    const fb = await factsOf('seed-001');
    const f = fb.byKey('gb.class.210.total')!;
    expect(f).toMatchObject({ kind: 'juesuan.general-budget-expenditure', table: 'juesuan.general-budget-expenditure', scope: 'general-budget', period: 'current', unit: '万元', code: '210' });
    expect(f.value.value?.toString()).toBe('398.4');
    expect(f.value.decimals).toBe(2);
    expect(f.labels).toEqual(expect.arrayContaining(['卫生健康支出', '卫生健康支出（类）', '卫生健康（类）支出']));
    expect(fb.byKey('expenditure.basic')!.scope).toBe('all');
    expect(fb.byKey('gb.expenditure.basic')!.scope).toBe('general-budget');
    expect(fb.byKey('fiscal.expenditure.total')!.scope).toBe('fiscal');
    const item = fb.byKey('gb.item.2101101.total')!;
    expect(item.labels).toEqual(
      expect.arrayContaining(['卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）', '卫生健康支出-行政事业单位医疗-行政单位医疗']),
    );
  });

  it('三公: budget columns of a 决算 table carry their period; scope follows the title', async () => {
    const wuhan = await factsOf('seed-000'); // 一般公共预算财政拨款“三公”经费支出决算表
    expect(wuhan.byKey('three-public.budget.total')).toMatchObject({ period: 'budget', scope: 'general-budget' });
    expect(wuhan.byKey('three-public.actual.total')).toMatchObject({ period: 'current', scope: 'general-budget' });
    const jiangxi = await factsOf('seed-002'); // 财政拨款“三公”经费支出决算表, vertical
    expect(jiangxi.byKey('three-public.initial-budget.total')).toMatchObject({ period: 'initial-budget', scope: 'fiscal' });
    expect(jiangxi.byKey('three-public.count.abroad-groups')).toMatchObject({ unit: '个', period: 'current' });
    expect(jiangxi.byKey('three-public.count.reception-persons')?.unit).toBe('人');
    expect(jiangxi.byKey('three-public.count.reception-persons')?.valueWan).toBeUndefined();
    // count rows print “—” in the budget columns: no budget count facts
    expect(jiangxi.facts.filter((f) => f.key.startsWith('three-public.count.') && f.period !== 'current')).toEqual([]);
  });

  it('Shanghai 元 tables expose the value in 万元 exactly; the 万元 三公 table is unchanged', async () => {
    const fb = await factsOf('sh-shangwuwei-2025');
    const f = fb.byKey('gb.item.2011301.total')!;
    expect(f.unit).toBe('元');
    expect(f.valueWan!.value.toString()).toBe('938.9913');
    expect(f.valueWan!.decimals).toBe(6);
    const w = wanAmount(f)!;
    expect([w.kind, w.value!.toString(), w.decimals]).toEqual(['number', '938.9913', 6]);
    const organ = fb.byKey('organ-running')!;
    expect([organ.unit, organ.valueWan!.value.toString(), organ.valueWan!.decimals]).toEqual(['万元', '171.01', 2]);
    const blank = fb.byKey('fiscal.income.gov-fund')!;
    expect(blank.value.kind).toBe('blank');
    expect(blank.valueWan).toBeUndefined();
    expect(wanAmount(blank)?.kind).toBe('blank');
    const sifaju = await factsOf('sh-sifaju-2026');
    // printed without decimals (“22,118,861”): known to the yuan, i.e. to 4 decimals of 万元
    expect(sifaju.byKey('gb.expenditure.basic')!.valueWan!.decimals).toBe(4);
  });

  it('an empty table is all zeros: its statement cell becomes a blank fact', async () => {
    const fb = await factsOf('seed-000'); // 表9 合计 row prints “本单位无国有资本经营预算财政拨款支出”
    const f = fb.byKey('state-capital.expenditure.total')!;
    expect(f.value.kind).toBe('blank');
    expect(f.value.raw).toContain('本单位无');
  });

  it('unit-coded budget tables give no function-subject facts (预算02/06表 rows are departments and units)', async () => {
    const fb = await factsOf('seed-003');
    expect(fb.facts.filter((f) => f.kind === 'yusuan.income' && f.code)).toEqual([]);
    expect(fb.facts.filter((f) => f.kind === 'yusuan.general-budget-by-unit' && f.code)).toEqual([]);
    expect(fb.all('gb.expenditure.total').map((f) => f.cell.sheet)).toEqual(['预算05表', '预算06表']);
  });

  for (const doc of DOCS) {
    it(`${doc}: every layout variant yields the same keys and values`, async () => {
      const sig = (fb: FactBase) =>
        fb.facts
          .map((f) => `${f.key}|${f.value.kind}|${f.value.value?.toString() ?? ''}|${f.value.decimals}|${f.scope}|${f.period}`)
          .sort();
      const sheets = sig(await factsOf(doc, 'sheets'));
      expect(sheets.length).toBeGreaterThan(20);
      expect(sig(await factsOf(doc, 'split'))).toEqual(sheets);
      expect(sig(await factsOf(doc, 'stacked'))).toEqual(sheets);
    });
  }
});

describe('FactBase.lookup', () => {
  const first = (fb: FactBase, subject: string, hint?: Parameters<FactBase['lookup']>[1]) => {
    const f = fb.lookup(subject, hint)[0];
    return f ? `${f.key} ${at(f)}` : 'none';
  };

  it('the subjects of the brief return the right fact first (seed-001)', async () => {
    const fb = await factsOf('seed-001');
    expect(first(fb, '收、支总计')).toBe('income.grand-total 表1!C37=442.86');
    expect(first(fb, '一般公共预算财政拨款支出')).toBe('gb.expenditure.total 表5!C7=442.85');
    expect(first(fb, '社会保障和就业（类）支出')).toBe('gb.class.208.total 表5!C8=22.28');
    expect(first(fb, '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）')).toBe('gb.item.2101101.total 表5!C15=6.24');
  });

  it('synonyms, normalised forms and scope', async () => {
    const fb = await factsOf('seed-001');
    expect(first(fb, '收入支出总计')).toBe('income.grand-total 表1!C37=442.86');
    expect(first(fb, '收入合计')).toBe('income.total 表1!C33=442.86');
    expect(first(fb, ' 本年支出合计 ')).toBe('expenditure.total 表1!F33=442.86');
    expect(first(fb, '财政拨款收、支总计')).toBe('fiscal.income.grand-total 表4!C39=442.86');
    expect(first(fb, '财政拨款支出')).toBe('fiscal.expenditure.total 表4!F34=442.86');
    expect(first(fb, '人员经费')).toBe('basic.personnel.total 表6!C34=235.26');
    expect(first(fb, '公用经费')).toBe('basic.public.total 表6!I34=7.87');
    // normalised: half-width brackets, quotes, an ordinal, trailing punctuation
    expect(first(fb, '（一）卫生健康支出(类)：')).toBe('gb.class.210.total 表5!C13=398.40');
    expect(first(fb, '“一般公共预算财政拨款支出”')).toBe('gb.expenditure.total 表5!C7=442.85');
    // 基本支出: both scopes are candidates; the hint chooses
    const basic = fb.lookup('基本支出').slice(0, 2).map((f) => `${f.key}:${f.scope}`);
    expect(basic).toEqual(['expenditure.basic:all', 'gb.expenditure.basic:general-budget']);
    expect(first(fb, '基本支出', { scope: 'general-budget' })).toBe('gb.expenditure.basic 表5!D7=243.12');
    expect(first(fb, '卫生健康支出', { scope: 'all' })).toBe('class.210.total 表1!F15=398.40');
    expect(fb.lookup('不存在的科目')).toEqual([]);
    expect(fb.lookup('')).toEqual([]);
  });

  it('类-款-项 chains, codes printed with the level marker, stale class names', async () => {
    const sifaju = await factsOf('sh-sifaju-2026');
    expect(first(sifaju, '公共安全支出（204类）司法（06款）行政运行（01项）')).toBe('gb.item.2040601.total T5!C7=14,348,853.34');
    // the 2026 narrative still says 医疗卫生与计划生育支出 for 类 210
    expect(first(sifaju, '医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）')).toBe(
      'gb.item.2101101.total T5!C21=982,692.00',
    );
    const shangwu = await factsOf('sh-shangwuwei-2025');
    expect(first(shangwu, '“卫生健康支出（类）行政事业单位医疗（款)事业单位医疗（项）”')).toBe('gb.item.2101102.total T5!C24=249,862.00');
    expect(first(shangwu, '卫生健康支出-行政事业单位医疗-事业单位医疗')).toBe('gb.item.2101102.total T5!C24=249,862.00');
    expect(first(shangwu, '一般公共服务支出（类）商贸事务（款）行政运行（项）')).toBe('gb.item.2011301.total T5!C7=9,389,913.00');
    // the same item name under another 款 resolves through its parents
    expect(first(shangwu, '社会保障和就业（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）')).toBe(
      'gb.item.2080599.total T5!C20=13,260.00',
    );
    // other measures of the row come after every total
    const keys = shangwu.lookup('一般公共服务支出（类）商贸事务（款）行政运行（项）').map((f) => f.key);
    expect(keys.indexOf('gb.item.2011301.basic')).toBeGreaterThan(keys.indexOf('item.2011301.total'));
  });

  it('budget documents: 预算 wording, 三公 and 机关运行经费, project names', async () => {
    const wuhan = await factsOf('seed-003');
    expect(first(wuhan, '收支总预算')).toBe('income.grand-total 预算01表!B33=1,109.38');
    expect(first(wuhan, '收入预算')).toBe('income.total 预算01表!B31=1,109.38');
    expect(first(wuhan, '一般公共预算拨款')).toBe('gb.expenditure.total 预算05表!C6=1,109.38');
    expect(first(wuhan, '党建、结对共建、文明创建')).toBe('projects.item.党建、结对共建、文明创建 预算11表!D10=3.60');
    const shanghai = await factsOf('sh-shangwuwei-2025');
    expect(first(shanghai, '收入预算')).toBe('income.grand-total T1!B18=371,514,655.00');
    expect(first(shanghai, '财政拨款支出预算')).toBe('fiscal.expenditure.grand-total T4!D18=371,514,655.00');
    expect(first(shanghai, '机关运行经费')).toBe('organ-running T9!G6=171.01');
    expect(first(shanghai, '“三公”经费')).toBe('three-public.budget.total T9!A6=1.00');
  });

  it('三公 in a 决算: actuals first, the period hint picks a budget column', async () => {
    const fb = await factsOf('seed-002');
    expect(first(fb, '公务接待费')).toBe('three-public.actual.reception 表9!E11=11.42');
    expect(first(fb, '公务接待费', { period: 'budget' })).toBe('three-public.full-year-budget.reception 表9!D11=13.83');
    expect(first(fb, '公务接待费', { period: 'initial-budget' })).toBe('three-public.initial-budget.reception 表9!C11=13.83');
    // 预算数 of the 三公 table is the 全年预算 (its note), the 年初预算 comes next
    expect(first(fb, '“三公”经费预算')).toBe('three-public.full-year-budget.total 表9!D6=13.83');
    expect(first(fb, '国内公务接待批次')).toBe('three-public.count.reception-batches 表9!E20=118');
    expect(first(fb, '公务用车购置及运行维护费')).toBe('three-public.actual.vehicle 表9!E8=0.00');
  });
});
