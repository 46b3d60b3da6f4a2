/** Facts of the performance self-evaluation forms: keys, values with their cells, labels and lookups. */
import * as path from 'path';
import { readXlsxFile } from '../adapters/exceljs';
import { memoryWorkbook } from '../adapters/memory';
import { recognise } from '../recognise';
import { buildFacts, projectNames, wanAmount, type FactBase } from './index';

const books = path.join(__dirname, '..', '..', 'test', 'fixtures', 'books');

describe('the forms of seed 004 (Wuhan layout)', () => {
  let facts: FactBase;
  beforeAll(async () => {
    const wb = await readXlsxFile(path.join(books, 'seed-004-performance.xlsx'));
    facts = buildFacts(wb, recognise(wb));
  });

  it('names every figure of a project form by meaning, with its cell', () => {
    const show = (k: string) => {
      const f = facts.byKey(k)!;
      return `${f.value.raw} ${f.unit} ${f.period} ${f.cell.sheet}!${f.cell.cell} ${f.entity}`;
    };
    expect(show('performance.project.4.budget')).toBe('6.7 万元 full-year-budget 政府买岗!D9 政府买岗经费');
    expect(show('performance.project.4.actual')).toBe('6.43 万元 current 政府买岗!E9 政府买岗经费');
    expect(show('performance.project.4.rate')).toBe('95.93% % current 政府买岗!F9 政府买岗经费');
    expect(show('performance.project.4.score')).toBe('19.19 分 current 政府买岗!G9 政府买岗经费');
    expect(show('performance.project.4.total-score')).toBe('99.19 分 current 政府买岗!G19 政府买岗经费');
    // a figure printed with its unit word is read without it
    expect(facts.byKey('performance.project.7.total-score')!.value.value!.toString()).toBe('98.93');
    expect(wanAmount(facts.byKey('performance.project.1.budget')!)).toMatchObject({ decimals: 0, raw: '826' });
  });

  it('the 整体 form and the number of project forms', () => {
    expect(['budget', 'actual', 'rate', 'score', 'total-score', 'basic', 'project'].map((m) => facts.byKey(`performance.overall.${m}`)!.value.raw)).toEqual([
      '1086.7',
      '1057.52',
      '97.31%',
      '19.46 分',
      '99.46 分',
      '179.2 万元',
      '878.32 万元',
    ]);
    const count = facts.byKey('performance.projects.count')!;
    expect([count.value.raw, count.unit, `${count.cell.sheet}!${count.cell.cell}`]).toEqual(['7', '个', '医疗救助!A1']);
  });

  it('the names a narrative uses find the project, the actual first; the measure words find the measure', () => {
    expect(facts.lookup('医疗救助')[0].key).toBe('performance.project.1.actual');
    expect(facts.lookup('政府买岗经费全年预算数')[0].key).toBe('performance.project.4.budget');
    expect(facts.lookup('政府买岗经费执行率')[0].key).toBe('performance.project.4.rate');
    expect(facts.lookup('文明创建、党建、综治、档案、老干工作经费项目')[0].key).toBe('performance.project.3.actual');
    expect(facts.lookup('一级项目')[0].key).toBe('performance.projects.count');
    expect(facts.lookup('部门整体支出总额')[0].key).toBe('performance.overall.actual');
  });
});

it('projectNames: as printed, without the year, 项目 or 经费', () => {
  expect(projectNames('2023 年综合性工作经费')).toEqual([
    '2023 年综合性工作经费',
    '2023年综合性工作经费',
    '综合性工作经费',
    '2023年综合性工作经费项目',
    '综合性工作经费项目',
    '2023 年综合性工作',
    '2023年综合性工作',
    '综合性工作',
  ]);
  expect(projectNames('医疗救助')).toEqual(['医疗救助', '医疗救助项目']);
});

it('the national form: every funding line, 年初 and 全年 budgets', () => {
  const rows = [
    ['项目支出绩效自评表'],
    ['项目名称', '社区医疗保障服务提升'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', '100', '120', '110.5', '10', '92.08%', '9.21'],
    [null, '其中：当年财政拨款', '100', '110', '102.5', null, '93.18%', null],
    [null, '上年结转资金', null, '10', '8', null, '80.00%', null],
    [null, '其他资金', null, null, null, null, null, null],
  ];
  const wb = memoryWorkbook([{ name: 'S', rows, merges: ['A3:A7'] }]);
  const facts = buildFacts(wb, recognise(wb));
  const keys = facts.facts.filter((f) => f.key.startsWith('performance.')).map((f) => `${f.key}=${f.value.raw}@${f.cell.cell}`);
  expect(keys).toEqual([
    'performance.project.1.budget=120@D4',
    'performance.project.1.initial-budget=100@C4',
    'performance.project.1.actual=110.5@E4',
    'performance.project.1.rate=92.08%@G4',
    'performance.project.1.weight=10@F4',
    'performance.project.1.score=9.21@H4',
    'performance.project.1.funds.current.budget=110@D5',
    'performance.project.1.funds.current.actual=102.5@E5',
    'performance.project.1.funds.current.rate=93.18%@G5',
    'performance.project.1.funds.carry-over.budget=10@D6',
    'performance.project.1.funds.carry-over.actual=8@E6',
    'performance.project.1.funds.carry-over.rate=80.00%@G6',
    'performance.projects.count=1@A1',
  ]);
  expect(facts.byKey('performance.project.1.initial-budget')!.period).toBe('initial-budget');
  expect(facts.lookup('社区医疗保障服务提升上年结转资金全年预算数')[0].key).toBe('performance.project.1.funds.carry-over.budget');
});
