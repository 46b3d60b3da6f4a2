/**
 * The chat's tools see the performance self-evaluation forms' facts and findings (they read facts and findings
 * generically), and an answer about them is verified like any other: seed 004's and seed 001's performance books.
 */
import * as path from 'node:path';
import { readXlsxFile } from '../../adapters/exceljs';
import { buildChatContext, type ChatContext } from './context';
import { runToolCall, type ToolOutcome } from './tools';
import { verifyAnswer } from './verify';

const books = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'books');

async function context(file: string): Promise<ChatContext> {
  return buildChatContext(await readXlsxFile(path.join(books, file)));
}

async function call(ctx: ChatContext, name: string, args: unknown): Promise<ToolOutcome> {
  return runToolCall({ id: 'c1', name, arguments: JSON.stringify(args) }, { ctx, newProposalId: () => 'p1' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = (o: ToolOutcome): any => {
  expect(o.ok).toBe(true);
  return o.data;
};

describe('seed 004’s forms', () => {
  let ctx: ChatContext;
  beforeAll(async () => {
    ctx = await context('seed-004-performance.xlsx');
  });

  it('get_fact by key and by the project’s name, with the cell', async () => {
    const rate = data(await call(ctx, 'get_fact', { key: 'performance.project.4.rate' }));
    expect(rate.fact).toMatchObject({ key: 'performance.project.4.rate', printed: '95.93%', unit: '%', cell: '政府买岗!F9', label: '政府买岗经费执行率' });
    const byName = data(await call(ctx, 'get_fact', { label: '政府买岗经费' }));
    expect(byName.fact).toMatchObject({ key: 'performance.project.4.actual', printed: '6.43', cell: '政府买岗!E9' });
    const budget = data(await call(ctx, 'get_fact', { label: '政府买岗经费', period: 'full-year-budget' }));
    expect(budget.fact).toMatchObject({ key: 'performance.project.4.budget', printed: '6.7' });
  });

  it('search_facts finds every figure of a project', async () => {
    const found = data(await call(ctx, 'search_facts', { text: '政府买岗', limit: 10 }));
    expect(found.candidates.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['performance.project.4.budget', 'performance.project.4.actual', 'performance.project.4.rate', 'performance.project.4.total-score']),
    );
  });

  it('an answer restating the forms verifies; a wrong 执行数 does not', async () => {
    const outcomes = [await call(ctx, 'get_fact', { label: '政府买岗经费' })];
    expect(verifyAnswer('政府买岗经费项目全年预算数为6.7万元，执行数为6.43万元，完成预算的95.97%，自评总分99.19分。', ctx, outcomes)).toEqual([]);
    const wrong = verifyAnswer('政府买岗经费项目全年预算数为6.7万元，执行数为6.34万元，完成预算的94.63%。', ctx, outcomes);
    // the rate recomputed from the wrong figure is not verified either
    expect(wrong.map((p) => [p.kind, p.text])).toEqual([
      ['amount', '6.34万元'],
      ['percentage', '94.63%'],
    ]);
  });
});

it('list_findings reports the forms’ findings (seed 001: 合计 lines printed blank)', async () => {
  const ctx = await context('seed-001-performance.xlsx');
  const found = data(await call(ctx, 'list_findings', { rule: 'performance.funds-sum' }));
  expect(found.findings.map((f: { where: string }) => f.where).sort()).toEqual(['附件三!B7', '附件二!B7', '附件四!B7']);
});
