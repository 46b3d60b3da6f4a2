/**
 * The lean engine: generates and evaluates every relation of a workbook without building objects for the figures of
 * the sums that hold — which, in a large workbook, are nearly all of them.
 *
 * The check functions (functions/relations.ts) emit their relations through an `Emitter`. Here a term is a handle into
 * scratch arrays holding the figure's cell and its printed value as a scaled integer, read straight from the cell's
 * text when it is a plain amount ("1,511.89", "-12", "0.00" — as ../amount/parse reads it) and through the context's
 * amount cache otherwise. Each relation is de-duplicated (as `dedupe` in engine.ts: the first of the same operator,
 * target and weighted cells is kept) and decided at once:
 *   - a sum that holds exactly or vacuously (in the scaled integers of ../arith/scaled, the same integers and the same
 *     verdict as the engine's `evaluate`) keeps only its cells' positions and where it came from;
 *   - anything else — a failure, a rounding difference, a blank total, text, a figure outside the integer range,
 *     another operator — is built as the `Relation` the check function describes and evaluated by `evaluate`, so that
 *     its verdict and every printed string are those of the reference path.
 * Ties (built whole from resolved, unit-converted terms) are kept as objects whatever their verdict.
 *
 * Blame reads, for every cell of a failing relation, all the relations that cell is in and the cells next to it; such
 * relations that hold are rebuilt on demand by running their rule over their one table again (a table's relations come
 * out the same, in the same order, every time) and picking them by their position in that run.
 */
import { isDateFormat } from 'numfmt';
import type { Amount } from '../amount/parse';
import { scaledInt } from '../arith/scaled';
import type { RecognisedTable, TableColumn, TablePart, TableRow } from '../model/table';
import type { Sheet } from '../model/workbook';
import type { RuleContext } from './context';
import { CollectEmitter, generateInto, type Emitter } from './functions/relations';
import type { EvaluatedRelation, Gap, LocalText, Relation, RuleDef, Term } from './types';

type Evaluate = (r: Relation) => EvaluatedRelation;

/**
 * Thrown when a figure's address does not fit the packed positions below, or a weight the int8 weights: the engine then
 * runs the reference path.
 */
export class Unpackable extends Error {}

// A cell's position packed into one exact integer: sheet (< 2¹⁴) · 2³⁶ + row (< 2²¹) · 2¹⁵ + column (< 2¹⁵); the
// de-duplication key adds the operator (· 4 + op), staying below 2⁵².
const ROWS = 2 ** 21;
const COLS = 2 ** 15;
const SHEETS = 2 ** 14;
const OPS: Relation['op'][] = ['eq', 'ge', 'le', 'same'];

// kinds of a figure
const BLANK = 0;
const NA = 1;
const NUM = 2;
/** anything the integer path does not decide (text, more than 6 decimals, a value too large): built and evaluated */
const OTHER = 3;

// verdicts of a record
const HOLDS = 1;
const VACUOUS = 2;
/** built as an object (see `objects`) */
const BUILT = 3;

/**
 * The integer path takes figures up to 2⁵⁰ units (a margin below the 2⁵² of ../arith/scaled, so that whatever it
 * decides, `scaledSum` decides the same from the same integers).
 */
const LIMIT = 2 ** 50;
const MAX_DECIMALS = 6;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const dateFormats = new Map<string, boolean>();
function isDate(numFmt: string): boolean {
  let v = dateFormats.get(numFmt);
  if (v === undefined) {
    if (dateFormats.size >= 1000) dateFormats.clear();
    v = isDateFormat(numFmt);
    dateFormats.set(numFmt, v);
  }
  return v;
}

let plainUnits = 0;
let plainDecimals = 0;
/**
 * Is `s` a plain amount as ../amount/parse's PLAIN_RE reads it — /^(-?)(\d+(?:,\d+)*)(?:\.(\d+))?$/ — with at most 15
 * digits (exact as an integer) and 6 decimals? Sets plainUnits (the digits as an integer, signed; 0 for any zero) and
 * plainDecimals.
 */
function plain(s: string): boolean {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (n > 0 && s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let units = 0;
  let digits = 0;
  let c = i < n ? s.charCodeAt(i) : -1;
  if (c < 48 || c > 57) return false;
  // integer part: digit groups separated by single commas
  for (;;) {
    while (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      c = ++i < n ? s.charCodeAt(i) : -1;
    }
    if (c !== 44) break;
    c = ++i < n ? s.charCodeAt(i) : -1;
    if (c < 48 || c > 57) return false;
  }
  let decimals = 0;
  if (c === 46) {
    c = ++i < n ? s.charCodeAt(i) : -1;
    if (c < 48 || c > 57) return false;
    while (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      decimals++;
      c = ++i < n ? s.charCodeAt(i) : -1;
    }
  }
  if (i !== n || digits > 15 || decimals > MAX_DECIMALS) return false;
  plainUnits = units === 0 ? 0 : neg ? -units : units;
  plainDecimals = decimals;
  return true;
}

/** `plain` for tests: the units and decimals of a plain amount, or undefined. */
export function readPlain(s: string): { units: number; decimals: number } | undefined {
  return plain(s) ? { units: plainUnits, decimals: plainDecimals } : undefined;
}

/** Growable typed storage (the scratch of one relation). */
function grow<A extends Float64Array | Int8Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  return b;
}

// Records and their cells are kept in fixed chunks that are never copied: V8 collects the whole heap (the workbook
// included) each time typed arrays grow by some tens of MB, and a doubling copy counts twice.
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

class F64s {
  private readonly chunks: Float64Array[] = [];
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    const c = i >>> CHUNK_BITS;
    (this.chunks[c] ??= new Float64Array(CHUNK))[i & MASK] = v;
  }
}

class I32s {
  private readonly chunks: Int32Array[] = [];
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    const c = i >>> CHUNK_BITS;
    (this.chunks[c] ??= new Int32Array(CHUNK))[i & MASK] = v;
  }
}

class I8s {
  private readonly chunks: Int8Array[] = [];
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    const c = i >>> CHUNK_BITS;
    (this.chunks[c] ??= new Int8Array(CHUNK))[i & MASK] = v;
  }
}

export interface LeanRun {
  /** the relations built as objects, in generation order: every tie, and every other relation that does not hold */
  relations: EvaluatedRelation[];
  gaps: Gap[];
  /** relations that hold, hold vacuously or within rounding (as the summary counts them) */
  passed: number;
  /** what blame must see: every relation holding a cell of a failing relation or a cell next to one, in order */
  forBlame(): EvaluatedRelation[];
}

class LeanEmitter implements Emitter<number> {
  // —— the current relation's terms (handle h is index h − 1) ——
  private n = 0;
  private tPos = new Float64Array(64);
  private tWeight = new Float64Array(64);
  private tKind = new Int8Array(64);
  private tDecimals = new Int8Array(64);
  private tUnits = new Float64Array(64);
  private readonly tTable: RecognisedTable[] = [];
  private readonly tPart: TablePart[] = [];
  private readonly tRow: TableRow[] = [];
  private readonly tColumn: TableColumn[] = [];

  // —— records: every relation kept, in order ——
  count = 0;
  private readonly recRule = new I32s();
  private readonly recTable = new I32s();
  private readonly recOrdinal = new I32s();
  /** the record's cells: arena[recStart, recEnd) */
  private readonly recStart = new I32s();
  private readonly recEnd = new I32s();
  private readonly recVerdict = new I8s();
  /** the next record with the same operator and target cell (-1: none) */
  private readonly recNext = new I32s();
  /**
   * cells of the records (target first) and their weights: integers of −127…127, as the packs' and the printed
   * formulas' weights are (another weight makes the engine take the reference path)
   */
  private readonly arenaPos = new F64s();
  private readonly arenaWeight = new I8s();
  private arenaEnd = 0;
  /** records built as objects */
  readonly objects = new Map<number, EvaluatedRelation>();
  passed = 0;

  // —— de-duplication: open addressing from (target cell, operator) to the first record of that chain ——
  private slotKey: Float64Array;
  private slotRec: Int32Array;
  private slots = 0;

  readonly gaps: Gap[] = [];
  ruleIndex = 0;
  private tableIndex = -1;
  private ordinal = 0;
  private readonly tableIndexOf = new Map<RecognisedTable, number>();
  private readonly sheetIndexOf = new Map<string, number>();
  private readonly sheetByName: Map<string, Sheet>;

  constructor(
    private readonly ctx: RuleContext,
    private readonly rules: RuleDef[],
    private readonly evaluate: Evaluate,
  ) {
    ctx.tables.forEach((t, i) => this.tableIndexOf.set(t, i));
    // sized once for the usual case (a relation per value cell at most), so that it seldom grows
    let cells = 0;
    for (const t of ctx.tables) for (const p of t.parts) cells += p.rows.length * p.columns.length;
    let size = 1 << 10;
    while (size < cells) size *= 2;
    this.slotKey = new Float64Array(size).fill(-1);
    this.slotRec = new Int32Array(size);
    // as RuleContext finds a sheet by name (the last of a repeated name)
    this.sheetByName = new Map(ctx.workbook.sheets.map((s) => [s.name, s]));
  }

  begin(table: RecognisedTable | undefined): void {
    this.tableIndex = table ? this.tableIndexOf.get(table) ?? -1 : -1;
    this.ordinal = 0;
  }

  private sheetIndex(name: string): number {
    let i = this.sheetIndexOf.get(name);
    if (i === undefined) {
      i = this.sheetIndexOf.size;
      if (i >= SHEETS) throw new Unpackable();
      this.sheetIndexOf.set(name, i);
    }
    return i;
  }

  private pack(sheet: string, row: number, col: number): number {
    return this.packIn(this.sheetIndex(sheet), row, col);
  }

  private packIn(sheetIndex: number, row: number, col: number): number {
    if (!(Number.isInteger(row) && row >= 1 && row < ROWS && Number.isInteger(col) && col >= 1 && col < COLS)) throw new Unpackable();
    return (sheetIndex * ROWS + row) * COLS + col;
  }

  // the sheet of the last table a term was asked for (terms come table by table)
  private lastTable: RecognisedTable | undefined;
  private lastSheet: Sheet | undefined;
  private lastSheetIndex = 0;
  // the last number format seen and whether it is a date format (a column's cells share one format)
  private lastFormat: string | undefined;
  private lastFormatIsDate = false;

  term(table: RecognisedTable, part: TablePart, row: TableRow, column: TableColumn, weight = 1): number {
    const k = this.n++;
    if (k >= this.tPos.length) {
      this.tPos = grow(this.tPos, k + 1);
      this.tWeight = grow(this.tWeight, k + 1);
      this.tKind = grow(this.tKind, k + 1);
      this.tDecimals = grow(this.tDecimals, k + 1);
      this.tUnits = grow(this.tUnits, k + 1);
    }
    // the row's own cell for this column, as RuleContext.term reads it
    const col = row.cells[part.columns.indexOf(column)]?.col ?? column.col;
    const r = row.row;
    if (table !== this.lastTable) {
      this.lastTable = table;
      this.lastSheet = this.sheetByName.get(table.sheet);
      this.lastSheetIndex = this.sheetIndex(table.sheet);
    }
    this.tPos[k] = this.packIn(this.lastSheetIndex, r, col);
    this.tWeight[k] = weight;
    this.tTable[k] = table;
    this.tPart[k] = part;
    this.tRow[k] = row;
    this.tColumn[k] = column;
    const sheet = this.lastSheet;
    const cell = sheet ? sheet.rows[r - 1]?.[col - 1] ?? null : null;
    if (!cell) {
      this.tKind[k] = BLANK;
    } else if (!cell.error && !(typeof cell.value === 'number' && cell.numFmt && this.isDate(cell.numFmt)) && plain(cell.text)) {
      // what amountFromCell gives for a plain amount whatever the stored value
      this.tKind[k] = NUM;
      this.tDecimals[k] = plainDecimals;
      this.tUnits[k] = plainUnits;
    } else {
      this.setFrom(k, this.ctx.amountAt(table.sheet, r, col));
    }
    return k + 1;
  }

  private isDate(numFmt: string): boolean {
    if (numFmt !== this.lastFormat) {
      this.lastFormat = numFmt;
      this.lastFormatIsDate = isDate(numFmt);
    }
    return this.lastFormatIsDate;
  }

  private setFrom(k: number, a: Amount): void {
    if (a.kind === 'blank') this.tKind[k] = BLANK;
    else if (a.kind === 'na') this.tKind[k] = NA;
    else if ((a.kind === 'number' || a.kind === 'percent') && a.value !== null && Number.isInteger(a.decimals) && a.decimals >= 0 && a.decimals <= MAX_DECIMALS) {
      const u = scaledInt(a.value, a.decimals);
      if (u !== u || u > LIMIT || u < -LIMIT) this.tKind[k] = OTHER;
      else {
        this.tKind[k] = NUM;
        this.tDecimals[k] = a.decimals;
        this.tUnits[k] = u;
      }
    } else this.tKind[k] = OTHER;
  }

  add(rule: RuleDef, target: number, parts: number[], op: Relation['op'], describe: () => LocalText): void {
    const ordinal = this.ordinal++;
    const n = this.n;
    this.n = 0;
    let valid = target >= 1 && target <= n;
    for (let i = 0; i < parts.length && valid; i++) valid = parts[i] >= 1 && parts[i] <= n;
    if (!valid) throw new Error('lean engine: a term was used after the relation it was made for');
    const start = this.arenaEnd;
    this.push(this.tPos[target - 1], 1);
    for (const h of parts) this.push(this.tPos[h - 1], this.tWeight[h - 1]);
    // the target's weight is not part of a relation's identity (dedupe compares the parts' weights only)
    if (!this.keep(start, OPS.indexOf(op))) {
      this.arenaEnd = start;
      return;
    }
    const rec = this.record(ordinal, start);
    const verdict = op === 'eq' ? this.decide(target - 1, parts) : OTHER;
    if (verdict === HOLDS || verdict === VACUOUS) {
      this.recVerdict.set(rec, verdict);
      this.passed++;
      return;
    }
    const term = (h: number): Term => this.ctx.term(this.tTable[h - 1], this.tPart[h - 1], this.tRow[h - 1], this.tColumn[h - 1], this.tWeight[h - 1]);
    const t = term(target);
    const r: Relation = { rule: rule.id, target: t, parts: parts.map(term), op, soft: !!rule.soft, describe: describe() };
    this.built(rec, r);
  }

  addBuilt(r: Relation): void {
    const ordinal = this.ordinal++;
    this.n = 0;
    const start = this.arenaEnd;
    this.push(this.pack(r.target.ref.sheet, r.target.row, r.target.col), 1);
    for (const p of r.parts) this.push(this.pack(p.ref.sheet, p.row, p.col), p.weight);
    if (!this.keep(start, OPS.indexOf(r.op))) {
      this.arenaEnd = start;
      return;
    }
    this.built(this.record(ordinal, start), r);
  }

  gap(g: Gap): void {
    this.gaps.push(g);
  }

  private built(rec: number, r: Relation): void {
    const e = this.evaluate(r);
    this.recVerdict.set(rec, BUILT);
    this.objects.set(rec, e);
    if (e.verdict === 'holds' || e.verdict === 'vacuous' || e.verdict === 'rounding') this.passed++;
  }

  private push(pos: number, weight: number): void {
    if (!(Number.isInteger(weight) && weight >= -127 && weight <= 127)) throw new Unpackable();
    const i = this.arenaEnd++;
    this.arenaPos.set(i, pos);
    this.arenaWeight.set(i, weight);
  }

  private record(ordinal: number, start: number): number {
    const rec = this.count++;
    this.recRule.set(rec, this.ruleIndex);
    this.recTable.set(rec, this.tableIndex);
    this.recOrdinal.set(rec, ordinal);
    this.recStart.set(rec, start);
    this.recEnd.set(rec, this.arenaEnd);
    this.recNext.set(rec, this.pendingNext);
    const slot = this.pendingSlot;
    this.slotRec[slot] = rec;
    if (this.slotKey[slot] < 0) {
      this.slotKey[slot] = this.pendingKey;
      if (++this.slots * 2 > this.slotKey.length) this.rehash();
    }
    return rec;
  }

  private pendingSlot = 0;
  private pendingKey = 0;
  private pendingNext = -1;

  /**
   * Is the relation at arena[start, arenaEnd) new? Same as engine.ts `dedupe`: a relation repeats an earlier one with
   * the same operator and target cell whose weighted parts are the same multiset. Leaves the slot for `record`.
   */
  private keep(start: number, op: number): boolean {
    const key = this.arenaPos.get(start) * 4 + op;
    const mask = this.slotKey.length - 1;
    let slot = hash(key) & mask;
    while (this.slotKey[slot] >= 0 && this.slotKey[slot] !== key) slot = (slot + 1) & mask;
    this.pendingSlot = slot;
    this.pendingKey = key;
    if (this.slotKey[slot] < 0) {
      this.pendingNext = -1;
      return true;
    }
    const first = this.slotRec[slot];
    for (let rec = first; rec >= 0; rec = this.recNext.get(rec)) {
      if (this.sameParts(this.recStart.get(rec) + 1, this.recEnd.get(rec), start + 1, this.arenaEnd)) return false;
    }
    this.pendingNext = first;
    return true;
  }

  private rehash(): void {
    const keys = this.slotKey;
    const recs = this.slotRec;
    this.slotKey = new Float64Array(keys.length * 2).fill(-1);
    this.slotRec = new Int32Array(keys.length * 2);
    const mask = this.slotKey.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] < 0) continue;
      let slot = hash(keys[i]) & mask;
      while (this.slotKey[slot] >= 0) slot = (slot + 1) & mask;
      this.slotKey[slot] = keys[i];
      this.slotRec[slot] = recs[i];
    }
  }

  private sameParts(a: number, aEnd: number, b: number, bEnd: number): boolean {
    const n = aEnd - a;
    if (n !== bEnd - b) return false;
    const pos = this.arenaPos;
    const w = this.arenaWeight;
    // in order first (the common case of a repeated relation), else as multisets
    let inOrder = true;
    for (let i = 0; i < n && inOrder; i++) inOrder = pos.get(a + i) === pos.get(b + i) && w.get(a + i) === w.get(b + i);
    if (inOrder) return true;
    const used = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let found = false;
      for (let j = 0; j < n && !found; j++) {
        if (!used[j] && pos.get(a + i) === pos.get(b + j) && w.get(a + i) === w.get(b + j)) {
          used[j] = 1;
          found = true;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  /**
   * HOLDS or VACUOUS when the sum target = Σ weight·part decides so in scaled integers, exactly as `scaledSum`
   * (../arith/scaled) does for the same figures; OTHER for everything else (evaluated by the reference path).
   */
  private decide(t: number, parts: number[]): number {
    const kind = this.tKind;
    const dec = this.tDecimals;
    const units = this.tUnits;
    const weight = this.tWeight;
    const kt = kind[t];
    if (kt === OTHER) return OTHER;
    let scale = kt === NUM ? dec[t] : -1;
    for (const h of parts) {
      const p = h - 1;
      const w = weight[p];
      if (!Number.isInteger(w) || w > 1e6 || w < -1e6) return OTHER;
      const k = kind[p];
      if (k === OTHER) return OTHER;
      if (k === NUM && dec[p] > scale) scale = dec[p];
    }
    if (scale < 0) scale = 0;
    let expected = 0;
    let magnitude = 0;
    let half = 0;
    let allZero = true;
    for (const h of parts) {
      const p = h - 1;
      if (kind[p] !== NUM) continue;
      const v = units[p] * POW10[scale - dec[p]];
      if (v > LIMIT || v < -LIMIT) return OTHER;
      const w = weight[p];
      const aw = w < 0 ? -w : w;
      magnitude += (v < 0 ? -v : v) * aw;
      if (magnitude > LIMIT) return OTHER;
      expected += v * w;
      half += 5 * POW10[scale - dec[p]] * aw;
      if (v !== 0) allZero = false;
    }
    if (kt !== NUM) {
      // a blank total: vacuous when every part is zero (any other case is decided by the reference path)
      return kt === BLANK && allZero && half <= LIMIT ? VACUOUS : OTHER;
    }
    const tv = units[t] * POW10[scale - dec[t]];
    if (tv > LIMIT || tv < -LIMIT || magnitude + (tv < 0 ? -tv : tv) > LIMIT) return OTHER;
    half += 5 * POW10[scale - dec[t]];
    if (half > LIMIT) return OTHER;
    if (tv === 0 && allZero) return VACUOUS;
    return tv - expected === 0 ? HOLDS : OTHER;
  }

  /** See LeanRun.forBlame. */
  forBlame(): EvaluatedRelation[] {
    const near = new Set<number>();
    for (const [rec, r] of this.objects) {
      if (r.verdict !== 'fails') continue;
      for (let i = this.recStart.get(rec); i < this.recEnd.get(rec); i++) {
        const p = this.arenaPos.get(i);
        // the cell and its four neighbours (an out-of-range neighbour is a position no figure has)
        near.add(p).add(p - 1).add(p + 1).add(p - COLS).add(p + COLS);
      }
    }
    if (near.size === 0) return [];
    const wanted: number[] = [];
    for (let rec = 0; rec < this.count; rec++) {
      for (let i = this.recStart.get(rec); i < this.recEnd.get(rec); i++) {
        if (near.has(this.arenaPos.get(i))) {
          wanted.push(rec);
          break;
        }
      }
    }
    // rebuild the relations that hold, one run of their rule per table
    const rebuilt = new Map<number, EvaluatedRelation>();
    const byRun = new Map<string, number[]>();
    for (const rec of wanted) {
      if (this.recVerdict.get(rec) === BUILT) continue;
      const k = `${this.recRule.get(rec)}:${this.recTable.get(rec)}`;
      const list = byRun.get(k);
      if (list) list.push(rec);
      else byRun.set(k, [rec]);
    }
    for (const recs of byRun.values()) {
      const rule = this.rules[this.recRule.get(recs[0])];
      const table = this.ctx.tables[this.recTable.get(recs[0])];
      const c = new CollectEmitter(this.ctx);
      generateInto(this.ctx, rule, c, table);
      for (const rec of recs) {
        const r = c.out.relations[this.recOrdinal.get(rec)];
        if (!r || this.pack(r.target.ref.sheet, r.target.row, r.target.col) !== this.arenaPos.get(this.recStart.get(rec))) {
          throw new Error(`lean engine: relation ${this.recOrdinal.get(rec)} of ${rule.id} on ${table?.id} did not come out the same`);
        }
        rebuilt.set(rec, this.evaluate(r));
      }
    }
    return wanted.map((rec) => this.objects.get(rec) ?? rebuilt.get(rec)!);
  }
}

function hash(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Run every rule over the context the lean way. Throws Unpackable when a figure's address cannot be packed (the engine
 * then runs the reference path).
 */
export function runLean(ctx: RuleContext, rules: RuleDef[], evaluate: Evaluate): LeanRun {
  const e = new LeanEmitter(ctx, rules, evaluate);
  rules.forEach((rule, i) => {
    e.ruleIndex = i;
    generateInto(ctx, rule, e);
  });
  return { relations: [...e.objects.values()], gaps: e.gaps, passed: e.passed, forBlame: () => e.forBlame() };
}
