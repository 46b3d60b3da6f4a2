/** Narrative sources: the 情况说明 paragraphs of a workbook's prose sheets, of a .txt file or of a .docx file. */
export type { Paragraph } from './types';
export { paragraphsFromWorkbook, isNarrativeSheetName } from './workbook';
export { splitBreaks, isHeadingLine } from './breaks';
export { documentXmlParagraphs, docxParagraphs } from './docx';
export { decodeText, textParagraphs } from './text';
export { paragraphsFromFile } from './file';
