/**
 * Blank and near-blank pages: recognised from the text layer and a cheap ink count, never sent to
 * OCR (200 blank pages used to take minutes of OCR each run). A page is blank when it has no text
 * and either paints nothing at all (no image, no path: known without rendering) or, rendered at a
 * low resolution, shows almost no ink away from its edges (a scanned empty sheet, a sheet with
 * only a few specks or a lone page number).
 */
import type { PageContent } from '../model/types.ts';
import type { GrayImage } from '../raster/types.ts';

export interface BlankSettings {
  /** a pixel darker than this (0 = black, 255 = white) is ink. @default 160 */
  readonly darkThreshold: number;
  /** share of each edge left out (scanner borders, punch holes), 0..0.5. @default 0.05 */
  readonly margin: number;
  /**
   * at most this share of the inner area may be ink. At 50 dpi a 10.5 pt Han character darkens
   * ≈ 15–20 px of ≈ 200 000: 0.0002 is about two characters. @default 0.0002
   */
  readonly maxInkShare: number;
}

export const DEFAULT_BLANK: BlankSettings = { darkThreshold: 160, margin: 0.05, maxInkShare: 0.0002 };

/** Whether the page's content alone shows it blank: no text, no image, nothing painted. */
export function paintsNothing(page: PageContent): boolean {
  return page.items.length === 0 && (page.images ?? 0) === 0 && (page.painted ?? 1) === 0;
}

/** Share (0..1) of the image's inner area (edges left out) that is ink. */
export function innerInkShare(image: GrayImage, s: BlankSettings = DEFAULT_BLANK): number {
  const { width: w, height: h, data } = image;
  const x0 = Math.floor(w * s.margin);
  const x1 = w - x0;
  const y0 = Math.floor(h * s.margin);
  const y1 = h - y0;
  if (x1 <= x0 || y1 <= y0) return 0;
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * w;
    for (let x = x0; x < x1; x++) if (data[row + x]! < s.darkThreshold) ink++;
  }
  return ink / ((x1 - x0) * (y1 - y0));
}

/** Why a page without text is blank: the share of its inner area that is ink (0..1). */
export function blankReason(inkShare: number): string {
  return `no text, ink on ${(inkShare * 100).toFixed(3)}% of the page`;
}

/** Whether a low-resolution render of a page without text shows it blank. */
export function looksBlank(image: GrayImage, s: BlankSettings = DEFAULT_BLANK): boolean {
  return innerInkShare(image, s) <= s.maxInkShare;
}

/**
 * Share (0..1) of the inner area that is ink, in `image` taken at `dpi` px per inch, as a render at
 * `inkDpi` would show it: the image is averaged over square blocks of round(dpi / inkDpi) pixels
 * first (a lone speck fades as it does in a low-resolution render), then counted as
 * `innerInkShare` counts. Lets the scan read for OCR also say whether its page is blank.
 */
export function inkShareAtDpi(image: GrayImage, dpi: number, inkDpi: number, s: BlankSettings = DEFAULT_BLANK): number {
  const f = Math.max(1, Math.round(dpi / inkDpi));
  if (f === 1) return innerInkShare(image, s);
  const w = Math.floor(image.width / f);
  const h = Math.floor(image.height / f);
  if (w === 0 || h === 0) return innerInkShare(image, s);
  const sums = new Uint32Array(w);
  const out = new Uint8Array(w * h);
  const area = f * f;
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    for (let y = by * f; y < (by + 1) * f; y++) {
      const row = y * image.width;
      for (let bx = 0, x = 0; bx < w; bx++) {
        let t = 0;
        for (const end = x + f; x < end; x++) t += image.data[row + x]!;
        sums[bx]! += t;
      }
    }
    for (let bx = 0; bx < w; bx++) out[by * w + bx] = Math.round(sums[bx]! / area);
  }
  return innerInkShare({ width: w, height: h, data: out }, s);
}
