/**
 * The preview host (addin/preview/host.ts) and the sample builder, in Node: what the browser preview and the
 * end-to-end tests stand on.
 */
import { memoryWorkbook } from '../../src/adapters/memory';
import { MARK_STYLES } from '../../src/marks';
import { checkWorkbook } from '../../src/rules';
import { parseWaivers, serializeWaivers } from '../../src/waivers';
import type { Waiver } from '../../addin/host/types';
import { PreviewHost, type KeyValueStore, type PreviewEvent } from '../../addin/preview/host';
import type { PreviewSample } from '../../addin/preview/sample';
import { buildPreviewSamples, columnPixels, inject, INJECTION } from '../../addin/preview/build-samples';
import * as path from 'node:path';

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

function sample(): PreviewSample {
  const workbook = memoryWorkbook([
    { name: 'One', rows: [['title', null], ['a', 1], ['b', 2]], merges: ['A1:B1'] },
    { name: 'Two', rows: [['x', 10]] },
  ]);
  return {
    id: 'test',
    source: 'memory',
    workbook,
    looks: {
      One: { colWidths: [80, 60], cells: { A1: { bold: true, fill: '#D9E1F2' }, B2: { fill: '#E2EFDA' } } },
      Two: { colWidths: [64, 64], cells: {} },
    },
  };
}

describe('PreviewHost', () => {
  it('selects cells of one sheet, switching to it', async () => {
    const host = new PreviewHost(sample());
    const events: PreviewEvent['type'][] = [];
    host.subscribe((e) => events.push(e.type));
    expect(host.activeSheet()?.name).toBe('One');
    await host.select([
      { sheet: 'Two', cell: 'b1' },
      { sheet: 'One', cell: 'A2' },
      { sheet: 'Two', cell: '$A$1' },
      { sheet: 'Two', cell: 'B1' },
    ]);
    expect(host.activeSheet()?.name).toBe('Two');
    expect(host.selection()).toEqual([
      { sheet: 'Two', cell: 'B1' },
      { sheet: 'Two', cell: 'A1' },
    ]);
    expect(host.isSelected('Two', 'A1')).toBe(true);
    expect(host.isSelected('One', 'A2')).toBe(false);
    expect(events).toEqual(['sheet', 'selection']);
    await expect(host.select([{ sheet: 'Nope', cell: 'A1' }])).rejects.toThrow(/Nope/);
    await expect(host.select([{ sheet: 'One', cell: 'A0' }])).rejects.toThrow();
  });

  it('marks cells and restores their own fills and bold exactly', async () => {
    const host = new PreviewHost(sample());
    const before = ['A1', 'B2', 'A3', 'B3'].map((c) => [host.fillOf('One', c), host.boldOf('One', c)]);
    expect(before).toEqual([
      ['#D9E1F2', true],
      ['#E2EFDA', false],
      [undefined, false],
      [undefined, false],
    ]);
    await host.applyMarks([
      { ref: { sheet: 'One', cell: 'B2' }, kind: 'error', note: 'sum fails' },
      { ref: { sheet: 'One', cell: 'B3' }, kind: 'warning' },
      { ref: { sheet: 'One', cell: 'B3' }, kind: 'suspect', note: 'typed 21 for 12' },
      { ref: { sheet: 'One', cell: 'A1' }, kind: 'info' },
    ]);
    expect(host.fillOf('One', 'B2')).toBe(MARK_STYLES.error.fill);
    expect(host.fillOf('One', 'B3')).toBe(MARK_STYLES.suspect.fill);
    expect(host.boldOf('One', 'B3')).toBe(MARK_STYLES.suspect.bold);
    expect(host.fillOf('One', 'A1')).toBe(MARK_STYLES.info.fill);
    expect(host.markOf('One', 'B2')).toEqual({ kind: 'error', note: 'sum fails' });
    expect(host.markOf('One', 'B3')?.kind).toBe('suspect');
    expect(host.markedCount()).toBe(3);

    // marking again: B2 is no longer marked (restored), B3 keeps its first snapshot, not the mark's fill
    await host.applyMarks([{ ref: { sheet: 'One', cell: 'B3' }, kind: 'error' }]);
    expect(host.fillOf('One', 'B2')).toBe('#E2EFDA');
    expect(host.fillOf('One', 'A1')).toBe('#D9E1F2');
    expect(host.fillOf('One', 'B3')).toBe(MARK_STYLES.error.fill);
    expect(host.boldOf('One', 'B3')).toBe(false);

    await host.clearMarks();
    const after = ['A1', 'B2', 'A3', 'B3'].map((c) => [host.fillOf('One', c), host.boldOf('One', c)]);
    expect(after).toEqual(before);
    expect(host.markedCount()).toBe(0);
    expect(host.markOf('One', 'B3')).toBeUndefined();
  });

  it('refuses marks on an unknown sheet without marking anything', async () => {
    const host = new PreviewHost(sample());
    await expect(
      host.applyMarks([
        { ref: { sheet: 'One', cell: 'B2' }, kind: 'error' },
        { ref: { sheet: 'Gone', cell: 'A1' }, kind: 'error' },
      ]),
    ).rejects.toThrow(/Gone/);
    expect(host.markedCount()).toBe(0);
    expect(host.fillOf('One', 'B2')).toBe('#E2EFDA');
  });

  it('keeps waivers in the store as the versioned JSON of src/waivers.ts', async () => {
    const store = new MapStore();
    const host = new PreviewHost(sample(), { storage: store });
    expect(await host.loadWaivers()).toEqual([]);
    const w: Waiver = { key: 'r@k', figures: 'e=1;a=2;d=1', reason: '批复口径不同', at: '2024-05-01T08:00:00.000Z' };
    await host.saveWaivers([w]);
    const raw = store.getItem('crossfoot.preview.waivers.test');
    expect(parseWaivers(raw).waivers).toEqual([w]);
    expect(await new PreviewHost(sample(), { storage: store }).loadWaivers()).toEqual([w]);
    await host.saveWaivers([]);
    expect(store.map.size).toBe(0);

    store.setItem('crossfoot.preview.waivers.test', '{not json');
    expect(await host.loadWaivers()).toEqual([]);
    store.setItem('crossfoot.preview.waivers.test', serializeWaivers([w]));
    expect(await host.loadWaivers()).toEqual([w]);
  });

  it('keeps waivers in memory without a store', async () => {
    const host = new PreviewHost(sample());
    const w: Waiver = { key: 'k', figures: 'f', reason: 'r', at: '2024-01-01' };
    await host.saveWaivers([w]);
    const loaded = await host.loadWaivers();
    expect(loaded).toEqual([w]);
    loaded[0].reason = 'changed';
    expect((await host.loadWaivers())[0].reason).toBe('r');
  });

  it('writes text and edits cells, reporting changes; a workbook already read is unchanged', async () => {
    const host = new PreviewHost(sample());
    const seen: string[] = [];
    const unsubscribe = await host.onChange((refs) => seen.push(...refs.map((r) => `${r.sheet}!${r.cell}`)));
    const first = await host.readWorkbook();
    await host.writeText({ sheet: 'One', cell: 'c5' }, '说明文字');
    host.editCell({ sheet: 'One', cell: 'B2' }, ' 1,234.50 ');
    host.editCell({ sheet: 'One', cell: 'B3' }, '（12.5）');
    const wb = await host.readWorkbook();
    const one = wb.sheets[0];
    expect(one.rows[4]?.[2]).toEqual({ row: 5, col: 3, value: '说明文字', text: '说明文字' });
    expect(one.rows[1]?.[1]).toMatchObject({ value: 1234.5, text: '1,234.50' });
    expect(one.rows[2]?.[1]).toMatchObject({ value: '（12.5）', text: '（12.5）' });
    expect(seen).toEqual(['One!C5', 'One!B2', 'One!B3']);
    expect(first.sheets[0].rows[1]?.[1]?.value).toBe(1);
    unsubscribe();
    host.editCell({ sheet: 'One', cell: 'A2' }, 'z');
    expect(seen).toHaveLength(3);
  });

  it('capabilities: everything the pane can use', () => {
    expect(new PreviewHost(sample()).capabilities()).toEqual({ merges: true, notes: true, waivers: true, changeEvents: true });
  });
});

describe('preview samples', () => {
  let samples: Awaited<ReturnType<typeof buildPreviewSamples>>;
  beforeAll(async () => {
    samples = await buildPreviewSamples(path.join(__dirname, '..', '..'));
  });

  it('the published sample has no error; the injected one has one error pattern with its suspect', () => {
    const clean = checkWorkbook(samples['seed-001'].workbook);
    expect(clean.summary.errors).toBe(0);
    const broken = checkWorkbook(samples['seed-001-error'].workbook);
    const errors = broken.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.suspect).toMatchObject({ sheet: INJECTION.sheet, cell: INJECTION.cell, proposed: INJECTION.original, signature: 'transposition' });
    }
  });

  it('records the look of the fixture: column widths, bold titles, borders', () => {
    const look = samples['seed-001'].looks['表5'];
    expect(look.colWidths).toEqual([12, 34, 14, 14, 14].map(columnPixels));
    expect(look.cells.A2).toMatchObject({ bold: true, align: 'center' });
    expect(look.cells.C7).toMatchObject({ border: true, align: 'right' });
    expect(samples['seed-001-error'].injected).toEqual(INJECTION);
  });

  it('injection refuses a fixture that no longer prints the expected figure', () => {
    expect(() => inject(samples['seed-001'].workbook, { ...INJECTION, original: '1.00' })).toThrow(/prints 198.66/);
    expect(() => inject(samples['seed-001'].workbook, { ...INJECTION, cell: 'Z99' })).toThrow(/empty/);
  });
});
