/**
 * The narrow port between the task pane and its host. Three implementations: Office.js (Excel desktop / web), the
 * in-memory preview host (browser preview and end-to-end tests), and fakes in unit tests. The task pane never touches
 * Office.js directly.
 */
import type { CellRef } from '../../src/model/address';
import type { Workbook } from '../../src/model/workbook';

export type MarkKind = 'error' | 'warning' | 'suspect' | 'info';

export interface Mark {
  ref: CellRef;
  kind: MarkKind;
  /** the note shown on the cell (finding message), where the host supports notes/comments */
  note?: string;
}

/** A waiver (出错说明): a finding accepted by a reviewer, with a reason; it holds while its figures are unchanged. */
export interface Waiver {
  /** stable finding key: rule + semantic address of its location (see src/rules/semantic.ts) */
  key: string;
  /** fingerprint of the figures the finding was about (expected/actual/difference); a change revives the finding */
  figures: string;
  reason: string;
  author?: string;
  /** ISO date */
  at: string;
}

export interface HostCapabilities {
  /** merged areas can be read (ExcelApi 1.8+) */
  merges: boolean;
  /** cell notes/comments can be written */
  notes: boolean;
  /** waivers can be stored in the document */
  waivers: boolean;
  /** change events for live re-check */
  changeEvents: boolean;
}

export interface HostPort {
  readonly name: 'office' | 'preview' | 'fake';
  capabilities(): HostCapabilities;
  /** read every sheet's used range: values, displayed text, formulas, number formats, merged areas */
  readWorkbook(): Promise<Workbook>;
  /** select (and scroll to) cells; several refs on one sheet select a multi-area range */
  select(refs: CellRef[]): Promise<void>;
  /** highlight cells, snapshotting their own formats first so that clearMarks restores them exactly */
  applyMarks(marks: Mark[]): Promise<void>;
  /** restore every cell marked by applyMarks to its own format; nothing else changes */
  clearMarks(): Promise<void>;
  loadWaivers(): Promise<Waiver[]>;
  saveWaivers(waivers: Waiver[]): Promise<void>;
  /** write text into one cell: the only write to values, and only on the user's click (Insert draft) */
  writeText(ref: CellRef, text: string): Promise<void>;
  /** subscribe to cell changes (live re-check); returns an unsubscribe function */
  onChange(listener: (changed: CellRef[]) => void): Promise<() => void>;
}
