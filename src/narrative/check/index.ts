/**
 * The narrative checker: every figure in the 情况说明 against the verified facts of the tables, with the engine's
 * rounding-aware arithmetic. Amounts against the cell they restate; shares, year-on-year rates and completion rates
 * recomputed; parts that must add up; direction words that must agree; template text left in; the same subject stated
 * two ways. A claim that cannot be linked to a fact is reported as cannot-evaluate, never guessed.
 */
import Decimal from 'decimal.js';
import { formatAmount, type Amount } from '../../amount/parse';
import { exact } from '../../arith/decimal';
import { checkPercent, checkSame, checkSum } from '../../arith/interval';
import { wanAmount, type Fact, type FactBase } from '../../facts';
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { CellRef } from '../../model/address';
import type { Finding, Severity } from '../../rules/types';
import { extractClaims } from '../extract';
import type { AmountClaim, BreakdownClaim, ChangeClaim, Claim, CompletionClaim, CountClaim, NumberToken, ShareClaim } from '../extract/types';
import type { Paragraph } from '../sources/types';
import { narrativeMessages } from './messages';
import { checkPerformanceParagraph, performanceIndex } from './performance';

export interface NarrativeCheckOptions {
  lang?: Lang;
  /** the report year, to tell years from figures */
  reportYear?: number;
  /** last year's facts: implied prior values are checked against them */
  prior?: FactBase;
  /**
   * Told of every claim whose figures were found to agree with the facts (an amount that matched its fact, a share,
   * a change rate or a completion rate recomputed from its figures), with the paragraph's index and the fact the
   * subject was linked to. The verifier of model-written text (src/llm/verify) uses it to tell verified figures from
   * figures nothing could check; it does not change the result.
   */
  onVerified?: (event: VerifiedClaim) => void;
}

export interface VerifiedClaim {
  /** index of the paragraph in the input */
  paragraph: number;
  claim: Claim;
  /** the fact the claim's subject was linked to, when it was (amounts) */
  fact?: Fact;
}

/** The fund section a heading opens, for the words “本年收入”, “支出合计” … inside it. */
export type SectionFund = 'gov-fund' | 'state-capital';

/**
 * A section heading (“七、政府性基金预算财政拨款收入支出决算情况说明”): short, no sentence punctuation, numbered or ending in
 * 情况/说明. Undefined for any other paragraph. `fund`: the fund whose 本年收入 the section's words mean; `basic`: inside the
 * 基本支出 section, economic classes (工资福利支出 …) are the basic-spending lines.
 */
export function sectionHeading(text: string): { fund?: SectionFund; basic: boolean } | undefined {
  const heading = text.length < 48 && !/[。；]/.test(text) && (/^\s*[一二三四五六七八九十]+[、.．]/.test(text) || /(情况|说明)\s*$/.test(text));
  if (!heading) return undefined;
  return { fund: /政府性基金/.test(text) ? 'gov-fund' : /国有资本经营/.test(text) ? 'state-capital' : undefined, basic: /基本支出/.test(text) };
}

export interface LinkedSubject {
  /** the preferred fact */
  fact: Fact;
  /** its value in 万元 */
  value: Amount;
  /** every fact the words may mean, the preferred first */
  all: Fact[];
}

/**
 * The fact a subject names, the value it prints in 万元, and the other facts the words may mean: every printing of
 * the fact, and — when the subject names no fund scope (“项目支出”, “本年收入”) — the same quantity in another scope,
 * which the surrounding section decides (a 政府性基金 paragraph's 本年收入 is the fund's). Money facts only.
 */
export function linkSubject(facts: FactBase, subject: string, sectionFund?: SectionFund): LinkedSubject | undefined {
  if (!subject) return undefined;
  let cands = facts.lookup(subject).filter((f) => wanAmount(f));
  const scoped = /一般公共预算|财政拨款|政府性基金|国有资本经营/.test(subject);
  if (sectionFund && !scoped) {
    const generic = subject.replace(/[\s（）()]/g, '');
    const key = /^(本年)?收入(合计)?$/.test(generic)
      ? `fiscal.income.${sectionFund}`
      : /^(本年)?支出(合计)?$/.test(generic)
        ? `${sectionFund}.expenditure.total`
        : /^年初结转和结余$/.test(generic)
          ? `${sectionFund}.opening-balance`
          : /^年末结转和结余$/.test(generic)
            ? `${sectionFund}.closing-balance`
            : undefined;
    const own = key ? facts.all(key).filter((f) => wanAmount(f)) : [];
    if (own.length) cands = [...own, ...cands];
  }
  const f = cands[0];
  if (!f) return undefined;
  const others = scoped ? cands.filter((x) => x !== f && x.scope === f.scope) : cands.filter((x) => x !== f);
  return { fact: f, value: wanAmount(f)!, all: [f, ...facts.all(f.key).filter((x) => x !== f), ...others] };
}

export interface NarrativeFinding extends Finding {
  /** the claim's characters in the paragraph text */
  span: { start: number; end: number };
  /** the paragraph's text (not part of the JSON contract) */
  paragraph: string;
}

export interface NarrativeResult {
  findings: NarrativeFinding[];
  /** claims checked and found consistent */
  passed: number;
  claims: number;
}

const TEN_THOUSAND = exact(10000);

/** A narrative money figure in 万元 as an Amount (its printed precision shifted by the unit). */
export function wan(tok: NumberToken): Amount | undefined {
  if (tok.unit === '%' || tok.unit === '个百分点') return undefined;
  const scale = tok.scale ?? (tok.unit === undefined || tok.unit === '万元' || tok.unit === '万' ? TEN_THOUSAND : undefined);
  if (!scale) return undefined;
  const shift = Math.round(Math.log10(scale.toNumber())) - 4; // 万元 → 0, 元 → −4, 亿元 → +4
  const value = shift === 0 ? exact(tok.value) : exact(tok.value).times(exact(10).pow(shift));
  return { kind: 'number', value, decimals: tok.decimals - shift, raw: tok.raw };
}

function pct(tok: NumberToken): Amount {
  return { kind: 'percent', value: exact(tok.value), decimals: tok.decimals, raw: tok.raw };
}

function show(a: Amount | Decimal | undefined, d?: number): string {
  if (!a) return '';
  const v = a instanceof Decimal ? a : a.value;
  if (!v) return '0';
  const places = d ?? (a instanceof Decimal ? 2 : Math.max(0, a.decimals));
  return formatAmount(v, places, { thousands: true });
}

function locate(p: Paragraph): CellRef {
  return 'sheet' in p.location ? { sheet: p.location.sheet, cell: p.location.cell } : { sheet: p.location.file, cell: `¶${p.location.paragraph}` };
}

const isMoney = (tok: NumberToken | undefined) => !!tok && !!wan(tok);

export function checkNarrative(paragraphs: Paragraph[], facts: FactBase, options: NarrativeCheckOptions = {}): NarrativeResult {
  const lang = options.lang ?? 'zh-CN';
  const findings: NarrativeFinding[] = [];
  let passed = 0;
  let claimCount = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const msg = (key: string, params: Record<string, unknown>) => (t as any)(narrativeMessages, lang, key, params) as string;
  const seenSubjects = new Map<string, { value: Amount; text: string; where: CellRef }>();
  const seenCounts = new Map<string, { value: Decimal; text: string; where: CellRef }>();
  /** the whole of a list whose items follow in the next paragraphs (a paragraph ending in “：”) */
  let listWhole: Amount | undefined;

  /** the performance self-evaluation forms' facts, when the workbook holds any */
  const perfIndex = performanceIndex(facts);
  /** the fund a section heading names (“七、政府性基金预算财政拨款收入支出决算情况说明”): its 本年收入 is the fund's */
  let sectionFund: SectionFund | undefined;
  /** inside the 基本支出 section, economic classes (工资福利支出 …) are the basic-spending lines */
  let sectionBasic = false;

  for (const [paraIndex, para] of paragraphs.entries()) {
    const where = locate(para);
    const heading = sectionHeading(para.text);
    if (heading) {
      sectionFund = heading.fund;
      sectionBasic = heading.basic;
    }
    const claims = extractClaims(para.text, { reportYear: options.reportYear });
    const numberedItem = /^\s*(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])/.test(para.text);
    if (!numberedItem && !/[：:]\s*$/.test(para.text)) listWhole = undefined;
    const add = (rule: string, severity: Severity, claim: { span: { start: number; end: number } }, message: string, extra: Partial<Finding> = {}) => {
      const f: NarrativeFinding = {
        id: '',
        rule,
        severity,
        status: severity === 'info' && extra.verdict === 'cannot' ? 'cannot-evaluate' : 'fail',
        verdict: 'fails',
        message,
        location: where,
        cells: [where],
        span: { start: claim.span.start, end: claim.span.end },
        text: para.text.slice(claim.span.start, claim.span.end),
        paragraph: para.text,
        ...extra,
      };
      findings.push(f);
    };

    const link = (subject: string): LinkedSubject | undefined => linkSubject(facts, subject, sectionFund);
    /** a claim whose figures agree with the facts */
    const verified = (claim: Claim, fact?: Fact) => {
      passed++;
      options.onVerified?.({ paragraph: paraIndex, claim, fact });
    };

    const inBreakdown = new Set<Claim>();
    for (const c of claims) if (c.kind === 'breakdown') for (const p of c.parts) inBreakdown.add(p);

    for (const claim of claims) {
      claimCount++;
      switch (claim.kind) {
        case 'amount':
          checkAmount(claim);
          break;
        case 'share':
          checkShare(claim);
          break;
        case 'change':
          checkChange(claim);
          break;
        case 'completion':
          checkCompletion(claim);
          break;
        case 'breakdown':
          checkBreakdown(claim);
          break;
        case 'count':
          checkCount(claim);
          break;
        case 'template-residue':
          if (/^【待补充/.test(claim.text)) add('narrative.placeholder', 'info', claim, msg('placeholder', { text: claim.text }));
          else add('narrative.residue', 'warning', claim, msg('residue', { text: claim.text }));
          break;
        default:
          claimCount--;
      }
    }
    if (/[：:]\s*$/.test(para.text)) {
      const last = [...claims].reverse().find((x): x is AmountClaim => x.kind === 'amount' && !!wan(x.amount));
      listWhole = last ? wan(last.amount) : undefined;
    }
    // a drafting placeholder the extractor does not know as residue
    for (const m of para.text.matchAll(/【待补充[^】]*】/g)) {
      if (!findings.some((f) => f.rule === 'narrative.placeholder' && f.paragraph === para.text && f.span.start === m.index)) {
        add('narrative.placeholder', 'info', { span: { start: m.index!, end: m.index! + m[0].length } }, msg('placeholder', { text: m[0] }));
      }
    }

    // the 预算绩效 sentences (N27–N29) against the performance self-evaluation forms (./performance)
    if (perfIndex) {
      checkPerformanceParagraph(para.text, claims, perfIndex, {
        lang,
        reportYear: options.reportYear,
        add: (rule, severity, span, message, extra) => add(rule, severity, { span }, message, extra),
        verified,
        wan,
      });
    }

    function checkAmount(c: AmountClaim): void {
      const n = wan(c.amount);
      if (!n) return;
      if (!c.subject) {
        add('narrative.amount', 'info', c, msg('amount-no-subject', { printed: c.amount.raw }), { verdict: 'cannot' });
        return;
      }
      const linked = link(c.subject);
      const printed = `${c.amount.raw}${c.amount.unit ?? ''}`;
      if (!linked) {
        add('narrative.amount', 'info', c, msg('amount-unlinked', { subject: c.subject, printed }), { verdict: 'cannot' });
        return;
      }
      // economic classes (工资福利支出 …) are printed for basic spending only: a sentence about all spending by
      // economic class cannot be checked against them
      const before = para.text.slice(0, c.span.start);
      const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf(';')) + 1);
      if (linked.fact.key.startsWith('basic.economic.') && !/基本支出/.test(clause) && !sectionBasic) {
        add('narrative.amount', 'info', c, msg('amount-unlinked', { subject: c.subject, printed }), { verdict: 'cannot' });
        return;
      }
      if (c.amount.approx) {
        const f = linked.value.value ?? exact(0);
        if (f.isZero() || n.value!.minus(f).abs().lte(f.abs().times(0.1))) passed++;
        return;
      }
      // consistent with any fact the words may mean (a figure printed 0.01 apart in two tables matches either)
      const match = linked.all.find((f) => {
        const v = wanAmount(f);
        return v !== undefined && checkSame(v, n).verdict !== 'fails';
      });
      if (match) {
        verified(c, match);
        // the same quantity stated twice in the narrative must be stated the same way
        const prev = seenSubjects.get(match.key);
        if (!prev) seenSubjects.set(match.key, { value: n, text: c.amount.raw, where });
        else if (checkSame(prev.value, n).verdict === 'fails') {
          add('narrative.consistency', 'warning', c, msg('same-subject-twice', { subject: c.subject, first: prev.text, second: c.amount.raw }), {
            cells: [prev.where, where],
          });
        }
        return;
      }
      // a project's name may name one of its budget items (“医疗救助项目 491.57 万元” of a 医疗救助 form totalling
      // 824.57): a figure that is not the form's is not checkable by the name alone (N29 sentences are, see ./performance)
      if (linked.fact.key.startsWith('performance.')) {
        add('narrative.amount', 'info', c, msg('amount-unlinked', { subject: c.subject, printed }), { verdict: 'cannot' });
        return;
      }
      const r = checkSame(linked.value, n);
      const table = kindName(linked.fact.kind, lang);
      const value = linked.value.value ?? exact(0);
      const ratio = value.isZero() ? undefined : n.value!.div(value);
      const cells = [where, { sheet: linked.fact.cell.sheet, cell: linked.fact.cell.cell }];
      if (ratio && (ratio.eq(10000) || ratio.eq(exact(1).div(10000)))) {
        add('narrative.amount', 'error', c, msg('amount-unit-slip', { subject: c.subject, printed, value: show(linked.value) }), {
          cells,
          expected: value.toFixed(Math.max(0, linked.value.decimals)),
          actual: n.value!.toFixed(Math.max(0, n.decimals)),
        });
        return;
      }
      // one unit of the last printed digit apart: the same figure restated a cent off — a warning, as in the tables
      const unit = exact(10).pow(-Math.max(0, Math.min(n.decimals, linked.value.decimals)));
      const oneUnit = r.difference !== null && r.difference.abs().lte(unit);
      add(
        'narrative.amount',
        oneUnit ? 'warning' : 'error',
        c,
        msg('amount-mismatch', {
          subject: c.subject,
          printed: c.amount.raw,
          table,
          cell: `${linked.fact.cell.sheet}!${linked.fact.cell.cell}`,
          value: show(linked.value),
          difference: show(r.difference ?? undefined, Math.max(n.decimals, linked.value.decimals, 0)),
        }),
        {
          cells,
          expected: value.toFixed(Math.max(0, linked.value.decimals)),
          actual: n.value!.toFixed(Math.max(0, n.decimals)),
          difference: r.difference?.toString(),
        },
      );
    }

    /** a count (人次, 个, 辆 …) stated more than once in the narrative must be stated the same way */
    function checkCount(c: CountClaim): void {
      if (!c.subject || c.count.approx || c.each) return;
      const subject = c.subject.replace(/[\s（）()“”"]/g, '');
      // only a specific subject says which count it is; vehicles and equipment are stated both as held and as bought
      if (subject.length < 4 || /辆|台|套/.test(c.count.unit ?? '')) return;
      const k = `count|${subject}|${c.count.unit ?? ''}`;
      const prev = seenCounts.get(k);
      if (!prev) {
        seenCounts.set(k, { value: c.count.value, text: c.count.raw, where });
        return;
      }
      if (prev.value.eq(c.count.value)) passed++;
      else {
        add('narrative.consistency', 'warning', c, msg('same-subject-twice', { subject: c.subject, first: `${prev.text}${c.count.unit ?? ''}`, second: `${c.count.raw}${c.count.unit ?? ''}` }), {
          cells: [prev.where, where],
        });
      }
    }

    function baseOf(c: ShareClaim): Amount | undefined {
      if (c.base) {
        const b = link(c.base);
        if (b) return b.value;
      }
      // a bare "占 X%" inside a breakdown: the base is the breakdown's whole (not the part the share is about)
      for (const bd of claims) {
        if (bd.kind !== 'breakdown' || bd.whole.kind !== 'amount') continue;
        if (!(bd.span.start <= c.span.start && c.span.end <= bd.span.end)) continue;
        if (bd.whole.span.start <= c.span.start && c.span.start <= bd.whole.span.end + 2) continue;
        if (c.subject && bd.whole.subject === c.subject) continue;
        const w = wan(bd.whole.amount);
        if (w) return w;
      }
      // a numbered item under a list introduced in an earlier paragraph (“…支出 442.86 万元，主要用于以下方面：”)
      return listWhole;
    }

    function checkShare(c: ShareClaim): void {
      const part = c.part && isMoney(c.part) ? wan(c.part) : link(c.subject)?.value;
      const base = baseOf(c);
      if (!part || !base) {
        add('narrative.share', 'info', c, msg('share-unlinked', { subject: c.subject, printed: c.percent.raw }), { verdict: 'cannot' });
        return;
      }
      const v = checkPercent(pct(c.percent), part, base);
      if (v.verdict === 'undefined') {
        add('narrative.zero-base', 'error', c, msg('zero-base', { subject: c.subject, printed: c.percent.raw }));
      } else if (v.verdict === 'fails') {
        add('narrative.share', 'error', c, msg('share-mismatch', { subject: c.subject, base: c.base ?? '合计', printed: c.percent.raw, expected: v.expected?.toString() ?? '' }), {
          expected: v.expected?.toString(),
          actual: c.percent.value.toString(),
        });
      } else if (v.truncated) {
        add('narrative.share', 'warning', c, msg('share-truncated', { subject: c.subject, printed: c.percent.raw, expected: v.expected?.toString() ?? '' }));
      } else verified(c);
    }

    function checkChange(c: ChangeClaim): void {
      const dirs = new Set(c.directionWords.map((w) => w.direction));
      const residue = claims.some(
        (x) => x.kind === 'template-residue' && c.directionWords.some((w) => w.span.start < x.span.end && x.span.start < w.span.end),
      );
      if (residue) return; // both template alternatives left in: reported once, as template residue
      if (dirs.size > 1) {
        add('narrative.change', 'error', c, msg('change-direction', { subject: c.subject, words: c.directionWords.map((w) => w.word).join('、') }));
        return;
      }
      const delta = c.amount && isMoney(c.amount) ? wan(c.amount) : undefined;
      if (c.direction === 'flat') {
        if (delta && delta.value && !delta.value.isZero()) add('narrative.change', 'error', c, msg('change-flat', { subject: c.subject, amount: c.amount!.raw }));
        else verified(c);
        return;
      }
      if (!delta || !c.percent || c.toValue) return;
      const current = c.current && isMoney(c.current) ? wan(c.current) : link(c.subject)?.value;
      if (!current || !current.value) return;
      const sign = c.direction === 'increase' ? -1 : 1;
      // prior P = A ∓ Δ, printed precision of the coarser figure
      const priorValue = current.value.plus(delta.value!.times(sign));
      const prior: Amount = { kind: 'number', value: priorValue, decimals: Math.min(current.decimals, delta.decimals), raw: '' };
      if (options.prior) {
        const key = link(c.subject)?.fact.key;
        const last = key ? options.prior.byKey(key) : undefined;
        const lastValue = last ? wanAmount(last) : undefined;
        if (lastValue && checkSame(lastValue, prior).verdict === 'fails' && checkSum(lastValue, [{ amount: current, weight: 1 }, { amount: delta, weight: sign }]).verdict === 'fails') {
          add('narrative.change', 'error', c, msg('change-prior', { subject: c.subject, implied: show(prior), prior: show(lastValue) }));
          return;
        }
      }
      if (priorValue.isZero()) {
        add('narrative.zero-base', 'error', c, msg('zero-base', { subject: c.subject, printed: c.percent.raw }));
        return;
      }
      const v = checkPercent(pct(c.percent), delta, prior);
      if (v.verdict === 'fails') {
        add('narrative.change', 'error', c, msg('change-rate', { subject: c.subject, amount: c.amount!.raw, printed: c.percent.raw, expected: v.expected?.toString() ?? '', prior: show(prior) }), {
          expected: v.expected?.toString(),
          actual: c.percent.value.toString(),
        });
      } else verified(c);
    }

    function checkCompletion(c: CompletionClaim): void {
      const actual = c.actual && isMoney(c.actual) ? wan(c.actual) : undefined;
      const budget = c.budget && isMoney(c.budget) ? wan(c.budget) : undefined;
      if (!actual || !budget) return;
      if (c.percent) {
        if (!budget.value || budget.value.isZero()) {
          add('narrative.zero-base', 'error', c, msg('zero-base', { subject: c.subject, printed: c.percent.raw }));
          return;
        }
        const v = checkPercent(pct(c.percent), actual, budget);
        if (v.verdict === 'fails') {
          const implied = budget.value.times(exact(c.percent.value)).div(100);
          if (actual.value && actual.value.eq(budget.value)) {
            add('narrative.completion', 'error', c, msg('completion-copied', { subject: c.subject, actual: c.actual!.raw, implied: show(implied) }), {
              expected: implied.toFixed(2),
              actual: actual.value.toFixed(Math.max(0, actual.decimals)),
            });
          } else {
            add('narrative.completion', 'error', c, msg('completion-rate', { subject: c.subject, actual: c.actual!.raw, budget: c.budget!.raw, printed: c.percent.raw, expected: v.expected?.toString() ?? '' }), {
              expected: v.expected?.toString(),
              actual: c.percent.value.toString(),
            });
          }
          return;
        }
      }
      if (c.comparison && actual.value && budget.value) {
        const d = actual.value.comparedTo(budget.value);
        const ok = c.comparison.direction === 'equal' ? d === 0 : c.comparison.direction === 'above' ? d > 0 : d < 0;
        if (!ok) {
          add('narrative.completion', 'error', c, msg('completion-comparison', { subject: c.subject, word: c.comparison.word, actual: c.actual!.raw, budget: c.budget!.raw }));
          return;
        }
      }
      verified(c);
    }

    function checkBreakdown(c: BreakdownClaim): void {
      if (c.whole.kind !== 'amount') return;
      const whole = wan(c.whole.amount);
      const parts = c.parts.filter((p): p is AmountClaim => p.kind === 'amount' && !p.each);
      if (!whole || parts.length < 2 || parts.length !== c.parts.length) return;
      const amounts = parts.map((p) => wan(p.amount));
      if (amounts.some((a) => !a)) return;
      if (parts.some((p) => p.amount.approx) || c.whole.amount.approx) return;
      const v = checkSum(whole, amounts.map((a) => ({ amount: a!, weight: 1 })));
      // a list introduced by 其中 may name only the main parts: only a list that exceeds its whole is inconsistent,
      // unless the connector promises the whole list (分别为, 包括)
      const complete = /分别|包括|由/.test(c.connector);
      const exceeds = v.difference !== null && v.difference.isNegative();
      if (v.verdict === 'fails' && (complete || exceeds)) {
        add('narrative.breakdown', 'error', c, msg('breakdown-sum', { whole: c.whole.subject, printed: c.whole.amount.raw, sum: show(v.expected ?? undefined), difference: show(v.difference ?? undefined) }));
      } else if (v.verdict !== 'fails') passed++;
    }
  }

  const ids = new Map<string, number>();
  for (const f of findings) {
    const base = `${f.rule}@${f.location.sheet}!${f.location.cell}:${f.span.start}`;
    const k = (ids.get(base) ?? 0) + 1;
    ids.set(base, k);
    f.id = k === 1 ? base : `${base}#${k}`;
  }
  return { findings, passed, claims: claimCount };
}
