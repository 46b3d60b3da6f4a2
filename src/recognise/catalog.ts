/**
 * The table catalogue, as data: how each standard disclosure table is recognised (title keywords, most specific first),
 * its structure (two-sided, side-by-side blocks, code system) and the canonical keys of its columns and rows.
 * Domain primer §2. Patterns are tested against squashed text (half-width, no spaces).
 */
import type { CodeSystem, Regime, TableKind } from '../model/table';

export interface KeyPattern {
  key: string;
  /** matched against the squashed header path ("本年支出/基本支出") or row label (ordinal stripped) */
  pattern: RegExp;
  /** only for this half of a two-sided table */
  side?: 'income' | 'expenditure';
}

export interface KindSpec {
  kind: TableKind;
  regime: Regime;
  /** title keywords (squashed); the first spec whose pattern matches wins, so specs are ordered most specific first */
  title: RegExp;
  /** 'form': a performance self-evaluation form, read by src/recognise/performance.ts (label/value pairs, no header) */
  layout: 'single' | 'two-sided' | 'blocks' | 'form';
  /** the title names the kind whatever regime word it carries (“一般公共预算项目支出绩效自评表”) */
  anyRegime?: boolean;
  codeSystem?: CodeSystem;
  columns: KeyPattern[];
  rows: KeyPattern[];
  /** computed column keys, where header order varies too much for patterns */
  columnKey?: (path: string[]) => string | undefined;
}

const TOTAL_ROWS: KeyPattern[] = [
  { key: 'total', pattern: /^(合计|总计|本年(收入|支出)?合计)$/ },
  { key: 'subtotal', pattern: /^小计$/ },
];

const FUNCTION_TOTAL_ROWS = TOTAL_ROWS;

const J1_ROWS: KeyPattern[] = [
  { key: 'income.general-budget', pattern: /^一般公共预算财政拨款(收入)?$/, side: 'income' },
  { key: 'income.gov-fund', pattern: /^政府性基金预算财政拨款(收入)?$/, side: 'income' },
  { key: 'income.state-capital', pattern: /^国有资本经营(预算)?财政拨款(收入)?$/, side: 'income' },
  { key: 'income.superior-subsidy', pattern: /^上级补助收入$/, side: 'income' },
  { key: 'income.service', pattern: /^事业收入$/, side: 'income' },
  { key: 'income.business', pattern: /^经营收入$/, side: 'income' },
  { key: 'income.subordinate', pattern: /^附属单位上缴收入$/, side: 'income' },
  { key: 'income.other', pattern: /^其他收入$/, side: 'income' },
  { key: 'income.total', pattern: /^本年收入合计$/, side: 'income' },
  { key: 'income.use-nonfiscal-surplus', pattern: /^使用非财政拨款结余/, side: 'income' },
  { key: 'income.opening-balance', pattern: /^年初(财政拨款)?结转和结余$/, side: 'income' },
  { key: 'income.opening-balance.general-budget', pattern: /^一般公共预算财政拨款$/, side: 'income' },
  { key: 'income.grand-total', pattern: /^总计$/, side: 'income' },
  { key: 'expenditure.total', pattern: /^本年支出合计$/, side: 'expenditure' },
  { key: 'expenditure.surplus-distribution', pattern: /^结余分配$/, side: 'expenditure' },
  { key: 'expenditure.closing-balance', pattern: /^年末(财政拨款)?结转和结余$/, side: 'expenditure' },
  { key: 'expenditure.grand-total', pattern: /^总计$/, side: 'expenditure' },
];

const BUDGET_SUMMARY_ROWS: KeyPattern[] = [
  { key: 'income.general-budget', pattern: /^一般公共预算(拨款)?(收入|资金)?$/, side: 'income' },
  { key: 'income.gov-fund', pattern: /^政府性基金(预算)?(拨款)?(收入|资金)?$/, side: 'income' },
  { key: 'income.state-capital', pattern: /^国有资本经营预算(拨款)?(收入|资金)?$/, side: 'income' },
  { key: 'income.fiscal', pattern: /^财政拨款(收入)?$/, side: 'income' },
  { key: 'income.special-account', pattern: /^财政专户管理资金(收入)?$/, side: 'income' },
  { key: 'income.service', pattern: /^事业收入$/, side: 'income' },
  { key: 'income.business', pattern: /^事业单位经营收入$/, side: 'income' },
  { key: 'income.superior-subsidy', pattern: /^上级补助收入$/, side: 'income' },
  { key: 'income.subordinate', pattern: /^附属单位上缴收入$/, side: 'income' },
  { key: 'income.other', pattern: /^其他收入$/, side: 'income' },
  { key: 'income.total', pattern: /^本年收入(合计)?$/, side: 'income' },
  { key: 'income.carry-over', pattern: /^上年结转(结余)?|^上年结转$/, side: 'income' },
  { key: 'income.grand-total', pattern: /^收入总计$|^总计$/, side: 'income' },
  { key: 'expenditure.total', pattern: /^本年支出(合计)?$/, side: 'expenditure' },
  { key: 'expenditure.closing-balance', pattern: /^年终结转结余$/, side: 'expenditure' },
  { key: 'expenditure.grand-total', pattern: /^支出总计$|^总计$/, side: 'expenditure' },
];

const SPENDING_COLUMNS: KeyPattern[] = [
  { key: 'total', pattern: /(本年支出合计|^合计$|本年支出\/小计|^小计$|\/合计$|\/小计$)/ },
  { key: 'basic', pattern: /基本支出(\/小计)?$/ },
  { key: 'basic.personnel', pattern: /人员经费$/ },
  { key: 'basic.public', pattern: /公用经费$/ },
  { key: 'project', pattern: /项目支出$/ },
  { key: 'remit-superior', pattern: /上缴上级支出$/ },
  { key: 'business', pattern: /经营支出$/ },
  { key: 'subsidy-subordinate', pattern: /对附属单位补助支出$/ },
];

const FUND_COLUMNS: KeyPattern[] = [
  { key: 'opening-balance', pattern: /年初结转和结余|上年结转/ },
  { key: 'income', pattern: /本年收入$/ },
  { key: 'expenditure.total', pattern: /本年支出(\/(小计|合计))?$/ },
  { key: 'expenditure.basic', pattern: /基本支出$/ },
  { key: 'expenditure.project', pattern: /项目支出$/ },
  { key: 'closing-balance', pattern: /年末结转和结余|年终结转结余/ },
  { key: 'total', pattern: /(^|\/)合计$/ },
];


const INCOME_COLUMNS: KeyPattern[] = [
  { key: 'total', pattern: /本年收入合计$|^合计$|\/合计$/ },
  { key: 'subtotal', pattern: /小计$/ },
  { key: 'fiscal', pattern: /财政拨款(收入)?$/ },
  { key: 'general-budget', pattern: /一般公共预算(拨款)?(收入)?$/ },
  { key: 'gov-fund', pattern: /政府性基金(预算)?(拨款)?(收入)?$/ },
  { key: 'state-capital', pattern: /国有资本经营预算(拨款)?(收入)?$/ },
  { key: 'special-account', pattern: /财政专户管理资金(收入)?$/ },
  { key: 'superior-subsidy', pattern: /上级补助收入$/ },
  { key: 'service', pattern: /事业收入$/ },
  { key: 'business', pattern: /经营收入$/ },
  { key: 'subordinate', pattern: /附属单位上缴收入$/ },
  { key: 'other', pattern: /其他收入$/ },
  { key: 'carry-over', pattern: /上年结转/ },
];

const FISCAL_SUMMARY_COLUMNS: KeyPattern[] = [
  { key: 'amount', pattern: /(决算数|金额|预算数)$/, side: 'income' },
  { key: 'total', pattern: /(合计|小计)$/, side: 'expenditure' },
  { key: 'general-budget', pattern: /一般公共预算/, side: 'expenditure' },
  { key: 'gov-fund', pattern: /政府性基金/, side: 'expenditure' },
  { key: 'state-capital', pattern: /国有资本经营/, side: 'expenditure' },
  { key: 'amount', pattern: /(决算数|金额|预算数)$/, side: 'expenditure' },
];

const TWO_SIDED_COLUMNS: KeyPattern[] = [
  { key: 'amount', pattern: /(决算数|金额|预算数)$/ },
];

/**
 * 收支预算总表: one amount column per half, except the Shanghai unit-level T1 whose expenditure half prints 合计,
 * 基本支出 (人员经费, 公用经费) and 项目支出 (domain §2.3).
 */
const BUDGET_SUMMARY_COLUMNS: KeyPattern[] = [
  { key: 'total', pattern: /(^|\/)合计$/, side: 'expenditure' },
  { key: 'basic.personnel', pattern: /人员经费$/, side: 'expenditure' },
  { key: 'basic.public', pattern: /公用经费$/, side: 'expenditure' },
  { key: 'project', pattern: /项目支出$/, side: 'expenditure' },
  ...TWO_SIDED_COLUMNS,
];

/** A budget 三公 table prints budget figures only: its columns carry the item keys without the "budget." scope. */
function budgetThreePublicColumnKey(path: string[]): string | undefined {
  const k = threePublicColumnKey(path);
  if (k === 'budget') return 'total';
  return k?.replace(/^budget\./, '');
}

/** Row keys of the vertical (Jiangxi) 三公 layout, domain §2.2 J7. */
const THREE_PUBLIC_ROWS: KeyPattern[] = [
  { key: 'three.total', pattern: /^"?三公"?经费(支出)?(合计)?$/ },
  { key: 'three.abroad', pattern: /^因公出国\(境\)费(用)?$/ },
  { key: 'three.vehicle', pattern: /^公务用车购置及运行(维护|\(维护\))?费$/ },
  { key: 'three.vehicle.purchase', pattern: /^(公务用车)?购置费$/ },
  { key: 'three.vehicle.running', pattern: /^(公务用车)?运行(维护|\(维护\))?费$/ },
  { key: 'three.reception', pattern: /^公务接待费$/ },
  { key: 'three.reception.domestic', pattern: /^国内(公务)?接待费$/ },
  { key: 'three.reception.foreign-affairs', pattern: /^(其中:?)?外事接待费$/ },
  { key: 'three.reception.abroad', pattern: /^国\(境\)外接待费$/ },
  ...TOTAL_ROWS,
];

const BASIC_COLUMNS: KeyPattern[] = [
  { key: 'amount', pattern: /(决算数|金额)$/ },
  { key: 'total', pattern: /合计$/ },
  { key: 'personnel', pattern: /人员经费$/ },
  { key: 'public', pattern: /公用经费$/ },
];

const BASIC_ROWS: KeyPattern[] = [
  { key: 'personnel.total', pattern: /^人员经费合计$/ },
  { key: 'public.total', pattern: /^公用经费合计$/ },
  ...TOTAL_ROWS,
];

/**
 * Column keys of the 三公 tables, whatever the header order: Wuhan prints 预算数/决算数 above the items, Shanghai prints
 * the items above 预算数/决算数 (interleaved), Jiangxi prints one column per budget basis. Key = scope + "." + item.
 */
export function threePublicColumnKey(path: string[]): string | undefined {
  const scopeOf = (h: string): string | undefined =>
    /^年初预算数?$/.test(h) ? 'initial-budget' : /^全年预算数?$/.test(h) ? 'full-year-budget' : /决算/.test(h) ? 'actual' : /预算/.test(h) && !/机关运行/.test(h) ? 'budget' : undefined;
  const itemOf = (h: string): string | undefined => {
    if (/机关运行经费/.test(h)) return 'organ-running';
    if (/因公出国/.test(h)) return 'abroad';
    if (/公务用车购置及运行/.test(h)) return 'vehicle';
    if (/购置费$/.test(h)) return 'vehicle.purchase';
    if (/运行(\(维护\)|维护)?费$/.test(h)) return 'vehicle.running';
    if (/公务接待/.test(h)) return 'reception';
    if (/^(合计|小计)$/.test(h)) return h === '合计' ? 'total' : undefined;
    return undefined;
  };
  let scope: string | undefined;
  let item: string | undefined;
  for (const h of path) {
    const sc = scopeOf(h);
    if (sc && !itemOf(h)) scope = sc;
    const it = itemOf(h);
    if (it && (!item || it !== 'total' || item === undefined)) {
      // a deeper, more specific item wins; "小计" keeps its parent item
      if (!(item === 'vehicle' && it === 'total')) item = it;
    }
    if (/机关运行经费/.test(h)) return 'organ-running';
  }
  if (!item && /三公/.test(path[0] ?? '')) item = 'total';
  if (scope && item) return `${scope}.${item}`;
  if (scope && !item) return scope;
  return item;
}

export const KIND_SPECS: KindSpec[] = [
  // —— 绩效自评表 (决算 appendix, domain §2.6): 自评 names them whatever else the title says ——
  {
    kind: 'juesuan.performance-overall',
    regime: 'juesuan',
    title: /整体(?:支出)?(?:绩效)?(?:自评|自我评价)表/,
    layout: 'form',
    anyRegime: true,
    columns: [],
    rows: [],
  },
  {
    kind: 'juesuan.performance-project',
    regime: 'juesuan',
    title: /(?:绩效)?(?:自评|自我评价)表/,
    layout: 'form',
    anyRegime: true,
    columns: [],
    rows: [],
  },
  // —— 决算 (most specific first, domain §2.1 rule 1) ——
  { kind: 'juesuan.three-public', regime: 'juesuan', title: /三公.*决算/, layout: 'single', columns: [], columnKey: threePublicColumnKey, rows: THREE_PUBLIC_ROWS },
  { kind: 'juesuan.state-assets', regime: 'juesuan', title: /国有资产占用情况表/, layout: 'single', columns: [], rows: TOTAL_ROWS },
  { kind: 'juesuan.gov-fund', regime: 'juesuan', title: /政府性基金预算财政拨款.*决算/, layout: 'single', codeSystem: 'function', columns: FUND_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'juesuan.state-capital', regime: 'juesuan', title: /国有资本经营预算财政拨款.*决算/, layout: 'single', codeSystem: 'function', columns: [...FUND_COLUMNS, ...SPENDING_COLUMNS], rows: FUNCTION_TOTAL_ROWS },
  { kind: 'juesuan.basic-expenditure', regime: 'juesuan', title: /基本支出决算/, layout: 'blocks', codeSystem: 'economic', columns: BASIC_COLUMNS, rows: BASIC_ROWS },
  { kind: 'juesuan.general-budget-expenditure', regime: 'juesuan', title: /一般公共预算财政拨款支出决算/, layout: 'single', codeSystem: 'function', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'juesuan.fiscal-summary', regime: 'juesuan', title: /财政拨款收入支出决算总表/, layout: 'two-sided', columns: FISCAL_SUMMARY_COLUMNS, rows: J1_ROWS },
  { kind: 'juesuan.income-expenditure-summary', regime: 'juesuan', title: /收入支出决算总表/, layout: 'two-sided', columns: TWO_SIDED_COLUMNS, rows: J1_ROWS },
  { kind: 'juesuan.income', regime: 'juesuan', title: /收入决算表/, layout: 'single', codeSystem: 'function', columns: INCOME_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'juesuan.expenditure', regime: 'juesuan', title: /支出决算表/, layout: 'single', codeSystem: 'function', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  // —— 预算 (Wuhan 预算01–13表, Shanghai T1–T9) ——
  { kind: 'yusuan.three-public', regime: 'yusuan', title: /三公.*(预算|支出表)/, layout: 'single', columns: [], columnKey: budgetThreePublicColumnKey, rows: THREE_PUBLIC_ROWS },
  { kind: 'yusuan.gov-fund', regime: 'yusuan', title: /政府性基金预算.*(支出|预算)/, layout: 'single', codeSystem: 'function', columns: [...SPENDING_COLUMNS, ...FUND_COLUMNS], rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.state-capital', regime: 'yusuan', title: /国有资本经营预算.*(支出|预算)/, layout: 'single', codeSystem: 'function', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.basic-expenditure', regime: 'yusuan', title: /基本支出.*(预算|表)/, layout: 'single', codeSystem: 'economic', columns: [...BASIC_COLUMNS, ...SPENDING_COLUMNS], rows: BASIC_ROWS },
  { kind: 'yusuan.general-budget-by-unit', regime: 'yusuan', title: /一般公共预算支出.*分单位/, layout: 'single', codeSystem: 'unit', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.general-budget-expenditure', regime: 'yusuan', title: /一般公共预算支出(表|功能分类)/, layout: 'single', codeSystem: 'function', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.fiscal-summary', regime: 'yusuan', title: /财政拨款收支预算总表/, layout: 'two-sided', columns: FISCAL_SUMMARY_COLUMNS, rows: BUDGET_SUMMARY_ROWS },
  { kind: 'yusuan.income-expenditure-summary', regime: 'yusuan', title: /收支预算总表/, layout: 'two-sided', columns: BUDGET_SUMMARY_COLUMNS, rows: BUDGET_SUMMARY_ROWS },
  { kind: 'yusuan.income', regime: 'yusuan', title: /收入预算总表/, layout: 'single', codeSystem: 'function', columns: INCOME_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.expenditure', regime: 'yusuan', title: /支出预算总表/, layout: 'single', codeSystem: 'function', columns: SPENDING_COLUMNS, rows: FUNCTION_TOTAL_ROWS },
  { kind: 'yusuan.project-expenditure', regime: 'yusuan', title: /项目支出预算表/, layout: 'single', columns: [...INCOME_COLUMNS], rows: TOTAL_ROWS },
  { kind: 'yusuan.procurement', regime: 'yusuan', title: /政府采购预算表/, layout: 'single', columns: [], rows: TOTAL_ROWS },
  { kind: 'yusuan.purchase-services', regime: 'yusuan', title: /购买服务预算表/, layout: 'single', columns: [], rows: TOTAL_ROWS },
];

/** 类 names of the function classification (支出功能分类科目), for name-only lines in the two-sided tables. */
export const FUNCTION_CLASSES: Array<[string, string]> = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
  ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'], ['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'], ['227', '预备费'], ['229', '其他支出'], ['230', '转移性支出'], ['231', '债务还本支出'],
  ['232', '债务付息支出'], ['233', '债务发行费用支出'], ['234', '抗疫特别国债安排的支出'],
];

const CLASS_BY_NAME = new Map(FUNCTION_CLASSES.map(([code, name]) => [name, code]));
// older names still seen in print
CLASS_BY_NAME.set('文化体育与传媒支出', '207');
CLASS_BY_NAME.set('医疗卫生与计划生育支出', '210');
CLASS_BY_NAME.set('资源勘探信息等支出', '215');
CLASS_BY_NAME.set('国土海洋气象等支出', '220');

/** Function 类 code for a name-only line ("九、卫生健康支出" → "210"). */
export function classCodeForName(label: string): string | undefined {
  return CLASS_BY_NAME.get(label);
}

/** Title test: which kind (if any) does this squashed title name? */
export function kindForTitle(squashedTitle: string): KindSpec | undefined {
  const isJuesuan = squashedTitle.includes('决算');
  const isYusuan = !isJuesuan && squashedTitle.includes('预算');
  for (const spec of KIND_SPECS) {
    if (isJuesuan && spec.regime !== 'juesuan' && !spec.anyRegime) continue;
    if (isYusuan && spec.regime !== 'yusuan' && !spec.anyRegime) continue;
    if (spec.title.test(squashedTitle)) return spec;
  }
  return undefined;
}

export function specOf(kind: TableKind): KindSpec {
  const s = KIND_SPECS.find((k) => k.kind === kind);
  if (!s) throw new Error(`no spec for ${kind}`);
  return s;
}
