/**
 * The sentence templates, as data (domain §6: N01–N23 决算, N37–N46 预算), in two wording families: the national
 * template (财政部 部门决算/部门预算 公开模板, as the Wuhan, Hubei and Jiangxi documents word it) and Shanghai's.
 *
 * Slots are `{name}`; the drafters (./juesuan, ./yusuan) fill them. Common slots: {Y} report year, {PY} prior year,
 * {dept} department, {A} {B} … amounts (万元 follows in the template), {p} shares and rates (% follows), {n} ordinals,
 * {label} a subject as the tables word it, {lines} a list built from a line template, {change} a change clause (one of
 * a ChangeWording's five forms), {tail} what follows a change (a reason placeholder, or just the full stop after 持平),
 * {reason} / {use} / {budget} placeholders.
 */

/**
 * One change clause in its five forms. Slots: {PY}, {S} subject, {each} “各” (收、支总计各增加…), {delta} |Δ| in 万元,
 * {pct} |Δ| / prior in %, {noun} 支出/收入/收支/预算 (上年无此项…), {prior} the prior-figure placeholder.
 */
export interface ChangeWording {
  up: string;
  down: string;
  flat: string;
  /** prior value 0: growth from zero is undefined (domain §5.6), so no percentage */
  fromZero: string;
  /** no prior figure to compare with */
  missing: string;
}

export const JUESUAN_SECTIONS = [
  'juesuan.overview',
  'juesuan.income',
  'juesuan.expenditure',
  'juesuan.fiscal',
  'juesuan.general-budget.overview',
  'juesuan.general-budget.structure',
  'juesuan.general-budget.detail',
  'juesuan.basic',
  'juesuan.gov-fund',
  'juesuan.state-capital',
  'juesuan.three-public',
  'juesuan.organ-running',
] as const;
export type JuesuanSectionId = (typeof JUESUAN_SECTIONS)[number];

export const YUSUAN_SECTIONS = [
  'yusuan.overview',
  'yusuan.income',
  'yusuan.expenditure',
  'yusuan.fiscal',
  'yusuan.general-budget',
  'yusuan.basic',
  'yusuan.gov-fund',
  'yusuan.state-capital',
  'yusuan.projects',
  'yusuan.three-public',
  'yusuan.organ-running',
  'yusuan.procurement',
  'yusuan.purchase-services',
] as const;
export type YusuanSectionId = (typeof YUSUAN_SECTIONS)[number];

export type SectionId = JuesuanSectionId | YusuanSectionId;

// ── 决算 ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const JUESUAN_NATIONAL = {
  order: [...JUESUAN_SECTIONS] as JuesuanSectionId[],
  titles: {
    'juesuan.overview': '收入支出决算总体情况说明',
    'juesuan.income': '收入决算情况说明',
    'juesuan.expenditure': '支出决算情况说明',
    'juesuan.fiscal': '财政拨款收入支出决算总体情况说明',
    'juesuan.general-budget.overview': '一般公共预算财政拨款支出决算总体情况',
    'juesuan.general-budget.structure': '一般公共预算财政拨款支出决算结构情况',
    'juesuan.general-budget.detail': '一般公共预算财政拨款支出决算具体情况',
    'juesuan.basic': '一般公共预算财政拨款基本支出决算情况说明',
    'juesuan.gov-fund': '政府性基金预算财政拨款收入支出决算情况说明',
    'juesuan.state-capital': '国有资本经营预算财政拨款支出决算情况说明',
    'juesuan.three-public': '财政拨款“三公”经费支出决算情况说明',
    'juesuan.organ-running': '机关运行经费支出情况',
  } satisfies Record<JuesuanSectionId, string>,
  change: {
    /** N01, N06, N08: “与2022年度相比，收、支总计各减少…” */
    totals: {
      up: '与{PY}年度相比，{S}{each}增加{delta}万元，增长{pct}%',
      down: '与{PY}年度相比，{S}{each}减少{delta}万元，下降{pct}%',
      flat: '与{PY}年度相比，{S}持平',
      fromZero: '与{PY}年度相比，{S}{each}增加{delta}万元，上年无此项{noun}',
      missing: '与{PY}年度相比，{S}{prior}',
    },
    /** N07: “一般公共预算财政拨款收入 A 万元，比2021年度决算数减少…” */
    vsActual: {
      up: '比{PY}年度决算数增加{delta}万元，增长{pct}%',
      down: '比{PY}年度决算数减少{delta}万元，下降{pct}%',
      flat: '与{PY}年度决算数持平',
      fromZero: '比{PY}年度决算数增加{delta}万元，上年无此项{noun}',
      missing: '比{PY}年度决算数{prior}',
    },
    /** N18, N23: “较上年减少…”, “比2022年度减少…” */
    vsYear: {
      up: '比{PY}年度增加{delta}万元，增长{pct}%',
      down: '比{PY}年度减少{delta}万元，下降{pct}%',
      flat: '与{PY}年度持平',
      fromZero: '比{PY}年度增加{delta}万元，上年无此项{noun}',
      missing: '比{PY}年度{prior}',
    },
  },
  /** after a change that is not 持平 */
  reasonTail: '，主要原因是{reason}。',
  flatTail: '。',
  // N01
  overview: '{Y}年度收、支总计{A}万元。{change}{tail}',
  overviewSubject: '收、支总计',
  // N03
  income: '{Y}年度收入合计{A}万元。其中：{lines}。',
  incomeLine: '{label}{x}万元{share}',
  incomeShare: '，占本年收入{p}%',
  // N05
  expenditure: '{Y}年度支出合计{A}万元。其中：{lines}。',
  expenditureLine: '{label}{x}万元{share}',
  expenditureShare: '，占本年支出{p}%',
  // N06, N07
  fiscal: '{Y}年度财政拨款收、支总计{A}万元。{change}{tail}',
  fiscalSubject: '财政拨款收、支总计',
  fiscalFunds: '{Y}年度财政拨款收入中，{lines}',
  fundLine: '{label}{x}万元，{change}{tail}',
  // N08
  gbOverview: '{Y}年度一般公共预算财政拨款支出{A}万元{share}。{change}{tail}',
  gbOverviewShare: '，占本年支出合计的{p}%',
  gbSubject: '一般公共预算财政拨款支出',
  // N09: one paragraph per 类 (national) or one list (Shanghai)
  gbStructureHead: '{Y}年度一般公共预算财政拨款支出{A}万元，主要用于以下方面：',
  gbStructureLine: '{n}. {label}{x}万元{share}。主要是用于{use}。',
  gbStructureInline: '一般公共预算财政拨款支出{A}万元，主要用于以下方面：{lines}。',
  gbStructureInlineLine: '{label}{x}万元{share}',
  classShare: '，占{p}%',
  /** national: one paragraph per 类; Shanghai: one list */
  gbStructureLayout: 'paragraphs' as 'paragraphs' | 'inline',
  /** a 类 named as in the national documents: “社会保障和就业（类）支出” */
  classLabel: '{stem}（类）支出',
  classLabelPlain: '{name}（类）',
  // N10, N11
  gbDetailHead:
    '{Y}年度一般公共预算财政拨款支出年初预算为{B}万元，支出决算为{A}万元，完成年初预算的{p}%。{cmp}其中：基本支出{X}万元，项目支出{Z}万元。',
  gbDetailItem: '{n}. {label}。年初预算为{B}万元，支出决算为{A}万元，完成年初预算的{p}%。{cmp}',
  /** the budget is not in a 决算 workbook: which way the difference goes is unknown */
  budgetCmpUnknown: '支出决算数与年初预算数存在差异的主要原因：{reason}。',
  // N14
  basic: '{Y}年度一般公共预算财政拨款基本支出{A}万元，其中：人员经费{B}万元{plist}。公用经费{C}万元{clist}。',
  basicList: '，主要包括：{list}',
  // N16, N17
  govFundEmpty: '本部门{Y}年度无政府性基金预算财政拨款收入、支出。',
  govFund: '{Y}年度政府性基金预算财政拨款{clauses}。',
  stateCapitalEmpty: '本部门{Y}年度无国有资本经营预算财政拨款收入、支出。',
  stateCapital: '{Y}年度国有资本经营预算财政拨款{clauses}。',
  fundOpening: '年初结转和结余{x}万元',
  fundIncome: '本年收入{x}万元',
  fundExpenditure: '本年支出{x}万元',
  fundClosing: '年末结转和结余{x}万元',
  fundDetailHead: '具体支出情况为：',
  fundItem: '{n}. {label}。支出决算为{x}万元，主要用于{use}。',
  // N18–N22
  /** the words for the 三公 table's budget columns */
  tpBasis: { budget: '预算', 'full-year-budget': '全年预算', 'initial-budget': '年初预算' },
  tpItems: { abroad: '因公出国（境）费', vehicle: '公务用车购置及运行维护费', reception: '公务接待费' },
  /** Shanghai's summary: “因公出国（境）费决算为…；公务用车购置及运行维护费支出决算为…” */
  tpSummaryVerbs: { abroad: '', vehicle: '支出', reception: '支出' },
  tpOverall: '{Y}年度“三公”经费财政拨款支出{basis}为{B}万元，支出决算为{A}万元{completion}；{change}。{cmp}{changeReason}',
  tpCompletion: '，完成{basis}的{p}%',
  tpNoBudget: '，{basis}未安排',
  tpMore: '决算数大于预算数的主要原因：{reason}。',
  tpLess: '决算数小于预算数的主要原因：{reason}。',
  tpEqual: '决算数与预算数持平。',
  tpChangeReason: '决算数较上年变动的主要原因：{reason}。',
  tpEmpty: '本部门{Y}年度无“三公”经费财政拨款支出。',
  tpEmptyChange: '“三公”经费财政拨款支出决算{change}。',
  /** national: N18 overall then item by item; Shanghai: a summary with each item's completion, the change, the items */
  tpLayout: 'items' as 'items' | 'summary',
  tpSummary: '',
  tpSummaryItem: '',
  tpYearChange: '',
  tpYearChangeItem: '',
  tpItemZero: '{n}. 本部门{Y}年度无{item}支出。',
  tpItem: '{n}. {item}{basis}为{b}万元，支出决算为{a}万元{completion}{share}；{change}。{cmp}{details}',
  tpItemShare: '，占“三公”经费支出决算的{s}%',
  tpAbroad: '全年安排因公出国（境）团组{g}个，累计{m}人次。',
  tpVehicle:
    '其中：公务用车购置费支出{x}万元，本年度购置（更新）公务用车{n}辆；公务用车运行维护费支出{y}万元，截至{Y}年12月31日，开支财政拨款的公务用车保有量{m}辆。',
  tpReception: '全年国内公务接待{n}批，累计接待{m}人次。',
  tpReceptionForeign: '其中外事接待{n}批，累计接待{m}人次。',
  // N23
  organRunning: '{Y}年度{dept}机关运行经费支出{A}万元，{change}{tail}',
};

export type JuesuanWording = typeof JUESUAN_NATIONAL;

const JUESUAN_SHANGHAI: JuesuanWording = {
  ...JUESUAN_NATIONAL,
  order: [
    'juesuan.overview',
    'juesuan.income',
    'juesuan.expenditure',
    'juesuan.fiscal',
    'juesuan.general-budget.overview',
    'juesuan.general-budget.structure',
    'juesuan.general-budget.detail',
    'juesuan.basic',
    'juesuan.three-public',
    'juesuan.gov-fund',
    'juesuan.state-capital',
    'juesuan.organ-running',
  ],
  titles: {
    ...JUESUAN_NATIONAL.titles,
    'juesuan.state-capital': '国有资本经营预算财政拨款收入支出决算情况说明',
  },
  change: {
    totals: {
      up: '与{PY}年度相比，{S}增加{delta}万元，增长{pct}%',
      down: '与{PY}年度相比，{S}减少{delta}万元，下降{pct}%',
      flat: '与{PY}年度相比，{S}持平',
      fromZero: '与{PY}年度相比，{S}增加{delta}万元，上年无此项{noun}',
      missing: '与{PY}年度相比，{S}{prior}',
    },
    vsActual: JUESUAN_NATIONAL.change.vsActual,
    vsYear: JUESUAN_NATIONAL.change.vsYear,
  },
  reasonTail: '。主要原因：{reason}。',
  overview: '{dept}{Y}年度收入支出总计{A}万元。{change}{tail}',
  overviewSubject: '收入支出总计',
  income: '本年收入合计{A}万元，其中：{lines}。',
  incomeShare: '，占{p}%',
  expenditure: '本年支出合计{A}万元，其中：{lines}。',
  expenditureShare: '，占{p}%',
  fiscal: '{dept}{Y}年度财政拨款收入支出总计{A}万元。{change}{tail}',
  fiscalSubject: '财政拨款收入支出总计',
  gbOverview: '一般公共预算财政拨款支出{A}万元{share}。{change}{tail}',
  gbStructureLayout: 'inline',
  classLabel: '{name}（类）',
  gbDetailHead: '一般公共预算财政拨款支出年初预算为{B}万元，支出决算为{A}万元，完成年初预算的{p}%。{cmp}其中：',
  gbDetailItem: '{n}、{label}。主要用于：{use}。年初预算为{B}万元，支出决算为{A}万元。{cmp}',
  budgetCmpUnknown: '决算数与预算数存在差异的主要原因：{reason}。',
  basic: '一般公共预算财政拨款基本支出{A}万元。其中：人员经费{B}万元{plist}；公用经费{C}万元{clist}。',
  govFundEmpty: '{dept}{Y}年度无政府性基金预算财政拨款收入和支出。',
  govFund: '{dept}{Y}年度政府性基金预算财政拨款{clauses}。',
  stateCapitalEmpty: '{dept}{Y}年度无国有资本经营预算财政拨款收入和支出。',
  stateCapital: '{dept}{Y}年度国有资本经营预算财政拨款{clauses}。',
  fundItem: '{n}、{label}。支出决算为{x}万元，主要用于：{use}。',
  tpBasis: { budget: '年初预算', 'full-year-budget': '全年预算', 'initial-budget': '年初预算' },
  tpLayout: 'summary',
  tpSummary: '“三公”经费财政拨款支出{basis}为{B}万元，支出决算为{A}万元{completion}，其中：{items}。{cmp}',
  tpSummaryItem: '{item}{verb}决算为{a}万元{completion}',
  tpCompletion: '，完成预算的{p}%',
  tpNoBudget: '，年初未安排预算',
  tpMore: '{Y}年度“三公”经费支出决算数大于预算数的主要原因：{reason}。',
  tpLess: '{Y}年度“三公”经费支出决算数小于预算数的主要原因：{reason}。',
  tpEqual: '{Y}年度“三公”经费支出决算数与预算数持平。',
  tpYearChange: '{Y}年度“三公”经费财政拨款支出决算数{change}。其中：{items}。{tail}',
  tpYearChangeItem: '{item}支出决算{change}',
  tpEmpty: '{dept}{Y}年度无“三公”经费财政拨款支出。',
  tpItemZero: '{n}. {dept}{Y}年度无{item}支出。',
  organRunning: '机关运行经费支出{A}万元，{change}{tail}',
};

export const JUESUAN_WORDING: Record<'national' | 'shanghai', JuesuanWording> = {
  national: JUESUAN_NATIONAL,
  shanghai: JUESUAN_SHANGHAI,
};

// ── 预算 ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const YUSUAN_NATIONAL = {
  order: [...YUSUAN_SECTIONS] as YusuanSectionId[],
  titles: {
    'yusuan.overview': '收支预算总体安排情况',
    'yusuan.income': '收入预算安排情况',
    'yusuan.expenditure': '支出预算安排情况',
    'yusuan.fiscal': '财政拨款收支预算总体情况',
    'yusuan.general-budget': '一般公共预算支出安排情况',
    'yusuan.basic': '一般公共预算基本支出安排情况',
    'yusuan.gov-fund': '政府性基金预算支出安排情况',
    'yusuan.state-capital': '国有资本经营预算支出安排情况',
    'yusuan.projects': '项目支出安排情况',
    'yusuan.three-public': '一般公共预算“三公”经费预算情况',
    'yusuan.organ-running': '机关运行经费情况',
    'yusuan.procurement': '政府采购预算情况',
    'yusuan.purchase-services': '政府购买服务情况',
  } satisfies Record<YusuanSectionId, string>,
  change: {
    /** N37–N39, N43, N46: “比2023年预算增加126.4万元，增长12.86%” / “与上年预算持平” */
    vsBudget: {
      up: '比{PY}年预算增加{delta}万元，增长{pct}%',
      down: '比{PY}年预算减少{delta}万元，下降{pct}%',
      flat: '与{PY}年预算持平',
      fromZero: '比{PY}年预算增加{delta}万元，上年无此项{noun}',
      missing: '比{PY}年预算{prior}',
    },
  },
  reasonTail: '，变动的主要原因是{reason}。',
  flatTail: '。',
  // N37
  overviewScope: '按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。收入包括：{incomes}。支出包括：{expenditures}。',
  overview: '{Y}年收支总预算{A}万元，{change}{tail}',
  // N38
  income: '{Y}年收入预算{A}万元，{change}。其中：{lines}。',
  incomeLine: '{label}{x}万元{share}',
  /** Shanghai: the 财政拨款 line carries the change */
  incomeChangeLine: '{label}{x}万元，{change}',
  share: '，占{p}%',
  // N39
  expenditure: '{Y}年支出预算{A}万元，{change}。其中：{lines}。',
  expenditureLine: '{label}{x}万元{share}',
  expenditureChangeLine: '{label}{x}万元，{change}',
  // N40
  fiscal: '{Y}年财政拨款收支总预算{A}万元。收入包括：{incomes}。支出包括：{expenditures}。',
  fiscalLine: '{label}{x}万元',
  fiscalFunds: '',
  fiscalFundLine: '',
  fiscalReason: '',
  // 一般公共预算
  gbScaleHead: '（一）一般公共预算拨款规模变化情况',
  gbScale: '{Y}年一般公共预算拨款{A}万元，{change}{tail}',
  gbStructureHead: '（二）一般公共预算拨款结构情况',
  gbStructure: '基本支出{B}万元{pshare}{split}；项目支出{D}万元{qshare}。',
  gbStructureSplit: '，其中：人员经费{x}万元，公用经费{y}万元',
  gbUseHead: '（三）一般公共预算拨款具体使用情况：',
  gbUseLine: '{n}、{label}{x}万元{end}',
  gbItemsHead: '',
  gbItem: '',
  // N41
  basicHead: '{Y}年一般公共预算基本支出{A}万元，按部门预算支出经济分类包括：',
  basicClass: '（{n}）{label}{x}万元{list}。',
  basicList: '，主要用于：{list}',
  // 政府性基金 / 国有资本经营
  govFundEmpty: '本部门{Y}年无政府性基金预算财政拨款安排的支出。',
  govFund: '{Y}年政府性基金预算拨款支出{A}万元，{change}{tail}',
  stateCapitalEmpty: '本部门{Y}年无国有资本经营预算财政拨款安排的支出。',
  stateCapital: '{Y}年国有资本经营预算拨款支出{A}万元，{change}{tail}',
  fundUse: '主要用于：{lines}。',
  fundUseLine: '{label}{x}万元',
  // N42
  projects: '{Y}年项目支出{A}万元，其中：{sources}。',
  projectsSource: '{label}{x}万元',
  projectsHead: '具体使用情况如下：',
  projectItem: '{n}.{label}：{x}万元，主要用于{use}。',
  // N46
  tpOverall: '{Y}年一般公共预算安排“三公”经费预算{A}万元，{change}{tail}',
  tpAbroad: '（一）因公出国（境）费{x}万元，{change}{tail}',
  tpVehicle: '（二）公务用车购置及运行维护费{x}万元，{change}。其中：公务用车购置费{y}万元，公务用车运行维护费{z}万元。',
  tpReception: '（三）公务接待费{x}万元，{change}{tail}',
  tpEmpty: '本部门{Y}年一般公共预算未安排“三公”经费预算。',
  // N43
  organRunning: '{Y}年机关运行经费{A}万元，{change}{tail}',
  // N44
  procurement: '按照现行政府采购管理规定，{Y}年预算中纳入政府采购预算支出合计{A}万元，{change}{tail}',
  procurementSme: '其中：面向中小企业预留{a}万元{micro}。',
  procurementMicro: '，其中预留给小型和微型企业{b}万元',
  // N45
  purchaseServices: '根据现行政府购买服务指导目录，{Y}年政府购买服务支出合计{A}万元，购买的服务内容主要有：{content}。',
};

export type YusuanWording = typeof YUSUAN_NATIONAL;

const YUSUAN_SHANGHAI: YusuanWording = {
  ...YUSUAN_NATIONAL,
  change: {
    /** Shanghai budgets state the amount of a change, not its rate: “比2025年预算增加794.88万元” */
    vsBudget: {
      up: '比{PY}年预算增加{delta}万元',
      down: '比{PY}年预算减少{delta}万元',
      flat: '与{PY}年预算持平',
      fromZero: '比{PY}年预算增加{delta}万元，上年无此项{noun}',
      missing: '比{PY}年预算{prior}',
    },
  },
  reasonTail: '，主要原因是{reason}。',
  overviewScope: '',
  overview: '{Y}年，{dept}收支预算总计{A}万元，{change}{tail}',
  income: '{Y}年，{dept}收入预算{A}万元，其中：{lines}。',
  expenditure: '支出预算{A}万元，其中：{lines}。',
  fiscalFunds: '财政拨款支出预算中，{lines}。',
  fiscalFundLine: '{label}{x}万元，{change}',
  fiscalReason: '财政拨款收入支出{dir}的主要原因是{reason}。',
  gbItemsHead: '财政拨款支出主要内容如下：',
  gbItem: '{n}、“{label}”{x}万元，主要用于{use}。',
  tpOverall: '{Y}年“三公”经费预算数为{A}万元，{change}。其中：',
  tpAbroad: '（一）因公出国（境）费{x}万元，{change}{tail}',
  tpVehicle: '（二）公务用车购置及运行费{x}万元，{change}。其中：公务用车购置费{y}万元；公务用车运行费{z}万元。',
  tpReception: '（三）公务接待费{x}万元，{change}{tail}',
  tpEmpty: '{dept}{Y}年未安排“三公”经费预算。',
  organRunning: '{Y}年{dept}财政拨款的机关运行经费预算为{A}万元，{change}{tail}',
  procurement: '{Y}年度本部门政府采购预算{A}万元，{change}{tail}',
};

export const YUSUAN_WORDING: Record<'national' | 'shanghai', YusuanWording> = {
  national: YUSUAN_NATIONAL,
  shanghai: YUSUAN_SHANGHAI,
};

/** Every template string of the wording data (for tests: each must render). */
export function allTemplates(): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) return;
    else if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v);
  };
  walk(JUESUAN_WORDING);
  walk(YUSUAN_WORDING);
  return out;
}
