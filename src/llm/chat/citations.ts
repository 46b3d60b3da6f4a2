/**
 * The cells an answer cites: the references it writes (`T3!C12`, `'Sheet 1'!A1`), and the cells of the tool results
 * it used — a figure of a tool result that the answer repeats, or a finding id it names, cites that cell. A written
 * reference to a sheet the workbook does not have is kept and marked `exists: false` (the model made it up).
 */
import type { CitableCell } from './tools';
import { findCellReferences } from './refs';

export interface Citation {
  sheet: string;
  /** A1 address or range */
  cell: string;
  /** 'text': written in the answer; 'tool': a figure or finding of a tool result the answer used */
  source: 'text' | 'tool';
  /** where the answer writes it: the reference (text) or the figure / id (tool) */
  span?: [number, number];
  /** the sheet exists and the address is well formed (always true for tool cells) */
  exists: boolean;
}

/** A number as written, comparable with a printed figure: no thousands separators, no leading +, no trailing zeros. */
export function canonicalNumber(s: string): string {
  let x = s.replace(/[,，\s]/g, '').replace(/^\+/, '');
  const neg = /^[-−－]/.test(x);
  x = x.replace(/^[-−－]/, '');
  if (x.includes('.')) x = x.replace(/0+$/, '').replace(/\.$/, '');
  x = x.replace(/^0+(?=\d)/, '');
  return neg && x !== '0' ? `-${x}` : x;
}

/** Figures too short to identify a cell: a bare 0, 1 or 12 appears in any text. */
function distinctive(figure: string): boolean {
  const c = canonicalNumber(figure);
  if (!/^-?\d+(\.\d+)?$/.test(c)) return false;
  return c.includes('.') || c.replace('-', '').length >= 3;
}

const NUMBER_RE = /[-−－]?\d[\d,，]*(?:\.\d+)?/g;

/**
 * Citations of `text`: its written references first (in order), then the tool cells whose figures or finding ids it
 * repeats, each cell once and each figure of the text citing one cell (the first tool cell that prints it). Numbers inside written references (the 12 of C12) are not figures.
 */
export function citationsOf(text: string, sheets: readonly string[], toolCells: readonly CitableCell[]): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
  const refs = findCellReferences(text, sheets);
  for (const r of refs) {
    const k = key(r.sheet, r.cell);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: r.sheet, cell: r.cell, source: 'text', span: r.span, exists: r.exists });
  }
  const inRef = (i: number) => refs.some((r) => i >= r.span[0] && i < r.span[1]);
  const numbers: Array<{ value: string; span: [number, number]; used?: boolean }> = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    if (inRef(m.index)) continue;
    // a digit run glued to letters is an address or an id, not a figure
    const before = text[m.index - 1] ?? '';
    if (/[A-Za-z]/.test(before)) continue;
    numbers.push({ value: canonicalNumber(m[0]), span: [m.index, m.index + m[0].length] });
  }
  for (const c of toolCells) {
    const k = key(c.sheet, c.cell);
    const cited = seen.has(k);
    let span: [number, number] | undefined;
    for (const f of c.figures) {
      if (!distinctive(f)) continue;
      const want = canonicalNumber(f);
      // one figure cites one cell: the first tool cell that prints it (a fact's preferred printing comes first)
      const hit = numbers.find((n) => !n.used && (n.value === want || n.value === want.replace(/^-/, '')));
      if (hit) {
        hit.used = true;
        span = hit.span;
        break;
      }
    }
    // a cell the text already cites: its figure is accounted for (another printing of it is not cited as well)
    if (cited) continue;
    if (!span) {
      for (const id of c.ids ?? []) {
        const i = text.indexOf(id);
        if (i >= 0) {
          span = [i, i + id.length];
          break;
        }
      }
    }
    if (!span) continue;
    seen.add(k);
    out.push({ sheet: c.sheet, cell: c.cell, source: 'tool', span, exists: true });
  }
  return out;
}
