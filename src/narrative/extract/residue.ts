/**
 * Template residue: text of the disclosure template the author did not resolve (§7.4, §7.5): both alternatives left in
 * (“增加（减少）”, “大于（小于）”), a fragment of the unused one merged into the word (“增减少”), placeholders (“XX 万元”,
 * “XXX局”), drafting instructions (“（不涉及的不列）”, “（如持平作持平表述）”) and an empty reason slot (“主要原因是。”).
 */
import { fold } from './text';
import type { ResidueKind, TemplateResidueClaim } from './types';

const ALT_WORDS = '增加|减少|增长|下降|上升|降低|提高|大于|小于|高于|低于|等于|多于|少于|增|减';
const ALTERNATIVES_RE = new RegExp(`(?:${ALT_WORDS})\\s*\\(\\s*(?:${ALT_WORDS})\\s*\\)|(?:${ALT_WORDS})\\s*/\\s*(?:${ALT_WORDS})`, 'g');
const MERGED_RE = /增减少|减增加|增减(?=\s*-?\d)/g;
const PLACEHOLDER_RE = /(?<![A-Za-z])(?:[Xx×]{2,}|[Xx](?=\s*(?:万元|元|%|个|人|年|月|日|项|家|辆)))(?![A-Za-z])/g;
const INSTRUCTION_RE = /\([^()\n]{0,60}\)/g;
const INSTRUCTION_WORDS = [
  '不涉及的不列',
  '不涉及的可不列',
  '不涉及可不列',
  '不涉及的单位',
  '作持平表述',
  '如持平',
  '请填写',
  '据实填写',
  '请根据',
  '根据实际情况填写',
  '按实际填列',
  '此处填写',
  '可删除',
  '删除此',
];
const EMPTY_REASON_RE = /(?:主要原因|原因)(?:是|为)?\s*:?\s*(?=[。;])/g;

/** Find template residue in `orig` (`f`: its folded form, when the caller has it already). */
export function findResidue(orig: string, f: string = fold(orig)): TemplateResidueClaim[] {
  const out: TemplateResidueClaim[] = [];
  const add = (residue: ResidueKind, start: number, end: number) =>
    out.push({ kind: 'template-residue', residue, text: orig.slice(start, end), span: { start, end } });
  for (const m of f.matchAll(ALTERNATIVES_RE)) {
    add('alternatives', m.index, m.index + m[0].length);
  }
  for (const m of f.matchAll(MERGED_RE)) add('merged-direction', m.index, m.index + m[0].length);
  // a lone × between numbers is arithmetic (测算依据); only ×× and X/XX are placeholders
  for (const m of f.matchAll(PLACEHOLDER_RE)) add('placeholder', m.index, m.index + m[0].length);
  for (const m of f.matchAll(INSTRUCTION_RE)) {
    if (INSTRUCTION_WORDS.some((w) => m[0].includes(w))) add('instruction', m.index, m.index + m[0].length);
  }
  for (const m of f.matchAll(EMPTY_REASON_RE)) add('empty-reason', m.index, m.index + m[0].length);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
