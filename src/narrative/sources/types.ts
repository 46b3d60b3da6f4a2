/** A paragraph of narrative text (情况说明) and where it was read. */
export interface Paragraph {
  text: string;
  /**
   * A workbook cell (one paragraph per prose cell; a cell holding several paragraphs gives several, same cell), or a
   * file and the 1-based ordinal of the paragraph among the file's non-empty paragraphs.
   */
  location: { sheet: string; cell: string } | { file: string; paragraph: number };
}
