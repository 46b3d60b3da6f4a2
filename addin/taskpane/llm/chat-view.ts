/**
 * The chat panel's logic, free of React: an answer cut into pieces (plain text, cited cells, numbers the verifier
 * could not confirm), the cells a citation selects, and what inserting a proposal writes (which cells, which text,
 * what it overwrites). Nothing here writes: the panel calls the host's write path only after the user's confirmed
 * click.
 */
import type { Citation } from '../../../src/llm/chat/citations';
import type { ChatProposal } from '../../../src/llm/chat/session';
import type { VerifyProblem } from '../../../src/llm/verify';
import { a1, parseA1, parseArea, type CellRef } from '../../../src/model/address';
import { getCell, type Workbook } from '../../../src/model/workbook';
import { occupiedCells, targetCells, type TargetParse } from '../narrative';

export interface AnswerPiece {
  text: string;
  /** the piece cites this cell (a written reference, or a figure of a tool result) */
  citation?: Citation;
  /** the piece is a number the verifier could not confirm */
  problem?: VerifyProblem;
}

/**
 * The answer as consecutive pieces covering the whole text: each cut where a citation or a problem begins or ends,
 * neighbours with the same citation and problem merged. Spans outside the text are ignored.
 */
export function answerPieces(text: string, citations: readonly Citation[], problems: readonly VerifyProblem[]): AnswerPiece[] {
  const n = text.length;
  const cits = citations.filter((c) => c.span && c.span[0] >= 0 && c.span[1] <= n && c.span[0] < c.span[1]);
  const probs = problems.filter((p) => p.span.start >= 0 && p.span.end <= n && p.span.start < p.span.end);
  const cuts = new Set<number>([0, n]);
  for (const c of cits) {
    cuts.add(c.span![0]);
    cuts.add(c.span![1]);
  }
  for (const p of probs) {
    cuts.add(p.span.start);
    cuts.add(p.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: AnswerPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const citation = cits.find((c) => c.span![0] <= from && c.span![1] >= to);
    // the narrowest problem covering the piece: a wrong figure inside a wider claim is marked as itself
    const problem = probs
      .filter((p) => p.span.start <= from && p.span.end >= to)
      .reduce<VerifyProblem | undefined>((best, p) => (!best || p.span.end - p.span.start < best.span.end - best.span.start ? p : best), undefined);
    const last = out[out.length - 1];
    if (last && last.citation === citation && last.problem === problem) {
      last.text += text.slice(from, to);
      continue;
    }
    const piece: AnswerPiece = { text: text.slice(from, to) };
    if (citation) piece.citation = citation;
    if (problem) piece.problem = problem;
    out.push(piece);
  }
  return out;
}

/** At most this many cells are selected for a cited range (a whole column would only slow the host). */
export const MAX_SELECTED_CELLS = 200;

/** The cells a citation selects: the cell, or the cells of a cited range (row by row, at most MAX_SELECTED_CELLS). */
export function citationRefs(c: Pick<Citation, 'sheet' | 'cell'>): CellRef[] {
  if (!c.cell.includes(':')) return [{ sheet: c.sheet, cell: c.cell }];
  const area = parseArea(c.cell);
  const out: CellRef[] = [];
  for (let r = area.top; r <= area.bottom && out.length < MAX_SELECTED_CELLS; r++) {
    for (let col = area.left; col <= area.right && out.length < MAX_SELECTED_CELLS; col++) out.push({ sheet: c.sheet, cell: a1(r, col) });
  }
  return out;
}

/** What inserting a proposal writes. */
export interface InsertPlan {
  writes: Array<{ ref: CellRef; text: string }>;
  /** cells that hold something and will be overwritten (for `append`: the cell whose text is extended) */
  overwrite: CellRef[];
  /** the text the target cell holds now (cell targets) */
  existing?: string;
}

/** A narrative cell's text as the pane knows it: written from the pane since the check, else the checked workbook. */
export type KnownText = (ref: CellRef) => string;

export function knownTextOf(workbook: Workbook, written: ReadonlyMap<string, string>): KnownText {
  return (ref) => {
    const w = written.get(`${ref.sheet}!${ref.cell}`);
    if (w !== undefined) return w;
    const sheet = workbook.sheets.find((s) => s.name === ref.sheet);
    if (!sheet) return '';
    const { row, col } = parseA1(ref.cell);
    const cell = getCell(sheet, row, col);
    if (!cell) return '';
    return cell.text !== '' ? cell.text : cell.value === null ? '' : String(cell.value);
  };
}

/**
 * The cells whose text in `now` (the workbook read again just before writing) is not what the insertion was planned on
 * (`expected`): the user edited them after the check. Writing there would overwrite (or, for an append, drop) that edit,
 * so the panes refuse and ask for a new check instead.
 */
export function staleCells(refs: readonly CellRef[], expected: KnownText, now: Workbook): CellRef[] {
  const current = knownTextOf(now, new Map());
  return refs.filter((r) => current(r) !== expected(r));
}

/** Sentence ends after which appended text follows directly (Chinese prose has no space between sentences). */
const SENTENCE_END = /[。！？；.!?;]\s*$/;

/** The paragraphs of a proposal for a section: one a non-empty line. */
export function proposalParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * The plan of a proposal: a cell target is replaced, or extended by the text (`append`: after a sentence end
 * directly, else on a new line); a section target goes one paragraph a cell, downwards from `sectionTarget` (the
 * user's choice, prefilled with the first empty cell below the narrative).
 */
export function proposalPlan(
  p: Pick<ChatProposal, 'text' | 'target' | 'mode'>,
  workbook: Workbook,
  known: KnownText,
  sectionTarget?: Extract<TargetParse, { ok: true }>,
  written: ReadonlySet<string> = new Set(),
): InsertPlan | undefined {
  if (p.target.kind === 'cell') {
    const ref = { sheet: p.target.sheet, cell: p.target.cell };
    const existing = known(ref);
    const occupied = existing.trim() !== '' || occupiedCells(workbook, [ref]).length > 0;
    let text = p.text.trim();
    if (p.mode === 'append' && existing.trim() !== '') {
      text = SENTENCE_END.test(existing) ? `${existing.replace(/\s+$/, '')}${text}` : `${existing}\n${text}`;
    }
    return { writes: [{ ref, text }], overwrite: occupied ? [ref] : [], existing };
  }
  if (!sectionTarget) return undefined;
  const paragraphs = proposalParagraphs(p.text);
  if (paragraphs.length === 0) return undefined;
  const cells = targetCells(sectionTarget, paragraphs.length);
  const busy = [...occupiedCells(workbook, cells), ...cells.filter((c) => written.has(`${c.sheet}!${c.cell}`) || known(c).trim() !== '')];
  const seen = new Set<string>();
  const overwrite = busy.filter((c) => {
    const k = `${c.sheet}!${c.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { writes: cells.map((ref, i) => ({ ref, text: paragraphs[i] })), overwrite };
}

/** The blocking problems first (they are what a confirm must name), each number once. */
export function unverifiedNumbers(problems: readonly VerifyProblem[]): string[] {
  const sorted = [...problems].sort((a, b) => Number(b.blocking) - Number(a.blocking) || a.span.start - b.span.start);
  return [...new Set(sorted.map((p) => p.text))];
}
