/**
 * Marks in place: which cells a host highlights for a set of findings, how each kind looks, and the snapshot of the
 * cells' own formats that lets "Clear marks" restore them exactly. Host-agnostic: the Office.js host (addin/host/
 * office.ts) and the preview host share this.
 *
 * A mark touches only a cell's fill and (for suspects) its bold flag; the font colour is left alone because Office.js
 * cannot restore an "Automatic" font colour exactly. Values are never touched.
 */
import { z } from 'zod';
import type { CellRef } from './model/address';
import type { Finding } from './rules/types';

/** The same shapes as `MarkKind` / `Mark` of the add-in's host port (addin/host/types.ts); src/ does not import addin/. */
export type MarkKind = 'error' | 'warning' | 'suspect' | 'info';

export interface Mark {
  ref: CellRef;
  kind: MarkKind;
  /** the note shown on the cell (finding messages), where the host supports notes */
  note?: string;
}

/** Which kind wins when one cell is marked for several findings: the suspect (the figure most likely wrong) first. */
export const MARK_RANK: Readonly<Record<MarkKind, number>> = { suspect: 4, error: 3, warning: 2, info: 1 };

export interface MarkStyle {
  /** fill colour, #RRGGBB */
  fill: string;
  /** make the cell bold (otherwise its bold flag is left as it is) */
  bold: boolean;
}

/** Excel's own "Bad" / "Neutral" cell-style fills, a stronger red for suspects, a pale blue for information. */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  suspect: { fill: '#FF9B9B', bold: true },
  error: { fill: '#FFC7CE', bold: false },
  warning: { fill: '#FFEB9C', bold: false },
  info: { fill: '#DDEBF7', bold: false },
};

/** Notes longer than this are cut (with "…"): a cell note is a pointer, the task pane has the full text. */
export const NOTE_MAX_CHARS = 1000;

export interface MarksOptions {
  /** also mark the location of info findings (rounding, cannot-evaluate) as 'info'; default false */
  includeInfo?: boolean;
  /** also mark waived findings; default false */
  includeWaived?: boolean;
}

function refKey(r: CellRef): string {
  return `${r.sheet}!${r.cell.toUpperCase()}`;
}

/**
 * Marks for findings: an error's location is marked 'error', a warning's 'warning', the suspect cell of either
 * 'suspect'. One mark per cell, of the most severe kind (MARK_RANK); its note is the messages of every finding that
 * marks the cell, one per line, without repeats (for a suspect, the finding's message and why the cell is suspect).
 * Waived findings and info findings are not marked unless asked. Marks come in order of first appearance.
 */
export function marksForFindings(findings: Finding[], options: MarksOptions = {}): Mark[] {
  const byCell = new Map<string, { ref: CellRef; kind: MarkKind; lines: string[] }>();
  const add = (ref: CellRef, kind: MarkKind, lines: string[]) => {
    const k = refKey(ref);
    let m = byCell.get(k);
    if (!m) {
      m = { ref: { sheet: ref.sheet, cell: ref.cell.toUpperCase() }, kind, lines: [] };
      byCell.set(k, m);
    } else if (MARK_RANK[kind] > MARK_RANK[m.kind]) m.kind = kind;
    for (const l of lines) if (l && !m.lines.includes(l)) m.lines.push(l);
  };
  for (const f of findings) {
    if (f.waived && !options.includeWaived) continue;
    let kind: MarkKind | undefined;
    if (f.severity === 'error') kind = 'error';
    else if (f.severity === 'warning') kind = 'warning';
    else if (options.includeInfo) kind = 'info';
    if (!kind) continue;
    add(f.location, kind, [f.message]);
    if (f.suspect) add({ sheet: f.suspect.sheet, cell: f.suspect.cell }, 'suspect', [f.message, f.suspect.reason]);
  }
  return [...byCell.values()].map(({ ref, kind, lines }) => {
    const mark: Mark = { ref, kind };
    const note = lines.join('\n');
    if (note) mark.note = note.length > NOTE_MAX_CHARS ? `${note.slice(0, NOTE_MAX_CHARS - 1)}…` : note;
    return mark;
  });
}

/** Several marks of one cell merged into one (most severe kind, notes joined): hosts accept any list of marks. */
export function normaliseMarks(marks: Mark[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const m of marks) {
    const k = refKey(m.ref);
    const prev = byCell.get(k);
    if (!prev) {
      byCell.set(k, { ...m, ref: { sheet: m.ref.sheet, cell: m.ref.cell.toUpperCase() } });
      continue;
    }
    if (MARK_RANK[m.kind] > MARK_RANK[prev.kind]) prev.kind = m.kind;
    if (m.note && !(prev.note ?? '').split('\n').includes(m.note)) prev.note = prev.note ? `${prev.note}\n${m.note}` : m.note;
  }
  return [...byCell.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// format snapshots

/** A cell's own fill, as Office.js reports it. Properties after `color` exist from ExcelApi 1.9 on. */
export interface FillSnapshot {
  /** #RRGGBB */
  color: string;
  /** 'None' = no fill; absent when the host cannot tell (then white "#FFFFFF" is taken as no fill) */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface CellFormatSnapshot {
  fill: FillSnapshot;
  /** null when the cell's text is partly bold (rich text): bold is then never touched */
  bold: boolean | null;
}

/** One marked cell: where, how it was marked, and its own format before the first mark. */
export interface MarkedCell {
  sheet: string;
  /** the worksheet's stable id, when the host has one (a renamed sheet is still found) */
  sheetId?: string;
  cell: string;
  kind: MarkKind;
  original: CellFormatSnapshot;
  /** a note was added by the mark (an existing note of the user's is never replaced) */
  noteAdded: boolean;
  /** digest of the added note's text: a note the user has since edited is left in place on clear */
  noteDigest?: string;
}

export const MARK_SNAPSHOT_VERSION = 1;

export interface MarkSnapshot {
  version: 1;
  cells: MarkedCell[];
}

export function emptyMarkSnapshot(): MarkSnapshot {
  return { version: MARK_SNAPSHOT_VERSION, cells: [] };
}

/** True when a fill is "no fill". */
export function isNoFill(fill: FillSnapshot): boolean {
  if (fill.pattern !== undefined) return fill.pattern === 'None';
  return fill.color.toUpperCase() === '#FFFFFF';
}

/** A grouping key: cells with equal keys are restored by one write. */
export function formatKey(f: CellFormatSnapshot): string {
  const x = f.fill;
  if (isNoFill(x)) return `none|${f.bold}`;
  return [x.color.toUpperCase(), x.pattern ?? '', x.patternColor ?? '', x.tintAndShade ?? '', x.patternTintAndShade ?? '', f.bold].join('|');
}

/** Digest of a note text (FNV-1a, 32 bits, hex). */
export function noteDigest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/*
 * Stored form (compact: a workbook setting has limited room): sheets and distinct formats once, then one tuple per
 * cell.
 *   { "version": 1, "sheets": [[name, id?]], "formats": [CellFormatSnapshot], "cells": [[sheet, "C7", kind, format, digest | 0]] }
 * The last member is the digest of the note the mark added, or 0 when it added none.
 */
const KIND_CODE: Record<MarkKind, string> = { error: 'e', warning: 'w', suspect: 's', info: 'i' };
const CODE_KIND: Record<string, MarkKind> = { e: 'error', w: 'warning', s: 'suspect', i: 'info' };

const FormatSchema = z.object({
  fill: z.object({
    color: z.string(),
    pattern: z.string().optional(),
    patternColor: z.string().optional(),
    tintAndShade: z.number().optional(),
    patternTintAndShade: z.number().optional(),
  }),
  bold: z.boolean().nullable(),
});

const StoredSnapshotSchema = z
  .object({
    version: z.literal(MARK_SNAPSHOT_VERSION),
    sheets: z.array(z.tuple([z.string().min(1)]).rest(z.string())),
    formats: z.array(FormatSchema),
    cells: z.array(
      z.tuple([
        z.number().int().nonnegative(),
        z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
        z.enum(['e', 'w', 's', 'i']),
        z.number().int().nonnegative(),
        z.union([z.literal(0), z.string().min(1)]),
      ]),
    ),
  })
  .refine((d) => d.cells.every(([s, , , f]) => s < d.sheets.length && f < d.formats.length), 'index out of range');

export function serializeMarkSnapshot(s: MarkSnapshot): string {
  const sheets: Array<[string] | [string, string]> = [];
  const sheetIndex = new Map<string, number>();
  const formats: CellFormatSnapshot[] = [];
  const formatIndex = new Map<string, number>();
  const cells = s.cells.map((c) => {
    const sk = `${c.sheet}\u0000${c.sheetId ?? ''}`;
    let si = sheetIndex.get(sk);
    if (si === undefined) {
      si = sheets.length;
      sheets.push(c.sheetId !== undefined ? [c.sheet, c.sheetId] : [c.sheet]);
      sheetIndex.set(sk, si);
    }
    const fk = JSON.stringify(c.original);
    let fi = formatIndex.get(fk);
    if (fi === undefined) {
      fi = formats.length;
      formats.push(c.original);
      formatIndex.set(fk, fi);
    }
    return [si, c.cell, KIND_CODE[c.kind], fi, c.noteAdded ? (c.noteDigest ?? '-') : 0];
  });
  return JSON.stringify({ version: s.version, sheets, formats, cells });
}

/**
 * Parse a stored snapshot (the JSON text or its parsed value); never throws. Unreadable data gives an empty snapshot
 * and a warning (the marks it described can then not be cleared automatically: the warning says so).
 */
export function parseMarkSnapshot(text: unknown): { snapshot: MarkSnapshot; warning?: string } {
  if (text === null || text === undefined || text === '') return { snapshot: emptyMarkSnapshot() };
  let data: unknown = text;
  if (typeof text === 'string') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { snapshot: emptyMarkSnapshot(), warning: `mark snapshot is not JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const r = StoredSnapshotSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    return { snapshot: emptyMarkSnapshot(), warning: `mark snapshot is invalid: ${i ? `${i.path.join('.')}: ${i.message}` : ''}` };
  }
  const { sheets, formats, cells } = r.data;
  return {
    snapshot: {
      version: MARK_SNAPSHOT_VERSION,
      cells: cells.map(([si, cell, kind, fi, digest]) => {
        const [sheet, sheetId] = sheets[si];
        const out: MarkedCell = { sheet, cell, kind: CODE_KIND[kind], original: structuredCloneFormat(formats[fi]), noteAdded: digest !== 0 };
        if (sheetId !== undefined) out.sheetId = sheetId;
        if (digest !== 0) out.noteDigest = digest;
        return out;
      }),
    },
  };
}

function structuredCloneFormat(f: CellFormatSnapshot): CellFormatSnapshot {
  return { fill: { ...f.fill }, bold: f.bold };
}

export interface MarkPlan {
  /** marked before and still marked: keep their original formats (restyled if the kind changed) */
  keep: Array<{ previous: MarkedCell; mark: Mark }>;
  /** newly marked: their formats must be read before marking */
  add: Mark[];
  /** marked before, not any more: restore */
  restore: MarkedCell[];
}

/**
 * Reconcile a stored snapshot with a new set of marks, so that marking again never snapshots a mark as a cell's
 * own format. `sheetName` maps a stored cell to the current name of its sheet (via its id), or undefined when the
 * sheet is gone: such cells are dropped (there is nothing left to restore).
 */
export function planMarks(
  previous: MarkSnapshot,
  marks: Mark[],
  sheetName: (c: MarkedCell) => string | undefined = (c) => c.sheet,
): MarkPlan {
  const prevByKey = new Map<string, MarkedCell>();
  for (const c of previous.cells) {
    const name = sheetName(c);
    if (name === undefined) continue;
    prevByKey.set(refKey({ sheet: name, cell: c.cell }), { ...c, sheet: name });
  }
  const plan: MarkPlan = { keep: [], add: [], restore: [] };
  const seen = new Set<string>();
  for (const m of normaliseMarks(marks)) {
    const k = refKey(m.ref);
    seen.add(k);
    const p = prevByKey.get(k);
    if (p) plan.keep.push({ previous: p, mark: m });
    else plan.add.push(m);
  }
  for (const [k, c] of prevByKey) if (!seen.has(k)) plan.restore.push(c);
  return plan;
}
