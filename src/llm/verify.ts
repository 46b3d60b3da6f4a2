/**
 * The verifier of text a language model wrote (a draft, a polished draft, a chat answer): every number, unit,
 * percentage, year and direction word is re-extracted with the narrative claim extractor and checked against the
 * verified facts with the narrative checker's rounding-aware logic. A number is verified only when it is
 * - a fact (an amount or a count printed in the tables, linked by its subject when the subject names one, else equal
 *   to some fact), or a figure of the prior-year workbook;
 * - a share, a change (增减额), a change rate or a completion rate that recomputes from facts (the checker's shares
 *   and completion rates from their printed parts; changes and their rates against the prior-year facts);
 * - one of the `figures` of a deterministic draft (already derived from facts by exact arithmetic);
 * - a year that is the report year or an adjacent one.
 * Anything else is a problem with its span; so is a direction word (增加/减少/持平) that contradicts the facts, and every
 * error or warning of the narrative checker (a figure that differs from its cell, a share that does not recompute,
 * template text). Nothing here calls a model or the network; the add-in bundles this module.
 *
 * Material the user supplied (notes, a project list, last year's narrative) is not a source of verified figures: a
 * number that matches no fact but is printed in the material is reported as a non-blocking problem (`blocking: false`,
 * `source: 'material'`, “来自您提供的材料，未与报表核对”), so the text can be shown and inserted with that number marked;
 * a number in the material that contradicts a fact is blocked like any other wrong number.
 */
import type Decimal from 'decimal.js';
import { formatAmount, parseAmount, type Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import { checkPercent, checkSame, checkSum } from '../arith/interval';
import { wanAmount, type Fact, type FactBase, type FactPeriod } from '../facts';
import { t, type Lang } from '../i18n';
import { checkNarrative, linkSubject, sectionHeading, wan, type NarrativeFinding, type SectionFund, type VerifiedClaim } from '../narrative/check';
import {
  extractClaims,
  parseNumberTokens,
  unitFamily,
  type ChangeClaim,
  type Claim,
  type CompletionBase,
  type Direction,
  type NumberToken,
  type Span,
} from '../narrative/extract';
import type { DraftFigure } from '../narrative/draft/types';
import { BASE_UNITS, DIRECTION_WORDS } from '../narrative/extract/lexicon';
import { lexNumbers } from '../narrative/extract/numbers';
import { fold } from '../narrative/extract/text';
import { verifyMessages } from './verify-messages';

const DIRECTION_RE = new RegExp(
  DIRECTION_WORDS.map((w) => w.word)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

/**
 * The narrative checker speaks of “情况说明中…” / “The narrative…”; the text verified here is a draft or a chat answer,
 * not (yet) the published narrative, so its reasons say “文中…” / “The text…”.
 */
function asTextReason(message: string): string {
  return message
    .replace(/^情况说明中的?/, '文中')
    .replace(/^The narrative's /, "The text's ")
    .replace(/^The narrative /, 'The text ');
}

/** What kind of number (or word) a problem is about. */
export type VerifyKind = 'amount' | 'share' | 'change' | 'percentage' | 'count' | 'year' | 'direction' | 'unlinked';

export interface VerifyProblem {
  /** [start, end) into the verified text, UTF-16 code units: the number with its unit, or the word */
  span: Span;
  text: string;
  kind: VerifyKind;
  /** why, in the user's language */
  reason: string;
  /**
   * true: the text must not be used as it is (a wrong or unverifiable number, a contradicting direction word);
   * false: a number from the user's material, to be shown marked (“not verified against the tables”)
   */
  blocking: boolean;
  /** 'material': the number is printed in the material the user supplied */
  source?: 'material';
  /** what the facts give, when known (“442.86”, “增加”) */
  expected?: string;
}

/** How a verified number was verified. */
export type VerifyBasis = 'fact' | 'prior' | 'derived' | 'figure' | 'year';

export interface VerifiedNumber {
  span: Span;
  text: string;
  kind: VerifyKind;
  basis: VerifyBasis;
  /** the fact it restates or was computed for, with its cell (for citations) */
  fact?: { key: string; cell: { sheet: string; cell: string } };
}

/** A figure of a deterministic draft (printed, unit and kind are what count here; spans are ignored). */
export type VerifyFigure = Pick<DraftFigure, 'printed' | 'unit' | 'kind'>;

export interface VerifyOptions {
  /** the report year: years other than it and the adjacent ones are problems; unknown → every year is a problem */
  reportYear?: number;
  /** last year's facts: changes, change rates and direction words are checked against them */
  prior?: FactBase;
  lang?: Lang;
  /** figures of a deterministic draft, verified by construction: accepted where nothing else verifies a number */
  figures?: readonly VerifyFigure[];
  /** text the user supplied (notes, project list, last year's narrative): its numbers are marked, not verified */
  material?: readonly string[];
}

export interface VerifyResult {
  /** no blocking problem */
  ok: boolean;
  /** in text order */
  problems: VerifyProblem[];
  /** every number (and year) that was verified, in text order */
  verified: VerifiedNumber[];
}

interface ChangeOutcome {
  problems: Array<{ span: Span; kind: VerifyKind; reason: string; expected?: string }>;
  verified: Array<{ tok: NumberToken; kind: VerifyKind; fact: Fact }>;
}

interface Para {
  text: string;
  /** offset of the paragraph in the whole text */
  offset: number;
}

/** The text's lines as paragraphs (the checker's unit: headings and section context are per paragraph). */
function paragraphsOf(text: string): Para[] {
  const out: Para[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, offset });
    offset += line.length + 1;
  }
  return out;
}

const claimKey = (claim: Claim) => `${claim.kind}:${claim.span.start}:${claim.span.end}`;

/** The number and its printed unit. */
const tokSpan = (tok: NumberToken): Span => ({ start: tok.span.start, end: tok.unitSpan?.end ?? tok.span.end });

const printedOf = (tok: NumberToken) => `${tok.raw}${tok.unit ?? ''}`;

const pct = (tok: NumberToken): Amount => ({ kind: 'percent', value: exact(tok.value), decimals: tok.decimals, raw: tok.raw });

/** A money token in 万元, only for tokens printed with a money unit (the checker also reads a bare number as 万元). */
const money = (tok: NumberToken | undefined): Amount | undefined => (tok && unitFamily(tok) === 'money' ? wan(tok) : undefined);

const show = (a: Amount | Decimal, decimals?: number) => {
  const v = 'kind' in a ? (a.value ?? exact(0)) : a;
  const d = decimals ?? ('kind' in a ? Math.max(0, a.decimals) : 2);
  return formatAmount(v, d);
};

const same = (a: Amount, b: Amount) => {
  const v = checkSame(a, b).verdict;
  return v !== 'fails' && v !== 'cannot';
};

function isCountFact(f: Fact): boolean {
  return !f.valueWan && f.value.kind === 'number' && f.value.value !== null && f.unit !== null && !/元$/.test(f.unit) && !MEASURE_UNITS.has(f.unit);
}

/** units of measured figures the tables print (a self-evaluation form's scores, 分): not counts */
const MEASURE_UNITS = new Set(['分']);

function isMeasureFact(f: Fact): boolean {
  return f.value.kind === 'number' && f.value.value !== null && f.unit !== null && MEASURE_UNITS.has(f.unit);
}

/** the kind of number a performance-sentence finding (narrative/check/performance) is about */
const PERFORMANCE_KIND: Record<string, VerifyKind> = {
  'narrative.performance-amount': 'amount',
  'narrative.performance-funds': 'amount',
  'narrative.performance-rate': 'percentage',
  'narrative.performance-count': 'count',
  'narrative.performance-year': 'year',
};

/** persons, vehicles or other things counted (批 and 个 count the same batches: tables print 个 where the text says 批) */
function countFamily(unit: string): 'persons' | 'vehicles' | 'things' {
  if (/人/.test(unit)) return 'persons';
  if (/辆/.test(unit)) return 'vehicles';
  return 'things';
}

/** A count token's value in its base unit (万人 → ×10 000). */
function countValue(tok: NumberToken): Decimal {
  return tok.scale ? exact(tok.value).times(tok.scale) : exact(tok.value);
}

/** Periods of the budget a completion claim names. */
function budgetPeriods(base: CompletionBase): FactPeriod[] {
  switch (base) {
    case 'initial':
      return ['initial-budget', 'budget'];
    case 'full-year':
    case 'adjusted':
      return ['full-year-budget', 'budget'];
    default:
      return ['budget', 'initial-budget', 'full-year-budget'];
  }
}

/** Normalised keys of the numbers and years printed in the user's material. */
interface MaterialIndex {
  numbers: Set<string>;
  years: Set<number>;
}

function numberKey(tok: NumberToken): string {
  const fam = unitFamily(tok);
  if (fam === 'money') return `money:${wan(tok)!.value!.toString()}`;
  if (fam === 'percent') return `percent:${exact(tok.value).toString()}`;
  if (fam === 'none') return `none:${exact(tok.value).toString()}`;
  return `${(tok.unit ?? '').replace(/^[万亿]/, '')}:${countValue(tok).toString()}`;
}

function materialIndex(material: readonly string[]): MaterialIndex {
  const numbers = new Set<string>();
  const years = new Set<number>();
  for (const m of material) {
    for (const tok of parseNumberTokens(m)) numbers.add(numberKey(tok));
    for (const c of extractClaims(m)) if (c.kind === 'year') years.add(c.year);
  }
  return { numbers, years };
}

/**
 * Verify `text` (one paragraph or several joined with "\n") against `facts`. Never throws on any text; a text without
 * numbers verifies (its direction words are still checked when last year's facts are given).
 */
export function verifyText(text: string, facts: FactBase, options: VerifyOptions = {}): VerifyResult {
  const lang = options.lang ?? 'zh-CN';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const msg = (key: string, params?: Record<string, unknown>) => (t as any)(verifyMessages, lang, key, params) as string;
  const paras = paragraphsOf(text);

  // the narrative checker: its errors and warnings, and which claims it found consistent
  const verifiedByChecker = new Map<string, VerifiedClaim>();
  const checked = checkNarrative(
    paras.map((p, i) => ({ text: p.text, location: { sheet: 'text', cell: `A${i + 1}` } })),
    facts,
    {
      lang,
      reportYear: options.reportYear,
      prior: options.prior,
      onVerified: (e) => verifiedByChecker.set(`${e.paragraph}|${claimKey(e.claim)}`, e),
    },
  );
  const findingsOf = new Map<number, NarrativeFinding[]>();
  for (const f of checked.findings) {
    if (f.severity === 'info') continue;
    const i = Number(f.location.cell.slice(1)) - 1;
    findingsOf.set(i, [...(findingsOf.get(i) ?? []), f]);
  }

  const material = materialIndex(options.material ?? []);
  const moneyFacts = facts.facts.flatMap((f) => {
    const a = wanAmount(f);
    return a ? [{ fact: f, amount: a }] : [];
  });
  const priorMoney = (options.prior?.facts ?? []).flatMap((f) => {
    const a = wanAmount(f);
    return a ? [{ fact: f, amount: a }] : [];
  });
  const countFacts = facts.facts.filter(isCountFact);
  const measureFacts = facts.facts.filter(isMeasureFact);
  /** the plausible bases of a share: totals of the tables (keys without a subject code) */
  const totals = facts.facts.filter((f) => /(^|\.)(total|grand-total)$/.test(f.key) && !/\d/.test(f.key)).flatMap((f) => (wanAmount(f) ? [wanAmount(f)!] : []));
  const figures = (options.figures ?? []).map((f) => ({ ...f, amount: parseAmount(f.printed) }));

  const problems: VerifyProblem[] = [];
  const verified: VerifiedNumber[] = [];
  let sectionFund: SectionFund | undefined;

  paras.forEach((para, pi) => {
    const heading = sectionHeading(para.text);
    if (heading) sectionFund = heading.fund;
    if (!para.text.trim()) return;
    const local: VerifyProblem[] = [];
    const ok = new Map<number, VerifiedNumber>(); // by token start
    const claims = extractClaims(para.text, { reportYear: options.reportYear });
    const tokens = parseNumberTokens(para.text);
    const slice = (s: Span) => para.text.slice(s.start, s.end);

    const problem = (span: Span, kind: VerifyKind, reason: string, extra: Partial<VerifyProblem> = {}) => {
      local.push({ span, text: slice(span), kind, reason, blocking: true, ...extra });
    };
    const covered = (tok: NumberToken) => local.some((p) => p.span.start < tok.span.end && tok.span.start < p.span.end);
    /** record a verified number (true, so that a match can `return accept(…)`) */
    const accept = (tok: NumberToken, kind: VerifyKind, basis: VerifyBasis, fact?: Fact): true => {
      if (ok.has(tok.span.start) || covered(tok)) return true;
      ok.set(tok.span.start, {
        span: tokSpan(tok),
        text: slice(tokSpan(tok)),
        kind,
        basis,
        ...(fact ? { fact: { key: fact.key, cell: { sheet: fact.cell.sheet, cell: fact.cell.cell } } } : {}),
      });
      return true;
    };

    // ── the role of every number: what kind of figure the sentence makes it ──────────────────────────────────────
    const role = new Map<number, VerifyKind>();
    for (const tok of tokens) {
      const fam = unitFamily(tok);
      role.set(tok.span.start, fam === 'money' ? 'amount' : fam === 'percent' ? 'percentage' : fam === 'count' ? 'count' : 'unlinked');
    }
    for (const c of claims) {
      if (c.kind === 'share') role.set(c.percent.span.start, 'share');
      if (c.kind === 'change') {
        if (c.amount && !c.toValue) role.set(c.amount.span.start, 'change');
        if (c.percent) role.set(c.percent.span.start, 'percentage');
      }
      if (c.kind === 'completion' && c.percent) role.set(c.percent.span.start, 'percentage');
    }
    const roleOf = (tok: NumberToken) => role.get(tok.span.start) ?? 'unlinked';

    // ── changes against last year's facts: direction words, 增减额 and 增减幅度 ────────────────────────────────────
    const conclusive = new Set<string>();
    for (const c of claims) {
      if (c.kind !== 'change') continue;
      const r = checkChangeAgainstPrior(c);
      if (!r) continue;
      conclusive.add(claimKey(c));
      for (const p of r.problems) problem(p.span, p.kind, p.reason, { expected: p.expected });
      for (const v of r.verified) accept(v.tok, v.kind, 'derived', v.fact);
    }

    // direction words with no figure (“比2023年预算减少。”, “与上年相比，收、支总计增加。”) make no change claim
    for (const c of bareDirections()) {
      const r = checkChangeAgainstPrior(c);
      for (const p of r?.problems ?? []) problem(p.span, p.kind, p.reason, { expected: p.expected });
    }

    // ── the checker's errors and warnings, narrowed to the number or word they are about ─────────────────────────
    for (const f of findingsOf.get(pi) ?? []) {
      const c = claims.find((x) => x.span.start === f.span.start && x.span.end === f.span.end && ruleFits(f.rule, x));
      if (c && c.kind === 'change' && conclusive.has(claimKey(c))) continue; // decided against last year's facts
      const n = narrow(f, c);
      problem(n.span, n.kind, asTextReason(f.message), f.expected !== undefined ? { expected: f.expected } : {});
    }

    // ── claims the checker verified ──────────────────────────────────────────────────────────────────────────────
    const byChecker = (c: Claim) => verifiedByChecker.get(`${pi}|${claimKey(c)}`);
    for (const c of claims) {
      const v = byChecker(c);
      if (c.kind === 'amount' && v && unitFamily(c.amount) === 'money') accept(c.amount, 'amount', 'fact', v.fact);
      if (c.kind === 'share' && v) accept(c.percent, 'share', 'derived');
    }

    // ── budget and actual of completion claims, against the subject's facts of that period ────────────────────────
    for (const c of claims) {
      if (c.kind !== 'completion') continue;
      const pairs: Array<[NumberToken | undefined, FactPeriod[]]> = [
        [c.actual, ['current']],
        [c.budget, budgetPeriods(c.budgetBase ?? c.base)],
        ...(c.budgets ?? []).map((b): [NumberToken, FactPeriod[]] => [b.amount, budgetPeriods(b.base)]),
      ];
      for (const [tok, periods] of pairs) {
        const n = money(tok);
        if (!tok || !n || covered(tok)) continue;
        const cands = lookupLoose(facts, c.subject).filter((f) => wanAmount(f) && periods.includes(f.period));
        if (cands.length === 0) continue; // left to the fallback below
        const match = cands.find((f) => same(wanAmount(f)!, n));
        if (match) accept(tok, 'amount', 'fact', match);
        else {
          const exp = wanAmount(cands[0])!;
          problem(tokSpan(tok), 'amount', msg('amount-mismatch', { subject: c.subject, text: printedOf(tok), expected: show(exp), cell: cellOf(cands[0]) }), {
            expected: show(exp),
          });
        }
      }
    }

    // ── counts, by subject when the subject names a count of the tables ──────────────────────────────────────────
    for (const c of claims) {
      if (c.kind !== 'count' || covered(c.count) || c.count.approx) continue;
      const cands = lookupLoose(facts, c.subject).filter(isCountFact);
      if (cands.length === 0) continue;
      const match = cands.find((f) => f.value.value!.eq(countValue(c.count)));
      if (match) accept(c.count, 'count', 'fact', match);
      else {
        problem(tokSpan(c.count), 'count', msg('count-mismatch', { subject: c.subject, text: printedOf(c.count), expected: `${cands[0].value.raw}${cands[0].unit ?? ''}`, cell: cellOf(cands[0]) }), {
          expected: cands[0].value.raw,
        });
      }
    }

    // ── every other number: equal to a fact or a draft figure, else a problem (marked when it is the user's) ──────
    const figureMatch = (tok: NumberToken, kinds: DraftFigure['kind'][]) =>
      figures.some((f) => {
        if (!kinds.includes(f.kind)) return false;
        if (f.kind === 'count') return f.amount.value !== null && f.amount.value.eq(countValue(tok));
        const a = f.kind === 'share' || f.kind === 'change-rate' || f.kind === 'completion-rate' ? pct(tok) : money(tok);
        return !!a && same(f.amount, a);
      });
    const fallback = (tok: NumberToken): boolean => {
      const kind = roleOf(tok);
      const n = money(tok);
      switch (kind) {
        case 'amount': {
          if (tok.approx || !n) return false;
          if (figureMatch(tok, ['amount'])) return accept(tok, kind, 'figure');
          // no subject links it to a fact: a number the user's material prints is theirs, marked as such, not
          // “verified” by a fact it merely equals (a project's 100万元 is not the 100.00 of an unrelated row)
          if (material.numbers.has(numberKey(tok))) return false;
          const f = moneyFacts.find((x) => same(x.amount, n));
          if (f) return accept(tok, kind, 'fact', f.fact);
          const p = priorMoney.find((x) => same(x.amount, n));
          if (p) return accept(tok, kind, 'prior', p.fact);
          return false;
        }
        case 'change':
          if (figureMatch(tok, ['change'])) return accept(tok, kind, 'figure');
          return false;
        case 'share':
          if (figureMatch(tok, ['share'])) return accept(tok, kind, 'figure');
          return false;
        case 'percentage':
          if (figureMatch(tok, ['change-rate', 'completion-rate', 'share'])) return accept(tok, kind, 'figure');
          return false;
        case 'count': {
          if (tok.approx) return false;
          if (figureMatch(tok, ['count'])) return accept(tok, kind, 'figure');
          if (material.numbers.has(numberKey(tok))) return false; // the material's, as for amounts
          const fam = countFamily(tok.unit ?? '');
          const f = countFacts.find((x) => countFamily(x.unit ?? '') === fam && x.value.value!.eq(countValue(tok)));
          if (f) return accept(tok, kind, 'fact', f);
          return false;
        }
        default: {
          // a measured figure the tables print, restated with its unit (a self-evaluation score: “99.46分”)
          if (tok.approx || unitFamily(tok) !== 'measure') return false;
          const f = measureFacts.find((x) => x.unit === (tok.unit ?? '') && x.value.value!.eq(countValue(tok)));
          if (f) return accept(tok, kind, 'fact', f);
          return false;
        }
      }
    };
    const reject = (tok: NumberToken) => {
      const kind = roleOf(tok);
      const span = tokSpan(tok);
      const text = slice(span);
      if (material.numbers.has(numberKey(tok))) {
        problem(span, kind, msg('from-material', { text }), { blocking: false, source: 'material' });
        return;
      }
      const key =
        kind === 'amount'
          ? 'amount-unverified'
          : kind === 'change'
            ? 'change-unverified'
            : kind === 'share'
              ? 'share-unverified'
              : kind === 'percentage'
                ? 'percentage-unverified'
                : kind === 'count'
                  ? 'count-unverified'
                  : 'number-unverified';
      problem(span, kind, msg(key, { text }));
    };
    const settled = (tok: NumberToken) => ok.has(tok.span.start) || covered(tok);

    /**
     * Shares and completion rates the checker could not link (a bare “占 x%” after the last part of a list, a rate
     * whose budget is printed elsewhere): recomputed from the part (printed and verified, or the subject's fact) over
     * the plausible bases — totals of the tables and the amounts printed just before — or from the subject's actual
     * over its budget. Accepted only when the rate rounds exactly (or within the inputs' rounding, not truncated).
     */
    const rates = new Map<number, () => boolean>();
    const fits = (p: NumberToken, a: Amount, b: Amount) => {
      const v = checkPercent(pct(p), a, b);
      return (v.verdict === 'holds' || v.verdict === 'rounding') && !v.truncated;
    };
    const partOf = (tok: NumberToken | undefined, subject: string, periods: FactPeriod[]): Amount[] => {
      if (tok && ok.has(tok.span.start)) return [money(tok)!];
      if (tok && money(tok)) return []; // printed but not verified: nothing to compute from
      return lookupLoose(facts, subject)
        .filter((f) => periods.includes(f.period))
        .flatMap((f) => (wanAmount(f) ? [wanAmount(f)!] : []));
    };
    for (const c of claims) {
      if (c.kind === 'share' && !byChecker(c)) {
        rates.set(c.percent.span.start, () => {
          const parts = partOf(c.part, c.subject, ['current', 'budget']);
          const earlier = [...paras.slice(Math.max(0, pi - 1), pi).flatMap((p) => parseNumberTokens(p.text)), ...tokens.filter((x) => x.span.start < c.percent.span.start)]
            .map(money)
            .filter((a): a is Amount => !!a);
          const bases = [...totals, ...earlier];
          return parts.some((a) => bases.some((b) => fits(c.percent, a, b)));
        });
      }
      if (c.kind === 'completion' && c.percent && !byChecker(c)) {
        const p = c.percent;
        rates.set(p.span.start, () => {
          const actuals = partOf(c.actual, c.subject, ['current']);
          const budgets = c.budget ? partOf(c.budget, c.subject, budgetPeriods(c.budgetBase ?? c.base)) : partOf(undefined, c.subject, budgetPeriods(c.base));
          return actuals.some((a) => budgets.some((b) => fits(p, a, b)));
        });
      }
    }

    // rates the checker recomputed from their printed inputs are verified when those inputs are
    const dependent = new Map<number, NumberToken[]>();
    for (const c of claims) {
      if (!byChecker(c) || (c.kind !== 'change' && c.kind !== 'completion') || !c.percent) continue;
      if (c.kind === 'change' && c.amount && !conclusive.has(claimKey(c))) dependent.set(c.percent.span.start, [c.amount]);
      if (c.kind === 'completion' && c.actual && c.budget) dependent.set(c.percent.span.start, [c.actual, c.budget]);
    }
    for (const tok of tokens) if (!settled(tok) && !dependent.has(tok.span.start) && !rates.has(tok.span.start) && !fallback(tok)) reject(tok);
    for (const tok of tokens) {
      if (settled(tok)) continue;
      const inputs = dependent.get(tok.span.start);
      if (inputs && inputs.every((x) => ok.has(x.span.start))) accept(tok, roleOf(tok), 'derived');
      else if (rates.get(tok.span.start)?.()) accept(tok, roleOf(tok), 'derived');
      else if (!fallback(tok)) reject(tok);
    }

    // ── years ─────────────────────────────────────────────────────────────────────────────────────────────────────
    for (const c of claims) {
      if (c.kind !== 'year') continue;
      if (local.some((p) => p.span.start < c.span.end && c.span.start < p.span.end)) continue;
      const y = options.reportYear;
      if (y !== undefined && Math.abs(c.year - y) <= 1) {
        ok.set(c.span.start, { span: c.span, text: slice(c.span), kind: 'year', basis: 'year' });
      } else if (material.years.has(c.year)) {
        problem(c.span, 'year', msg('from-material', { text: slice(c.span) }), { blocking: false, source: 'material' });
      } else if (y === undefined) problem(c.span, 'year', msg('year-unknown', { year: c.year }));
      else problem(c.span, 'year', msg('year-out-of-range', { year: c.year, reportYear: y }));
    }

    // ── numbers the extractor does not read as figures: Chinese numerals, a number in brackets or glued to a code ──
    for (const h of hiddenNumbers(para.text)) {
      if (local.some((p) => p.span.start < h.span.end && h.span.start < p.span.end)) continue;
      const text = slice(h.span);
      const y = options.reportYear;
      if (h.year !== undefined && y !== undefined && Math.abs(h.year - y) <= 1) {
        ok.set(h.span.start, { span: h.span, text, kind: 'year', basis: 'year' });
      } else if ((options.material ?? []).some((m) => m.includes(text))) {
        problem(h.span, h.kind, msg('from-material', { text }), { blocking: false, source: 'material' });
      } else if (h.year !== undefined) {
        problem(h.span, 'year', y === undefined ? msg('year-unknown', { year: h.year }) : msg('year-out-of-range', { year: h.year, reportYear: y }));
      } else problem(h.span, h.kind, msg('numeral-unverified', { text }));
    }

    const shift = (s: Span): Span => ({ start: s.start + para.offset, end: s.end + para.offset });
    for (const p of local) problems.push({ ...p, span: shift(p.span) });
    for (const v of ok.values()) verified.push({ ...v, span: shift(v.span) });

    /**
     * Direction words the extractor made no claim of (a change stated without a figure), in a comparison (比/较/同比,
     * or a clause after “与…相比，”) and not in a reason or purpose clause, as change claims without figures: the
     * subject is what the clause names before the comparison, else the subject of the last amount of the sentence.
     */
    function bareDirections(): ChangeClaim[] {
      const out: ChangeClaim[] = [];
      const t = para.text;
      for (const m of t.matchAll(DIRECTION_RE)) {
        const at = m.index!;
        const end = at + m[0].length;
        const inClaim = claims.some(
          (c) =>
            (c.kind === 'change' && c.directionWords.some((w) => w.span.start < end && at < w.span.end)) ||
            (c.kind === 'completion' && c.comparison && c.comparison.span.start < end && at < c.comparison.span.end) ||
            (c.kind === 'template-residue' && c.span.start < end && at < c.span.end),
        );
        if (inClaim) continue;
        const before = t.slice(0, at);
        const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
        const clauseStart = Math.max(sentenceStart, before.lastIndexOf('，'), before.lastIndexOf(',')) ;
        const clause = t.slice(clauseStart === sentenceStart ? clauseStart : clauseStart + 1, at);
        const lead = t.slice(sentenceStart, at);
        const comparative = /比|较|同比/.test(clause) || /(与|和|同)[^，,。；]*相比[，,]/.test(lead);
        if (!comparative || /原因|由于|因为|主要是|用于|是指/.test(lead)) continue;
        let subject = clause
          .replace(/(比|较|同比).*$/, '')
          .replace(/^(与|和|同).*?相比/, '')
          .replace(/[各均都]$/, '')
          .replace(/^\s*\d{4}\s*年度?/, '')
          .trim();
        let subjectStart = at - clause.length;
        if (!subject) {
          const last = [...claims].reverse().find((c) => c.kind === 'amount' && c.span.end <= at && c.span.start >= sentenceStart);
          if (!last || last.kind !== 'amount') continue;
          subject = last.subject;
          subjectStart = last.subjectSpan.start;
        }
        const direction = DIRECTION_WORDS.find((w) => w.word === m[0])!.direction;
        out.push({
          kind: 'change',
          subject,
          direction,
          directionWords: [{ word: m[0], span: { start: at, end }, direction }],
          span: { start: subjectStart, end },
        });
      }
      return out;
    }

    /**
     * A change claim against last year's facts, when the subject names a fact that the prior workbook also prints:
     * each direction word must agree with the sign of (this year − last year), the 增减额 must be |this − last| and
     * the rate |this − last| / last, rounding-aware. Undefined when there is nothing to compare with. The subject may
     * mean several facts (every printing, another scope): the first that agrees wins, else the preferred one reports.
     */
    function checkChangeAgainstPrior(c: ChangeClaim): ChangeOutcome | undefined {
      if (!options.prior || c.toValue) return undefined;
      const linked = linkSubject(facts, c.subject, sectionFund);
      if (!linked) return undefined;
      const seen = new Set<string>();
      const results: ChangeOutcome[] = [];
      for (const f of linked.all) {
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        const pf = options.prior.byKey(f.key);
        const cur = wanAmount(f);
        const prior = pf ? wanAmount(pf) : undefined;
        if (!cur || !prior || cur.value === null || prior.value === null) continue;
        results.push(compare(c, f, cur, prior));
      }
      if (results.length === 0) return undefined;
      return results.find((r) => r.problems.length === 0) ?? results[0];
    }

    function compare(c: ChangeClaim, fact: Fact, cur: Amount, prior: Amount): ChangeOutcome {
      const out: ChangeOutcome = { problems: [], verified: [] };
      const d = cur.value!.minus(prior.value!);
      const expected: Direction = d.isZero() ? 'flat' : d.isPositive() ? 'increase' : 'decrease';
      const printedSame = checkSame(cur, prior).verdict !== 'fails';
      const params = { subject: c.subject, current: show(cur), prior: show(prior) };
      const delta = money(c.amount);
      for (const w of c.directionWords) {
        const fits =
          w.direction === expected ||
          (w.direction === 'flat' && printedSame) ||
          // “增加 0.00 万元”: a zero change printed with a direction word says nothing wrong
          (expected === 'flat' && delta?.value?.isZero() === true);
        if (!fits) {
          out.problems.push({
            span: w.span,
            kind: 'direction',
            reason: msg('direction-mismatch', { ...params, word: w.word, expected: msg(expected) }),
            expected: msg(expected),
          });
        }
      }
      const decimals = Math.min(cur.decimals, prior.decimals);
      const magnitude: Amount = { kind: 'number', value: d.abs(), decimals, raw: '' };
      if (c.amount && delta && !covered(c.amount)) {
        const s = d.isNegative() ? -1 : 1;
        const v = checkSum(delta, [
          { amount: cur, weight: s },
          { amount: prior, weight: -s },
        ]);
        if (v.verdict === 'fails') {
          out.problems.push({
            span: tokSpan(c.amount),
            kind: 'change',
            reason: msg('change-mismatch', { ...params, text: printedOf(c.amount), expected: show(d.abs(), Math.max(0, delta.decimals)) }),
            expected: show(d.abs(), Math.max(0, delta.decimals)),
          });
        } else out.verified.push({ tok: c.amount, kind: 'change', fact });
      }
      if (c.percent && !covered(c.percent)) {
        if (prior.value!.isZero()) {
          out.problems.push({ span: tokSpan(c.percent), kind: 'percentage', reason: msg('rate-zero-base', { subject: c.subject, text: printedOf(c.percent) }) });
        } else {
          const v = checkPercent(pct(c.percent), magnitude, prior);
          if (v.verdict === 'fails' || v.verdict === 'undefined' || v.verdict === 'cannot' || v.truncated) {
            const e = v.expected?.toFixed(c.percent.decimals) ?? '';
            out.problems.push({
              span: tokSpan(c.percent),
              kind: 'percentage',
              reason: msg('rate-mismatch', { ...params, text: printedOf(c.percent), expected: e }),
              expected: e,
            });
          } else out.verified.push({ tok: c.percent, kind: 'percentage', fact });
        }
      }
      return out;
    }
  });

  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  verified.sort((a, b) => a.span.start - b.span.start);
  return { ok: !problems.some((p) => p.blocking), problems, verified };
}

const CN_DIGIT = '〇零一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾';
const CN_NUM = `[${CN_DIGIT}百千万亿佰仟]*[${CN_DIGIT}][${CN_DIGIT}百千万亿佰仟]*(?:点[${CN_DIGIT}百千万亿佰仟]+)?`;
/** an amount may lead with 百/千 (百万元, 千万元): a count may not (千人计划 is a name) */
const CN_NUM_MONEY = `[${CN_DIGIT}百千万亿佰仟]*[${CN_DIGIT}百千佰仟][${CN_DIGIT}百千万亿佰仟]*(?:点[${CN_DIGIT}百千万亿佰仟]+)?`;
const COUNT_UNITS = BASE_UNITS.filter((u) => u.family !== 'money')
  .map((u) => u.text.replace(/[()/]/g, (c) => `\\${c}`))
  .sort((a, b) => b.length - a.length)
  .join('|');
// no lookbehind: the add-in's WebView on older macOS (Safari < 16.4) rejects it when the module loads
/**
 * Figures written in Chinese numerals (三百万元, 百分之十二, 一倍, 二〇二〇年, 三十人): the extractor reads only digits, so
 * without this they would pass unseen. A lone 一 before a count unit (一个, 一项, 一次) is prose, not a figure; a numeral
 * after 第 is an ordinal.
 */
const CN_FIGURE = new RegExp(
  [
    `(?<year>[〇零一二三四五六七八九]{4})\\s*年`,
    `百分之${CN_NUM}`,
    `(?<pct>${CN_NUM})\\s*(?:[%％]|个?百分点)`,
    `(?<times>${CN_NUM})倍`,
    `(?<count>${CN_NUM})[多余]?\\s*(?:${COUNT_UNITS})`,
    `(?<money>${CN_NUM_MONEY})[多余]?\\s*元(?!化)`,
    `(?<wan>${CN_NUM_MONEY}[万亿])`,
  ].join('|'),
  'g',
);
const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * Numbers in `text` that the extractor does not read as figures but a reader does: figures in Chinese numerals, and
 * digits it skips as a code, label or ordinal (“【442】万元”, “科目100万元”, “4.0e2万元”) that carry a money unit or %.
 * Each is a number nobody can verify, unless it is a year in Chinese numerals (checked like any year).
 */
function hiddenNumbers(text: string): Array<{ span: Span; kind: VerifyKind; year?: number }> {
  const out: Array<{ span: Span; kind: VerifyKind; year?: number }> = [];
  for (const m of text.matchAll(CN_FIGURE)) {
    const start = m.index!;
    const g = m.groups ?? {};
    if (text[start - 1] === '第') continue;
    if (g.count === '一') continue;
    const span = { start, end: start + m[0].length };
    if (g.year) out.push({ span: { start, end: start + 4 }, kind: 'year', year: Number([...g.year].map((c) => CN_YEAR_DIGITS[c]).join('')) });
    else out.push({ span, kind: g.money || g.wan ? 'amount' : g.count ? 'count' : g.times ? 'unlinked' : 'percentage' });
  }
  const f = fold(text);
  for (const it of lexNumbers(text, f)) {
    if (it.kind !== 'skip') continue;
    const unit = /^[)\]】〕]?\s{0,2}(?:[多余]?[万亿]元?|元|%|个?百分点)/.exec(f.slice(it.end));
    if (unit) out.push({ span: { start: it.start, end: it.end + unit[0].length }, kind: /%|百分点/.test(unit[0]) ? 'percentage' : 'amount' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Facts a subject names, trying it without a trailing “支出/决算/预算/数” when it names none as printed (“公务接待费支出”,
 * “因公出国（境）费决算”).
 */
function lookupLoose(facts: FactBase, subject: string): Fact[] {
  const direct = facts.lookup(subject);
  if (direct.length > 0 || !subject) return direct;
  const bare = subject.replace(/(?:支出)?(?:决算|预算)?数?$/, '');
  return bare && bare !== subject ? facts.lookup(bare) : [];
}

function cellOf(f: Fact): string {
  return `${f.cell.sheet}!${f.cell.cell}`;
}

/** Does a checker rule report on a claim of this kind (a share finding and an amount claim may share a span)? */
function ruleFits(rule: string, c: Claim): boolean {
  switch (rule) {
    case 'narrative.amount':
      return c.kind === 'amount';
    case 'narrative.consistency':
      return c.kind === 'amount' || c.kind === 'count';
    case 'narrative.share':
      return c.kind === 'share';
    case 'narrative.change':
      return c.kind === 'change';
    case 'narrative.completion':
      return c.kind === 'completion';
    case 'narrative.breakdown':
      return c.kind === 'breakdown';
    case 'narrative.residue':
      return c.kind === 'template-residue';
    case 'narrative.zero-base':
      return c.kind === 'share' || c.kind === 'change' || c.kind === 'completion';
    default:
      return true;
  }
}

/** The number or word a checker finding is about, and its kind. */
function narrow(f: NarrativeFinding, c: Claim | undefined): { span: Span; kind: VerifyKind } {
  const whole = { start: f.span.start, end: f.span.end };
  // the performance sentences' findings are on the figure itself
  if (PERFORMANCE_KIND[f.rule]) return { span: whole, kind: PERFORMANCE_KIND[f.rule] };
  if (!c) return { span: whole, kind: 'unlinked' };
  switch (c.kind) {
    case 'amount':
      return { span: tokSpan(c.amount), kind: unitFamily(c.amount) === 'money' ? 'amount' : 'unlinked' };
    case 'count':
      return { span: tokSpan(c.count), kind: 'count' };
    case 'share':
      return { span: tokSpan(c.percent), kind: 'share' };
    case 'change': {
      const dirs = new Set(c.directionWords.map((w) => w.direction));
      const words = c.directionWords;
      if (f.rule === 'narrative.change' && (dirs.size > 1 || c.direction === 'flat') && words.length > 0) {
        return { span: { start: words[0].span.start, end: words[words.length - 1].span.end }, kind: 'direction' };
      }
      if (c.percent && (f.rule === 'narrative.zero-base' || f.expected !== undefined)) return { span: tokSpan(c.percent), kind: 'percentage' };
      if (c.amount) return { span: tokSpan(c.amount), kind: 'change' };
      return { span: whole, kind: 'change' };
    }
    case 'completion':
      if (f.rule === 'narrative.completion' && f.expected === undefined && c.comparison) return { span: c.comparison.span, kind: 'direction' };
      if (c.percent) return { span: tokSpan(c.percent), kind: 'percentage' };
      return { span: whole, kind: 'percentage' };
    case 'template-residue':
      return { span: whole, kind: c.residue === 'alternatives' || c.residue === 'merged-direction' ? 'direction' : 'unlinked' };
    default:
      return { span: whole, kind: 'amount' };
  }
}
