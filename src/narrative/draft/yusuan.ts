/**
 * 部门预算 sections (domain §6.6: N37–N46): which facts each sentence states and in which order; the words are in
 * ./wording. Changes are against last year's budget (the prior workbook is last year's 预算).
 */
import type { TableKind } from '../../model/table';
import type { ChangeDirection, DraftContext, Money } from './context';
import type { SectionDraft } from './juesuan';
import { join, paragraph, tpl, type Slot } from './render';
import { chainLabel, chineseOrdinal, deepestLines, economicLines, nonZeroByCode, printedName } from './subjects';
import type { DraftParagraph } from './types';
import type { YusuanSectionId, YusuanWording } from './wording';

type Drafter = (ctx: DraftContext, w: YusuanWording) => SectionDraft;

const SUMMARY = ['income-expenditure-summary', 'income', 'fiscal-summary'];
const EXPENDITURE = ['expenditure', 'income-expenditure-summary'];
const FISCAL = ['fiscal-summary', 'income-expenditure-summary'];
const GB = ['general-budget-expenditure', 'fiscal-summary', 'general-budget-by-unit'];
const BASIC = ['basic-expenditure', 'general-budget-expenditure'];
const TP = ['three-public'];

const missing = (...kinds: TableKind[]): SectionDraft => ({ paragraphs: [], missing: kinds });

function tail(ctx: DraftContext, template: string, w: YusuanWording, d: ChangeDirection): Slot {
  return d === 'flat' ? w.flatTail : tpl(template, { reason: ctx.placeholder('reason', '变动原因') });
}

function shareClause(ctx: DraftContext, w: YusuanWording, part: Money, base: Money | undefined): Slot {
  const p = base ? ctx.share(part, base) : undefined;
  return p ? tpl(w.share, { p }) : '';
}

/** The first of several keys that is printed. */
function first(ctx: DraftContext, keys: string[], prefer: readonly string[]): Money | undefined {
  for (const k of keys) {
    const m = ctx.money(k, prefer);
    if (m) return m;
  }
  return undefined;
}

/** Income lines of a budget: [key, label as the narrative says it]. */
const INCOME_LINES: Array<[string, string]> = [
  ['fiscal.income.general-budget', '一般公共预算拨款收入'],
  ['fiscal.income.gov-fund', '政府性基金预算拨款收入'],
  ['fiscal.income.state-capital', '国有资本经营预算拨款收入'],
  ['income.special-account', '财政专户管理资金收入'],
  ['income.service', '事业收入'],
  ['income.business', '事业单位经营收入'],
  ['income.other', '其他收入'],
];

/** Shanghai lists these even at 0 (“事业收入0万元；事业单位经营收入0万元；其他收入0万元”). */
const SHANGHAI_INCOME_LINES: Array<[string, string]> = [
  ['income.service', '事业收入'],
  ['income.business', '事业单位经营收入'],
  ['income.other', '其他收入'],
];

const EXPENDITURE_LINES: Array<[string, string, boolean]> = [
  ['expenditure.basic', '基本支出', true],
  ['expenditure.project', '项目支出', true],
  ['expenditure.business', '事业单位经营支出', false],
  ['expenditure.subsidy-subordinate', '对附属单位补助支出', false],
  ['expenditure.remit-superior', '上缴上级支出', false],
];

const incomeTotal = (ctx: DraftContext) => first(ctx, ['income.total', 'income.grand-total'], SUMMARY);

// ── N37 收支总体 ─────────────────────────────────────────────────────────────────────────────────────────────────

const overview: Drafter = (ctx, w) => {
  const a = ctx.money('income.grand-total', SUMMARY) ?? ctx.money('expenditure.grand-total', SUMMARY);
  if (!a) return missing('yusuan.income-expenditure-summary');
  const paragraphs: DraftParagraph[] = [];
  if (w.overviewScope) {
    const incomes = INCOME_LINES.filter(([k]) => {
      const m = ctx.money(k, SUMMARY);
      return m && !m.value.isZero();
    }).map(([, label]) => label.replace('拨款收入', '财政拨款收入'));
    const expenditures = EXPENDITURE_LINES.filter(([k, , always]) => {
      const m = ctx.money(k, EXPENDITURE);
      return m && (always || !m.value.isZero());
    }).map(([, label]) => label);
    if (incomes.length > 0 && expenditures.length > 0) {
      paragraphs.push(paragraph(w.overviewScope, { incomes: incomes.join('、'), expenditures: expenditures.join('、') }));
    }
  }
  const c = ctx.change(a, w.change.vsBudget, { noun: '预算' });
  paragraphs.push(
    paragraph(w.overview, { Y: ctx.Y, dept: ctx.dept, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w.reasonTail, w, c.direction) }),
  );
  return { paragraphs };
};

// ── N38 收入 / N39 支出 ───────────────────────────────────────────────────────────────────────────────────────────

const income: Drafter = (ctx, w) => {
  const a = incomeTotal(ctx);
  if (!a) return missing('yusuan.income-expenditure-summary');
  if (ctx.style.template === 'shanghai') {
    const lines: Slot[] = [];
    const fiscalIncome = ctx.money('fiscal.income.total', SUMMARY);
    if (fiscalIncome) {
      const c = ctx.change(fiscalIncome, w.change.vsBudget, { noun: '收入' });
      lines.push(tpl(w.incomeChangeLine, { label: '财政拨款收入', x: ctx.amount(fiscalIncome), change: c.slot }));
    }
    for (const [key, label] of SHANGHAI_INCOME_LINES) {
      const m = ctx.money(key, SUMMARY);
      if (m) lines.push(tpl(w.incomeLine, { label, x: ctx.amount(m), share: '' }));
    }
    return { paragraphs: [paragraph(w.income, { Y: ctx.Y, dept: ctx.dept, A: ctx.amount(a), lines: join(lines, '；') })] };
  }
  const lines: Slot[] = [];
  for (const [key, label] of INCOME_LINES) {
    const m = ctx.money(key, SUMMARY);
    if (!m || m.value.isZero()) continue;
    lines.push(tpl(w.incomeLine, { label, x: ctx.amount(m), share: shareClause(ctx, w, m, a) }));
  }
  const c = ctx.change(a, w.change.vsBudget, { noun: '收入' });
  return {
    paragraphs: [paragraph(w.income, { Y: ctx.Y, dept: ctx.dept, A: ctx.amount(a), change: c.slot, lines: join(lines, '；') })],
  };
};

const expenditure: Drafter = (ctx, w) => {
  const a = first(ctx, ['expenditure.total', 'expenditure.grand-total'], EXPENDITURE);
  if (!a) return missing('yusuan.expenditure');
  if (ctx.style.template === 'shanghai') {
    const f = first(ctx, ['fiscal.expenditure.total', 'fiscal.expenditure.grand-total'], FISCAL);
    const lines: Slot[] = [];
    if (f) {
      const c = ctx.change(f, w.change.vsBudget, { noun: '支出' });
      lines.push(tpl(w.expenditureChangeLine, { label: '财政拨款支出预算', x: ctx.amount(f), change: c.slot }));
    }
    return { paragraphs: [paragraph(w.expenditure, { Y: ctx.Y, A: ctx.amount(a), lines: join(lines, '；') })] };
  }
  const lines: Slot[] = [];
  for (const [key, label, always] of EXPENDITURE_LINES) {
    const m = ctx.money(key, EXPENDITURE);
    if (!m || (!always && m.value.isZero())) continue;
    lines.push(tpl(w.expenditureLine, { label, x: ctx.amount(m), share: shareClause(ctx, w, m, a) }));
  }
  const c = ctx.change(a, w.change.vsBudget, { noun: '支出' });
  return { paragraphs: [paragraph(w.expenditure, { Y: ctx.Y, A: ctx.amount(a), change: c.slot, lines: join(lines, '；') })] };
};

// ── N40 / N39 财政拨款 ──────────────────────────────────────────────────────────────────────────────────────────

const FISCAL_INCOME: Array<[string, string]> = [
  ['fiscal.income.general-budget', '一般公共预算拨款本年收入'],
  ['fiscal.income.gov-fund', '政府性基金预算拨款收入'],
  ['fiscal.income.state-capital', '国有资本经营预算拨款收入'],
  ['fiscal.income.carry-over', '上年结转'],
];

/** Shanghai: 财政拨款支出预算 by fund, each with its change. */
const FUND_EXPENDITURE: Array<[string[], string]> = [
  [['gb.expenditure.total', 'gb.expenditure.grand-total'], '一般公共预算拨款支出预算'],
  [['gov-fund.expenditure.total', 'gov-fund.expenditure.grand-total'], '政府性基金拨款支出预算'],
  [['state-capital.expenditure.total', 'state-capital.expenditure.grand-total'], '国有资本经营预算拨款支出预算'],
];

const fiscal: Drafter = (ctx, w) => {
  if (ctx.style.template === 'shanghai') {
    const lines: Slot[] = [];
    for (const [keys, label] of FUND_EXPENDITURE) {
      const m = first(ctx, keys, ['fiscal-summary', 'general-budget-expenditure', 'gov-fund', 'state-capital']);
      if (!m) continue;
      const c = ctx.change(m, w.change.vsBudget, { noun: '支出' });
      lines.push(tpl(w.fiscalFundLine, { label, x: ctx.amount(m), change: c.slot }));
    }
    if (lines.length === 0) return missing('yusuan.fiscal-summary');
    const paragraphs = [paragraph(w.fiscalFunds, { lines: join(lines, '；') })];
    const total = first(ctx, ['fiscal.expenditure.total', 'fiscal.expenditure.grand-total'], FISCAL);
    const c = ctx.change(total, w.change.vsBudget);
    if (c.direction !== 'flat') {
      // without last year's budget the direction is unknown: a marked placeholder, never the template's “增加（减少）”
      const dir = c.direction === 'up' || c.direction === 'new' ? '增加' : c.direction === 'down' ? '减少' : ctx.placeholder('prior', '增加或减少');
      paragraphs.push(paragraph(w.fiscalReason, { dir, reason: ctx.placeholder('reason', '变动原因') }));
    }
    return { paragraphs };
  }
  const a = ctx.money('fiscal.income.grand-total', FISCAL) ?? ctx.money('fiscal.expenditure.grand-total', FISCAL);
  if (!a) return missing('yusuan.fiscal-summary');
  const incomes: Slot[] = [];
  for (const [key, label] of FISCAL_INCOME) {
    const m = ctx.money(key, FISCAL);
    if (m && !m.value.isZero()) incomes.push(tpl(w.fiscalLine, { label, x: ctx.amount(m) }));
  }
  const classes = nonZeroByCode(ctx.keys(/^fiscal\.class\.\d{3}\.total$/, FISCAL));
  const expenditures = classes.map((m) => tpl(w.fiscalLine, { label: printedName(m.fact), x: ctx.amount(m) }));
  return {
    paragraphs: [
      paragraph(w.fiscal, {
        Y: ctx.Y,
        A: ctx.amount(a),
        incomes: join(incomes, '；'),
        expenditures: join(expenditures, '；'),
      }),
    ],
  };
};

// ── 一般公共预算 ────────────────────────────────────────────────────────────────────────────────────────────────

const generalBudget: Drafter = (ctx, w) => {
  const a = first(ctx, ['gb.expenditure.total'], GB);
  if (!a) return missing('yusuan.general-budget-expenditure');
  if (ctx.style.template === 'shanghai') {
    const paragraphs = [paragraph(w.gbItemsHead)];
    deepestLines(ctx, 'gb.', GB).forEach((m, i) => {
      paragraphs.push(
        paragraph(w.gbItem, {
          n: String(i + 1),
          label: chainLabel(m.fact),
          x: ctx.amount(m),
          use: ctx.placeholder('other', '主要用途'),
        }),
      );
    });
    return { paragraphs };
  }
  const c = ctx.change(a, w.change.vsBudget, { noun: '预算' });
  const paragraphs = [
    paragraph(w.gbScaleHead),
    paragraph(w.gbScale, { Y: ctx.Y, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w.reasonTail, w, c.direction) }),
  ];
  const b = ctx.money('gb.expenditure.basic', GB);
  const d = ctx.money('gb.expenditure.project', GB);
  if (b && d) {
    const personnel = ctx.money('basic.personnel.total', BASIC);
    const pub = ctx.money('basic.public.total', BASIC);
    paragraphs.push(paragraph(w.gbStructureHead));
    paragraphs.push(
      paragraph(w.gbStructure, {
        B: ctx.amount(b),
        pshare: shareClause(ctx, w, b, a),
        split: personnel && pub ? tpl(w.gbStructureSplit, { x: ctx.amount(personnel), y: ctx.amount(pub) }) : '',
        D: ctx.amount(d),
        qshare: shareClause(ctx, w, d, a),
      }),
    );
  }
  const classes = nonZeroByCode(ctx.keys(/^gb\.class\.\d{3}\.total$/, GB));
  if (classes.length > 0) {
    paragraphs.push(paragraph(w.gbUseHead));
    classes.forEach((m, i) => {
      paragraphs.push(
        paragraph(w.gbUseLine, {
          n: String(i + 1),
          label: printedName(m.fact),
          x: ctx.amount(m),
          end: i === classes.length - 1 ? '。' : '；',
        }),
      );
    });
  }
  return { paragraphs };
};

// ── N41 基本支出 ────────────────────────────────────────────────────────────────────────────────────────────────

const basic: Drafter = (ctx, w) => {
  const a = ctx.money('gb.expenditure.basic', BASIC);
  const classes = nonZeroByCode(ctx.keys(/^basic\.economic\.\d{3}\.total$/, ['basic-expenditure']));
  if (!a || !ctx.table('basic-expenditure')) return missing('yusuan.basic-expenditure');
  const paragraphs = [paragraph(w.basicHead, { Y: ctx.Y, A: ctx.amount(a) })];
  classes.forEach((m, i) => {
    const code = m.fact.code ?? '';
    const list = economicLines(ctx, [code])
      .map((l) => printedName(l.fact))
      .join('、');
    paragraphs.push(
      paragraph(w.basicClass, {
        n: chineseOrdinal(i + 1),
        label: printedName(m.fact),
        x: ctx.amount(m),
        list: list ? tpl(w.basicList, { list }) : '',
      }),
    );
  });
  return { paragraphs };
};

// ── 政府性基金 / 国有资本经营 ────────────────────────────────────────────────────────────────────────────────────

function fundDrafter(table: 'gov-fund' | 'state-capital', kind: TableKind, prefix: string, pick: (w: YusuanWording) => [string, string]): Drafter {
  return (ctx, w) => {
    const [empty, sentence] = pick(w);
    const t = ctx.table(table);
    const prefer = [table, 'fiscal-summary'];
    const a = first(ctx, [`${prefix}expenditure.total`, `${prefix}expenditure.grand-total`], prefer);
    if (!t && !a) return missing(kind);
    const lines = deepestLines(ctx, prefix, prefer);
    if (t?.empty || !a || (a.value.isZero() && lines.length === 0)) {
      return { paragraphs: [paragraph(empty, { Y: ctx.Y, dept: ctx.dept })] };
    }
    const c = ctx.change(a, w.change.vsBudget, { noun: '预算' });
    const paragraphs = [paragraph(sentence, { Y: ctx.Y, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w.reasonTail, w, c.direction) })];
    if (lines.length > 0) {
      paragraphs.push(
        paragraph(w.fundUse, {
          lines: join(
            lines.map((m) => tpl(w.fundUseLine, { label: chainLabel(m.fact), x: ctx.amount(m) })),
            '；',
          ),
        }),
      );
    }
    return { paragraphs };
  };
}

const govFund = fundDrafter('gov-fund', 'yusuan.gov-fund', 'gov-fund.', (w) => [w.govFundEmpty, w.govFund]);
const stateCapital = fundDrafter('state-capital', 'yusuan.state-capital', 'state-capital.', (w) => [w.stateCapitalEmpty, w.stateCapital]);

// ── N42 项目支出 ────────────────────────────────────────────────────────────────────────────────────────────────

const PROJECT_SOURCES: Array<[string, string, boolean]> = [
  ['gb.expenditure.project', '一般公共预算本年拨款', true],
  ['gov-fund.expenditure.project', '政府性基金预算本年拨款', false],
  ['state-capital.expenditure.project', '国有资本经营预算本年拨款', false],
];

const projects: Drafter = (ctx, w) => {
  const a = ctx.money('expenditure.project', EXPENDITURE) ?? ctx.money('projects.total', ['project-expenditure']);
  if (!a) return missing('yusuan.expenditure');
  const sources: Slot[] = [];
  for (const [key, label, always] of PROJECT_SOURCES) {
    const m = ctx.money(key, GB.concat(['gov-fund', 'state-capital']));
    if (m && (always || !m.value.isZero())) sources.push(tpl(w.projectsSource, { label, x: ctx.amount(m) }));
  }
  const paragraphs: DraftParagraph[] = [];
  if (sources.length > 0) paragraphs.push(paragraph(w.projects, { Y: ctx.Y, A: ctx.amount(a), sources: join(sources, '，') }));
  else paragraphs.push(paragraph(w.projects, { Y: ctx.Y, A: ctx.amount(a), sources: ctx.placeholder('other', '资金来源') }));
  const items = ctx.keys(/^projects\.item\./, ['project-expenditure']);
  const withMoney = items.map((f) => ctx.money(f.key, ['project-expenditure'])).filter((m): m is Money => m !== undefined && !m.value.isZero());
  if (withMoney.length > 0) {
    paragraphs.push(paragraph(w.projectsHead));
    withMoney.forEach((m, i) => {
      paragraphs.push(
        paragraph(w.projectItem, { n: String(i + 1), label: printedName(m.fact), x: ctx.amount(m), use: ctx.placeholder('other', '主要用途') }),
      );
    });
  }
  const missingKinds: TableKind[] = ctx.table('project-expenditure') ? [] : ['yusuan.project-expenditure'];
  return missingKinds.length > 0 && withMoney.length === 0 ? { paragraphs, missing: missingKinds } : { paragraphs };
};

// ── N46 “三公”经费 ──────────────────────────────────────────────────────────────────────────────────────────────

const threePublic: Drafter = (ctx, w) => {
  const t = ctx.table('three-public');
  const m = (item: string) => ctx.money(`three-public.budget.${item}`, TP);
  const total = m('total');
  if (!total) {
    if (!t) return missing('yusuan.three-public');
    return { paragraphs: [paragraph(w.tpEmpty, { Y: ctx.Y, dept: ctx.dept })] };
  }
  const amountOr = (x: Money | undefined, label: string): Slot => (x ? ctx.amount(x) : ctx.placeholder('other', label));
  const changeOf = (x: Money | undefined) => ctx.change(x, w.change.vsBudget, { noun: '预算' });
  const c = changeOf(total);
  const abroad = m('abroad');
  const vehicle = m('vehicle');
  const reception = m('reception');
  const ca = changeOf(abroad);
  const cv = changeOf(vehicle);
  const cr = changeOf(reception);
  return {
    paragraphs: [
      paragraph(w.tpOverall, { Y: ctx.Y, A: ctx.amount(total), change: c.slot, tail: tail(ctx, w.reasonTail, w, c.direction) }),
      paragraph(w.tpAbroad, { x: amountOr(abroad, '因公出国（境）费'), change: ca.slot, tail: tail(ctx, w.reasonTail, w, ca.direction) }),
      paragraph(w.tpVehicle, {
        x: amountOr(vehicle, '公务用车购置及运行维护费'),
        change: cv.slot,
        y: amountOr(m('vehicle.purchase'), '公务用车购置费'),
        z: amountOr(m('vehicle.running'), '公务用车运行维护费'),
      }),
      paragraph(w.tpReception, { x: amountOr(reception, '公务接待费'), change: cr.slot, tail: tail(ctx, w.reasonTail, w, cr.direction) }),
    ],
  };
};

// ── N43 机关运行经费 / N44 政府采购 / N45 政府购买服务 ──────────────────────────────────────────────────────────────

const organRunning: Drafter = (ctx, w) => {
  const a = ctx.money('organ-running', TP);
  const c = ctx.change(a, w.change.vsBudget, { noun: '预算' });
  return {
    paragraphs: [
      paragraph(w.organRunning, {
        Y: ctx.Y,
        dept: ctx.dept,
        A: a ? ctx.amount(a) : ctx.placeholder('other', '机关运行经费预算数'),
        change: c.slot,
        tail: tail(ctx, w.reasonTail, w, c.direction),
      }),
    ],
  };
};

const procurement: Drafter = (ctx, w) => {
  const a = ctx.money('procurement.total', ['procurement']);
  if (!a) return missing('yusuan.procurement');
  const c = ctx.change(a, w.change.vsBudget, { noun: '预算' });
  const paragraphs = [paragraph(w.procurement, { Y: ctx.Y, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w.reasonTail, w, c.direction) })];
  const sme = ctx.money('procurement.sme', ['procurement']);
  const micro = ctx.money('procurement.micro', ['procurement']);
  if (sme) {
    paragraphs.push(
      paragraph(w.procurementSme, { a: ctx.amount(sme), micro: micro ? tpl(w.procurementMicro, { b: ctx.amount(micro) }) : '' }),
    );
  }
  return { paragraphs };
};

const purchaseServices: Drafter = (ctx, w) => {
  const a = ctx.money('purchase-services.total', ['purchase-services']);
  if (!a) return missing('yusuan.purchase-services');
  return {
    paragraphs: [paragraph(w.purchaseServices, { Y: ctx.Y, A: ctx.amount(a), content: ctx.placeholder('other', '购买服务内容') })],
  };
};

export const YUSUAN_DRAFTERS: Record<YusuanSectionId, Drafter> = {
  'yusuan.overview': overview,
  'yusuan.income': income,
  'yusuan.expenditure': expenditure,
  'yusuan.fiscal': fiscal,
  'yusuan.general-budget': generalBudget,
  'yusuan.basic': basic,
  'yusuan.gov-fund': govFund,
  'yusuan.state-capital': stateCapital,
  'yusuan.projects': projects,
  'yusuan.three-public': threePublic,
  'yusuan.organ-running': organRunning,
  'yusuan.procurement': procurement,
  'yusuan.purchase-services': purchaseServices,
};
