/**
 * Deterministic drafts of the standard 情况说明 sections from verified facts: `draftSections(facts, recognition)`.
 *
 * Sections (ids stable): 决算 juesuan.overview, .income, .expenditure, .fiscal, .general-budget.overview / .structure /
 * .detail, .basic, .gov-fund, .state-capital, .three-public, .organ-running; 预算 yusuan.overview, .income,
 * .expenditure, .fiscal, .general-budget, .basic, .gov-fund, .state-capital, .projects, .three-public, .organ-running,
 * .procurement, .purchase-services. Templates are data (./wording); the drafters (./juesuan, ./yusuan) choose the facts.
 */
import type { FactBase } from '../../facts';
import type { Recognition, Regime } from '../../model/table';
import { DraftContext, regimeOf, regimeOfFacts } from './context';
import { JUESUAN_DRAFTERS } from './juesuan';
import { templateFor } from './meta';
import type { DraftOptions, DraftSection } from './types';
import { JUESUAN_SECTIONS, JUESUAN_WORDING, YUSUAN_SECTIONS, YUSUAN_WORDING, type SectionId } from './wording';
import { YUSUAN_DRAFTERS } from './yusuan';

export * from './types';
export { documentMeta, templateFor, type DocumentMeta } from './meta';
export { placeholderText, formatDecimal } from './render';
export { JUESUAN_SECTIONS, YUSUAN_SECTIONS, type SectionId, type JuesuanSectionId, type YusuanSectionId } from './wording';
export { regimeOf, regimeOfFacts } from './context';

/** The section ids of a regime, in the national template's order. */
export function sectionIds(regime: Regime): readonly SectionId[] {
  return regime === 'juesuan' ? JUESUAN_SECTIONS : YUSUAN_SECTIONS;
}

/** Does `selector` (a section id, or the id of a family such as 'juesuan.general-budget') select `id`? */
export function selects(selector: string, id: string): boolean {
  const s = selector.trim();
  return s === id || id.startsWith(`${s}.`);
}

/** The selectors that select no section of the regime (for a usage error). */
export function unknownSections(selectors: readonly string[], regime: Regime): string[] {
  const ids = sectionIds(regime);
  return selectors.filter((s) => !ids.some((id) => selects(s, id)));
}

/**
 * Draft the standard sections of the document's regime (from its recognised tables), in the wording family's order.
 * Never throws on a workbook: a section whose tables are missing comes back with no paragraphs (or fewer) and
 * `missing` naming them. An empty list when no table was recognised.
 */
export function draftSections(facts: FactBase, recognition: Recognition, options: DraftOptions = {}): DraftSection[] {
  const regime = regimeOf(recognition) ?? regimeOfFacts(facts);
  if (!regime) return [];
  const department = options.department ?? departmentOf(recognition);
  const year = options.year ?? yearOf(recognition);
  const template = options.style?.template ?? templateFor(department);
  const ctx = new DraftContext(facts, recognition, regime, { ...options, department, year }, template);
  const wanted = (id: string) => !options.sections || options.sections.length === 0 || options.sections.some((s) => selects(s, id));
  const out: DraftSection[] = [];
  if (regime === 'juesuan') {
    const w = JUESUAN_WORDING[template];
    for (const id of w.order) {
      if (!wanted(id)) continue;
      const d = JUESUAN_DRAFTERS[id](ctx, w);
      out.push(section(id, w.titles[id], d));
    }
  } else {
    const w = YUSUAN_WORDING[template];
    for (const id of w.order) {
      if (!wanted(id)) continue;
      const d = YUSUAN_DRAFTERS[id](ctx, w);
      out.push(section(id, w.titles[id], d));
    }
  }
  return out;
}

function section(id: string, title: string, d: { paragraphs: DraftSection['paragraphs']; missing?: DraftSection['missing'] }): DraftSection {
  const s: DraftSection = { id, title, paragraphs: d.paragraphs };
  if (d.missing && d.missing.length > 0) s.missing = d.missing;
  return s;
}

function departmentOf(recognition: Recognition): string | undefined {
  const names = recognition.tables.map((t) => t.department?.trim()).filter((d): d is string => !!d);
  return mostCommon(names);
}

function yearOf(recognition: Recognition): number | undefined {
  return mostCommon(recognition.tables.map((t) => t.year).filter((y): y is number => y !== undefined));
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let n = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}
