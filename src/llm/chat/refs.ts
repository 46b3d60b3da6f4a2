/**
 * Cell references as the chat writes them: `表名!C12`, `'Sheet 1'!A1`, ranges `T3!C5:C12`, full-width `！`. Parsing a
 * model's answer is lenient about the characters around a reference and strict about the sheet: a reference counts as
 * existing only when its sheet is one of the workbook's sheets.
 */

export interface CellReference {
  sheet: string;
  /** A1 address or range, upper case, without `$` */
  cell: string;
  /** [start, end) of the reference in the text */
  span: [number, number];
  /** the sheet is one of the workbook's and the address is well formed */
  exists: boolean;
}

const ADDRESS = String.raw`\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6})?`;
/** a quoted sheet name ('…' with '' for a quote, or ‘…’) then ! and an address */
const QUOTED_RE = new RegExp(String.raw`(?:'((?:[^']|'')+)'|‘([^’]+)’)[!！](${ADDRESS})(?![A-Za-z0-9])`, 'g');
/**
 * an unquoted run of name characters then ! and an address. The run may swallow words written before the sheet name
 * (“见情况说明!A9”): the longest suffix that names a sheet is taken.
 */
const UNQUOTED_RE = new RegExp(String.raw`([^\s!！'‘’"“”\`，。；：、,;:()（）【】\[\]<>《》{}|*]+)[!！](${ADDRESS})(?![A-Za-z0-9])`, 'g');

const MAX_ROWS = 1048576;
const MAX_COL = 16384; // XFD

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The address without `$`, upper case, or undefined when it is beyond Excel's grid. */
export function normaliseAddress(address: string): string | undefined {
  const parts = address.replace(/\$/g, '').toUpperCase().split(':');
  for (const p of parts) {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (!m) return undefined;
    if (colNumber(m[1]) > MAX_COL || Number(m[2]) > MAX_ROWS) return undefined;
  }
  return parts.join(':');
}

/** `Sheet!A1`, quoting the sheet name when it holds characters that would end an unquoted name. */
export function formatRef(sheet: string, cell: string): string {
  return /^[^\s!！'‘’"“”`，。；：、,;:()（）【】[\]<>《》{}|*]+$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Every cell reference in `text`, in order. `sheets` are the workbook's sheet names. */
export function findCellReferences(text: string, sheets: readonly string[]): CellReference[] {
  const known = new Set(sheets);
  const lower = new Map(sheets.map((s) => [s.toLowerCase(), s]));
  const found: CellReference[] = [];
  const taken: Array<[number, number]> = [];
  const byLength = [...sheets].sort((a, b) => b.length - a.length);
  const push = (sheetWritten: string, address: string, start: number, end: number) => {
    const cell = normaliseAddress(address);
    const sheet = known.has(sheetWritten) ? sheetWritten : (lower.get(sheetWritten.toLowerCase()) ?? sheetWritten);
    found.push({ sheet, cell: cell ?? address.toUpperCase(), span: [start, end], exists: known.has(sheet) && cell !== undefined });
    taken.push([start, end]);
  };
  for (const m of text.matchAll(QUOTED_RE)) {
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    push(name, m[3], m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(UNQUOTED_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    // the longest sheet name (case-insensitive) written right before the "!": it may hold spaces (“Sheet 1!A1”) and
    // the run may have swallowed words written before it (“见情况说明!A9”); else the run, marked as not existing
    const bang = end - m[2].length - 1;
    const before = text.slice(0, bang).toLowerCase();
    const sheet = byLength.find((s) => before.endsWith(s.toLowerCase()));
    const offset = sheet !== undefined ? bang - sheet.length - start : 0;
    if (offset < 0 && taken.some(([a, b]) => start + offset < b && end > a)) continue;
    const name = sheet ?? m[1];
    push(name, m[2], start + offset, end);
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/** Parse one reference written alone (a tool argument): `Sheet!A1` or `'Sheet 1'!A1`; undefined when it is not one. */
export function parseRef(text: string, sheets: readonly string[]): { sheet: string; cell: string } | undefined {
  const s = text.trim();
  const refs = findCellReferences(s, sheets);
  if (refs.length !== 1) return undefined;
  const r = refs[0];
  if (r.span[0] !== 0 || r.span[1] !== s.length || !r.exists) return undefined;
  return { sheet: r.sheet, cell: r.cell };
}
