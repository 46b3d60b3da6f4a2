/**
 * 部门决算 sections (domain §6.1–6.4: N01–N23): which facts each sentence states and in which order; the words are
 * in ./wording.
 */
import type { TableKind } from '../../model/table';
import type { ChangeDirection, DraftContext, Money } from './context';
import { join, paragraph, tpl, type Slot } from './render';
import { chainLabel, classStem, deepestLines, economicLines, nonZeroByCode, printedName } from './subjects';
import type { DraftParagraph } from './types';
import type { JuesuanSectionId, JuesuanWording } from './wording';

export interface SectionDraft {
  paragraphs: DraftParagraph[];
  missing?: TableKind[];
}

type Drafter = (ctx: DraftContext, w: JuesuanWording) => SectionDraft;

const SUMMARY = ['income-expenditure-summary'];
const INCOME = ['income', 'income-expenditure-summary'];
const EXPENDITURE = ['expenditure', 'income-expenditure-summary'];
const FISCAL = ['fiscal-summary', 'income-expenditure-summary'];
const GB = ['general-budget-expenditure', 'fiscal-summary'];
const BASIC = ['basic-expenditure', 'general-budget-expenditure'];

const missing = (...kinds: TableKind[]): SectionDraft => ({ paragraphs: [], missing: kinds });

/** After a change: the reason placeholder, or only the full stop after 持平. */
function tail(ctx: DraftContext, w: { reasonTail: string; flatTail: string }, d: ChangeDirection): Slot {
  return d === 'flat' ? w.flatTail : tpl(w.reasonTail, { reason: ctx.placeholder('reason', '变动原因') });
}

const isZero = (m: Money | undefined): boolean => m === undefined || m.value.isZero();

/** `{share}` slot: the share clause, or nothing when the base is 0. */
function shareClause(ctx: DraftContext, template: string, part: Money, base: Money | undefined): Slot {
  const p = base ? ctx.share(part, base) : undefined;
  return p ? tpl(template, { p }) : '';
}

// ── N01 收入支出决算总体情况 ─────────────────────────────────────────────────────────────────────────────────────────

const overview: Drafter = (ctx, w) => {
  const a = ctx.money('income.grand-total', SUMMARY) ?? ctx.money('expenditure.grand-total', SUMMARY);
  if (!a) return missing('juesuan.income-expenditure-summary');
  const c = ctx.change(a, w.change.totals, { S: w.overviewSubject, each: '各', noun: '收支' });
  return {
    paragraphs: [
      paragraph(w.overview, { Y: ctx.Y, dept: ctx.dept, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w, c.direction) }),
    ],
  };
};

// ── N03 收入 / N05 支出 ───────────────────────────────────────────────────────────────────────────────────────────

/** J2 income columns: [key, label, always listed]. Lines with no money are not listed (“不涉及的不列”). */
const INCOME_LINES: Array<[string, string, boolean]> = [
  ['fiscal.income.total', '财政拨款收入', true],
  ['income.superior-subsidy', '上级补助收入', false],
  ['income.service', '事业收入', false],
  ['income.business', '经营收入', false],
  ['income.subordinate', '附属单位上缴收入', false],
  ['income.other', '其他收入', false],
];

const EXPENDITURE_LINES: Array<[string, string, boolean]> = [
  ['expenditure.basic', '基本支出', true],
  ['expenditure.project', '项目支出', true],
  ['expenditure.business', '经营支出', false],
  ['expenditure.remit-superior', '上缴上级支出', false],
  ['expenditure.subsidy-subordinate', '对附属单位补助支出', false],
];

function breakdown(
  ctx: DraftContext,
  total: Money,
  lines: Array<[string, string, boolean]>,
  prefer: readonly string[],
  lineTpl: string,
  shareTpl: string,
): Slot {
  const parts: Slot[] = [];
  for (const [key, label, always] of lines) {
    const m = ctx.money(key, prefer);
    if (!m || (!always && m.value.isZero())) continue;
    parts.push(tpl(lineTpl, { label, x: ctx.amount(m), share: shareClause(ctx, shareTpl, m, total) }));
  }
  return join(parts, '；');
}

const income: Drafter = (ctx, w) => {
  const a = ctx.money('income.total', INCOME);
  if (!a) return missing('juesuan.income');
  const lines = breakdown(ctx, a, INCOME_LINES, INCOME, w.incomeLine, w.incomeShare);
  return { paragraphs: [paragraph(w.income, { Y: ctx.Y, A: ctx.amount(a), lines })] };
};

const expenditure: Drafter = (ctx, w) => {
  const a = ctx.money('expenditure.total', EXPENDITURE);
  if (!a) return missing('juesuan.expenditure');
  const lines = breakdown(ctx, a, EXPENDITURE_LINES, EXPENDITURE, w.expenditureLine, w.expenditureShare);
  return { paragraphs: [paragraph(w.expenditure, { Y: ctx.Y, A: ctx.amount(a), lines })] };
};

// ── N06 / N07 财政拨款收入支出 ──────────────────────────────────────────────────────────────────────────────────────

const FUND_INCOME: Array<[string, string, boolean]> = [
  ['fiscal.income.general-budget', '一般公共预算财政拨款收入', true],
  ['fiscal.income.gov-fund', '政府性基金预算财政拨款收入', false],
  ['fiscal.income.state-capital', '国有资本经营预算财政拨款收入', false],
];

const fiscal: Drafter = (ctx, w) => {
  const a = ctx.money('fiscal.income.grand-total', FISCAL) ?? ctx.money('fiscal.expenditure.grand-total', FISCAL);
  if (!a) return missing('juesuan.fiscal-summary');
  const c = ctx.change(a, w.change.totals, { S: w.fiscalSubject, each: '各', noun: '收支' });
  const paragraphs = [
    paragraph(w.fiscal, { Y: ctx.Y, dept: ctx.dept, A: ctx.amount(a), change: c.slot, tail: tail(ctx, w, c.direction) }),
  ];
  const lines: Slot[] = [];
  for (const [key, label, always] of FUND_INCOME) {
    const m = ctx.money(key, ['fiscal-summary', 'income-expenditure-summary', 'income']);
    if (!m) continue;
    const prior = ctx.priorMoney(m.fact);
    if (!always && m.value.isZero() && (!prior || prior.value.isZero())) continue;
    const fc = ctx.change(m, w.change.vsActual, { noun: '收入' });
    lines.push(tpl(w.fundLine, { label, x: ctx.amount(m), change: fc.slot, tail: tail(ctx, w, fc.direction) }));
  }
  if (lines.length > 0) paragraphs.push(paragraph(w.fiscalFunds, { Y: ctx.Y, lines }));
  return { paragraphs };
};

// ── N08–N11 一般公共预算财政拨款支出 ────────────────────────────────────────────────────────────────────────────────

const gbTotal = (ctx: DraftContext) => ctx.money('gb.expenditure.total', GB);

const gbOverview: Drafter = (ctx, w) => {
  const a = gbTotal(ctx);
  if (!a) return missing('juesuan.general-budget-expenditure');
  const base = ctx.money('expenditure.total', SUMMARY.concat(EXPENDITURE));
  const c = ctx.change(a, w.change.totals, { S: w.gbSubject, noun: '支出' });
  return {
    paragraphs: [
      paragraph(w.gbOverview, {
        Y: ctx.Y,
        A: ctx.amount(a),
        share: shareClause(ctx, w.gbOverviewShare, a, base),
        change: c.slot,
        tail: tail(ctx, w, c.direction),
      }),
    ],
  };
};

/** A 类 named in the template's wording: “社会保障和就业（类）支出” (national), “一般公共服务支出（类）” (Shanghai). */
function classLabel(w: JuesuanWording, m: Money): string {
  const name = printedName(m.fact);
  const stem = classStem(name);
  const template = stem === undefined && w.classLabel.includes('{stem}') ? w.classLabelPlain : w.classLabel;
  return template.replace('{stem}', stem ?? name).replace('{name}', name);
}

const gbStructure: Drafter = (ctx, w) => {
  const a = gbTotal(ctx);
  if (!a) return missing('juesuan.general-budget-expenditure');
  const classes = nonZeroByCode(ctx.keys(/^gb\.class\.\d{3}\.total$/, GB));
  if (w.gbStructureLayout === 'inline') {
    const lines = join(
      classes.map((m) =>
        tpl(w.gbStructureInlineLine, { label: classLabel(w, m), x: ctx.amount(m), share: shareClause(ctx, w.classShare, m, a) }),
      ),
      '；',
    );
    return { paragraphs: [paragraph(w.gbStructureInline, { Y: ctx.Y, A: ctx.amount(a), lines })] };
  }
  const paragraphs = [paragraph(w.gbStructureHead, { Y: ctx.Y, A: ctx.amount(a) })];
  classes.forEach((m, i) => {
    paragraphs.push(
      paragraph(w.gbStructureLine, {
        n: String(i + 1),
        label: classLabel(w, m),
        x: ctx.amount(m),
        share: shareClause(ctx, w.classShare, m, a),
        use: ctx.placeholder('other', '主要用途'),
      }),
    );
  });
  return { paragraphs };
};

const gbDetail: Drafter = (ctx, w) => {
  const a = gbTotal(ctx);
  if (!a) return missing('juesuan.general-budget-expenditure');
  const basic = ctx.money('gb.expenditure.basic', GB);
  const project = ctx.money('gb.expenditure.project', GB);
  // a 决算 workbook does not print 年初预算 (domain §6.2 N10/N11: “needs B (external budget)”)
  const budget = () => ctx.placeholder('budget', '年初预算数');
  const rate = () => ctx.placeholder('budget', '完成率');
  const cmp = () => tpl(w.budgetCmpUnknown, { reason: ctx.placeholder('reason', '变动原因') });
  const paragraphs = [
    paragraph(w.gbDetailHead, {
      Y: ctx.Y,
      B: budget(),
      A: ctx.amount(a),
      p: rate(),
      cmp: cmp(),
      X: basic ? ctx.amount(basic) : ctx.placeholder('other', '基本支出'),
      Z: project ? ctx.amount(project) : ctx.placeholder('other', '项目支出'),
    }),
  ];
  deepestLines(ctx, 'gb.', GB).forEach((m, i) => {
    paragraphs.push(
      paragraph(w.gbDetailItem, {
        n: String(i + 1),
        label: chainLabel(m.fact),
        use: ctx.placeholder('other', '主要用途'),
        B: budget(),
        A: ctx.amount(m),
        p: rate(),
        cmp: cmp(),
      }),
    );
  });
  return { paragraphs };
};

// ── N14 基本支出 ────────────────────────────────────────────────────────────────────────────────────────────────

/** 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); 公用经费 = 商品和服务支出 (302) + 资本性支出 (310) … */
export const PERSONNEL_CLASSES = ['301', '303'];
export const PUBLIC_CLASSES = ['302', '307', '309', '310', '399'];

function nameList(lines: Money[]): string {
  return lines.map((m) => printedName(m.fact)).join('、');
}

const basic: Drafter = (ctx, w) => {
  const a = ctx.money('gb.expenditure.basic', GB) ?? ctx.money('gb.expenditure.basic', BASIC);
  const personnel = ctx.money('basic.personnel.total', BASIC);
  const pub = ctx.money('basic.public.total', BASIC);
  if (!a || !personnel || !pub) {
    const kinds: TableKind[] = [];
    if (!a) kinds.push('juesuan.general-budget-expenditure');
    if (!personnel || !pub) kinds.push('juesuan.basic-expenditure');
    return missing(...kinds);
  }
  const plist = nameList(economicLines(ctx, PERSONNEL_CLASSES));
  const clist = nameList(economicLines(ctx, PUBLIC_CLASSES));
  return {
    paragraphs: [
      paragraph(w.basic, {
        Y: ctx.Y,
        A: ctx.amount(a),
        B: ctx.amount(personnel),
        C: ctx.amount(pub),
        plist: plist ? tpl(w.basicList, { list: plist }) : '',
        clist: clist ? tpl(w.basicList, { list: clist }) : '',
      }),
    ],
  };
};

// ── N16 / N17 政府性基金、国有资本经营 ─────────────────────────────────────────────────────────────────────────────

interface FundSpec {
  table: 'gov-fund' | 'state-capital';
  kind: TableKind;
  prefix: string;
  income: string;
  empty: (w: JuesuanWording) => string;
  sentence: (w: JuesuanWording) => string;
}

function fundDrafter(spec: FundSpec): Drafter {
  return (ctx, w) => {
    const table = ctx.table(spec.table);
    const prefer = [spec.table, 'fiscal-summary'];
    const clauses: Array<[Money | undefined, string]> = [
      [ctx.money(`${spec.prefix}opening-balance`, prefer), w.fundOpening],
      [ctx.money(spec.income, prefer), w.fundIncome],
      [ctx.money(`${spec.prefix}expenditure.total`, prefer), w.fundExpenditure],
      [ctx.money(`${spec.prefix}closing-balance`, prefer), w.fundClosing],
    ];
    const known = clauses.filter(([m]) => m !== undefined) as Array<[Money, string]>;
    if (!table && known.length === 0) return missing(spec.kind);
    const lines = deepestLines(ctx, spec.prefix, prefer);
    if (table?.empty || (known.every(([m]) => m.value.isZero()) && lines.length === 0)) {
      return { paragraphs: [paragraph(spec.empty(w), { Y: ctx.Y, dept: ctx.dept })] };
    }
    const paragraphs = [
      paragraph(spec.sentence(w), {
        Y: ctx.Y,
        dept: ctx.dept,
        clauses: join(
          known.map(([m, t]) => tpl(t, { x: ctx.amount(m) })),
          '，',
        ),
      }),
    ];
    if (lines.length > 0) {
      paragraphs.push(paragraph(w.fundDetailHead));
      lines.forEach((m, i) => {
        paragraphs.push(
          paragraph(w.fundItem, {
            n: String(i + 1),
            label: chainLabel(m.fact),
            x: ctx.amount(m),
            use: ctx.placeholder('other', '主要用途'),
          }),
        );
      });
    }
    return { paragraphs };
  };
}

const govFund = fundDrafter({
  table: 'gov-fund',
  kind: 'juesuan.gov-fund',
  prefix: 'gov-fund.',
  income: 'fiscal.income.gov-fund',
  empty: (w) => w.govFundEmpty,
  sentence: (w) => w.govFund,
});

const stateCapital = fundDrafter({
  table: 'state-capital',
  kind: 'juesuan.state-capital',
  prefix: 'state-capital.',
  income: 'fiscal.income.state-capital',
  empty: (w) => w.stateCapitalEmpty,
  sentence: (w) => w.stateCapital,
});

// ── N18–N22 “三公”经费 ──────────────────────────────────────────────────────────────────────────────────────────

type Item = 'abroad' | 'vehicle' | 'reception';
const ITEMS: Item[] = ['abroad', 'vehicle', 'reception'];
const BASES = ['full-year-budget', 'budget', 'initial-budget'] as const;
const TP = ['three-public'];

function threePublic(ctx: DraftContext, w: JuesuanWording): SectionDraft {
  const table = ctx.table('three-public');
  const actual = (item: string) => ctx.money(`three-public.actual.${item}`, TP);
  const basisKey = BASES.find((b) => ctx.fact(`three-public.${b}.total`, TP));
  const budget = (item: string) => (basisKey ? ctx.money(`three-public.${basisKey}.${item}`, TP) : undefined);
  const A = actual('total');
  const B = budget('total');
  if (!A && !B) {
    if (!table) return missing('juesuan.three-public');
    // an empty table (本表无数据): nothing was spent
    return { paragraphs: [paragraph(w.tpEmpty, { Y: ctx.Y, dept: ctx.dept })] };
  }
  const basis = basisKey ? w.tpBasis[basisKey] : w.tpBasis.budget;
  const budgetSlot = (m: Money | undefined): Slot => (m ? ctx.amount(m) : ctx.placeholder('budget', `“三公”经费${basis}数`));
  const actualSlot = (m: Money | undefined): Slot => (m ? ctx.amount(m) : ctx.placeholder('other', '“三公”经费决算数'));
  const completion = (a: Money | undefined, b: Money | undefined): Slot => {
    if (!b) return tpl(w.tpCompletion, { basis, p: ctx.placeholder('budget', '完成率') });
    if (!a) return '';
    const p = ctx.completion(a, b);
    return p ? tpl(w.tpCompletion, { basis, p }) : tpl(w.tpNoBudget, { basis });
  };
  const cmp = (a: Money | undefined, b: Money | undefined): Slot => {
    if (!a || !b) return '';
    const reason = ctx.placeholder('reason', '变动原因');
    const c = a.value.comparedTo(b.value);
    return c > 0 ? tpl(w.tpMore, { Y: ctx.Y, reason }) : c < 0 ? tpl(w.tpLess, { Y: ctx.Y, reason }) : tpl(w.tpEqual, { Y: ctx.Y });
  };
  const details = (item: Item): Slot => {
    const count = (key: string, label: string): Slot => {
      const f = ctx.fact(`three-public.count.${key}`, TP);
      return (f && ctx.count(f)) ?? ctx.placeholder('other', label);
    };
    if (item === 'abroad') {
      return tpl(w.tpAbroad, { g: count('abroad-groups', '因公出国（境）团组数'), m: count('abroad-persons', '因公出国（境）人次') });
    }
    if (item === 'vehicle') {
      const purchase = actual('vehicle.purchase');
      const running = actual('vehicle.running');
      return tpl(w.tpVehicle, {
        Y: ctx.Y,
        x: purchase ? ctx.amount(purchase) : ctx.placeholder('other', '公务用车购置费'),
        n: count('vehicle-purchases', '公务用车购置数'),
        y: running ? ctx.amount(running) : ctx.placeholder('other', '公务用车运行维护费'),
        m: count('vehicle-holdings', '公务用车保有量'),
      });
    }
    const out: Slot[] = [tpl(w.tpReception, { n: count('reception-batches', '国内公务接待批次'), m: count('reception-persons', '国内公务接待人次') })];
    const fa = actual('reception.foreign-affairs');
    const fb = ctx.fact('three-public.count.reception-batches.foreign-affairs', TP);
    if (fa || fb) {
      out.push(
        tpl(w.tpReceptionForeign, {
          n: count('reception-batches.foreign-affairs', '外事接待批次'),
          m: count('reception-persons.foreign-affairs', '外事接待人次'),
        }),
      );
    }
    return out;
  };
  const total = A && !A.value.isZero() ? A : undefined;
  const itemParagraphs = (): DraftParagraph[] =>
    ITEMS.map((item, i) => {
      const a = actual(item);
      const b = budget(item);
      const name = w.tpItems[item];
      if (isZero(a) && isZero(b) && (a || b)) {
        return paragraph(w.tpItemZero, { n: String(i + 1), Y: ctx.Y, dept: ctx.dept, item: name });
      }
      const c = ctx.change(a, w.change.vsYear, { noun: '支出' });
      const s = a && total ? ctx.share(a, total) : undefined;
      return paragraph(w.tpItem, {
        n: String(i + 1),
        item: name,
        basis,
        b: budgetSlot(b),
        a: actualSlot(a),
        completion: completion(a, b),
        share: s ? tpl(w.tpItemShare, { s }) : '',
        change: c.slot,
        cmp: cmp(a, b),
        details: a && !a.value.isZero() ? details(item) : '',
      });
    });

  const paragraphs: DraftParagraph[] = [];
  const nothing = isZero(A) && isZero(B);
  if (w.tpLayout === 'items') {
    // national: N18 overall, then N19–N22 item by item
    if (nothing) {
      paragraphs.push(paragraph(w.tpEmpty, { Y: ctx.Y, dept: ctx.dept }));
      const c = ctx.change(A, w.change.vsYear, { noun: '支出' });
      if (ctx.prior && c.direction !== 'flat') paragraphs.push(paragraph(w.tpEmptyChange, { change: c.slot }));
    } else {
      const c = ctx.change(A, w.change.vsYear, { noun: '支出' });
      paragraphs.push(
        paragraph(w.tpOverall, {
          Y: ctx.Y,
          basis,
          B: budgetSlot(B),
          A: actualSlot(A),
          completion: completion(A, B),
          change: c.slot,
          cmp: cmp(A, B),
          changeReason: c.direction === 'flat' ? '' : tpl(w.tpChangeReason, { reason: ctx.placeholder('reason', '变动原因') }),
        }),
      );
    }
    paragraphs.push(...itemParagraphs());
    return { paragraphs };
  }
  // Shanghai: the summary with each item's completion, the change against last year, then the details
  if (nothing) {
    paragraphs.push(paragraph(w.tpEmpty, { Y: ctx.Y, dept: ctx.dept }));
    return { paragraphs };
  }
  paragraphs.push(
    paragraph(w.tpSummary, {
      basis,
      B: budgetSlot(B),
      A: actualSlot(A),
      completion: completion(A, B),
      items: join(
        ITEMS.map((item) =>
          tpl(w.tpSummaryItem, {
            item: w.tpItems[item],
            verb: w.tpSummaryVerbs[item],
            a: actualSlot(actual(item)),
            completion: completion(actual(item), budget(item)),
          }),
        ),
        '；',
      ),
      cmp: cmp(A, B),
    }),
  );
  const c = ctx.change(A, w.change.vsYear, { noun: '支出' });
  paragraphs.push(
    paragraph(w.tpYearChange, {
      Y: ctx.Y,
      change: c.slot,
      items: join(
        ITEMS.map((item) => tpl(w.tpYearChangeItem, { item: w.tpItems[item], change: ctx.change(actual(item), w.change.vsYear).slot })),
        '；',
      ),
      tail: c.direction === 'flat' ? '' : tpl(w.tpChangeReason, { reason: ctx.placeholder('reason', '变动原因') }),
    }),
  );
  if (isZero(A)) paragraphs.push(paragraph(w.tpEmpty, { Y: ctx.Y, dept: ctx.dept }));
  else paragraphs.push(...itemParagraphs());
  return { paragraphs };
}

// ── N23 机关运行经费 ────────────────────────────────────────────────────────────────────────────────────────────

const organRunning: Drafter = (ctx, w) => {
  // 机关运行经费 is not a column of the 决算 tables (it is at most the 公用经费 of 行政单位): stated only when printed
  const a = ctx.money('organ-running', TP);
  const c = ctx.change(a, w.change.vsYear, { noun: '支出' });
  return {
    paragraphs: [
      paragraph(w.organRunning, {
        Y: ctx.Y,
        dept: ctx.dept,
        A: a ? ctx.amount(a) : ctx.placeholder('other', '机关运行经费支出数'),
        change: c.slot,
        tail: tail(ctx, w, c.direction),
      }),
    ],
  };
};

export const JUESUAN_DRAFTERS: Record<JuesuanSectionId, Drafter> = {
  'juesuan.overview': overview,
  'juesuan.income': income,
  'juesuan.expenditure': expenditure,
  'juesuan.fiscal': fiscal,
  'juesuan.general-budget.overview': gbOverview,
  'juesuan.general-budget.structure': gbStructure,
  'juesuan.general-budget.detail': gbDetail,
  'juesuan.basic': basic,
  'juesuan.gov-fund': govFund,
  'juesuan.state-capital': stateCapital,
  'juesuan.three-public': threePublic,
  'juesuan.organ-running': organRunning,
};
