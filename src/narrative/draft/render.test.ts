import Decimal from 'decimal.js';
import { formatDecimal, join, paragraph, ParagraphBuilder, placeholderText, render, slotNames, tpl } from './render';
import { allTemplates } from './wording';

describe('formatDecimal', () => {
  it('rounds half-up at the printed decimals, exactly (no binary floating point)', () => {
    expect(formatDecimal(new Decimal('2.675'), 2)).toBe('2.68');
    expect(formatDecimal(new Decimal('1.005'), 2)).toBe('1.01');
    expect(formatDecimal(new Decimal('86.1195'), 2)).toBe('86.12');
    expect(formatDecimal(new Decimal('54.8995'), 1)).toBe('54.9');
    expect(formatDecimal(new Decimal('99.995'), 2)).toBe('100.00');
    expect(formatDecimal(new Decimal('8695.940834'), 2)).toBe('8695.94');
    expect(formatDecimal(new Decimal('0'), 2)).toBe('0.00');
    expect(formatDecimal(new Decimal('-0.001'), 2)).toBe('0.00');
    expect(formatDecimal(new Decimal('-2.675'), 2)).toBe('-2.68');
  });

  it('groups thousands only when asked', () => {
    expect(formatDecimal(new Decimal('37151.465'), 2)).toBe('37151.47');
    expect(formatDecimal(new Decimal('37151.465'), 2, true)).toBe('37,151.47');
    expect(formatDecimal(new Decimal('1057.52'), 2, true)).toBe('1,057.52');
    expect(formatDecimal(new Decimal('999.5'), 0, true)).toBe('1,000');
    expect(formatDecimal(new Decimal('-1234567.891'), 1, true)).toBe('-1,234,567.9');
  });
});

describe('render', () => {
  it('records the span of every figure and placeholder as it writes them', () => {
    const p = paragraph('{Y}年度收入合计{A}万元，比上年{ph}。', {
      Y: '2023',
      A: (b) => {
        b.figure({ factKey: 'income.total', cell: { sheet: '表1', cell: 'C33' }, printed: '442.86', kind: 'amount', unit: '万元' }, '');
      },
      ph: (b) => {
        b.placeholder('prior', '2022年度决算数');
      },
    });
    expect(p.text).toBe('2023年度收入合计442.86万元，比上年【待补充：2022年度决算数】。');
    expect(p.figures).toHaveLength(1);
    expect(p.text.slice(...p.figures[0].span)).toBe('442.86');
    expect(p.placeholders).toEqual([{ kind: 'prior', label: '2022年度决算数', span: [22, 22 + placeholderText('2022年度决算数').length] }]);
    expect(p.text.slice(...p.placeholders[0].span)).toBe('【待补充：2022年度决算数】');
  });

  it('renders nested templates and joined lists, skipping undefined parts', () => {
    const b = new ParagraphBuilder();
    render(b, '其中：{lines}。', { lines: join([tpl('{a}万元', { a: '1.00' }), undefined, tpl('{a}万元', { a: '2.00' })], '；') });
    expect(b.build().text).toBe('其中：1.00万元；2.00万元。');
  });

  it('refuses a template slot without a value (a bug in the template data)', () => {
    expect(() => paragraph('{Y}年度{missing}', { Y: '2023' })).toThrow(/\{missing\}/);
  });

  it('every template of the wording data uses only the documented slots', () => {
    const known = new Set([
      'Y', 'PY', 'dept', 'S', 'each', 'delta', 'pct', 'noun', 'prior', 'reason', 'use', 'A', 'B', 'C', 'D', 'X', 'Z',
      'a', 'b', 'g', 'm', 'n', 's', 'x', 'y', 'z', 'p', 'q', 'label', 'lines', 'share', 'pshare', 'qshare', 'split',
      'change', 'tail', 'cmp', 'changeReason', 'completion', 'basis', 'item', 'items', 'verb', 'details', 'clauses',
      'plist', 'clist', 'list', 'stem', 'name', 'incomes', 'expenditures', 'sources', 'content', 'micro', 'end', 'dir',
    ]);
    const used = new Set(allTemplates().flatMap(slotNames));
    expect([...used].filter((s) => !known.has(s))).toEqual([]);
    expect(allTemplates().length).toBeGreaterThan(100);
  });
});
