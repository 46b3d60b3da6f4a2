/**
 * Semantic addresses: a cell named by what it is (table kind, row code or role, column role) rather than where it is,
 * so a finding can be recognised across layouts and after rows move (waivers, pinned findings, reports).
 */
import { parseA1, type CellRef } from '../model/address';
import type { RecognisedTable } from '../model/table';

export interface SemanticAddress {
  kind: string;
  side: string;
  row: string;
  col: string;
}

export function semanticAddress(tables: RecognisedTable[], ref: CellRef): SemanticAddress | undefined {
  const { row, col } = parseA1(ref.cell);
  for (const t of tables) {
    if (t.sheet !== ref.sheet) continue;
    if (row < t.area.top || row > t.area.bottom || col < t.area.left || col > t.area.right) continue;
    for (const p of t.parts) {
      const r = p.rows.find((x) => x.row === row);
      if (!r) continue;
      const i = r.cells.findIndex((c) => c?.col === col);
      const column = i >= 0 ? p.columns[i] : p.columns.find((c) => c.col === col);
      if (!column) continue;
      return {
        kind: t.kind,
        side: p.side,
        row: r.code ?? r.key ?? (r.hangci !== undefined ? `行${r.hangci}` : r.label),
        col: column.key ?? (column.lanci !== undefined ? `栏${column.lanci}` : column.label),
      };
    }
  }
  return undefined;
}

/** Kinds a workbook holds many of, one per project: their cells are also named by the form's title. */
const ONE_PER_PROJECT = new Set(['juesuan.performance-project']);

export function semanticKey(tables: RecognisedTable[], ref: CellRef): string {
  const a = semanticAddress(tables, ref);
  if (!a) return `${ref.sheet}!${ref.cell}`;
  if (ONE_PER_PROJECT.has(a.kind)) {
    // every 项目绩效自评表 has the same rows and columns: without the project, a waiver of one form would cover all
    const t = tables.find((x) => x.kind === a.kind && x.sheet === ref.sheet && inside(x, ref));
    if (t) return `${a.kind}[${t.title.replace(/\s+/g, '')}]|${a.row}|${a.col}`;
  }
  return `${a.kind}|${a.row}|${a.col}`;
}

function inside(t: RecognisedTable, ref: CellRef): boolean {
  const { row, col } = parseA1(ref.cell);
  return row >= t.area.top && row <= t.area.bottom && col >= t.area.left && col <= t.area.right;
}
