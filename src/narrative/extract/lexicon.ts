/**
 * Word lists of the narrative extractor. Everything here is matched against folded text (full-width ASCII already
 * turned into ASCII: “，” → “,”, “（” → “(”, “％” → “%”), so lists use ASCII punctuation.
 */
import Decimal from 'decimal.js';
import type { Direction } from './types';

export type UnitFamily = 'money' | 'percent' | 'count' | 'measure';

export interface UnitDef {
  /** as printed after folding */
  text: string;
  /** normalised unit reported in NumberToken.unit */
  unit: string;
  family: UnitFamily;
}

/** Base units after an optional 万/亿 multiplier, longest first within each shared prefix. */
export const BASE_UNITS: UnitDef[] = [
  { text: '元', unit: '元', family: 'money' },
  { text: '个百分点', unit: '个百分点', family: 'percent' },
  { text: '百分点', unit: '个百分点', family: 'percent' },
  { text: '个工作日', unit: '个工作日', family: 'measure' },
  { text: '个月', unit: '个月', family: 'measure' },
  { text: '个', unit: '个', family: 'count' },
  { text: '人次', unit: '人次', family: 'count' },
  { text: '人', unit: '人', family: 'count' },
  { text: '家次', unit: '家次', family: 'count' },
  { text: '家', unit: '家', family: 'count' },
  { text: '辆次', unit: '辆次', family: 'count' },
  { text: '辆', unit: '辆', family: 'count' },
  { text: '台(套)', unit: '台（套）', family: 'count' },
  { text: '台/套', unit: '台（套）', family: 'count' },
  { text: '台', unit: '台', family: 'count' },
  { text: '套', unit: '套', family: 'count' },
  { text: '批次', unit: '批次', family: 'count' },
  { text: '批', unit: '批', family: 'count' },
  { text: '次', unit: '次', family: 'count' },
  { text: '项', unit: '项', family: 'count' },
  { text: '件', unit: '件', family: 'count' },
  { text: '起', unit: '起', family: 'count' },
  { text: '例', unit: '例', family: 'count' },
  { text: '名', unit: '名', family: 'count' },
  { text: '份', unit: '份', family: 'count' },
  { text: '张', unit: '张', family: 'count' },
  { text: '场', unit: '场', family: 'count' },
  { text: '户', unit: '户', family: 'count' },
  { text: '所', unit: '所', family: 'count' },
  { text: '种', unit: '种', family: 'count' },
  { text: '类', unit: '类', family: 'count' },
  { text: '期', unit: '期', family: 'count' },
  { text: '条', unit: '条', family: 'count' },
  { text: '篇', unit: '篇', family: 'count' },
  { text: '处', unit: '处', family: 'count' },
  { text: '座', unit: '座', family: 'count' },
  { text: '间', unit: '间', family: 'count' },
  { text: '架', unit: '架', family: 'count' },
  { text: '艘', unit: '艘', family: 'count' },
  { text: '册', unit: '册', family: 'count' },
  { text: '轮', unit: '轮', family: 'count' },
  { text: '组', unit: '组', family: 'count' },
  { text: '位', unit: '位', family: 'count' },
  { text: '宗', unit: '宗', family: 'count' },
  { text: '笔', unit: '笔', family: 'count' },
  { text: '床', unit: '床', family: 'count' },
  { text: '分钟', unit: '分钟', family: 'measure' },
  { text: '分', unit: '分', family: 'measure' },
  { text: '小时', unit: '小时', family: 'measure' },
  { text: '天', unit: '天', family: 'measure' },
  { text: '平方米', unit: '平方米', family: 'measure' },
  { text: '平方公里', unit: '平方公里', family: 'measure' },
  { text: '公里', unit: '公里', family: 'measure' },
  { text: '千米', unit: '千米', family: 'measure' },
  { text: '米', unit: '米', family: 'measure' },
  { text: '吨', unit: '吨', family: 'measure' },
  { text: '倍', unit: '倍', family: 'measure' },
  { text: '岁', unit: '岁', family: 'measure' },
  { text: '周年', unit: '周年', family: 'measure' },
  { text: '周', unit: '周', family: 'measure' },
  { text: '年度', unit: '年度', family: 'measure' },
  { text: '年', unit: '年', family: 'measure' },
];

/** Words after a number that make it a date part, a document number or a table/column label: never a quantity. */
export const NON_QUANTITY_AFTER = ['月份', '月', '日', '号', '季度', '时', '点', '表', '栏', '行', '列', '届', '版'];

/** Words before a number that make it a label or an ordinal (“图 1”, “第 3 批”, “公开 10 表”, “栏次 5”). */
export const NON_QUANTITY_BEFORE = ['第', '图', '附表', '附件', '表', '栏次', '行次', '栏', '行', '列', '编号', '代码', '序号', '科目'];

/** Approximation / bound words printed before a number, longest first. */
export const APPROX_BEFORE = [
  '不少于', '不低于', '不超过', '不高于', '不足', '不到', '大约', '将近', '接近', '约合', '超过', '最高', '最多', '至少',
  '约', '近', '逾', '≥', '≤', '>', '<', '≈',
];

/** Approximation words printed after the unit. */
export const APPROX_AFTER = ['及以上', '以上', '以下', '左右', '上下', '之多', '余', '多'];

/** Scales relative to the base unit. */
export const SCALE_WAN = new Decimal(10000);
export const SCALE_YI = new Decimal(100000000);
export const SCALE_ONE = new Decimal(1);

/** Direction words. Single 增/减 count only after a comparative (比/较/同比) or inside residue forms. */
export const DIRECTION_WORDS: Array<{ word: string; direction: Direction }> = [
  { word: '增加', direction: 'increase' },
  { word: '增长', direction: 'increase' },
  { word: '上升', direction: 'increase' },
  { word: '提高', direction: 'increase' },
  { word: '增多', direction: 'increase' },
  { word: '上涨', direction: 'increase' },
  { word: '减少', direction: 'decrease' },
  { word: '下降', direction: 'decrease' },
  { word: '降低', direction: 'decrease' },
  { word: '下滑', direction: 'decrease' },
  { word: '压减', direction: 'decrease' },
  { word: '缩减', direction: 'decrease' },
  { word: '核减', direction: 'decrease' },
  { word: '减少了', direction: 'decrease' },
];

export const SINGLE_DIRECTION: Record<string, Direction> = { 增: 'increase', 减: 'decrease', 降: 'decrease', 升: 'increase' };

/** Flat words (Δ = 0). */
export const FLAT_WORDS = ['基本持平', '持平', '无变化', '没有变化', '未发生变化', '未变化', '无增减', '不变', '相同', '一致'];

/** Comparison words of execution against budget. */
export const COMPARISON_WORDS: Record<string, 'above' | 'below' | 'equal'> = {
  大于: 'above',
  高于: 'above',
  超过: 'above',
  超出: 'above',
  多于: 'above',
  增加: 'above',
  增长: 'above',
  小于: 'below',
  低于: 'below',
  少于: 'below',
  减少: 'below',
  下降: 'below',
  等于: 'equal',
  持平: 'equal',
  基本持平: 'equal',
  相同: 'equal',
  一致: 'equal',
  相等: 'equal',
  无变化: 'equal',
  无差异: 'equal',
};

/** Connectors that end a subject and may introduce a list (checked when walking back from a number). */
export const CLAUSE_CONNECTORS = [
  '其中',
  '分别为',
  '分别是',
  '包括',
  '主要是',
  '主要为',
  '主要有',
  '用于',
  '具体为',
  '构成为',
  '如下',
  '安排为',
  '主要成效',
  '主要原因',
  '原因是',
  '原因为',
  '由于',
];

/** Markers after which the text explains (reasons, purposes, results): subjects are not carried across them. */
export const SEGMENT_MARKERS = [
  '主要原因',
  '原因是',
  '原因为',
  '主要是由于',
  '主要由于',
  '由于',
  '主要用于',
  '用于',
  '主要成效',
  '主要产出和效益',
  '发现的问题',
  '下一步改进措施',
  '主要包括',
];

/** Markers that make a segment a reason/explanation (claims there never inherit a subject). */
export const REASON_MARKERS = ['主要原因', '原因是', '原因为', '主要是由于', '主要由于', '由于'];

/** List connectors recognised for breakdowns, longest first. Purpose connectors need a colon or 以下/如下 after them. */
export const LIST_CONNECTORS: Array<{ word: string; needsColon: boolean }> = [
  { word: '主要用于以下方面', needsColon: false },
  { word: '具体使用情况如下', needsColon: false },
  { word: '主要内容如下', needsColon: false },
  { word: '具体情况如下', needsColon: false },
  { word: '具体支出情况为', needsColon: false },
  { word: '具体构成为', needsColon: false },
  { word: '构成为', needsColon: false },
  { word: '分别为', needsColon: false },
  { word: '分别是', needsColon: false },
  { word: '主要包括', needsColon: true },
  { word: '主要用于', needsColon: true },
  { word: '安排为', needsColon: false },
  { word: '其中', needsColon: false },
  { word: '包括', needsColon: true },
];

/** Subject heads after which a leading organisation name may be dropped (“江岸区医保局机关运行经费支出”). */
export const METRIC_HEADS = [
  '收入',
  '支出',
  '收、支',
  '收支',
  '财政拨款',
  '一般公共预算',
  '政府性基金',
  '国有资本',
  '机关运行经费',
  '政府采购',
  '共有车辆',
  '车辆',
  '“三公”',
  '"三公"',
  '三公',
  '因公出国',
  '公务用车',
  '公务接待',
  '执行公务',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '年初',
  '年末',
  '本年',
  '房屋',
  '单价',
  '面向',
  '编报绩效目标',
];

/** Words that mark a candidate subject as running prose, not a label: such subjects are dropped. */
export const NON_SUBJECT_WORDS = [
  '按照',
  '根据',
  '通过',
  '由于',
  '因为',
  '为了',
  '原因',
  '比例',
  '相比',
  '如果',
  '但是',
  '导致',
  '造成',
  '是按',
  '并且',
  '被',
];

/** Organisation-like prefixes always dropped from a subject. */
export const OWN_ORG_PREFIXES = [
  '我部门(单位)',
  '本部门(单位)',
  '我单位',
  '本单位',
  '我部门',
  '本部门',
  '本局',
  '我局',
  '我区',
  '本区',
  '我市',
  '本市',
  '我委',
  '本委',
];
