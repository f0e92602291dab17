/**
 * One page of text.txt: prose paragraphs and table rows in reading order (top to bottom).
 * Paragraphs are blocks with wrapped lines joined; a table row is its cells joined by ' | '
 * (cell text tightened like prose, so no space stands between two Chinese characters).
 */
import type { Line, TableFragment } from '../model/types.ts';
import { linesToBlocks } from '../layout/index.ts';
import { tightenCjk } from '../text/spacing.ts';

/** Separator between the cells of a table row in text.txt. */
export const CELL_SEPARATOR = ' | ';

interface Piece {
  top: number;
  text: string;
}

/** Composes the text of one page from its prose lines and its table fragments. */
export function composePageText(lines: Line[], fragments: TableFragment[]): string {
  const pieces: Piece[] = linesToBlocks(lines).map((b) => ({ top: b.bbox.top, text: b.text }));
  for (const f of fragments) {
    const rows = f.rows.map((cells, i) =>
      f.rowKinds[i] === 'section' ? tightenCjk(cells[0] ?? '') : cells.map(tightenCjk).join(CELL_SEPARATOR),
    );
    pieces.push({ top: f.bbox.top, text: rows.join('\n') });
  }
  pieces.sort((a, b) => a.top - b.top);
  return pieces
    .map((p) => p.text)
    .filter((t) => t !== '')
    .join('\n');
}
