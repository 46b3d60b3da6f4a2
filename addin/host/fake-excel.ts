/**
 * A fake of the Excel JavaScript API, just large enough for the Office host (./office.ts) and its tests.
 *
 * It keeps Office.js's proxy semantics, so that the host's batching is tested for real: calls are queued and run at
 * `context.sync()`; a property read before it was loaded and synced throws PropertyNotLoaded; `*OrNullObject` proxies
 * report `isNullObject` after a sync; an API above the fake's requirement-set version throws ApiNotFound; a sync
 * that loads more cells than the payload limit fails like Excel on the web (5 MB). It counts syncs, records every
 * write (values, formats, notes, settings, custom XML parts) and keeps the document state (cells, formats, notes,
 * settings, custom XML parts, merges) so that tests can compare it before and after.
 *
 * Build one from a neutral `Workbook` (e.g. from src/adapters/memory.ts or readXlsxFile): FakeExcelDocument.
 * fromWorkbook(wb), then `new FakeExcel(doc, { api: '1.12' })` gives `Excel` and `Office` objects to inject.
 */
import { a1, parseA1, parseArea, type Area } from '../../src/model/address';
import type { Cell, Workbook } from '../../src/model/workbook';
import type { ExcelGlobal, OfficeGlobal } from './office';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------------------------
// document state

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface FakeFont {
  color: string;
  bold: boolean | null;
  italic: boolean;
  name: string;
  size: number;
}

export interface FakeFormat {
  fill: FakeFill;
  font: FakeFont;
  /** border styles by edge (not written by the host; present so that a stray change would show) */
  borders: Record<string, string>;
}

export function defaultFormat(): FakeFormat {
  return {
    fill: { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 },
    font: { color: '#000000', bold: false, italic: false, name: 'Calibri', size: 11 },
    borders: {},
  };
}

export type FakeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface FakeCell {
  value: string | number | boolean;
  text: string;
  /** with the leading "=" */
  formula?: string;
  numberFormat: string;
  type: FakeValueType;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  position: number;
  protected: boolean;
  /** by "row,col" (1-based) */
  cells: Record<string, FakeCell>;
  /** explicitly set formats by "row,col"; absent = defaultFormat() */
  formats: Record<string, FakeFormat>;
  merges: Area[];
  hiddenRows: number[];
  /** notes by A1 address */
  notes: Record<string, string>;
}

export interface FakeXmlPart {
  id: string;
  namespace: string;
  xml: string;
}

interface PersistedState {
  name: string;
  sheets: FakeSheetState[];
  settings: Record<string, string>;
  xmlParts: FakeXmlPart[];
  nextId: number;
}

function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

const key = (row: number, col: number) => `${row},${col}`;

function fakeCellOf(c: Cell): FakeCell {
  if (c.error) return { value: c.error, text: c.text || c.error, formula: c.formula ? `=${c.formula}` : undefined, numberFormat: c.numFmt ?? 'General', type: 'Error' };
  const v = c.value;
  const type: FakeValueType = v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
  const out: FakeCell = { value: v === null ? '' : v, text: c.text, numberFormat: c.numFmt ?? 'General', type };
  if (c.formula) out.formula = `=${c.formula}`;
  return out;
}

/** What Excel makes of a value typed or written into a cell. */
function typedCell(input: unknown, numberFormat: string): FakeCell {
  if (typeof input === 'number') return { value: input, text: String(input), numberFormat, type: 'Double' };
  if (typeof input === 'boolean') return { value: input, text: input ? 'TRUE' : 'FALSE', numberFormat, type: 'Boolean' };
  const s = input === null || input === undefined ? '' : String(input);
  if (s === '') return { value: '', text: '', numberFormat, type: 'Empty' };
  if (s.startsWith("'")) return { value: s.slice(1), text: s.slice(1), numberFormat, type: 'String' };
  if (s.startsWith('=')) return { value: '', text: '', formula: s, numberFormat, type: 'Empty' };
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s), text: String(Number(s)), numberFormat, type: 'Double' };
  return { value: s, text: s, numberFormat, type: 'String' };
}

export class FakeExcelDocument {
  name: string;
  sheets: FakeSheetState[];
  settings: Record<string, string>;
  xmlParts: FakeXmlPart[];
  /** change-event handlers of the open session (dropped by reopen) */
  readonly handlers: Array<{ id: number; sheetId?: string; handler: (args: unknown) => unknown }> = [];
  /** the last selection: sheet and A1 areas */
  selection: { sheet: string; areas: string[] } | undefined;
  activeSheet: string | undefined;
  private nextId: number;

  constructor(state: PersistedState) {
    this.name = state.name;
    this.sheets = state.sheets;
    this.settings = state.settings;
    this.xmlParts = state.xmlParts;
    this.nextId = state.nextId;
  }

  static fromWorkbook(wb: Workbook, name = wb.source.name): FakeExcelDocument {
    const sheets: FakeSheetState[] = wb.sheets.map((s, i) => {
      const cells: Record<string, FakeCell> = {};
      for (const row of s.rows) for (const c of row ?? []) if (c) cells[key(c.row, c.col)] = fakeCellOf(c);
      return {
        id: `{00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}}`,
        name: s.name,
        visibility: s.hidden ? 'Hidden' : 'Visible',
        position: i,
        protected: false,
        cells,
        formats: {},
        merges: s.merges.map((m) => ({ ...m })),
        hiddenRows: [...(s.hiddenRows ?? [])],
        notes: {},
      };
    });
    return new FakeExcelDocument({ name, sheets, settings: {}, xmlParts: [], nextId: 1 });
  }

  /** Save and open again: everything stored in the file, nothing of the session (event handlers, selection). */
  reopen(): FakeExcelDocument {
    return new FakeExcelDocument(
      clone({ name: this.name, sheets: this.sheets, settings: this.settings, xmlParts: this.xmlParts, nextId: this.nextId }),
    );
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  sheet(nameOrId: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name === nameOrId || s.id === nameOrId);
  }

  mustSheet(nameOrId: string): FakeSheetState {
    const s = this.sheet(nameOrId);
    if (!s) throw new FakeApiError('ItemNotFound', `worksheet ${nameOrId}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const { row, col } = parseA1(address);
    return this.mustSheet(sheet).cells[key(row, col)];
  }

  /** Replace a cell's stored data (test setup: errors, "####", rich values...). */
  setCell(sheet: string, address: string, c: FakeCell): void {
    const { row, col } = parseA1(address);
    this.mustSheet(sheet).cells[key(row, col)] = c;
  }

  formatAt(sheet: string, address: string): FakeFormat {
    const { row, col } = parseA1(address);
    return clone(this.mustSheet(sheet).formats[key(row, col)] ?? defaultFormat());
  }

  /** Give a cell a format of its own (test setup). */
  setFormat(sheet: string, address: string, patch: { fill?: Partial<FakeFill>; font?: Partial<FakeFont>; borders?: Record<string, string> }): void {
    const { row, col } = parseA1(address);
    const s = this.mustSheet(sheet);
    const f = s.formats[key(row, col)] ?? defaultFormat();
    s.formats[key(row, col)] = { fill: { ...f.fill, ...patch.fill }, font: { ...f.font, ...patch.font }, borders: { ...f.borders, ...patch.borders } };
  }

  /** Every cell whose format differs from the default, by "sheet!A1" (a cell set back to the default is absent). */
  formatState(): Record<string, FakeFormat> {
    const out: Record<string, FakeFormat> = {};
    const plain = JSON.stringify(defaultFormat());
    for (const s of this.sheets) {
      for (const [k, f] of Object.entries(s.formats)) {
        if (JSON.stringify(f) === plain) continue;
        const [r, c] = k.split(',').map(Number);
        out[`${s.name}!${a1(r, c)}`] = clone(f);
      }
    }
    return out;
  }

  /** Every cell's data, by "sheet!A1". */
  valueState(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const s of this.sheets) {
      for (const [k, c] of Object.entries(s.cells)) {
        const [r, col] = k.split(',').map(Number);
        out[`${s.name}!${a1(r, col)}`] = clone(c);
      }
    }
    return out;
  }

  /** A user typing into a cell: changes it and fires the change events; resolves when the handlers have run. */
  async userEdit(sheet: string, address: string, value: unknown): Promise<void> {
    const s = this.mustSheet(sheet);
    const { row, col } = parseA1(address);
    s.cells[key(row, col)] = typedCell(value, s.cells[key(row, col)]?.numberFormat ?? 'General');
    await this.fireChanged(s, address.toUpperCase());
  }

  async fireChanged(s: FakeSheetState, address: string): Promise<void> {
    const args = { address, worksheetId: s.id, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' };
    await Promise.all(this.handlers.filter((h) => h.sheetId === undefined || h.sheetId === s.id).map((h) => h.handler(args)));
  }

  renameSheet(from: string, to: string): void {
    this.mustSheet(from).name = to;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the API

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'FakeApiError';
  }
}

export interface FakeWrite {
  /** 1-based number of the sync that performed the write */
  sync: number;
  kind: 'value' | 'format' | 'note' | 'setting' | 'xml' | 'event';
  sheet?: string;
  cell?: string;
  what: string;
  value?: unknown;
}

export interface FakeExcelOptions {
  /** highest ExcelApi requirement set the fake supports; default '1.18' */
  api?: string;
  /** cells one sync may load before it fails like Excel on the web (payload over 5 MB); default 10,000 */
  payloadCells?: number;
}

function versionCmp(a: string, b: string): number {
  const [a1_, a2 = 0] = a.split('.').map(Number);
  const [b1, b2 = 0] = b.split('.').map(Number);
  return a1_ - b1 || a2 - b2;
}

/** A fake Excel session on a document: inject `excel.Excel` and `excel.Office` into the host. */
export class FakeExcel {
  readonly api: string;
  readonly payloadCells: number;
  /** syncs run so far (all contexts) */
  syncs = 0;
  /** cells loaded by each sync */
  readonly payloads: number[] = [];
  readonly writes: FakeWrite[] = [];
  /** operations queued but never synced when an Excel.run batch ended (lost in real Excel) */
  unsynced = 0;
  readonly Excel: ExcelGlobal;
  readonly Office: OfficeGlobal;

  constructor(
    readonly doc: FakeExcelDocument,
    options: FakeExcelOptions = {},
  ) {
    this.api = options.api ?? '1.18';
    this.payloadCells = options.payloadCells ?? 10_000;
    const run = async (a: unknown, b?: unknown): Promise<unknown> => {
      const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<unknown>;
      // Excel.run(context, batch) and Excel.run(object, batch) go on in that object's context
      const given = a instanceof FakeContext ? a : (a as { context?: unknown } | null)?.context;
      const ctx = given instanceof FakeContext && given.fake === this ? given : new FakeContext(this);
      const out = await batch(ctx);
      this.unsynced += ctx.pending();
      return out;
    };
    this.Excel = { run } as unknown as ExcelGlobal;
    this.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string) => name === 'ExcelApi' && versionCmp(minVersion ?? '1.1', this.api) <= 0,
        },
      },
    };
  }

  private readonly supported = new Map<string, boolean>();
  supports(version: string): boolean {
    let v = this.supported.get(version);
    if (v === undefined) {
      v = versionCmp(version, this.api) <= 0;
      this.supported.set(version, v);
    }
    return v;
  }

  need(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeApiError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  /** Writes of one kind (e.g. 'value'). */
  writesOf(kind: FakeWrite['kind']): FakeWrite[] {
    return this.writes.filter((w) => w.kind === kind);
  }
}

export class FakeContext {
  private queue: Array<() => void> = [];
  payload = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get doc(): FakeExcelDocument {
    return this.fake.doc;
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  pending(): number {
    return this.queue.length;
  }

  write(w: Omit<FakeWrite, 'sync'>): void {
    this.fake.writes.push({ sync: this.fake.syncs, ...w });
  }

  async sync(): Promise<void> {
    this.fake.syncs++;
    this.payload = 0;
    const ops = this.queue;
    this.queue = [];
    try {
      for (const op of ops) op();
    } finally {
      this.fake.payloads.push(this.payload);
    }
    if (this.payload > this.fake.payloadCells) {
      throw new FakeApiError('RequestPayloadSizeLimitExceeded', `${this.payload} cells loaded in one sync (limit ${this.fake.payloadCells})`);
    }
  }
}

function propsOf(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => propsOf(s));
  if (typeof arg === 'object') {
    const o = arg as { select?: string | string[]; expand?: string | string[] };
    return [...propsOf(o.select), ...propsOf(o.expand)];
  }
  return [];
}

/** The common proxy behaviour: load → resolved at sync; property reads checked. */
abstract class FakeObject {
  private loadedProps: Map<string, unknown> | undefined;
  private nullState: boolean | undefined;
  protected nullable = false;
  private children: Map<string, FakeObject> | undefined;

  constructor(readonly context: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeApiError('PropertyNotLoaded', 'isNullObject read before sync');
    return this.nullState;
  }

  load(arg?: unknown): this {
    const paths = propsOf(arg);
    this.context.enqueue(() => this.resolve(paths));
    return this;
  }

  resolve(paths: string[]): void {
    const exists = this.exists();
    this.nullState = !exists;
    if (!exists) {
      if (!this.nullable) throw new FakeApiError('ItemNotFound', this.constructor.name);
      return;
    }
    const direct: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const i = p.indexOf('/');
      if (i < 0) direct.push(p);
      else nested.set(p.slice(0, i), [...(nested.get(p.slice(0, i)) ?? []), p.slice(i + 1)]);
    }
    const wanted = paths.length === 0 ? this.scalars() : direct;
    for (const d of wanted) {
      if (d === 'items') this.resolveItems([]);
      else if (this.navigation().includes(d)) this.child(d).resolve([]);
      else (this.loadedProps ??= new Map()).set(d, clone(this.read(d)));
    }
    for (const [head, tails] of nested) {
      if (head === 'items') this.resolveItems(tails);
      else this.child(head).resolve(tails);
    }
    this.afterLoad(wanted, nested);
  }

  protected get<T>(name: string): T {
    if (!this.loadedProps?.has(name)) throw new FakeApiError('PropertyNotLoaded', `${this.constructor.name}.${name}`);
    return this.loadedProps.get(name) as T;
  }

  protected cached<T extends FakeObject>(name: string, make: () => T): T {
    this.children ??= new Map();
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c as T;
  }

  protected exists(): boolean {
    return true;
  }
  protected scalars(): string[] {
    return [];
  }
  protected navigation(): string[] {
    return [];
  }
  protected child(name: string): FakeObject {
    throw new FakeApiError('InvalidArgument', `${this.constructor.name} has no ${name}`);
  }
  protected read(name: string): unknown {
    throw new FakeApiError('InvalidArgument', `${this.constructor.name}.${name} is not a property`);
  }
  protected resolveItems(_tails: string[]): void {
    throw new FakeApiError('InvalidArgument', `${this.constructor.name} is not a collection`);
  }
  protected afterLoad(_direct: string[], _nested: Map<string, string[]>): void {}
}

class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new FakeApiError('PropertyNotLoaded', 'ClientResult.value read before sync');
    return this.v as T;
  }
}

class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
  }
  get name(): string {
    return this.get('name');
  }
  protected override scalars(): string[] {
    return ['name'];
  }
  protected override read(name: string): unknown {
    if (name === 'name') {
      this.context.fake.need('1.7', 'Workbook.name');
      return this.context.doc.name;
    }
    return super.read(name);
  }
}

// ---- worksheets

class FakeEventSource {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetKey?: string,
  ) {}
  add(handler: (args: unknown) => unknown): { context: FakeContext; remove(): void } {
    const id = Number(this.ctx.doc.newId('h').slice(2));
    this.ctx.enqueue(() => {
      const sheetId = this.sheetKey === undefined ? undefined : this.ctx.doc.mustSheet(this.sheetKey).id;
      this.ctx.doc.handlers.push({ id, sheetId, handler });
      this.ctx.write({ kind: 'event', what: 'add', sheet: sheetId });
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove(): void {
        // the removal is queued on whichever context runs it (Excel.run(result.context, ...))
        ctx.enqueue(() => {
          const i = ctx.doc.handlers.findIndex((h) => h.id === id);
          if (i >= 0) ctx.doc.handlers.splice(i, 1);
          ctx.write({ kind: 'event', what: 'remove' });
        });
      },
    };
  }
}

class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] | undefined;
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw new FakeApiError('PropertyNotLoaded', 'WorksheetCollection.items');
    return this.itemList;
  }
  get onChanged(): FakeEventSource {
    this.context.fake.need('1.9', 'WorksheetCollection.onChanged');
    return new FakeEventSource(this.context);
  }
  getItem(k: string): FakeWorksheet {
    return new FakeWorksheet(this.context, k, false);
  }
  getItemOrNullObject(k: string): FakeWorksheet {
    return new FakeWorksheet(this.context, k, true);
  }
  protected override resolveItems(tails: string[]): void {
    const sheets = [...this.context.doc.sheets].sort((a, b) => a.position - b.position);
    this.itemList = sheets.map((s) => {
      const ws = new FakeWorksheet(this.context, s.id, false);
      ws.resolve(tails);
      return ws;
    });
  }
}

class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly key: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  state(): FakeSheetState {
    return this.context.doc.mustSheet(this.key);
  }
  protected override exists(): boolean {
    return this.context.doc.sheet(this.key) !== undefined;
  }
  protected override scalars(): string[] {
    return ['name', 'id', 'visibility', 'position'];
  }
  protected override navigation(): string[] {
    return ['protection'];
  }
  protected override child(name: string): FakeObject {
    if (name === 'protection') return this.protection;
    return super.child(name);
  }
  protected override read(name: string): unknown {
    const s = this.state();
    switch (name) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return s.position;
      default:
        return super.read(name);
    }
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get position(): number {
    return this.get('position');
  }
  get protection(): FakeProtection {
    return this.cached('protection', () => new FakeProtection(this.context, this));
  }
  get notes(): FakeNoteCollection {
    this.context.fake.need('1.18', 'Worksheet.notes');
    return this.cached('notes', () => new FakeNoteCollection(this.context, this));
  }
  get onChanged(): FakeEventSource {
    this.context.fake.need('1.7', 'Worksheet.onChanged');
    return new FakeEventSource(this.context, this.key);
  }
  activate(): void {
    this.context.enqueue(() => {
      this.context.doc.activeSheet = this.state().name;
    });
  }
  /** the used range: cells with values (valuesOnly) or also formatted / merged / noted cells; null when none */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const area = (): Area | null => {
      const s = this.state();
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      const take = (r: number, c: number, b = r, rt = c) => {
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, b);
        right = Math.max(right, rt);
      };
      for (const [k, c] of Object.entries(s.cells)) {
        if (c.type === 'Empty' && !c.formula && c.value === '') continue;
        const [r, col] = k.split(',').map(Number);
        take(r, col);
      }
      if (!valuesOnly) {
        for (const k of Object.keys(s.formats)) {
          const [r, col] = k.split(',').map(Number);
          take(r, col);
        }
        for (const m of s.merges) take(m.top, m.left, m.bottom, m.right);
        for (const n of Object.keys(s.notes)) {
          const p = parseA1(n);
          take(p.row, p.col);
        }
      }
      return bottom === 0 ? null : { top, left, bottom, right };
    };
    return new FakeRange(this.context, this, area, true);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.fake.need('1.7', 'Worksheet.getRangeByIndexes');
    if (rowCount < 1 || columnCount < 1) throw new FakeApiError('InvalidArgument', 'empty range');
    const area = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
    return new FakeRange(this.context, this, () => area, false);
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.context, this, () => ({ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }), false);
    if (address.includes(',')) throw new FakeApiError('InvalidArgument', `getRange takes one area: ${address}`);
    const area = parseArea(address);
    return new FakeRange(this.context, this, () => area, false);
  }
  getRanges(address: string): FakeRangeAreas {
    this.context.fake.need('1.9', 'Worksheet.getRanges');
    const areas = address.split(',').map((a) => parseArea(a.trim()));
    return new FakeRangeAreas(this.context, this, () => areas, false);
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected override scalars(): string[] {
    return ['protected'];
  }
  protected override read(name: string): unknown {
    if (name === 'protected') return this.ws.state().protected;
    return super.read(name);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ---- ranges

type Cells = () => { sheet: FakeSheetState; cells: Array<[number, number]> };

function cellsIn(areas: Area[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const a of areas) {
    if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 1_000_000) throw new FakeApiError('InvalidArgument', 'the fake formats at most 1,000,000 cells at once');
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push([r, c]);
  }
  return out;
}

class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly areaOf: () => Area | null,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  private area(): Area {
    const a = this.areaOf();
    if (!a) throw new FakeApiError('ItemNotFound', 'null range');
    return a;
  }
  protected override exists(): boolean {
    return this.ws.state() !== undefined && this.areaOf() !== null;
  }
  protected override scalars(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'formulas', 'numberFormat', 'valueTypes'];
  }
  protected override navigation(): string[] {
    return ['format'];
  }
  protected override child(name: string): FakeObject {
    if (name === 'format') return this.format;
    return super.child(name);
  }
  protected override afterLoad(direct: string[], nested: Map<string, string[]>): void {
    const dims = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
    if (direct.some((d) => !dims.includes(d)) || nested.size > 0) {
      const a = this.area();
      this.context.payload += (a.bottom - a.top + 1) * (a.right - a.left + 1);
    }
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const a = this.area();
    const s = this.ws.state();
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(s.cells[key(r, c)]));
      out.push(row);
    }
    return out;
  }
  protected override read(name: string): unknown {
    const a = this.area();
    switch (name) {
      case 'address':
        return `'${this.ws.state().name}'!${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;
      case 'rowIndex':
        return a.top - 1;
      case 'columnIndex':
        return a.left - 1;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'values':
        return this.grid((c) => (c ? c.value : ''));
      case 'text':
        return this.grid((c) => (c ? c.text : ''));
      case 'formulas':
        return this.grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'numberFormat':
        return this.grid((c) => (c ? c.numberFormat : 'General'));
      case 'valueTypes':
        return this.grid((c) => (c ? c.type : 'Empty'));
      default:
        return super.read(name);
    }
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.context.enqueue(() => {
      const a = this.area();
      const s = this.ws.state();
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const input = v[r - a.top]?.[c - a.left];
          const prev = s.cells[key(r, c)];
          s.cells[key(r, c)] = typedCell(input, prev?.numberFormat ?? 'General');
          this.context.write({ kind: 'value', sheet: s.name, cell: a1(r, c), what: 'values', value: input });
        }
      }
      void this.context.doc.fireChanged(s, a1(a.top, a.left) + (a.top === a.bottom && a.left === a.right ? '' : `:${a1(a.bottom, a.right)}`));
    });
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get format(): FakeRangeFormat {
    return this.cached('format', () => new FakeRangeFormat(this.context, () => ({ sheet: this.ws.state(), cells: cellsIn([this.area()]) })));
  }
  select(): void {
    this.context.enqueue(() => {
      const a = this.area();
      this.context.doc.selection = { sheet: this.ws.state().name, areas: [a1(a.top, a.left) + (a.top === a.bottom && a.left === a.right ? '' : `:${a1(a.bottom, a.right)}`)] };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.fake.need('1.13', 'Range.getMergedAreasOrNullObject');
    const areas = (): Area[] | null => {
      const a = this.area();
      const hits = this.ws.state().merges.filter((m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left);
      return hits.length > 0 ? hits : null;
    };
    return new FakeRangeAreas(this.context, this.ws, areas, true);
  }
  getRowProperties(options: { rowIndex?: boolean; rowHidden?: boolean }): FakeClientResult<Array<{ rowIndex?: number; rowHidden?: boolean }>> {
    this.context.fake.need('1.9', 'Range.getRowProperties');
    const result = new FakeClientResult<Array<{ rowIndex?: number; rowHidden?: boolean }>>();
    this.context.enqueue(() => {
      const a = this.area();
      const hidden = new Set(this.ws.state().hiddenRows);
      const rows: Array<{ rowIndex?: number; rowHidden?: boolean }> = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const p: { rowIndex?: number; rowHidden?: boolean } = {};
        if (options.rowIndex) p.rowIndex = r - 1;
        if (options.rowHidden) p.rowHidden = hidden.has(r);
        rows.push(p);
      }
      result.set(rows);
    });
    return result;
  }
}

class FakeRangeCollection extends FakeObject {
  private itemList: FakeRange[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly areasOf: () => Area[],
  ) {
    super(ctx);
  }
  get items(): FakeRange[] {
    if (!this.itemList) throw new FakeApiError('PropertyNotLoaded', 'RangeCollection.items');
    return this.itemList;
  }
  protected override resolveItems(tails: string[]): void {
    this.itemList = this.areasOf().map((a) => {
      const r = new FakeRange(this.context, this.ws, () => a, false);
      r.resolve(tails);
      return r;
    });
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly areasOf: () => Area[] | null,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  private list(): Area[] {
    const a = this.areasOf();
    if (!a) throw new FakeApiError('ItemNotFound', 'null range areas');
    return a;
  }
  protected override exists(): boolean {
    return this.areasOf() !== null;
  }
  protected override scalars(): string[] {
    return ['address', 'areaCount'];
  }
  protected override navigation(): string[] {
    return ['areas', 'format'];
  }
  protected override child(name: string): FakeObject {
    if (name === 'areas') return this.areas;
    if (name === 'format') return this.format;
    return super.child(name);
  }
  protected override read(name: string): unknown {
    const list = this.list();
    if (name === 'areaCount') return list.length;
    if (name === 'address') return list.map((a) => `'${this.ws.state().name}'!${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`).join(',');
    return super.read(name);
  }
  get areas(): FakeRangeCollection {
    return this.cached('areas', () => new FakeRangeCollection(this.context, this.ws, () => this.list()));
  }
  get format(): FakeRangeFormat {
    return this.cached('format', () => new FakeRangeFormat(this.context, () => ({ sheet: this.ws.state(), cells: cellsIn(this.list()) })));
  }
  select(): void {
    this.context.enqueue(() => {
      this.context.doc.selection = {
        sheet: this.ws.state().name,
        areas: this.list().map((a) => a1(a.top, a.left) + (a.top === a.bottom && a.left === a.right ? '' : `:${a1(a.bottom, a.right)}`)),
      };
    });
  }
}

// ---- formats

class FakeRangeFormat extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly cells: Cells,
  ) {
    super(ctx);
  }
  protected override navigation(): string[] {
    return ['fill', 'font'];
  }
  protected override child(name: string): FakeObject {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return super.child(name);
  }
  get fill(): FakeFill_ {
    return this.cached('fill', () => new FakeFill_(this.context, this.cells));
  }
  get font(): FakeFont_ {
    return this.cached('font', () => new FakeFont_(this.context, this.cells));
  }
}

/** Read one format property over cells: its value when uniform, else null (as Excel reports mixed formats). */
function uniform<T>(cells: Cells, pick: (f: FakeFormat) => T): T | null {
  const { sheet, cells: list } = cells();
  let first: T | undefined;
  for (const [r, c] of list) {
    const v = pick(sheet.formats[key(r, c)] ?? defaultFormat());
    if (first === undefined) first = v;
    else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
  }
  return first ?? null;
}

function writeFormat(ctx: FakeContext, cells: Cells, what: string, value: unknown, change: (f: FakeFormat) => void): void {
  ctx.enqueue(() => {
    const { sheet, cells: list } = cells();
    if (sheet.protected) throw new FakeApiError('AccessDenied', `sheet ${sheet.name} is protected`);
    for (const [r, c] of list) {
      const f = sheet.formats[key(r, c)] ?? defaultFormat();
      change(f);
      sheet.formats[key(r, c)] = f;
      ctx.write({ kind: 'format', sheet: sheet.name, cell: a1(r, c), what, value });
    }
  });
}

const FILL_19 = ['pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];

class FakeFill_ extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly cells: Cells,
  ) {
    super(ctx);
  }
  protected override scalars(): string[] {
    return this.context.fake.supports('1.9') ? ['color', ...FILL_19] : ['color'];
  }
  protected override read(name: string): unknown {
    if (FILL_19.includes(name)) this.context.fake.need('1.9', `RangeFill.${name}`);
    if (name === 'color' || FILL_19.includes(name)) return uniform(this.cells, (f) => f.fill[name as keyof FakeFill]);
    return super.read(name);
  }
  private set19(name: keyof FakeFill, v: string | number, after?: (f: FakeFormat) => void): void {
    this.context.fake.need('1.9', `RangeFill.${name}`);
    writeFormat(this.context, this.cells, `fill.${name}`, v, (f) => {
      (f.fill as unknown as Record<string, unknown>)[name] = v;
      after?.(f);
    });
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    const c = v.toUpperCase();
    // like the fill colour button: the cell gets a solid fill of that colour
    writeFormat(this.context, this.cells, 'fill.color', c, (f) => {
      f.fill = { ...defaultFormat().fill, color: c, pattern: 'Solid' };
    });
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.set19('pattern', v);
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.set19('patternColor', v.toUpperCase());
  }
  get tintAndShade(): number {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.set19('tintAndShade', v);
  }
  get patternTintAndShade(): number {
    return this.get('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.set19('patternTintAndShade', v);
  }
  clear(): void {
    writeFormat(this.context, this.cells, 'fill.clear', null, (f) => {
      f.fill = defaultFormat().fill;
    });
  }
}

class FakeFont_ extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly cells: Cells,
  ) {
    super(ctx);
  }
  protected override scalars(): string[] {
    return ['color', 'bold', 'italic', 'name', 'size'];
  }
  protected override read(name: string): unknown {
    if (this.scalars().includes(name)) return uniform(this.cells, (f) => f.font[name as keyof FakeFont]);
    return super.read(name);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    writeFormat(this.context, this.cells, 'font.color', v.toUpperCase(), (f) => {
      f.font.color = v.toUpperCase();
    });
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    writeFormat(this.context, this.cells, 'font.bold', v, (f) => {
      f.font.bold = v;
    });
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    writeFormat(this.context, this.cells, 'font.italic', v, (f) => {
      f.font.italic = v;
    });
  }
}

// ---- notes

class FakeNoteCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.context, this.ws, address.toUpperCase(), true);
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.context, this.ws, address.toUpperCase(), false);
  }
  add(cellAddress: string, content: string): FakeNote {
    const address = cellAddress.toUpperCase();
    this.context.enqueue(() => {
      const s = this.ws.state();
      if (s.protected) throw new FakeApiError('AccessDenied', `sheet ${s.name} is protected`);
      if (s.notes[address] !== undefined) throw new FakeApiError('InvalidArgument', `${s.name}!${address} already has a note`);
      s.notes[address] = content;
      this.context.write({ kind: 'note', sheet: s.name, cell: address, what: 'add', value: content });
    });
    return new FakeNote(this.context, this.ws, address, false);
  }
}

class FakeNote extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly address: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists(): boolean {
    return this.ws.state().notes[this.address] !== undefined;
  }
  protected override scalars(): string[] {
    return ['content'];
  }
  protected override read(name: string): unknown {
    if (name === 'content') return this.ws.state().notes[this.address];
    return super.read(name);
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.context.enqueue(() => {
      const s = this.ws.state();
      if (s.notes[this.address] === undefined) throw new FakeApiError('ItemNotFound', `note ${s.name}!${this.address}`);
      s.notes[this.address] = v;
      this.context.write({ kind: 'note', sheet: s.name, cell: this.address, what: 'content', value: v });
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.ws.state();
      if (s.notes[this.address] === undefined) throw new FakeApiError('ItemNotFound', `note ${s.name}!${this.address}`);
      delete s.notes[this.address];
      this.context.write({ kind: 'note', sheet: s.name, cell: this.address, what: 'delete' });
    });
  }
}

// ---- settings

class FakeSettingCollection extends FakeObject {
  getItemOrNullObject(k: string): FakeSetting {
    this.context.fake.need('1.4', 'SettingCollection');
    return new FakeSetting(this.context, k, true);
  }
  getItem(k: string): FakeSetting {
    this.context.fake.need('1.4', 'SettingCollection');
    return new FakeSetting(this.context, k, false);
  }
  add(k: string, value: unknown): FakeSetting {
    this.context.fake.need('1.4', 'SettingCollection');
    // settings are stored as JSON: what comes back is what JSON makes of it
    const stored = JSON.stringify(value);
    this.context.enqueue(() => {
      this.context.doc.settings[k] = stored;
      this.context.write({ kind: 'setting', what: 'add', value: k });
    });
    return new FakeSetting(this.context, k, false);
  }
}

class FakeSetting extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly settingKey: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists(): boolean {
    return this.context.doc.settings[this.settingKey] !== undefined;
  }
  protected override scalars(): string[] {
    return ['key', 'value'];
  }
  protected override read(name: string): unknown {
    if (name === 'key') return this.settingKey;
    if (name === 'value') return JSON.parse(this.context.doc.settings[this.settingKey]);
    return super.read(name);
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.context.enqueue(() => {
      if (this.context.doc.settings[this.settingKey] === undefined) throw new FakeApiError('ItemNotFound', `setting ${this.settingKey}`);
      delete this.context.doc.settings[this.settingKey];
      this.context.write({ kind: 'setting', what: 'delete', value: this.settingKey });
    });
  }
}

// ---- custom XML parts

function namespaceOf(xml: string): string {
  const m = /<(?!\?)(?!!)[^\s>/]+[^>]*?\sxmlns="([^"]*)"/.exec(xml);
  return m ? m[1] : '';
}

class FakeCustomXmlPartCollection extends FakeObject {
  add(xml: string): FakeCustomXmlPart {
    this.context.fake.need('1.5', 'CustomXmlPartCollection');
    const id = `{${this.context.doc.newId('xml')}}`;
    this.context.enqueue(() => {
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[^\s>/!?]/.test(xml)) throw new FakeApiError('InvalidArgument', 'not an XML document');
      this.context.doc.xmlParts.push({ id, namespace: namespaceOf(xml), xml });
      this.context.write({ kind: 'xml', what: 'add', value: id });
    });
    return new FakeCustomXmlPart(this.context, id);
  }
  getByNamespace(ns: string): FakeCustomXmlPartScoped {
    this.context.fake.need('1.5', 'CustomXmlPartCollection');
    return new FakeCustomXmlPartScoped(this.context, ns);
  }
}

class FakeCustomXmlPartScoped extends FakeObject {
  private itemList: FakeCustomXmlPart[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly ns: string,
  ) {
    super(ctx);
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.itemList) throw new FakeApiError('PropertyNotLoaded', 'CustomXmlPartScopedCollection.items');
    return this.itemList;
  }
  protected override resolveItems(tails: string[]): void {
    this.itemList = this.context.doc.xmlParts
      .filter((p) => p.namespace === this.ns)
      .map((p) => {
        const part = new FakeCustomXmlPart(this.context, p.id);
        part.resolve(tails);
        return part;
      });
  }
}

class FakeCustomXmlPart extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly partId: string,
  ) {
    super(ctx);
  }
  private part(): FakeXmlPart {
    const p = this.context.doc.xmlParts.find((x) => x.id === this.partId);
    if (!p) throw new FakeApiError('ItemNotFound', `custom XML part ${this.partId}`);
    return p;
  }
  protected override exists(): boolean {
    return this.context.doc.xmlParts.some((x) => x.id === this.partId);
  }
  protected override scalars(): string[] {
    return ['id', 'namespaceUri'];
  }
  protected override read(name: string): unknown {
    if (name === 'id') return this.partId;
    if (name === 'namespaceUri') return this.part().namespace;
    return super.read(name);
  }
  get id(): string {
    return this.get('id');
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this.context.enqueue(() => r.set(this.part().xml));
    return r;
  }
  setXml(xml: string): void {
    this.context.enqueue(() => {
      const p = this.part();
      p.xml = xml;
      p.namespace = namespaceOf(xml);
      this.context.write({ kind: 'xml', what: 'set', value: p.id });
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const p = this.part();
      this.context.doc.xmlParts.splice(this.context.doc.xmlParts.indexOf(p), 1);
      this.context.write({ kind: 'xml', what: 'delete', value: p.id });
    });
  }
}
