/** Ink measures of OCR'd lines (lineGeometry.ts, digits.ts). Pixels: top-left origin; 0 = black. */
import type { GrayImage } from '../raster/types.ts';

/** Height of the ink between columns x0 and x1 and rows `top` and `bottom`: first to last inked row (0 when none). */
export function inkHeight(img: GrayImage, x0: number, x1: number, top: number, bottom: number, level: number): number {
  const y0 = Math.max(0, Math.floor(top));
  const y1 = Math.min(img.height, Math.ceil(bottom));
  const c0 = Math.max(0, Math.floor(x0));
  const c1 = Math.min(img.width, Math.ceil(x1));
  let first = -1;
  let last = -1;
  for (let y = y0; y < y1; y++) {
    const row = y * img.width;
    for (let x = c0; x < c1; x++) {
      if (img.data[row + x]! < level) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return first < 0 ? 0 : last - first + 1;
}

/** Median of `v` (NaN when empty). */
export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
