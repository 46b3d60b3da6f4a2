/**
 * `crossfoot draft <book.xlsx> [--prior last-year.xlsx] [--section <id>]… [--all] [--format text|json]
 * [--template national|shanghai]`: draft the standard 情况说明 sections from the workbook's tables. Every figure comes
 * from a table (or exact arithmetic on table figures); what the tables do not hold is left as 【待补充：…】.
 * Exit code 0 when the drafts were made, 2 for bad input (as every command: src/cli/exit-codes.ts).
 */
import { readXlsxFile, type ReadOptions } from '../../adapters/exceljs';
import { CrossfootError } from '../../errors';
import { buildFacts, type FactBase } from '../../facts';
import { t, type Lang } from '../../i18n';
import type { Recognition, Regime } from '../../model/table';
import type { Workbook } from '../../model/workbook';
import {
  DRAFT_TEMPLATES,
  documentMeta,
  draftSections,
  regimeOf,
  sectionIds,
  templateFor,
  unknownSections,
  type DocumentMeta,
  type DraftSection,
  type DraftTemplate,
} from '../../narrative/draft';
import { recognise as recogniseWorkbook } from '../../recognise';
import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';
import { formatDraftJson } from '../format/draft-json';
import { formatDraftText } from '../format/draft-text';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';
import type { CliCommand } from './command';
import { LLM_ONLY_OPTIONS, runDraftLlm, type DraftLlmCliOptions } from './draft-llm';
import { draftLlmMessages } from './draft-llm-messages';

export const DRAFT_FORMATS = ['text', 'json'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface DraftReport {
  /** the file as the user named it */
  file: string;
  /** the prior-year file as the user named it */
  prior?: string;
  /** undefined when no table was recognised */
  regime?: Regime;
  year?: number;
  department?: string;
  template: DraftTemplate;
  sections: DraftSection[];
}

export interface DraftFileOptions {
  /** language of error messages (the drafts are Chinese) */
  lang?: Lang;
  /** last year's workbook of the same regime */
  prior?: string;
  /** section ids or family ids; default all */
  sections?: string[];
  template?: DraftTemplate;
  read?: ReadOptions;
  readWorkbook?: (path: string, options?: ReadOptions) => Promise<Workbook>;
  recognise?: (workbook: Workbook) => Recognition;
}

function badArgument(detail: string): CrossfootError {
  return new CrossfootError('bad-argument', { detail });
}

function regimeName(regime: Regime, lang: Lang): string {
  return regime === 'juesuan' ? t(cliMessages, lang, 'draft.regime.juesuan') : t(cliMessages, lang, 'draft.regime.yusuan');
}

/** What drafting needs of a workbook: read, recognised, its facts and last year's (both only when a regime was found). */
export interface DraftInputs {
  workbook: Workbook;
  recognition: Recognition;
  /** undefined when no table was recognised (then no facts were built) */
  regime?: Regime;
  meta: DocumentMeta;
  template: DraftTemplate;
  /** the section selectors, split and trimmed */
  selectors: string[];
  facts?: FactBase;
  prior?: FactBase;
}

/**
 * Reads and recognises `path`, checks the section selectors (a selector of no regime before reading anything), and
 * builds the facts of the workbook and of last year's. Throws CrossfootError for any bad input.
 */
export async function readDraftInputs(path: string, options: DraftFileOptions = {}): Promise<DraftInputs> {
  const lang = options.lang ?? 'zh-CN';
  const read = options.readWorkbook ?? readXlsxFile;
  const rec = options.recognise ?? recogniseWorkbook;
  const selectors = (options.sections ?? []).flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter((s) => s !== '');
  // a selector that names no section of either regime is a typo: say so before reading anything
  const unknownAnywhere = selectors.filter(
    (s) => unknownSections([s], 'juesuan').length > 0 && unknownSections([s], 'yusuan').length > 0,
  );
  if (unknownAnywhere.length > 0) {
    throw badArgument(
      t(cliMessages, lang, 'draft.unknown-section', {
        value: unknownAnywhere.join(', '),
        choices: [...sectionIds('juesuan'), ...sectionIds('yusuan')].join(', '),
      }),
    );
  }
  const workbook = await read(path, options.read);
  const recognition = rec(workbook);
  const regime = regimeOf(recognition);
  const meta = documentMeta(workbook, recognition);
  const template = options.template ?? templateFor(meta.department);
  const inputs: DraftInputs = { workbook, recognition, meta, template, selectors };
  if (!regime) return inputs;
  inputs.regime = regime;
  const wrong = unknownSections(selectors, regime);
  if (wrong.length > 0) {
    throw badArgument(
      t(cliMessages, lang, 'draft.section-of-other-regime', {
        value: wrong.join(', '),
        regime: regimeName(regime, lang),
        choices: sectionIds(regime).join(', '),
      }),
    );
  }
  inputs.facts = buildFacts(workbook, recognition);
  if (options.prior !== undefined) {
    const priorBook = await read(options.prior, options.read);
    const priorRecognition = rec(priorBook);
    const priorRegime = regimeOf(priorRecognition);
    if (!priorRegime) throw badArgument(t(cliMessages, lang, 'draft.prior-no-tables', { file: options.prior }));
    if (priorRegime !== regime) {
      throw badArgument(
        t(cliMessages, lang, 'draft.prior-regime', {
          file: options.prior,
          priorRegime: regimeName(priorRegime, lang),
          regime: regimeName(regime, lang),
        }),
      );
    }
    inputs.prior = buildFacts(priorBook, priorRecognition);
  }
  return inputs;
}

/** Reads, recognises and drafts `path`. Throws CrossfootError for any bad input (a file, a section id, a prior). */
export async function draftFile(path: string, options: DraftFileOptions = {}): Promise<DraftReport> {
  const { regime, meta, template, selectors, facts, prior, recognition } = await readDraftInputs(path, options);
  const report: DraftReport = { file: path, template, sections: [] };
  if (options.prior !== undefined) report.prior = options.prior;
  if (meta.year !== undefined) report.year = meta.year;
  if (meta.department !== undefined) report.department = meta.department;
  if (!regime || !facts) return report;
  report.regime = regime;
  report.sections = draftSections(facts, recognition, {
    prior,
    sections: selectors,
    year: meta.year,
    department: meta.department,
    style: { template },
  });
  return report;
}

export function parseDraftFormat(value: string | undefined): DraftFormat {
  if (value === undefined) return 'text';
  const v = value.trim().toLowerCase();
  const found = DRAFT_FORMATS.find((f) => f === v);
  if (!found) throw new UsageError({ key: 'usage.bad-format', params: { value, choices: DRAFT_FORMATS.join(', ') } });
  return found;
}

export function parseDraftTemplate(value: string | undefined, lang: Lang): DraftTemplate | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const found = DRAFT_TEMPLATES.find((x) => x === v);
  if (!found) throw badArgument(t(cliMessages, lang, 'draft.bad-template', { value, choices: DRAFT_TEMPLATES.join(', ') }));
  return found;
}

export function renderDraft(report: DraftReport, format: DraftFormat, ctx: CliContext): string {
  return format === 'json' ? formatDraftJson(report) : formatDraftText(report, { lang: ctx.lang, colors: ctx.colors });
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const draftCommand: CliCommand = {
  name: 'draft',
  register(program, ctx) {
    return program
      .command('draft')
      .description(t(cliMessages, ctx.lang, 'help.draft'))
      .argument('<book>', t(cliMessages, ctx.lang, 'help.draft.book'))
      .option('--prior <file>', t(cliMessages, ctx.lang, 'help.draft.prior'))
      .option('-s, --section <id>', t(cliMessages, ctx.lang, 'help.draft.section'), collect)
      .option('--all', t(cliMessages, ctx.lang, 'help.draft.all'))
      .option('-f, --format <format>', t(cliMessages, ctx.lang, 'help.draft.format'))
      .option('--template <name>', t(cliMessages, ctx.lang, 'help.draft.template'))
      .option('--llm', t(draftLlmMessages, ctx.lang, 'help.llm'))
      .option('--task <task>', t(draftLlmMessages, ctx.lang, 'help.task'))
      .option('--material <file>', t(draftLlmMessages, ctx.lang, 'help.material'), collect)
      .option('--llm-base-url <url>', t(draftLlmMessages, ctx.lang, 'help.llm-base-url'))
      .option('--llm-model <model>', t(draftLlmMessages, ctx.lang, 'help.llm-model'))
      .option('--llm-timeout <seconds>', t(draftLlmMessages, ctx.lang, 'help.llm-timeout'))
      .option('--llm-retries <n>', t(draftLlmMessages, ctx.lang, 'help.llm-retries'))
      .option('--llm-structured <mode>', t(draftLlmMessages, ctx.lang, 'help.llm-structured'))
      .action(
        async (
          book: string,
          opts: { prior?: string; section?: string[]; all?: boolean; format?: string; template?: string; llm?: boolean } & Omit<
            DraftLlmCliOptions,
            'sections' | 'format' | 'template' | 'prior'
          >,
        ) => {
          const format = parseDraftFormat(opts.format);
          const template = parseDraftTemplate(opts.template, ctx.lang);
          const sections = opts.all ? [] : (opts.section ?? []);
          if (opts.llm) {
            await runDraftLlm(book, { ...opts, sections, format, template }, ctx);
            return;
          }
          const stray = LLM_ONLY_OPTIONS.filter(([k]) => (opts as Record<string, unknown>)[k] !== undefined).map(([, flag]) => flag);
          if (stray.length > 0) throw badArgument(t(draftLlmMessages, ctx.lang, 'usage.llm-only', { options: stray.join(', ') }));
          const report = await draftFile(book, {
            lang: ctx.lang,
            prior: opts.prior,
            sections,
            template,
            readWorkbook: ctx.deps.readWorkbook,
            recognise: ctx.deps.recognise,
          });
          ctx.io.stdout(renderDraft(report, format, ctx));
          ctx.exitCode = ExitCode.Ok;
        },
      );
  },
};
