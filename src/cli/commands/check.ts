/**
 * `crossfoot check <book.xlsx> [--format text|json|sarif] [--verbose]`: check the tie-outs of a workbook.
 * Exit code 1 when any finding has error severity, else 0 (2 and 3 as every command: src/cli/exit-codes.ts).
 */
import { t } from '../../i18n';
import { checkExitCode, checkFile, type CheckReport } from '../check';
import type { CliContext } from '../context';
import { formatCheckJson } from '../format/check-json';
import { formatCheckSarif } from '../format/check-sarif';
import { formatCheckText } from '../format/check-text';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';
import type { CliCommand } from './command';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
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

export interface RenderCheckOptions {
  verbose?: boolean;
}

export function renderCheck(report: CheckReport, format: CheckFormat, ctx: CliContext, options: RenderCheckOptions = {}): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'sarif':
      return formatCheckSarif(report, { version: ctx.deps.version });
    case 'text':
      return formatCheckText(report, { lang: ctx.lang, colors: ctx.colors, verbose: options.verbose });
  }
}

export const checkCommand: CliCommand = {
  name: 'check',
  register(program, ctx) {
    return program
      .command('check')
      .description(t(cliMessages, ctx.lang, 'help.check'))
      .argument('<book>', t(cliMessages, ctx.lang, 'help.check.book'))
      .option('-f, --format <format>', t(cliMessages, ctx.lang, 'help.check.format'))
      .option('-v, --verbose', t(cliMessages, ctx.lang, 'help.check.verbose'))
      .option('--narrative <file>', t(cliMessages, ctx.lang, 'help.check.narrative'))
      .option('--tables-only', t(cliMessages, ctx.lang, 'help.check.tables-only'))
      .option('--prior <last-year.xlsx>', t(cliMessages, ctx.lang, 'help.check.prior'))
      .action(async (book: string, opts: { format?: string; verbose?: boolean; narrative?: string; tablesOnly?: boolean; prior?: string }) => {
        const format = parseCheckFormat(opts.format);
        const report = await checkFile(book, {
          narrative: opts.tablesOnly ? false : opts.narrative ?? true,
          prior: opts.prior,
          lang: ctx.lang,
          readWorkbook: ctx.deps.readWorkbook,
          recognise: ctx.deps.recognise,
        });
        ctx.io.stdout(renderCheck(report, format, ctx, { verbose: opts.verbose === true }));
        ctx.exitCode = checkExitCode(report);
      });
  },
};
