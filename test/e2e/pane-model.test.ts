/** The task pane's pure parts: counts, grouping and filters, selection, language detection, catalogs. */
import { LANGS } from '../../src/i18n';
import type { Finding } from '../../src/rules/types';
import type { RecognisedTable } from '../../src/model/table';
import { detectLang } from '../../addin/taskpane/lang';
import { paneMessages, translator } from '../../addin/taskpane/messages';
import { previewMessages } from '../../addin/preview/messages';
import {
  countFindings,
  DEFAULT_FILTERS,
  groupFindings,
  otherSheetCells,
  selectionFor,
  sortBySeverity,
  tablesWithFindings,
  waivedFindings,
} from '../../addin/taskpane/model';

function finding(p: Partial<Finding> & Pick<Finding, 'id' | 'severity'>): Finding {
  return {
    rule: 'r',
    status: 'fail',
    verdict: 'fails',
    message: p.id,
    location: { sheet: 'S', cell: 'A1' },
    cells: [],
    ...p,
  };
}

function table(id: string): RecognisedTable {
  return { id, kind: 'juesuan.income', sheet: 'S', range: 'A1:C9' } as RecognisedTable;
}

const tables = [table('t1'), table('t2')];
const findings: Finding[] = [
  finding({ id: 'w1', severity: 'warning', table: 't1', location: { sheet: 'S', cell: 'B3' } }),
  finding({ id: 'e2', severity: 'error', table: 't1', location: { sheet: 'S', cell: 'C9' } }),
  finding({ id: 'e1', severity: 'error', table: 't1', location: { sheet: 'S', cell: 'C2' } }),
  finding({ id: 'r1', severity: 'info', verdict: 'rounding', table: 't2' }),
  finding({ id: 'c1', severity: 'info', verdict: 'cannot', status: 'cannot-evaluate', table: 't2' }),
  finding({ id: 'e3', severity: 'error', table: 't2', waived: { reason: 'ok', at: '2024-01-01' } }),
  finding({ id: 'x1', severity: 'warning', table: 'unknown' }),
  finding({ id: 'm1', severity: 'warning', status: 'cannot-evaluate', verdict: 'cannot', table: 't2' }),
];

describe('pane model', () => {
  it('counts open findings; waived ones apart', () => {
    expect(countFindings(findings, 308)).toEqual({ errors: 2, warnings: 3, rounding: 1, cannot: 1, passed: 308, waived: 1 });
  });

  it('groups by table in recognition order, other last, errors first then by position', () => {
    const groups = groupFindings(findings, tables, DEFAULT_FILTERS);
    expect(groups.map((g) => [g.id, g.findings.map((f) => f.id)])).toEqual([
      ['t1', ['e1', 'e2', 'w1']],
      ['t2', ['m1']],
      ['', ['x1']],
    ]);
    const all = groupFindings(findings, tables, { severities: { error: true, warning: true, info: true }, table: null });
    expect(all[1].findings.map((f) => f.id)).toEqual(['m1', 'r1', 'c1']);
    const onlyT2Errors = groupFindings(findings, tables, { severities: { error: true, warning: false, info: false }, table: 't2' });
    expect(onlyT2Errors).toEqual([]);
    const other = groupFindings(findings, tables, { ...DEFAULT_FILTERS, table: '' });
    expect(other.map((g) => g.id)).toEqual(['']);
  });

  it('lists the tables with open findings and the waived findings', () => {
    expect(tablesWithFindings(findings, tables).map((t) => t.id)).toEqual(['t1', 't2']);
    expect(tablesWithFindings(findings.filter((f) => f.table !== 't1'), tables).map((t) => t.id)).toEqual(['t2']);
    expect(waivedFindings(findings).map((f) => f.id)).toEqual(['e3']);
    expect(sortBySeverity([findings[0], findings[1]]).map((f) => f.id)).toEqual(['e2', 'w1']);
  });

  it('selects the location first, then the other cells on its sheet, the suspect included', () => {
    const f = finding({
      id: 'e',
      severity: 'error',
      location: { sheet: '表3', cell: 'C13' },
      cells: [
        { sheet: '表3', cell: 'C13' },
        { sheet: '表3', cell: 'D13' },
        { sheet: '表1', cell: 'C7' },
        { sheet: '表3', cell: 'E13' },
      ],
      suspect: { sheet: '表3', cell: 'F13', reason: 'r' },
    });
    expect(selectionFor(f)).toEqual([
      { sheet: '表3', cell: 'C13' },
      { sheet: '表3', cell: 'D13' },
      { sheet: '表3', cell: 'E13' },
      { sheet: '表3', cell: 'F13' },
    ]);
    expect(otherSheetCells(f)).toEqual([{ sheet: '表1', cell: 'C7' }]);
  });
});

describe('pane language', () => {
  it('takes the stored choice, then Office, then the browser; zh-CN when nothing is known', () => {
    expect(detectLang({ stored: 'en-US', office: 'zh-CN' })).toBe('en-US');
    expect(detectLang({ stored: 'fr', office: 'zh-TW' })).toBe('zh-CN');
    expect(detectLang({ office: 'en-GB', browser: ['zh-CN'] })).toBe('en-US');
    expect(detectLang({ office: 'de-DE', browser: ['zh-CN'] })).toBe('en-US');
    expect(detectLang({ browser: ['fr-FR', 'zh-HK'] })).toBe('zh-CN');
    expect(detectLang({ browser: ['fr-FR'] })).toBe('en-US');
    expect(detectLang({ browser: [] })).toBe('zh-CN');
    expect(detectLang({})).toBe('zh-CN');
  });

  it('catalogs: every message renders non-empty text in both languages, summary labels as specified', () => {
    for (const catalog of [paneMessages, previewMessages]) {
      for (const lang of LANGS) {
        for (const [key, msg] of Object.entries(catalog[lang])) {
          const text = typeof msg === 'function' ? msg({ n: 2, errors: 1, warnings: 1, time: 't', date: 'd', author: 'a', detail: 'x', cells: 'c', cell: 'A1', allowance: '0.01', sheet: 's' }) : msg;
          expect(`${key}:${text.trim().length > 0}`).toBe(`${key}:true`);
        }
      }
    }
    const zh = translator('zh-CN');
    const en = translator('en-US');
    expect(['summary.errors', 'summary.warnings', 'summary.rounding', 'summary.cannot'].map((k) => zh(k as 'summary.errors'))).toEqual([
      '错误',
      '警告',
      '尾数差异',
      '无法核对',
    ]);
    expect(['summary.errors', 'summary.warnings', 'summary.rounding', 'summary.cannot'].map((k) => en(k as 'summary.errors'))).toEqual([
      'Errors',
      'Warnings',
      'Within rounding',
      'Cannot check',
    ]);
    expect(zh('marks.apply')).toBe('标记');
    expect(en('marks.clear')).toBe('Clear marks');
    expect(zh('finding.accept')).toBe('出错说明');
    expect(en('summary.tables', { n: 1 })).toBe('1 table recognised');
  });
});
