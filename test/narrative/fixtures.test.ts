/**
 * The narrative checker on the fixture workbooks' 情况说明: it reports exactly the real narrative inconsistencies of the
 * published documents (each pinned with the reason it is real) and nothing else; and drafting is its inverse — the
 * deterministic draft of every section of every fixture checks with no error and no warning.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { buildFacts } from '../../src/facts';
import { checkNarrative } from '../../src/narrative/check';
import { documentMeta, draftSections } from '../../src/narrative/draft';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';

interface Pin {
  doc: string;
  rule: string;
  severity: string;
  cell: string;
  text: string;
  why: string;
}

const dir = path.join(__dirname, '..', 'fixtures', 'books');
const manifest: { books: Array<{ file: string; doc: string; variant: string }> } = JSON.parse(
  fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
);
const pins: Pin[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real-narrative-inconsistencies.json'), 'utf8'));
const key = (x: { rule: string; severity: string; cell: string; text: string }) => `${x.rule}|${x.severity}|${x.cell}|${x.text}`;

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  it('reports exactly the real narrative inconsistencies', async () => {
    const res = checkWorkbook(await readXlsxFile(path.join(dir, book.file)), { narrative: true });
    const got = res.findings
      .filter((f) => f.rule.startsWith('narrative.') && f.severity !== 'info')
      .map((f) => key({ rule: f.rule, severity: f.severity, cell: f.location.cell, text: f.text ?? '' }))
      .sort();
    expect(got).toEqual(pins.filter((p) => p.doc === book.doc).map(key).sort());
    expect(res.narrative!.claims).toBeGreaterThan(30);
  });

  it('checks its own draft with no error or warning (draft → check round trip)', async () => {
    const wb = await readXlsxFile(path.join(dir, book.file));
    const rec = recognise(wb);
    const facts = buildFacts(wb, rec);
    const sections = draftSections(facts, rec, { ...documentMeta(wb, rec) });
    const paragraphs = sections
      .flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)])
      .map((text, i) => ({ text, location: { sheet: '草稿', cell: `A${i + 1}` } }));
    const res = checkNarrative(paragraphs, facts, {});
    expect(res.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    // the figures were really checked, not skipped
    expect(res.passed).toBeGreaterThan(25);
  });
});

it('every pin says why it is real', () => {
  for (const p of pins) expect(p.why.length).toBeGreaterThan(20);
});
