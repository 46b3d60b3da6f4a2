/**
 * Known real inconsistencies of the published documents (test/fixtures/known-inconsistencies.json): error findings on
 * an unmutated fixture book that match an entry are real defects of the source, not false alarms of the checker.
 *
 * Format: `[{ "book": "sh-sifaju-2026-*", "rule": "generic.code-footing", "cell": "T3!E7", "note": "…" }]`
 * - `book`: a glob (`*`, `?`) on the book's file name (`sh-sifaju-2026-split.xlsx`; the `.xlsx` may be left out);
 * - `rule` (optional): a glob on the finding's rule id; absent or `*` = any rule;
 * - `cell`: `Sheet!A1`; it matches a finding located at that cell, reading it (`cells`) or blaming it (`suspect`).
 */
import * as fs from 'node:fs';
import type { Finding } from '../../src/rules';

export interface KnownInconsistency {
  book: string;
  rule?: string;
  cell: string;
  note?: string;
}

/** A glob (`*` any run of characters, `?` one character) as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

export function globMatch(glob: string, s: string): boolean {
  return globToRegExp(glob).test(s);
}

function bookMatches(glob: string, book: string): boolean {
  return globMatch(glob, book) || globMatch(glob, book.replace(/\.xlsx$/i, ''));
}

const ref = (sheet: string, cell: string) => `${sheet}!${cell}`;

/** Whether an error finding on `book` is one of the known real inconsistencies. */
export function isKnown(finding: Finding, book: string, known: readonly KnownInconsistency[]): boolean {
  return known.some((k) => {
    if (!bookMatches(k.book, book)) return false;
    if (k.rule && !globMatch(k.rule, finding.rule)) return false;
    const cells = new Set<string>([ref(finding.location.sheet, finding.location.cell), ...finding.cells.map((c) => ref(c.sheet, c.cell))]);
    if (finding.suspect) cells.add(ref(finding.suspect.sheet, finding.suspect.cell));
    return cells.has(k.cell);
  });
}

/** Validate parsed JSON as a list of known inconsistencies; throws with the offending index. */
export function parseKnown(data: unknown, source = 'known inconsistencies'): KnownInconsistency[] {
  if (!Array.isArray(data)) throw new Error(`${source}: expected a JSON array`);
  return data.map((x, i) => {
    const o = x as Record<string, unknown>;
    if (!o || typeof o !== 'object' || typeof o.book !== 'string' || typeof o.cell !== 'string' || !/^.+![A-Z]+[0-9]+$/.test(o.cell)) {
      throw new Error(`${source}[${i}]: expected { "book": "<glob>", "cell": "Sheet!A1", "rule"?: "<glob>" }`);
    }
    if (o.rule !== undefined && typeof o.rule !== 'string') throw new Error(`${source}[${i}]: "rule" must be a string`);
    const k: KnownInconsistency = { book: o.book, cell: o.cell };
    if (typeof o.rule === 'string') k.rule = o.rule;
    if (typeof o.note === 'string') k.note = o.note;
    return k;
  });
}

/** Read the list; an absent file is an empty list. */
export function loadKnown(filePath: string): KnownInconsistency[] {
  if (!fs.existsSync(filePath)) return [];
  return parseKnown(JSON.parse(fs.readFileSync(filePath, 'utf8')), filePath);
}
