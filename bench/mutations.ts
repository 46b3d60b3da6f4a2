/**
 * Mutation benchmark (`npm run bench:mutations`): how well the checker finds and localises injected errors.
 *
 * For every fixture book: check it unmutated (error findings not in test/fixtures/known-inconsistencies.json are false
 * alarms), sample amount cells read by non-vacuous relations, inject one error at a time (transposition, ×10/÷10,
 * ×10000, sign, copied neighbour, double count, random, tiny) and check again. Prints detection, localisation,
 * correction and signature rates per kind and overall, the false alarms and the worst examples. A measurement, not a
 * test: the exit code is 0 unless the benchmark itself fails.
 *
 *   ts-node --transpile-only bench/mutations.ts [--variant sheets] [--books 'seed-*'] [--cells 60] [--seed N]
 *     [--kinds transposition,sign] [--jobs 2] [--json out.json] [--rerecognise] [--lang en-US]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isLang } from '../src/i18n';
import { isMutationKind, MUTATION_KINDS, type MutationKind } from './lib/mutate';
import { KNOWN_FILE, runMutationBenchmark } from './lib/run';
import { formatSummary } from './lib/summary';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function seedArg(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function kindsArg(v: string): MutationKind[] {
  const ks = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ks.filter((k) => !isMutationKind(k));
  if (bad.length > 0 || ks.length === 0) throw new InvalidArgumentError(`unknown kind ${bad.join(', ')}; kinds: ${MUTATION_KINDS.join(', ')}`);
  return ks as MutationKind[];
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('bench:mutations')
    .description('Mutation benchmark: inject errors into the fixture books and measure detection and localisation')
    .option('--variant <variant>', 'only books of this layout: sheets, split or stacked')
    .option('--books <glob>', 'only books whose file name matches the glob (e.g. "seed-*")')
    .option('--cells <n>', 'candidate cells sampled per book', positiveInt, 60)
    .option('--seed <n>', 'PRNG seed', seedArg)
    .option('--kinds <list>', `comma-separated mutation kinds (default all: ${MUTATION_KINDS.join(',')})`, kindsArg)
    .option('--jobs <n>', 'child processes (default min(2, CPUs); 1 = in process)', positiveInt)
    .option('--known <file>', 'known inconsistencies of the published documents', KNOWN_FILE)
    .option('--json <file>', 'write the summary and every mutation record as JSON')
    .option('--rerecognise', 'recognise every mutated copy again instead of reusing the baseline recognition')
    .option('--lang <lang>', 'language of the finding messages (zh-CN, en-US)', 'zh-CN')
    .option('--quiet', 'no progress lines on stderr');
  program.parse(argv);
  const o = program.opts<{
    variant?: string;
    books?: string;
    cells: number;
    seed?: number;
    kinds?: MutationKind[];
    jobs?: number;
    known: string;
    json?: string;
    rerecognise?: boolean;
    lang: string;
    quiet?: boolean;
  }>();
  if (!isLang(o.lang)) throw new InvalidArgumentError(`--lang ${o.lang}: expected zh-CN or en-US`);
  const run = await runMutationBenchmark({
    variant: o.variant,
    books: o.books,
    cells: o.cells,
    seed: o.seed,
    kinds: o.kinds,
    jobs: o.jobs,
    knownFile: path.resolve(o.known),
    lang: o.lang,
    rerecognise: o.rerecognise,
    onBook: o.quiet
      ? undefined
      : (r, done, total) =>
          process.stderr.write(`[${done}/${total}] ${r.book}: ${r.mutations.length} mutations, ${(r.ms / 1000).toFixed(1)} s\n`),
  });
  if (run.results.length === 0) process.stderr.write('no fixture book matches the filters\n');
  process.stdout.write(formatSummary(run.summary) + '\n');
  if (o.json) {
    fs.writeFileSync(o.json, JSON.stringify({ summary: run.summary, books: run.results }, null, 1) + '\n');
    process.stderr.write(`wrote ${o.json}\n`);
  }
}

main(process.argv).catch((e: unknown) => {
  process.stderr.write(`bench:mutations failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
