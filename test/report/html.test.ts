/**
 * The HTML audit report (`crossfoot report`, `check --format html`): self-contained (no URLs, no scripts), every
 * finding present once, the narrative's wrong spans highlighted, text escaped, charts from facts; rendered in
 * Chromium (playwright-core + /usr/bin/chromium) and saved for docs/report.png (test/support/doc-image.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import { chromium } from 'playwright-core';
import { checkFile } from '../../src/cli/check';
import { buildHtmlReport, highlightSpans, renderHtmlReport } from '../../src/report/html';
import { formatWan, percent } from '../../src/report/charts';
import { CHROMIUM_ARGS } from '../e2e/support/browser';
import { CHROMIUM, skipReason } from '../e2e/support/env';
import { finding, report as handReport } from '../cli/check-helpers';
import { runCli } from '../cli/helpers';
import { docImagePath } from '../support/doc-image';

const BOOKS = path.relative(process.cwd(), path.join(__dirname, '..', 'fixtures', 'books'));
const BOOK = path.join(BOOKS, 'seed-001-sheets.xlsx');
const PRIOR = path.join(BOOKS, 'seed-000-sheets.xlsx');
const WHEN = new Date(2024, 5, 30, 9, 30);

let dir: string;
let html: string;
let report: Awaited<ReturnType<typeof buildHtmlReport>>['report'];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossfoot-html-'));
  ({ html, report } = await buildHtmlReport(BOOK, { version: '9.8.7', prior: PRIOR, generatedAt: WHEN }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('structure', () => {
  test('self-contained: no URLs, scripts, links, images or external fonts', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
  });

  test('header: department, year, file, sha256, rule-pack versions, tool version, prior', () => {
    expect(html).toContain('<h1>武汉市蔡甸区医疗保障局（本级）2023年度部门决算审核报告</h1>');
    expect(html).toContain('b427b1e06f9934f601589d7e864c5175b13b5f9d159b18d73e172a2cff122196');
    for (const p of report.packs) expect(html).toContain(`${p.id} ${p.version}`);
    expect(html).toContain('crossfoot 9.8.7');
    expect(html).toContain('2024-06-30 09:30');
    expect(html).toContain(`<dd>${PRIOR}</dd>`);
  });

  test('every finding appears exactly once (data-finding), with its figures', () => {
    expect(report.findings.length).toBeGreaterThan(10);
    for (const f of report.findings) {
      const rows = html.split(`data-finding="${f.id}"`).length - 1;
      expect({ id: f.id, rows }).toEqual({ id: f.id, rows: 1 });
    }
    const total = (html.match(/data-finding="/g) ?? []).length;
    expect(total).toBe(report.findings.length);
    const withAmounts = report.findings.find((f) => f.severity !== 'info' && f.expected !== undefined)!;
    const row = html.slice(html.indexOf(`data-finding="${withAmounts.id}"`)).split('</tr>')[0];
    expect(row).toContain(`<td class="num">${withAmounts.expected}</td>`);
  });

  test('the narrative: each wrong claim is highlighted at its span with the finding message as title', () => {
    const wrong = report.findings.filter((f) => f.span && (f.severity === 'error' || f.severity === 'warning'));
    expect(wrong.length).toBeGreaterThan(0);
    for (const f of wrong) {
      const m = new RegExp(`<mark class="sev-${f.severity}" data-span="${f.id}" title="([^"]*)">([^<]*)</mark>`).exec(html);
      expect(m).not.toBeNull();
      expect(unescape(m![2])).toBe(f.text);
      expect(unescape(m![1])).toBe(f.message.replace(/\s+/g, ' ').trim());
    }
  });

  test('charts: 收入结构 donut, 支出结构 bars and the two year-on-year pairs with the prior year', () => {
    for (const s of ['收入结构', '支出结构', '收支总计', '财政拨款收支']) expect(html).toContain(`<figcaption>${s}`);
    expect((html.match(/<svg class="chart/g) ?? []).length).toBe(4);
    expect(html).toContain('>上年<');
    expect(html).not.toContain('未提供上年工作簿');
    // bar labels print the exact table figures
    expect(html).toContain('基本支出');
    expect(html).toContain('243.12');
  });

  test('without --prior: this year only, with a note; en-US text with --lang', async () => {
    const { html: en } = await buildHtmlReport(BOOK, { version: '1', lang: 'en-US', narrative: false, generatedAt: WHEN });
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en-US">')).toBe(true);
    expect(en).toContain('No last year&#39;s workbook (--prior): this year only.');
    expect(en).toContain('Income by source');
    expect(en).not.toContain('>Last year<');
    expect(en).not.toMatch(/https?:/);
  });

  test('escaping: <&> and quotes in messages, sheet names, paragraphs and titles', () => {
    const nasty = finding({
      id: 'n1',
      severity: 'error',
      message: 'x < y && y > "z" \'q\'',
      location: { sheet: '<script>&', cell: 'B2' },
      suspect: { sheet: 'S', cell: 'C3', reason: '<b>bold</b>' },
      table: undefined,
    });
    const claim = finding({
      id: 'n2',
      rule: 'narrative.sum',
      severity: 'warning',
      message: 'claim <wrong>',
      location: { sheet: '情况说明', cell: 'A3' },
      span: { start: 4, end: 12 },
      text: '<b>&amp;',
    });
    const r = handReport([nasty, claim]);
    r.recognition.tables[0].title = '表<1>&';
    const page = renderHtmlReport({
      report: r,
      paragraphs: [{ text: 'abc <b>&amp; def', location: { sheet: '情况说明', cell: 'A3' } }],
      sha256: '0'.repeat(64),
      version: '1',
      generatedAt: WHEN,
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<wrong>');
    expect(page).toContain('x &lt; y &amp;&amp; y &gt; &quot;z&quot; &#39;q&#39;');
    expect(page).toContain('&lt;script&gt;&amp;');
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(page).toContain('abc <mark class="sev-warning" data-span="n2" title="claim &lt;wrong&gt;">&lt;b&gt;&amp;amp;</mark> def');
    expect(highlightSpans('a&b', [{ start: 1, end: 2, severity: 'error', title: 't', id: 'i' }])).toBe(
      'a<mark class="sev-error" data-span="i" title="t">&amp;</mark>b',
    );
  });

  test('amount labels are exact decimals', () => {
    expect(formatWan(new Decimal('1234567.891'))).toBe('1,234,567.891');
    expect(formatWan(new Decimal('8695.940834'))).toBe('8,695.940834');
    expect(formatWan(new Decimal('12'))).toBe('12.00');
    expect(percent(new Decimal('1'), new Decimal('3'))).toBe('33.3');
  });
});

describe('command line', () => {
  test('crossfoot report -o: writes the page, one line on stdout, exit 0 (1 with --fail-on error)', async () => {
    const out = path.join(dir, '报告.html');
    const r = await runCli(['report', BOOK, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已生成审核报告：${out}\n`);
    const page = fs.readFileSync(out, 'utf8');
    expect(page).toContain('审核报告');
    expect((page.match(/data-finding="/g) ?? []).length).toBe((await checkFile(BOOK)).findings.length);
    expect((await runCli(['report', BOOK, '-o', out, '--fail-on', 'error'])).code).toBe(1);
  });

  test('the default output is next to the workbook; the workbook itself is refused', async () => {
    const book = path.join(dir, 'book.xlsx');
    fs.copyFileSync(BOOK, book);
    const r = await runCli(['report', book, '--tables-only', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'book.html'))).toBe(true);
    const bad = await runCli(['report', book, '-o', book]);
    expect(bad.code).toBe(2);
    expect(bad.errLines).toEqual([`参数有误：报告文件不能是被审核的工作簿本身（${book}）。`]);
    expect(fs.readFileSync(book).equals(fs.readFileSync(BOOK))).toBe(true);
  });

  test('check --format html prints the page on stdout', async () => {
    const r = await runCli(['check', path.join(BOOKS, 'sh-sifaju-2026-sheets.xlsx'), '--format', 'html', '--tables-only']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).not.toMatch(/https?:/);
  });
});

const skip = skipReason();
(skip ? describe.skip : describe)('rendered in Chromium', () => {
  test('renders with CJK text, four charts and highlighted spans; saved for docs/report.png', async () => {
    const file = path.join(dir, 'render.html');
    fs.writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1300 }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto(`file://${file}`);
      expect(requests).toEqual([]);
      expect(await page.locator('svg.chart').count()).toBe(4);
      expect(await page.locator('mark.sev-error').count()).toBeGreaterThan(0);
      const h1 = await page.locator('h1').boundingBox();
      expect(h1!.height).toBeGreaterThan(20);
      // the charts are drawn (non-zero size) and do not overflow their cards
      for (const box of await page.locator('figure.chart-card').evaluateAll((els) => els.map((e) => [e.scrollWidth, e.clientWidth]))) {
        expect(box[0]).toBeLessThanOrEqual(box[1]);
      }
      const png = await page.screenshot({ fullPage: false });
      expect(png.length).toBeGreaterThan(50_000);
      fs.writeFileSync(docImagePath('report.png'), png);
    } finally {
      await browser.close();
    }
  });
});
