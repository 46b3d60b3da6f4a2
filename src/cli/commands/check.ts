/**
 * `crossfoot check <book.xlsx> [--format text|json|sarif|junit] [--verbose] [--fail-on error|warning]`: check the
 * tie-outs of a workbook. Exit code 1 when a finding at or above the --fail-on severity exists (default: errors), else
 * 0 (2 and 3 as every command: src/cli/exit-codes.ts).
 *
 * Several workbooks (more paths, a folder, a wildcard pattern) make a batch (src/cli/batch.ts): checked in parallel
 * (--jobs), one summary row per file (text or json; --summary-csv), exit 1 when any file fails, 2 only when no file
 * could be read.
 */
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { CrossfootError } from '../../errors';
import { t, type Lang } from '../../i18n';
import { annotateWorkbook, sameFile, writeFailed } from '../../report/annotate';
import { checkBatch, defaultJobs, isBatchInput, type BatchProgress } from '../batch';
import { checkFile, exitCodeFor, type CheckReport } from '../check';
import type { CliContext } from '../context';
import { formatBatchCsv } from '../format/batch-csv';
import { formatBatchJson } from '../format/batch-json';
import { formatBatchText } from '../format/batch-text';
import { formatCheckJson } from '../format/check-json';
import { buildHtmlReport } from '../format/check-html';
import { formatCheckJunit } from '../format/check-junit';
import { formatCheckSarif } from '../format/check-sarif';
import { formatCheckText } from '../format/check-text';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';
import type { CliCommand } from './command';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function parseCheckFormat(value: string | undefined): CheckFormat {
  if (value === undefined) return 'text';
  const v = value.trim().toLowerCase();
  const found = CHECK_FORMATS.find((f) => f === v);
  if (!found) {
    throw new UsageError({ key: 'usage.bad-format', params: { value, choices: CHECK_FORMATS.join(', ') } });
  }
  return found;
}

/** The exit policy: which findings make `check` exit with 1. */
export const FAIL_ON = ['error', 'warning'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Parse a --fail-on value (any case); undefined gives the default, 'error'. Throws CrossfootError bad-argument. */
export function parseFailOn(value: string | undefined, lang: Lang): FailOn {
  if (value === undefined) return 'error';
  const v = value.trim().toLowerCase();
  const found = FAIL_ON.find((f) => f === v);
  if (!found) throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.bad-fail-on', { value }) });
  return found;
}

export { exitCodeFor };

export interface RenderCheckOptions {
  verbose?: boolean;
}

/** The report in a format that needs only the check report (html needs the workbook: see buildHtmlReport). */
export function renderCheck(report: CheckReport, format: Exclude<CheckFormat, 'html'>, ctx: CliContext, options: RenderCheckOptions = {}): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'sarif':
      return formatCheckSarif(report, { version: ctx.deps.version });
    case 'junit':
      return formatCheckJunit(report);
    case 'text':
      return formatCheckText(report, { lang: ctx.lang, colors: ctx.colors, verbose: options.verbose });
  }
}

interface CheckOptions {
  format?: string;
  verbose?: boolean;
  narrative?: string;
  tablesOnly?: boolean;
  prior?: string;
  failOn?: string;
  annotate?: string;
  jobs?: string;
  summaryCsv?: string;
}

/** Parse a --jobs value: a positive whole number; undefined gives defaultJobs() (one job per two cores). */
export function parseJobs(value: string | undefined, lang: Lang): number {
  if (value === undefined) return defaultJobs();
  const v = value.trim();
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.bad-jobs', { value }) });
  }
  return Number(v);
}

/** Progress on stderr: one line rewritten in place on a terminal, plain lines otherwise. */
function progressPrinter(ctx: CliContext, tty: boolean): { update: (p: BatchProgress) => void; end: () => void } {
  let width = 0;
  return {
    update(p) {
      const line = t(cliMessages, ctx.lang, 'batch.progress', { done: p.done, total: p.total, file: p.file });
      if (tty) {
        ctx.io.stderr(`\r${line}${' '.repeat(Math.max(0, width - line.length))}`);
        width = Math.max(width, line.length);
      } else ctx.io.stderr(`${line}\n`);
    },
    end() {
      if (tty && width > 0) ctx.io.stderr(`\r${' '.repeat(width)}\r`);
    },
  };
}

async function runBatch(books: string[], opts: CheckOptions, ctx: CliContext): Promise<void> {
  const lang = ctx.lang;
  const format = opts.format === undefined ? 'text' : parseCheckFormat(opts.format);
  if (format !== 'text' && format !== 'json') {
    throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.batch-format', { value: format }) });
  }
  const single: [keyof CheckOptions, string][] = [
    ['annotate', '--annotate'],
    ['prior', '--prior'],
    ['narrative', '--narrative'],
  ];
  for (const [key, flag] of single) {
    if (opts[key] !== undefined) throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.batch-option', { flag }) });
  }
  const failOn = parseFailOn(opts.failOn, lang);
  const jobs = parseJobs(opts.jobs, lang);
  if (opts.summaryCsv !== undefined && books.some((b) => sameFile(b, opts.summaryCsv as string))) {
    throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.output-is-input', { file: opts.summaryCsv }) });
  }
  // an updating line only when both streams are terminals (a test's captured io never is)
  const progress = progressPrinter(ctx, ctx.io.colors === true && process.stderr.isTTY === true);
  const result = await checkBatch(books, {
    jobs,
    lang,
    failOn,
    narrative: opts.tablesOnly ? false : true,
    onProgress: progress.update,
  });
  progress.end();
  if (result.files.length === 0) {
    throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'batch.no-files', { inputs: books.join(' ') }) });
  }
  if (opts.summaryCsv !== undefined) {
    try {
      fs.writeFileSync(opts.summaryCsv, formatBatchCsv(result, lang), 'utf8');
    } catch (e) {
      throw writeFailed(opts.summaryCsv, e, lang);
    }
    ctx.io.stderr(`${t(cliMessages, lang, 'batch.csv-written', { file: opts.summaryCsv })}\n`);
  }
  ctx.io.stdout(format === 'json' ? formatBatchJson(result, lang) : formatBatchText(result, { lang, colors: ctx.colors }));
  ctx.exitCode = result.summary.exitCode;
}

export const checkCommand: CliCommand = {
  name: 'check',
  register(program, ctx) {
    return program
      .command('check')
      .description(t(cliMessages, ctx.lang, 'help.check'))
      .argument('<book>', t(cliMessages, ctx.lang, 'help.check.book'))
      // more workbooks, folders or patterns make a batch; not a declared argument so that the command's help line
      // and usage stay `check [options] <book>` (the <book> help names them)
      .allowExcessArguments(true)
      .option('-f, --format <format>', t(cliMessages, ctx.lang, 'help.check.format'))
      .option('-v, --verbose', t(cliMessages, ctx.lang, 'help.check.verbose'))
      .option('--narrative <file>', t(cliMessages, ctx.lang, 'help.check.narrative'))
      .option('--tables-only', t(cliMessages, ctx.lang, 'help.check.tables-only'))
      .option('--prior <last-year.xlsx>', t(cliMessages, ctx.lang, 'help.check.prior'))
      .option('--fail-on <severity>', t(cliMessages, ctx.lang, 'help.check.fail-on'))
      .option('--annotate <copy.xlsx>', t(cliMessages, ctx.lang, 'help.check.annotate'))
      .option('-j, --jobs <n>', t(cliMessages, ctx.lang, 'help.check.jobs'))
      .option('--summary-csv <file.csv>', t(cliMessages, ctx.lang, 'help.check.summary-csv'))
      .action(async (book: string, opts: CheckOptions, command: Command) => {
        const books = command.args.length > 0 ? [...command.args] : [book];
        if (isBatchInput(books)) {
          await runBatch(books, opts, ctx);
          return;
        }
        if (opts.summaryCsv !== undefined) {
          throw new CrossfootError('bad-argument', { detail: t(cliMessages, ctx.lang, 'usage.summary-csv-single') });
        }
        if (opts.jobs !== undefined) parseJobs(opts.jobs, ctx.lang);
        const format = parseCheckFormat(opts.format);
        const failOn = parseFailOn(opts.failOn, ctx.lang);
        if (opts.annotate !== undefined && sameFile(book, opts.annotate)) {
          throw new CrossfootError('bad-argument', {
            detail: t(cliMessages, ctx.lang, 'usage.annotate-is-input', { file: opts.annotate }),
          });
        }
        const checkOptions = {
          narrative: opts.tablesOnly ? false : opts.narrative ?? true,
          prior: opts.prior,
          lang: ctx.lang,
          readWorkbook: ctx.deps.readWorkbook,
          recognise: ctx.deps.recognise,
        };
        let html: string | undefined;
        let report: CheckReport;
        if (format === 'html') {
          ({ html, report } = await buildHtmlReport(book, { ...checkOptions, version: ctx.deps.version }));
        } else {
          report = await checkFile(book, checkOptions);
        }
        if (opts.annotate !== undefined) {
          const written = await annotateWorkbook(book, opts.annotate, report, { lang: ctx.lang });
          ctx.io.stderr(`${t(cliMessages, ctx.lang, 'annotate.written', { file: written.file })}\n`);
        }
        ctx.io.stdout(html ?? renderCheck(report, format as Exclude<CheckFormat, 'html'>, ctx, { verbose: opts.verbose === true }));
        ctx.exitCode = exitCodeFor(report.findings, failOn);
      });
  },
};
