/**
 * What every section drafter works with: the facts (and last year's), the document's year, department and style, and
 * the slot makers that turn facts into printed numbers (amounts, counts, shares, changes, completion rates) with their
 * provenance recorded. All arithmetic is exact (decimal.js), rounded half-up only when printed.
 */
import Decimal from 'decimal.js';
import { exact } from '../../arith/decimal';
import { wanAmount, type Fact, type FactBase } from '../../facts';
import type { RecognisedTable, Recognition, Regime } from '../../model/table';
import { formatDecimal, tpl, type Slot, type Slots } from './render';
import type { DraftFigure, DraftOptions, DraftTemplate, FigureInput, PlaceholderKind } from './types';
import type { ChangeWording } from './wording';

export interface ResolvedStyle {
  template: DraftTemplate;
  amountDecimals: number;
  shareDecimals: number;
  rateDecimals: number;
  thousands: boolean;
}

/** A money fact with its exact value in 万元 (a blank cell is exactly 0). */
export interface Money {
  fact: Fact;
  value: Decimal;
}

/** Where a change went. 'new': the prior value is 0 (上年无此项); 'missing': no prior figure to compare with. */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'new' | 'missing';

export interface ChangeResult {
  slot: Slot;
  direction: ChangeDirection;
}

/** The table kind without its regime prefix: 'juesuan.gov-fund' → 'gov-fund'. */
export function kindBase(kind: string): string {
  return kind.replace(/^(juesuan|yusuan)\./, '');
}

const ZERO = exact(0);

/** The exact 万元 value of a money fact (blank → 0); undefined for counts and unknown units. */
export function moneyOf(fact: Fact | undefined): Money | undefined {
  if (!fact) return undefined;
  const a = wanAmount(fact);
  if (!a) return undefined;
  if (a.kind === 'blank') return { fact, value: ZERO };
  if (a.kind !== 'number' || !a.value) return undefined;
  return { fact, value: exact(a.value) };
}

/** The regime of a recognition (the regime most of its tables have); undefined when no table was recognised. */
export function regimeOf(recognition: Recognition): Regime | undefined {
  let j = 0;
  let y = 0;
  for (const t of recognition.tables) {
    if (t.regime === 'juesuan') j++;
    else y++;
  }
  if (j === 0 && y === 0) return undefined;
  return j >= y ? 'juesuan' : 'yusuan';
}

/** The regime of a fact base (from the tables its facts come from). */
export function regimeOfFacts(facts: FactBase): Regime | undefined {
  let j = 0;
  let y = 0;
  for (const f of facts.facts) {
    if (f.kind.startsWith('juesuan.')) j++;
    else y++;
  }
  if (j === 0 && y === 0) return undefined;
  return j >= y ? 'juesuan' : 'yusuan';
}

/**
 * The printing to use: in the first `prefer`red table kind that prints it, else the fact base's preferred printing.
 * A printed number beats a blank cell (a 合计 left blank in one table while another prints the figure).
 */
function pick(candidates: Fact[], prefer: readonly string[]): Fact | undefined {
  const ordered: Fact[] = [];
  for (const base of prefer) for (const f of candidates) if (kindBase(f.kind) === base && !ordered.includes(f)) ordered.push(f);
  for (const f of candidates) if (!ordered.includes(f)) ordered.push(f);
  return ordered.find((f) => f.value.kind === 'number') ?? ordered[0];
}

export class DraftContext {
  readonly style: ResolvedStyle;
  readonly year?: number;
  readonly department?: string;
  readonly prior?: FactBase;

  constructor(
    readonly facts: FactBase,
    readonly recognition: Recognition,
    readonly regime: Regime,
    options: DraftOptions,
    template: DraftTemplate,
  ) {
    const s = options.style ?? {};
    this.style = {
      template,
      amountDecimals: s.amountDecimals ?? 2,
      shareDecimals: s.shareDecimals ?? 2,
      rateDecimals: s.rateDecimals ?? 2,
      thousands: s.thousands ?? false,
    };
    this.year = options.year;
    this.department = options.department;
    this.prior = options.prior;
  }

  // ── tables and facts ────────────────────────────────────────────────────────────────────────────────────────────

  /** The first recognised table of a kind (without regime prefix) in this document's regime. */
  table(base: string): RecognisedTable | undefined {
    return this.recognition.tables.find((t) => t.regime === this.regime && kindBase(t.kind) === base);
  }

  /** A fact by key, the printing in the first of the `prefer`red tables when it is printed there. */
  fact(key: string, prefer: readonly string[] = []): Fact | undefined {
    return pick(this.facts.all(key), prefer);
  }

  money(key: string, prefer: readonly string[] = []): Money | undefined {
    return moneyOf(this.fact(key, prefer));
  }

  /** Facts whose key matches, one per key (the preferred printing), in the order of their first printing. */
  keys(re: RegExp, prefer: readonly string[] = []): Fact[] {
    const seen = new Set<string>();
    const out: Fact[] = [];
    for (const f of this.facts.facts) {
      if (seen.has(f.key) || !re.test(f.key)) continue;
      seen.add(f.key);
      const chosen = this.fact(f.key, prefer);
      if (chosen) out.push(chosen);
    }
    return out;
  }

  // ── words ───────────────────────────────────────────────────────────────────────────────────────────────────────

  /** {Y}: the report year, or a placeholder when the workbook does not print it. */
  get Y(): Slot {
    return this.year !== undefined ? String(this.year) : this.placeholder('other', '年度');
  }

  /** {PY}: the prior year (“上一”when the year is unknown: “与上一年度相比”). */
  get PY(): Slot {
    return this.year !== undefined ? String(this.year - 1) : '上一';
  }

  /** The label of the prior-year figure a change needs: “2022年度决算数”, “2023年预算数”. */
  priorLabel(): string {
    const y = this.year !== undefined ? String(this.year - 1) : '上一';
    return this.regime === 'juesuan' ? `${y}年度决算数` : `${y}年预算数`;
  }

  /** The department as the sentences name it: the name printed in the tables (or given), else 本部门. */
  get dept(): string {
    return this.department ?? '本部门';
  }

  placeholder(kind: PlaceholderKind, label: string): Slot {
    return (b) => {
      b.placeholder(kind, label);
    };
  }

  // ── numbers ─────────────────────────────────────────────────────────────────────────────────────────────────────

  private input(fact: Fact, source: 'current' | 'prior'): FigureInput {
    return { factKey: fact.key, cell: { ...fact.cell }, source };
  }

  private figure(fig: Omit<DraftFigure, 'span'>, unitText?: string): Slot {
    return (b) => {
      b.figure(fig, unitText);
    };
  }

  /** An amount in 万元 (the unit text is left to the template: “{A}万元”). */
  amount(m: Money): Slot {
    return this.figure(
      {
        factKey: m.fact.key,
        cell: { ...m.fact.cell },
        printed: formatDecimal(m.value, this.style.amountDecimals, this.style.thousands),
        kind: 'amount',
        unit: '万元',
      },
      '',
    );
  }

  /** A count as printed in the table (its unit is left to the template). */
  count(fact: Fact): Slot | undefined {
    const v = fact.value;
    if (v.kind !== 'number' && v.kind !== 'blank') return undefined;
    const value = v.kind === 'number' && v.value ? exact(v.value) : ZERO;
    return this.figure(
      {
        factKey: fact.key,
        cell: { ...fact.cell },
        printed: formatDecimal(value, Math.max(0, v.decimals)),
        kind: 'count',
        unit: fact.unit ?? '',
      },
      '',
    );
  }

  /** part / base × 100, half-up to the share decimals; undefined when the base is 0 (a share of nothing). */
  share(part: Money, base: Money): Slot | undefined {
    if (base.value.isZero()) return undefined;
    const p = part.value.div(base.value).times(100);
    return this.figure(
      {
        factKey: part.fact.key,
        cell: { ...part.fact.cell },
        printed: formatDecimal(p, this.style.shareDecimals),
        kind: 'share',
        unit: '%',
        inputs: [this.input(part.fact, 'current'), this.input(base.fact, 'current')],
      },
      '',
    );
  }

  /** actual / budget × 100, half-up to the rate decimals; undefined when the budget is 0 (zero base, domain §5.6). */
  completion(actual: Money, budget: Money): Slot | undefined {
    if (budget.value.isZero()) return undefined;
    const p = actual.value.div(budget.value).times(100);
    return this.figure(
      {
        factKey: actual.fact.key,
        cell: { ...actual.fact.cell },
        printed: formatDecimal(p, this.style.rateDecimals),
        kind: 'completion-rate',
        unit: '%',
        inputs: [this.input(actual.fact, 'current'), this.input(budget.fact, 'current')],
      },
      '',
    );
  }

  /**
   * Last year's value of a fact: the same key in the prior workbook (the printing in a table of the same kind first);
   * 0 when the prior workbook has that table but not the line (tables list only the lines that have money); undefined
   * when there is no prior workbook or it lacks the table.
   */
  priorMoney(current: Fact): { value: Decimal; fact?: Fact } | undefined {
    if (!this.prior) return undefined;
    const base = kindBase(current.kind);
    const candidates = this.prior.all(current.key);
    if (candidates.length > 0) {
      const m = moneyOf(pick(candidates, [base]));
      return m ? { value: m.value, fact: m.fact } : undefined;
    }
    if (this.prior.facts.some((f) => kindBase(f.kind) === base)) return { value: ZERO };
    return undefined;
  }

  /**
   * The change of `current` against last year, worded by `wording`: direction words from the sign, 持平 when equal,
   * the 上年无此项 wording when the prior value is 0, a prior placeholder when there is nothing to compare with.
   * `slots` fills the wording's own slots (S: the subject, each: “各”, noun: 支出/收入/收支/预算).
   */
  change(current: Money | undefined, wording: ChangeWording, slots: Slots = {}): ChangeResult {
    const base: Slots = { PY: this.PY, S: '', each: '', noun: '支出', ...slots };
    const prior = current ? this.priorMoney(current.fact) : undefined;
    if (!current || !prior) {
      return {
        direction: 'missing',
        slot: tpl(wording.missing, { ...base, prior: this.placeholder('prior', this.priorLabel()) }),
      };
    }
    const delta = current.value.minus(prior.value);
    if (delta.isZero()) return { direction: 'flat', slot: tpl(wording.flat, base) };
    const inputs: FigureInput[] = [this.input(current.fact, 'current')];
    if (prior.fact) inputs.push(this.input(prior.fact, 'prior'));
    const deltaSlot = this.figure(
      {
        factKey: current.fact.key,
        cell: { ...current.fact.cell },
        printed: formatDecimal(delta.abs(), this.style.amountDecimals, this.style.thousands),
        kind: 'change',
        unit: '万元',
        inputs,
      },
      '',
    );
    if (prior.value.isZero()) {
      return { direction: 'new', slot: tpl(wording.fromZero, { ...base, delta: deltaSlot }) };
    }
    const pct = this.figure(
      {
        factKey: current.fact.key,
        cell: { ...current.fact.cell },
        printed: formatDecimal(delta.abs().div(prior.value.abs()).times(100), this.style.rateDecimals),
        kind: 'change-rate',
        unit: '%',
        inputs,
      },
      '',
    );
    const up = delta.isPositive();
    return { direction: up ? 'up' : 'down', slot: tpl(up ? wording.up : wording.down, { ...base, delta: deltaSlot, pct }) };
  }
}
