/**
 * The task pane in a real browser, against the production build in the preview host: check the sample, see the
 * error with its suspect, go to cells, mark and clear (the cells' own backgrounds restored exactly), accept a finding
 * with a reason, re-check live after an edit, switch language, and take the screenshot for the README.
 *
 * What the pane must show is computed here by running the engine on the very sample the build serves, so the test
 * follows the engine instead of pinning its numbers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { kindName } from '../../src/i18n/kinds';
import { MARK_STYLES, marksForFindings, type MarkKind } from '../../src/marks';
import { checkWorkbook, type CheckResult } from '../../src/rules';
import type { Finding } from '../../src/rules/types';
import type { PreviewSample } from '../../addin/preview/sample';
import { countFindings, selectionFor } from '../../addin/taskpane/model';
import { sheetRange } from '../../src/cli/format/table-summary';
import { buildFacts } from '../../src/facts';
import { checkNarrative, type NarrativeFinding } from '../../src/narrative/check';
import { documentMeta, draftSections } from '../../src/narrative/draft';
import { launchBrowser, type Browser } from './support/browser';
import { DIST_VAR, skipReason, URL_VAR } from './support/env';
import { docImagePath } from '../support/doc-image';

const SCREENSHOT = docImagePath('screenshot-taskpane.png'); // docs/ only with CROSSFOOT_UPDATE_DOCS=1
const reason = skipReason();
const suite = reason ? describe.skip : describe;
if (reason) process.stdout.write(`${reason}\n`);

/** "#FF9B9B" → "rgb(255, 155, 155)", as getComputedStyle reports colours. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

interface CellStyle {
  cell: string;
  background: string;
  weight: string;
}

suite('task pane in the browser preview (production build)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let broken: CheckResult;
  let clean: CheckResult;
  let errors: Finding[];
  const pageErrors: string[] = [];

  function loadSample(id: string): PreviewSample {
    const dist = process.env[DIST_VAR]!;
    return JSON.parse(fs.readFileSync(path.join(dist, 'samples', `${id}.json`), 'utf8')) as PreviewSample;
  }

  beforeAll(async () => {
    const url = process.env[URL_VAR];
    if (!url) throw new Error('the global setup did not build and serve the add-in (test/e2e/global-setup.ts)');
    base = url;
    broken = checkWorkbook(loadSample('seed-001-error').workbook, { lang: 'zh-CN' });
    clean = checkWorkbook(loadSample('seed-001').workbook, { lang: 'zh-CN' });
    errors = broken.findings.filter((f) => f.severity === 'error');
    browser = await launchBrowser({ locale: 'zh-CN', width: 1360, height: 900, scale: 2 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  /** A fresh preview of a sample: nothing stored (waivers, language) unless `keepStorage`. */
  async function open(sample = 'seed-001-error', keepStorage = false): Promise<void> {
    await page.goto(`${base}/preview.html?sample=${sample}`);
    if (!keepStorage) {
      await page.evaluate('window.localStorage.clear()');
      await page.reload();
    }
    await page.getByTestId('grid').waitFor();
    await page.getByTestId('check').waitFor();
  }

  async function check(): Promise<void> {
    await page.getByTestId('check').click();
    await page.getByTestId('summary').waitFor();
    await expectEnabled(page.getByTestId('check'));
  }

  async function expectEnabled(l: Locator): Promise<void> {
    await l.waitFor();
    await page.waitForFunction((el) => !(el as { disabled: boolean }).disabled, await l.elementHandle());
  }

  async function count(key: 'errors' | 'warnings' | 'rounding' | 'cannot'): Promise<number> {
    return Number(await page.locator(`[data-count="${key}"] dd`).innerText());
  }

  async function labels(): Promise<string[]> {
    return page.locator('[data-testid="summary"] [data-count] dt').allInnerTexts();
  }

  function card(f: Finding): Locator {
    return page.locator(`[data-testid="findings"] [data-finding="${f.id}"]`);
  }

  async function selectedCells(): Promise<string[]> {
    return page.locator('[data-testid="grid"] td[aria-selected="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') as string));
  }

  async function cellStyles(): Promise<CellStyle[]> {
    return page.locator('[data-testid="grid"] td[data-cell]').evaluateAll((els) =>
      els.map((e) => {
        const style = e.ownerDocument.defaultView.getComputedStyle(e);
        return { cell: e.getAttribute('data-cell') as string, background: style.backgroundColor as string, weight: style.fontWeight as string };
      }),
    );
  }

  function paneTab(name: string): Locator {
    return page.getByTestId('taskpane').getByRole('tab', { name, exact: true });
  }

  async function showSheet(name: string): Promise<void> {
    await page.locator(`[data-sheet-tab="${name}"]`).click();
    await page.locator(`[data-testid="grid"][data-sheet="${name}"]`).waitFor();
  }

  it('checks the sample: the counts of the engine, each error with its suspect, expected, actual and difference', async () => {
    await open();
    await page.getByText('核对当前工作簿').waitFor();
    await check();
    const expected = countFindings(broken.findings, broken.summary.passed);
    expect(expected.errors).toBeGreaterThan(0);
    expect({ errors: await count('errors'), warnings: await count('warnings'), rounding: await count('rounding'), cannot: await count('cannot') }).toEqual({
      errors: expected.errors,
      warnings: expected.warnings,
      rounding: expected.rounding,
      cannot: expected.cannot,
    });
    expect(await labels()).toEqual(['错误', '警告', '尾数差异', '无法核对']);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('errors');
    for (const f of errors) {
      const c = card(f);
      await expect(c.getAttribute('data-severity')).resolves.toBe('error');
      expect(await c.locator('[data-figure="expected"]').innerText()).toBe(f.expected);
      expect(await c.locator('[data-figure="actual"]').innerText()).toBe(f.actual);
      expect(await c.locator('[data-figure="difference"]').innerText()).toBe(f.difference);
      expect(await c.locator('[data-suspect]').getAttribute('data-suspect')).toBe('表3!D13');
      expect(await c.locator('[data-proposed]').innerText()).toBe('198.66');
      expect(await c.innerText()).toContain(f.suspect!.reason);
    }
    // infos are filtered out by default and can be shown
    const infos = broken.findings.filter((f) => f.severity === 'info').length;
    expect(await page.locator('[data-testid="findings"] [data-severity="info"]').count()).toBe(0);
    await page.getByTestId('filter-info').click();
    await expect(page.locator('[data-testid="findings"] [data-severity="info"]').count()).resolves.toBe(infos);

    // the table filter keeps one table's findings
    const warning = broken.findings.find((f) => f.severity === 'warning' && f.table)!;
    const table = broken.recognition.tables.find((t) => t.id === warning.table)!;
    await page.getByTestId('filter-table').click();
    await page.getByRole('option', { name: kindName(table.kind, 'zh-CN'), exact: true }).click();
    await page.locator(`[data-testid="findings"] [data-group]:only-child[data-group="${table.id}"]`).waitFor();
    const shown = await page.locator('[data-testid="findings"] [data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding') as string));
    expect(shown.sort()).toEqual(broken.findings.filter((f) => f.table === table.id).map((f) => f.id).sort());
  });

  it('clicking a finding selects its cells in the grid; arrow keys and Enter do the same from the keyboard', async () => {
    await open();
    await check();
    const f = errors[0];
    await card(f).locator('p').first().click();
    await page.locator(`[data-testid="grid"][data-sheet="${f.location.sheet}"]`).waitFor();
    const want = selectionFor(f).map((r) => r.cell);
    await page.waitForFunction(
      (n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('td[aria-selected="true"]').length === n,
      want.length,
    );
    expect((await selectedCells()).sort()).toEqual([...want].sort());
    expect(await page.getByTestId('namebox').innerText()).toMatch(new RegExp(`^${f.location.cell}\\b`));

    // keyboard: the focused finding moves with ↓, Enter goes to its cells
    const listed = await page.locator('[data-testid="findings"] [data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding') as string));
    await page.locator(`[data-finding="${listed[0]}"]`).focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-finding")');
    expect(focused).toBe(listed[1]);
    await page.keyboard.press('Enter');
    const second = broken.findings.find((x) => x.id === listed[1])!;
    await page.waitForFunction(
      (cell) => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(`td[data-cell="${cell}"][aria-selected="true"]`) !== null,
      second.location.cell,
    );
    expect((await selectedCells()).sort()).toEqual(selectionFor(second).map((r) => r.cell).sort());

    // the suspect cell alone
    await card(f).locator('[data-suspect] button').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('td[aria-selected="true"]').length === 1);
    expect(await selectedCells()).toEqual(['D13']);
  });

  it('marks cells and clears the marks, restoring every cell\'s computed background and weight exactly', async () => {
    await open();
    await check();
    const marks = marksForFindings(broken.findings);
    const sheets = [...new Set(marks.map((m) => m.ref.sheet))];
    expect(sheets).toContain('表3');
    const before = new Map<string, CellStyle[]>();
    for (const sheet of sheets) {
      await showSheet(sheet);
      before.set(sheet, await cellStyles());
    }
    await page.getByTestId('mark').click();
    await expect(page.getByTestId('status').innerText()).resolves.toBe(`已标记 ${marks.length} 个单元格`);
    for (const sheet of sheets) {
      await showSheet(sheet);
      const wanted = new Map<string, MarkKind>(marks.filter((m) => m.ref.sheet === sheet).map((m) => [m.ref.cell, m.kind]));
      await page.waitForFunction(
        (cell) => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(`td[data-cell="${cell}"][data-mark]`) !== null,
        [...wanted.keys()][0],
      );
      const now = await cellStyles();
      const old = new Map(before.get(sheet)!.map((c) => [c.cell, c]));
      for (const c of now) {
        const kind = wanted.get(c.cell);
        if (kind) {
          expect([c.cell, c.background]).toEqual([c.cell, rgb(MARK_STYLES[kind].fill)]);
          if (MARK_STYLES[kind].bold) expect([c.cell, c.weight]).toEqual([c.cell, '700']);
        } else {
          expect(c).toEqual(old.get(c.cell));
        }
      }
    }
    await page.getByTestId('clear-marks').click();
    await expect(page.getByTestId('status').innerText()).resolves.toBe('已清除标记，单元格恢复原格式');
    for (const sheet of sheets) {
      await showSheet(sheet);
      expect(await cellStyles()).toEqual(before.get(sheet));
      expect(await page.locator('[data-testid="grid"] td[data-mark]').count()).toBe(0);
    }
  });

  it('accepts a finding with a reason: shown apart with the reason, kept after a reload, revocable', async () => {
    await open();
    await check();
    const f = errors[0];
    const reasonText = '经财政局批复，本年支出含上年结转资金，口径与总表不同。';
    await card(f).getByRole('button', { name: /出错说明/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '保存说明' }).click();
    await dialog.getByText('请填写说明理由。').waitFor();
    await dialog.getByRole('textbox').fill(reasonText);
    await dialog.getByRole('button', { name: '保存说明' }).click();
    await dialog.waitFor({ state: 'detached' });

    const waived = page.locator(`[data-testid="waived"] [data-finding="${f.id}"]`);
    await waived.waitFor();
    expect(await waived.locator('[data-waiver-reason]').innerText()).toBe(reasonText);
    expect(await card(f).count()).toBe(0);
    const expected = countFindings(broken.findings, broken.summary.passed);
    expect(await count('errors')).toBe(expected.errors - 1);

    await open('seed-001-error', true);
    await check();
    await waived.waitFor();
    expect(await waived.locator('[data-waiver-reason]').innerText()).toBe(reasonText);
    expect(await count('errors')).toBe(expected.errors - 1);

    await waived.getByRole('button', { name: '撤销说明' }).click();
    await card(f).waitFor();
    expect(await count('errors')).toBe(expected.errors);
    expect(await page.locator('[data-testid="waived"]').count()).toBe(0);
  });

  it('live mode checks again after a cell is edited in the workbook', async () => {
    await open();
    await check();
    expect(await count('errors')).toBeGreaterThan(0);
    await page.getByTestId('live').click();
    await showSheet('表3');
    await page.locator('td[data-cell="D13"]').dblclick();
    const editor = page.locator('td[data-cell="D13"] input');
    await editor.fill('198.66');
    await editor.press('Enter');
    await page.locator('[data-verdict]:not([data-verdict="errors"])').waitFor();
    const expected = countFindings(clean.findings, clean.summary.passed);
    expect(await count('errors')).toBe(0);
    expect(await count('warnings')).toBe(expected.warnings);
    expect(await count('rounding')).toBe(expected.rounding);
  });

  it('switches language: summary labels and finding messages follow (zh-CN ↔ en-US)', async () => {
    await open();
    await check();
    expect(await labels()).toEqual(['错误', '警告', '尾数差异', '无法核对']);
    await page.getByTestId('lang').click();
    await page.locator('[data-lang-option="en-US"]').click();
    await page.locator('[data-testid="taskpane"][data-lang="en-US"]').waitFor();
    expect(await labels()).toEqual(['Errors', 'Warnings', 'Within rounding', 'Cannot check']);
    const english = checkWorkbook(loadSample('seed-001-error').workbook, { lang: 'en-US' }).findings.find((x) => x.id === errors[0].id)!;
    expect(await card(errors[0]).innerText()).toContain(english.message);
    expect(await page.getByTestId('check').innerText()).toBe('Check again');
    await page.getByTestId('lang').click();
    await page.locator('[data-lang-option="zh-CN"]').click();
    await page.locator('[data-testid="taskpane"][data-lang="zh-CN"]').waitFor();
    expect(await labels()).toEqual(['错误', '警告', '尾数差异', '无法核对']);
    expect(await card(errors[0]).innerText()).toContain(errors[0].message);
  });

  it('narrative tab: findings with their claims highlighted, pasted text checked, a draft inserted only on confirm', async () => {
    const workbook = loadSample('seed-001-error').workbook;
    const withNarrative = checkWorkbook(workbook, { lang: 'zh-CN', narrative: true });
    const narrative = withNarrative.findings.filter((f) => f.rule.startsWith('narrative.')) as NarrativeFinding[];
    const serious = narrative.filter((f) => f.severity !== 'info');
    const infos = narrative.filter((f) => f.severity === 'info');
    expect(serious.length).toBeGreaterThan(0);
    const firstError = narrative.find((f) => f.severity === 'error')!;

    await open();
    await paneTab('情况说明').click();
    await page.getByTestId('narrative-no-check').waitFor();
    await paneTab('表格核对').click();
    await check();
    await paneTab('情况说明').click();
    const list = page.getByTestId('narrative-findings');
    await list.waitFor();

    // errors and warnings listed, errors first; infos counted and listed on request
    const cards = list.locator('[data-narrative-finding]');
    expect(await cards.count()).toBe(serious.length);
    expect(await cards.first().getAttribute('data-severity')).toBe('error');
    const first = cards.first();
    expect(await first.getAttribute('data-where')).toBe(sheetRange(firstError.location.sheet, firstError.location.cell));
    expect(await first.locator('mark[data-claim]').innerText()).toBe(firstError.text);
    expect(await first.locator('[data-message]').innerText()).toBe(firstError.message);
    const highlight = await first.locator('mark[data-claim]').evaluate((e) => e.ownerDocument.defaultView.getComputedStyle(e).backgroundColor as string);
    expect(highlight).not.toBe('rgba(0, 0, 0, 0)');
    await list.locator('[data-show-infos]').click();
    await expect(cards.count()).resolves.toBe(narrative.length);
    expect(await list.locator('[data-severity="info"]').count()).toBe(infos.length);

    // a click selects the paragraph's cell
    await first.click();
    await page.locator(`[data-testid="grid"][data-sheet="${firstError.location.sheet}"]`).waitFor();
    await page.locator(`td[data-cell="${firstError.location.cell}"][aria-selected="true"]`).waitFor();
    expect(await selectedCells()).toEqual([firstError.location.cell]);

    // pasted text: checked against the workbook's facts, located as 粘贴文本 ¶n
    const recognition = withNarrative.recognition;
    const facts = buildFacts(workbook, recognition);
    const pastedText = `这一行没有数字。\n${firstError.paragraph}`;
    const pastedExpected = checkNarrative([{ text: '这一行没有数字。', location: { file: '粘贴文本', paragraph: 1 } }, { text: firstError.paragraph, location: { file: '粘贴文本', paragraph: 2 } }], facts, {
      lang: 'zh-CN',
      reportYear: recognition.tables.find((t) => t.year)?.year,
    });
    await page.getByTestId('paste-check').click();
    await page.getByText('请先粘贴要核对的文字。').waitFor();
    await page.getByTestId('paste-text').fill(pastedText);
    await page.getByTestId('paste-check').click();
    const pastedCards = page.locator('[data-testid="paste-findings"] [data-narrative-finding]');
    await pastedCards.first().waitFor();
    expect(await pastedCards.count()).toBe(pastedExpected.findings.filter((f) => f.severity !== 'info').length);
    expect(await pastedCards.first().getAttribute('data-where')).toBe('粘贴文本 ¶2');
    expect(await pastedCards.first().locator('mark[data-claim]').innerText()).toBe(firstError.text);

    // drafts: choose a section, placeholders highlighted; Insert writes nothing before the confirm
    const sections = draftSections(facts, recognition, { ...documentMeta(workbook, recognition) });
    const section = sections.find((x) => x.paragraphs.length >= 2 && x.paragraphs.some((p) => p.placeholders.length > 0))!;
    expect(section).toBeDefined();
    await page.getByTestId('draft-section').click();
    await page.getByRole('option', { name: section.title, exact: true }).click();
    const draft = page.locator(`[data-testid="draft"][data-section="${section.id}"]`);
    await draft.waitFor();
    expect(await draft.locator('[data-draft-paragraph]').allTextContents()).toEqual(section.paragraphs.map((p) => p.text));
    expect(await draft.locator('mark[data-placeholder]').count()).toBe(section.paragraphs.reduce((n, p) => n + p.placeholders.length, 0));
    expect(await draft.locator('mark[data-placeholder]').first().innerText()).toMatch(/^【待补充：.+】$/);

    const narrativeSheet = workbook.sheets.find((x) => x.name === '情况说明')!;
    const firstFree = narrativeSheet.rows.length + 1;
    const targetInput = page.getByTestId('draft-target');
    expect(await targetInput.inputValue()).toBe(`情况说明!A${firstFree}`);
    await targetInput.fill('没有这个表!A1');
    await page.getByTestId('draft-insert').click();
    await page.getByText('工作簿中没有这个工作表。').waitFor();
    await targetInput.fill(`情况说明!A${firstFree}`);
    await page.getByTestId('draft-insert').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`情况说明!A${firstFree}:A${firstFree + section.paragraphs.length - 1}`);
    // the grid still shows the narrative sheet (selected from the finding above): nothing written yet
    await page.locator('[data-testid="grid"][data-sheet="情况说明"]').waitFor();
    expect(await page.locator(`td[data-cell="A${firstFree}"]`).textContent()).toBe('');
    await page.getByTestId('draft-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('draft-notice').innerText()).resolves.toBe(
      `已插入 ${section.paragraphs.length} 段文字到 情况说明!A${firstFree}:A${firstFree + section.paragraphs.length - 1}`,
    );
    for (let i = 0; i < section.paragraphs.length; i++) {
      expect(await page.locator(`[data-testid="grid"] td[data-cell="A${firstFree + i}"]`).textContent()).toBe(section.paragraphs[i].text);
    }
    expect(await targetInput.inputValue()).toBe(`情况说明!A${firstFree + section.paragraphs.length}`);

    // the other flows still work: mark and clear, check again (the inserted paragraphs are read as narrative)
    await paneTab('表格核对').click();
    await page.getByTestId('mark').click();
    await expect(page.getByTestId('status').innerText()).resolves.toMatch(/^已标记 \d+ 个单元格$/);
    await page.getByTestId('clear-marks').click();
    await expect(page.getByTestId('status').innerText()).resolves.toBe('已清除标记，单元格恢复原格式');
    await check();
    await paneTab('情况说明').click();
    await page.getByTestId('narrative-summary').waitFor();
    expect(await page.getByTestId('narrative-summary').innerText()).toMatch(new RegExp(`^${withNarrative.narrative!.paragraphs + section.paragraphs.length} 段文字`));
    expect(await page.getByTestId('draft-target').inputValue()).toBe(`情况说明!A${firstFree + section.paragraphs.length}`);
  });

  it('takes the screenshot of the pane with findings (docs/screenshot-taskpane.png)', async () => {
    await open();
    await check();
    await card(errors[0]).locator('p').first().click();
    await page.mouse.move(0, 0);
    await page.getByTestId('taskpane').screenshot({ path: SCREENSHOT, animations: 'disabled' });
    const png = fs.readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(700); // 2× device pixels, crisp Chinese text
  });
});
