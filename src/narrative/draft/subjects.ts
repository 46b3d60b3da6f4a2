/** Subject names for drafts, in the tables' own wording (so that a draft's subjects look up the facts they came from). */
import type { Fact } from '../../facts';
import type { DraftContext, Money } from './context';
import { moneyOf } from './context';

/** The printed name of a function or economic line (“社会保障和就业支出”, “基本工资”). */
export function printedName(fact: Fact): string {
  return fact.labels[0] ?? '';
}

/** “社会保障和就业支出” → “社会保障和就业” (the stem the national wording puts before “（类）支出”); undefined if no 支出. */
export function classStem(name: string): string | undefined {
  return name.endsWith('支出') && name.length > 2 ? name.slice(0, -2) : undefined;
}

/**
 * The full 类（类）款（款）项（项） name of a 款 or 项 fact, as built from the table's own rows
 * (“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”); the 类 name with “（类）” for a 类.
 */
export function chainLabel(fact: Fact): string {
  const code = fact.code ?? '';
  if (code.length === 7) {
    const hit = fact.labels.find((l) => /（类）.+（款）.+（项）$/.test(l));
    if (hit) return hit;
  } else if (code.length === 5) {
    const hit = fact.labels.find((l) => /（类）.+（款）$/.test(l));
    if (hit) return hit;
  } else if (code.length === 3) {
    return `${printedName(fact)}（类）`;
  }
  return printedName(fact);
}

/** The non-zero money facts among `facts`, ordered by subject code. */
export function nonZeroByCode(facts: Fact[]): Money[] {
  return facts
    .map((f) => moneyOf(f))
    .filter((m): m is Money => m !== undefined && !m.value.isZero())
    .sort((a, b) => (a.fact.code ?? '').localeCompare(b.fact.code ?? ''));
}

/**
 * The most detailed function lines with money under a key prefix (“gb.”, “gov-fund.”): the 项 lines, else the 款,
 * else the 类 (tables list the levels they have).
 */
export function deepestLines(ctx: DraftContext, prefix: string, prefer: readonly string[]): Money[] {
  const esc = prefix.replace(/\./g, '\\.');
  for (const level of ['item', 'section', 'class']) {
    const lines = nonZeroByCode(ctx.keys(new RegExp(`^${esc}${level}\\.\\d+\\.total$`), prefer));
    if (lines.length > 0) return lines;
  }
  return [];
}

/** Non-zero 款 lines of the basic-expenditure table under the given economic 类 codes, in code order. */
export function economicLines(ctx: DraftContext, classes: readonly string[]): Money[] {
  return nonZeroByCode(ctx.keys(/^basic\.economic\.\d{5}\.total$/, ['basic-expenditure'])).filter((m) =>
    classes.includes((m.fact.code ?? '').slice(0, 3)),
  );
}

/** Chinese ordinals for “（一）…（十）” lists. */
export function chineseOrdinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
