/** Waivers (出错说明): keys that survive layouts, figures that revive a finding, storage that never crashes. */
import fc from 'fast-check';
import type { Workbook } from '../../src/model/workbook';
import { checkWorkbook } from '../../src/rules';
import type { Finding } from '../../src/rules/types';
import {
  WAIVERS_NAMESPACE,
  applyWaivers,
  figuresOf,
  makeWaiver,
  parseWaivers,
  serializeWaivers,
  waiverKey,
  waiverWarningText,
  waiversFromXml,
  waiversToXml,
  type Waiver,
} from '../../src/waivers';
import type { Waiver as PortWaiver } from '../../addin/host/types';
import { FakeExcelDocument } from '../../addin/host/fake-excel';
import { fixture, session } from './helpers';

// the src/ type and the host port's type are the same shape (checked by the compiler)
const toPort = (w: Waiver): PortWaiver => w;
const fromPort = (w: PortWaiver): Waiver => w;

let n = 0;
function finding(over: Partial<Finding>): Finding {
  n++;
  return {
    id: `F${n}`,
    rule: 'R1',
    severity: 'error',
    status: 'fail',
    verdict: 'fails',
    message: 'm',
    location: { sheet: '表1', cell: 'C7' },
    cells: [
      { sheet: '表1', cell: 'C7' },
      { sheet: '表1', cell: 'C8' },
    ],
    expected: '100.00',
    actual: '100.10',
    difference: '0.10',
    ...over,
  };
}

const warnings = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

describe('keys and figures', () => {
  test('a finding has the same key in every layout of a document (semantic addresses), and findings differ', async () => {
    const keys: string[][] = [];
    for (const v of ['sheets', 'split', 'stacked']) {
      const r = checkWorkbook(await fixture(`sh-caizhengju-2024-${v}.xlsx`));
      keys.push(warnings(r.findings).map((f) => `${waiverKey(f, r.recognition.tables)} ${figuresOf(f)}`).sort());
    }
    expect(keys[0].length).toBeGreaterThan(1);
    expect(new Set(keys[0]).size).toBe(keys[0].length);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(keys[0][0]).toMatch(/^XJ-\d+.*@juesuan\./);
  });

  test('two relations of one rule at one cell get different keys; the order of their cells does not matter', () => {
    const a = finding({});
    const b = finding({ cells: [a.cells[0], { sheet: '表1', cell: 'C9' }] });
    const a2 = finding({ cells: [...a.cells].reverse() });
    expect(waiverKey(a, [])).not.toBe(waiverKey(b, []));
    expect(waiverKey(a, [])).toBe(waiverKey(a2, []));
    expect(waiverKey(finding({ cells: [] }), [])).toBe('R1@表1!C7');
  });

  test('figures: the same number printed differently is the same figure; another number is not', () => {
    expect(figuresOf(finding({ expected: '1,148.770', actual: '1148.8', difference: '-0.00' }))).toBe('e=1148.77;a=1148.8;d=0');
    expect(figuresOf(finding({ expected: '1148.77' }))).not.toBe(figuresOf(finding({ expected: '1148.78' })));
    expect(figuresOf(finding({ expected: undefined, actual: undefined, difference: undefined }))).toBe('e=;a=;d=');
  });

  test('makeWaiver needs a reason and records key, figures, author and time', () => {
    const f = finding({});
    const w = makeWaiver(f, [], '  口径不同：含上年结转  ', { author: ' 张三 ', at: new Date('2025-03-01T08:00:00Z') });
    expect(w).toEqual({ key: waiverKey(f, []), figures: figuresOf(f), reason: '口径不同：含上年结转', author: '张三', at: '2025-03-01T08:00:00.000Z' });
    expect(() => makeWaiver(f, [], '   ')).toThrow(RangeError);
    expect(fromPort(toPort(w))).toBe(w);
  });
});

describe('applyWaivers', () => {
  const f1 = finding({ rule: 'A' });
  const f2 = finding({ rule: 'B' });
  const w1 = makeWaiver(f1, [], '理由一', { at: new Date('2025-01-01T00:00:00Z') });

  test('suppresses its finding while the figures match, and only that one', () => {
    const r = applyWaivers([f1, f2], [w1], []);
    expect(r.findings[0].waived).toEqual({ reason: '理由一', at: w1.at });
    expect(r.findings[1].waived).toBeUndefined();
    expect(r.active).toEqual([w1]);
    expect(r.stale).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(f1.waived).toBeUndefined(); // inputs are not modified
  });

  test('a finding back with other figures is not suppressed: its waiver is stale', () => {
    const changed = { ...f1, actual: '100.20', difference: '0.20' };
    const r = applyWaivers([changed], [w1], []);
    expect(r.findings[0].waived).toBeUndefined();
    expect(r.stale).toEqual([w1]);
    expect(r.active).toEqual([]);
  });

  test('a waiver whose finding is gone is unmatched; of several matching waivers the latest gives the reason', () => {
    const later = { ...makeWaiver(f1, [], '理由二', { at: new Date('2025-02-01T00:00:00Z'), author: '李四' }) };
    const other = makeWaiver(f2, [], '另一个');
    const r = applyWaivers([f1], [w1, later, other], []);
    expect(r.findings[0].waived).toEqual({ reason: '理由二', at: later.at, author: '李四' });
    expect(r.active).toEqual([w1, later]);
    expect(r.unmatched).toEqual([other]);
  });

  test('a stale flag from an earlier application is removed', () => {
    const flagged = { ...f2, waived: { reason: 'old', at: '2024-01-01' } };
    expect(applyWaivers([flagged], [], []).findings[0].waived).toBeUndefined();
  });
});

describe('storage', () => {
  const ws: Waiver[] = [
    { key: 'XJ-05@juesuan.expenditure|208|total#e90c463a', figures: 'e=326.71;a=326.72;d=0.01', reason: '四舍五入：表3按项汇总', at: '2025-03-01T08:00:00.000Z', author: '王五' },
    { key: 'R@表1!C7', figures: 'e=;a=;d=', reason: 'quotes " and \' and <tags> & ]]> too', at: '2025-03-02' },
  ];

  test('JSON round trip', () => {
    expect(parseWaivers(serializeWaivers(ws))).toEqual({ waivers: ws });
    expect(JSON.parse(serializeWaivers(ws))).toMatchObject({ format: 'crossfoot-waivers', version: 1 });
    expect(parseWaivers('')).toEqual({ waivers: [] });
    expect(parseWaivers(null)).toEqual({ waivers: [] });
  });

  test('XML round trip (escaped text or CDATA), with the namespace of the part', () => {
    const xml = waiversToXml(ws);
    expect(xml).toContain(`xmlns="${WAIVERS_NAMESPACE}"`);
    expect(xml).not.toContain(']]>');
    expect(waiversFromXml(xml)).toEqual({ waivers: ws });
    const cdata = `<?xml version="1.0"?><cf:crossfoot-waivers xmlns:cf="${WAIVERS_NAMESPACE}"><![CDATA[${serializeWaivers(ws.slice(0, 1))}]]></cf:crossfoot-waivers>`;
    expect(waiversFromXml(cdata)).toEqual({ waivers: ws.slice(0, 1) });
    expect(waiversFromXml('<other/>').warning?.code).toBe('bad-shape');
  });

  test('bad data gives an empty list and a warning in both languages, never an exception', () => {
    const cases: Array<[string, string]> = [
      ['{', 'not-json'],
      ['[]', 'bad-shape'],
      ['{"format":"crossfoot-waivers","version":1,"waivers":{}}', 'bad-shape'],
      ['{"format":"crossfoot-waivers","version":7,"waivers":[]}', 'newer-version'],
    ];
    for (const [text, code] of cases) {
      const r = parseWaivers(text);
      expect(r.waivers).toEqual([]);
      expect(r.warning?.code).toBe(code);
      expect(waiverWarningText(r.warning!, 'zh-CN')).toMatch(/出错说明/);
      expect(waiverWarningText(r.warning!, 'en-US')).toMatch(/waiver/);
    }
  });

  test('incomplete entries are dropped with a warning, the others kept', () => {
    const text = JSON.stringify({
      format: 'crossfoot-waivers',
      version: 1,
      waivers: [ws[0], { key: 'x', figures: '', reason: '  ', at: '2025-01-01' }, { key: 'y', figures: '', reason: 'r', at: 'yesterday' }, 5],
    });
    const r = parseWaivers(text);
    expect(r.waivers).toEqual([ws[0]]);
    expect(r.warning).toEqual({ code: 'bad-entries', params: { count: '3' } });
    expect(waiverWarningText(r.warning!, 'zh-CN')).toContain('3 条');
  });

  test('any input parses to a list of valid waivers without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'crossfoot-waivers', version: 1, waivers: [v] }))), (text) => {
        const r = parseWaivers(text);
        expect(Array.isArray(r.waivers)).toBe(true);
        for (const w of r.waivers) expect(typeof w.key === 'string' && w.reason.trim() !== '').toBe(true);
        expect(() => waiversFromXml(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('waivers in the workbook (custom XML part)', () => {
  test('saved, reopened, loaded; they suppress their finding only while its figures are unchanged', async () => {
    const wb = await fixture('sh-caizhengju-2024-sheets.xlsx');
    const doc = FakeExcelDocument.fromWorkbook(wb);
    const { host } = session(doc);
    expect(await host.loadWaivers()).toEqual([]);
    const first = checkWorkbook(await host.readWorkbook());
    const target = warnings(first.findings).find((f) => f.rule === 'XJ-05')!;
    expect(target).toBeDefined();
    const waiver = makeWaiver(target, first.recognition.tables, '表3按项汇总，尾差 0.01', { author: '审核人' });
    await host.saveWaivers([waiver]);
    expect(doc.xmlParts.map((p) => p.namespace)).toEqual([WAIVERS_NAMESPACE]);

    // save and reopen: a new session on the reopened file
    const reopened = doc.reopen();
    const again = session(reopened);
    const loaded = await again.host.loadWaivers();
    expect(loaded).toEqual([waiver]);
    expect(again.host.waiverWarning).toBeUndefined();

    const check = async () => {
      const r = checkWorkbook(await again.host.readWorkbook());
      return applyWaivers(r.findings, loaded, r.recognition.tables);
    };
    let applied = await check();
    expect(applied.findings.filter((f) => f.waived).map((f) => f.id)).toEqual([target.id]);
    expect(applied.active).toEqual([waiver]);

    // the reviewer's figure changes: the finding is back, the waiver stale
    const cell = target.location;
    await reopened.userEdit(cell.sheet, cell.cell, 326.75);
    applied = await check();
    const back = applied.findings.find((f) => f.id === target.id)!;
    expect(back.actual).toBe('326.75');
    expect(back.waived).toBeUndefined();
    expect(applied.stale).toEqual([waiver]);

    // and the figure put back: suppressed again
    await reopened.userEdit(cell.sheet, cell.cell, 326.72);
    applied = await check();
    expect(applied.findings.find((f) => f.id === target.id)!.waived?.reason).toBe('表3按项汇总，尾差 0.01');
  });

  test('a waiver made on one layout suppresses the same finding in another layout of the document', async () => {
    const sheets = checkWorkbook(await fixture('sh-caizhengju-2024-sheets.xlsx'));
    const stacked: Workbook = await fixture('sh-caizhengju-2024-stacked.xlsx');
    const w = warnings(sheets.findings).map((f) => makeWaiver(f, sheets.recognition.tables, '已说明'));
    const r = checkWorkbook(stacked);
    const applied = applyWaivers(r.findings, w, r.recognition.tables);
    expect(warnings(applied.findings).every((f) => f.waived)).toBe(true);
    expect(applied.active).toHaveLength(w.length);
  });

  test('saving replaces the stored list; saving none removes the part', async () => {
    const doc = FakeExcelDocument.fromWorkbook(await fixture('seed-000-sheets.xlsx'));
    const { host } = session(doc);
    const a: Waiver = { key: 'k1', figures: 'e=1;a=2;d=1', reason: 'r1', at: '2025-01-01' };
    const b: Waiver = { key: 'k2', figures: 'e=1;a=2;d=1', reason: 'r2', at: '2025-01-02' };
    await host.saveWaivers([a]);
    await host.saveWaivers([a, b]);
    expect(doc.xmlParts).toHaveLength(1);
    expect(await host.loadWaivers()).toEqual([a, b]);
    await host.saveWaivers([]);
    expect(doc.xmlParts).toHaveLength(0);
    expect(await host.loadWaivers()).toEqual([]);
  });

  test('a part written by a newer version is reported and never overwritten', async () => {
    const doc = FakeExcelDocument.fromWorkbook(await fixture('seed-000-sheets.xlsx'));
    const newer = `<crossfoot-waivers xmlns="${WAIVERS_NAMESPACE}" version="2">{"format":"crossfoot-waivers","version":2,"waivers":[]}</crossfoot-waivers>`;
    doc.xmlParts.push({ id: '{newer}', namespace: WAIVERS_NAMESPACE, xml: newer });
    const { host } = session(doc);
    expect(await host.loadWaivers()).toEqual([]);
    expect(host.waiverWarning?.code).toBe('newer-version');
    const mine: Waiver = { key: 'k', figures: '', reason: 'r', at: '2025-01-01' };
    await host.saveWaivers([mine]);
    expect(doc.xmlParts.find((p) => p.id === '{newer}')?.xml).toBe(newer);
    expect(await host.loadWaivers()).toEqual([mine]);
  });
});
