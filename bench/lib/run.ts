/**
 * Runs the mutation benchmark over the fixture books, in this process or spread over child processes (one book at a
 * time per child; results are independent of the split because every book draws from its own seeded stream).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import type { Lang } from '../../src/i18n';
import { benchBook, DEFAULT_CELLS, DEFAULT_SEED, type BookResult } from './bench';
import { globMatch, loadKnown, type KnownInconsistency } from './known';
import { MUTATION_KINDS, type MutationKind } from './mutate';
import { summarise, type BenchSummary } from './summary';

export const REPO = path.resolve(__dirname, '..', '..');
export const BOOKS_DIR = path.join(REPO, 'test', 'fixtures', 'books');
export const KNOWN_FILE = path.join(REPO, 'test', 'fixtures', 'known-inconsistencies.json');

export interface RunOptions {
  booksDir?: string;
  /** limit to one layout variant: sheets, split or stacked */
  variant?: string;
  /** limit to books whose file name matches this glob */
  books?: string;
  cells?: number;
  seed?: number;
  kinds?: readonly MutationKind[];
  /** the known inconsistencies, or the file holding them (default test/fixtures/known-inconsistencies.json) */
  known?: readonly KnownInconsistency[];
  knownFile?: string;
  lang?: Lang;
  rerecognise?: boolean;
  /** child processes (default: min(2, CPUs)); 1 runs in this process */
  jobs?: number;
  onBook?: (result: BookResult, done: number, total: number) => void;
}

export interface BenchRun {
  summary: BenchSummary;
  results: BookResult[];
}

interface ManifestBook {
  file: string;
  variant?: string;
}

/** The fixture books to run, in manifest order. */
export function listBooks(options: Pick<RunOptions, 'booksDir' | 'variant' | 'books'> = {}): string[] {
  const dir = options.booksDir ?? BOOKS_DIR;
  const manifest = path.join(dir, 'manifest.json');
  const files: ManifestBook[] = fs.existsSync(manifest)
    ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { books: ManifestBook[] }).books
    : fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => ({ file: f }));
  return files
    .filter((b) => !options.variant || (b.variant ?? /-(\w+)\.xlsx$/.exec(b.file)?.[1]) === options.variant)
    .filter((b) => !options.books || globMatch(options.books, b.file) || globMatch(options.books, b.file.replace(/\.xlsx$/, '')))
    .map((b) => path.join(dir, b.file));
}

/** What a child process needs to run one book (plain data, sent over IPC). */
export interface BookJob {
  file: string;
  cells: number;
  seed: number;
  kinds: MutationKind[];
  known: KnownInconsistency[];
  lang: Lang;
  rerecognise: boolean;
}

export async function runBookJob(job: BookJob): Promise<BookResult> {
  const wb = await readXlsxFile(job.file);
  return benchBook(wb, {
    book: path.basename(job.file),
    cells: job.cells,
    seed: job.seed,
    kinds: job.kinds,
    known: job.known,
    lang: job.lang,
    rerecognise: job.rerecognise,
  });
}

function startWorker(): ChildProcess {
  const file = path.join(__dirname, `worker${path.extname(__filename)}`);
  const execArgv = file.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [];
  return fork(file, [], {
    execArgv,
    cwd: REPO,
    env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

type WorkerReply = { type: 'result'; result: BookResult } | { type: 'error'; file: string; message: string };

async function runInWorkers(jobs: BookJob[], n: number, onResult: (r: BookResult) => void): Promise<void> {
  const queue = jobs.slice();
  const workers = Array.from({ length: Math.min(n, jobs.length) }, startWorker);
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let current: BookJob | undefined;
          const next = () => {
            current = queue.shift();
            if (current) w.send({ type: 'job', job: current });
            else {
              w.send({ type: 'exit' });
              resolve();
            }
          };
          w.on('message', (msg: WorkerReply) => {
            if (msg.type === 'error') {
              workers.forEach((x) => x.connected && x.send({ type: 'exit' }));
              reject(new Error(`${path.basename(msg.file)}: ${msg.message}`));
              return;
            }
            current = undefined;
            onResult(msg.result);
            next();
          });
          w.on('exit', (code, signal) => {
            if (current) reject(new Error(`benchmark worker stopped (${signal ?? `exit code ${code}`}) on ${path.basename(current.file)}`));
          });
          next();
        }),
    ),
  );
}

export async function runMutationBenchmark(options: RunOptions = {}): Promise<BenchRun> {
  const t0 = Date.now();
  const files = listBooks(options);
  const known = [...(options.known ?? loadKnown(options.knownFile ?? KNOWN_FILE))];
  const cells = options.cells ?? DEFAULT_CELLS;
  const seed = options.seed ?? DEFAULT_SEED;
  const kinds = [...(options.kinds ?? MUTATION_KINDS)];
  const jobs: BookJob[] = files.map((file) => ({ file, cells, seed, kinds, known, lang: options.lang ?? 'zh-CN', rerecognise: !!options.rerecognise }));
  const n = options.jobs ?? Math.max(1, Math.min(2, os.cpus().length));
  const byFile = new Map<string, BookResult>();
  const done = (r: BookResult) => {
    byFile.set(r.book, r);
    options.onBook?.(r, byFile.size, jobs.length);
  };
  if (n <= 1 || jobs.length <= 1) for (const job of jobs) done(await runBookJob(job));
  else await runInWorkers(jobs, n, done);
  const results = files.map((f) => byFile.get(path.basename(f))!);
  return { results, summary: summarise(results, { seed, cellsPerBook: cells, kinds, ms: Date.now() - t0 }) };
}
