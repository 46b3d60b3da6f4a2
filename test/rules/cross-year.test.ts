/** Cross-year ties (XJ-20): opening balances against last year's closing balances, only with --prior. */
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { buildFacts } from '../../src/facts';
import { parseA1 } from '../../src/model/address';
import type { Workbook } from '../../src/model/workbook';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';

const book = path.join(__dirname, '..', 'fixtures', 'books', 'sh-caizhengju-2024-sheets.xlsx');

function setCell(wb: Workbook, sheet: string, a1: string, text: string): void {
  const { row, col } = parseA1(a1);
  const cell = wb.sheets.find((s) => s.name === sheet)!.rows[row - 1]![col - 1]!;
  cell.value = Number(text.replace(/,/g, ''));
  cell.text = text;
}

async function priorWith(edits: Record<string, string>) {
  const wb = await readXlsxFile(book);
  for (const [ref, text] of Object.entries(edits)) {
    const [sheet, a1] = ref.split('!');
    setCell(wb, sheet, a1, text);
  }
  return buildFacts(wb, recognise(wb));
}

describe('XJ-20 cross-year ties', () => {
  // this year (2024): T1 年初结转和结余 49.14 (T1!B33); T4 年初财政拨款结转和结余 21.63 (T4!B32, 一般公共预算 T4!B33)
  it('pass when last year closed with this year’s opening balances', async () => {
    const prior = await priorWith({ 'T1!D33': '49.14', 'T4!D32': '21.63', 'T4!E32': '21.63' });
    const r = checkWorkbook(await readXlsxFile(book), { prior });
    expect(r.findings.filter((f) => f.rule === 'XJ-20')).toEqual([]);
  });

  it('fail, at this year’s opening cell, when they differ', async () => {
    const prior = await priorWith({ 'T1!D33': '50.00', 'T4!D32': '21.63', 'T4!E32': '21.63' });
    const r = checkWorkbook(await readXlsxFile(book), { prior, lang: 'en-US' });
    const x = r.findings.filter((f) => f.rule === 'XJ-20');
    expect(x.map((f) => [f.severity, `${f.location.sheet}!${f.location.cell}`, f.expected, f.actual])).toEqual([['error', 'T1!B33', '50', '49.14']]);
    expect(x[0].message).toContain("last year's closing balance was 50.00");
  });

  it('are not evaluated without last year’s workbook', async () => {
    const r = checkWorkbook(await readXlsxFile(book));
    expect(r.findings.filter((f) => f.rule === 'XJ-20')).toEqual([]);
  });
});
