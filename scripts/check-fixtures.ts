/** Developer aid: run the checker over every fixture book and print errors and warnings (and optionally infos). */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../src/adapters/exceljs';
import { checkWorkbook } from '../src/rules';

async function main(): Promise<void> {
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'books');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const only = process.argv[2];
  const verbose = process.argv.includes('--verbose');
  for (const book of manifest.books) {
    if (only && only !== 'all' && !book.file.includes(only)) continue;
    const res = checkWorkbook(await readXlsxFile(path.join(dir, book.file)));
    console.log(`== ${book.file} ${JSON.stringify(res.summary)}`);
    for (const f of res.findings) {
      if (f.severity === 'info' && !verbose) continue;
      const s = f.suspect ? `  → ${f.suspect.cell} ${f.suspect.proposed ?? ''} ${f.suspect.signature}` : '';
      console.log(`  ${f.severity} ${f.rule} ${f.location.sheet}!${f.location.cell} ${f.message}${s}`);
    }
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
