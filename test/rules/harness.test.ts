/** The scenario harness itself: builders lay tables out as printed, matching is exact, scenarios are classified. */
import * as fs from 'fs';
import * as path from 'path';
import { memoryWorkbook } from '../../src/adapters/memory';
import { recognise } from '../../src/recognise';
import { DEFAULT_PACKS } from '../../src/rules';
import type { Finding } from '../../src/rules/types';
import { cellAt, matchFindings, money, patch, recorded, runScenario, sheet, table, textAt, threePublicWide, twoSided, testRule } from './harness';

describe('builders', () => {
  it('money prints 2 decimals with thousands separators', () => {
    expect(money(1148.77)).toBe('1,148.77');
    expect(money(15800000)).toBe('15,800,000.00');
    expect(money(0.5)).toBe('0.50');
    expect(money(-12)).toBe('-12.00');
  });

  it('table: title, meta line, grouped header with merges, 栏次 row, body, notes', () => {
    const s = sheet(
      '表5',
      table({
        title: '一般公共预算财政拨款支出决算表',
        labels: ['功能分类科目编码', '科目名称'],
        columns: ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出'],
        lanci: true,
        rows: [[null, '合计', 10, 10, null]],
        notes: ['注：1栏各行=（2+3）栏各行。'],
      }),
    );
    expect(s.merges).toEqual(expect.arrayContaining(['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3', 'A7:E7']));
    expect(textAt([s], '表5!E2')).toBe('金额单位：万元');
    expect(textAt([s], '表5!C3')).toBe('本年支出');
    expect(textAt([s], '表5!D4')).toBe('基本支出');
    expect(textAt([s], '表5!A5')).toBe('栏次');
    expect(textAt([s], '表5!C6')).toBe('10.00');
    const t = recognise(memoryWorkbook([s])).tables[0];
    expect(t.kind).toBe('juesuan.general-budget-expenditure');
    expect(t.parts[0].columns.map((c) => [c.label, c.lanci, c.key])).toEqual([
      ['本年支出/小计', 1, 'total'],
      ['本年支出/基本支出', 2, 'basic'],
      ['本年支出/项目支出', 3, 'project'],
    ]);
    expect(t.notes).toHaveLength(1);
  });

  it('twoSided: 收入 | 支出 halves with 行次, recognised as two parts', () => {
    const s = sheet(
      '表1',
      twoSided({
        title: '收入支出决算总表',
        income: { columns: ['金额'] },
        expenditure: { columns: ['金额'] },
        hangci: true,
        rows: [
          [['一、一般公共预算财政拨款收入', 1, 5], ['一、一般公共服务支出', 3, 5]],
          [['总计', 2, 5], ['总计', 4, 5]],
        ],
      }),
    );
    const t = recognise(memoryWorkbook([s])).tables[0];
    expect(t.parts.map((p) => p.side)).toEqual(['income', 'expenditure']);
    expect(t.parts[1].rows.map((r) => [r.hangci, r.code, r.key])).toEqual([
      [3, '201', undefined],
      [4, undefined, 'expenditure.grand-total'],
    ]);
  });

  it('threePublicWide: one data row under the 预算数/决算数 groups', () => {
    const s = sheet('表7', threePublicWide({ title: '“三公”经费支出决算表', scopes: ['预算数', '决算数'], lanci: true, values: [6, 0, 5, 0, 5, 1, 6, 0, 5, 0, 5, 1] }));
    const t = recognise(memoryWorkbook([s])).tables[0];
    expect(t.kind).toBe('juesuan.three-public');
    expect(t.parts[0].columns.map((c) => c.key)).toEqual([
      'budget.total', 'budget.abroad', 'budget.vehicle', 'budget.vehicle.purchase', 'budget.vehicle.running', 'budget.reception',
      'actual.total', 'actual.abroad', 'actual.vehicle', 'actual.vehicle.purchase', 'actual.vehicle.running', 'actual.reception',
    ]);
  });

  it('patch replaces a cell without touching the original; cellAt finds a figure by its row label', () => {
    const s = [sheet('T', table({ title: '支出决算表', labels: ['项目'], columns: ['合计'], rows: [['合计', 1]] }))];
    const p = patch(s, { 'T!B4': '2.00' });
    expect(textAt(s, 'T!B4')).toBe('1.00');
    expect(textAt(p, 'T!B4')).toBe('2.00');
    expect(cellAt(s, 'T', '合计', 'B')).toBe('T!B4');
    expect(() => cellAt(s, 'T', '总计', 'B')).toThrow(/no row/);
  });
});

describe('matching', () => {
  const f = (over: Partial<Finding>): Finding => ({
    id: 'x',
    rule: 'r',
    severity: 'error',
    status: 'fail',
    verdict: 'fails',
    message: 'm',
    location: { sheet: 'S', cell: 'C7' },
    cells: [],
    ...over,
  });

  it('is exact and order-insensitive', () => {
    const a = f({});
    const b = f({ location: { sheet: 'S', cell: 'C8' }, suspect: { sheet: 'S', cell: 'D8', proposed: '1.00', reason: '' } });
    expect(matchFindings([{ severity: 'error', cell: 'C8', suspect: 'D8', proposed: '1.00' }, { severity: 'error', cell: 'S!C7' }], [a, b], 'r')).toBe(true);
    expect(matchFindings([{ severity: 'error', cell: 'C7' }], [a, b], 'r')).toBe(false); // one finding too many
    expect(matchFindings([{ severity: 'warning', cell: 'C7' }], [a], 'r')).toBe(false);
    expect(matchFindings([{ severity: 'error', cell: 'C7', suspect: null }], [a], 'r')).toBe(true);
    expect(matchFindings([{ severity: 'error', cell: 'C8', suspect: null }], [b], 'r')).toBe(false);
    expect(matchFindings([{ severity: 'error', cell: 'C8', proposed: '2.00' }], [b], 'r')).toBe(false);
    expect(matchFindings([{ rule: 'other', severity: 'error' }], [a], 'r')).toBe(false);
  });

  it('runScenario keeps the rule’s findings and drops rounding notes unless expected', () => {
    const sheets = [
      sheet(
        'T',
        table({ title: '支出决算表', labels: ['项目'], columns: ['本年支出合计', '基本支出', '项目支出'], rows: [['合计', 3.01, 1, 2]] }),
      ),
    ];
    expect(runScenario('juesuan.expenditure.columns', { name: 'x', sheets }).kept).toEqual([]);
    expect(runScenario('juesuan.expenditure.columns', { name: 'x', sheets, expect: [{ severity: 'info', verdict: 'rounding' }] }).kept).toHaveLength(1);
  });
});

// classification of scenarios for the coverage check
testRule('juesuan.expenditure.columns', [
  {
    name: 'a failing scenario',
    sheets: [sheet('T', table({ title: '支出决算表', labels: ['项目'], columns: ['本年支出合计', '基本支出', '项目支出'], rows: [['合计', 4, 1, 2]] }))],
    expect: [{ severity: 'error', cell: 'T!B4' }],
  },
  {
    name: 'a passing scenario',
    sheets: [sheet('T', table({ title: '支出决算表', labels: ['项目'], columns: ['本年支出合计', '基本支出', '项目支出'], rows: [['合计', 3, 1, 2]] }))],
  },
]);

it('scenarios are classified as pass / fail for the coverage check', () => {
  expect(recorded('juesuan.expenditure.columns')).toEqual({ fail: ['a failing scenario'], pass: ['a passing scenario'] });
});

it('every default pack has a scenario file that asserts its coverage', () => {
  for (const pack of DEFAULT_PACKS) {
    const file = path.join(__dirname, `${pack.id}.test.ts`);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^assertCoverage\(\w+\);$/m);
  }
});
