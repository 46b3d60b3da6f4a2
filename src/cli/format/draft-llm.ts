/**
 * `draft --llm` output. Text: a header, the status, the model and its request count, the message, the drafted text
 * with its problems marked in place — 【?…?】 (red underline on a colour terminal) for what differs from the tables
 * or cannot be verified, 【~…~】 (yellow underline) for numbers from the user's material — then the problems with
 * their reasons and the questions to answer. JSON: the result as data, every key present.
 */
import { t, type Lang } from '../../i18n';
import type { LlmDraftResult } from '../../llm/draft';
import type { VerifyProblem } from '../../llm/verify';
import { draftLlmMessages } from '../commands/draft-llm-messages';
import { makeStyle } from './style';

export interface DraftLlmMeta {
  file: string;
  endpoint: string;
  model: string;
}

const sgr = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/**
 * The text with the problems' spans marked. Overlapping spans: the first (in text order) is marked, the others are
 * only listed. Empty spans (a paragraph count, a figure left out) are not marked.
 */
export function markProblems(text: string, problems: readonly VerifyProblem[], colors: boolean): string {
  const bad = colors ? (s: string) => sgr('4;31', '24;39')(s) : (s: string) => `【?${s}?】`;
  const mark = colors ? (s: string) => sgr('4;33', '24;39')(s) : (s: string) => `【~${s}~】`;
  let out = '';
  let last = 0;
  for (const p of [...problems].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    if (p.span.start >= p.span.end || p.span.start < last || p.span.end > text.length) continue;
    out += text.slice(last, p.span.start) + (p.blocking ? bad : mark)(text.slice(p.span.start, p.span.end));
    last = p.span.end;
  }
  return out + text.slice(last);
}

export function formatDraftLlmText(result: LlmDraftResult, meta: DraftLlmMeta, options: { lang: Lang; colors?: boolean }): string {
  const { lang } = options;
  const colors = options.colors ?? false;
  const st = makeStyle(colors);
  const m = draftLlmMessages;
  const lines: string[] = [];
  lines.push(st.bold(t(m, lang, 'header', { task: t(m, lang, `task.${result.task}`), file: meta.file })));
  lines.push(t(m, lang, `status.${result.status}`));
  if (result.attempts > 0) {
    lines.push(st.dim(t(m, lang, 'meta', { model: meta.model, endpoint: meta.endpoint, attempts: result.attempts, version: result.promptVersion ?? '' })));
  }
  if (result.message) lines.push(result.message);
  if (result.text !== '') {
    lines.push('');
    if (result.problems.length > 0) lines.push(st.dim(t(m, lang, 'legend')));
    lines.push(markProblems(result.text, result.problems, colors));
  } else if (result.status !== 'needs-material') {
    lines.push('', t(m, lang, 'nothing'));
  }
  const blocking = result.problems.filter((p) => p.blocking);
  const marks = result.problems.filter((p) => !p.blocking);
  const item = (p: VerifyProblem) => (p.text ? `  ${p.blocking ? `【?${p.text}?】` : `【~${p.text}~】`} ${p.reason}` : `  ${p.reason}`);
  if (blocking.length > 0) lines.push('', t(m, lang, 'problems', { count: blocking.length }), ...blocking.map(item));
  if (marks.length > 0) lines.push('', t(m, lang, 'marks', { count: marks.length }), ...marks.map(item));
  if (result.questions && result.questions.length > 0) {
    lines.push('', t(m, lang, 'questions'));
    // a question is numbered; a line in brackets or ending in a colon is a note or a heading of the list
    let n = 0;
    for (const q of result.questions) lines.push(/^[（(]|[：:]$/.test(q) ? `  ${q}` : `  ${++n}. ${q}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The result as data: language-neutral keys, every key present (null where absent). */
export function draftLlmJson(result: LlmDraftResult, meta: DraftLlmMeta): Record<string, unknown> {
  return {
    file: meta.file,
    task: result.task,
    status: result.status,
    endpoint: meta.endpoint,
    model: meta.model,
    attempts: result.attempts,
    promptVersion: result.promptVersion ?? null,
    message: result.message ?? null,
    text: result.text,
    lines: result.lines.map((l) => ({ kind: l.kind, sectionId: l.sectionId ?? null, text: l.text, start: l.start })),
    problems: result.problems.map((p) => ({
      text: p.text,
      span: [p.span.start, p.span.end],
      kind: p.kind,
      reason: p.reason,
      blocking: p.blocking,
      source: p.source ?? null,
      expected: p.expected ?? null,
    })),
    questions: result.questions ?? [],
  };
}
