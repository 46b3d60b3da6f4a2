/**
 * One scale measurement in its own process, so that its peak memory (getrusage maxRSS) is its own:
 *
 *   node -r ts-node/register/transpile-only bench/lib/scale-child.ts engine <cells> <runs>
 *   node -r ts-node/register/transpile-only bench/lib/scale-child.ts parse <file.xlsx> <cells>
 *
 * engine: synthesise the book in memory, time recognise + rules `runs` times. parse: read the .xlsx with the exceljs
 * adapter, then time recognise + rules on the parsed model: once cold (the first run in the process, as the CLI runs
 * it) and the median of four more (warm: the JIT has compiled the hot code). Prints one JSON line.
 */
import { readXlsxFile } from '../../src/adapters/exceljs';
import type { Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';
import { synthesise, toWorkbook } from './synthetic';

export interface EngineTiming {
  recogniseMs: number;
  rulesMs: number;
  totalMs: number;
  tables: number;
  findings: number;
  errors: number;
}

export function timeEngine(wb: Workbook): EngineTiming {
  const t0 = performance.now();
  const recognition = recognise(wb);
  const t1 = performance.now();
  const res = checkWorkbook(wb, { recognition });
  const t2 = performance.now();
  return {
    recogniseMs: t1 - t0,
    rulesMs: t2 - t1,
    totalMs: t2 - t0,
    tables: recognition.tables.length,
    findings: res.findings.length,
    errors: res.summary.errors,
  };
}

const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'engine') {
    const cells = Number(a);
    const runs = Number(b ?? '1');
    const book = synthesise({ cells });
    const wb = toWorkbook(book);
    const rssModelMiB = mib(process.memoryUsage().rss);
    const timings: EngineTiming[] = [];
    let peakHeap = 0;
    for (let i = 0; i < runs; i++) {
      timings.push(timeEngine(wb));
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const out = {
      mode,
      cells: book.cells,
      rows: book.rows,
      sheets: book.sheets.length,
      tables: book.tables,
      timings,
      rssModelMiB,
      heapUsedMiB: mib(peakHeap),
      maxRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  } else if (mode === 'parse') {
    const t0 = performance.now();
    const wb = await readXlsxFile(a);
    const parseMs = performance.now() - t0;
    const engine = timeEngine(wb);
    const again = [timeEngine(wb), timeEngine(wb), timeEngine(wb), timeEngine(wb)].sort((x, y) => x.totalMs - y.totalMs);
    const warm = { ...again[1], totalMs: (again[1].totalMs + again[2].totalMs) / 2 };
    const out = {
      mode,
      cells: Number(b),
      parseMs,
      engine,
      warm,
      heapUsedMiB: mib(process.memoryUsage().heapUsed),
      maxRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exit(1);
  });
}
