/** `crossfoot inspect <book.xlsx> [--format text|json]`: list the recognised tables. */
import { t } from '../../i18n';
import { ExitCode } from '../exit-codes';
import { formatInspectJson } from '../format/inspect-json';
import { formatInspectText } from '../format/inspect-text';
import { inspectWorkbook, type InspectReport } from '../inspect';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';
import type { CliContext } from '../context';
import type { CliCommand } from './command';

export const INSPECT_FORMATS = ['text', 'json'] as const;
export type InspectFormat = (typeof INSPECT_FORMATS)[number];

export function parseInspectFormat(value: string | undefined): InspectFormat {
  if (value === undefined) return 'text';
  const v = value.trim().toLowerCase();
  const found = INSPECT_FORMATS.find((f) => f === v);
  if (!found) {
    throw new UsageError({ key: 'usage.bad-format', params: { value, choices: INSPECT_FORMATS.join(', ') } });
  }
  return found;
}

export function renderInspect(report: InspectReport, format: InspectFormat, ctx: CliContext): string {
  return format === 'json'
    ? formatInspectJson(report)
    : formatInspectText(report, { lang: ctx.lang, colors: ctx.colors });
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  register(program, ctx) {
    return program
      .command('inspect')
      .description(t(cliMessages, ctx.lang, 'help.inspect'))
      .argument('<book>', t(cliMessages, ctx.lang, 'help.inspect.book'))
      .option('-f, --format <format>', t(cliMessages, ctx.lang, 'help.inspect.format'))
      .action(async (book: string, opts: { format?: string }) => {
        const format = parseInspectFormat(opts.format);
        const report = await inspectWorkbook(book, {
          readWorkbook: ctx.deps.readWorkbook,
          recognise: ctx.deps.recognise,
        });
        ctx.io.stdout(renderInspect(report, format, ctx));
        ctx.exitCode = ExitCode.Ok;
      });
  },
};
