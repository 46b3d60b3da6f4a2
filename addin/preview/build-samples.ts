/**
 * Build-time (Node) builder of the preview's sample workbooks: reads a fixture .xlsx into the neutral model with the
 * command-line adapter, records how its cells look with exceljs, and makes a second copy with one injected slip (a
 * transposition) so that the demo shows an error and its suspect. webpack.config.js emits the result as
 * `samples/<id>.json`; this file is never bundled.
 */
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { a1, parseA1 } from '../../src/model/address';
import type { Workbook } from '../../src/model/workbook';
import type { CellLook, Injection, PreviewSample, SampleId, SheetLook } from './sample';

/** The fixture the preview shows (武汉市蔡甸区医疗保障局 2023 部门决算, one table per sheet). */
export const SAMPLE_SOURCE = 'test/fixtures/books/seed-001-sheets.xlsx';

/**
 * 表3 (支出决算表) D13, 卫生健康支出 / 基本支出: 198.66 typed as 189.66. The engine finds the failing relations and names
 * this cell as the suspect with 198.66 as the proposed value.
 */
export const INJECTION: Injection = { sheet: '表3', cell: 'D13', original: '198.66', mutated: '189.66', kind: 'transposition' };

/** Excel column width (characters of the default font) to pixels, as Excel draws it at 100 %. */
export function columnPixels(width: number | undefined): number {
  const w = width ?? 8.43;
  return Math.round(w * 7 + 5);
}

function argbToCss(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9A-Fa-f]{8}$/.test(argb)) return undefined;
  return `#${argb.slice(2).toUpperCase()}`;
}

function cellLook(cell: ExcelJS.Cell): CellLook | undefined {
  const look: CellLook = {};
  if (cell.font?.bold) look.bold = true;
  const h = cell.alignment?.horizontal;
  if (h === 'left' || h === 'center' || h === 'right') look.align = h;
  else if (h === 'centerContinuous') look.align = 'center';
  if (cell.alignment?.wrapText) look.wrap = true;
  const b = cell.border;
  if (b && (b.top?.style || b.bottom?.style || b.left?.style || b.right?.style)) look.border = true;
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const css = argbToCss(fill.fgColor?.argb);
    if (css && css !== '#FFFFFF') look.fill = css;
  }
  return Object.keys(look).length > 0 ? look : undefined;
}

/** Column widths and cell looks of every sheet of an .xlsx file. */
export async function readLooks(file: string, workbook: Workbook): Promise<Record<string, SheetLook>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const looks: Record<string, SheetLook> = {};
  for (const sheet of workbook.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    let cols = 0;
    for (const r of sheet.rows) if (r && r.length > cols) cols = r.length;
    for (const m of sheet.merges) cols = Math.max(cols, m.right);
    const colWidths: number[] = [];
    for (let c = 1; c <= cols; c++) colWidths.push(columnPixels(ws.getColumn(c).width));
    const cells: Record<string, CellLook> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const look = cellLook(cell);
        if (look) cells[a1(r, c)] = look;
      });
    });
    looks[sheet.name] = { colWidths, cells };
  }
  return looks;
}

/** A copy of the workbook with one figure replaced; throws when the fixture no longer holds the expected figure. */
export function inject(workbook: Workbook, injection: Injection): Workbook {
  const copy = JSON.parse(JSON.stringify(workbook)) as Workbook;
  const sheet = copy.sheets.find((s) => s.name === injection.sheet);
  const { row, col } = parseA1(injection.cell);
  const cell = sheet?.rows[row - 1]?.[col - 1];
  if (!sheet || !cell) throw new Error(`preview sample: ${injection.sheet}!${injection.cell} is empty`);
  if (cell.text.trim() !== injection.original) {
    throw new Error(`preview sample: ${injection.sheet}!${injection.cell} prints ${cell.text}, expected ${injection.original}`);
  }
  cell.value = typeof cell.value === 'number' ? Number(injection.mutated) : injection.mutated;
  cell.text = injection.mutated;
  delete cell.formula;
  return copy;
}

/** Both samples, built from the fixture under `root` (the project directory). */
export async function buildPreviewSamples(root: string): Promise<Record<SampleId, PreviewSample>> {
  const file = path.join(root, SAMPLE_SOURCE);
  const workbook = await readXlsxFile(file);
  const looks = await readLooks(file, workbook);
  const clean: PreviewSample = { id: 'seed-001', source: SAMPLE_SOURCE, workbook, looks };
  const withError: PreviewSample = {
    id: 'seed-001-error',
    source: SAMPLE_SOURCE,
    workbook: inject(workbook, INJECTION),
    looks,
    injected: INJECTION,
  };
  return { 'seed-001': clean, 'seed-001-error': withError };
}

/** `ts-node build-samples.ts [root]`: print both samples as one JSON object (webpack.config.js emits them). */
async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..'));
  const samples = await buildPreviewSamples(root);
  process.stdout.write(JSON.stringify(samples));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
