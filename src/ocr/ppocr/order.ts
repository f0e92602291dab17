/**
 * Reading order of OCR lines: rows top to bottom (boxes overlapping vertically by at least half the
 * smaller height share a row), left to right within a row. Boxes are pixels, top-left origin.
 */
import type { PixelBox } from '../../raster/types.ts';
import type { OcrLine } from '../types.ts';

function sameRow(a: PixelBox, b: PixelBox): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Items grouped into rows (top to bottom), each row sorted left to right. */
export function groupRows<T extends { bbox: PixelBox }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.bbox.top - b.bbox.top || a.bbox.x0 - b.bbox.x0);
  const rows: { box: PixelBox; items: T[] }[] = [];
  for (const it of sorted) {
    const row = rows.find((r) => r.items.some((o) => sameRow(o.bbox, it.bbox)));
    if (row) {
      row.items.push(it);
      row.box = unionBox(row.box, it.bbox);
    } else {
      rows.push({ box: { ...it.bbox }, items: [it] });
    }
  }
  rows.sort((a, b) => a.box.top - b.box.top);
  return rows.map((r) => r.items.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

/**
 * Det boxes of one text line joined before recognition: boxes on the same row are merged when
 * they overlap horizontally by more than `-gap` pixels (`gap` = Infinity merges a whole row, as
 * in a table cell). DB splits a line at wide gaps (letter-spaced titles, the blank left half of a
 * full-width bracket) and the unclipped halves then overlap, so each crop would catch a sliver of
 * its neighbour's first character.
 */
export function mergeRowBoxes(boxes: readonly PixelBox[], gap: number): PixelBox[] {
  const rows = groupRows(boxes.map((bbox) => ({ bbox })));
  const out: PixelBox[] = [];
  for (const row of rows) {
    let cur: PixelBox | null = null;
    for (const { bbox } of row) {
      if (cur && bbox.x0 - cur.x1 <= gap) cur = unionBox(cur, bbox);
      else {
        if (cur) out.push(cur);
        cur = { ...bbox };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Lines in reading order. */
export function sortLines(lines: readonly OcrLine[]): OcrLine[] {
  return groupRows(lines).flat();
}

export function unionBox(a: PixelBox, b: PixelBox): PixelBox {
  return { x0: Math.min(a.x0, b.x0), top: Math.min(a.top, b.top), x1: Math.max(a.x1, b.x1), bottom: Math.max(a.bottom, b.bottom) };
}
