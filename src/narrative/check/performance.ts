/**
 * The 预算绩效情况说明 sentences against the performance self-evaluation forms (domain §6 N27–N29, §4.7 E-9):
 * - N29 “我部门（单位）在{Y}年度部门决算中反映所有项目绩效自评结果…共涉及 n 个一级项目”: the year is the report year, n is
 *   the number of project forms;
 * - N29 “{k}.{项目}项目绩效自评综述：项目全年预算数为 A 万元，执行数为 B 万元，完成预算的 p%”: the project is found by its
 *   name (as printed, or as narratives shorten it), else by its figures; A and B are the form's 预算数 and 执行数, and p
 *   recomputes from them at the form's precision (the checker's completion rule recomputes it from the printed A and B);
 * - N27 “…组织对{Y}年度一般公共预算项目支出全面开展绩效自评，共涉及项目 n 个，资金 A 万元”: when n is the number of project
 *   forms, A is their total budget (or their total actual);
 * - N28 “…组织对…开展整体支出绩效自评，资金 A 万元”: A is the 整体 form's 执行数 (or its budget); a figure that is the
 *   form's 项目支出总额 instead is a warning (the wrong basis), any other an error.
 * Only sentences of these forms are checked here; nothing is guessed when the workbook holds no form.
 */
import Decimal from 'decimal.js';
import { formatAmount, type Amount } from '../../amount/parse';
import { exact } from '../../arith/decimal';
import { checkPercent, checkSame } from '../../arith/interval';
import { normSubject, projectNames, wanAmount, type Fact, type FactBase } from '../../facts';
import { t, type Lang } from '../../i18n';
import type { Severity } from '../../rules/types';
import type { Claim, CompletionClaim, NumberToken } from '../extract/types';
import { performanceNarrativeMessages } from './performance-messages';

interface Project {
  n: number;
  name: string;
  names: Set<string>;
  budget?: Fact;
  actual?: Fact;
}

export interface PerformanceIndex {
  projects: Project[];
  count?: Fact;
  /** the number of 整体 forms */
  units?: Fact;
  overall: Partial<Record<'budget' | 'actual' | 'project', Fact>>;
}

/** The performance forms' facts, by project; undefined when the workbook holds no form. */
export function performanceIndex(facts: FactBase): PerformanceIndex | undefined {
  const byN = new Map<number, Project>();
  const overall: PerformanceIndex['overall'] = {};
  let any = false;
  for (const f of facts.facts) {
    if (!f.key.startsWith('performance.')) continue;
    any = true;
    const m = /^performance\.project\.(\d+)\.(budget|actual)$/.exec(f.key);
    if (m) {
      const n = Number(m[1]);
      const p = byN.get(n) ?? { n, name: f.entity ?? '', names: new Set((f.entity ? projectNames(f.entity) : []).map(normSubject)) };
      p[m[2] as 'budget' | 'actual'] = f;
      byN.set(n, p);
    }
    const o = /^performance\.overall\.(budget|actual|project)$/.exec(f.key);
    if (o) overall[o[1] as 'budget' | 'actual' | 'project'] = f;
  }
  if (!any) return undefined;
  return {
    projects: [...byN.values()].sort((a, b) => a.n - b.n),
    count: facts.byKey('performance.projects.count'),
    units: facts.byKey('performance.units.count'),
    overall,
  };
}

export interface PerformanceHooks {
  lang: Lang;
  reportYear?: number;
  /** report a finding on [start, end) of the paragraph */
  add: (rule: string, severity: Severity, span: { start: number; end: number }, message: string, extra?: { expected?: string; actual?: string; verdict?: 'cannot' }) => void;
  /** a claim whose figures agree with the forms */
  verified: (claim: Claim, fact?: Fact) => void;
  /** a money token in 万元 */
  wan: (tok: NumberToken) => Amount | undefined;
}

const N29_HEAD = /在\s*(\d{4})\s*年度?\s*部门决算中反映(?:所有)?项目绩效自评结果/;
const N29_COUNT = /共涉及\s*(\d+)\s*个一级项目/;
const N27 = /开展绩效自评[，,]?\s*共涉及项目\s*(\d+)\s*个[，,]\s*资金\s*([\d,]+(?:\.\d+)?)\s*万元/;
const N28 = /开展整体支出绩效自评[，,]\s*资金\s*([\d,]+(?:\.\d+)?)\s*万元/;
const N28_COUNT = /组织对\s*(\d+)\s*个部门[（(]单位[)）]开展整体支出绩效自评/;
/** the wording of an N29 project summary (a completion claim with it is a project's, even when no form is named so) */
const N29_SUMMARY = /绩效自评综述|项目全年预算数|全年预算数为[^。]*执行数为/;

const pct = (tok: NumberToken): Amount => ({ kind: 'percent', value: exact(tok.value), decimals: tok.decimals, raw: tok.raw });
const tokSpan = (tok: NumberToken) => ({ start: tok.span.start, end: tok.unitSpan?.end ?? tok.span.end });
const padded = (a: Amount, d: number): Amount => (a.kind === 'number' && a.decimals < d ? { ...a, decimals: d } : a);
const agrees = (a: Amount | undefined, b: Amount | undefined) => !!a && !!b && checkSame(a, b).verdict !== 'fails';
const cellOf = (f: Fact) => `${f.cell.sheet}!${f.cell.cell}`;

function money(raw: string): Amount {
  const v = raw.replace(/,/g, '');
  const dot = v.indexOf('.');
  return { kind: 'number', value: new Decimal(v), decimals: dot < 0 ? 0 : v.length - dot - 1, raw };
}

/** Check one paragraph's performance sentences; `claims` are the paragraph's claims. */
export function checkPerformanceParagraph(text: string, claims: Claim[], index: PerformanceIndex, h: PerformanceHooks): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const msg = (key: string, params: Record<string, unknown>) => (t as any)(performanceNarrativeMessages, h.lang, key, params) as string;
  const amountClaimAt = (start: number) => claims.find((c) => c.kind === 'amount' && c.amount.span.start === start);

  // ── N29 head: the report year and the number of project forms ──────────────────────────────────────────────────
  const head = N29_HEAD.exec(text);
  if (head && h.reportYear !== undefined) {
    const year = Number(head[1]);
    const at = head.index + head[0].indexOf(head[1]);
    if (year !== h.reportYear) {
      h.add('narrative.performance-year', 'error', { start: at, end: at + head[1].length }, msg('year', { printed: head[1], year: h.reportYear }), {
        expected: String(h.reportYear),
        actual: head[1],
      });
    }
  }
  const count = N29_COUNT.exec(text);
  if (count && index.count) {
    const n = Number(count[1]);
    const at = count.index + count[0].indexOf(count[1]);
    const span = { start: at, end: at + count[0].slice(count[0].indexOf(count[1])).indexOf('个') + 1 };
    const forms = index.count.value.value!.toNumber();
    const c = claims.find((x) => x.kind === 'count' && x.count.span.start === at);
    if (n !== forms) {
      h.add('narrative.performance-count', 'error', span, msg('count', { printed: count[1], forms, cell: cellOf(index.count) }), { expected: String(forms), actual: count[1] });
    } else if (c) h.verified(c, index.count);
  }

  // ── N27: the evaluated projects' funds ───────────────────────────────────────────────────────────────────────
  const n27 = N27.exec(text);
  if (n27 && index.projects.length > 0) {
    const n = Number(n27[1]);
    const at = n27.index + n27[0].lastIndexOf(n27[2]);
    const span = { start: at, end: at + n27[2].length + n27[0].slice(n27[0].lastIndexOf(n27[2]) + n27[2].length).indexOf('万元') + 2 };
    const printed = money(n27[2]);
    if (n !== index.projects.length) {
      h.add('narrative.performance-funds', 'info', span, msg('funds-scope', { printed: n27[2], n, forms: index.projects.length }), { verdict: 'cannot' });
    } else {
      const sums = (['budget', 'actual'] as const).map((m) => sumOf(index.projects.map((p) => p[m])));
      const ok = sums.some((s) => s && agrees(s, printed));
      const claim = amountClaimAt(at);
      if (ok) {
        if (claim) h.verified(claim, index.projects[0].budget);
      } else if (sums[0]) {
        h.add('narrative.performance-funds', 'error', span, msg('funds', { printed: n27[2], n, budget: show(sums[0]), actual: sums[1] ? show(sums[1]) : '—' }), {
          expected: show(sums[0]),
          actual: n27[2],
        });
      }
    }
  }

  // ── N28: the number of 整体 forms, their funds ────────────────────────────────────────────────────────────────
  const units = N28_COUNT.exec(text);
  if (units && index.units) {
    const n = Number(units[1]);
    const at = units.index + units[0].indexOf(units[1]);
    const span = { start: at, end: at + units[0].slice(units[0].indexOf(units[1])).indexOf('个') + 1 };
    const forms = index.units.value.value!.toNumber();
    const c = claims.find((x) => x.kind === 'count' && x.count.span.start === at);
    if (n !== forms) {
      h.add('narrative.performance-count', 'error', span, msg('units', { printed: units[1], forms, cell: cellOf(index.units) }), { expected: String(forms), actual: units[1] });
    } else if (c) h.verified(c, index.units);
  }
  const n28 = N28.exec(text);
  const { actual: oActual, budget: oBudget, project: oProject } = index.overall;
  if (n28 && oActual) {
    const at = n28.index + n28[0].lastIndexOf(n28[1]);
    const span = { start: at, end: at + n28[0].length - n28[0].lastIndexOf(n28[1]) };
    const printed = money(n28[1]);
    const claim = amountClaimAt(at);
    if (agrees(wanAmount(oActual), printed) || agrees(oBudget && wanAmount(oBudget), printed)) {
      if (claim) h.verified(claim, oActual);
    } else {
      const basis = oProject && agrees(wanAmount(oProject), printed);
      h.add(
        'narrative.performance-funds',
        basis ? 'warning' : 'error',
        span,
        msg(basis ? 'overall-basis' : 'overall', { printed: n28[1], actual: oActual.value.raw, cell: cellOf(oActual), project: oProject?.value.raw ?? '' }),
        { expected: oActual.value.raw, actual: n28[1] },
      );
    }
  }

  // ── N29 project summaries: completion claims of a project ────────────────────────────────────────────────────
  for (const c of claims) {
    if (c.kind !== 'completion' || !c.budget || !c.actual) continue;
    const sentence = sentenceOf(text, c.span.start);
    const budget = h.wan(c.budget);
    const actual = h.wan(c.actual);
    const { exact: named, near } = byName(index, c.subject);
    if (!named && !near && !N29_SUMMARY.test(sentence)) continue; // a completion of another kind (一般公共预算财政拨款支出 …)
    // a name the forms print decides; else the form whose figures these are; else the one form whose name is close
    const project = named ?? byFigures(index, budget, actual) ?? near;
    if (!project) {
      h.add('narrative.performance-unlinked', 'info', c.span, msg('unlinked', { subject: c.subject }), { verdict: 'cannot' });
      continue;
    }
    if (!named) {
      // the summary names a project no form is titled with; its figures are one form's
      h.add('narrative.performance-name', 'info', c.span, msg('name', { subject: c.subject, name: project.name }), { verdict: 'cannot' });
    }
    let wrong = false;
    for (const [tok, fact, word] of [
      [c.budget, project.budget, 'budget'],
      [c.actual, project.actual, 'actual'],
    ] as const) {
      const printed = h.wan(tok);
      const value = fact && wanAmount(fact);
      if (!printed || !value || agrees(value, printed)) continue;
      wrong = true;
      h.add('narrative.performance-amount', 'error', tokSpan(tok), msg(word, { subject: c.subject, name: project.name, printed: tok.raw, value: fact!.value.raw, cell: cellOf(fact!) }), {
        expected: fact!.value.raw,
        actual: tok.raw,
      });
    }
    if (wrong) continue;
    if (c.percent && project.budget && project.actual) rate(c, project);
    h.verified(c, project.actual);
  }

  /** the rate at the form's precision: consistent with the printed A and B but not with the form's (6.7 read as 6.70) */
  function rate(c: CompletionClaim, p: Project): void {
    const A = wanAmount(p.budget!)!;
    const B = wanAmount(p.actual!)!;
    if (!A.value || A.value.isZero()) return;
    const loose = checkPercent(pct(c.percent!), B, A);
    if (loose.verdict === 'fails' || loose.verdict === 'undefined') return; // the completion rule reports it
    const d = Math.max(A.decimals, B.decimals);
    const tight = checkPercent(pct(c.percent!), padded(B, d), padded(A, d));
    if (tight.verdict !== 'fails') return;
    const e = tight.expected!.toFixed(c.percent!.decimals);
    h.add('narrative.performance-rate', 'warning', tokSpan(c.percent!), msg('rate', { subject: c.subject, printed: c.percent!.raw, expected: e, actual: p.actual!.value.raw, budget: p.budget!.value.raw }), {
      expected: e,
      actual: c.percent!.raw,
    });
  }
}

function show(a: Amount): string {
  return formatAmount(a.value ?? exact(0), Math.max(0, a.decimals));
}

/** Σ of the facts in 万元, at the precision of the most precise (a form drops trailing zeros) */
function sumOf(facts: Array<Fact | undefined>): Amount | undefined {
  const xs = facts.map((f) => (f ? wanAmount(f) : undefined));
  if (xs.some((x) => !x || x.value === null)) return undefined;
  const d = Math.max(...xs.map((x) => x!.decimals));
  const v = xs.reduce((s, x) => s.plus(x!.value!), exact(0));
  return { kind: 'number', value: v, decimals: d, raw: v.toFixed(d) };
}

function sentenceOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const end = text.indexOf('。', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * The project a summary names: `exact`, a name the form prints or narratives shorten it to (without the year, 项目,
 * 经费); `near`, the one form whose name ends the subject or is ended by it (“城乡医疗救助经费” / “医疗救助经费”).
 */
function byName(index: PerformanceIndex, subject: string): { exact?: Project; near?: Project } {
  const s = normSubject(subject).replace(/^20\d{2}年度?/, '');
  if (!s) return {};
  const exactHits = index.projects.filter((p) => p.names.has(s) || p.names.has(normSubject(subject)));
  if (exactHits.length === 1) return { exact: exactHits[0] };
  if (exactHits.length > 1) return {};
  const near = index.projects.filter((p) => [...p.names].some((n) => n.length >= 4 && s.length >= 4 && (s.endsWith(n) || n.endsWith(s))));
  return near.length === 1 ? { near: near[0] } : {};
}

/** The one project whose budget and actual are the printed ones. */
function byFigures(index: PerformanceIndex, budget: Amount | undefined, actual: Amount | undefined): Project | undefined {
  if (!budget || !actual) return undefined;
  const hits = index.projects.filter((p) => agrees(p.budget && wanAmount(p.budget), budget) && agrees(p.actual && wanAmount(p.actual), actual));
  return hits.length === 1 ? hits[0] : undefined;
}
