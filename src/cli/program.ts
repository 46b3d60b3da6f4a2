/**
 * The crossfoot command line: language selection, the commander program, and the mapping of every failure to one
 * clear line and an exit code (src/cli/exit-codes.ts). No process.exit here: `run` returns the code and
 * src/cli/main.ts sets process.exitCode.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { readXlsxFile } from '../adapters/exceljs';
import { isCrossfootError } from '../errors';
import { t, type Lang } from '../i18n';
import { recognise } from '../recognise';
import type { CliCommand } from './commands/command';
import { checkCommand } from './commands/check';
import { chatCommand } from './commands/chat';
import { draftCommand } from './commands/draft';
import { inspectCommand } from './commands/inspect';
import { reportCommand } from './commands/report';
import type { CliContext, CliDeps, CliIO, Env } from './context';
import { ExitCode } from './exit-codes';
import { cliMessages } from './messages';
import { UsageError } from './usage-error';

export type { CliIO, CliDeps, Env } from './context';

/** The commands, in help order. */
export const COMMANDS: readonly CliCommand[] = [inspectCommand, checkCommand, reportCommand, draftCommand, chatCommand];

// ── language ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Parse a --lang value: zh-CN or en-US (any case, "_" for "-"); undefined when it is neither. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v === 'zh-cn') return 'zh-CN';
  if (v === 'en-us') return 'en-US';
  return undefined;
}

/**
 * The language when no --lang is given: CROSSFOOT_LANG (a language code; anything starting with "en" is en-US), else
 * the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG) when it starts with "en", else zh-CN.
 */
export function langFromEnv(env: Env): Lang {
  const own = env.CROSSFOOT_LANG?.trim();
  if (own) return parseLang(own) ?? (own.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN');
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return locale && locale.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** The value of the last --lang on the command line (before any "--"), or undefined when there is none. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--lang') {
      if (i + 1 < argv.length) found = argv[++i];
    } else if (a.startsWith('--lang=')) {
      found = a.slice('--lang='.length);
    }
  }
  return found;
}

// ── program ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A commander error together with the command that raised it. */
class CommanderFailure extends Error {
  constructor(
    readonly error: CommanderError,
    readonly commandPath: string,
    /** commander printed help to stderr (it does so when no command was given) */
    readonly helpOnError: boolean,
  ) {
    super(error.message);
    this.name = 'CommanderFailure';
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** the section titles commander passes to styleTitle */
type HelpTitle = 'Usage:' | 'Options:' | 'Global Options:' | 'Commands:' | 'Arguments:';

function helpTitle(title: string, lang: Lang): string {
  switch (title as HelpTitle) {
    case 'Usage:':
      return t(cliMessages, lang, 'help.title.Usage:');
    case 'Options:':
      return t(cliMessages, lang, 'help.title.Options:');
    case 'Global Options:':
      return t(cliMessages, lang, 'help.title.Global Options:');
    case 'Commands:':
      return t(cliMessages, lang, 'help.title.Commands:');
    case 'Arguments:':
      return t(cliMessages, lang, 'help.title.Arguments:');
    default:
      return title;
  }
}

/** Builds the commander program for one run, with every help text in `ctx.lang`. */
export function buildProgram(ctx: CliContext): Command {
  const { lang, io } = ctx;
  const state = { helpOnError: false };
  const program = new Command('crossfoot');
  program
    .description(t(cliMessages, lang, 'help.program'))
    .version(ctx.deps.version, '-V, --version', t(cliMessages, lang, 'help.version'))
    .option('--lang <lang>', t(cliMessages, lang, 'help.lang'))
    .helpOption('-h, --help', t(cliMessages, lang, 'help.help'))
    .helpCommand('help [command]', t(cliMessages, lang, 'help.help-command'))
    .configureHelp({ showGlobalOptions: true, styleTitle: (s: string) => helpTitle(s, lang) })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      // commander writes help to stderr only when no command was given; we print one line instead
      writeErr: () => {
        state.helpOnError = true;
      },
      outputError: () => undefined,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText('after', `\n${t(cliMessages, lang, 'help.exit-codes')}`);
  const commands = [program, ...COMMANDS.map((c) => c.register(program, ctx))];
  for (const cmd of commands) {
    cmd.exitOverride((err) => {
      throw new CommanderFailure(err, commandPath(cmd), state.helpOnError);
    });
  }
  return program;
}

// ── failures ──────────────────────────────────────────────────────────────────────────────────────────────────────

const quoted = (message: string): string | undefined => /'([^']*)'/.exec(message)?.[1];
const suggested = (message: string): string | undefined => /Did you mean (.+?)\?/.exec(message)?.[1];
const longFlag = (flags: string): string => /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0];

/** Commander's error as one line in the user's language, or undefined when it is not an error (help, version). */
function commanderMessage(f: CommanderFailure, lang: Lang): { line?: string; code: number } {
  const { error } = f;
  const msg = error.message;
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return { code: ExitCode.Ok };
    case 'commander.help':
      if (!f.helpOnError) return { code: ExitCode.Ok };
      return { line: t(cliMessages, lang, 'usage.no-command'), code: ExitCode.BadInput };
    case 'commander.unknownCommand':
      return {
        line: t(cliMessages, lang, 'usage.unknown-command', { name: quoted(msg) ?? '', suggestion: suggested(msg) }),
        code: ExitCode.BadInput,
      };
    case 'commander.unknownOption':
      return {
        line: t(cliMessages, lang, 'usage.unknown-option', {
          flag: quoted(msg) ?? '',
          suggestion: suggested(msg),
          command: f.commandPath,
        }),
        code: ExitCode.BadInput,
      };
    case 'commander.missingArgument': {
      const name = quoted(msg) ?? '';
      const line =
        name === 'book'
          ? t(cliMessages, lang, 'usage.missing-book')
          : t(cliMessages, lang, 'usage.missing-argument', { name, command: f.commandPath });
      return { line, code: ExitCode.BadInput };
    }
    case 'commander.optionMissingArgument':
      return {
        line: t(cliMessages, lang, 'usage.option-missing-value', { flag: longFlag(quoted(msg) ?? '') }),
        code: ExitCode.BadInput,
      };
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(msg);
      return {
        line: t(cliMessages, lang, 'usage.excess-arguments', {
          command: f.commandPath,
          expected: Number(m?.[1] ?? 0),
          got: Number(m?.[2] ?? 0),
        }),
        code: ExitCode.BadInput,
      };
    }
    default:
      return {
        line: t(cliMessages, lang, 'usage.other', { detail: oneLine(msg.replace(/^error:\s*/, '')) }),
        code: ExitCode.BadInput,
      };
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function report(e: unknown, lang: Lang, io: CliIO, debug: boolean): number {
  const stack = () => {
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
  };
  if (e instanceof CommanderFailure) {
    const { line, code } = commanderMessage(e, lang);
    if (line !== undefined) io.stderr(`${line}\n`);
    return code;
  }
  if (e instanceof UsageError) {
    io.stderr(`${e.localized(lang)}\n`);
    return ExitCode.BadInput;
  }
  if (isCrossfootError(e)) {
    io.stderr(`${oneLine(e.localized(lang))}\n`);
    stack();
    return ExitCode.BadInput;
  }
  const detail = oneLine(e instanceof Error ? e.message || e.name : String(e));
  io.stderr(`${t(cliMessages, lang, 'internal-error', { detail })}\n`);
  stack();
  return ExitCode.Internal;
}

// ── entry ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The version in the nearest package.json named "crossfoot" above this file (works from src/ and dist/src/). */
export function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'crossfoot' && pkg.version) return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}

function colorsWanted(io: CliIO, env: Env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return io.colors ?? false;
}

/**
 * Runs crossfoot with `argv` (the arguments after the program name) and returns the exit code. Never throws and never
 * exits the process. `overrides` replaces the real reader, recogniser, environment or version (tests).
 */
export async function run(argv: string[], io: CliIO, overrides: Partial<CliDeps> = {}): Promise<number> {
  const env: Env = overrides.env ?? process.env;
  const debug = env.CROSSFOOT_DEBUG === '1';
  let lang = langFromEnv(env);
  try {
    const requested = langFromArgv(argv);
    if (requested !== undefined) {
      const chosen = parseLang(requested);
      if (!chosen) throw new UsageError({ key: 'usage.bad-lang', params: { value: requested } });
      lang = chosen;
    }
    const deps: CliDeps = {
      env,
      readWorkbook: overrides.readWorkbook ?? readXlsxFile,
      recognise: overrides.recognise ?? recognise,
      version: overrides.version ?? packageVersion(),
    };
    const ctx: CliContext = { lang, io, deps, colors: colorsWanted(io, env), exitCode: ExitCode.Ok };
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return report(e, lang, io, debug);
  }
}
