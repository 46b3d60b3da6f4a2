/**
 * The narrative tab's logic, free of React: the narrative of a checked workbook (findings, drafts), pasted text as
 * paragraphs, the target of an Insert (parse "sheet!A1", the first empty cell below the narrative), excerpts around a
 * claim. Imports only browser-safe engine modules (never src/narrative/sources/index.ts, which pulls in Node's fs).
 */
import { buildFacts, type FactBase } from '../../src/facts';
import type { Lang } from '../../src/i18n';
import { a1, parseA1, type CellRef } from '../../src/model/address';
import type { Recognition } from '../../src/model/table';
import { getCell, mergeAt, type Workbook } from '../../src/model/workbook';
import { checkNarrative, type NarrativeFinding } from '../../src/narrative/check';
import { documentMeta, draftSections, type DraftSection } from '../../src/narrative/draft';
import type { Paragraph } from '../../src/narrative/sources/types';
import { isNarrativeSheetName, paragraphsFromWorkbook } from '../../src/narrative/sources/workbook';
import type { Severity } from '../../src/rules/types';

export interface NarrativeView {
  facts: FactBase;
  paragraphs: Paragraph[];
  reportYear?: number;
  findings: NarrativeFinding[];
  claims: number;
  passed: number;
  sections: DraftSection[];
}

/** The report year as checkWorkbook takes it: the first recognised table that prints one. */
export function reportYearOf(recognition: Recognition): number | undefined {
  return recognition.tables.find((t) => t.year)?.year;
}

/** The narrative of a checked workbook, exactly as `checkWorkbook(..., { narrative: true })` checks it, plus drafts. */
export function narrativeView(workbook: Workbook, recognition: Recognition, lang: Lang): NarrativeView {
  const facts = buildFacts(workbook, recognition);
  const paragraphs = paragraphsFromWorkbook(workbook, recognition);
  const reportYear = reportYearOf(recognition);
  const result = checkNarrative(paragraphs, facts, { lang, reportYear });
  const sections = draftSections(facts, recognition, { ...documentMeta(workbook, recognition) });
  return { facts, paragraphs, reportYear, findings: result.findings, claims: result.claims, passed: result.passed, sections };
}

/** Pasted text as paragraphs: one a non-empty line, located as `source ¶n` (n counts the non-empty lines). */
export function pastedParagraphs(text: string, source: string): Paragraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l, i) => ({ text: l, location: { file: source, paragraph: i + 1 } }));
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; within a severity the reading order of the narrative. */
export function orderFindings<F extends { severity: Severity }>(findings: F[]): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export interface Excerpt {
  before: string;
  claim: string;
  after: string;
  /** text was cut before / after */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The paragraph around a claim: up to `context` characters either side of the span. */
export function excerpt(paragraph: string, span: { start: number; end: number }, context = 60): Excerpt {
  const start = Math.max(0, Math.min(span.start, paragraph.length));
  const end = Math.max(start, Math.min(span.end, paragraph.length));
  const from = Math.max(0, start - context);
  const to = Math.min(paragraph.length, end + context);
  return {
    before: paragraph.slice(from, start),
    claim: paragraph.slice(start, end),
    after: paragraph.slice(end, to),
    cutBefore: from > 0,
    cutAfter: to < paragraph.length,
  };
}

/** Pieces of a draft paragraph: plain text and placeholders (【待补充：…】), in order. */
export function draftPieces(text: string, placeholders: Array<{ span: [number, number]; label: string }>): Array<{ text: string; placeholder?: string }> {
  const out: Array<{ text: string; placeholder?: string }> = [];
  let at = 0;
  for (const p of [...placeholders].sort((a, b) => a.span[0] - b.span[0])) {
    const [s, e] = p.span;
    if (s < at || e > text.length) continue;
    if (s > at) out.push({ text: text.slice(at, s) });
    out.push({ text: text.slice(s, e), placeholder: p.label });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Sheet!A1 as the user writes it: `情况说明!A78`, `'Sheet 1'!b3`, `$A$78`. */
export type TargetParse = { ok: true; ref: CellRef; row: number; col: number } | { ok: false; reason: 'format' | 'sheet' };

export function parseTarget(input: string, workbook: Workbook, defaultSheet?: string): TargetParse {
  const text = input.trim();
  const bang = text.lastIndexOf('!');
  let sheet = bang >= 0 ? text.slice(0, bang).trim() : (defaultSheet ?? '');
  const cell = (bang >= 0 ? text.slice(bang + 1) : text).trim().replace(/\$/g, '').toUpperCase();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell)) return { ok: false, reason: 'format' };
  const { row, col } = parseA1(cell);
  if (col > 16384 || row > 1048576) return { ok: false, reason: 'format' };
  if (!workbook.sheets.some((s) => s.name === sheet)) return { ok: false, reason: 'sheet' };
  return { ok: true, ref: { sheet, cell: a1(row, col) }, row, col };
}

/** The cells `n` paragraphs go into: down the column from the target. */
export function targetCells(target: { ref: CellRef; row: number; col: number }, n: number): CellRef[] {
  return Array.from({ length: n }, (_, i) => ({ sheet: target.ref.sheet, cell: a1(target.row + i, target.col) }));
}

/** The target cells that already hold something (a value or text, or lie inside a merged area). */
export function occupiedCells(workbook: Workbook, cells: CellRef[]): CellRef[] {
  return cells.filter((ref) => {
    const sheet = workbook.sheets.find((s) => s.name === ref.sheet);
    if (!sheet) return false;
    const { row, col } = parseA1(ref.cell);
    if (mergeAt(sheet, row, col)) return true;
    const c = getCell(sheet, row, col);
    return !!c && (c.text.trim() !== '' || (c.value !== null && String(c.value).trim() !== ''));
  });
}

/** The narrative sheet drafts go to: the first one recognition found, else the first sheet named like one. */
export function narrativeSheet(workbook: Workbook, recognition: Recognition): string | undefined {
  return recognition.narrativeSheets[0] ?? workbook.sheets.find((s) => !s.hidden && isNarrativeSheetName(s.name))?.name;
}

/** The first empty cell below the narrative sheet's last paragraph (same column), or undefined without such a sheet. */
export function defaultTarget(workbook: Workbook, recognition: Recognition, paragraphs: Paragraph[]): CellRef | undefined {
  const name = narrativeSheet(workbook, recognition);
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!name || !sheet) return undefined;
  let row = 0;
  let col = 1;
  for (const p of paragraphs) {
    if (!('sheet' in p.location) || p.location.sheet !== name) continue;
    const at = parseA1(p.location.cell);
    const bottom = mergeAt(sheet, at.row, at.col)?.bottom ?? at.row;
    if (bottom > row || (bottom === row && at.col < col)) {
      row = bottom;
      col = at.col;
    }
  }
  for (let r = row + 1; ; r++) {
    const ref = { sheet: name, cell: a1(r, col) };
    if (occupiedCells(workbook, [ref]).length === 0) return ref;
  }
}
