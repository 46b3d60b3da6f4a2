/**
 * The checker on every fixture workbook: it reports exactly the real inconsistencies of the published documents
 * (test/fixtures/real-inconsistencies.json, each with the reason it is real) as errors and warnings — no false alarm —
 * and every layout variant of a document gives the same findings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { checkWorkbook, type CheckResult } from '../../src/rules';
import { semanticKey } from '../../src/rules/semantic';

interface Pin {
  doc: string;
  rule: string;
  severity: 'error' | 'warning';
  at: string;
  suspect?: string;
  proposed?: string;
  why: string;
}

const dir = path.join(__dirname, '..', 'fixtures', 'books');
const manifest: { books: Array<{ file: string; doc: string; variant: string }> } = JSON.parse(
  fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
);
const pins: Pin[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real-inconsistencies.json'), 'utf8'));

function pinned(res: CheckResult): Array<Omit<Pin, 'why' | 'doc'>> {
  const tables = res.recognition.tables;
  return res.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => {
      const p: Omit<Pin, 'why' | 'doc'> = { rule: f.rule, severity: f.severity as Pin['severity'], at: semanticKey(tables, f.location) };
      if (f.severity === 'error' && f.suspect) {
        p.suspect = semanticKey(tables, { sheet: f.suspect.sheet, cell: f.suspect.cell });
        if (f.suspect.proposed !== undefined) p.proposed = f.suspect.proposed;
      }
      return p;
    });
}

const order = (xs: Array<Omit<Pin, 'why' | 'doc'>>) =>
  [...xs].sort((a, b) => `${a.rule}|${a.at}`.localeCompare(`${b.rule}|${b.at}`));

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  it('reports exactly the real inconsistencies of the published document', async () => {
    const res = checkWorkbook(await readXlsxFile(path.join(dir, book.file)));
    const expected = pins.filter((p) => p.doc === book.doc).map(({ why: _why, doc: _doc, ...rest }) => rest);
    expect(order(pinned(res))).toEqual(order(expected));
    // no published formula went unchecked (not even as an information note) and no unit label is contradicted
    expect(res.findings.filter((f) => f.rule === 'generic.declared-formula-readable' || f.rule === 'generic.unit-label')).toEqual([]);
  });
});

it('every pin says why it is real', () => {
  for (const p of pins) expect(p.why.length).toBeGreaterThan(20);
});
