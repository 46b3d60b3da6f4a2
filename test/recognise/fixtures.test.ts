/**
 * Recognition against the fixture workbooks: every table of every book, in every layout variant, with the kind,
 * range, unit, header/body rows, value and code columns the builder recorded (test/fixtures/books/manifest.json).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { columnLetters } from '../../src/model/address';
import type { Recognition } from '../../src/model/table';
import { recognise } from '../../src/recognise';

interface ManifestTable {
  kind: string;
  title: string;
  sheet: string;
  range: string;
  unit: string;
  empty: boolean;
  twoSided: boolean;
  headerRows: [number, number];
  bodyRows: [number, number] | null;
  valueColumnLetters: string[];
  codeColumnLetters: string[];
  formLabel: string | null;
}
interface ManifestBook {
  file: string;
  variant: string;
  narrativeSheet: string | null;
  narrative: boolean;
  tables: ManifestTable[];
}

const dir = path.join(__dirname, '..', 'fixtures', 'books');
const manifest: { books: ManifestBook[] } = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  let rec: Recognition;
  beforeAll(async () => {
    rec = recognise(await readXlsxFile(path.join(dir, book.file)));
  });

  it('finds exactly the tables of the document, nothing unplaced', () => {
    expect(rec.tables.map((t) => `${t.sheet}!${t.range} ${t.kind}`)).toEqual(book.tables.map((t) => `${t.sheet}!${t.range} ${t.kind}`));
    expect(rec.unplaced).toEqual([]);
  });

  it('reports the narrative sheet as prose and places nothing on it', () => {
    if (book.narrative && book.narrativeSheet) {
      expect(rec.narrativeSheets).toContain(book.narrativeSheet);
      expect(rec.tables.filter((t) => t.sheet === book.narrativeSheet)).toEqual([]);
    }
  });

  it.each(book.tables.map((t) => [`${t.sheet} ${t.kind} ${t.title}`, t] as const))('%s', (_name, exp) => {
    const got = rec.tables.find((t) => t.sheet === exp.sheet && t.range === exp.range);
    expect(got).toBeDefined();
    expect({
      kind: got!.kind,
      title: got!.title,
      unit: got!.unit,
      empty: got!.empty,
      twoSided: got!.parts.some((p) => p.side === 'income') && got!.parts.some((p) => p.side === 'expenditure'),
      headerRows: got!.headerRows,
      bodyRows: got!.bodyRows ?? null,
      valueColumns: got!.parts.flatMap((p) => p.columns.map((c) => columnLetters(c.col))),
      codeColumns: got!.parts.flatMap((p) => p.codeCols.map((c) => columnLetters(c))),
    }).toEqual({
      kind: exp.kind,
      title: exp.title,
      unit: exp.unit,
      empty: exp.empty,
      twoSided: exp.twoSided,
      headerRows: exp.headerRows,
      bodyRows: exp.bodyRows,
      valueColumns: exp.valueColumnLetters,
      codeColumns: exp.codeColumnLetters,
    });
    if (exp.formLabel) expect(got!.formLabel?.replace(/\s+/g, '')).toBe(exp.formLabel.replace(/\s+/g, ''));
  });
});

describe('layout variants agree', () => {
  const byDoc = new Map<string, ManifestBook[]>();
  for (const b of manifest.books) {
    const doc = b.file.replace(/-(sheets|split|stacked)\.xlsx$/, '');
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), b]);
  }
  it.each([...byDoc.entries()])('%s: same kinds, units and row counts in every variant', async (_doc, books) => {
    const shapes = await Promise.all(
      books.map(async (b) => {
        const rec = recognise(await readXlsxFile(path.join(dir, b.file)));
        return rec.tables.map((t) => ({
          kind: t.kind,
          unit: t.unit,
          empty: t.empty,
          rows: t.parts.map((p) => p.rows.map((r) => [r.code ?? null, r.key ?? null, r.hangci ?? null])),
          columns: t.parts.map((p) => p.columns.map((c) => [c.key ?? null, c.lanci ?? null])),
        }));
      }),
    );
    for (const s of shapes.slice(1)) expect(s).toEqual(shapes[0]);
  });
});
