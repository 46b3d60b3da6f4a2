/**
 * Inline SVG charts of the audit report, drawn from facts (src/facts): 收入结构 (donut), 支出结构 (bars), 收支总计 and
 * 财政拨款收支 (this year, and last year beside it when a prior workbook is given). Amounts are 万元 decimals; labels
 * print them exactly (decimal.js). Only the drawing geometry uses binary floats (pixel positions, never money).
 * No external resources: plain SVG with the page's own fonts.
 */
import Decimal from 'decimal.js';
import type { Lang } from '../i18n';
import { formatAmount } from '../amount/parse';
import { wanAmount, type FactBase } from '../facts';
import { escapeHtml } from './escape';

export interface ChartItem {
  key: string;
  label: string;
  /** 万元 */
  value: Decimal;
}

export interface Pair {
  label: string;
  current?: Decimal;
  prior?: Decimal;
}

/** The palette (print-safe, colour-blind friendly order). */
export const PALETTE = ['#1F4E79', '#2E86C1', '#F39C12', '#27AE60', '#8E44AD', '#C0392B', '#16A085', '#7F8C8D', '#D4AC0D'];

type Names = Record<string, { 'zh-CN': string; 'en-US': string }>;

/** Parts of income: the money by source (financial appropriations split by kind when printed so). */
export const INCOME_PARTS: Names = {
  'fiscal.income.general-budget': { 'zh-CN': '一般公共预算财政拨款', 'en-US': 'General budget appropriations' },
  'fiscal.income.gov-fund': { 'zh-CN': '政府性基金预算财政拨款', 'en-US': 'Government fund appropriations' },
  'fiscal.income.state-capital': { 'zh-CN': '国有资本经营预算财政拨款', 'en-US': 'State capital appropriations' },
  'income.superior-subsidy': { 'zh-CN': '上级补助收入', 'en-US': 'Subsidies from superiors' },
  'income.service': { 'zh-CN': '事业收入', 'en-US': 'Service income' },
  'income.business': { 'zh-CN': '经营收入', 'en-US': 'Business income' },
  'income.subordinate': { 'zh-CN': '附属单位上缴收入', 'en-US': 'Remitted by subordinate units' },
  'income.special-account': { 'zh-CN': '财政专户管理资金收入', 'en-US': 'Special-account funds' },
  'income.other': { 'zh-CN': '其他收入', 'en-US': 'Other income' },
};
const FISCAL_TOTAL: Names = { 'fiscal.income.total': { 'zh-CN': '财政拨款收入', 'en-US': 'Fiscal appropriations' } };

export const EXPENDITURE_PARTS: Names = {
  'expenditure.basic': { 'zh-CN': '基本支出', 'en-US': 'Basic expenditure' },
  'expenditure.project': { 'zh-CN': '项目支出', 'en-US': 'Project expenditure' },
  'expenditure.business': { 'zh-CN': '经营支出', 'en-US': 'Business expenditure' },
  'expenditure.remit-superior': { 'zh-CN': '上缴上级支出', 'en-US': 'Remitted to superiors' },
  'expenditure.subsidy-subordinate': { 'zh-CN': '对附属单位补助支出', 'en-US': 'Subsidies to subordinate units' },
};

/** The fact's value in 万元, or undefined when it is not a printed money amount. */
export function wan(facts: FactBase | undefined, key: string): Decimal | undefined {
  const fact = facts?.byKey(key);
  if (!fact) return undefined;
  const a = wanAmount(fact);
  if (!a || a.kind !== 'number' || a.value === null) return undefined;
  return a.value;
}

function items(facts: FactBase, names: Names, lang: Lang): ChartItem[] {
  const out: ChartItem[] = [];
  for (const [key, label] of Object.entries(names)) {
    const v = wan(facts, key);
    if (v && v.gt(0)) out.push({ key, label: label[lang], value: v });
  }
  return out;
}

/** The positive parts of income (财政拨款 as one part when it is not printed by kind). */
export function incomeItems(facts: FactBase, lang: Lang): ChartItem[] {
  const parts = items(facts, INCOME_PARTS, lang);
  if (!parts.some((p) => p.key.startsWith('fiscal.'))) parts.unshift(...items(facts, FISCAL_TOTAL, lang));
  return parts;
}

export function expenditureItems(facts: FactBase, lang: Lang): ChartItem[] {
  return items(facts, EXPENDITURE_PARTS, lang);
}

/** The first key that has a value. */
export function firstWan(facts: FactBase | undefined, keys: string[]): Decimal | undefined {
  for (const k of keys) {
    const v = wan(facts, k);
    if (v) return v;
  }
  return undefined;
}

/** "1,234.56": grouped, with the decimals the value has (at least 2). */
export function formatWan(v: Decimal): string {
  const dp = Math.max(2, Math.min(v.decimalPlaces(), 6));
  return formatAmount(v, dp, { thousands: true });
}

/** share of total in per cent, one decimal, exact decimal arithmetic */
export function percent(part: Decimal, total: Decimal): string {
  if (total.isZero()) return '0.0';
  return part.div(total).times(100).toFixed(1);
}

const esc = escapeHtml;

/** A donut with its legend (label, amount, share) to the right. */
export function donutChart(parts: ChartItem[], options: { totalLabel: string; title: string }): string {
  const total = parts.reduce((s, p) => s.plus(p.value), new Decimal(0));
  const rowH = 24;
  const legendTop = 24;
  const height = Math.max(200, legendTop + parts.length * rowH + 16);
  const cx = 100;
  const cy = height / 2;
  const r = 78;
  const inner = 48;
  const out: string[] = [];
  out.push(`<svg class="chart donut" viewBox="0 0 520 ${height}" width="520" height="${height}" role="img" aria-label="${esc(options.title)}">`);
  let angle = -Math.PI / 2;
  const totalF = total.toNumber();
  parts.forEach((p, i) => {
    const frac = totalF > 0 ? p.value.toNumber() / totalF : 0;
    const color = PALETTE[i % PALETTE.length];
    if (frac >= 0.9999) {
      out.push(`<circle cx="${cx}" cy="${cy}" r="${(r + inner) / 2}" fill="none" stroke="${color}" stroke-width="${r - inner}"/>`);
    } else if (frac > 0) {
      const a2 = angle + frac * 2 * Math.PI;
      const large = frac > 0.5 ? 1 : 0;
      const pt = (rad: number, a: number) => `${(cx + rad * Math.cos(a)).toFixed(2)} ${(cy + rad * Math.sin(a)).toFixed(2)}`;
      out.push(
        `<path d="M ${pt(r, angle)} A ${r} ${r} 0 ${large} 1 ${pt(r, a2)} L ${pt(inner, a2)} A ${inner} ${inner} 0 ${large} 0 ${pt(inner, angle)} Z" fill="${color}" stroke="#fff" stroke-width="1.5"><title>${esc(p.label)}：${formatWan(p.value)}</title></path>`,
      );
      angle = a2;
    }
  });
  out.push(`<text x="${cx}" y="${cy - 4}" text-anchor="middle" class="c-total-label">${esc(options.totalLabel)}</text>`);
  out.push(`<text x="${cx}" y="${cy + 14}" text-anchor="middle" class="c-total">${formatWan(total)}</text>`);
  parts.forEach((p, i) => {
    const y = legendTop + i * rowH + (height - legendTop * 2 - parts.length * rowH) / 2;
    out.push(`<rect x="205" y="${y + 3}" width="12" height="12" rx="2" fill="${PALETTE[i % PALETTE.length]}"/>`);
    out.push(`<text x="224" y="${y + 13}" class="c-label">${esc(p.label)}</text>`);
    out.push(`<text x="450" y="${y + 13}" text-anchor="end" class="c-value">${formatWan(p.value)}</text>`);
    out.push(`<text x="514" y="${y + 13}" text-anchor="end" class="c-pct">${percent(p.value, total)}%</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** Horizontal bars, one per part, with amount and share. */
export function barChart(parts: ChartItem[], options: { title: string }): string {
  const total = parts.reduce((s, p) => s.plus(p.value), new Decimal(0));
  const max = Math.max(...parts.map((p) => p.value.toNumber()), 0);
  const rowH = 40;
  const height = 16 + parts.length * rowH;
  const left = 150;
  const width = 250;
  const out: string[] = [];
  out.push(`<svg class="chart bars" viewBox="0 0 520 ${height}" width="520" height="${height}" role="img" aria-label="${esc(options.title)}">`);
  parts.forEach((p, i) => {
    const y = 8 + i * rowH;
    const w = max > 0 ? Math.max(1, (p.value.toNumber() / max) * width) : 0;
    const color = PALETTE[i % PALETTE.length];
    out.push(`<text x="${left - 10}" y="${y + 19}" text-anchor="end" class="c-label">${esc(p.label)}</text>`);
    out.push(`<rect x="${left}" y="${y + 4}" width="${width}" height="22" fill="#EEF2F6" rx="3"/>`);
    out.push(`<rect x="${left}" y="${y + 4}" width="${w.toFixed(2)}" height="22" fill="${color}" rx="3"><title>${esc(p.label)}：${formatWan(p.value)}</title></rect>`);
    out.push(`<text x="${left + width + 8}" y="${y + 14}" class="c-value">${formatWan(p.value)}</text>`);
    out.push(`<text x="${left + width + 8}" y="${y + 28}" class="c-pct">${percent(p.value, total)}%</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** Vertical bars in pairs: this year (and last year beside it, lighter, when any prior value is given). */
export function pairChart(pairs: Pair[], options: { title: string; current: string; prior: string }): string {
  const withPrior = pairs.some((p) => p.prior !== undefined);
  const values = pairs.flatMap((p) => [p.current, p.prior]).filter((v): v is Decimal => v !== undefined);
  const max = Math.max(...values.map((v) => v.toNumber()), 0);
  const height = 230;
  const base = 180;
  const plotH = 140;
  const groupW = 520 / Math.max(1, pairs.length);
  const barW = withPrior ? 56 : 72;
  const out: string[] = [];
  out.push(`<svg class="chart pairs" viewBox="0 0 520 ${height}" width="520" height="${height}" role="img" aria-label="${esc(options.title)}">`);
  out.push(`<line x1="10" y1="${base}" x2="510" y2="${base}" stroke="#9AA5B1" stroke-width="1"/>`);
  pairs.forEach((p, i) => {
    const cx = groupW * i + groupW / 2;
    const bars: Array<{ v?: Decimal; color: string; x: number; name: string }> = withPrior
      ? [
          { v: p.prior, color: '#A9C4DE', x: cx - barW - 3, name: options.prior },
          { v: p.current, color: PALETTE[0], x: cx + 3, name: options.current },
        ]
      : [{ v: p.current, color: PALETTE[0], x: cx - barW / 2, name: options.current }];
    for (const b of bars) {
      if (b.v === undefined) continue;
      const h = max > 0 ? Math.max(1, (b.v.toNumber() / max) * plotH) : 0;
      out.push(
        `<rect x="${b.x.toFixed(2)}" y="${(base - h).toFixed(2)}" width="${barW}" height="${h.toFixed(2)}" fill="${b.color}" rx="2"><title>${esc(b.name)} ${esc(p.label)}：${formatWan(b.v)}</title></rect>`,
      );
      out.push(`<text x="${(b.x + barW / 2).toFixed(2)}" y="${(base - h - 6).toFixed(2)}" text-anchor="middle" class="c-value small">${formatWan(b.v)}</text>`);
    }
    out.push(`<text x="${cx.toFixed(2)}" y="${base + 20}" text-anchor="middle" class="c-label">${esc(p.label)}</text>`);
    if (withPrior && p.current !== undefined && p.prior !== undefined && !p.prior.isZero()) {
      const change = p.current.minus(p.prior).div(p.prior).times(100);
      const sign = change.gt(0) ? '+' : '';
      out.push(
        `<text x="${cx.toFixed(2)}" y="${base + 38}" text-anchor="middle" class="c-pct ${change.lt(0) ? 'down' : 'up'}">${sign}${change.toFixed(1)}%</text>`,
      );
    }
  });
  if (withPrior) {
    out.push(`<rect x="360" y="6" width="12" height="12" fill="#A9C4DE"/><text x="378" y="16" class="c-label small">${esc(options.prior)}</text>`);
    out.push(`<rect x="440" y="6" width="12" height="12" fill="${PALETTE[0]}"/><text x="458" y="16" class="c-label small">${esc(options.current)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
