/**
 * The annotated copy (`crossfoot check <book> --annotate <copy.xlsx>`): read back with exceljs, the copy has the
 * marks' fills and notes, a findings sheet with hyperlinks, and every original cell value unchanged; the input's bytes
 * are unchanged; the copy can never be the input.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkFile, type CheckReport } from '../../src/cli/check';
import { CrossfootError } from '../../src/errors';
import { marksForFindings, MARK_STYLES } from '../../src/marks';
import { annotateWorkbook, argb, internalLink, sameFile } from '../../src/report/annotate';
import { writeIncomeBook } from '../cli/check-helpers';
import { runCli } from '../cli/helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'books', 'sh-sifaju-2026-sheets.xlsx');
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let dir: string;
let report: CheckReport;
let copy: string;
let before: string;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteOf = (c: ExcelJS.Cell): string => {
  const n = c.note as unknown;
  if (n === undefined || n === null) return '';
  if (typeof n === 'string') return n;
  return ((n as ExcelJS.Comment).texts ?? []).map((x) => x.text).join('');
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-annotate-'));
  before = sha256(FIXTURE);
  report = await checkFile(FIXTURE);
  copy = path.join(dir, '标注 副本.xlsx');
  await annotateWorkbook(FIXTURE, copy, report, { lang: 'zh-CN' });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('annotated copy of a fixture workbook with errors and suspects', () => {
  test('the input is untouched (sha256) and the copy keeps every cell value of every sheet', async () => {
    expect(sha256(FIXTURE)).toBe(before);
    const [orig, annotated] = await Promise.all([load(FIXTURE), load(copy)]);
    expect(annotated.worksheets.map((w) => w.name)).toEqual([...orig.worksheets.map((w) => w.name), '审核结果']);
    let cells = 0;
    for (const ws of orig.worksheets) {
      const other = annotated.getWorksheet(ws.name)!;
      expect(other.rowCount).toBe(ws.rowCount);
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          cells++;
          expect({ at: `${ws.name}!${cell.address}`, v: other.getCell(r, c).value }).toEqual({ at: `${ws.name}!${cell.address}`, v: cell.value });
        });
      });
      // and no cell of the copy holds a value the original does not
      other.eachRow((row, r) => row.eachCell((cell, c) => expect(ws.getCell(r, c).value).toEqual(cell.value)));
    }
    expect(cells).toBeGreaterThan(500);
  });

  test('every marked cell has its kind\'s fill and a note with the messages; unmarked cells keep their own fill', async () => {
    const marks = marksForFindings(report.findings);
    expect(marks.some((m) => m.kind === 'suspect')).toBe(true);
    expect(marks.some((m) => m.kind === 'error')).toBe(true);
    const [orig, annotated] = await Promise.all([load(FIXTURE), load(copy)]);
    const markedKeys = new Set(marks.map((m) => `${m.ref.sheet}!${m.ref.cell}`));
    for (const m of marks) {
      const cell = annotated.getWorksheet(m.ref.sheet)!.getCell(m.ref.cell);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MARK_STYLES[m.kind].fill) } });
      if (m.kind === 'suspect') expect(cell.font?.bold).toBe(true);
      const note = noteOf(cell);
      expect(note.startsWith('勾稽助手：')).toBe(true);
      for (const line of m.note!.split('\n')) expect(note).toContain(line);
    }
    // the marks' colours appear nowhere else in the original sheets
    const ours = new Set(Object.values(MARK_STYLES).map((s) => argb(s.fill)));
    for (const ws of annotated.worksheets.filter((w) => w.name !== '审核结果')) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (markedKeys.has(`${ws.name}!${cell.address}`)) return;
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const origFill = orig.getWorksheet(ws.name)!.getCell(cell.address).fill;
          expect(fill).toEqual(origFill);
          if (fill?.fgColor?.argb) expect(ours.has(fill.fgColor.argb) && !origFill).toBe(false);
        }),
      );
    }
  });

  test('the 审核结果 sheet lists every finding with hyperlinks to its cell and suspect', async () => {
    const ws = (await load(copy)).getWorksheet('审核结果')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '严重程度',
      '表',
      '单元格',
      '说明',
      '应为',
      '实为',
      '差额',
      '疑似错误单元格',
      '建议值',
      '疑似原因',
    ]);
    expect(ws.rowCount).toBe(report.findings.length + 1);
    const rows: Array<{ link: string; message: string; sev: string; expected: unknown; suspect: unknown }> = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      expect(row.getCell(1).value).toBe(r - 1);
      const link = row.getCell(4).value as ExcelJS.CellHyperlinkValue;
      rows.push({
        link: link.hyperlink,
        message: row.getCell(5).value as string,
        sev: row.getCell(2).value as string,
        expected: row.getCell(6).value ?? undefined,
        suspect: row.getCell(9).value ?? undefined,
      });
    }
    // errors first
    const sevs = rows.map((r) => r.sev);
    expect(sevs.lastIndexOf('错误')).toBeLessThan(sevs.indexOf('警告'));
    for (const f of report.findings) {
      const row = rows.find((r) => r.link === internalLink(f.location) && r.message === f.message);
      expect(row).toBeDefined();
      expect(row!.expected).toBe(f.expected);
      if (f.suspect) {
        expect((row!.suspect as ExcelJS.CellHyperlinkValue).hyperlink).toBe(internalLink(f.suspect));
      }
    }
    expect(internalLink({ sheet: "O'Neil 表", cell: 'c7' })).toBe("#'O''Neil 表'!C7");
  });
});

describe('refusals and the command line', () => {
  test('the copy can never be the input: same path, a relative path, a symbolic link', async () => {
    const book = path.join(dir, 'book.xlsx');
    await writeIncomeBook(book, { override: { D12: '860.52' } });
    const hash = sha256(book);
    const r = await checkFile(book, { narrative: false });
    await expect(annotateWorkbook(book, book, r)).rejects.toThrow(CrossfootError);
    await expect(annotateWorkbook(book, path.relative(process.cwd(), book), r)).rejects.toThrow(/book\.xlsx/);
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(book, link);
    expect(sameFile(link, book)).toBe(true);
    await expect(annotateWorkbook(book, link, r)).rejects.toThrow(CrossfootError);
    expect(sha256(book)).toBe(hash);
    const cli = await runCli(['check', book, '--annotate', link]);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.errLines).toEqual([`参数有误：--annotate 的输出文件不能是被检查的工作簿本身（${link}）。`]);
    expect(sha256(book)).toBe(hash);
  });

  test('crossfoot check --annotate: writes the copy, says so on stderr, keeps a note the user had, exit code by policy', async () => {
    const book = path.join(dir, 'noted.xlsx');
    await writeIncomeBook(book, { override: { D12: '860.52' } });
    const wb = await load(book);
    wb.getWorksheet('收入决算表')!.getCell('D12').note = '用户自己的批注';
    await wb.xlsx.writeFile(book);
    const hash = sha256(book);
    const out = path.join(dir, 'noted-annotated.xlsx');
    const r = await runCli(['check', book, '--tables-only', '--annotate', out, '--lang', 'en-US', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.errLines).toEqual([`Annotated copy saved: ${out}`]);
    expect(JSON.parse(r.stdout).summary.errors).toBeGreaterThan(0);
    expect(sha256(book)).toBe(hash);
    const copyWb = await load(out);
    const d12 = copyWb.getWorksheet('收入决算表')!.getCell('D12');
    expect(d12.value).toBe(860.52);
    expect(d12.fill).toMatchObject({ fgColor: { argb: argb(MARK_STYLES.suspect.fill) } });
    const note = noteOf(d12);
    expect(note.startsWith('用户自己的批注\n\ncrossfoot: ')).toBe(true);
    expect(copyWb.getWorksheet('Audit results')!.getRow(1).getCell(4).value).toBe('Cell');
  });

  test('an output folder that does not exist: exit 2 with one line, nothing half-written', async () => {
    const book = path.join(dir, 'book2.xlsx');
    await writeIncomeBook(book);
    const out = path.join(dir, 'no', 'such', 'dir', 'x.xlsx');
    const r = await runCli(['check', book, '--tables-only', '--annotate', out]);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(out);
    expect(fs.existsSync(out)).toBe(false);
  });
});
