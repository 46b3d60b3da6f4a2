/** Developer aid: print a sheet's cells as a grid (row: col=text | …). Usage: dump-sheet <book> <sheet> [from] [to] */
import { readXlsxFile } from '../src/adapters/exceljs';
import { columnLetters } from '../src/model/address';

async function main(): Promise<void> {
  const [file, sheetName, from = '1', to = '100000'] = process.argv.slice(2);
  const wb = await readXlsxFile(file);
  const sheet = wb.sheets.find((s) => s.name === sheetName) ?? wb.sheets[0];
  console.log(`merges: ${sheet.merges.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`).join(' ')}`);
  for (let r = Number(from); r <= Math.min(Number(to), sheet.rows.length); r++) {
    const row = sheet.rows[r - 1] ?? [];
    const cells = row.map((c, i) => (c ? `${columnLetters(i + 1)}=${JSON.stringify(c.text)}${typeof c.value === 'number' ? '#' : ''}` : '')).filter(Boolean);
    console.log(`${r}: ${cells.join(' | ')}`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
