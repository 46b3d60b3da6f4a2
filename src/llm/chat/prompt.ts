/**
 * The chat's system prompt: the prompt file `prompts/chat.<lang>.md` (loaded by src/llm/prompts.ts in Node, bundled
 * in the add-in) with its variables filled in — the document type and an overview of the workbook as JSON data
 * (tables, sheets, counts of findings, section ids). Workbook text in the overview (titles, the department, sheet
 * names) is JSON-quoted and cut short: it is data, as the prompt says, never instructions.
 */
import type { Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import { sectionIds } from '../../narrative/draft';
import { renderPrompt, type PromptSet } from '../prompts';
import { countsData, type ChatContext } from './context';
import { formatRef } from './refs';

/** The prompt files the session renders its system prompt from (the `chat` task of a PromptSet). */
export type ChatPromptSource = PromptSet;

const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The workbook overview of the system prompt, as JSON text. */
export function workbookOverview(ctx: ChatContext): string {
  const overview = {
    file: cut(ctx.name, 120),
    regime: ctx.regime ?? null,
    year: ctx.year ?? null,
    department: ctx.department !== undefined ? cut(ctx.department) : null,
    sheets: ctx.workbook.sheets.map((s) => cut(s.name, 40)),
    tables: ctx.recognition.tables.map((tb) => ({
      id: tb.id,
      name: kindName(tb.kind, ctx.lang),
      title: cut(tb.title),
      where: formatRef(tb.sheet, tb.range),
      unit: tb.unit,
      ...(tb.empty ? { empty: true } : {}),
    })),
    narrativeSheets: ctx.recognition.narrativeSheets,
    check: countsData(ctx.counts),
    sections: ctx.regime ? sectionIds(ctx.regime) : [],
  };
  return JSON.stringify(overview, null, 1);
}

function documentType(ctx: ChatContext, lang: Lang): string {
  if (lang === 'zh-CN') return ctx.regime === 'juesuan' ? '部门决算' : ctx.regime === 'yusuan' ? '部门预算' : '部门预算或决算公开';
  return ctx.regime === 'juesuan' ? 'final accounts (部门决算)' : ctx.regime === 'yusuan' ? 'budget (部门预算)' : 'budget or final accounts';
}

/** The system prompt of a chat about `ctx`, from the `chat` prompt of `prompts` in `lang`. */
export function chatSystemPrompt(ctx: ChatContext, lang: Lang, prompts: ChatPromptSource): string {
  return renderPrompt(prompts, 'chat', lang, { 文档类型: documentType(ctx, lang), 工作簿概况: workbookOverview(ctx) }).system;
}
