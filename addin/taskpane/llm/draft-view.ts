/**
 * The Narrative tab's language model drafting, free of React: the input of src/llm/draft.ts from a checked workbook,
 * the user's material, a result cut into lines with the verifier's marks, and what an Insert may write and must
 * name. Verified text is inserted on the usual confirm; rejected text only after a confirm that names every
 * unverified number; 'needs-material' has nothing to insert (its questions are shown instead).
 */
import { buildFacts, type FactBase } from '../../../src/facts';
import type { DraftMaterial, LlmDraftInput, LlmDraftLine, LlmDraftResult } from '../../../src/llm/draft';
import type { VerifyProblem } from '../../../src/llm/verify';
import type { Recognition } from '../../../src/model/table';
import type { Workbook } from '../../../src/model/workbook';
import { documentMeta } from '../../../src/narrative/draft';

/** What every drafting request of a checked workbook shares: its facts, recognition, year and department. */
export type DraftBase = Omit<LlmDraftInput, 'sections' | 'material'>;

export function draftBase(workbook: Workbook, recognition: Recognition, facts: FactBase = buildFacts(workbook, recognition)): DraftBase {
  return { facts, recognition, workbook, ...documentMeta(workbook, recognition) };
}

/** The input of one request: the section asked for (polish, reasons; none for the performance summary) and the material. */
export function draftInput(base: DraftBase, sections: string[] | undefined, material: DraftMaterial[]): LlmDraftInput {
  return sections ? { ...base, sections, material } : { ...base, material };
}

/** The material box as the library takes it: one item, or none when the box is blank. */
export function materialOf(text: string, name: string): DraftMaterial[] {
  return text.trim() === '' ? [] : [{ name, text: text.trim() }];
}

export interface LinePiece {
  text: string;
  problem?: VerifyProblem;
}

export interface ResultLine {
  line: LlmDraftLine;
  pieces: LinePiece[];
}

/**
 * The result's lines, each cut where a problem's span begins or ends (spans index the result's text; a line starts
 * at `line.start`). Problems with no text of their own (a paragraph left out, a wrong paragraph count) are returned
 * apart, to be listed under the text.
 */
export function resultLines(result: Pick<LlmDraftResult, 'lines' | 'problems'>): { lines: ResultLine[]; general: VerifyProblem[] } {
  const spanned = result.problems.filter((p) => p.span.end > p.span.start);
  const general = result.problems.filter((p) => p.span.end <= p.span.start);
  const lines = result.lines.map((line) => {
    const from = line.start;
    const to = line.start + line.text.length;
    const here = spanned.filter((p) => p.span.start < to && p.span.end > from);
    // a problem spanning the whole line (a polished paragraph that dropped a figure) is listed, not marked
    const whole = here.filter((p) => p.span.start <= from && p.span.end >= to);
    general.push(...whole.filter((p) => !general.includes(p)));
    const marks = here.filter((p) => !whole.includes(p));
    const cuts = new Set<number>([0, line.text.length]);
    for (const p of marks) {
      cuts.add(Math.max(0, p.span.start - from));
      cuts.add(Math.min(line.text.length, p.span.end - from));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: LinePiece[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      if (a === b) continue;
      // the narrowest problem covering the piece: a wrong figure inside a wider claim is marked as itself
      const problem = narrowest(marks.filter((p) => p.span.start - from <= a && p.span.end - from >= b));
      const last = pieces[pieces.length - 1];
      if (last && last.problem === problem) last.text += line.text.slice(a, b);
      else pieces.push(problem ? { text: line.text.slice(a, b), problem } : { text: line.text.slice(a, b) });
    }
    return { line, pieces };
  });
  return { lines, general };
}

function narrowest(ps: VerifyProblem[]): VerifyProblem | undefined {
  return ps.reduce<VerifyProblem | undefined>((best, p) => (!best || p.span.end - p.span.start < best.span.end - best.span.start ? p : best), undefined);
}

/** The paragraphs an Insert writes, one a cell (section titles are not written: the narrative has its own). */
export function insertableParagraphs(result: Pick<LlmDraftResult, 'lines'>): string[] {
  return result.lines.filter((l) => l.kind === 'paragraph' && l.text.trim() !== '').map((l) => l.text);
}

export interface InsertRules {
  /** nothing to insert ('needs-material', or no paragraph) */
  none: boolean;
  /** rejected: the confirm must name `unverified` and be acknowledged */
  needsAcknowledgement: boolean;
  /** what could not be verified (blocking problems): the number as written, else the reason */
  unverified: string[];
  /** numbers taken from the user's material (non-blocking marks), named in the confirm */
  fromMaterial: string[];
}

export function insertRules(result: Pick<LlmDraftResult, 'status' | 'lines' | 'problems'>): InsertRules {
  const none = result.status === 'needs-material' || insertableParagraphs(result).length === 0;
  // a number as written; a problem about a whole paragraph (or with no text) by its reason
  const { general } = resultLines(result);
  const named = (ps: VerifyProblem[]) => [...new Set(ps.map((p) => (p.text.trim() !== '' && !general.includes(p) ? p.text : p.reason)))];
  return {
    none,
    needsAcknowledgement: !none && result.status !== 'verified',
    unverified: named(result.problems.filter((p) => p.blocking)),
    fromMaterial: named(result.problems.filter((p) => !p.blocking)),
  };
}
