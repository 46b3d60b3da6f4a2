/**
 * An Excel-like grid of the preview host's workbook: name box and formula bar, column letters and row numbers, merged
 * cells, the cells' own looks, fills of marks (with a note indicator), the selection, sheet tabs. Click selects a
 * cell, double-click / Enter / F2 edits it (a change event for live checking), arrow keys move.
 */
import * as React from 'react';
import { a1, columnLetters, parseA1, type Area } from '../../src/model/address';
import type { Lang } from '../../src/i18n';
import { t } from '../../src/i18n';
import { getCell, type Sheet } from '../../src/model/workbook';
import type { PreviewHost } from './host';
import { previewMessages } from './messages';

const DEFAULT_COL_PX = 64;
const EXTRA_ROWS = 6;
const EXTRA_COLS = 2;

interface Layout {
  rows: number;
  cols: number;
  /** top-left cell of a merge → its area; covered cells → null */
  merges: Map<string, Area | null>;
}

function layoutOf(sheet: Sheet): Layout {
  let cols = 0;
  for (const r of sheet.rows) if (r && r.length > cols) cols = r.length;
  let rows = sheet.rows.length;
  const merges = new Map<string, Area | null>();
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) merges.set(`${r},${c}`, null);
    merges.set(`${m.top},${m.left}`, m);
  }
  return { rows: rows + EXTRA_ROWS, cols: cols + EXTRA_COLS, merges };
}

function useHostVersion(host: PreviewHost): number {
  return React.useSyncExternalStore(
    React.useCallback((cb) => host.subscribe(cb), [host]),
    () => host.getVersion(),
  );
}

export interface GridProps {
  host: PreviewHost;
  lang: Lang;
}

export function Grid({ host, lang }: GridProps) {
  useHostVersion(host);
  const sheet = host.activeSheet();
  const selection = host.selection();
  const [editing, setEditing] = React.useState<string | undefined>(undefined);
  const [draft, setDraft] = React.useState('');
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const gridRef = React.useRef<HTMLTableElement>(null);
  const layout = React.useMemo(() => (sheet ? layoutOf(sheet) : undefined), [sheet]);
  const active = selection[0];
  const selectionKey = selection.map((r) => `${r.sheet}!${r.cell}`).join(',');

  // keep the selection in view when it moves (the task pane selecting a finding's cells)
  React.useEffect(() => {
    if (!active || !scrollRef.current) return;
    const el = scrollRef.current.querySelector<HTMLElement>(`[data-cell="${active.cell}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectionKey, active]);

  if (!sheet || !layout) return null;
  const look = host.look(sheet.name);
  const widths = Array.from({ length: layout.cols }, (_, i) => look?.colWidths[i] ?? DEFAULT_COL_PX);

  const textAt = (address: string): string => {
    const { row, col } = parseA1(address);
    return getCell(sheet, row, col)?.text ?? '';
  };
  const startEdit = (address: string) => {
    setEditing(address);
    setDraft(textAt(address));
  };
  const commit = () => {
    if (editing === undefined) return;
    if (draft !== textAt(editing)) host.editCell({ sheet: sheet.name, cell: editing }, draft);
    setEditing(undefined);
    gridRef.current?.focus();
  };
  const moveBy = (dr: number, dc: number) => {
    const from = active ? parseA1(active.cell) : { row: 1, col: 1 };
    const row = Math.max(1, Math.min(layout.rows, from.row + dr));
    const col = Math.max(1, Math.min(layout.cols, from.col + dc));
    void host.select([{ sheet: sheet.name, cell: a1(row, col) }]);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing !== undefined) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      moveBy(...moves[e.key]);
    } else if ((e.key === 'Enter' || e.key === 'F2') && active) {
      e.preventDefault();
      startEdit(active.cell);
    }
  };

  const body: React.ReactNode[] = [];
  for (let r = 1; r <= layout.rows; r++) {
    const cells: React.ReactNode[] = [
      <th key="h" scope="row" className="pv-rowhead">
        {r}
      </th>,
    ];
    for (let c = 1; c <= layout.cols; c++) {
      const merge = layout.merges.get(`${r},${c}`);
      if (merge === null) continue;
      const address = a1(r, c);
      const cell = getCell(sheet, r, c);
      const cl = host.cellLook(sheet.name, address);
      const fill = host.fillOf(sheet.name, address);
      const mark = host.markOf(sheet.name, address);
      const selected = host.isSelected(sheet.name, address);
      const numeric = typeof cell?.value === 'number';
      const align = cl?.align ?? (numeric ? 'right' : 'left');
      const classes = ['pv-cell'];
      if (cl?.border) classes.push('pv-border');
      if (selected) classes.push('pv-selected');
      if (active && active.cell === address) classes.push('pv-active');
      if (mark?.note) classes.push('pv-noted');
      if (cl?.wrap) classes.push('pv-wrap');
      const style: React.CSSProperties = { textAlign: align };
      if (fill) style.backgroundColor = fill;
      if (host.boldOf(sheet.name, address)) style.fontWeight = 700;
      cells.push(
        <td
          key={c}
          className={classes.join(' ')}
          style={style}
          rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
          colSpan={merge ? merge.right - merge.left + 1 : undefined}
          data-cell={address}
          data-mark={mark?.kind}
          aria-selected={selected}
          title={mark?.note}
          onMouseDown={() => {
            if (editing !== address) void host.select([{ sheet: sheet.name, cell: address }]);
          }}
          onDoubleClick={() => startEdit(address)}
        >
          {editing === address ? (
            <input
              className="pv-editor"
              autoFocus
              value={draft}
              aria-label={t(previewMessages, lang, 'edit.label', { cell: address })}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter') commit();
                else if (e.key === 'Escape') {
                  setEditing(undefined);
                  gridRef.current?.focus();
                }
              }}
            />
          ) : (
            cell?.text ?? ''
          )}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={{ height: 22 }}>
        {cells}
      </tr>,
    );
  }

  const nameBox = selection.length === 0 ? '' : selection.length === 1 ? selection[0].cell : `${selection[0].cell} (+${selection.length - 1})`;

  return (
    <div className="pv-book">
      <div className="pv-formula">
        <output className="pv-namebox" aria-label={t(previewMessages, lang, 'namebox.label')} data-testid="namebox">
          {nameBox}
        </output>
        <span className="pv-fx" aria-hidden>
          fx
        </span>
        <output className="pv-content" aria-label={t(previewMessages, lang, 'formula.label')}>
          {active ? textAt(active.cell) : ''}
        </output>
      </div>
      <div className="pv-scroll" ref={scrollRef}>
        <table
          className="pv-grid"
          ref={gridRef}
          tabIndex={0}
          onKeyDown={onKeyDown}
          aria-label={t(previewMessages, lang, 'grid.label', { sheet: sheet.name })}
          data-sheet={sheet.name}
          data-testid="grid"
        >
          <colgroup>
            <col style={{ width: 40 }} />
            {widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="pv-corner" />
              {widths.map((_, i) => (
                <th key={i} scope="col" className="pv-colhead">
                  {columnLetters(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      <div className="pv-tabs" role="tablist" aria-label={t(previewMessages, lang, 'sheets.label')}>
        {host.sheets().map((s) => (
          <button
            key={s.name}
            role="tab"
            type="button"
            aria-selected={s.name === sheet.name}
            className={s.name === sheet.name ? 'pv-tab pv-tab-active' : 'pv-tab'}
            onClick={() => host.activate(s.name)}
            data-sheet-tab={s.name}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
