/**
 * buildFacts: walk the recognised tables and name every quotable figure (domain §2, §4.6). One handler per table
 * family; each turns (row, column) pairs into drafts keyed by meaning, never by position.
 */
import Decimal from 'decimal.js';
import { type Amount } from '../amount/parse';
import { exact } from '../arith/decimal';
import type { RecognisedTable, Recognition, TableColumn, TablePart, TableRow } from '../model/table';
import type { Workbook } from '../model/workbook';
import { classCodeForName, FUNCTION_CLASSES } from '../recognise/catalog';
import { RuleContext } from '../rules/context';
import { createFactBase, type RankedLabel } from './base';
import { familyRank, FUND_PREFIX, fundOfLabel, levelName, scopeOfPrefix, type Fund } from './keys';
import { lexiconLabels } from './lexicon';
import { performanceFacts } from './performance';
import { cleanLabel, normSubject } from './normalise';
import type { Fact, FactBase, FactPeriod, FactScope } from './types';

interface Draft {
  key: string;
  scope?: FactScope;
  period?: FactPeriod;
  code?: string;
  part: TablePart;
  row: TableRow;
  column: TableColumn;
  /** names taken from the table itself (row labels, 类-款-项 forms) */
  names?: string[];
  /** count unit of a count row */
  unit?: string | null;
}

const MONEY_SHIFT: Record<string, number> = { 元: -4, 千元: -1, 万元: 0, 亿元: 4 };

/** Build the fact base of a workbook from its recognised tables. */
export function buildFacts(workbook: Workbook, recognition: Recognition): FactBase {
  const ctx = new RuleContext(workbook, recognition.tables);
  const facts: Fact[] = [];
  const ranks = new Map<Fact, RankedLabel[]>();
  for (const table of recognition.tables) {
    for (const d of draftsOf(table)) {
      const fact = finish(ctx, table, d);
      if (!fact) continue;
      const labels = labelsOf(table, d);
      fact.labels = labels.map((l) => l.label);
      ranks.set(fact, labels);
      facts.push(fact);
    }
  }
  // the performance self-evaluation forms (绩效自评表): read by meaning, see ./performance
  for (const { fact, labels } of performanceFacts(ctx, recognition)) {
    labels.sort((a, b) => a.rank - b.rank);
    fact.labels = labels.map((l) => l.label);
    ranks.set(fact, labels);
    facts.push(fact);
  }
  return createFactBase(facts, ranks);
}

function finish(ctx: RuleContext, table: RecognisedTable, d: Draft): Fact | undefined {
  const term = ctx.term(table, d.part, d.row, d.column);
  let value: Amount = term.amount;
  if (value.kind === 'text' || value.kind === 'na') {
    // an empty table's amounts are all 0 (domain §2.5), whatever its total row prints (“本单位无…”)
    if (!table.empty) return undefined;
    value = { kind: 'blank', value: null, decimals: 0, raw: value.raw };
  }
  if (value.kind === 'percent') return undefined;
  const unit = d.unit !== undefined ? d.unit : table.unit;
  const fact: Fact = {
    key: d.key,
    labels: [],
    value,
    unit,
    cell: term.ref,
    table: table.id,
    kind: table.kind,
    period: d.period ?? (table.regime === 'juesuan' ? 'current' : 'budget'),
  };
  if (d.scope) fact.scope = d.scope;
  if (d.code) fact.code = d.code;
  const shift = unit !== null ? MONEY_SHIFT[unit] : undefined;
  if (shift !== undefined && value.kind === 'number' && value.value) {
    fact.valueWan = { value: exact(value.value).times(new Decimal(10).pow(shift)), decimals: value.decimals - shift };
  }
  return fact;
}

function labelsOf(table: RecognisedTable, d: Draft): RankedLabel[] {
  const out: RankedLabel[] = [];
  const add = (label: string, rank: number) => {
    if (!label) return;
    const have = out.find((x) => x.label === label);
    if (have) have.rank = Math.min(have.rank, rank);
    else out.push({ label, rank });
  };
  // a 决算 document quotes actuals unless it says otherwise: its budget columns (三公) come second
  const budgetInJuesuan = table.regime === 'juesuan' && d.period !== undefined && d.period !== 'current' ? 0.5 : 0;
  for (const l of lexiconLabels(d.key, table.regime)) add(l.label, l.rank + budgetInJuesuan);
  const base = 1000 + familyRank(d.key) * 10 + budgetInJuesuan;
  for (const n of d.names ?? []) add(n, base);
  out.sort((a, b) => a.rank - b.rank);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// per table family

function draftsOf(table: RecognisedTable): Draft[] {
  const base = table.kind.replace(/^(juesuan|yusuan)\./, '');
  switch (base) {
    case 'income-expenditure-summary':
      return summaryDrafts(table);
    case 'fiscal-summary':
      return fiscalSummaryDrafts(table);
    case 'income':
      return incomeDrafts(table);
    case 'expenditure':
      return spendingDrafts(table, '');
    case 'general-budget-expenditure':
      return spendingDrafts(table, 'gb.');
    case 'general-budget-by-unit':
      return spendingDrafts(table, 'gb.', true);
    case 'gov-fund':
      return spendingDrafts(table, 'gov-fund.');
    case 'state-capital':
      return spendingDrafts(table, 'state-capital.');
    case 'basic-expenditure':
      return basicDrafts(table);
    case 'three-public':
      return threePublicDrafts(table);
    case 'project-expenditure':
      return projectDrafts(table);
    case 'procurement':
      return headerTotalDrafts(table, [
        [/采购金额合计|^采购金额$/, 'procurement.total'],
        [/中小企业/, 'procurement.sme'],
        [/小微企业/, 'procurement.micro'],
      ]);
    case 'purchase-services':
      return headerTotalDrafts(table, [[/金额/, 'purchase-services.total']]);
    default:
      return [];
  }
}

const SPENDING_MEASURE: Record<string, string> = {
  total: 'total',
  'expenditure.total': 'total',
  basic: 'basic',
  'expenditure.basic': 'basic',
  'basic.personnel': 'basic.personnel',
  'basic.public': 'basic.public',
  project: 'project',
  'expenditure.project': 'project',
  'remit-superior': 'remit-superior',
  business: 'business',
  'subsidy-subordinate': 'subsidy-subordinate',
  'opening-balance': 'opening-balance',
  income: 'income',
  'closing-balance': 'closing-balance',
};

const FUND_OF_PREFIX: Record<string, Fund | undefined> = {
  'gb.': 'general-budget',
  'gov-fund.': 'gov-fund',
  'state-capital.': 'state-capital',
};

/** J3 / J5 / J8 / J9, 预算03/05/06/09/10, T3/T5/T6/T7: 合计 row and 类/款/项 rows, per amount column. */
function spendingDrafts(table: RecognisedTable, prefix: string, totalsOnly = false): Draft[] {
  const out: Draft[] = [];
  const scope = scopeOfPrefix(prefix);
  const fund = FUND_OF_PREFIX[prefix];
  for (const part of table.parts) {
    const rows = functionRows(part, totalsOnly);
    const names = subjectNames(part);
    for (const column of part.columns) {
      const m = column.key ? SPENDING_MEASURE[column.key] : undefined;
      if (!m) continue;
      for (const row of part.rows) {
        if (row.key === 'total') {
          let key: string;
          if (m === 'income' && fund) {
            key = `fiscal.income.${fund}`;
          } else if (m === 'opening-balance' || m === 'closing-balance') {
            key = `${prefix}${m}`;
          } else if (prefix === 'gb.' && (m === 'basic.personnel' || m === 'basic.public')) {
            key = `${m}.total`;
          } else {
            key = `${prefix}expenditure.${m}`;
          }
          out.push({ key, scope, part, row, column });
        } else if (rows.has(row)) {
          const code = row.code!;
          out.push({
            key: `${prefix}${levelName(code)}.${code}.${m}`,
            scope,
            code,
            part,
            row,
            column,
            names: m === 'total' ? functionNames(code, names) : [],
          });
        }
      }
    }
  }
  return out;
}

const INCOME_MEASURE: Record<string, { key: (regime: string) => string; scope: FactScope }> = {
  total: { key: (r) => (r === 'yusuan' ? 'income.grand-total' : 'income.total'), scope: 'all' },
  subtotal: { key: () => 'income.total', scope: 'all' },
  fiscal: { key: () => 'fiscal.income.total', scope: 'fiscal' },
  'general-budget': { key: () => 'fiscal.income.general-budget', scope: 'general-budget' },
  'gov-fund': { key: () => 'fiscal.income.gov-fund', scope: 'gov-fund' },
  'state-capital': { key: () => 'fiscal.income.state-capital', scope: 'state-capital' },
  'special-account': { key: () => 'income.special-account', scope: 'all' },
  'superior-subsidy': { key: () => 'income.superior-subsidy', scope: 'all' },
  service: { key: () => 'income.service', scope: 'all' },
  business: { key: () => 'income.business', scope: 'all' },
  subordinate: { key: () => 'income.subordinate', scope: 'all' },
  other: { key: () => 'income.other', scope: 'all' },
  'carry-over': { key: () => 'income.carry-over', scope: 'all' },
};

/** J2 收入决算表, 预算02表, T2: 合计 row per income column; 类/款/项 rows as income.class.… */
function incomeDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  for (const part of table.parts) {
    const rows = functionRows(part, false);
    const names = subjectNames(part);
    for (const column of part.columns) {
      const spec = column.key ? INCOME_MEASURE[column.key] : undefined;
      if (!spec) continue;
      for (const row of part.rows) {
        if (row.key === 'total') {
          out.push({ key: spec.key(table.regime), scope: spec.scope, part, row, column });
        } else if (rows.has(row)) {
          const code = row.code!;
          out.push({
            key: `income.${levelName(code)}.${code}.${column.key}`,
            scope: spec.scope,
            code,
            part,
            row,
            column,
            names: column.key === 'total' ? functionNames(code, names) : [],
          });
        }
      }
    }
  }
  return out;
}

const SUMMARY_INCOME: Record<string, [string, FactScope]> = {
  'income.general-budget': ['fiscal.income.general-budget', 'general-budget'],
  'income.gov-fund': ['fiscal.income.gov-fund', 'gov-fund'],
  'income.state-capital': ['fiscal.income.state-capital', 'state-capital'],
  'income.fiscal': ['fiscal.income.total', 'fiscal'],
  'income.opening-balance.general-budget': ['gb.opening-balance', 'general-budget'],
};

/** J1 收入支出决算总表, 预算01表, T1 财务收支预算总表: both halves. */
function summaryDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  for (const part of table.parts) {
    const primary = primaryColumn(part);
    if (!primary) continue;
    if (part.side === 'income') {
      for (const row of part.rows) {
        const label = cleanLabel(row.label);
        if (!row.key) continue;
        const [key, scope] = SUMMARY_INCOME[row.key] ?? [row.key, 'all' as FactScope];
        out.push({ key, scope, part, row, column: primary, names: [label].filter(isName) });
      }
    } else if (part.side === 'expenditure') {
      for (const row of part.rows) {
        const label = cleanLabel(row.label);
        const code = classCode(row);
        for (const column of part.columns) {
          const m = column === primary ? 'total' : column.key;
          if (!m) continue;
          if (code) {
            out.push({
              key: `class.${code}.${m}`,
              scope: 'all',
              code,
              part,
              row,
              column,
              names: m === 'total' ? classNames(code, label) : [],
            });
          } else if (row.key) {
            out.push({
              key: m === 'total' ? row.key : `${row.key}.${m}`,
              scope: 'all',
              part,
              row,
              column,
              names: m === 'total' ? [label].filter(isName) : [],
            });
          }
        }
      }
    }
  }
  return out;
}

/** J4 财政拨款收入支出决算总表, 预算04表, T4: fund lines, balances by fund, 类 lines per fund column. */
function fiscalSummaryDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  const balance = table.regime === 'juesuan' ? 'opening-balance' : 'carry-over';
  for (const part of table.parts) {
    const primary = primaryColumn(part);
    if (!primary) continue;
    if (part.side === 'income') {
      let section: 'main' | 'balance' = 'main';
      for (const row of part.rows) {
        const label = cleanLabel(row.label);
        const names = [label].filter(isName);
        const fund = fundOfLabel(label);
        if (row.key === 'income.opening-balance' || row.key === 'income.carry-over') {
          section = 'balance';
          out.push({ key: `fiscal.${row.key}`, scope: 'fiscal', part, row, column: primary, names });
        } else if (row.key === 'income.total' || row.key === 'income.grand-total') {
          out.push({ key: `fiscal.${row.key}`, scope: 'fiscal', part, row, column: primary, names });
        } else if (fund) {
          const key = section === 'main' ? `fiscal.income.${fund}` : `${FUND_PREFIX[fund]}${balance}`;
          out.push({ key, scope: fund, part, row, column: primary, names });
        }
      }
    } else if (part.side === 'expenditure') {
      for (const column of part.columns) {
        const prefix = column === primary ? 'fiscal.' : fundColumnPrefix(column);
        if (!prefix) continue;
        const scope = scopeOfPrefix(prefix);
        for (const row of part.rows) {
          const label = cleanLabel(row.label);
          const code = classCode(row);
          if (code) {
            out.push({
              key: `${prefix}class.${code}.total`,
              scope,
              code,
              part,
              row,
              column,
              names: classNames(code, label),
            });
          } else if (row.key === 'expenditure.total' || row.key === 'expenditure.grand-total') {
            out.push({ key: `${prefix}${row.key}`, scope, part, row, column, names: column === primary ? [label].filter(isName) : [] });
          } else if (row.key === 'expenditure.closing-balance') {
            const key = prefix === 'fiscal.' ? 'fiscal.expenditure.closing-balance' : `${prefix}closing-balance`;
            out.push({ key, scope, part, row, column, names: column === primary ? [label].filter(isName) : [] });
          }
        }
      }
    }
  }
  return out;
}

function fundColumnPrefix(column: TableColumn): string | undefined {
  switch (column.key) {
    case 'general-budget':
      return 'gb.';
    case 'gov-fund':
      return 'gov-fund.';
    case 'state-capital':
      return 'state-capital.';
    default:
      return undefined;
  }
}

const BASIC_MEASURE: Record<string, 'total' | 'personnel' | 'public'> = {
  amount: 'total',
  total: 'total',
  personnel: 'personnel',
  'basic.personnel': 'personnel',
  public: 'public',
  'basic.public': 'public',
};

/** J6 基本支出决算(明细)表 (blocks), 预算07表, T8: 人员经费/公用经费 totals and every economic 类/款 line. */
function basicDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  for (const part of table.parts) {
    for (const column of part.columns) {
      const m = column.key ? BASIC_MEASURE[column.key] : undefined;
      if (!m) continue;
      for (const row of part.rows) {
        const label = cleanLabel(row.label);
        const names = m === 'total' && row.key !== 'total' ? [label].filter(isName) : [];
        if (row.key === 'personnel.total' || row.key === 'public.total') {
          if (m === 'total') out.push({ key: `basic.${row.key}`, scope: 'general-budget', part, row, column, names });
        } else if (row.key === 'total') {
          const key = m === 'total' ? 'gb.expenditure.basic' : `basic.${m}.total`;
          out.push({ key, scope: 'general-budget', part, row, column, names });
        } else if (row.code && row.codeSystem === 'economic' && (row.code.length === 3 || row.code.length === 5)) {
          out.push({
            key: `basic.economic.${row.code}.${m}`,
            scope: 'general-budget',
            code: row.code,
            part,
            row,
            column,
            names: m === 'total' ? [label, `${label}（${row.code}）`].filter(isName) : [],
          });
        }
      }
    }
  }
  return out;
}

const THREE_ITEMS = new Set(['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.running', 'reception']);
const BASIS_PERIOD: Record<string, FactPeriod> = {
  actual: 'current',
  budget: 'budget',
  'initial-budget': 'initial-budget',
  'full-year-budget': 'full-year-budget',
};

const COUNT_ROWS: Array<[RegExp, string]> = [
  [/团组/, 'abroad-groups'],
  [/出国.*(人次|人数)/, 'abroad-persons'],
  [/购置数/, 'vehicle-purchases'],
  [/保有量/, 'vehicle-holdings'],
  [/国\(境\)外.*批次/, 'abroad-reception-batches'],
  [/国\(境\)外.*人次/, 'abroad-reception-persons'],
  [/外事.*批次/, 'reception-batches.foreign-affairs'],
  [/外事.*人次/, 'reception-persons.foreign-affairs'],
  [/接待.*批次/, 'reception-batches'],
  [/接待.*人次/, 'reception-persons'],
];

/** J7 “三公” (wide Wuhan, wide Shanghai, vertical Jiangxi), 预算08表, T9 (with 机关运行经费). */
function threePublicDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  const scope: FactScope = /一般公共预算/.test(table.title) ? 'general-budget' : 'fiscal';
  const yusuan = table.regime === 'yusuan';
  for (const part of table.parts) {
    const vertical = part.rows.some((r) => r.key?.startsWith('three.'));
    if (vertical) {
      for (const row of part.rows) {
        const label = cleanLabel(row.label);
        const item = row.key === 'total' ? 'total' : row.key?.startsWith('three.') ? row.key.slice('three.'.length) : undefined;
        const count = item ? undefined : COUNT_ROWS.find(([re]) => re.test(normSubject(label)))?.[1];
        for (const column of part.columns) {
          const basis = column.key && BASIS_PERIOD[column.key] ? column.key : undefined;
          if (!basis) continue;
          if (item) {
            out.push({
              key: `three-public.${basis}.${item}`,
              scope,
              period: BASIS_PERIOD[basis],
              part,
              row,
              column,
              names: [label].filter(isName),
            });
          } else if (count && basis === 'actual') {
            const unit = /[(（]([^()（）]{1,3})[)）]$/.exec(label)?.[1] ?? null;
            const name = label.replace(/[(（][^()（）]{1,3}[)）]$/, '');
            out.push({ key: `three-public.count.${count}`, scope, period: 'current', part, row, column, names: [name, label].filter(isName), unit });
          }
        }
      }
      continue;
    }
    // wide layouts: one figure row (the 合计 row when several rows are printed)
    const withNumbers = part.rows.filter((r) => r.cells.some((c) => c !== null));
    const row = withNumbers.find((r) => r.key === 'total') ?? withNumbers[0];
    if (!row) continue;
    for (const column of part.columns) {
      const k = column.key;
      if (!k) continue;
      if (k === 'organ-running') {
        out.push({ key: 'organ-running', scope, part, row, column });
        continue;
      }
      let basis: string;
      let item: string;
      const dot = k.indexOf('.');
      if (BASIS_PERIOD[k]) {
        basis = k;
        item = 'total';
      } else if (dot > 0 && BASIS_PERIOD[k.slice(0, dot)]) {
        basis = k.slice(0, dot);
        item = k.slice(dot + 1);
      } else {
        basis = yusuan ? 'budget' : 'actual';
        item = k;
      }
      if (!THREE_ITEMS.has(item)) continue;
      out.push({ key: `three-public.${basis}.${item}`, scope, period: BASIS_PERIOD[basis], part, row, column });
    }
  }
  return out;
}

/** 预算11表 项目支出预算表: 合计 and one fact per project (total column). */
function projectDrafts(table: RecognisedTable): Draft[] {
  const out: Draft[] = [];
  for (const part of table.parts) {
    const column = part.columns.find((c) => c.key === 'total') ?? part.columns[0];
    if (!column) continue;
    for (const row of part.rows) {
      const label = cleanLabel(row.label);
      if (row.key === 'total') out.push({ key: 'projects.total', scope: 'all', part, row, column, names: [] });
      else if (!row.code && !row.key && isName(label)) {
        out.push({ key: `projects.item.${normSubject(label)}`, scope: 'all', part, row, column, names: [label] });
      }
    }
  }
  return out;
}

/** 预算12/13表: the 合计 row, columns chosen by header text. */
function headerTotalDrafts(table: RecognisedTable, columns: Array<[RegExp, string]>): Draft[] {
  const out: Draft[] = [];
  for (const part of table.parts) {
    const row = part.rows.find((r) => r.key === 'total');
    if (!row) continue;
    const used = new Set<string>();
    for (const column of part.columns) {
      const last = normSubject(column.header[column.header.length - 1] ?? column.label);
      const hit = columns.find(([re, key]) => !used.has(key) && re.test(last));
      if (!hit) continue;
      used.add(hit[1]);
      out.push({ key: hit[1], scope: 'all', part, row, column });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// helpers

function isName(s: string): boolean {
  return /[\u4e00-\u9fa5]/.test(s);
}

/** The amount column of a half: 'amount' / 'total', else the first. */
function primaryColumn(part: TablePart): TableColumn | undefined {
  return part.columns.find((c) => c.key === 'amount') ?? part.columns.find((c) => c.key === 'total') ?? part.columns[0];
}

/** 类 code of a two-sided line: recognised, or from the name (“（廿一）其他支出” → 229). */
function classCode(row: TableRow): string | undefined {
  if (row.code && row.code.length === 3 && row.codeSystem === 'function') return row.code;
  if (row.key) return undefined;
  return classCodeForName(normSubject(cleanLabel(row.label)));
}

/**
 * Function-subject rows of a part: codes 2xx / 2xxxx / 2xxxxxx whose 类 line names a function class. A table keyed by
 * department and unit codes (预算02/06表: “205 武汉市…局”, “205001 …本级”) has none.
 */
function functionRows(part: TablePart, totalsOnly: boolean): Set<TableRow> {
  const out = new Set<TableRow>();
  if (totalsOnly) return out;
  if (part.rows.some((r) => r.codeSystem === 'unit' || (r.code && (r.code.length === 6 || r.code.length === 4)))) return out;
  for (const r of part.rows) {
    if (!r.code || r.codeSystem !== 'function' || !/^2\d{2}(?:\d{2}){0,2}$/.test(r.code)) continue;
    if (r.code.length === 3) {
      const name = normSubject(cleanLabel(r.label));
      if (classCodeForName(name) !== r.code && !/支出$|预备费$/.test(name)) continue;
    }
    out.add(r);
  }
  return out;
}

/** code → clean name of the function rows of a part. */
function subjectNames(part: TablePart): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of part.rows) if (r.code && !m.has(r.code)) m.set(r.code, cleanLabel(r.label));
  return m;
}

const CLASS_NAME = new Map(FUNCTION_CLASSES);

/** Names of a 类 line: “卫生健康支出”, “卫生健康支出（类）”, “卫生健康（类）支出”. */
function classNames(code: string, printed: string): string[] {
  const name = printed || CLASS_NAME.get(code) || '';
  if (!isName(name)) return [];
  const out = [name, `${name}（类）`];
  if (name.endsWith('支出') && !name.endsWith('的支出')) out.push(`${name.slice(0, -2)}（类）支出`);
  return out;
}

/** Names of a function row, with the 类（类）款（款）项（项） and 类-款-项 forms built from its ancestors. */
function functionNames(code: string, names: Map<string, string>): string[] {
  const own = names.get(code) ?? '';
  if (code.length === 3) return classNames(code, own);
  const cls = names.get(code.slice(0, 3)) || CLASS_NAME.get(code.slice(0, 3)) || '';
  if (code.length === 5) {
    const out = [own, `${own}（款）`];
    if (cls) out.push(`${cls}（类）${own}（款）`, `${cls}-${own}`);
    return out.filter(isName);
  }
  const sec = names.get(code.slice(0, 5)) ?? '';
  const out = [own, `${own}（项）`];
  if (cls && sec) out.push(`${cls}（类）${sec}（款）${own}（项）`, `${cls}-${sec}-${own}`);
  return out.filter(isName);
}
