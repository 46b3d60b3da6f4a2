/**
 * The subject-name lexicon: the standard names a narrative gives a fact (domain §6), beyond the table's own row labels.
 * Entries are ordered: when one name fits several keys (“基本支出”: J3 栏2 and J5 栏2), the earlier entry is the better
 * default and a lookup hint (scope / period) can reorder them.
 */
import type { Regime } from '../model/table';

export interface LexiconEntry {
  /** a fact key, or a pattern over fact keys */
  key: string | RegExp;
  labels: string[];
  /** only for documents of this regime */
  regime?: Regime;
}

const GB_INCOME = ['一般公共预算财政拨款收入', '一般公共预算财政拨款', '一般公共预算拨款收入', '一般公共预算收入', '一般公共预算资金', '一般公共预算拨款本年收入'];
const GF_INCOME = ['政府性基金预算财政拨款收入', '政府性基金预算财政拨款', '政府性基金预算拨款收入', '政府性基金收入', '政府性基金预算收入', '政府性基金'];
const SC_INCOME = ['国有资本经营预算财政拨款收入', '国有资本经营预算财政拨款', '国有资本经营预算拨款收入', '国有资本经营预算收入', '国有资本经营预算'];

const THREE = ['“三公”经费', '三公经费', '“三公”经费支出', '“三公”经费财政拨款支出', '财政拨款“三公”经费', '一般公共预算“三公”经费', '一般公共预算财政拨款“三公”经费', '“三公”经费合计'];
const THREE_BUDGET = ['“三公”经费预算', '“三公”经费预算数', '“三公”经费支出预算', '“三公”经费财政拨款支出预算'];
const ABROAD = ['因公出国（境）费', '因公出国(境)费', '因公出国（境）费用', '因公出国境费'];
const VEHICLE = ['公务用车购置及运行（维护）费', '公务用车购置及运行维护费', '公务用车购置及运行费'];
const PURCHASE = ['公务用车购置费', '购置费'];
const RUNNING = ['公务用车运行（维护）费', '公务用车运行维护费', '公务用车运行费', '运行维护费', '运行费'];
const RECEPTION = ['公务接待费'];

export const LEXICON: LexiconEntry[] = [
  // —— totals ——
  { key: 'income.total', labels: ['本年收入合计', '收入合计', '本年收入'] },
  { key: 'income.total', labels: ['收入预算', '本年收入预算', '收入预算合计'], regime: 'yusuan' },
  { key: 'income.grand-total', labels: ['收入总计', '收、支总计', '收支总计', '收入支出总计', '收、支决算总计', '总计'] },
  { key: 'income.grand-total', labels: ['收支总预算', '收入总预算', '收入预算', '收支预算总计'], regime: 'yusuan' },
  { key: 'expenditure.total', labels: ['本年支出合计', '支出合计', '本年支出'] },
  { key: 'expenditure.total', labels: ['支出预算', '本年支出预算', '支出预算合计'], regime: 'yusuan' },
  { key: 'expenditure.grand-total', labels: ['支出总计', '收、支总计', '收支总计', '收入支出总计', '收、支决算总计', '总计'] },
  { key: 'expenditure.grand-total', labels: ['支出总预算', '支出预算', '收支总预算'], regime: 'yusuan' },
  // —— income lines ——
  { key: 'fiscal.income.total', labels: ['财政拨款收入', '财政拨款收入合计', '本年财政拨款收入', '财政拨款本年收入'] },
  { key: 'fiscal.income.general-budget', labels: GB_INCOME },
  { key: 'fiscal.income.gov-fund', labels: GF_INCOME },
  { key: 'fiscal.income.state-capital', labels: SC_INCOME },
  { key: 'income.superior-subsidy', labels: ['上级补助收入'] },
  { key: 'income.service', labels: ['事业收入'] },
  { key: 'income.business', labels: ['经营收入', '事业单位经营收入'] },
  { key: 'income.subordinate', labels: ['附属单位上缴收入'] },
  { key: 'income.other', labels: ['其他收入'] },
  { key: 'income.special-account', labels: ['财政专户管理资金收入', '财政专户管理资金'] },
  { key: 'income.use-nonfiscal-surplus', labels: ['使用非财政拨款结余', '使用非财政拨款结余（含专用结余）'] },
  { key: 'income.opening-balance', labels: ['年初结转和结余'] },
  { key: 'income.carry-over', labels: ['上年结转结余', '上年结转'] },
  // —— expenditure lines ——
  { key: 'expenditure.basic', labels: ['基本支出'] },
  { key: 'expenditure.project', labels: ['项目支出'] },
  { key: 'expenditure.business', labels: ['经营支出', '事业单位经营支出'] },
  { key: 'expenditure.remit-superior', labels: ['上缴上级支出'] },
  { key: 'expenditure.subsidy-subordinate', labels: ['对附属单位补助支出'] },
  { key: 'expenditure.surplus-distribution', labels: ['结余分配'] },
  { key: 'expenditure.closing-balance', labels: ['年末结转和结余', '年终结转结余'] },
  // —— fiscal appropriation (J4, 预算04 / T4) ——
  { key: 'fiscal.income.grand-total', labels: ['财政拨款收、支总计', '财政拨款收支总计', '财政拨款收入总计', '财政拨款收入支出总计'] },
  { key: 'fiscal.income.grand-total', labels: ['财政拨款收支总预算', '财政拨款收入预算'], regime: 'yusuan' },
  { key: 'fiscal.expenditure.grand-total', labels: ['财政拨款收、支总计', '财政拨款收支总计', '财政拨款支出总计', '财政拨款收入支出总计'] },
  { key: 'fiscal.expenditure.total', labels: ['财政拨款支出', '财政拨款支出合计', '本年财政拨款支出', '财政拨款本年支出'] },
  { key: 'fiscal.expenditure.total', labels: ['财政拨款支出预算'], regime: 'yusuan' },
  { key: 'fiscal.expenditure.grand-total', labels: ['财政拨款支出预算', '财政拨款收支总预算'], regime: 'yusuan' },
  { key: 'fiscal.income.opening-balance', labels: ['年初财政拨款结转和结余', '财政拨款年初结转和结余', '年初结转和结余'] },
  { key: 'fiscal.income.carry-over', labels: ['财政拨款上年结转', '上年结转'] },
  { key: 'fiscal.expenditure.closing-balance', labels: ['年末财政拨款结转和结余', '财政拨款年末结转和结余', '年末结转和结余'] },
  // —— general public budget (J5, J6, 预算05/07, T5/T8) ——
  {
    key: 'gb.expenditure.total',
    labels: ['一般公共预算财政拨款支出', '一般公共预算财政拨款支出合计', '一般公共预算拨款支出', '一般公共预算支出', '一般公共预算财政拨款本年支出'],
  },
  { key: 'gb.expenditure.total', labels: ['一般公共预算拨款支出预算', '一般公共预算支出预算', '一般公共预算拨款'], regime: 'yusuan' },
  { key: 'gb.expenditure.basic', labels: ['一般公共预算财政拨款基本支出', '基本支出', '一般公共预算基本支出', '一般公共预算拨款基本支出'] },
  { key: 'gb.expenditure.project', labels: ['一般公共预算财政拨款项目支出', '项目支出', '一般公共预算项目支出', '一般公共预算项目支出总额', '一般公共预算拨款项目支出'] },
  { key: 'basic.personnel.total', labels: ['人员经费', '人员经费合计', '人员经费支出'] },
  { key: 'basic.public.total', labels: ['公用经费', '公用经费合计', '公用经费支出'] },
  { key: 'gb.opening-balance', labels: ['一般公共预算财政拨款年初结转和结余'] },
  { key: 'gb.closing-balance', labels: ['一般公共预算财政拨款年末结转和结余'] },
  { key: 'gb.carry-over', labels: ['一般公共预算拨款上年结转'] },
  // —— government funds (J8, 预算09 / T6) ——
  {
    key: 'gov-fund.expenditure.total',
    labels: ['政府性基金预算财政拨款支出', '政府性基金预算拨款支出', '政府性基金拨款支出', '政府性基金预算支出', '政府性基金支出'],
  },
  { key: 'gov-fund.expenditure.total', labels: ['政府性基金拨款支出预算', '政府性基金预算拨款支出预算'], regime: 'yusuan' },
  { key: 'gov-fund.expenditure.basic', labels: ['政府性基金预算财政拨款基本支出', '基本支出'] },
  { key: 'gov-fund.expenditure.project', labels: ['政府性基金预算财政拨款项目支出', '项目支出'] },
  { key: 'gov-fund.opening-balance', labels: ['政府性基金预算财政拨款年初结转和结余', '年初结转和结余'] },
  { key: 'gov-fund.closing-balance', labels: ['政府性基金预算财政拨款年末结转和结余', '年末结转和结余'] },
  { key: 'gov-fund.carry-over', labels: ['政府性基金预算拨款上年结转'] },
  // —— state capital (J9, 预算10 / T7) ——
  {
    key: 'state-capital.expenditure.total',
    labels: ['国有资本经营预算财政拨款支出', '国有资本经营预算拨款支出', '国有资本经营预算支出'],
  },
  { key: 'state-capital.expenditure.total', labels: ['国有资本经营预算拨款支出预算'], regime: 'yusuan' },
  { key: 'state-capital.expenditure.basic', labels: ['国有资本经营预算财政拨款基本支出', '基本支出'] },
  { key: 'state-capital.expenditure.project', labels: ['国有资本经营预算财政拨款项目支出', '项目支出'] },
  { key: 'state-capital.opening-balance', labels: ['国有资本经营预算财政拨款年初结转和结余', '年初结转和结余'] },
  { key: 'state-capital.closing-balance', labels: ['国有资本经营预算财政拨款年末结转和结余', '年末结转和结余'] },
  { key: 'state-capital.carry-over', labels: ['国有资本经营预算拨款上年结转'] },
  // —— 三公 (J7, 预算08 / T9) ——
  { key: /^three-public\.actual\.total$/, labels: [...THREE, '“三公”经费决算', '“三公”经费支出决算'] },
  { key: /^three-public\.(budget|full-year-budget)\.total$/, labels: [...THREE, ...THREE_BUDGET] },
  { key: /^three-public\.initial-budget\.total$/, labels: [...THREE, ...THREE_BUDGET] },
  { key: /^three-public\.full-year-budget\.total$/, labels: ['“三公”经费全年预算', '“三公”经费全年预算数'] },
  { key: /^three-public\.initial-budget\.total$/, labels: ['“三公”经费年初预算', '“三公”经费年初预算数'] },
  { key: /^three-public\.[a-z-]+\.abroad$/, labels: ABROAD },
  { key: /^three-public\.[a-z-]+\.vehicle$/, labels: VEHICLE },
  { key: /^three-public\.[a-z-]+\.vehicle\.purchase$/, labels: PURCHASE },
  { key: /^three-public\.[a-z-]+\.vehicle\.running$/, labels: RUNNING },
  { key: /^three-public\.[a-z-]+\.reception$/, labels: RECEPTION },
  { key: /^three-public\.[a-z-]+\.reception\.domestic$/, labels: ['国内公务接待费', '国内接待费', '国内公务接待支出'] },
  { key: /^three-public\.[a-z-]+\.reception\.foreign-affairs$/, labels: ['外事接待费', '外宾接待费', '外事接待支出'] },
  { key: /^three-public\.[a-z-]+\.reception\.abroad$/, labels: ['国（境）外接待费', '国(境)外接待费', '国（境）外公务接待费'] },
  { key: 'three-public.count.abroad-groups', labels: ['因公出国（境）团组数', '团组数', '因公出国（境）团组'] },
  { key: 'three-public.count.abroad-persons', labels: ['因公出国（境）人次数', '因公出国（境）人次'] },
  { key: 'three-public.count.vehicle-purchases', labels: ['公务用车购置数', '购置公务用车'] },
  { key: 'three-public.count.vehicle-holdings', labels: ['公务用车保有量', '开支财政拨款的公务用车保有量'] },
  { key: 'three-public.count.reception-batches', labels: ['国内公务接待批次', '公务接待批次'] },
  { key: 'three-public.count.reception-batches.foreign-affairs', labels: ['外事接待批次'] },
  { key: 'three-public.count.reception-persons', labels: ['国内公务接待人次', '公务接待人次'] },
  { key: 'three-public.count.reception-persons.foreign-affairs', labels: ['外事接待人次'] },
  { key: 'three-public.count.abroad-reception-batches', labels: ['国（境）外公务接待批次'] },
  { key: 'three-public.count.abroad-reception-persons', labels: ['国（境）外公务接待人次'] },
  { key: 'organ-running', labels: ['机关运行经费', '机关运行经费预算', '机关运行经费预算数', '财政拨款的机关运行经费', '机关运行经费支出'] },
  // —— 预算 11–13表 ——
  { key: 'projects.total', labels: ['项目支出预算', '项目支出合计'], regime: 'yusuan' },
  { key: 'procurement.total', labels: ['政府采购预算', '政府采购预算支出', '纳入政府采购预算支出合计', '政府采购支出总额'] },
  { key: 'procurement.sme', labels: ['面向中小企业', '面向中小企业预留'] },
  { key: 'procurement.micro', labels: ['面向小微企业', '预留给小型和微型企业'] },
  { key: 'purchase-services.total', labels: ['政府购买服务支出', '政府购买服务预算', '政府购买服务支出合计'] },
];

export interface LexiconLabel {
  label: string;
  /** position of the entry in the lexicon: lower is the better default */
  rank: number;
}

/** Lexicon labels of a key for a regime, with their rank. */
export function lexiconLabels(key: string, regime: Regime): LexiconLabel[] {
  const out: LexiconLabel[] = [];
  LEXICON.forEach((e, rank) => {
    if (e.regime && e.regime !== regime) return;
    const hit = typeof e.key === 'string' ? e.key === key : e.key.test(key);
    if (!hit) return;
    for (const label of e.labels) if (!out.some((x) => x.label === label)) out.push({ label, rank });
  });
  return out;
}
