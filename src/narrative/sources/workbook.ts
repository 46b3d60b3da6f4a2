/**
 * Narrative paragraphs held in the workbook: the prose sheets recognition found (情况说明 and similar) and any sheet
 * named 情况说明 / 编制说明 / 说明, one paragraph per non-empty cell in reading order (row by row, left to right),
 * skipping the areas of recognised tables and of unplaced table-like blocks. Text of a merged area is read once, from
 * its top-left cell; a cell holding several paragraphs (Alt+Enter breaks) gives several.
 */
import { a1, areaContains, parseArea, type Area } from '../../model/address';
import type { Recognition } from '../../model/table';
import type { Workbook } from '../../model/workbook';
import { mergeAt } from '../../model/workbook';
import { splitBreaks } from './breaks';
import type { Paragraph } from './types';

const NARRATIVE_SHEET_RE = /情况说明|编制说明|^说明$/;

export function isNarrativeSheetName(name: string): boolean {
  return NARRATIVE_SHEET_RE.test(name.replace(/\s+/g, ''));
}

export function paragraphsFromWorkbook(workbook: Workbook, recognition: Recognition): Paragraph[] {
  const listed = new Set(recognition.narrativeSheets);
  const out: Paragraph[] = [];
  for (const sheet of workbook.sheets) {
    const named = isNarrativeSheetName(sheet.name) && !sheet.hidden;
    if (!listed.has(sheet.name) && !named) continue;
    const skip: Area[] = [
      ...recognition.tables.filter((t) => t.sheet === sheet.name).map((t) => t.area),
      ...recognition.unplaced.filter((u) => u.sheet === sheet.name && u.reason === 'unknown-title').map((u) => parseArea(u.range)),
    ];
    sheet.rows.forEach((cells, i) => {
      if (!cells) return;
      const row = i + 1;
      cells.forEach((cell, j) => {
        if (!cell) return;
        const col = j + 1;
        const text = cell.text !== '' ? cell.text : cell.value === null ? '' : String(cell.value);
        if (!text.trim()) return;
        const m = mergeAt(sheet, row, col);
        if (m && (m.top !== row || m.left !== col)) return;
        if (skip.some((a) => areaContains(a, row, col))) return;
        for (const p of splitBreaks(text)) out.push({ text: p, location: { sheet: sheet.name, cell: a1(row, col) } });
      });
    });
  }
  return out;
}
