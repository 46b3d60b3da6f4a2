/**
 * What a chat session knows about its workbook: the recognition, the verified facts, the findings of the tables and
 * of the narrative (with waivers applied), and the deterministic drafts. The model sees none of this directly; it asks
 * through the tools (./tools), which answer from this context only.
 *
 * Host-agnostic (no Office.js, no Node built-ins): the add-in builds a context from the open workbook, the command line
 * from an .xlsx file. `recheck` re-runs the check, re-reading the workbook first when the host supplies a `reload`
 * (the add-in: the user may have changed a figure since the session began).
 */
import { buildFacts, type FactBase } from '../../facts';
import type { Lang } from '../../i18n';
import type { Recognition, Regime } from '../../model/table';
import type { Workbook } from '../../model/workbook';
import { documentMeta, draftSections, regimeOf, regimeOfFacts, templateFor, type DraftSection } from '../../narrative/draft';
import type { Paragraph } from '../../narrative/sources/types';
import { recognise } from '../../recognise';
import { checkWorkbook, DEFAULT_PACKS, type CheckSummary, type Finding, type RulePack } from '../../rules';
import type { EvaluatedRelation } from '../../rules/types';
import { applyWaivers, type Waiver } from '../../waivers';

export interface ChatContextOptions {
  /** language of finding messages and tool texts (the drafts stay Chinese) */
  lang?: Lang;
  /** a recognition already computed for this workbook */
  recognition?: Recognition;
  /** check the narrative: true (default) reads the workbook's prose sheets, an array gives paragraphs (a .txt/.docx) */
  narrative?: boolean | Paragraph[];
  /** last year's facts: opening balances and the narrative's year-on-year figures are checked against them */
  prior?: FactBase;
  /** waivers (出错说明) recorded for this workbook: accepted findings are flagged and not counted */
  waivers?: Waiver[];
  packs?: RulePack[];
  /** the file or document name, for the overview */
  name?: string;
  /** re-reads the workbook (the add-in, after an edit); run_check calls it before checking again */
  reload?: () => Workbook | Promise<Workbook>;
  /** the recogniser (tests may pass another) */
  recognise?: (workbook: Workbook) => Recognition;
}

/** Summary counts after waivers: what `crossfoot check` prints. */
export interface ChatCheckCounts extends CheckSummary {
  /** differences within the rounding allowance (info findings with verdict 'rounding') */
  rounding: number;
  /** findings a reviewer accepted (出错说明) while their figures are unchanged */
  waived: number;
}

/** The counts as the model sees them (workbook overview, run_check), in one fixed key order. */
export function countsData(c: ChatCheckCounts): Record<string, number> {
  return {
    errors: c.errors,
    warnings: c.warnings,
    infos: c.infos,
    rounding: c.rounding,
    cannotEvaluate: c.cannotEvaluate,
    passed: c.passed,
    waived: c.waived,
  };
}

export interface ChatContext {
  readonly lang: Lang;
  /** the file or document name as the user knows it */
  readonly name: string;
  workbook: Workbook;
  recognition: Recognition;
  facts: FactBase;
  regime?: Regime;
  year?: number;
  department?: string;
  /** table findings then narrative findings, waivers applied */
  findings: Finding[];
  /** the engine's evaluated relations (explain_finding shows the relation behind a table finding); built on first read */
  relations: EvaluatedRelation[];
  counts: ChatCheckCounts;
  /** the standard sections drafted from the facts (numbers from facts only) */
  drafts: DraftSection[];
  waivers: Waiver[];
  /** how many times the check has run (1 after building) */
  checks: number;
  readonly options: Readonly<ChatContextOptions>;
}

function countsOf(summary: CheckSummary, findings: Finding[]): ChatCheckCounts {
  const waived = findings.filter((f) => f.waived);
  return {
    ...summary,
    errors: summary.errors - waived.filter((f) => f.severity === 'error').length,
    warnings: summary.warnings - waived.filter((f) => f.severity === 'warning').length,
    rounding: findings.filter((f) => f.verdict === 'rounding').length,
    waived: waived.length,
  };
}

/** Recognise, build facts, check (tables and narrative), apply waivers and draft: the state of `workbook`. */
function analyse(workbook: Workbook, options: ChatContextOptions, recognition?: Recognition) {
  const lang = options.lang ?? 'zh-CN';
  const rec = recognition ?? (options.recognise ?? recognise)(workbook);
  const facts = buildFacts(workbook, rec);
  const result = checkWorkbook(workbook, {
    lang,
    packs: options.packs ?? DEFAULT_PACKS,
    recognition: rec,
    narrative: options.narrative ?? true,
    prior: options.prior,
  });
  const waivers = options.waivers ?? [];
  const findings = waivers.length > 0 ? applyWaivers(result.findings, waivers, rec.tables).findings : result.findings;
  const meta = documentMeta(workbook, rec);
  const regime = regimeOf(rec) ?? regimeOfFacts(facts);
  const drafts = regime
    ? draftSections(facts, rec, {
        prior: options.prior,
        year: meta.year,
        department: meta.department,
        style: { template: templateFor(meta.department) },
      })
    : [];
  return {
    recognition: rec,
    facts,
    findings,
    engine: result.engine,
    counts: countsOf(result.summary, findings),
    drafts,
    regime,
    year: meta.year,
    department: meta.department,
  };
}

/**
 * `ctx.relations` read through to the engine's: the default (lean) engine builds its relations by the slow reference
 * path only on first access, and only explain_finding needs them — a chat that never explains a finding never pays.
 */
function relationsFrom(ctx: ChatContext, engine: { relations: EvaluatedRelation[] }): void {
  Object.defineProperty(ctx, 'relations', {
    enumerable: true,
    configurable: true,
    get: () => engine.relations,
    set: (v: EvaluatedRelation[]) => {
      engine.relations = v;
    },
  });
}

/** Builds the context of a chat about `workbook`. Never throws on a workbook without tables (the tools then say so). */
export function buildChatContext(workbook: Workbook, options: ChatContextOptions = {}): ChatContext {
  const { engine, ...state } = analyse(workbook, options, options.recognition);
  const ctx: ChatContext = {
    lang: options.lang ?? 'zh-CN',
    name: options.name ?? workbook.source.name,
    workbook,
    waivers: options.waivers ?? [],
    checks: 1,
    options,
    relations: [],
    ...state,
  };
  relationsFrom(ctx, engine);
  return ctx;
}

/** Runs the check again (re-reading the workbook when the host can), updating `ctx` in place. */
export async function recheck(ctx: ChatContext): Promise<ChatContext> {
  let recognition: Recognition | undefined = ctx.recognition;
  if (ctx.options.reload) {
    ctx.workbook = await ctx.options.reload();
    recognition = undefined; // the layout may have changed
  }
  const { engine, ...state } = analyse(ctx.workbook, ctx.options, recognition);
  Object.assign(ctx, state);
  relationsFrom(ctx, engine);
  ctx.checks += 1;
  return ctx;
}
