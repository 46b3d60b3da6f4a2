/** Shared helpers of the CLI tests: captured output, hand-built recognitions, fake collaborators. */
import { memoryWorkbook } from '../../src/adapters/memory';
import type { CliDeps, CliIO } from '../../src/cli/program';
import { run } from '../../src/cli/program';
import type {
  PartSide,
  RecognisedTable,
  Recognition,
  TableKind,
  TablePart,
  TableRow,
} from '../../src/model/table';
import type { Workbook } from '../../src/model/workbook';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into non-empty lines */
  errLines: string[];
}

export async function runCli(argv: string[], overrides: Partial<CliDeps> = {}, colors = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    colors,
  };
  const code = await run(argv, io, { env: {}, version: '9.8.7', ...overrides });
  return { code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l !== '') };
}

export const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”]/;
/** the start of an ANSI escape sequence (toMatch with a string tests for the substring) */
export const ANSI = '\u001b[';
const ANSI_SGR = new RegExp(`${ANSI.replace('[', '\\[')}\\d+m`, 'g');
export const stripAnsi = (s: string): string => s.replace(ANSI_SGR, '');

export function part(side: PartSide, firstRow: number, rows: number, cols: number, firstCol = 2): TablePart {
  const columns = Array.from({ length: cols }, (_, j) => ({
    col: firstCol + j,
    header: [`栏${j + 1}`],
    label: `栏${j + 1}`,
    lanci: j + 1,
  }));
  const body: TableRow[] = Array.from({ length: rows }, (_, i) => ({
    row: firstRow + i,
    label: i === 0 ? '合计' : `科目${i}`,
    cells: columns.map((c) => ({ row: firstRow + i, col: c.col, text: '1.00' })),
  }));
  return { side, labelCol: firstCol - 1, codeCols: [], columns, rows: body };
}

export function table(
  kind: TableKind,
  over: Partial<RecognisedTable> & { parts: TablePart[] },
): RecognisedTable {
  return {
    id: kind,
    kind,
    regime: kind.startsWith('juesuan') ? 'juesuan' : 'yusuan',
    title: '表',
    sheet: 'Sheet1',
    area: { top: 1, left: 1, bottom: 20, right: 8 },
    range: 'A1:H20',
    titleCell: { row: 1, col: 1 },
    unit: '万元',
    headerRows: [3, 5],
    bodyRows: [6, 20],
    notes: [],
    empty: false,
    ...over,
  };
}

/** A recognition with one table of each interesting shape, a narrative sheet and one unplaced block per reason. */
export function sampleRecognition(): Recognition {
  return {
    tables: [
      table('juesuan.income', {
        title: '2023年度收入决算表',
        sheet: '收入决算表',
        range: 'A1:I13',
        formLabel: '公开02表',
        year: 2023,
        department: '某某区卫生健康局',
        headerRows: [3, 5],
        bodyRows: [6, 12],
        parts: [part('main', 6, 7, 7, 3)],
      }),
      table('juesuan.income-expenditure-summary', {
        id: 'juesuan.income-expenditure-summary',
        title: '2023年度收入支出决算总表',
        sheet: 'Sheet 1',
        range: 'A1:D40',
        parts: [part('income', 6, 10, 1, 2), part('expenditure', 6, 27, 1, 4)],
      }),
      table('juesuan.gov-fund', {
        id: 'juesuan.gov-fund',
        title: '2023年度政府性基金预算财政拨款收入支出决算表',
        sheet: '表7',
        range: 'A1:H9',
        unit: null,
        bodyRows: undefined,
        headerRows: [3, 5],
        empty: true,
        emptyStatement: '说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
        parts: [{ ...part('main', 6, 0, 6), rows: [] }],
      }),
    ],
    unplaced: [
      { sheet: '其他', range: 'A1:C4', reason: 'unknown-title', text: '2023年度部门整体\n支出绩效自评表' },
      { sheet: '其他', range: 'A10', reason: 'no-body', text: '2023年度国有资产占用情况表' },
      { sheet: 'Sheet3', range: 'B2:B3', reason: 'not-a-table', text: 'x'.repeat(100) },
    ],
    narrativeSheets: ['情况说明', '名词解释'],
  };
}

export function fakeWorkbook(name = 'book.xlsx'): Workbook {
  return memoryWorkbook(
    [
      { name: '收入决算表', rows: [['2023年度收入决算表']] },
      { name: 'Sheet 1', rows: [['x']] },
      { name: '表7', rows: [['y']] },
      { name: '其他', rows: [['z']] },
      { name: 'Sheet3', rows: [['w']] },
      { name: '情况说明', rows: [['一、部门收支总体情况']] },
      { name: '名词解释', rows: [['财政拨款收入']] },
    ],
    name,
  );
}

/** Fakes for run(): a reader that returns `fakeWorkbook()` and a recogniser that returns `recognition`. */
export function fakes(recognition: Recognition = sampleRecognition()): Pick<CliDeps, 'readWorkbook' | 'recognise'> & {
  calls: { read: string[]; recognise: number };
} {
  const calls = { read: [] as string[], recognise: 0 };
  return {
    calls,
    readWorkbook: async (path: string) => {
      calls.read.push(path);
      return fakeWorkbook(path);
    },
    recognise: () => {
      calls.recognise++;
      return recognition;
    },
  };
}
