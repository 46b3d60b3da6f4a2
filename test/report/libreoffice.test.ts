/**
 * The annotated copy read back through LibreOffice Calc: `soffice --headless --convert-to xlsx` opens the copy and
 * saves it again (as a reviewer's office suite would); read back with exceljs, the 审核结果 sheet lists every finding
 * and every value of every original sheet survived. Proves the copy is a workbook another implementation accepts, not
 * only one exceljs can read back.
 *
 * Needs LibreOffice (Debian: libreoffice-calc-nogui). Skipped with a message when `soffice` is absent, unless CI is set
 * (then it fails: CI must install it).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkFile, type CheckReport } from '../../src/cli/check';
import { annotateWorkbook } from '../../src/report/annotate';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'books', 'sh-sifaju-2026-sheets.xlsx');

/** soffice (or libreoffice) on PATH, else undefined */
function findSoffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const soffice = findSoffice();
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
if (!soffice && !inCi) {
  console.warn(
    'test/report/libreoffice.test.ts skipped: LibreOffice (soffice) is not installed. ' +
      'Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
  );
}
const describeLo = soffice || inCi ? describe : describe.skip;

/** A cell's value as comparable text: numbers as numbers, rich text / hyperlinks / formulas by their shown text. */
function shown(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return shown(v.richText.map((r) => r.text).join(''));
  if ('hyperlink' in v) return shown(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return shown((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return JSON.stringify(v);
}

const noteOf = (c: ExcelJS.Cell): string => {
  const n = c.note as unknown;
  if (n === undefined || n === null) return '';
  if (typeof n === 'string') return n;
  return ((n as ExcelJS.Comment).texts ?? []).map((x) => x.text).join('');
};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describeLo('the annotated copy survives a LibreOffice round trip', () => {
  let dir: string;
  let report: CheckReport;
  let copy: string;
  let converted: string;

  beforeAll(async () => {
    if (!soffice) throw new Error('CI is set but LibreOffice (soffice) is not installed: install libreoffice-calc-nogui');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-lo-'));
    report = await checkFile(FIXTURE);
    copy = path.join(dir, 'annotated.xlsx');
    await annotateWorkbook(FIXTURE, copy, report, { lang: 'zh-CN' });
    const home = path.join(dir, 'home');
    const out = path.join(dir, 'out');
    fs.mkdirSync(home);
    fs.mkdirSync(out);
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(home, 'lo-profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        copy,
      ],
      { env: { ...process.env, HOME: home }, timeout: 120_000, encoding: 'utf8' },
    );
    converted = path.join(out, 'annotated.xlsx');
    if (!fs.existsSync(converted)) {
      throw new Error(
        `soffice did not convert the copy (status ${run.status}, signal ${run.signal}, error ${run.error?.message ?? '-'}):\n` +
          `${run.stdout}\n${run.stderr}`,
      );
    }
  }, 150_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the 审核结果 sheet is there, last, with its header and one row per finding', async () => {
    const wb = await load(converted);
    const annotated = await load(copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(annotated.worksheets.map((w) => w.name));
    expect(wb.worksheets[wb.worksheets.length - 1].name).toBe('审核结果');
    const ws = wb.getWorksheet('审核结果')!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(shown);
    expect(header).toEqual(['序号', '严重程度', '表', '单元格', '说明', '应为', '实为', '差额', '疑似错误单元格', '建议值', '疑似原因']);
    expect(report.findings.length).toBeGreaterThan(5);
    expect(ws.actualRowCount).toBe(report.findings.length + 1);
    const before = annotated.getWorksheet('审核结果')!;
    for (let r = 1; r <= report.findings.length + 1; r++) {
      for (let c = 1; c <= 11; c++) {
        const at = `审核结果!R${r}C${c}`;
        expect({ at, v: shown(ws.getCell(r, c).value) }).toEqual({ at, v: shown(before.getCell(r, c).value) });
      }
    }
  });

  test('every value of every original sheet survives', async () => {
    const [orig, wb] = await Promise.all([load(FIXTURE), load(converted)]);
    let cells = 0;
    for (const ws of orig.worksheets) {
      const other = wb.getWorksheet(ws.name);
      expect(other).toBeDefined();
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = shown(cell.value);
          if (v === null) return;
          cells++;
          const at = `${ws.name}!${cell.address}`;
          expect({ at, v: shown(other!.getCell(r, c).value) }).toEqual({ at, v });
        }),
      );
    }
    expect(cells).toBeGreaterThan(500);
  });

  test('the marked cells keep their notes', async () => {
    const [annotated, wb] = await Promise.all([load(copy), load(converted)]);
    let notes = 0;
    for (const ws of annotated.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const note = noteOf(cell);
          if (!note.startsWith('勾稽助手：')) return;
          notes++;
          expect(noteOf(wb.getWorksheet(ws.name)!.getCell(cell.address)).replace(/\s+/g, '')).toContain(note.replace(/\s+/g, ''));
        }),
      );
    }
    expect(notes).toBeGreaterThan(0);
  });
});
