/**
 * Fixture books for the language-model layer's tests: a book read, recognised and turned into facts (cached per file),
 * its deterministic draft, and a prior-year workbook made by editing printed figures of the same book (no two fixture
 * books are of the same department).
 */
import * as path from 'node:path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { buildFacts, type FactBase } from '../../src/facts';
import { parseA1 } from '../../src/model/address';
import type { Recognition } from '../../src/model/table';
import type { Workbook } from '../../src/model/workbook';
import { documentMeta, draftSections, type DraftFigure, type DraftOptions, type DraftSection } from '../../src/narrative/draft';
import { recognise } from '../../src/recognise';

export const BOOKS = path.join(__dirname, '..', 'fixtures', 'books');

export interface LoadedBook {
  file: string;
  workbook: Workbook;
  recognition: Recognition;
  facts: FactBase;
  year?: number;
  department?: string;
}

const cache = new Map<string, Promise<LoadedBook>>();

/** `doc` as in the manifest (“seed-002”), sheets layout unless another file name is given. */
export function loadBook(doc: string, variant = 'sheets'): Promise<LoadedBook> {
  const file = path.join(BOOKS, `${doc}-${variant}.xlsx`);
  let p = cache.get(file);
  if (!p) {
    p = readXlsxFile(file).then((workbook) => {
      const recognition = recognise(workbook);
      const facts = buildFacts(workbook, recognition);
      return { file, workbook, recognition, facts, ...documentMeta(workbook, recognition) };
    });
    cache.set(file, p);
  }
  return p;
}

/** A prior-year FactBase: the book with the printed figures of `edits` (fact key → printed value, every printing) replaced. */
export async function priorOf(doc: string, edits: Record<string, string>): Promise<FactBase> {
  const { facts, file } = await loadBook(doc);
  const workbook = await readXlsxFile(file);
  for (const [key, printed] of Object.entries(edits)) {
    const printings = facts.all(key);
    if (printings.length === 0) throw new Error(`no fact ${key} to edit`);
    for (const f of printings) {
      const sheet = workbook.sheets.find((s) => s.name === f.cell.sheet)!;
      const { row, col } = parseA1(f.cell.cell);
      const cells = (sheet.rows[row - 1] ??= []);
      cells[col - 1] = { row, col, value: Number(printed.replace(/,/g, '')), text: printed };
    }
  }
  return buildFacts(workbook, recognise(workbook));
}

export interface BookDraft {
  sections: DraftSection[];
  /** section titles and paragraphs joined with "\n" */
  text: string;
  figures: DraftFigure[];
}

/** The deterministic draft of a book (all sections unless `options.sections`). */
export async function draftOf(doc: string, options: DraftOptions = {}): Promise<BookDraft> {
  const b = await loadBook(doc);
  const sections = draftSections(b.facts, b.recognition, { year: b.year, department: b.department, ...options });
  return {
    sections,
    text: sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)]).join('\n'),
    figures: sections.flatMap((s) => s.paragraphs.flatMap((p) => p.figures)),
  };
}
