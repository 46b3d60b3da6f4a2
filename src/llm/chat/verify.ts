/**
 * The numbers of a chat answer (or of a proposed insertion) through the verifier of model-written text
 * (src/llm/verify.ts), as every figure the model writes must be: what it cannot confirm is returned as a problem with
 * its span, and the UI marks it.
 *
 * Two things are particular to an answer about a checked workbook:
 * - An answer names cells (T3!C12), finding ids (XJ-05@T3!C12), rule ids and fact keys (class.208.total). Their digits
 *   are not figures: they are taken out before verifying (with an index map, so that spans still index the answer),
 *   together with the brackets that held nothing else (“（T1!B31）”).
 * - An answer about a finding restates the finding's figures, the wrong one included (“情况说明写的是 0.3 万元，表中为
 *   2,961.68 万元”). A number equal to a figure of a finding that this turn's tool results showed (printed, expected,
 *   difference, proposed value) is what the workbook prints or what the check computed: it is not reported. The same
 *   holds for the counts the tools returned (“2 个错误”) and the figures of the deterministic drafts they returned.
 *   Numbers that are only in workbook *text* (a cell's sentence) are not grounded by it. A proposed insertion is
 *   verified without these grounds: its numbers must be facts or figures of a deterministic draft.
 */
import type { Lang } from '../../i18n';
import { verifyText, type VerifyFigure, type VerifyProblem } from '../verify';
import { canonicalNumber } from './citations';
import type { ChatContext } from './context';
import { findCellReferences } from './refs';
import type { ToolOutcome } from './tools';

/** A number of the answer that could not be verified; `span` indexes the answer's text. */
export type AnswerProblem = VerifyProblem;

interface Stripped {
  text: string;
  /** map[i] = index in the original text of character i of the stripped text; map[text.length] = original length */
  map: number[];
}

/** ASCII identifiers that hold digits: cells, rule ids (XJ-05), keys (class.208.total), proposal ids (p1). */
const IDENT_RE = /[A-Za-z][A-Za-z0-9_.\-@#:!$]*\d[A-Za-z0-9_.\-@#:!$]*/g;
const OPEN = '（(【[';
const CLOSE = '）)】]';
/** what may stand in a bracket beside references: the bracket goes with them */
const FILLER_RE = /^[\s、，,;；:：]*(?:(?:见|参见|详见|单元格|位于|来源|出处|see|cell|cells)[\s、，,;；:：]*)*$/i;

/** The answer without references and identifiers, and where each remaining character was. */
export function stripReferences(text: string, sheets: readonly string[], ids: readonly string[]): Stripped {
  const removed = new Uint8Array(text.length);
  const mark = (a: number, b: number) => removed.fill(1, a, b);
  for (const id of [...ids].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + id.length)) mark(i, i + id.length);
  }
  for (const r of findCellReferences(text, sheets)) mark(r.span[0], r.span[1]);
  for (const m of text.matchAll(IDENT_RE)) mark(m.index, m.index + m[0].length);
  // brackets left holding nothing but filler
  for (let i = 0; i < text.length; i++) {
    const k = OPEN.indexOf(text[i]);
    if (k < 0 || removed[i]) continue;
    const j = text.indexOf(CLOSE[k], i + 1);
    if (j < 0 || text.slice(i + 1, j).includes('\n')) continue;
    let rest = '';
    let any = false;
    for (let x = i + 1; x < j; x++) {
      if (removed[x]) any = true;
      else rest += text[x];
    }
    if (any && FILLER_RE.test(rest)) mark(i, j + 1);
  }
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (removed[i]) continue;
    out += text[i];
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

interface Grounds {
  /** canonical figures printed in the structured fields of findings, relations and facts */
  figures: Set<string>;
  /** canonical JSON numbers (counts of findings, totals) */
  counts: Set<string>;
  /** figures of deterministic drafts, verified by construction */
  draftFigures: VerifyFigure[];
}

/** What this turn's tool results ground: their structured figures, their counts and the figures of their drafts. */
function grounds(outcomes: readonly ToolOutcome[]): Grounds {
  const g: Grounds = { figures: new Set(), counts: new Set(), draftFigures: [] };
  const FIGURE_FIELDS = new Set(['expected', 'actual', 'difference', 'proposed', 'allowance', 'printed', 'value', 'valueWan']);
  const add = (set: Set<string>, s: string) => {
    const c = canonicalNumber(s);
    if (/^-?\d+(\.\d+)?$/.test(c)) {
      set.add(c);
      set.add(c.replace(/^-/, ''));
    }
  };
  const walk = (v: unknown, field?: string) => {
    if (typeof v === 'number' && Number.isFinite(v)) add(g.counts, String(v));
    else if (typeof v === 'string') {
      if (field !== undefined && FIGURE_FIELDS.has(field)) add(g.figures, v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, field));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        // character offsets are not figures
        if (k === 'span') continue;
        // a draft's figures: printed with unit and kind, verified by construction
        if (k === 'figures' && Array.isArray(x)) {
          for (const d of x as Array<Record<string, unknown>>) {
            if (typeof d?.printed === 'string' && typeof d.unit === 'string' && typeof d.kind === 'string') {
              g.draftFigures.push({ printed: d.printed, unit: d.unit, kind: d.kind as VerifyFigure['kind'] });
            }
          }
        }
        walk(x, k);
      }
    }
  };
  for (const o of outcomes) if (o.ok) walk(o.data);
  return g;
}

const NUMBER_IN = /[-−－]?\d[\d,，]*(?:\.\d+)?/;

/**
 * Problems of `text` against the context's facts, spans indexing `text`. Never throws. `outcomes` are the tool
 * results of the turn. An answer (`use: 'answer'`) may restate the figures of findings and the counts the tools
 * returned; a proposed insertion (`use: 'proposal'`) goes into the narrative, so only facts and the figures of
 * deterministic drafts verify its numbers — a wrong figure the workbook prints is still wrong there.
 */
export function verifyAnswer(
  text: string,
  ctx: ChatContext,
  outcomes: readonly ToolOutcome[],
  use: 'answer' | 'proposal' = 'answer',
  lang?: Lang,
): AnswerProblem[] {
  if (!/\d|增|减|持平|降|升/.test(text)) return [];
  const sheets = ctx.workbook.sheets.map((s) => s.name);
  const stripped = stripReferences(text, sheets, ctx.findings.map((f) => f.id));
  const g = grounds(outcomes);
  const { problems } = verifyText(stripped.text, ctx.facts, {
    reportYear: ctx.year,
    prior: ctx.options.prior,
    lang: lang ?? ctx.lang,
    figures: g.draftFigures,
  });
  const out: AnswerProblem[] = [];
  for (const p of problems) {
    if (use === 'answer' && p.kind !== 'year' && p.kind !== 'direction') {
      const n = NUMBER_IN.exec(p.text);
      const c = n ? canonicalNumber(n[0]) : undefined;
      // a finding's figure restated; a count the tools returned (“2 个错误”)
      if (c !== undefined && (g.figures.has(c) || (p.kind === 'count' && g.counts.has(c)))) continue;
    }
    const start = stripped.map[p.span.start];
    const end = p.span.end > 0 ? stripped.map[p.span.end - 1] + 1 : start;
    out.push({ ...p, span: { start, end }, text: text.slice(start, end) });
  }
  return out;
}
