/**
 * Evidence: pointers back into the PDF (page, box in PDF points with a top-left origin, text) built
 * from table cells and from substrings of prose paragraphs.
 */
import type { Paragraph } from '../model/check.ts';
import type { BBox, Evidence, Table } from '../model/types.ts';
import { cellEvidence, unionBox } from '../model/evidence.ts';

export { cellEvidence, unionBox };
import { compact } from './text.ts';

/** The whole body row `row` (cells on its first page united), text joined with ' | '. */
export function rowEvidence(table: Table, row: number): Evidence | null {
  const cells = table.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
  if (cells.length === 0) return null;
  const page = cells[0]!.page;
  const onPage = cells.filter((c) => c.page === page);
  return {
    page,
    bbox: unionBox(onPage.map((c) => c.bbox)),
    text: onPage.map((c) => c.text).filter((t) => t !== '').join(' | '),
  };
}

/** The header of a table (its header cells united, on the first page), with `text` as given. */
export function headerEvidence(table: Table, text: string): Evidence | null {
  const cells = table.cells.filter((c) => c.row < 0);
  if (cells.length === 0) return rowEvidence(table, 0);
  const page = cells[0]!.page;
  return { page, bbox: unionBox(cells.filter((c) => c.page === page).map((c) => c.bbox)), text };
}

/** Where a table's title is printed (its caption box), else its header row. */
export function titleEvidence(table: Table): Evidence | null {
  if (table.titleBox) return { page: table.titleBox.page, bbox: table.titleBox.bbox, text: table.title ?? '' };
  return headerEvidence(table, table.title ?? table.header.join(' | '));
}

/** '表 t1「title」' (or '表 t1' when the table has no title), for messages. */
export function tableName(table: Table): string {
  return table.title ? `表 ${table.id}「${table.title}」` : `表 ${table.id}`;
}

/**
 * Evidence for characters [start, end) of a paragraph's text: the box of the line holding them, or
 * the union of the boxes of the lines a span runs over. Lines are matched to the text with
 * whitespace ignored, so spaces added or dropped when lines were joined do not matter. `text` is the
 * span, or with `wholeLines` the text of the lines it runs over.
 */
export function spanEvidence(p: Paragraph, start: number, end: number, wholeLines = false): Evidence {
  const text = p.text.slice(start, end);
  const before = compact(p.text.slice(0, start)).length;
  const inside = Math.max(1, compact(text).length);
  const lineLens = p.lines.map((l) => compact(l.text).length);
  if (lineLens.reduce((a, b) => a + b, 0) !== compact(p.text).length || p.lines.length === 0) {
    return { page: p.page, bbox: p.bbox, text };
  }
  const boxes: BBox[] = [];
  const texts: string[] = [];
  let pos = 0;
  p.lines.forEach((line, i) => {
    const from = pos;
    const to = pos + lineLens[i]!;
    pos = to;
    if (to > before && from < before + inside) {
      boxes.push(line.bbox);
      texts.push(line.text);
    }
  });
  return { page: p.page, bbox: boxes.length ? unionBox(boxes) : p.bbox, text: wholeLines && texts.length ? texts.join('') : text };
}

/** Where a string was found: the paragraph and the character range in its text. */
export interface TextHit {
  paragraph: Paragraph;
  /** index of the paragraph in the list searched */
  index: number;
  start: number;
  end: number;
}

/** Page limits for a search (1-based, inclusive). */
export interface PageRange {
  from: number;
  to: number;
}

/**
 * Finds `needle` in the paragraphs (whitespace ignored on both sides), optionally only on pages of a
 * range. Returns the first hit.
 */
export function findText(paragraphs: readonly Paragraph[], needle: string, pages?: PageRange): TextHit | null {
  const want = compact(needle);
  if (want === '') return null;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (pages && (p.page < pages.from || p.page > pages.to)) continue;
    const map: number[] = [];
    let flat = '';
    for (let j = 0; j < p.text.length; j++) {
      if (/[\s\u3000]/.test(p.text[j]!)) continue;
      map.push(j);
      flat += p.text[j];
    }
    const at = flat.indexOf(want);
    if (at < 0) continue;
    return { paragraph: p, index: i, start: map[at]!, end: map[at + want.length - 1]! + 1 };
  }
  return null;
}

/** Evidence for `needle` in the paragraphs (see findText), or null when it is not found. */
export function textEvidence(paragraphs: readonly Paragraph[], needle: string, pages?: PageRange): Evidence | null {
  const hit = findText(paragraphs, needle, pages);
  return hit ? spanEvidence(hit.paragraph, hit.start, hit.end) : null;
}

/** Drops nulls (evidence that could not be located). */
export function present(list: readonly (Evidence | null | undefined)[]): Evidence[] {
  return list.filter((e): e is Evidence => e != null);
}
