/**
 * The in-memory host of the browser preview and the end-to-end tests: a sample workbook held in memory, rendered by
 * ./Grid.tsx. It does what Excel does for the task pane — selection, marks that snapshot and restore each cell's own
 * fill, waivers kept in a key-value store (localStorage in the browser), text written into a cell, change events when
 * a cell is edited — so the same task pane runs against it unchanged. No DOM code: the grid subscribes to `events`.
 */
import type { CellRef } from '../../src/model/address';
import { a1, parseA1 } from '../../src/model/address';
import type { Cell, Sheet, Workbook } from '../../src/model/workbook';
import { parseWaivers, serializeWaivers } from '../../src/waivers';
import { MARK_STYLES, normaliseMarks } from '../../src/marks';
import type { HostCapabilities, HostPort, Mark, MarkKind, Waiver } from '../host/types';
import type { CellLook, PreviewSample, SheetLook } from './sample';

/** The subset of the Web Storage API the host uses (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type PreviewEvent =
  | { type: 'selection' }
  | { type: 'sheet' }
  | { type: 'format'; sheet: string }
  | { type: 'cells'; sheet: string; refs: string[] };

interface MarkState {
  kind: MarkKind;
  note?: string;
  /** the cell's own format before it was first marked (fill undefined: no fill) */
  own: { fill: string | undefined; bold: boolean };
}

function key(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** A number as a user would type it into the preview grid ("1,234.50", "-3", "（12.5）" stays text). */
function typedValue(text: string): number | string {
  const t = text.trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^-?\d+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return text;
}

export interface PreviewHostOptions {
  /** where waivers are kept; none: in memory only */
  storage?: KeyValueStore;
  /** storage key of the waivers; default `crossfoot.preview.waivers.<sample id>` */
  storageKey?: string;
}

export class PreviewHost implements HostPort {
  readonly name = 'preview' as const;
  private workbook: Workbook;
  private readonly looks: Record<string, SheetLook>;
  private readonly storage: KeyValueStore | undefined;
  private readonly storageKey: string;
  private memoryWaivers: Waiver[] = [];
  private active: string;
  private selected: CellRef[] = [];
  private readonly marks = new Map<string, MarkState>();
  /** the fill each cell shows now (its own, or a mark's) */
  private readonly fills = new Map<string, string>();
  /** the cells that show bold now (their own bold, or a suspect mark's) */
  private readonly bolds = new Map<string, boolean>();
  private readonly changeListeners = new Set<(changed: CellRef[]) => void>();
  private readonly eventListeners = new Set<(e: PreviewEvent) => void>();
  /** bumped on every event: a cheap snapshot for React's useSyncExternalStore */
  private version = 0;

  constructor(readonly sample: PreviewSample, options: PreviewHostOptions = {}) {
    this.workbook = sample.workbook;
    this.looks = sample.looks;
    this.storage = options.storage;
    this.storageKey = options.storageKey ?? `crossfoot.preview.waivers.${sample.id}`;
    const first = sample.workbook.sheets.find((s) => !s.hidden) ?? sample.workbook.sheets[0];
    this.active = first?.name ?? '';
    for (const [sheet, look] of Object.entries(this.looks)) {
      for (const [cell, l] of Object.entries(look.cells)) {
        if (l.fill) this.fills.set(key(sheet, cell), l.fill);
        if (l.bold) this.bolds.set(key(sheet, cell), true);
      }
    }
  }

  // ---- HostPort

  capabilities(): HostCapabilities {
    return { merges: true, notes: true, waivers: true, changeEvents: true };
  }

  async readWorkbook(): Promise<Workbook> {
    // a snapshot: later edits in the grid do not change what a check already read
    return JSON.parse(JSON.stringify(this.workbook)) as Workbook;
  }

  async select(refs: CellRef[]): Promise<void> {
    if (refs.length === 0) return;
    const sheet = refs[0].sheet;
    this.requireSheet(sheet);
    const cells = refs.filter((r) => r.sheet === sheet).map((r) => ({ sheet, cell: this.normalise(r.cell) }));
    const unique = cells.filter((c, i) => cells.findIndex((d) => d.cell === c.cell) === i);
    if (this.active !== sheet) {
      this.active = sheet;
      this.emit({ type: 'sheet' });
    }
    this.selected = unique;
    this.emit({ type: 'selection' });
  }

  /**
   * Mark cells (one mark per cell, the strongest kind wins: src/marks.ts). Marking again reconciles: cells that were
   * marked and are not any more get their own format back, and a cell's own format is snapshotted only the first
   * time it is marked, never a mark's.
   */
  async applyMarks(marks: Mark[]): Promise<void> {
    const wanted = normaliseMarks(marks);
    for (const m of wanted) this.requireSheet(m.ref.sheet);
    const sheets = new Set<string>();
    const keep = new Set<string>();
    for (const m of wanted) {
      const cell = this.normalise(m.ref.cell);
      const k = key(m.ref.sheet, cell);
      keep.add(k);
      const prior = this.marks.get(k);
      const own = prior ? prior.own : { fill: this.fills.get(k), bold: this.looks[m.ref.sheet]?.cells[cell]?.bold === true };
      this.marks.set(k, { kind: m.kind, note: m.note, own });
      const style = MARK_STYLES[m.kind];
      this.fills.set(k, style.fill);
      this.bolds.set(k, style.bold || own.bold);
      sheets.add(m.ref.sheet);
    }
    for (const [k, m] of [...this.marks]) {
      if (keep.has(k)) continue;
      this.restore(k, m);
      sheets.add(k.slice(0, k.lastIndexOf('!')));
    }
    for (const sheet of sheets) this.emit({ type: 'format', sheet });
  }

  /** Every marked cell gets its own format back; nothing else changes. */
  async clearMarks(): Promise<void> {
    const sheets = new Set<string>();
    for (const [k, m] of [...this.marks]) {
      this.restore(k, m);
      sheets.add(k.slice(0, k.lastIndexOf('!')));
    }
    for (const sheet of sheets) this.emit({ type: 'format', sheet });
  }

  async loadWaivers(): Promise<Waiver[]> {
    if (!this.storage) return this.memoryWaivers.map((w) => ({ ...w }));
    // stored as the versioned JSON of src/waivers.ts; damaged data reads as no waivers
    return parseWaivers(this.storage.getItem(this.storageKey)).waivers;
  }

  async saveWaivers(waivers: Waiver[]): Promise<void> {
    if (!this.storage) {
      this.memoryWaivers = waivers.map((w) => ({ ...w }));
      return;
    }
    if (waivers.length === 0) this.storage.removeItem(this.storageKey);
    else this.storage.setItem(this.storageKey, serializeWaivers(waivers));
  }

  async writeText(ref: CellRef, text: string): Promise<void> {
    this.setCell(ref, text, text);
  }

  async onChange(listener: (changed: CellRef[]) => void): Promise<() => void> {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  // ---- for the preview grid

  /** The grid's subscription: selection, sheet, format and cell events. */
  subscribe(listener: (e: PreviewEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  getVersion(): number {
    return this.version;
  }

  sheets(): Sheet[] {
    return this.workbook.sheets;
  }

  activeSheet(): Sheet | undefined {
    return this.workbook.sheets.find((s) => s.name === this.active);
  }

  activate(sheet: string): void {
    this.requireSheet(sheet);
    if (this.active === sheet) return;
    this.active = sheet;
    this.selected = [];
    this.emit({ type: 'sheet' });
    this.emit({ type: 'selection' });
  }

  selection(): CellRef[] {
    return this.selected.map((r) => ({ ...r }));
  }

  isSelected(sheet: string, cell: string): boolean {
    return this.selected.some((r) => r.sheet === sheet && r.cell === cell);
  }

  look(sheet: string): SheetLook | undefined {
    return this.looks[sheet];
  }

  cellLook(sheet: string, cell: string): CellLook | undefined {
    return this.looks[sheet]?.cells[cell];
  }

  /** The fill the cell shows now: a mark's, else its own, else none. */
  fillOf(sheet: string, cell: string): string | undefined {
    return this.fills.get(key(sheet, cell));
  }

  /** Whether the cell shows bold now: its own bold, or a suspect mark's. */
  boldOf(sheet: string, cell: string): boolean {
    return this.bolds.get(key(sheet, cell)) === true;
  }

  markOf(sheet: string, cell: string): { kind: MarkKind; note?: string } | undefined {
    const m = this.marks.get(key(sheet, cell));
    return m ? { kind: m.kind, note: m.note } : undefined;
  }

  markedCount(): number {
    return this.marks.size;
  }

  /** A user's edit in the grid: the typed text becomes the cell's value (a number when it reads as one). */
  editCell(ref: CellRef, text: string): void {
    const v = typedValue(text);
    this.setCell(ref, v, text.trim());
  }

  // ---- internals

  private restore(k: string, m: MarkState): void {
    if (m.own.fill === undefined) this.fills.delete(k);
    else this.fills.set(k, m.own.fill);
    if (m.own.bold) this.bolds.set(k, true);
    else this.bolds.delete(k);
    this.marks.delete(k);
  }

  /** "$c$7" → "C7"; throws on a malformed address */
  private normalise(cell: string): string {
    const { row, col } = parseA1(cell);
    if (row < 1) throw new RangeError(`bad A1 address ${cell}`);
    return a1(row, col);
  }

  private requireSheet(name: string): Sheet {
    const s = this.workbook.sheets.find((x) => x.name === name);
    if (!s) throw new RangeError(`no sheet named ${name}`);
    return s;
  }

  private setCell(ref: CellRef, value: string | number, text: string): void {
    const sheet = this.requireSheet(ref.sheet);
    const address = this.normalise(ref.cell);
    const { row, col } = parseA1(address);
    // copy on write: a workbook handed out earlier stays as it was
    const rows = sheet.rows.slice();
    const r = (rows[row - 1] ?? []).slice();
    while (r.length < col - 1) r.push(null);
    const prior = r[col - 1];
    const cell: Cell = { row, col, value: text === '' ? null : value, text };
    if (prior?.numFmt) cell.numFmt = prior.numFmt;
    r[col - 1] = cell;
    rows[row - 1] = r;
    const next: Sheet = { ...sheet, rows };
    this.workbook = { ...this.workbook, sheets: this.workbook.sheets.map((s) => (s.name === sheet.name ? next : s)) };
    this.emit({ type: 'cells', sheet: sheet.name, refs: [address] });
    const changed = [{ sheet: sheet.name, cell: address }];
    for (const l of [...this.changeListeners]) l(changed);
  }

  private emit(e: PreviewEvent): void {
    this.version++;
    for (const l of [...this.eventListeners]) l(e);
  }
}
