/**
 * Developer script: transcribes the standard disclosure tables of four Shanghai (上海市普陀区) corpus documents into the
 * seed transcription schema (see test/fixtures/source/README.md) and prints footing checks for hand review.
 *
 *   npx ts-node --transpile-only scripts/extract-corpus.ts [corpusDir] [outDir]
 *
 * Input: the pdfplumber extractions in /work/shared/corpus (absent on users' clones; the outputs are committed).
 * The grids ('--- 第N页 表K ---', cells joined by ' | ') are the source of every value; the page text is used only for the
 * table notes. Per-table layout knowledge (header rows, column roles, keys) is declared below, one entry per table.
 * Printed values are never changed: footing differences are reported on stdout and recorded by hand as `doubt`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';

const CORPUS_DIR = process.argv[2] ?? '/work/shared/corpus';
const OUT_DIR = process.argv[3] ?? path.join(__dirname, '..', 'test', 'fixtures', 'source', 'corpus');

// ---------------------------------------------------------------------------------------------------------------
// Parsing the extraction
// ---------------------------------------------------------------------------------------------------------------

interface Page {
  n: number;
  text: string[];
  grids: string[][][];
}

interface Extraction {
  source: string;
  pages: Map<number, Page>;
}

function parseExtraction(file: string): Extraction {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const sourceLine = lines.find((l) => l.startsWith('SOURCE: ')) ?? '';
  const pages = new Map<number, Page>();
  let page: Page | undefined;
  let grid: string[][] | undefined;
  for (const line of lines) {
    const pm = /^=== 第(\d+)页 TEXT ===$/.exec(line);
    if (pm) {
      page = { n: Number(pm[1]), text: [], grids: [] };
      pages.set(page.n, page);
      grid = undefined;
      continue;
    }
    const gm = /^--- 第(\d+)页 表(\d+) ---$/.exec(line);
    if (gm) {
      if (!page || Number(gm[1]) !== page.n) throw new Error(`grid outside its page: ${line}`);
      grid = [];
      page.grids.push(grid);
      continue;
    }
    if (!page) continue;
    if (grid) grid.push(line.split('|').map((c) => c.trim()));
    else page.text.push(line);
  }
  return { source: sourceLine.replace(/^SOURCE: /, ''), pages };
}

// ---------------------------------------------------------------------------------------------------------------
// Table declarations
// ---------------------------------------------------------------------------------------------------------------

type Side = '收入' | '支出';

interface ColSpec {
  label: string;
  /** value column: the key used in rows[].values */
  key?: string;
  /** descriptive column */
  role?: 'code' | 'name';
  /** two-sided tables: the half the column belongs to */
  side?: Side;
  /** side-by-side blocks (基本支出决算表): 1 or 2 */
  block?: 1 | 2;
}

interface GridRef {
  page: number;
  /** 1-based grid number on the page */
  table?: number;
  /** leading header rows of this grid (repeated headers on continuation pages included) */
  skip: number;
}

type Layout = 'two-sided' | 'code' | 'econ-blocks' | 'single-row';

interface TableSpec {
  id: string;
  title: string;
  layout: Layout;
  unit: string;
  header_line: string;
  page_heading?: string;
  grids: GridRef[];
  columns: ColSpec[];
  /** rows of the first grid before this index are title / header-line rows captured by the grid (not column headers) */
  headerStart?: number;
  /** grid row index (0-based, first grid) of a header row that also carries the 合计 body row */
  mergedTotalRow?: number;
  /** table notes as printed; when omitted they are collected from the page text (lines starting 注/说明) */
  notes?: string[];
  empty_statement?: string;
  layout_note?: string;
  doubt?: string;
  /** row doubts keyed by "code" or "side:label" or "label" */
  rowDoubts?: Record<string, string>;
}

interface DocSpec {
  name: string;
  department: string;
  year: number;
  kind: '部门决算公开' | '部门预算公开' | '单位预算公开';
  unit: string;
  doubt?: string;
  tables: TableSpec[];
}

const C = (label: string, key: string): ColSpec => ({ label, key });
const CODE = (label: string, block?: 1 | 2): ColSpec => ({ label, role: 'code', ...(block ? { block } : {}) });
const NAME = (label: string, extra: Partial<ColSpec> = {}): ColSpec => ({ label, role: 'name', ...extra });

// -- 决算 column sets --------------------------------------------------------------------------------------------

const J_T1 = (amount: string): ColSpec[] => [
  NAME('收入-项目', { side: '收入' }),
  { label: `收入-${amount}`, key: 'income', side: '收入' },
  NAME('支出-项目', { side: '支出' }),
  { label: `支出-${amount}`, key: 'expenditure', side: '支出' },
];
const J_T2_VALUES: ColSpec[] = [
  C('本年收入合计', 'total'),
  C('财政拨款收入', 'fiscal'),
  C('上级补助收入', 'superior'),
  C('事业收入', 'business'),
  C('经营收入', 'operating'),
  C('附属单位上缴收入', 'affiliated'),
  C('其他收入', 'other'),
];
const J_T3_VALUES: ColSpec[] = [
  C('本年支出合计', 'total'),
  C('基本支出', 'basic'),
  C('项目支出', 'project'),
  C('上缴上级支出', 'to_superior'),
  C('经营支出', 'operating'),
  C('对附属单位补助支出', 'to_affiliated'),
];
const J_T4: ColSpec[] = [
  NAME('收入-项目', { side: '收入' }),
  { label: '收入-决算数', key: 'income', side: '收入' },
  NAME('支出-项目', { side: '支出' }),
  { label: '支出-合计', key: 'total', side: '支出' },
  { label: '支出-一般公共预算财政拨款', key: 'general', side: '支出' },
  { label: '支出-政府性基金预算财政拨款', key: 'gov_fund', side: '支出' },
  { label: '支出-国有资本经营预算财政拨款', key: 'state_capital', side: '支出' },
];
const J_T5_VALUES: ColSpec[] = [C('合计', 'total'), C('基本支出', 'basic'), C('项目支出', 'project')];
const J_FUND_VALUES = (expTotal: string): ColSpec[] => [
  C('年初结转和结余', 'carry_in'),
  C('本年收入', 'income'),
  C(`本年支出-${expTotal}`, 'exp_total'),
  C('本年支出-基本支出', 'exp_basic'),
  C('本年支出-项目支出', 'exp_project'),
  C('年末结转和结余', 'carry_out'),
];
const J_T7 = (car: string, run: string): ColSpec[] => {
  const out: ColSpec[] = [];
  const items: Array<[string, string]> = [
    ['合计', 'total'],
    ['因公出国（境）费', 'abroad'],
    [`${car}-小计`, 'car'],
    [`${car}-公务用车购置费`, 'car_purchase'],
    [`${car}-${run}`, 'car_run'],
    ['公务接待费', 'reception'],
  ];
  for (const [label, key] of items) {
    out.push(C(`${label}-预算数`, `${key}_budget`), C(`${label}-决算数`, `${key}_actual`));
  }
  return out;
};
const SPLIT3 = (prefix: string): ColSpec[] => [CODE(`${prefix}-类`), CODE(`${prefix}-款`), CODE(`${prefix}-项`)];

// -- 预算 column sets --------------------------------------------------------------------------------------------

const Y_T2_VALUES: ColSpec[] = [
  C('收入预算-合计', 'total'),
  C('收入预算-财政拨款收入', 'fiscal'),
  C('收入预算-事业收入', 'business'),
  C('收入预算-事业单位经营收入', 'operating'),
  C('收入预算-其他收入', 'other'),
];
const Y_TBP = (group: string): ColSpec[] => [
  C(`${group}-合计`, 'total'),
  C(`${group}-基本支出`, 'basic'),
  C(`${group}-项目支出`, 'project'),
];
const Y_T4: ColSpec[] = [
  NAME('财政拨款收入-项目', { side: '收入' }),
  { label: '财政拨款收入-预算数', key: 'income', side: '收入' },
  NAME('财政拨款支出-项目', { side: '支出' }),
  { label: '财政拨款支出-合计', key: 'total', side: '支出' },
  { label: '财政拨款支出-一般公共预算', key: 'general', side: '支出' },
  { label: '财政拨款支出-政府性基金预算', key: 'gov_fund', side: '支出' },
  { label: '财政拨款支出-国有资本经营预算', key: 'state_capital', side: '支出' },
];
const Y_T8 = (codeLabel: string, nameLabel: string): ColSpec[] => [
  CODE(`${codeLabel}-类`),
  CODE(`${codeLabel}-款`),
  NAME(nameLabel),
  C('一般公共预算基本支出-合计', 'total'),
  C('一般公共预算基本支出-人员经费', 'personnel'),
  C('一般公共预算基本支出-公用经费', 'public'),
];
const Y_T9: ColSpec[] = [
  C('“三公”经费预算数-合计', 'sangong_total'),
  C('“三公”经费预算数-因公出国(境)费', 'abroad'),
  C('“三公”经费预算数-公务接待费', 'reception'),
  C('“三公”经费预算数-公务用车购置及运行费-小计', 'car'),
  C('“三公”经费预算数-公务用车购置及运行费-购置费', 'car_purchase'),
  C('“三公”经费预算数-公务用车购置及运行费-运行费', 'car_run'),
  C('机关运行经费预算数', 'jiguan'),
];
const Y_FUNC = '功能分类科目编码';

// ---------------------------------------------------------------------------------------------------------------

const DOCS: DocSpec[] = [
  {
    name: 'shanghai-putuo-caizhengju-2024-juesuan',
    department: '上海市普陀区财政局',
    year: 2024,
    kind: '部门决算公开',
    unit: '万元',
    tables: [
      {
        id: 'T1',
        title: '收入支出决算总表',
        layout: 'two-sided',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 6, skip: 2 },
          { page: 7, skip: 0 },
        ],
        columns: J_T1('决算数'),
        layout_note:
          'Title printed without year (the year is in the part heading “第二部分 上海市普陀区财政局 2024 年度部门决算表”). No 行次/栏次. printed_row counts body rows across the page break (p6 rows 1-27, p7 rows 28-30).',
        rowDoubts: {
          '支出:八、社会保障和就业支出':
            'Printed 326.71 here and in T4, but 326.72 in T2, T3 and T5 (208 类 row); the T1 expenditure lines foot to 2,940.05 with 326.71.',
        },
      },
      {
        id: 'T2',
        title: '收入决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 8, skip: 4 },
          { page: 9, skip: 0 },
        ],
        mergedTotalRow: 3,
        columns: [...SPLIT3('支出功能分类科目编码'), NAME('科目名称'), ...J_T2_VALUES],
        layout_note:
          'Code printed split 类 | 款 | 项. 合计 row on top. In the grid the 合计 row shares its row with the 类/款/项 header cells.',
        rowDoubts: {
          '208': '326.72 here, but 社会保障和就业支出 is 326.71 in T1 and T4; the 类 rows therefore sum to 2,946.26 (本年收入合计) / 2,940.06 (财政拨款收入) against 合计 2,946.25 / 2,940.05.',
        },
      },
      {
        id: 'T3',
        title: '支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 10, skip: 4 },
          { page: 11, skip: 0 },
        ],
        mergedTotalRow: 3,
        columns: [...SPLIT3('支出功能分类科目编码'), NAME('科目名称'), ...J_T3_VALUES],
        layout_note: 'As T2.',
        rowDoubts: {
          '208': '326.72 here, but 社会保障和就业支出 is 326.71 in T1 and T4; the 类 rows sum to 2,940.06 (本年支出合计) / 2,336.92 (基本支出) against 合计 2,940.05 / 2,336.91.',
        },
      },
      {
        id: 'T4',
        title: '财政拨款收入支出决算总表',
        layout: 'two-sided',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 12, skip: 2 },
          { page: 13, skip: 0 },
        ],
        columns: J_T4,
        layout_note:
          'No 行次/栏次. printed_row counts body rows across the page break (p12 rows 1-13, p13 rows 14-32). Page 14 holds an empty grid (blank page), not part of the table.',
        rowDoubts: {
          '支出:八、社会保障和就业支出': '326.71 as in T1; T2, T3 and T5 print 326.72.',
        },
      },
      {
        id: 'T5',
        title: '一般公共预算财政拨款支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 15, skip: 4 }],
        columns: [...SPLIT3('支出功能分类科目编码'), NAME('科目名称'), ...J_T5_VALUES],
        layout_note: '合计 row at the bottom (Shanghai layout).',
        rowDoubts: {
          '208': '326.72 here, but 326.71 in T1 and T4; the 类 rows sum to 2,940.06 (合计) / 2,336.92 (基本支出) against the 合计 row 2,940.05 / 2,336.91.',
        },
      },
      {
        id: 'T6',
        title: '一般公共预算财政拨款基本支出决算表',
        layout: 'econ-blocks',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 16, skip: 3 },
          { page: 17, skip: 1 },
        ],
        columns: [
          CODE('人员经费-经济分类科目编码-类', 1),
          CODE('人员经费-经济分类科目编码-款', 1),
          NAME('人员经费-科目名称', { block: 1 }),
          { label: '人员经费-决算数', key: 'personnel', block: 1 },
          CODE('公用经费-经济分类科目编码-类', 2),
          CODE('公用经费-经济分类科目编码-款', 2),
          NAME('公用经费-科目名称', { block: 2 }),
          { label: '公用经费-决算数', key: 'public', block: 2 },
        ],
        layout_note:
          'Two side-by-side blocks printed under identical headers (经济分类科目编码 类 | 款, 科目名称, 决算数): left block 301/303 (group 人员经费), right block 302/310 (group 公用经费). Flattened: one row per code with group and printed_row (the printed line it sits on, counted across the page break; the empty first grid row of p17 is skipped). Footer row: 人员经费合计 | 公用经费合计. Justification spaces inside names (“因 公 出 国 （ 境 ） 费用”) removed.',
        rowDoubts: {
          '301': '30101…30199 sum to 2,082.86 against 2,082.85 printed.',
          '302': '30201…30299 sum to 171.09 against 171.07 printed (公用经费合计 184.65 = 171.07 + 13.58 as printed).',
        },
      },
      {
        id: 'T7',
        title: '财政拨款“三公”经费支出决算表',
        layout: 'single-row',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 18, skip: 5 }],
        columns: J_T7('公务用车购置及运行费', '公务用车运行费'),
        layout_note:
          'Header: 财政拨款“三公”经费 › 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计, 公务用车购置费, 公务用车运行费) | 公务接待费, each with 预算数 | 决算数. One data row without label.',
        doubt:
          'The text extraction prints the title as “财政拨款 三公 经费支出决算表” with the quotes “ ” on the next line; the quotes were put back. Only two cells are printed: 合计 预算数 0.95 and 公务接待费 预算数 0.95 (grid positions unambiguous); every 决算数 cell is blank while the narrative says 决算 0.00.',
      },
      {
        id: 'T8',
        title: '政府性基金预算财政拨款收入支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 19, skip: 3 }],
        columns: [...SPLIT3('支出功能分类科目编码'), NAME('科目名称'), ...J_FUND_VALUES('小计')],
        empty_statement: '注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。',
        layout_note: 'Empty table: 8 blank body rows then an empty 合计 row, and the statement under the table.',
      },
      {
        id: 'T9',
        title: '国有资本经营预算财政拨款收入支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 20, skip: 3 }],
        columns: [...SPLIT3('支出功能分类科目编码'), NAME('科目名称'), ...J_FUND_VALUES('小计')],
        empty_statement: '注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。',
        layout_note: 'Empty table, as T8.',
      },
    ],
  },
  {
    name: 'shanghai-putuo-guihuaziyuanju-2024-juesuan',
    department: '上海市普陀区规划和自然资源局',
    year: 2024,
    kind: '部门决算公开',
    unit: '万元',
    doubt:
      'This document is filed under samples/bad in the source repository: it carries many real inconsistencies (recorded as doubt on the rows concerned). Values are as printed.',
    tables: [
      {
        id: 'T1',
        title: '收入支出决算总表',
        page_heading: '上海市规划和自然资源局 2024 年度部门决算表',
        layout: 'two-sided',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 7, skip: 2 }],
        columns: J_T1('决算数'),
        layout_note:
          'Page heading above the title reads “上海市规划和自然资源局 2024 年度部门决算表” (without 普陀区). 24 expenditure 类 lines (二十四、抗疫特别国债安排的支出; no 债务还本/付息 lines). No 行次.',
        rowDoubts: {
          '支出:九、卫生健康支出': '236.63 here and in T4; T2, T3 and T5 print 236.64 for 210.',
          '支出:十一、城乡社区支出':
            '3845.25 here; T3 prints 3845.24 and T4/T5 print 3832.36 (the general-budget share) for 212.',
        },
      },
      {
        id: 'T2',
        title: '收入决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 8, skip: 2 },
          { page: 9, skip: 0 },
        ],
        columns: [CODE('功能分类科目编码'), NAME('科目名称'), ...J_T2_VALUES],
        layout_note: 'Full code in one column. 合计 row on top.',
        rowDoubts: {
          '210': '236.64 (21011 = 40.35 + 196.29 = 236.64) but 236.63 in T1 and T4.',
        },
      },
      {
        id: 'T3',
        title: '支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 10, skip: 2 },
          { page: 11, skip: 0 },
        ],
        columns: [CODE('功能分类科目编码'), NAME('科目名称'), ...J_T3_VALUES],
        layout_note: 'Full code in one column; 项目支出 prints explicit 0.00 on rows without project spending.',
        rowDoubts: {
          '212': '3845.24: 21201 1105.68 + 21202 2739.56 = 3845.24; T1 prints 3845.25 and T2/T5 3832.36 (21201 1092.80 there).',
        },
      },
      {
        id: 'T4',
        title: '财政拨款收入支出决算总表',
        layout: 'two-sided',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 12, skip: 2 },
          { page: 13, skip: 0 },
        ],
        columns: J_T4,
        layout_note: 'No 行次/栏次. printed_row counts body rows across the page break (p12 rows 1-15, p13 rows 16-30).',
        rowDoubts: {
          '支出:九、卫生健康支出': '236.63 (T2/T3/T5 print 236.64).',
        },
      },
      {
        id: 'T5',
        title: '一般公共预算财政拨款支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [
          { page: 14, skip: 2 },
          { page: 15, skip: 0 },
        ],
        columns: [CODE('功能分类科目编码'), NAME('科目名称'), ...J_T5_VALUES],
        layout_note: 'Full code in one column; 合计 row at the bottom. Names wrap in the text extraction; the grid has them whole.',
        rowDoubts: {
          '212': '基本 1572.70 + 项目 2259.65 = 3832.35, printed 合计 3832.36.',
          '21201': '基本 1084.02 + 项目 8.77 = 1092.79, printed 合计 1092.80.',
          '2120101': '基本 1084.02 + 项目 8.77 = 1092.79, printed 合计 1092.80.',
          合计: '基本 5364.75 + 项目 4381.74 = 9746.49 against 合计 9746.50 (carried from the 212 rows); each column foots to the 类 rows as printed.',
        },
      },
      {
        id: 'T6',
        title: '一般公共预算财政拨款基本支出决算表',
        layout: 'econ-blocks',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 16, skip: 1 }],
        columns: [
          CODE('人员经费-经济分类科目编码', 1),
          NAME('人员经费-科目名称', { block: 1 }),
          { label: '人员经费-决算数', key: 'personnel', block: 1 },
          CODE('公用经费-经济分类科目编码', 2),
          NAME('公用经费-科目名称', { block: 2 }),
          { label: '公用经费-决算数', key: 'public', block: 2 },
        ],
        layout_note:
          'Two side-by-side blocks (经济分类科目编码 | 科目名称 | 决算数), full 3/5-digit codes in one column: left 301/303 (group 人员经费), right 302/310 (group 公用经费). Zero lines print 0.00.',
        rowDoubts: {
          人员经费合计:
            '301 4816.14 + 303 67.96 = 4884.10, printed 4884.09; the narrative says 人员经费 4896.98. 人员经费合计 + 公用经费合计 = 5364.75 = T5 基本支出, while T3 基本支出 is 5377.64.',
          '30110': '236.63, while 2101101 + 2101102 = 236.64 in T2/T3/T5.',
          '302': '30201…30299 sum to 440.88 against 440.90 printed (公用经费合计 480.66 = 440.90 + 39.76 as printed).',
        },
      },
      {
        id: 'T7',
        title: '财政拨款“三公”经费支出决算表',
        layout: 'single-row',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 17, skip: 4 }],
        columns: J_T7('公务用车购置及运行维护费', '公务用车运行维护费'),
        layout_note:
          'Header: 财政拨款“三公”经费 › 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计, 公务用车购置费, 公务用车运行维护费) | 公务接待费, each 预算数 | 决算数. One data row; zeros printed 0.00.',
      },
      {
        id: 'T8',
        title: '政府性基金预算财政拨款收入支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 18, skip: 3 }],
        mergedTotalRow: 2,
        columns: [CODE('功能分类科目编码'), NAME('科目名称'), ...J_FUND_VALUES('合计')],
        empty_statement: '说明：上海市普陀区规划和自然资源局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
        layout_note:
          'Empty table. The grid puts the 合计 row label on the header row that carries the 本年支出 sub-headers (合计 | 基本支出 | 项目支出); three blank rows follow.',
      },
      {
        id: 'T9',
        title: '国有资本经营预算财政拨款收入支出决算表',
        layout: 'code',
        unit: '万元',
        header_line: '单位：万元',
        grids: [{ page: 19, skip: 3 }],
        mergedTotalRow: 2,
        columns: [CODE('功能分类科目编码'), NAME('科目名称'), ...J_FUND_VALUES('合计')],
        empty_statement: '说明：上海市普陀区规划和自然资源局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
        layout_note: 'Empty table, as T8.',
      },
    ],
  },
  {
    name: 'shanghai-putuo-shangwuwei-2025-yusuan-bumen',
    department: '上海市普陀区商务委员会',
    year: 2025,
    kind: '部门预算公开',
    unit: '元',
    tables: [
      {
        id: 'T1',
        title: '2025年部门财务收支预算总表',
        layout: 'two-sided',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [{ page: 9, skip: 2 }],
        columns: [
          NAME('本年收入-项目', { side: '收入' }),
          { label: '本年收入-预算数', key: 'income', side: '收入' },
          NAME('本年支出-项目', { side: '支出' }),
          { label: '本年支出-预算数', key: 'expenditure', side: '支出' },
        ],
        layout_note: 'Body rows 1-7, six blank printed rows (8-13), 收入总计 | 支出总计 on row 14.',
      },
      {
        id: 'T2',
        title: '2025年部门收入预算总表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [
          { page: 10, skip: 3 },
          { page: 11, skip: 0 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_T2_VALUES],
        layout_note: 'Code printed split 类 | 款 | 项; 合计 row at the bottom.',
      },
      {
        id: 'T3',
        title: '2025年部门支出预算总表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [
          { page: 12, skip: 3 },
          { page: 13, skip: 0 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('支出预算')],
        layout_note: 'As T2.',
      },
      {
        id: 'T4',
        title: '2025年部门财政拨款收支预算总表',
        layout: 'two-sided',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [{ page: 14, skip: 2 }],
        columns: Y_T4,
        layout_note: 'Body rows 1-7, six blank printed rows (8-13), 收入总计 | 支出总计 on row 14.',
      },
      {
        id: 'T5',
        title: '2025年部门一般公共预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [
          { page: 15, skip: 3 },
          { page: 16, skip: 3 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('一般公共预算支出')],
        layout_note: 'Continues on p16 under a repeated header (skipped).',
      },
      {
        id: 'T6',
        title: '2025年部门政府性基金预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [{ page: 17, skip: 3 }],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('政府性基金预算支出')],
        empty_statement: '注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
        layout_note: 'Empty table: 7 blank rows, an empty 合计 row, the statement under the table.',
      },
      {
        id: 'T7',
        title: '2025年部门国有资本经营预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [{ page: 18, skip: 3 }],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('国有资本经营预算支出')],
        empty_statement: '注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。',
        layout_note: 'Empty table, as T6.',
      },
      {
        id: 'T8',
        title: '2025年部门一般公共预算基本支出部门预算经济分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制部门：上海市普陀区商务委员会 单位：元',
        grids: [
          { page: 19, skip: 3 },
          { page: 20, skip: 0 },
        ],
        columns: Y_T8('部门预算经济分类科目编码', '经济分类科目名称'),
        layout_note:
          'Economic code printed split 类 | 款 (“301 | 01” → 30101); group (人员经费 for 301/303, 公用经费 for 302/310) added from the class. 合计 row at the bottom.',
      },
      {
        id: 'T9',
        title: '2025年部门“三公”经费和机关运行经费预算表',
        layout: 'single-row',
        unit: '万元',
        header_line: '编制部门：上海市普陀区商务委员会 单位:万元',
        grids: [{ page: 21, skip: 3 }],
        columns: Y_T9,
        layout_note:
          'Unit 万元 (the other tables are in 元). Column order as in the grid: 合计, 因公出国(境)费, 公务接待费, 公务用车购置及运行费 (小计, 购置费, 运行费), then 机关运行经费预算数. One data row without label.',
      },
    ],
  },
  {
    name: 'shanghai-putuo-sifaju-2026-yusuan-danwei',
    department: '上海市普陀区司法局',
    year: 2026,
    kind: '单位预算公开',
    unit: '元',
    tables: [
      {
        id: 'T1',
        title: '2026年预算单位财务收支预算总表',
        layout: 'two-sided',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [{ page: 8, skip: 4 }],
        columns: [
          NAME('本年收入-项目', { side: '收入' }),
          { label: '本年收入-预算数', key: 'income', side: '收入' },
          NAME('本年支出-项目', { side: '支出' }),
          { label: '本年支出-预算数-合计', key: 'total', side: '支出' },
          { label: '本年支出-预算数-基本支出-人员经费', key: 'personnel', side: '支出' },
          { label: '本年支出-预算数-基本支出-公用经费', key: 'public', side: '支出' },
          { label: '本年支出-预算数-项目支出', key: 'project', side: '支出' },
        ],
        layout_note:
          'Expenditure side split into 合计 | 基本支出 (人员经费, 公用经费) | 项目支出 (unlike the department-level layout). Income side prints explicit 0.00. Body rows 1-7, four blank printed rows (8-11), totals on row 12.',
        rowDoubts: {
          '支出:一、公共安全支出':
            'Printed without decimals in three cells (12,604,173 | 1,744,680 | 64,840,547); 12,604,173 + 1,744,680 + 64,840,547 = 79,189,400 against 合计 79,189,400.34.',
          '支出:支出总计':
            '20,374,181 + 1,744,680 + 64,840,547 = 86,959,408 against 86,959,408.34. 基本支出 here (人员 20,374,181 + 公用 1,744,680 = 22,118,861) vs T8 人员经费 20,272,981.00 / 公用经费 1,845,880.34.',
        },
      },
      {
        id: 'T2',
        title: '2026年预算单位收入预算总表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [
          { page: 9, skip: 3 },
          { page: 10, skip: 0 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_T2_VALUES],
        layout_note: 'Code printed split 类 | 款 | 项; explicit 0.00 in the non-fiscal columns; 合计 at the bottom.',
      },
      {
        id: 'T3',
        title: '2026年预算单位支出预算总表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [
          { page: 11, skip: 3 },
          { page: 12, skip: 0 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('支出预算')],
        layout_note: 'As T2.',
        rowDoubts: {
          '2040601':
            '项目支出 prints 64,840,547.00 (the 类 total) on the 行政运行 line: 14,348,853.34 + 64,840,547.00 ≠ 合计 14,348,853.34.',
          '2210203': '项目支出 printed “0” (no decimals).',
          合计: '基本支出 printed “22,118,861” (no decimals) while the 类 rows sum to 22,118,861.34; 22,118,861 + 64,840,547.00 = 86,959,408 against 合计 86,959,408.34.',
        },
      },
      {
        id: 'T4',
        title: '2026年预算单位财政拨款收支预算总表',
        layout: 'two-sided',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [{ page: 13, skip: 7 }],
        headerStart: 5,
        columns: Y_T4,
        layout_note:
          'The grid starts with the title and header lines as rows (skipped). Body rows 1-4, nine blank printed rows (5-13), totals on row 14.',
      },
      {
        id: 'T5',
        title: '2026年预算单位一般公共预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [
          { page: 14, skip: 3 },
          { page: 15, skip: 3 },
        ],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('一般公共预算支出')],
        layout_note: 'Continues on p15 under a repeated header (skipped).',
        rowDoubts: {
          '2040601': '项目支出 prints 64,840,547.00 on the 行政运行 line (as T3).',
          '2210203': '项目支出 printed “0” (no decimals).',
          合计: '基本支出 printed “22,118,861” (no decimals), as T3.',
        },
      },
      {
        id: 'T6',
        title: '2026年预算单位政府性基金预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [{ page: 16, skip: 3 }],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('政府性基金预算支出')],
        empty_statement: '注:本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。',
        layout_note: 'Empty table: a first body row with “无” in the 类 column, blank rows, an empty 合计 row, the statement.',
      },
      {
        id: 'T7',
        title: '2026年预算单位国有资本经营预算支出功能分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [{ page: 17, skip: 3 }],
        columns: [...SPLIT3(Y_FUNC), NAME('功能分类科目名称'), ...Y_TBP('国有资本经营预算支出')],
        empty_statement: '注:本单位2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。',
        layout_note: 'Empty table, as T6.',
      },
      {
        id: 'T8',
        title: '2026年预算单位一般公共预算基本支出部门预算经济分类预算表',
        layout: 'code',
        unit: '元',
        header_line: '编制单位：上海市普陀区司法局 单位：元',
        grids: [
          { page: 18, skip: 3 },
          { page: 19, skip: 0 },
        ],
        columns: Y_T8('经济分类科目编码', '部门经济分类科目名称'),
        layout_note:
          'Economic code printed split 类 | 款; explicit 0.00 in the other group’s column; group added from the class. 合计 row at the bottom.',
        rowDoubts: {
          合计: 'Foots within the table (301 + 303 = 人员经费 20,272,981.00; 302 + 310 = 公用经费 1,845,880.34), but T1 prints 人员经费 20,374,181 / 公用经费 1,744,680 for the same basic expenditure, and T3/T5 print 基本支出 “22,118,861”.',
        },
      },
      {
        id: 'T9',
        title: '2026年单位“三公”经费和机关运行经费预算表',
        layout: 'single-row',
        unit: '万元',
        header_line: '编制单位：上海市普陀区司法局 单位:万元',
        grids: [{ page: 20, skip: 3 }],
        columns: Y_T9,
        layout_note: 'Unit 万元. Column order as in the grid (see the department-level document). One data row without label.',
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------------------------

interface OutRow {
  label: string;
  code?: string;
  side?: Side;
  group?: '人员经费' | '公用经费';
  printed_row?: number;
  values: Record<string, string>;
  note?: string;
  doubt?: string;
}

const NUMBER_RE = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’]';
const CJK_SPACE_RE = new RegExp(`(${CJK}) +(?=${CJK})`, 'g');

/** Removes justification spaces between two CJK characters ("因 公 出 国" → "因公出国"); keeps all other text. */
function cleanLabel(s: string): string {
  return s.trim().replace(CJK_SPACE_RE, '$1');
}

function gridRows(ex: Extraction, t: TableSpec): { header: string[][]; body: string[][] } {
  const header: string[][] = [];
  const body: string[][] = [];
  t.grids.forEach((g, i) => {
    const page = ex.pages.get(g.page);
    if (!page) throw new Error(`${t.id}: no page ${g.page}`);
    const grid = page.grids[(g.table ?? 1) - 1];
    if (!grid) throw new Error(`${t.id}: no grid ${g.table ?? 1} on page ${g.page}`);
    const width = t.columns.length;
    for (const r of grid) {
      if (r.length !== width) throw new Error(`${t.id} p${g.page}: row has ${r.length} cells, expected ${width}: ${r.join(' | ')}`);
    }
    if (i === 0) header.push(...grid.slice(t.headerStart ?? 0, g.skip).map((r) => [...r]));
    if (i === 0 && t.mergedTotalRow !== undefined) {
      const merged = grid[t.mergedTotalRow];
      body.push(['\u0000MERGED', ...merged]);
      // keep only the header part of the shared row in header_rows: drop the 合计 label and the amounts
      const h = header[t.mergedTotalRow];
      const labelAt = h.findIndex((c, j) => c === '合计' && t.columns[j].role !== undefined);
      if (labelAt < 0) throw new Error(`${t.id}: merged row has no 合计 label`);
      h[labelAt] = '';
      h.forEach((c, j) => {
        if (NUMBER_RE.test(c)) h[j] = '';
      });
    }
    body.push(...grid.slice(g.skip));
  });
  return { header, body };
}

function isBlank(r: string[]): boolean {
  return r.every((c) => c === '');
}

function valuesOf(cols: ColSpec[], cells: string[], idx: number[], numericOnly = false): Record<string, string> {
  const v: Record<string, string> = {};
  for (const i of idx) {
    const key = cols[i].key!;
    const text = cells[i];
    if (text === '') continue;
    if (!NUMBER_RE.test(text)) {
      if (numericOnly) continue;
      throw new Error(`non-numeric value "${text}" in column ${cols[i].label}`);
    }
    v[key] = text;
  }
  return v;
}

function groupOf(code: string | undefined): OutRow['group'] | undefined {
  if (!code) return undefined;
  const cls = code.slice(0, 3);
  if (cls === '301' || cls === '303') return '人员经费';
  if (cls === '302' || cls === '307' || cls === '309' || cls === '310' || cls === '399') return '公用经费';
  return undefined;
}

function convertCodeRows(t: TableSpec, body: string[][], economic: boolean): OutRow[] {
  const cols = t.columns;
  const codeIdx = cols.map((c, i) => (c.role === 'code' ? i : -1)).filter((i) => i >= 0);
  const nameIdx = cols.findIndex((c) => c.role === 'name');
  const valIdx = cols.map((c, i) => (c.key ? i : -1)).filter((i) => i >= 0);
  const rows: OutRow[] = [];
  for (const raw of body) {
    const merged = raw[0] === '\u0000MERGED';
    const cells = merged ? raw.slice(1) : raw;
    if (isBlank(cells)) continue;
    const codeCells = codeIdx.map((i) => cells[i].replace(/\s+/g, ''));
    const codeText = codeCells.join('');
    let row: OutRow;
    if (merged) {
      row = { label: '合计', values: valuesOf(cols, cells, valIdx, true) };
    } else if (codeText !== '' && /^\d+$/.test(codeText)) {
      row = { label: cleanLabel(cells[nameIdx]), code: codeText, values: valuesOf(cols, cells, valIdx) };
      if (economic) row.group = groupOf(codeText);
    } else {
      // 合计 / 无 printed in the code column(s), or a label in the name column without code
      const label = cleanLabel(cells[nameIdx] !== '' ? cells[nameIdx] : codeCells.find((c) => c !== '') ?? '');
      row = { label, values: valuesOf(cols, cells, valIdx) };
      if (codeText !== '' && cells[nameIdx] === '' && label !== '合计') row.note = `“${label}” is printed in the code column`;
    }
    rows.push(row);
  }
  return rows;
}

function convertTwoSided(t: TableSpec, body: string[][]): OutRow[] {
  const cols = t.columns;
  const out: OutRow[] = [];
  for (const side of ['收入', '支出'] as Side[]) {
    const nameIdx = cols.findIndex((c) => c.role === 'name' && c.side === side);
    const valIdx = cols.map((c, i) => (c.key && c.side === side ? i : -1)).filter((i) => i >= 0);
    body.forEach((cells, i) => {
      const label = cleanLabel(cells[nameIdx]);
      const values = valuesOf(cols, cells, valIdx);
      if (label === '' && Object.keys(values).length === 0) return;
      out.push({ label, side, printed_row: i + 1, values });
    });
  }
  return out;
}

function convertBlocks(t: TableSpec, body: string[][]): OutRow[] {
  const cols = t.columns;
  const out: OutRow[] = [];
  const printed = body.filter((r) => !isBlank(r));
  for (const block of [1, 2] as const) {
    const codeIdx = cols.map((c, i) => (c.role === 'code' && c.block === block ? i : -1)).filter((i) => i >= 0);
    const nameIdx = cols.findIndex((c) => c.role === 'name' && c.block === block);
    const valIdx = cols.map((c, i) => (c.key && c.block === block ? i : -1)).filter((i) => i >= 0);
    const group = block === 1 ? '人员经费' : '公用经费';
    printed.forEach((cells, i) => {
      const codeText = codeIdx.map((j) => cells[j].replace(/\s+/g, '')).join('');
      const values = valuesOf(cols, cells, valIdx);
      if (codeText === '' && cells[nameIdx] === '' && Object.keys(values).length === 0) return;
      if (/^\d+$/.test(codeText)) {
        out.push({ label: cleanLabel(cells[nameIdx]), code: codeText, group, printed_row: i + 1, values });
      } else {
        // footer: 人员经费合计 / 公用经费合计 printed in the code column
        out.push({ label: cleanLabel(codeText || cells[nameIdx]), group, printed_row: i + 1, values });
      }
    });
  }
  return out;
}

function convertSingleRow(t: TableSpec, body: string[][]): OutRow[] {
  const cols = t.columns;
  const valIdx = cols.map((_, i) => i);
  const printed = body.filter((r) => !isBlank(r));
  if (printed.length !== 1) throw new Error(`${t.id}: expected one data row, got ${printed.length}`);
  return [{ label: '（数据行）', values: valuesOf(cols, printed[0], valIdx) }];
}

function collectNotes(ex: Extraction, t: TableSpec): string[] {
  const notes: string[] = [];
  for (const g of t.grids) {
    for (const line of ex.pages.get(g.page)!.text) {
      if (/^(注|说明)\s*[:：]/.test(line.trim())) notes.push(line.trim());
    }
  }
  return notes;
}

function rowKey(r: OutRow): string[] {
  const keys: string[] = [];
  if (r.code) keys.push(r.code);
  if (r.side) keys.push(`${r.side}:${r.label}`);
  keys.push(r.label);
  return keys;
}

function convertTable(ex: Extraction, t: TableSpec) {
  const { header, body } = gridRows(ex, t);
  let rows: OutRow[];
  switch (t.layout) {
    case 'two-sided':
      rows = convertTwoSided(t, body);
      break;
    case 'code':
      rows = convertCodeRows(t, body, t.columns.some((c) => c.key === 'personnel'));
      break;
    case 'econ-blocks':
      rows = convertBlocks(t, body);
      break;
    case 'single-row':
      rows = convertSingleRow(t, body);
      break;
  }
  const used = new Set<string>();
  for (const r of rows) {
    for (const k of rowKey(r)) {
      const d = t.rowDoubts?.[k];
      if (d !== undefined && !used.has(k)) {
        r.doubt = d;
        used.add(k);
        break;
      }
    }
  }
  for (const k of Object.keys(t.rowDoubts ?? {})) {
    if (!used.has(k)) throw new Error(`${t.id}: row doubt "${k}" matches no row`);
  }
  const notes = t.notes ?? collectNotes(ex, t);
  if (t.empty_statement !== undefined && !notes.includes(t.empty_statement)) {
    throw new Error(`${t.id}: empty statement not found among the notes: ${notes.join(' / ')}`);
  }
  const columns = t.columns.map((c) => {
    const o: Record<string, unknown> = { label: c.label };
    if (c.key) o.key = c.key;
    if (c.role) o.role = c.role;
    if (c.side) o.side = c.side;
    if (c.block) o.block = c.block;
    return o;
  });
  return {
    id: t.id,
    title: t.title,
    ...(t.page_heading ? { page_heading: t.page_heading } : {}),
    unit: t.unit,
    header_line: t.header_line,
    source_pages: t.grids.map((g) => g.page),
    layout: t.layout,
    ...(t.layout_note ? { layout_note: t.layout_note } : {}),
    header_rows: header,
    columns,
    rows: rows.map((r) => {
      const o: Record<string, unknown> = { label: r.label };
      if (r.code !== undefined) o.code = r.code;
      if (r.side) o.side = r.side;
      if (r.group) o.group = r.group;
      if (r.printed_row !== undefined) o.printed_row = r.printed_row;
      o.values = r.values;
      if (r.note) o.note = r.note;
      if (r.doubt) o.doubt = r.doubt;
      return o;
    }),
    notes,
    ...(t.empty_statement !== undefined ? { empty_statement: t.empty_statement } : {}),
    ...(t.doubt ? { doubt: t.doubt } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Footing report (stdout only)
// ---------------------------------------------------------------------------------------------------------------

function num(s: string | undefined): Decimal {
  return new Decimal(s === undefined ? '0' : s.replace(/,/g, ''));
}

type TableOut = ReturnType<typeof convertTable>;

function report(doc: string, t: TableOut): void {
  const say = (msg: string) => console.log(`  [${doc} ${t.id}] ${msg}`);
  const keys = (t.columns as Array<{ key?: string }>).map((c) => c.key).filter((k): k is string => !!k);
  const rows = t.rows as Array<{ label: string; code?: string; side?: string; values: Record<string, string> }>;
  const sumCheck = (what: string, parts: Decimal[], whole: string | undefined) => {
    const s = parts.reduce((a, b) => a.plus(b), new Decimal(0));
    if (!s.eq(num(whole))) say(`${what}: parts ${s.toFixed(2)} vs printed ${whole ?? '(blank)'}`);
  };
  if (t.layout === 'code') {
    const coded = rows.filter((r) => r.code);
    for (const k of keys) {
      for (const parent of coded) {
        const len = parent.code!.length;
        const childLen = len === 3 ? 5 : len === 5 ? 7 : 0;
        if (!childLen) continue;
        const kids = coded.filter((r) => r.code!.length === childLen && r.code!.startsWith(parent.code!));
        if (kids.length) sumCheck(`${parent.code} ${k}`, kids.map((r) => num(r.values[k])), parent.values[k]);
      }
      const total = rows.find((r) => r.label === '合计');
      const top = coded.filter((r) => r.code!.length === 3);
      if (total && top.length) sumCheck(`合计 ${k}`, top.map((r) => num(r.values[k])), total.values[k]);
    }
    const rel: Array<[string, string[]]> = [];
    if (keys.includes('fiscal')) rel.push(['total', ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']]);
    if (keys.includes('basic')) rel.push(['total', ['basic', 'project', 'to_superior', 'operating', 'to_affiliated']]);
    if (keys.includes('exp_total')) rel.push(['exp_total', ['exp_basic', 'exp_project']]);
    if (keys.includes('personnel')) rel.push(['total', ['personnel', 'public']]);
    for (const r of rows) {
      for (const [whole, parts] of rel) {
        if (Object.keys(r.values).length === 0) continue;
        sumCheck(`${r.code ?? r.label} ${whole}=Σ${parts.join('+')}`, parts.map((p) => num(r.values[p])), r.values[whole]);
      }
    }
  } else if (t.layout === 'two-sided') {
    for (const k of keys) {
      const side = rows.filter((r) => r.values[k] !== undefined);
      say(`${k}: ${side.map((r) => `${r.label}=${r.values[k]}`).join('; ')}`);
    }
  } else if (t.layout === 'econ-blocks') {
    for (const k of keys) {
      const coded = rows.filter((r) => r.code && r.values[k] !== undefined);
      for (const p of coded.filter((r) => r.code!.length === 3)) {
        const kids = coded.filter((r) => r.code!.length === 5 && r.code!.startsWith(p.code!));
        sumCheck(`${p.code}`, kids.map((r) => num(r.values[k])), p.values[k]);
      }
      const foot = rows.find((r) => r.label.endsWith('合计') && r.values[k] !== undefined);
      sumCheck(`${foot?.label}`, coded.filter((r) => r.code!.length === 3).map((r) => num(r.values[k])), foot?.values[k]);
    }
  } else {
    say(JSON.stringify(rows[0].values));
  }
}

// ---------------------------------------------------------------------------------------------------------------

function serialise(doc: Record<string, unknown>): string {
  // one row / column per line, for review and diffs
  const lines: string[] = ['{'];
  const top = Object.entries(doc);
  top.forEach(([k, v], i) => {
    const comma = i < top.length - 1 ? ',' : '';
    if (k !== 'tables') {
      lines.push(` ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
      return;
    }
    lines.push(` "tables": [`);
    const tables = v as Array<Record<string, unknown>>;
    tables.forEach((t, ti) => {
      lines.push('  {');
      const entries = Object.entries(t);
      entries.forEach(([tk, tv], j) => {
        const c2 = j < entries.length - 1 ? ',' : '';
        if (Array.isArray(tv) && ['rows', 'columns', 'header_rows', 'notes'].includes(tk) && tv.length > 0) {
          lines.push(`   ${JSON.stringify(tk)}: [`);
          tv.forEach((item, n) => lines.push(`    ${JSON.stringify(item)}${n < tv.length - 1 ? ',' : ''}`));
          lines.push(`   ]${c2}`);
        } else {
          lines.push(`   ${JSON.stringify(tk)}: ${JSON.stringify(tv)}${c2}`);
        }
      });
      lines.push(`  }${ti < tables.length - 1 ? ',' : ''}`);
    });
    lines.push(` ]${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main(): void {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const d of DOCS) {
    const file = path.join(CORPUS_DIR, `${d.name}.txt`);
    const ex = parseExtraction(file);
    const tables = d.tables.map((t) => convertTable(ex, t));
    const out = {
      document: `${d.name}.txt`,
      department: d.department,
      year: d.year,
      kind: d.kind,
      unit: d.unit,
      source: 'corpus',
      source_ref: ex.source,
      ...(d.doubt ? { doubt: d.doubt } : {}),
      tables,
    };
    const target = path.join(OUT_DIR, `${d.name}.tables.json`);
    fs.writeFileSync(target, serialise(out));
    console.log(`${target}: ${tables.map((t) => `${t.id}(${t.rows.length})`).join(' ')}`);
    for (const t of tables) report(d.name.replace('shanghai-putuo-', ''), t);
  }
}

main();
