/**
 * Speed and scale benchmark (`npm run bench`): measurements printed as sizes and ratios, with the targets beside them;
 * never pass/fail (the exit code is 0 unless the benchmark itself breaks).
 *
 *   ts-node --transpile-only bench/index.ts [--runs 20] [--max-cells 1000000] [--fixture sh-caizhengju-2024-sheets.xlsx]
 *
 * 1. engine time (recognise + rules) on a standard disclosure fixture, median of N runs;
 * 2. engine time on synthetic books of 10³…10⁶ cells (each in a child process for its own peak RSS), growth per 10×,
 *    .xlsx parse time of the same books and the engine's share of it;
 * 3. narrative check of a 50-page narrative (the fixture narratives concatenated);
 * 4. context.sync() per read and per marking pass on the fake Excel host;
 * 5. batch throughput of the compiled CLI (dist/, built when missing or stale), 1 job against one per core.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { FakeExcel, FakeExcelDocument } from '../addin/host/fake-excel';
import { OfficeHost } from '../addin/host/office';
import { readXlsxFile } from '../src/adapters/exceljs';
import { buildFacts } from '../src/facts';
import { marksForFindings } from '../src/marks';
import { checkNarrative } from '../src/narrative/check';
import { textParagraphs } from '../src/narrative/sources';
import type { Paragraph } from '../src/narrative/sources/types';
import { recognise } from '../src/recognise';
import { checkWorkbook } from '../src/rules';
import { timeEngine } from './lib/scale-child';
import { synthesise, toWorkbook, writeXlsx } from './lib/synthetic';

const ROOT = path.resolve(__dirname, '..');
const BOOKS = path.join(ROOT, 'test', 'fixtures', 'books');
const NARRATIVES = path.join(ROOT, 'test', 'fixtures', 'source', 'narrative');
/** characters per printed page of a Chinese narrative (A4, 小四, ~35 × 30) */
const PAGE_CHARS = 1000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
const ratio = (x: number): string => x.toFixed(2) + '×';
const pct = (x: number): string => (x * 100).toFixed(1) + '%';
const line = (s = ''): void => void process.stdout.write(s + '\n');

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

// ---------------------------------------------------------------------------------------------------------------

async function fixtureEngine(file: string, runs: number): Promise<void> {
  line(`## 1. Standard disclosure workbook: ${path.basename(file)}`);
  const wb = await readXlsxFile(file);
  let cells = 0;
  for (const s of wb.sheets) for (const r of s.rows) if (r) for (const c of r) if (c) cells++;
  for (let i = 0; i < 3; i++) timeEngine(wb); // warm-up (JIT)
  const t = Array.from({ length: runs }, () => timeEngine(wb));
  const last = t[t.length - 1];
  line(`   ${cells} cells, ${wb.sheets.length} sheets, ${last.tables} tables, ${last.findings} findings`);
  line(`   engine (recognise + rules), median of ${runs} warm runs: ${ms(median(t.map((x) => x.totalMs)))}` +
    `  (recognise ${ms(median(t.map((x) => x.recogniseMs)))}, rules ${ms(median(t.map((x) => x.rulesMs)))});` +
    ` min ${ms(Math.min(...t.map((x) => x.totalMs)))}, max ${ms(Math.max(...t.map((x) => x.totalMs)))}`);
  line('   target: < 50 ms');
  line();
}

// ---------------------------------------------------------------------------------------------------------------

interface EngineChild {
  cells: number;
  rows: number;
  sheets: number;
  tables: number;
  timings: Array<{ recogniseMs: number; rulesMs: number; totalMs: number; findings: number; errors: number }>;
  rssModelMiB: number;
  heapUsedMiB: number;
  maxRssMiB: number;
}
interface ParseChild {
  parseMs: number;
  engine: { totalMs: number; tables: number };
  warm: { totalMs: number };
  heapUsedMiB: number;
  maxRssMiB: number;
}

function child<T>(args: string[], heapMiB: number): { ok: true; value: T; wallMs: number } | { ok: false; error: string; wallMs: number } {
  const t0 = performance.now();
  try {
    const out = execFileSync(
      process.execPath,
      [`--max-old-space-size=${heapMiB}`, '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'lib', 'scale-child.ts'), ...args],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    const last = out.trim().split('\n').pop() ?? '';
    return { ok: true, value: JSON.parse(last) as T, wallMs: performance.now() - t0 };
  } catch (e) {
    const err = e as { stderr?: string; status?: number; signal?: string };
    const lines = (err.stderr ?? '').trim().split('\n');
    const tail = [lines.find((l) => /Error/.test(l)) ?? lines[0], ...lines.slice(-2)].join(' / ');
    return { ok: false, error: `exit ${err.status ?? err.signal}: ${tail.slice(0, 300)}`, wallMs: performance.now() - t0 };
  }
}

async function scale(maxCells: number): Promise<void> {
  line('## 2. Synthetic workbooks (支出决算表 tables of 类/款/项 rows × 6 value columns that foot, stacked on sheets)');
  line('   each size runs in its own child process; engine child heap capped at 1024 MiB, parse child at 4096 MiB');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-bench-'));
  const sizes = [1e3, 1e4, 1e5, 1e6].filter((n) => n <= maxCells);
  const rows: Array<{ n: number; engine?: EngineChild; engineMs?: number; parse?: ParseChild; err?: string; bytes?: number; writeMs?: number }> = [];
  try {
    for (const n of sizes) {
      const runs = n <= 1e4 ? 5 : 3;
      const e = child<EngineChild>(['engine', String(n), String(runs)], 1024);
      const row: (typeof rows)[number] = { n };
      if (e.ok) {
        row.engine = e.value;
        // the first run of a fresh process includes JIT warm-up; report the median of the rest when there are any
        const ts = e.value.timings.map((x) => x.totalMs);
        row.engineMs = median(ts.length > 1 ? ts.slice(1) : ts);
      } else row.err = `engine: ${e.error}`;
      const file = path.join(tmp, `synthetic-${n}.xlsx`);
      const tw = performance.now();
      await writeXlsx(synthesise({ cells: n }), file);
      row.writeMs = performance.now() - tw;
      row.bytes = fs.statSync(file).size;
      const p = child<ParseChild>(['parse', file, String(n)], 4096);
      if (p.ok) row.parse = p.value;
      else row.err = `${row.err ? row.err + '; ' : ''}parse: ${p.error}`;
      fs.rmSync(file, { force: true });
      rows.push(row);
      const eng = row.engine;
      line(
        `   10^${Math.round(Math.log10(n))}: ${eng ? `${eng.cells} cells, ${eng.rows} rows, ${eng.sheets} sheets, ${eng.tables} tables; ` : ''}` +
          `engine ${row.engineMs !== undefined ? ms(row.engineMs) : 'n/a'}` +
          (eng && eng.timings.length > 1 ? ` (first run, JIT cold: ${ms(eng.timings[0].totalMs)})` : '') +
          (eng ? ` (recognise ${ms(median(eng.timings.map((x) => x.recogniseMs)))}, rules ${ms(median(eng.timings.map((x) => x.rulesMs)))}, findings ${eng.timings[0].findings}, errors ${eng.timings[0].errors})` : '') +
          (eng ? `; peak RSS ${eng.maxRssMiB} MiB (model built: ${eng.rssModelMiB} MiB), heapUsed ${eng.heapUsedMiB} MiB` : '') +
          `; .xlsx ${row.bytes !== undefined ? (row.bytes / 1048576).toFixed(1) + ' MiB' : 'n/a'} written in ${ms(row.writeMs ?? 0)}` +
          (row.parse ? `; parse ${ms(row.parse.parseMs)}, engine on the parsed model ${ms(row.parse.engine.totalMs)} cold = ${pct(row.parse.engine.totalMs / row.parse.parseMs)} of parse, ${ms(row.parse.warm.totalMs)} warm (median of 4 more runs) = ${pct(row.parse.warm.totalMs / row.parse.parseMs)}; parse peak RSS ${row.parse.maxRssMiB} MiB` : '') +
          (row.err ? `; FAILED ${row.err}` : ''),
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  line('   growth per 10× cells (engine time ratio; 10.00× = linear):');
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a.engineMs && b.engineMs && a.engine && b.engine) {
      const cellsRatio = b.engine.cells / a.engine.cells;
      line(`     ${a.engine.cells} → ${b.engine.cells} cells (${ratio(cellsRatio)}): engine ${ratio(b.engineMs / a.engineMs)}` +
        (a.parse && b.parse ? `, parse ${ratio(b.parse.parseMs / a.parse.parseMs)}` : ''));
    }
  }
  line('   baseline: a child process running ts-node holds ~190 MiB RSS before any workbook exists');
  line('   targets: 10^6 cells < 2 s and < 1 GB; engine < 10% of .xlsx parse time');
  line();
}

// ---------------------------------------------------------------------------------------------------------------

async function narrative(file: string, runs: number): Promise<void> {
  line('## 3. Narrative check of a 50-page narrative');
  const texts = fs.readdirSync(NARRATIVES).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(NARRATIVES, f), 'utf8'));
  let text = '';
  let copies = 0;
  while (text.length < 50 * PAGE_CHARS) {
    text += texts[copies % texts.length] + '\n';
    copies++;
  }
  const wb = await readXlsxFile(file);
  const recognition = recognise(wb);
  const facts = buildFacts(wb, recognition);
  const reportYear = recognition.tables.find((t) => t.year)?.year;
  const once = () => {
    const t0 = performance.now();
    const paragraphs: Paragraph[] = textParagraphs(text).map((p, i) => ({ text: p, location: { file: 'bench.txt', paragraph: i + 1 } }));
    const res = checkNarrative(paragraphs, facts, { reportYear });
    return { ms: performance.now() - t0, paragraphs: paragraphs.length, claims: res.claims, findings: res.findings.length };
  };
  once();
  const t = Array.from({ length: runs }, once);
  line(`   ${text.length} characters (${(text.length / PAGE_CHARS).toFixed(0)} pages of ${PAGE_CHARS}), ${copies} narrative texts, ` +
    `${t[0].paragraphs} paragraphs, ${t[0].claims} claims, ${t[0].findings} findings`);
  line(`   split + extract + check, median of ${runs}: ${ms(median(t.map((x) => x.ms)))} (${ms(median(t.map((x) => x.ms)) / (text.length / PAGE_CHARS))} per page)`);
  line();
}

// ---------------------------------------------------------------------------------------------------------------

async function syncs(file: string): Promise<void> {
  line('## 4. context.sync() on the fake Excel host (payload limit 10,000 cells per sync)');
  const measure = async (label: string, wb: Awaited<ReturnType<typeof readXlsxFile>>) => {
    const doc = FakeExcelDocument.fromWorkbook(wb);
    const fake = new FakeExcel(doc);
    const host = new OfficeHost(fake.Excel, fake.Office);
    let before = fake.syncs;
    const read = await host.readWorkbook();
    const readSyncs = fake.syncs - before;
    const res = checkWorkbook(read);
    const marks = marksForFindings(res.findings, { includeInfo: true });
    before = fake.syncs;
    await host.applyMarks(marks);
    const applySyncs = fake.syncs - before;
    before = fake.syncs;
    await host.clearMarks();
    const clearSyncs = fake.syncs - before;
    let cells = 0;
    for (const s of wb.sheets) for (const r of s.rows) if (r) for (const c of r) if (c) cells++;
    line(`   ${label}: ${wb.sheets.length} sheets, ${cells} cells → read ${readSyncs} syncs (max payload ${Math.max(0, ...fake.payloads)} cells); ` +
      `${marks.length} marks → apply ${applySyncs} syncs, clear ${clearSyncs} syncs`);
  };
  await measure(path.basename(file), await readXlsxFile(file));
  await measure('synthetic 10^5 cells', toWorkbook(synthesise({ cells: 1e5 })));
  line();
}

// ---------------------------------------------------------------------------------------------------------------

/** Newest modification time of the .ts sources under `dir` (tests excluded). */
function newestSource(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

/** The compiled CLI (dist/, what the `crossfoot` bin runs), built first when missing or older than the sources. */
function compiledCli(): string {
  const entry = path.join(ROOT, 'dist', 'src', 'cli', 'batch.js');
  if (!fs.existsSync(entry) || fs.statSync(entry).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
    line('   (building dist/: npm run build)');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  }
  return path.join(ROOT, 'bin', 'crossfoot.js');
}

/**
 * Batch throughput of the real CLI (`crossfoot check <files…> --jobs N`, compiled, each run a fresh process, start-up
 * included) on all cores against one core: one core is the process pinned to CPU 0 (`taskset -c 0`, Linux), all
 * cores are the same process unpinned with 1 job and with jobs = cores; medians of `rounds` runs each, alternating,
 * over the fixture books and over four copies of them (a batch where each thread's start-up — loading the modules, the
 * JIT's first compilations — weighs less). One job is not one core: V8 collects garbage and compiles on helper threads
 * beside the main thread, so an unpinned single job already keeps more than one core busy; the speed-up is one core's
 * time over the best all-core time. Other work on the machine slows the parallel runs most: the load average is printed.
 */
async function batch(rounds: number): Promise<void> {
  line('## 5. Batch throughput (the compiled CLI, `crossfoot check <books…> --jobs N`, one process per run)');
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores < 2) {
    line('   not measured: one core');
    line();
    return;
  }
  const bin = compiledCli();
  /** util-linux's taskset pins the one-core run to CPU 0 */
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((f) => fs.existsSync(f));
  if (!taskset) line('   (no taskset: the one-core run is not measured)');
  const books = fs.readdirSync(BOOKS).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(BOOKS, f));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-batch-'));
  try {
    const copies: string[] = [];
    for (let k = 1; k <= 4; k++) {
      fs.mkdirSync(path.join(tmp, String(k)));
      for (const b of books) {
        const to = path.join(tmp, String(k), path.basename(b));
        fs.copyFileSync(b, to);
        copies.push(to);
      }
    }
    const run = (files: string[], jobs: number, pinned = false): number => {
      const t0 = performance.now();
      const args = [bin, 'check', ...files, '--jobs', String(jobs), '--format', 'json'];
      try {
        execFileSync(pinned ? taskset! : process.execPath, pinned ? ['-c', '0', process.execPath, ...args] : args, {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'ignore'],
          maxBuffer: 256 * 1024 * 1024,
        });
      } catch (e) {
        // exit code 1 (findings) is the expected outcome for these books; anything else is a failure
        if ((e as { status?: number }).status !== 1) throw e;
      }
      return performance.now() - t0;
    };
    for (const [label, files] of [[`${books.length} fixture books`, books], [`${copies.length} books (the fixtures × 4)`, copies]] as const) {
      const pinned: number[] = [];
      const one: number[] = [];
      const all: number[] = [];
      const loads: number[] = [];
      for (let i = 0; i < rounds; i++) {
        loads.push(os.loadavg()[0]);
        if (taskset) pinned.push(run(files, 1, true));
        one.push(run(files, 1));
        all.push(run(files, cores));
      }
      const rate = (t: number) => `${(files.length / (t / 1000)).toFixed(1)} books/s`;
      const a = median(one);
      const b = median(all);
      const best = Math.min(a, b);
      const p = taskset ? median(pinned) : undefined;
      line(
        `   ${label}: ` +
          (p !== undefined ? `one core 1 job ${ms(p)} (${rate(p)}); ` : '') +
          `all ${cores} cores 1 job ${ms(a)} (${rate(a)}), ${cores} jobs ${ms(b)} (${rate(b)}); ` +
          (p !== undefined ? `speed-up all cores vs one core ${ratio(p / best)}, ` : '') +
          `${cores} jobs vs 1 job ${ratio(a / b)}; medians of ${rounds}, ` +
          `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
      );
    }
  } catch (e) {
    line(`   batch: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  line('   target: ≥ 1.7× on 2 cores');
  line();
}

// ---------------------------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<void> {
  const program = new Command('bench')
    .option('--runs <n>', 'warm runs of the fixture engine measurement', positiveInt, 20)
    .option('--max-cells <n>', 'largest synthetic size (10^3 … 10^6)', positiveInt, 1_000_000)
    .option('--fixture <file>', 'fixture book under test/fixtures/books', 'sh-caizhengju-2024-sheets.xlsx')
    .option('--batch-rounds <n>', 'runs of each batch measurement (medians)', positiveInt, 3)
    .parse(argv);
  const opts = program.opts<{ runs: number; maxCells: number; fixture: string; batchRounds: number }>();
  const file = path.isAbsolute(opts.fixture) ? opts.fixture : path.join(BOOKS, opts.fixture);
  line(`crossfoot bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 1073741824).toFixed(1)} GiB`);
  line();
  await fixtureEngine(file, opts.runs);
  await narrative(file, 5);
  await syncs(file);
  await batch(opts.batchRounds);
  await scale(opts.maxCells);
}

main(process.argv).catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exit(1);
});
