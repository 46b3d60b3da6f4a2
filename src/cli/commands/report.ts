/**
 * `crossfoot report <book.xlsx> [-o report.html] [--prior last-year.xlsx] [--narrative file] [--tables-only]
 * [--fail-on error|warning]`: write the printable audit report (审核报告, one self-contained HTML file; the same page as
 * `check --format html`). The default output is the workbook's name with .html, next to it; it may never be the
 * workbook. Exit code 0 when the report was written, unless --fail-on is given (then as `check`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CrossfootError } from '../../errors';
import { t } from '../../i18n';
import { sameFile, writeFailed } from '../../report/annotate';
import { buildHtmlReport } from '../../report/html';
import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';
import { cliMessages } from '../messages';
import { exitCodeFor, parseFailOn } from './check';
import type { CliCommand } from './command';

/** The default report file of a workbook: same folder, same name, .html. */
export function defaultReportPath(book: string): string {
  const ext = path.extname(book);
  return path.join(path.dirname(book), `${path.basename(book, ext)}.html`);
}

interface ReportOptions {
  output?: string;
  narrative?: string;
  tablesOnly?: boolean;
  prior?: string;
  failOn?: string;
}

export const reportCommand: CliCommand = {
  name: 'report',
  register(program, ctx: CliContext) {
    return program
      .command('report')
      .description(t(cliMessages, ctx.lang, 'help.report'))
      .argument('<book>', t(cliMessages, ctx.lang, 'help.report.book'))
      .option('-o, --output <report.html>', t(cliMessages, ctx.lang, 'help.report.output'))
      .option('--narrative <file>', t(cliMessages, ctx.lang, 'help.check.narrative'))
      .option('--tables-only', t(cliMessages, ctx.lang, 'help.check.tables-only'))
      .option('--prior <last-year.xlsx>', t(cliMessages, ctx.lang, 'help.check.prior'))
      .option('--fail-on <severity>', t(cliMessages, ctx.lang, 'help.check.fail-on'))
      .action(async (book: string, opts: ReportOptions) => {
        const failOn = opts.failOn === undefined ? undefined : parseFailOn(opts.failOn, ctx.lang);
        const output = opts.output ?? defaultReportPath(book);
        if (sameFile(book, output)) {
          throw new CrossfootError('bad-argument', { detail: t(cliMessages, ctx.lang, 'usage.output-is-input', { file: output }) });
        }
        const { html, report } = await buildHtmlReport(book, {
          lang: ctx.lang,
          narrative: opts.tablesOnly ? false : opts.narrative ?? true,
          prior: opts.prior,
          version: ctx.deps.version,
          readWorkbook: ctx.deps.readWorkbook,
          recognise: ctx.deps.recognise,
        });
        try {
          fs.writeFileSync(output, html);
        } catch (e) {
          throw writeFailed(output, e, ctx.lang);
        }
        ctx.io.stdout(`${t(cliMessages, ctx.lang, 'report.written', { file: output })}\n`);
        ctx.exitCode = failOn ? exitCodeFor(report.findings, failOn) : ExitCode.Ok;
      });
  },
};
