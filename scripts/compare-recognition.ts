/** Developer aid: compare recognition with the fixture manifest and print every difference. */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../src/adapters/exceljs';
import { columnLetters } from '../src/model/address';
import { recognise } from '../src/recognise';

async function main(): Promise<void> {
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'books');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const only = process.argv[2];
  let bad = 0;
  let total = 0;
  for (const book of manifest.books) {
    if (only && !book.file.includes(only)) continue;
    const wb = await readXlsxFile(path.join(dir, book.file));
    const rec = recognise(wb);
    for (const exp of book.tables) {
      total++;
      const got = rec.tables.find((t) => t.sheet === exp.sheet && t.range.split(':')[0] === exp.range.split(':')[0]) ??
        rec.tables.find((t) => t.kind === exp.kind && t.title === exp.title);
      const diffs: string[] = [];
      if (!got) diffs.push('MISSING');
      else {
        const cmp = (k: string, a: unknown, b: unknown) => {
          if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${k}: got ${JSON.stringify(a)} want ${JSON.stringify(b)}`);
        };
        cmp('kind', got.kind, exp.kind);
        cmp('range', got.range, exp.range);
        cmp('unit', got.unit, exp.unit);
        cmp('empty', got.empty, exp.empty);
        cmp('headerRows', got.headerRows, exp.headerRows);
        cmp('bodyRows', got.bodyRows ?? null, exp.bodyRows);
        cmp('title', got.title, exp.title);
        const vcols = got.parts.flatMap((p) => p.columns.map((c) => columnLetters(c.col)));
        cmp('valueCols', vcols, exp.valueColumnLetters);
        const ccols = got.parts.flatMap((p) => p.codeCols.map((c) => columnLetters(c)));
        cmp('codeCols', ccols, exp.codeColumnLetters);
        cmp('twoSided', got.parts.some((p) => p.side === 'income'), exp.twoSided);
      }
      if (diffs.length) {
        bad++;
        console.log(`${book.file} ${exp.sheet} ${exp.sourceId} ${exp.kind}\n   ${diffs.join('\n   ')}`);
      }
    }
    const extra = rec.tables.filter((t) => !book.tables.some((e: { sheet: string; range: string }) => e.sheet === t.sheet && e.range.split(':')[0] === t.range.split(':')[0]));
    for (const t of extra) console.log(`${book.file} EXTRA ${t.sheet} ${t.range} ${t.kind} ${t.title}`);
    for (const u of rec.unplaced) console.log(`${book.file} UNPLACED ${u.sheet} ${u.range} ${u.reason} ${u.text}`);
  }
  console.log(`${total - bad}/${total} tables match`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
