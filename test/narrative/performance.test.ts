/**
 * The narrative's 预算绩效 sentences (N27–N29) against the performance self-evaluation forms:
 * - on the performance fixture books (the seeds' standard tables + forms + their real 情况说明): exactly the narrative
 *   inconsistencies pinned for the document's sheets book (real-narrative-inconsistencies.json) plus those pinned in
 *   real-performance-inconsistencies.json — the forms change nothing else — and every N29 project summary is linked;
 * - sentence by sentence on seed 004's forms: wrong 预算数 / 执行数, project count, year, 整体 and N27 funds, a rate that
 *   holds only if an amount was rounded, an unknown project, a budget item named like a project.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/exceljs';
import { buildFacts, type FactBase } from '../../src/facts';
import { checkNarrative, type VerifiedClaim } from '../../src/narrative/check';
import { recognise } from '../../src/recognise';
import { checkWorkbook } from '../../src/rules';

interface Pin {
  doc: string;
  rule: string;
  severity: string;
  cell: string;
  text: string;
  why: string;
}

const fixtures = path.join(__dirname, '..', 'fixtures');
const manifest: { books: Array<{ file: string; doc: string }> } = JSON.parse(fs.readFileSync(path.join(fixtures, 'books', 'performance-manifest.json'), 'utf8'));
const seedPins: Pin[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'real-narrative-inconsistencies.json'), 'utf8'));
const perfPins: { narrative: Pin[] } = JSON.parse(fs.readFileSync(path.join(fixtures, 'real-performance-inconsistencies.json'), 'utf8'));
const key = (x: { rule: string; severity: string; cell: string; text: string }) => `${x.rule}|${x.severity}|${x.cell}|${x.text}`;

/** project summaries (N29) per book: how many the narrative prints */
const SUMMARIES: Record<string, number> = { 'seed-000': 4, 'seed-001': 3, 'seed-002': 0, 'seed-004': 7 };

describe.each(manifest.books.map((b) => [b.file, b] as const))('%s', (_file, book) => {
  it('reports exactly the real narrative inconsistencies: the document’s own and those against its forms', async () => {
    const res = checkWorkbook(await readXlsxFile(path.join(fixtures, 'books', book.file)), { narrative: true });
    const got = res.findings
      .filter((f) => f.rule.startsWith('narrative.') && f.severity !== 'info')
      .map((f) => key({ rule: f.rule, severity: f.severity, cell: f.location.cell, text: f.text ?? '' }))
      .sort();
    const expected = [...seedPins.filter((p) => p.doc === book.doc), ...perfPins.narrative.filter((p) => p.doc === book.doc)].map(key).sort();
    expect(got).toEqual(expected);
  });

  it('links every project summary to its form', async () => {
    const wb = await readXlsxFile(path.join(fixtures, 'books', book.file));
    const rec = recognise(wb);
    const facts = buildFacts(wb, rec);
    const ns = wb.sheets.find((s) => s.name === '情况说明')!;
    const paragraphs = ns.rows.map((r, i) => ({ text: r?.[0]?.text ?? '', location: { sheet: '情况说明', cell: `A${i + 1}` } })).filter((p) => p.text);
    const verified: VerifiedClaim[] = [];
    const res = checkNarrative(paragraphs, facts, { reportYear: rec.tables.find((t) => t.year)?.year, onVerified: (e) => verified.push(e) });
    const summaries = verified.filter((v) => v.claim.kind === 'completion' && v.fact?.key.startsWith('performance.project.'));
    expect(new Set(summaries.map((v) => v.fact!.key)).size).toBe(SUMMARIES[book.doc]);
    expect(res.findings.filter((f) => f.rule === 'narrative.performance-unlinked')).toEqual([]);
  });
});

describe('sentence by sentence, on seed 004’s forms', () => {
  let facts: FactBase;
  beforeAll(async () => {
    const wb = await readXlsxFile(path.join(fixtures, 'books', 'seed-004-performance.xlsx'));
    facts = buildFacts(wb, recognise(wb));
  });
  const check = (...texts: string[]) => {
    const verified: VerifiedClaim[] = [];
    const res = checkNarrative(
      texts.map((text, i) => ({ text, location: { sheet: 'S', cell: `A${i + 1}` } })),
      facts,
      { reportYear: 2021, onVerified: (e) => verified.push(e) },
    );
    // the checker's own notes on what it could not link (“资金” names no table figure) are not what is tested here
    const findings = res.findings.filter((f) => f.severity !== 'info' || f.rule.startsWith('narrative.performance'));
    return { findings: findings.map((f) => [f.rule, f.severity, f.text]), verified };
  };

  it('a summary that restates its form verifies', () => {
    const r = check('3.政府买岗经费项目绩效自评综述：项目全年预算数为 6.7 万元，执行数为 6.43 万元，完成预算的 95.97%。主要产出和效益是：保障行政单位运行。');
    expect(r.findings).toEqual([]);
    expect(r.verified.map((v) => v.fact?.key)).toContain('performance.project.4.actual');
  });

  it('a wrong 执行数 or 预算数 is an error at the figure, with the form’s value', () => {
    expect(check('3.政府买岗经费项目绩效自评综述：项目全年预算数为 6.7 万元，执行数为 6.34 万元，完成预算的 94.63%。').findings).toEqual([
      ['narrative.performance-amount', 'error', '6.34 万元'],
    ]);
    expect(check('1.医疗救助项目绩效自评综述：项目全年预算数为 862 万元，执行数为 824.57 万元，完成预算的 95.66%。').findings).toEqual([
      ['narrative.performance-amount', 'error', '862 万元'],
    ]);
  });

  it('a rate that recomputes from the printed figures only if one of them was rounded is a warning', () => {
    // 824.57 ÷ 826 (read as 826.00, the form's other amounts are to 0.01) = 99.83 %, not 99.80 %
    expect(check('1.医疗救助项目绩效自评综述：项目全年预算数为 826 万元，执行数为 824.57 万元，完成预算的 99.80%。').findings).toEqual([
      ['narrative.performance-rate', 'warning', '99.80%'],
    ]);
    // and one that recomputes from nothing is the completion rule's error
    expect(check('1.医疗救助项目绩效自评综述：项目全年预算数为 826 万元，执行数为 824.57 万元，完成预算的 98.3%。').findings.map((f) => f[0])).toEqual([
      'narrative.completion',
    ]);
  });

  it('the number of projects and the year of the N29 head', () => {
    expect(check('我部门（单位）在 2021 年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及 7 个一级项目。').findings).toEqual([]);
    expect(check('我部门（单位）在 2020 年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及 6 个一级项目。').findings).toEqual([
      ['narrative.performance-year', 'error', '2020'],
      ['narrative.performance-count', 'error', '6 个'],
    ]);
  });

  it('the 整体 funds (N28) and the evaluated projects’ funds (N27)', () => {
    expect(check('我部门（单位）组织对 1 个部门（单位）开展整体支出绩效自评，资金 1057.52 万元，从评价情况来看，资金使用规范。').findings).toEqual([]);
    expect(check('我部门（单位）组织对 1 个部门（单位）开展整体支出绩效自评，资金 878.32 万元，从评价情况来看，资金使用规范。').findings).toEqual([
      ['narrative.performance-funds', 'warning', '878.32 万元'],
    ]);
    expect(check('我部门（单位）组织对 2 个部门（单位）开展整体支出绩效自评，资金 1057.52 万元。').findings).toEqual([
      ['narrative.performance-count', 'error', '2 个'],
    ]);
    const n27 = (n: number, a: string) => `根据预算绩效管理要求，我部门（单位）组织对 2021 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 ${n} 个，资金 ${a} 万元。`;
    expect(check(n27(7, '887.35')).findings).toEqual([]); // Σ of the seven forms' budgets
    expect(check(n27(7, '878.31')).findings).toEqual([]); // Σ of their actuals
    expect(check(n27(7, '880')).findings).toEqual([['narrative.performance-funds', 'error', '880 万元']]);
    expect(check(n27(11, '870.31')).findings).toEqual([['narrative.performance-funds', 'info', '870.31 万元']]);
  });

  it('a summary of a project no form prints cannot be checked; a budget item named like a project is no error', () => {
    expect(check('8.信息化建设项目绩效自评综述：项目全年预算数为 50 万元，执行数为 40 万元，完成预算的 80%。').findings).toEqual([
      ['narrative.performance-unlinked', 'info', '50 万元，执行数为 40 万元，完成预算的 80%'],
    ]);
    const item = check('项目支出主要用于：医疗救助项目 491.57 万元，主要用于贫困居民医疗救助。');
    expect(item.findings.filter((f) => f[1] !== 'info')).toEqual([]);
  });
});
