/**
 * An answer cut into pieces for display: plain text, unverified numbers (marked, with the verifier's reason) and
 * written cell references (links to the cell). The chat panel renders these; the command line lists the marks after
 * the streamed answer instead.
 */
import type { Citation } from './citations';
import type { AnswerProblem } from './verify';

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'problem'; text: string; problem: AnswerProblem }
  | { kind: 'citation'; text: string; citation: Citation };

/**
 * The segments of `text`, in order, covering it exactly. A problem wins over a reference it overlaps; of two
 * overlapping problems the first is marked (both stay in the turn's list of problems).
 */
export function answerSegments(text: string, problems: readonly AnswerProblem[], citations: readonly Citation[]): AnswerSegment[] {
  type Mark = { start: number; end: number; seg: (t: string) => AnswerSegment; rank: number };
  const marks: Mark[] = [
    ...problems.map((p): Mark => ({ start: p.span.start, end: p.span.end, rank: 0, seg: (t) => ({ kind: 'problem', text: t, problem: p }) })),
    ...citations
      .filter((c) => c.source === 'text' && c.span)
      .map((c): Mark => ({ start: c.span![0], end: c.span![1], rank: 1, seg: (t) => ({ kind: 'citation', text: t, citation: c }) })),
  ]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.rank - b.rank || a.start - b.start);
  // problems first, then references, each only where nothing is placed yet
  const placed: Mark[] = [];
  for (const m of marks) if (!placed.some((p) => m.start < p.end && p.start < m.end)) placed.push(m);
  placed.sort((a, b) => a.start - b.start);
  const out: AnswerSegment[] = [];
  let at = 0;
  for (const m of placed) {
    if (m.start > at) out.push({ kind: 'text', text: text.slice(at, m.start) });
    out.push(m.seg(text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}
