/**
 * The chat's tools: what the model may ask about the workbook. Each is a zod schema (its JSON Schema goes to the model
 * as `ToolSpec.parameters`) and a function that answers from the chat context only.
 *
 * Robustness: a call is never allowed to throw into the session. Malformed JSON, arguments the schema refuses, an
 * unknown tool name, an unknown finding id or section, a failure inside a tool: each becomes a tool error message the
 * model reads and can correct (`{"error":{"code","message"}}`).
 *
 * Prompt injection: tool results are JSON data. Every string in a result that came from the workbook (a row label, a
 * narrative sentence, a cell's text) is a JSON string value, never spliced into instructions; strings that look like
 * instructions are listed and the result carries a note that they are data. No tool writes: `propose_insert` only
 * returns a proposal, which the user must confirm in the UI (the library never writes a workbook).
 */
import { z } from 'zod';
import { wanAmount, type Fact } from '../../facts';
import { t, type Lang } from '../../i18n';
import { kindName } from '../../i18n/kinds';
import type { RecognisedTable } from '../../model/table';
import { cellText } from '../../model/workbook';
import { parseA1 } from '../../model/address';
import { sectionIds, selects, type DraftSection } from '../../narrative/draft';
import { DEFAULT_PACKS, type Finding } from '../../rules';
import type { EvaluatedRelation } from '../../rules/types';
import { isCrossfootError } from '../../errors';
import type { ToolCall, ToolSpec } from '../types';
import { countsData, recheck, type ChatContext } from './context';
import { chatMessages } from './messages';
import { formatRef, parseRef } from './refs';

// ── results ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const CHAT_TOOL_NAMES = [
  'list_findings',
  'explain_finding',
  'get_fact',
  'search_facts',
  'draft_section',
  'run_check',
  'propose_insert',
] as const;
export type ChatToolName = (typeof CHAT_TOOL_NAMES)[number];

export type ToolErrorCode =
  | 'unknown-tool'
  | 'bad-json'
  | 'bad-arguments'
  | 'too-many-calls'
  | 'unknown-finding'
  | 'unknown-section'
  | 'unknown-table'
  | 'no-regime'
  | 'bad-target'
  | 'tool-failed';

/** A cell a tool result shows, with the figures it prints there: the answer may cite it by address or by figure. */
export interface CitableCell {
  sheet: string;
  cell: string;
  /** figures printed at the cell, as printed ("2,946.25"); [] for a cell cited by address only */
  figures: string[];
  /** finding ids located at the cell */
  ids?: string[];
}

/** Where an insertion would go. */
export type ProposalTarget =
  | { kind: 'cell'; sheet: string; cell: string }
  | { kind: 'section'; section: string; title: string };

/** What propose_insert asked for (the session completes it into a ChatProposal). */
export interface ProposalRequest {
  id: string;
  text: string;
  target: ProposalTarget;
  mode: 'append' | 'replace';
  reason?: string;
}

export interface ToolOutcome {
  callId: string;
  name: string;
  /** the arguments as the model wrote them */
  arguments: string;
  ok: boolean;
  /** the tool message sent back to the model: JSON text */
  content: string;
  /** the result (ok) */
  data?: unknown;
  error?: { code: ToolErrorCode; message: string };
  /** cells the result shows */
  cells: CitableCell[];
  /** every string of the result (workbook text among them): a proposal that repeats one came from the workbook */
  strings: string[];
  /** workbook texts in the result that look like instructions (a prompt-injection attempt), with their cell */
  suspicious: Array<{ where?: string; text: string }>;
  proposal?: ProposalRequest;
}

/** What a tool run may use besides the context. */
export interface ToolEnv {
  ctx: ChatContext;
  /** a new proposal id (p1, p2, … within the session) */
  newProposalId(): string;
}

class ToolError extends Error {
  constructor(
    readonly code: ToolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a tool returns: its data, the cells it shows, and a proposal (propose_insert). */
interface ToolReturn {
  data: unknown;
  cells?: CitableCell[];
  proposal?: ProposalRequest;
}

interface ToolDef<S extends z.ZodType = z.ZodType> {
  name: ChatToolName;
  schema(lang: Lang): S;
  run(args: z.output<S>, env: ToolEnv): ToolReturn | Promise<ToolReturn>;
}

const tool = <S extends z.ZodType>(def: ToolDef<S>): ToolDef<S> => def;

const msg = (lang: Lang) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (key: keyof (typeof chatMessages)['zh-CN'], params?: Record<string, unknown>): string => (t as any)(chatMessages, lang, key, params);

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const MAX_TEXT = 600;

const refOf = (c: { sheet: string; cell: string }): string => formatRef(c.sheet, c.cell);

function tableOf(ctx: ChatContext, id: string | undefined): RecognisedTable | undefined {
  return id === undefined ? undefined : ctx.recognition.tables.find((x) => x.id === id);
}

function isNarrative(f: Finding): boolean {
  return f.rule.startsWith('narrative.');
}

/** The finding as a list entry. */
function findingEntry(f: Finding): Record<string, unknown> {
  const e: Record<string, unknown> = {
    id: f.id,
    severity: f.severity,
    status: f.status,
    verdict: f.verdict,
    rule: f.rule,
    where: refOf(f.location),
    message: f.message,
  };
  if (f.table) e.table = f.table;
  if (isNarrative(f)) e.table = 'narrative';
  if (f.expected !== undefined) e.expected = f.expected;
  if (f.actual !== undefined) e.actual = f.actual;
  if (f.difference !== undefined) e.difference = f.difference;
  if (f.suspect) {
    e.suspect = { cell: refOf(f.suspect), ...(f.suspect.proposed !== undefined ? { proposed: f.suspect.proposed } : {}) };
  }
  if (f.waived) e.waived = { reason: f.waived.reason };
  return e;
}

/** Figures a finding prints, for citations: expected / actual / difference at its location, the proposed value at the suspect. */
function findingCells(f: Finding): CitableCell[] {
  const figures = [f.actual, f.expected, f.difference].filter((x): x is string => x !== undefined && x !== '');
  const out: CitableCell[] = [{ sheet: f.location.sheet, cell: f.location.cell, figures, ids: [f.id] }];
  if (f.suspect) {
    out.push({ sheet: f.suspect.sheet, cell: f.suspect.cell, figures: f.suspect.proposed !== undefined ? [f.suspect.proposed] : [] });
  }
  return out;
}

/**
 * What a table filter names: the narrative, sheets, and tables — by id, kind, sheet, printed form label, or title
 * and kind name (exactly; only when nothing matches exactly, as a part of them: “支出决算表” is one table, not every
 * table whose title ends so).
 */
function tableFilter(ctx: ChatContext, q: string): { narrative: boolean; sheets: Set<string>; tables: Set<string> } {
  const raw = q.trim();
  const s = raw.toLowerCase();
  const squash = (x: string) => x.replace(/\s+/g, '');
  const narrative = s === 'narrative' || raw === '情况说明' || ctx.recognition.narrativeSheets.some((n) => n.toLowerCase() === s);
  const sheets = new Set(ctx.workbook.sheets.filter((x) => x.name.toLowerCase() === s).map((x) => x.name));
  const all = ctx.recognition.tables;
  const exact = all.filter(
    (tb) =>
      tb.id.toLowerCase() === s ||
      tb.kind.toLowerCase() === s ||
      tb.kind.toLowerCase().endsWith(`.${s}`) ||
      tb.sheet.toLowerCase() === s ||
      tb.title === raw ||
      kindName(tb.kind, ctx.lang) === raw ||
      kindName(tb.kind, 'zh-CN') === raw ||
      (tb.formLabel !== undefined && squash(tb.formLabel) === squash(raw)),
  );
  const partial =
    exact.length > 0 || raw.length < 2 ? [] : all.filter((tb) => tb.title.includes(raw) || kindName(tb.kind, 'zh-CN').includes(raw));
  return { narrative, sheets, tables: new Set([...exact, ...partial].map((tb) => tb.id)) };
}

function tableMatches(filter: ReturnType<typeof tableFilter>, f: Finding): boolean {
  if (filter.narrative && isNarrative(f)) return true;
  if (filter.sheets.has(f.location.sheet)) return true;
  return f.table !== undefined && filter.tables.has(f.table);
}

/** The table, row label and column label of a cell, when it lies in a recognised table. */
function cellPlace(ctx: ChatContext, sheet: string, cell: string): { table?: string; row?: string; column?: string } {
  let rc: { row: number; col: number };
  try {
    rc = parseA1(cell);
  } catch {
    return {};
  }
  for (const tb of ctx.recognition.tables) {
    if (tb.sheet !== sheet) continue;
    const a = tb.area;
    if (rc.row < a.top || rc.row > a.bottom || rc.col < a.left || rc.col > a.right) continue;
    const out: { table?: string; row?: string; column?: string } = { table: tb.id };
    for (const p of tb.parts) {
      const row = p.rows.find((r) => r.row === rc.row);
      const col = p.columns.find((c) => c.col === rc.col);
      if (row) out.row = row.label;
      if (col) out.column = col.label;
      if (row && col) break;
    }
    return out;
  }
  return {};
}

function cellShown(ctx: ChatContext, sheet: string, cell: string): string {
  const s = ctx.workbook.sheets.find((x) => x.name === sheet);
  if (!s) return '';
  try {
    const { row, col } = parseA1(cell);
    return cellText(s, row, col);
  } catch {
    return '';
  }
}

function sameRefs(a: Array<{ sheet: string; cell: string }>, b: Array<{ sheet: string; cell: string }>): boolean {
  return a.length === b.length && a.every((x, i) => x.sheet === b[i].sheet && x.cell === b[i].cell);
}

/** The engine's relation behind a table finding (same rule, same cells). */
function relationOf(ctx: ChatContext, f: Finding): EvaluatedRelation | undefined {
  return ctx.relations.find((r) => r.rule === f.rule && sameRefs([r.target.ref, ...r.parts.map((p) => p.ref)], f.cells));
}

function ruleDescription(ctx: ChatContext, rule: string): string | undefined {
  for (const pack of ctx.options.packs ?? DEFAULT_PACKS) {
    const r = pack.rules.find((x) => x.id === rule);
    if (r) return r.description[ctx.lang];
  }
  return undefined;
}

/** The fact as tool data: printed value, canonical value, unit, cell and table. */
function factEntry(ctx: ChatContext, f: Fact): Record<string, unknown> {
  const tb = tableOf(ctx, f.table);
  const e: Record<string, unknown> = {
    key: f.key,
    label: f.labels[0] ?? f.key,
    printed: f.value.raw,
    value: f.value.kind === 'blank' ? '0' : f.value.value ? f.value.value.toFixed() : null,
    unit: f.unit,
    cell: refOf(f.cell),
    table: tb ? { id: tb.id, title: tb.title } : f.table,
    period: f.period,
  };
  if (f.value.kind === 'blank') e.blank = true;
  if (f.scope) e.scope = f.scope;
  if (f.code) e.code = f.code;
  const wan = wanAmount(f);
  if (wan?.value && f.unit !== '万元') e.valueWan = wan.value.toFixed();
  if (f.labels.length > 1) e.otherLabels = f.labels.slice(1, 4);
  return e;
}

function factCell(f: Fact): CitableCell {
  return { sheet: f.cell.sheet, cell: f.cell.cell, figures: f.value.kind === 'number' || f.value.kind === 'percent' ? [f.value.raw] : [] };
}

function sectionEntry(ctx: ChatContext, s: DraftSection): Record<string, unknown> {
  const e: Record<string, unknown> = {
    id: s.id,
    title: s.title,
    paragraphs: s.paragraphs.map((p) => ({
      text: p.text,
      figures: p.figures.map((g) => ({
        printed: g.printed,
        unit: g.unit,
        kind: g.kind,
        fact: g.factKey,
        cell: refOf(g.cell),
        ...(g.inputs ? { inputs: g.inputs.map((i) => ({ fact: i.factKey, cell: refOf(i.cell), source: i.source })) } : {}),
      })),
      placeholders: p.placeholders.map((h) => h.label),
    })),
  };
  if (s.missing) e.missing = s.missing.map((k) => kindName(k, ctx.lang));
  return e;
}

// ── the tools ───────────────────────────────────────────────────────────────────────────────────────────────────

const page = z.coerce.number().int().min(1);

const listFindings = tool({
  name: 'list_findings',
  schema: (lang) => {
    const m = msg(lang);
    return z.object({
      severity: z.enum(['error', 'warning', 'info']).optional().describe(m('tool.list_findings.severity')),
      table: z.string().min(1).optional().describe(m('tool.list_findings.table')),
      rule: z.string().min(1).optional().describe(m('tool.list_findings.rule')),
      status: z.enum(['fail', 'cannot-evaluate']).optional().describe(m('tool.list_findings.status')),
      page: page.default(1).describe(m('tool.list_findings.page')),
      pageSize: z.coerce.number().int().min(1).max(50).default(20).describe(m('tool.list_findings.pageSize')),
    });
  },
  run(args, { ctx }) {
    const filter = args.table !== undefined ? tableFilter(ctx, args.table) : undefined;
    if (filter && !filter.narrative && filter.sheets.size === 0 && filter.tables.size === 0) {
      const choices = ['narrative', ...ctx.recognition.tables.map((x) => x.id)].join(', ');
      throw new ToolError('unknown-table', msg(ctx.lang)('error.unknown-table', { table: args.table!, choices }));
    }
    const rule = args.rule?.trim().toLowerCase();
    const selected = ctx.findings
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => args.severity === undefined || f.severity === args.severity)
      .filter(({ f }) => args.status === undefined || f.status === args.status)
      .filter(({ f }) => rule === undefined || f.rule.toLowerCase() === rule || f.rule.toLowerCase().startsWith(rule))
      .filter(({ f }) => filter === undefined || tableMatches(filter, f))
      // errors first, then warnings, then infos; the engine's order within a severity
      .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
      .map(({ f }) => f);
    const pages = Math.max(1, Math.ceil(selected.length / args.pageSize));
    const slice = selected.slice((args.page - 1) * args.pageSize, args.page * args.pageSize);
    return {
      data: {
        total: selected.length,
        page: args.page,
        pages,
        counts: {
          errors: ctx.counts.errors,
          warnings: ctx.counts.warnings,
          infos: ctx.counts.infos,
          rounding: ctx.counts.rounding,
          cannotEvaluate: ctx.counts.cannotEvaluate,
          waived: ctx.counts.waived,
        },
        findings: slice.map(findingEntry),
      },
      cells: slice.flatMap(findingCells),
    };
  },
});

const explainFinding = tool({
  name: 'explain_finding',
  schema: (lang) => z.object({ id: z.string().min(1).describe(msg(lang)('tool.explain_finding.id')) }),
  run(args, { ctx }) {
    const id = args.id.trim();
    let f = ctx.findings.find((x) => x.id === id);
    if (!f) {
      // a cell instead of an id: the findings located there
      const ref = parseRef(id, ctx.workbook.sheets.map((s) => s.name));
      const at = ref ? ctx.findings.filter((x) => x.location.sheet === ref.sheet && x.location.cell === ref.cell) : [];
      if (at.length === 1) f = at[0];
      else if (at.length > 1) return { data: { matches: at.map(findingEntry) }, cells: at.flatMap(findingCells) };
      else throw new ToolError('unknown-finding', msg(ctx.lang)('error.unknown-finding', { id }));
    }
    const tb = tableOf(ctx, f.table);
    const data: Record<string, unknown> = { ...findingEntry(f) };
    const description = ruleDescription(ctx, f.rule);
    if (description) data.ruleDescription = description;
    if (tb) data.table = { id: tb.id, kind: tb.kind, name: kindName(tb.kind, ctx.lang), title: tb.title, sheet: tb.sheet, range: tb.range, unit: tb.unit };
    const cells: CitableCell[] = findingCells(f);
    const rel = relationOf(ctx, f);
    if (rel) {
      data.relation = {
        describe: rel.describe[ctx.lang],
        op: rel.op,
        verdict: rel.verdict,
        expected: rel.expected,
        actual: rel.actual,
        difference: rel.difference,
        allowance: rel.allowance,
        terms: [rel.target, ...rel.parts].map((term, i) => ({
          role: i === 0 ? 'target' : 'part',
          cell: refOf(term.ref),
          name: term.name,
          printed: term.amount.raw,
          ...(i > 0 ? { weight: term.weight } : {}),
          ...(term.scaleDecimals ? { scaledBy: `1e-${term.scaleDecimals}` } : {}),
        })),
      };
      for (const term of [rel.target, ...rel.parts]) cells.push({ sheet: term.ref.sheet, cell: term.ref.cell, figures: term.amount.raw ? [term.amount.raw] : [] });
    } else {
      // no relation (a narrative finding, a gap): the cells with what they show
      data.cells = f.cells.map((c) => ({ cell: refOf(c), text: cellShown(ctx, c.sheet, c.cell).slice(0, MAX_TEXT), ...cellPlace(ctx, c.sheet, c.cell) }));
    }
    if (f.suspect) {
      data.suspect = {
        cell: refOf(f.suspect),
        ...(f.suspect.proposed !== undefined ? { proposed: f.suspect.proposed } : {}),
        reason: f.suspect.reason,
        signature: f.suspect.signature,
        ...cellPlace(ctx, f.suspect.sheet, f.suspect.cell),
      };
    }
    if (f.allowance !== undefined) data.allowance = f.allowance;
    if (isNarrative(f)) {
      const paragraph = (f as Finding & { paragraph?: string }).paragraph ?? cellShown(ctx, f.location.sheet, f.location.cell);
      data.narrative = { claim: f.text, span: f.span, paragraph: paragraph.slice(0, MAX_TEXT) };
    }
    if (f.waived) data.waived = f.waived;
    return { data, cells };
  },
});

const getFact = tool({
  name: 'get_fact',
  schema: (lang) => {
    const m = msg(lang);
    return z
      .object({
        key: z.string().min(1).optional().describe(m('tool.get_fact.key')),
        label: z.string().min(1).optional().describe(m('tool.get_fact.label')),
        scope: z.enum(['all', 'fiscal', 'general-budget', 'gov-fund', 'state-capital']).optional().describe(m('tool.get_fact.scope')),
        period: z.enum(['current', 'budget', 'initial-budget', 'full-year-budget']).optional().describe(m('tool.get_fact.period')),
      })
      .refine((v) => v.key !== undefined || v.label !== undefined, { message: m('error.need-key-or-label') });
  },
  run(args, { ctx }) {
    const hint = { scope: args.scope, period: args.period };
    let found: Fact[] = [];
    if (args.key !== undefined) found = ctx.facts.all(args.key.trim());
    // a label given as key, or a key the workbook does not hold: try the words
    if (found.length === 0 && args.key !== undefined) found = ctx.facts.lookup(args.key.trim(), hint);
    if (found.length === 0 && args.label !== undefined) found = ctx.facts.lookup(args.label.trim(), hint);
    if (found.length === 0) {
      const what = (args.label ?? args.key ?? '').trim();
      const suggestions = searchFacts(ctx, what, 5);
      return {
        data: { found: false, note: msg(ctx.lang)('note.not-found', { what }), suggestions: suggestions.map((f) => factEntry(ctx, f)) },
        cells: suggestions.map(factCell),
      };
    }
    const [best, ...rest] = found;
    const others = rest.filter((f) => f.key === best.key).slice(0, 5);
    const alternatives = rest.filter((f) => f.key !== best.key).slice(0, 5);
    const data: Record<string, unknown> = { found: true, fact: factEntry(ctx, best) };
    if (others.length) data.otherPrintings = others.map((f) => ({ cell: refOf(f.cell), printed: f.value.raw, table: f.table }));
    if (alternatives.length) data.alternatives = alternatives.map((f) => factEntry(ctx, f));
    return { data, cells: [best, ...others, ...alternatives].map(factCell) };
  },
});

/** Facts matching `text`: phrase lookup, then key, code and label matches; one printing per key, figures first. */
function searchFacts(ctx: ChatContext, text: string, limit: number): Fact[] {
  const q = text.trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const ranked = new Map<string, { fact: Fact; rank: number }>();
  const add = (f: Fact, rank: number) => {
    const best = ctx.facts.byKey(f.key) ?? f;
    const had = ranked.get(f.key);
    if (!had || had.rank > rank) ranked.set(f.key, { fact: best, rank });
  };
  for (const f of ctx.facts.lookup(q)) add(f, 0);
  for (const f of ctx.facts.facts) {
    if (f.key.toLowerCase() === lower) add(f, 0);
    else if (f.key.toLowerCase().includes(lower)) add(f, 2);
    else if (f.code !== undefined && /^\d+$/.test(q) && f.code.startsWith(q)) add(f, 1);
    else if (f.labels.some((l) => l.includes(q))) add(f, 2);
    else if (q.length >= 4 && f.labels.some((l) => l.length >= 2 && q.includes(l))) add(f, 3);
  }
  const printed = (f: Fact) => (f.value.kind === 'number' || f.value.kind === 'percent' ? 0 : 1);
  return [...ranked.values()]
    .sort((a, b) => a.rank - b.rank || printed(a.fact) - printed(b.fact))
    .slice(0, limit)
    .map((x) => x.fact);
}

const searchFactsTool = tool({
  name: 'search_facts',
  schema: (lang) => {
    const m = msg(lang);
    return z.object({
      text: z.string().trim().min(1).describe(m('tool.search_facts.text')),
      limit: z.coerce.number().int().min(1).max(20).default(10).describe(m('tool.search_facts.limit')),
    });
  },
  run(args, { ctx }) {
    const found = searchFacts(ctx, args.text, args.limit);
    const data: Record<string, unknown> = { query: args.text, candidates: found.map((f) => factEntry(ctx, f)) };
    if (found.length === 0) data.note = msg(ctx.lang)('note.not-found', { what: args.text });
    return { data, cells: found.map(factCell) };
  },
});

const draftSection = tool({
  name: 'draft_section',
  schema: (lang) => z.object({ section: z.string().trim().min(1).describe(msg(lang)('tool.draft_section.section')) }),
  run(args, { ctx }) {
    if (!ctx.regime) throw new ToolError('no-regime', msg(ctx.lang)('error.no-regime'));
    const chosen = ctx.drafts.filter((s) => selects(args.section, s.id));
    if (chosen.length === 0) {
      throw new ToolError('unknown-section', msg(ctx.lang)('error.unknown-section', { id: args.section, choices: sectionIds(ctx.regime).join(', ') }));
    }
    const cells: CitableCell[] = [];
    for (const s of chosen) {
      for (const p of s.paragraphs) for (const g of p.figures) cells.push({ sheet: g.cell.sheet, cell: g.cell.cell, figures: [g.printed] });
    }
    return { data: { sections: chosen.map((s) => sectionEntry(ctx, s)) }, cells };
  },
});

const runCheck = tool({
  name: 'run_check',
  schema: () => z.object({}),
  async run(_args, { ctx }) {
    await recheck(ctx);
    const live = ctx.findings.filter((f) => !f.waived);
    const tables = ctx.recognition.tables.map((tb) => {
      const own = live.filter((f) => f.table === tb.id && !isNarrative(f));
      return {
        id: tb.id,
        title: tb.title,
        where: formatRef(tb.sheet, tb.range),
        errors: own.filter((f) => f.severity === 'error').length,
        warnings: own.filter((f) => f.severity === 'warning').length,
      };
    });
    const narrative = live.filter(isNarrative);
    const data: Record<string, unknown> = {
      counts: countsData(ctx.counts),
      tables,
      narrative: {
        errors: narrative.filter((f) => f.severity === 'error').length,
        warnings: narrative.filter((f) => f.severity === 'warning').length,
      },
    };
    if (ctx.recognition.tables.length === 0) data.note = msg(ctx.lang)('note.no-tables');
    return { data };
  },
});

const proposeInsert = tool({
  name: 'propose_insert',
  schema: (lang) => {
    const m = msg(lang);
    return z.object({
      text: z.string().trim().min(1).max(4000).describe(m('tool.propose_insert.text')),
      target: z.string().trim().min(1).describe(m('tool.propose_insert.target')),
      mode: z.enum(['append', 'replace']).default('append').describe(m('tool.propose_insert.mode')),
      reason: z.string().max(500).optional().describe(m('tool.propose_insert.reason')),
    });
  },
  run(args, env) {
    const { ctx } = env;
    const target = resolveTarget(ctx, args.target);
    const proposal: ProposalRequest = { id: env.newProposalId(), text: args.text, target, mode: args.mode };
    if (args.reason !== undefined && args.reason.trim() !== '') proposal.reason = args.reason.trim();
    const where = target.kind === 'cell' ? refOf(target) : target.section;
    return {
      data: { proposal: proposal.id, status: 'awaiting-user', target: where, mode: args.mode, note: msg(ctx.lang)('note.proposal') },
      proposal,
    };
  },
});

/** A narrative cell (Sheet!A1 on a prose sheet) or a standard section id of the workbook's regime. */
function resolveTarget(ctx: ChatContext, raw: string): ProposalTarget {
  const sections = ctx.regime ? sectionIds(ctx.regime) : [];
  const sec = sections.find((id) => id === raw.trim());
  if (sec) return { kind: 'section', section: sec, title: ctx.drafts.find((d) => d.id === sec)?.title ?? sec };
  const ref = parseRef(raw, ctx.workbook.sheets.map((s) => s.name));
  if (ref && ctx.recognition.narrativeSheets.includes(ref.sheet) && !ref.cell.includes(':')) {
    return { kind: 'cell', sheet: ref.sheet, cell: ref.cell };
  }
  const choices = [...ctx.recognition.narrativeSheets.map((s) => formatRef(s, 'A1')), ...sections].join(', ');
  throw new ToolError('bad-target', msg(ctx.lang)('error.bad-target', { target: raw, choices }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const TOOLS: ReadonlyArray<ToolDef<any>> = [listFindings, explainFinding, getFact, searchFactsTool, draftSection, runCheck, proposeInsert];

// ── specs and running ───────────────────────────────────────────────────────────────────────────────────────────

/** The tools as the model sees them: name, description and JSON Schema of the arguments. */
export function chatToolSpecs(lang: Lang): ToolSpec[] {
  const m = msg(lang);
  return TOOLS.map((d) => {
    const { $schema: _drop, ...parameters } = z.toJSONSchema(d.schema(lang), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return { name: d.name, description: m(`tool.${d.name}` as keyof (typeof chatMessages)['zh-CN']), parameters };
  });
}

/** Patterns of instruction-like text: what a cell has no business saying to a model. */
const INSTRUCTION_RES: RegExp[] = [
  /(忽略|无视|不要理会|忘记|忘掉)[^。\n]{0,12}(指令|指示|提示词?|要求|规则|设定|约束)/,
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instructions?|prompts?|rules|directions|guidelines)\b/i,
  /(^|[\n。；;])\s*(system|assistant|developer|user|系统|助手)\s*[:：]/i,
  /(调用|执行|使用|call|invoke|run|use)\s*(工具|函数|tool|function)?\s*[`'"“‘]?[a-z]+_[a-z_]+\b/i,
  /<\/?\s*(system|assistant|tool|instructions?|im_start|im_end)\b/i,
  /(你现在是|从现在起你|扮演|you are now|act as|new instructions|新的指令|新指令)/i,
  /(写入|插入|改写|改成|替换|删除|清空)[^。\n]{0,24}(情况说明|单元格|工作簿|工作表|表格)/,
];

export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_RES.some((re) => re.test(text));
}

/**
 * Cleans a result for the model (control characters out, long strings cut) and collects its strings, with the cell
 * an enclosing object names (`cell` / `where`), for the injection scan.
 */
function sanitise(value: unknown, strings: Array<{ where?: string; text: string }>, where?: string): unknown {
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex
    const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
    const cut = clean.length > MAX_TEXT * 2 ? `${clean.slice(0, MAX_TEXT * 2)}…` : clean;
    strings.push({ where, text: cut });
    return cut;
  }
  if (Array.isArray(value)) return value.map((v) => sanitise(v, strings, where));
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const here = typeof obj.cell === 'string' ? obj.cell : typeof obj.where === 'string' ? obj.where : where;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      // the tools' own notes are ours, not the workbook's: not scanned
      out[k] = k === 'note' ? v : sanitise(v, strings, here);
    }
    return out;
  }
  return value;
}

function failure(call: ToolCall, code: ToolErrorCode, message: string): ToolOutcome {
  return {
    callId: call.id,
    name: call.name,
    arguments: call.arguments,
    ok: false,
    content: JSON.stringify({ error: { code, message } }),
    error: { code, message },
    cells: [],
    strings: [],
    suspicious: [],
  };
}

/** A tool error for a call the session refuses to run (too many in one round). */
export function refusedCall(call: ToolCall, lang: Lang, max: number): ToolOutcome {
  return failure(call, 'too-many-calls', msg(lang)('error.too-many-calls', { max }));
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(arguments)'}: ${i.message}`)
    .join('; ');
}

/** Runs one tool call. Never throws: every failure is a tool error outcome the model reads. */
export async function runToolCall(call: ToolCall, env: ToolEnv): Promise<ToolOutcome> {
  const lang = env.ctx.lang;
  const m = msg(lang);
  const def = TOOLS.find((d) => d.name === call.name);
  if (!def) return failure(call, 'unknown-tool', m('error.unknown-tool', { name: call.name, tools: CHAT_TOOL_NAMES.join(', ') }));
  let raw: unknown;
  const text = (call.arguments ?? '').trim();
  if (text === '') raw = {};
  else {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return failure(call, 'bad-json', m('error.bad-json', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return failure(call, 'bad-arguments', m('error.bad-arguments', { issues: '(arguments): expected a JSON object' }));
  }
  const parsed = def.schema(lang).safeParse(raw);
  if (!parsed.success) return failure(call, 'bad-arguments', m('error.bad-arguments', { issues: issuesText(parsed.error) }));
  let result: ToolReturn;
  try {
    result = await def.run(parsed.data, env);
  } catch (e) {
    if (e instanceof ToolError) return failure(call, e.code, e.message);
    const detail = isCrossfootError(e) ? e.localized(lang) : e instanceof Error ? e.message || e.name : String(e);
    return failure(call, 'tool-failed', m('error.tool-failed', { name: call.name, detail }));
  }
  const strings: Array<{ where?: string; text: string }> = [];
  const data = sanitise(result.data, strings) as Record<string, unknown>;
  const suspicious = strings.filter((s) => looksLikeInstruction(s.text));
  const payload: Record<string, unknown> = { ...data };
  if (suspicious.length > 0) {
    payload.dataNotice = m('note.quoted-data');
    payload.instructionLikeText = [...new Set(suspicious.map((s) => s.where ?? '?'))];
  }
  const outcome: ToolOutcome = {
    callId: call.id,
    name: call.name,
    arguments: call.arguments,
    ok: true,
    content: JSON.stringify(payload),
    data,
    cells: result.cells ?? [],
    strings: strings.map((s) => s.text),
    suspicious,
  };
  if (result.proposal) outcome.proposal = result.proposal;
  return outcome;
}
