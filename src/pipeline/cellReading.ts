/**
 * When the page-level OCR of a lattice cell can stand (issue #11: a table's text was read twice,
 * once on the page and again cell by cell). Reading a cell from its own crop helps where the page's
 * detection ran a line across a ruling (two cells' text in one box) or missed part of the ink; where
 * neither happened the crop gives the same text, so the page's reading is kept.
 * Frames: cell and item boxes in points of the deskewed raster (px·72/dpi, top-left origin); the
 * crop and its box in raster pixels.
 */
import type { BBox, TextItem } from '../model/types.ts';
import type { GrayImage, PixelBox } from '../raster/types.ts';
import { intersectionArea } from '../tables/geometry.ts';

/** share of an item's area that must lie inside the cell for it to belong there alone */
const INSIDE_SHARE = 0.9;
/** ink pixels outside the items that still count as noise (a '、' at 200 dpi has ~25) */
const MIN_MISSED_INK = 6;
/** a pixel at most this grey is ink */
const INK_LEVEL = 128;

/** Ink pixels (≤ INK_LEVEL) of `img` outside every box of `boxes` (pixels of `img`; a box holds pixel x when x0 ≤ x < x1). */
function uncoveredInk(img: GrayImage, boxes: readonly PixelBox[]): number {
  const { width: w, height: h, data } = img;
  const covered = new Uint8Array(w);
  let n = 0;
  for (let y = 0; y < h; y++) {
    covered.fill(0);
    for (const b of boxes) {
      if (y < b.top || y >= b.bottom) continue;
      // the whole pixels x with x0 ≤ x < x1
      const from = Math.max(0, Math.ceil(b.x0));
      const to = Math.min(w, Math.ceil(b.x1));
      if (to > from) covered.fill(1, from, to);
    }
    for (let x = 0, i = y * w; x < w; x++, i++) if (data[i]! <= INK_LEVEL && !covered[x]) n++;
  }
  return n;
}

/**
 * True when the page's items over `cell` make a clean reading of it: at least one; each read with
 * confidence ≥ `minConfidence` and no doubts; each (almost) wholly inside the cell (a line running
 * over a ruling is not); and together they cover the ink of the cell's crop (`crop`, cut at
 * `cropBox`) but for a few pixels of noise (a glyph the page's detection missed is not covered).
 */
export function pageReadingHolds(cell: BBox, cropBox: PixelBox, crop: GrayImage, pageItems: readonly TextItem[], ptPerPx: number, minConfidence: number): boolean {
  if (minConfidence > 1) return false;
  const over = pageItems.filter((it) => intersectionArea(it.bbox, cell) > 0);
  if (over.length === 0) return false;
  for (const it of over) {
    if (it.confidence < minConfidence || (it.doubts?.length ?? 0) > 0) return false;
    const area = (it.bbox.x1 - it.bbox.x0) * (it.bbox.bottom - it.bbox.top);
    if (area <= 0 || intersectionArea(it.bbox, cell) / area < INSIDE_SHARE) return false;
  }
  // ink the items leave uncovered (grown by a fifth of a line height): a glyph the page missed
  const lineH = Math.min(...over.map((it) => (it.bbox.bottom - it.bbox.top) / ptPerPx));
  const slack = Math.max(2, lineH / 5);
  const boxes = over.map((it) => ({
    x0: it.bbox.x0 / ptPerPx - cropBox.x0 - slack,
    top: it.bbox.top / ptPerPx - cropBox.top - slack,
    x1: it.bbox.x1 / ptPerPx - cropBox.x0 + slack,
    bottom: it.bbox.bottom / ptPerPx - cropBox.top + slack,
  }));
  return uncoveredInk(crop, boxes) <= Math.max(MIN_MISSED_INK, (lineH * lineH) / 100);
}
