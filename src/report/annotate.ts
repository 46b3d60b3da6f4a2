/**
 * The annotated workbook: a COPY of the checked workbook, written with exceljs, for reviewers who work in Excel.
 *
 * - Failing cells (error / warning locations) and suspect cells are filled in the colours of MARK_STYLES (suspects
 *   also bold), and each gets a note (cell comment) with the finding messages (src/marks.ts decides which cells and
 *   which kind wins; a note the user already had is kept and ours is appended below it).
 * - A new last sheet 审核结果 ("Audit results" in en-US) lists every finding: number, severity, table, the cell as a
 *   hyperlink `#'Sheet'!C7`, message, expected, actual, difference, suspect cell (hyperlink), proposed value, reason.
 * - Cell values are never changed. The input file is only read: `annotateWorkbook` refuses when the output is the
 *   input (same path after resolving links) and writes the copy to a temporary file renamed into place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CrossfootError } from '../errors';
import { t, type Lang } from '../i18n';
import { kindName } from '../i18n/kinds';
import type { CellRef } from '../model/address';
import type { Recognition } from '../model/table';
import { marksForFindings, MARK_STYLES, type MarkKind } from '../marks';
import type { Finding, Severity } from '../rules/types';
import { cliMessages } from '../cli/messages';
import { sortFindings } from '../cli/format/check-common';
import { reportMessages } from './messages';

export interface AnnotateInput {
  findings: Finding[];
  recognition: Pick<Recognition, 'tables'>;
}

export interface AnnotateOptions {
  /** language of the findings sheet and the notes' prefix (default zh-CN) */
  lang?: Lang;
}

export interface AnnotateResult {
  /** the copy that was written */
  file: string;
  /** the name of the findings sheet that was added */
  sheet: string;
  /** cells filled, by kind */
  marked: Record<MarkKind, number>;
  /** marks whose sheet or cell is not in the workbook (not drawn; still listed on the findings sheet) */
  skipped: number;
}

/** True when `a` and `b` name the same file (symbolic links and relative paths resolved). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      // not there (yet): resolve its folder, keep its name
      const dir = path.dirname(path.resolve(p));
      try {
        return path.join(fs.realpathSync(dir), path.basename(p));
      } catch {
        return path.resolve(p);
      }
    }
  };
  const ra = real(a);
  const rb = real(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** A failed write as a CrossfootError (exit 2): a missing folder, no permission, a full disk. */
export function writeFailed(file: string, e: unknown, lang: Lang): CrossfootError {
  const err = e as NodeJS.ErrnoException;
  const detail = err?.code ?? (e instanceof Error ? e.message : String(e));
  return new CrossfootError('bad-argument', { detail: t(reportMessages, lang, 'write-failed', { file, detail }) }, e);
}

/** '#RRGGBB' → exceljs ARGB 'FFRRGGBB' */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Excel's internal link to a cell: `#'Sheet'!C7` (the sheet name always quoted, quotes doubled). */
export function internalLink(ref: CellRef): string {
  return `#'${ref.sheet.replace(/'/g, "''")}'!${ref.cell.toUpperCase()}`;
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((x) => x.text).join('');
}

function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function severityLabel(sev: Severity, lang: Lang): string {
  switch (sev) {
    case 'error':
      return t(reportMessages, lang, 'severity.error');
    case 'warning':
      return t(reportMessages, lang, 'severity.warning');
    case 'info':
      return t(reportMessages, lang, 'severity.info');
  }
}

const SEVERITY_FILL: Record<Severity, string> = {
  error: MARK_STYLES.error.fill,
  warning: MARK_STYLES.warning.fill,
  info: MARK_STYLES.info.fill,
};

/**
 * Writes the annotated copy of `input` to `output` (see the file comment). Throws CrossfootError bad-argument when
 * `output` is `input`; a workbook exceljs cannot read raises what the reader raised (the check has read it before).
 */
export async function annotateWorkbook(
  input: string,
  output: string,
  report: AnnotateInput,
  options: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const lang = options.lang ?? 'zh-CN';
  if (sameFile(input, output)) {
    throw new CrossfootError('bad-argument', { detail: t(cliMessages, lang, 'usage.annotate-is-input', { file: output }) });
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);

  // ── marks in place ──
  const marked: Record<MarkKind, number> = { error: 0, warning: 0, suspect: 0, info: 0 };
  let skipped = 0;
  const prefix = t(reportMessages, lang, 'note.prefix');
  for (const mark of marksForFindings(report.findings)) {
    const ws = wb.getWorksheet(mark.ref.sheet);
    if (!ws || !/^[A-Z]{1,3}[1-9]\d*$/.test(mark.ref.cell)) {
      skipped++;
      continue;
    }
    const cell = ws.getCell(mark.ref.cell);
    const style = MARK_STYLES[mark.kind];
    // a fresh style object: exceljs may share one style object between cells read from the file
    const font = { ...(cell.style.font ?? {}) } as Partial<ExcelJS.Font>;
    if (style.bold) font.bold = true;
    cell.style = {
      ...cell.style,
      font,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } },
    };
    if (mark.note) {
      const own = noteText(cell.note as ExcelJS.Comment | string | undefined);
      const ours = `${prefix}${mark.note}`;
      cell.note = own ? `${own}\n\n${ours}` : ours;
    }
    marked[mark.kind]++;
  }

  // ── the findings sheet ──
  const name = uniqueSheetName(wb, t(reportMessages, lang, 'sheet.name'));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = [
    t(reportMessages, lang, 'col.n'),
    t(reportMessages, lang, 'col.severity'),
    t(reportMessages, lang, 'col.table'),
    t(reportMessages, lang, 'col.cell'),
    t(reportMessages, lang, 'col.message'),
    t(reportMessages, lang, 'col.expected'),
    t(reportMessages, lang, 'col.actual'),
    t(reportMessages, lang, 'col.difference'),
    t(reportMessages, lang, 'col.suspect'),
    t(reportMessages, lang, 'col.proposed'),
    t(reportMessages, lang, 'col.reason'),
  ];
  ws.columns = [6, 9, 28, 20, 70, 14, 14, 12, 20, 12, 40].map((width) => ({ width }));
  const head = ws.getRow(1);
  header.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = 22;
  const tables = new Map(report.recognition.tables.map((tb) => [tb.id, tb]));
  sortFindings(report.findings).forEach((f, i) => {
    const row = ws.getRow(i + 2);
    const table = f.table !== undefined ? tables.get(f.table) : undefined;
    const where = `${f.location.sheet}!${f.location.cell}`;
    const message = f.waived ? `${f.message}${t(reportMessages, lang, 'waived', { reason: f.waived.reason })}` : f.message;
    row.getCell(1).value = i + 1;
    row.getCell(2).value = severityLabel(f.severity, lang);
    row.getCell(3).value = table ? `${kindName(table.kind, lang)}` : t(reportMessages, lang, 'other-table');
    row.getCell(4).value = { text: where, hyperlink: internalLink(f.location), tooltip: where };
    row.getCell(5).value = message;
    // amounts as text: exactly as the engine printed them (decimal strings), never binary floats
    if (f.expected !== undefined) row.getCell(6).value = f.expected;
    if (f.actual !== undefined) row.getCell(7).value = f.actual;
    if (f.difference !== undefined) row.getCell(8).value = f.difference;
    if (f.suspect) {
      const s = { sheet: f.suspect.sheet, cell: f.suspect.cell };
      row.getCell(9).value = { text: `${s.sheet}!${s.cell}`, hyperlink: internalLink(s), tooltip: `${s.sheet}!${s.cell}` };
      if (f.suspect.proposed !== undefined) row.getCell(10).value = f.suspect.proposed;
      row.getCell(11).value = f.suspect.reason;
    }
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      cell.alignment = { vertical: 'top', wrapText: c === 5 || c === 11, horizontal: c >= 6 && c <= 8 ? 'right' : c === 10 ? 'right' : undefined };
      cell.border = { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } };
    }
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[f.severity]) } };
    for (const c of [4, 9]) if (row.getCell(c).value) row.getCell(c).font = { color: { argb: 'FF0563C1' }, underline: true };
  });
  if (report.findings.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: report.findings.length + 1, column: header.length } };

  // write next to the target, then rename: a failed write never leaves half a file under the user's name
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, output);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw writeFailed(output, e, lang);
  }
  return { file: output, sheet: name, marked, skipped };
}
