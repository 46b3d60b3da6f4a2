/**
 * The sample workbooks of the browser preview: the neutral model of a fixture workbook plus how it looks (column
 * widths, bold, alignment, borders, fills), built at build time by ./build-samples.ts and served as JSON assets.
 * Shared by the Node builder and the browser; no Node or DOM code here.
 */
import type { Workbook } from '../../src/model/workbook';

export interface CellLook {
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** the cell has a border (drawn as a thin line all round) */
  border?: boolean;
  /** the cell's own fill colour, CSS hex (#RRGGBB) */
  fill?: string;
  /** wrap text */
  wrap?: boolean;
}

export interface SheetLook {
  /** pixel widths of columns 1..n (index 0 = column A) */
  colWidths: number[];
  /** looks by A1 address */
  cells: Record<string, CellLook>;
}

/** The one error injected into a copy of the fixture, so that the demo shows an error and its suspect. */
export interface Injection {
  sheet: string;
  cell: string;
  /** the printed figure of the fixture */
  original: string;
  /** the figure after the slip */
  mutated: string;
  kind: 'transposition';
}

export interface PreviewSample {
  /** stable id, also the asset name: samples/<id>.json */
  id: string;
  /** the fixture file it was built from */
  source: string;
  workbook: Workbook;
  looks: Record<string, SheetLook>;
  injected?: Injection;
}

/** The samples the preview offers, first = default. */
export const SAMPLE_IDS = ['seed-001-error', 'seed-001'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];

export function isSampleId(s: string): s is SampleId {
  return (SAMPLE_IDS as readonly string[]).includes(s);
}

export function sampleAsset(id: SampleId): string {
  return `samples/${id}.json`;
}
