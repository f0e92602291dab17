/**
 * One page of text.txt: prose paragraphs and table rows in reading order (top to bottom), and the
 * page's paragraphs with their boxes (paragraphs.json, what checks cite as evidence).
 * Paragraphs are blocks with wrapped lines joined; a table row is its cells joined by ' | '
 * (cell text tightened like prose, so no space stands between two Chinese characters).
 */
import type { Paragraph } from '../model/check.ts';
import type { Line, TableFragment } from '../model/types.ts';
import { linesToBlocks } from '../layout/index.ts';
import { tightenCjk } from '../text/spacing.ts';

/** Separator between the cells of a table row in text.txt. */
export const CELL_SEPARATOR = ' | ';

interface Piece {
  top: number;
  text: string;
}

/** `{ confidence }` of a line read by OCR (the lowest of its items), `{}` for a text-layer line. */
function ocrConfidence(l: Line): { confidence?: number } {
  const ocr = l.items.filter((it) => it.source === 'ocr');
  return ocr.length === 0 ? {} : { confidence: Math.round(Math.min(...ocr.map((it) => it.confidence)) * 1000) / 1000 };
}

/** Composes one page from its prose lines and its table fragments. */
export function composePage(lines: Line[], fragments: TableFragment[]): { text: string; paragraphs: Paragraph[] } {
  const paragraphs: Paragraph[] = linesToBlocks(lines).map((b) => ({
    page: b.page,
    bbox: b.bbox,
    text: b.text,
    lines: b.lines.map((l) => ({ bbox: l.bbox, text: tightenCjk(l.text), ...ocrConfidence(l) })),
  }));
  const pieces: Piece[] = paragraphs.map((p) => ({ top: p.bbox.top, text: p.text }));
  for (const f of fragments) {
    const rows = f.rows.map((cells, i) =>
      f.rowKinds[i] === 'section' ? tightenCjk(cells[0] ?? '') : cells.map(tightenCjk).join(CELL_SEPARATOR),
    );
    pieces.push({ top: f.bbox.top, text: rows.join('\n') });
  }
  pieces.sort((a, b) => a.top - b.top);
  const text = pieces
    .map((p) => p.text)
    .filter((t) => t !== '')
    .join('\n');
  return { text, paragraphs };
}
