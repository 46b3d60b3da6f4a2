/** What every CLI command receives: where to write, the language, and the pieces it calls (replaceable in tests). */
import type { ReadOptions } from '../adapters/exceljs';
import type { Lang } from '../i18n';
import type { Recognition } from '../model/table';
import type { Workbook } from '../model/workbook';

export interface CliIO {
  /** receives complete lines, each ending in "\n" */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** true when stdout is a colour terminal; colours are used in text output only, never in JSON */
  colors?: boolean;
  /** input of interactive commands (`chat`); default process.stdin. A TTY makes the command interactive */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** where an interactive command echoes its prompt and the line being typed; default process.stdout */
  terminal?: NodeJS.WritableStream;
}

export type Env = Record<string, string | undefined>;

/** The collaborators of the CLI. `run` uses the real ones unless a test passes others. */
export interface CliDeps {
  env: Env;
  readWorkbook: (path: string, options?: ReadOptions) => Promise<Workbook>;
  recognise: (workbook: Workbook) => Recognition;
  version: string;
}

export interface CliContext {
  lang: Lang;
  io: CliIO;
  deps: CliDeps;
  /** colours allowed in human-readable output */
  colors: boolean;
  /** set by a command's action; run() returns it */
  exitCode: number;
}
