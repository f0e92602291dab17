/**
 * layout/: text items → lines → blocks in reading order; running headers/footers removed; a PDF
 * split into the 公文 it holds, each described (文号, title, issuers, dates, pages, attachments).
 * Boxes are PDF points, top-left origin (see model/types.ts).
 */
export { itemsToLines, itemsToLine } from './lines.ts';
export { removeRunningLines, isPageNumberText } from './running.ts';
export { linesToBlocks, blockText } from './blocks.ts';
export { splitGongwen } from './split.ts';
export { parseDocNumber, findDocNumbers } from './docnumber.ts';
export { parseChineseDate, isDateOnly, printLineDate } from './dates.ts';
export { DEFAULT_LAYOUT_SETTINGS, layoutSettings, type LayoutSettings } from './settings.ts';
