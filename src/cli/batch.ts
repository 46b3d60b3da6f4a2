/**
 * Batch checking: many workbooks (several paths, folders searched recursively for .xlsx, wildcard patterns such as
 * `2024/*.xlsx`) checked in parallel with worker_threads, one summary row per file.
 *
 * - One bad file never stops the batch: it gets a row with status `unreadable` and its localized error sentence.
 * - Results come back in input order whatever the number of jobs, so jobs=1 and jobs=N give identical results.
 * - jobs=1 checks in this thread (no worker start-up). jobs=N checks in this thread too, beside N − 1 worker threads
 *   started first (a thread's start-up — loading the modules, and the first files it checks running before the JIT
 *   has compiled the hot code — costs about as much as checking several small workbooks, and this thread has paid it
 *   already). Each worker is sent its next file before it finishes the current one, so that it never waits for this
 *   thread, busy checking, to hand out work. A worker runs a small JS entry that registers ts-node (transpile-only)
 *   only when this module is the .ts source (jest, ts-node), then requires batch-worker; from dist/ it requires the
 *   compiled batch-worker.js directly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readXlsxFile, type ReadOptions } from '../adapters/exceljs';
import { CrossfootError, isCrossfootError } from '../errors';
import { t, type Lang } from '../i18n';
import type { Workbook } from '../model/workbook';
import { documentMeta } from '../narrative/draft/meta';
import { checkFile } from './check';
import { exitCodeFor, type FailOn } from './commands/check';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { cliMessages } from './messages';

export type BatchStatus = 'clean' | 'warnings' | 'errors' | 'no-tables' | 'unreadable';

/** One workbook's row of the summary. Plain data (it crosses the worker boundary). */
export interface BatchFileResult {
  /** the path as listed (argument, or folder + relative path) */
  file: string;
  department?: string;
  year?: number;
  /** recognised tables */
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
  passed: number;
  /** checks that could not be made (summary.cannotEvaluate) */
  cannotCheck: number;
  status: BatchStatus;
  /** true when the file has findings at the --fail-on level */
  failing: boolean;
  /** when status is unreadable: the error code ('internal' for a bug) and its sentence in the batch language */
  error?: { code: string; message: string };
  /** wall time of this file, milliseconds (not part of the comparable result) */
  ms: number;
}

export interface BatchSummary {
  files: number;
  checked: number;
  unreadable: number;
  /** files with findings at the --fail-on level */
  failing: number;
  tables: number;
  errors: number;
  warnings: number;
  cannotCheck: number;
  /** 1 when a file fails, 2 when no file could be read, else 0 */
  exitCode: ExitCodeValue;
}

export interface BatchResult {
  /** in input order */
  files: BatchFileResult[];
  summary: BatchSummary;
  /** the number of parallel checks actually used */
  jobs: number;
  /** wall time of the whole batch, milliseconds */
  ms: number;
}

export interface BatchProgress {
  done: number;
  total: number;
  /** the file just finished */
  file: string;
  result: BatchFileResult;
}

export interface BatchOptions {
  /** parallel checks (default os.cpus().length); 1 checks in the calling thread */
  jobs?: number;
  lang?: Lang;
  failOn?: FailOn;
  /** check each workbook's own narrative sheets (default true); false checks the tables only */
  narrative?: boolean;
  onProgress?: (p: BatchProgress) => void;
}

/** What a single check needs (crosses the worker boundary). */
export interface BatchFileOptions {
  lang: Lang;
  failOn: FailOn;
  narrative: boolean;
}

// ── inputs ────────────────────────────────────────────────────────────────────────────────────────────────────────

const GLOB_CHARS = /[*?[]/;

/** True when `arg` is a wildcard pattern rather than a path (a path that exists is never a pattern). */
export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg) && !fs.existsSync(arg);
}

/** An Excel owner/lock file (~$book.xlsx), never a workbook. */
const isLockFile = (name: string): boolean => name.startsWith('~$');

const isXlsx = (name: string): boolean => name.toLowerCase().endsWith('.xlsx') && !isLockFile(name);

/** One path segment pattern as a RegExp: * and ? never match "/" nor a leading "."; [abc] / [!abc] classes. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const leadingDot = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${leadingDot}${re}$`, process.platform === 'win32' ? 'i' : '');
}

function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

const isDirEntry = (dir: string, e: fs.Dirent): boolean => {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return fs.statSync(path.join(dir, e.name)).isDirectory();
  } catch {
    return false;
  }
};

/** Every .xlsx under `dir` (subfolders included, lock files skipped), sorted by path. */
export function xlsxFilesIn(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(d);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a link loop
    seen.add(real);
    for (const e of listDir(d)) {
      const p = path.join(d, e.name);
      if (isDirEntry(d, e)) walk(p);
      else if (isXlsx(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The files matching a wildcard pattern (`*`, `?`, `[…]` within a segment, `**` for any folders), sorted. */
export function expandGlob(pattern: string): string[] {
  const norm = pattern.replace(/\\/g, '/');
  const absolute = norm.startsWith('/') || /^[A-Za-z]:\//.test(norm);
  const segments = norm.split('/').filter((s, i) => s !== '' || (i === 0 && absolute));
  let base = absolute ? (segments[0] === '' ? '/' : `${segments[0]}/`) : '';
  let i = absolute ? 1 : 0;
  while (i < segments.length - 1 && !GLOB_CHARS.test(segments[i])) {
    base = base === '' ? segments[i] : path.join(base, segments[i]);
    i++;
  }
  const rest = segments.slice(i);
  const out = new Set<string>();
  const match = (dir: string, k: number): void => {
    const seg = rest[k];
    const last = k === rest.length - 1;
    const here = dir === '' ? '.' : dir;
    if (seg === '**') {
      if (last) {
        for (const f of xlsxFilesIn(here)) out.add(dir === '' ? path.relative('.', f) : f);
        return;
      }
      match(dir, k + 1);
      for (const e of listDir(here)) {
        if (e.name.startsWith('.') || !isDirEntry(here, e)) continue;
        match(dir === '' ? e.name : path.join(dir, e.name), k);
      }
      return;
    }
    if (!GLOB_CHARS.test(seg)) {
      const p = dir === '' ? seg : path.join(dir, seg);
      if (last) {
        if (fs.existsSync(p) && fs.statSync(p).isFile()) out.add(p);
      } else match(p, k + 1);
      return;
    }
    const re = segmentRegExp(seg);
    for (const e of listDir(here)) {
      if (!re.test(e.name) || isLockFile(e.name)) continue;
      const p = dir === '' ? e.name : path.join(dir, e.name);
      if (last) {
        if (!isDirEntry(here, e)) out.add(p);
      } else if (isDirEntry(here, e)) match(p, k + 1);
    }
  };
  if (rest.length > 0) match(base, 0);
  return [...out].sort();
}

/** An input that names no file (a pattern without matches): listed as unreadable, with this error. */
export interface UnmatchedInput {
  input: string;
  error: CrossfootError;
}

/**
 * The workbooks named by the command-line inputs, in input order without duplicates: a folder gives every .xlsx in it
 * (recursively), a pattern its matches, anything else itself (even when missing: it is reported unreadable).
 */
export function expandInputs(inputs: readonly string[]): { files: string[]; unmatched: UnmatchedInput[] } {
  const files: string[] = [];
  const unmatched: UnmatchedInput[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    const key = path.resolve(f);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) xlsxFilesIn(input).forEach(add);
    else if (!stat && isGlob(input)) {
      const found = expandGlob(input);
      if (found.length === 0) {
        unmatched.push({ input, error: new CrossfootError('file-not-found', { file: input }) });
      }
      found.forEach(add);
    } else add(input);
  }
  return { files, unmatched };
}

/** True when the inputs make a batch: more than one, or a folder, or a pattern. */
export function isBatchInput(inputs: readonly string[]): boolean {
  if (inputs.length !== 1) return inputs.length > 1;
  const only = inputs[0];
  try {
    if (fs.statSync(only).isDirectory()) return true;
  } catch {
    return isGlob(only);
  }
  return false;
}

// ── one file ──────────────────────────────────────────────────────────────────────────────────────────────────────

function failed(file: string, code: string, message: string, ms: number): BatchFileResult {
  return {
    file,
    tables: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    passed: 0,
    cannotCheck: 0,
    status: 'unreadable',
    failing: false,
    error: { code, message },
    ms,
  };
}

/** The error of a file as its summary row: a CrossfootError's sentence, or the internal-error sentence for a bug. */
export function failedResult(file: string, e: unknown, lang: Lang, ms = 0): BatchFileResult {
  if (isCrossfootError(e)) return failed(file, e.code, e.localized(lang), ms);
  const detail = e instanceof Error ? e.message : String(e);
  return failed(file, 'internal', t(cliMessages, lang, 'internal-error', { detail }), ms);
}

/** Checks one workbook as `checkFile` does and returns its summary row. Never throws. */
export async function checkOneFile(file: string, options: BatchFileOptions): Promise<BatchFileResult> {
  const started = Date.now();
  try {
    let workbook: Workbook | undefined;
    const readWorkbook = async (p: string, o?: ReadOptions): Promise<Workbook> => {
      const wb = await readXlsxFile(p, o);
      if (p === file && workbook === undefined) workbook = wb;
      return wb;
    };
    const report = await checkFile(file, { lang: options.lang, narrative: options.narrative, readWorkbook });
    const meta = workbook ? documentMeta(workbook, report.recognition) : {};
    const s = report.summary;
    const tables = report.recognition.tables.length;
    const status: BatchStatus = tables === 0 ? 'no-tables' : s.errors > 0 ? 'errors' : s.warnings > 0 ? 'warnings' : 'clean';
    const result: BatchFileResult = {
      file,
      tables,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      passed: s.passed,
      cannotCheck: s.cannotEvaluate,
      status,
      failing: exitCodeFor(report.findings, options.failOn) === ExitCode.Findings,
      ms: Date.now() - started,
    };
    if (meta.department !== undefined) result.department = meta.department;
    if (meta.year !== undefined) result.year = meta.year;
    return result;
  } catch (e) {
    return failedResult(file, e, options.lang, Date.now() - started);
  }
}

// ── workers ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The worker's JS entry (eval): ts-node only for the .ts source, then the worker module. */
const WORKER_ENTRY = `
const { workerData } = require('node:worker_threads');
if (workerData.tsNode) {
  require(workerData.tsNode).register({ transpileOnly: true, projectSearchDir: require('node:path').dirname(workerData.entry) });
}
require(workerData.entry);
`;

export interface WorkerRequest {
  id: number;
  file: string;
  options: BatchFileOptions;
}

export interface WorkerReply {
  id: number;
  result: BatchFileResult;
}

function workerData(): { entry: string; tsNode?: string } {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `batch-worker${ext}`);
  if (ext !== '.ts') return { entry };
  return { entry, tsNode: require.resolve('ts-node', { paths: [__dirname] }) };
}

/** Files a worker holds: the one it checks and the next one, sent ahead. */
const AHEAD = 2;

/**
 * Checks the files on `jobs` − 1 worker threads and this thread, all taking from one queue. A worker that dies fails
 * the file it was checking (the one sent ahead goes back to the queue) and is replaced while work remains.
 */
function runParallel(
  files: string[],
  options: BatchFileOptions,
  jobs: number,
  onResult: (index: number, result: BatchFileResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    /** files handed back by a worker that died before it started them */
    const retry: number[] = [];
    let finished = 0;
    const data = workerData();
    const take = (): number | undefined => (retry.length > 0 ? retry.shift() : next < files.length ? next++ : undefined);
    const settle = (index: number, result: BatchFileResult): void => {
      onResult(index, result);
      finished++;
      if (finished === files.length) resolve();
    };
    const start = (): void => {
      const worker = new Worker(WORKER_ENTRY, { eval: true, workerData: data, stderr: false });
      /** files sent to this worker and not answered yet, in the order it checks them */
      const held: number[] = [];
      let done = false;
      const feed = (): void => {
        while (held.length < AHEAD) {
          const index = take();
          if (index === undefined) break;
          held.push(index);
          const req: WorkerRequest = { id: index, file: files[index], options };
          worker.postMessage(req);
        }
        if (held.length === 0) {
          done = true;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        const i = held.indexOf(reply.id);
        if (i < 0) return;
        held.splice(i, 1);
        settle(reply.id, reply.result);
        feed();
      });
      const die = (e: unknown): void => {
        if (done) return;
        done = true;
        const [current, ...unstarted] = held;
        held.length = 0;
        retry.unshift(...unstarted);
        if (current !== undefined) settle(current, failedResult(files[current], e, options.lang));
        if (retry.length > 0 || next < files.length) start();
        void worker.terminate();
      };
      worker.on('error', die);
      worker.on('exit', (code) => {
        if (!done) die(new Error(`worker stopped (exit code ${code})`));
      });
      feed();
    };
    // this thread, between the workers' messages: one file at a time until the queue is empty
    const self = async (): Promise<void> => {
      for (let index = take(); index !== undefined; index = take()) settle(index, await checkOneFile(files[index], options));
    };
    if (files.length === 0) {
      resolve();
      return;
    }
    const n = Math.min(jobs - 1, files.length - 1);
    for (let i = 0; i < n; i++) start();
    self().catch(reject);
  });
}

// ── the batch ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Totals and the exit code of a batch. */
export function summarise(files: readonly BatchFileResult[]): BatchSummary {
  const read = files.filter((f) => f.status !== 'unreadable');
  const sum = (k: 'tables' | 'errors' | 'warnings' | 'cannotCheck'): number => read.reduce((n, f) => n + f[k], 0);
  const failing = read.filter((f) => f.failing).length;
  return {
    files: files.length,
    checked: read.length,
    unreadable: files.length - read.length,
    failing,
    tables: sum('tables'),
    errors: sum('errors'),
    warnings: sum('warnings'),
    cannotCheck: sum('cannotCheck'),
    exitCode: read.length === 0 ? ExitCode.BadInput : failing > 0 ? ExitCode.Findings : ExitCode.Ok,
  };
}

/**
 * Default parallelism: one job per two cores (at least 1). A single check already keeps about one and a half cores
 * busy (V8 collects garbage and compiles on helper threads beside the main thread; measured by `npm run bench`,
 * section 5), so on 2 cores a second job only competes with them.
 */
export function defaultJobs(): number {
  return Math.max(1, Math.floor(os.cpus().length / 2));
}

/**
 * Checks every workbook named by `paths` (files, folders, patterns: see expandInputs) with `jobs` parallel checks and
 * returns one row per file in input order plus the totals. Never rejects for a bad file; rejects only on a bug.
 */
export async function checkBatch(paths: string[], options: BatchOptions = {}): Promise<BatchResult> {
  const started = Date.now();
  const lang = options.lang ?? 'zh-CN';
  const fileOptions: BatchFileOptions = { lang, failOn: options.failOn ?? 'error', narrative: options.narrative ?? true };
  const { files, unmatched } = expandInputs(paths);
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const results: BatchFileResult[] = new Array(files.length);
  const total = files.length + unmatched.length;
  let done = 0;
  const record = (index: number, result: BatchFileResult): void => {
    results[index] = result;
    done++;
    options.onProgress?.({ done, total, file: result.file, result });
  };
  for (const u of unmatched) {
    const r = failedResult(u.input, u.error, lang);
    done++;
    options.onProgress?.({ done, total, file: u.input, result: r });
  }
  const used = Math.min(jobs, Math.max(1, files.length));
  if (used === 1) {
    for (let i = 0; i < files.length; i++) record(i, await checkOneFile(files[i], fileOptions));
  } else {
    await runParallel(files, fileOptions, used, record);
  }
  const all = [...unmatched.map((u) => failedResult(u.input, u.error, lang)), ...results];
  return { files: all, summary: summarise(all), jobs: used, ms: Date.now() - started };
}
