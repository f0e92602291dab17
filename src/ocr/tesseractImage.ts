/**
 * GrayImage helpers for the tesseract.js engine: encoding as a binary PGM (P5) buffer, which
 * tesseract.js hands to Leptonica unchanged (no PNG encode/decode round trip), white padding
 * around a cell crop, and a blank test. PIXEL coordinates, origin top-left (raster/types.ts).
 */
import type { GrayImage } from '../raster/types.ts';

/** A binary PGM (P5, maxval 255) holding `image`. */
export function grayToPgm(image: GrayImage): Buffer {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length < width * height) {
    throw new RangeError(`bad GrayImage ${width}×${height} with ${data.length} bytes`);
  }
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.length + width * height);
  header.copy(out, 0);
  out.set(data.subarray(0, width * height), header.length);
  return out;
}

/** `image` with `pad` white (255) pixels added on every side. */
export function padWhite(image: GrayImage, pad: number): GrayImage {
  const p = Math.max(0, Math.round(pad));
  if (p === 0) return image;
  const width = image.width + 2 * p;
  const height = image.height + 2 * p;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * image.width, (y + 1) * image.width);
    data.set(row, (y + p) * width + p);
  }
  return { width, height, data };
}

/** Number of pixels darker than `threshold` (0 = black, 255 = white). */
export function countDark(image: GrayImage, threshold: number): number {
  const n = image.width * image.height;
  let dark = 0;
  for (let i = 0; i < n; i++) if (image.data[i]! < threshold) dark++;
  return dark;
}

/**
 * A copy of a cell crop with ruling-line remnants along its edges whitened: within `band` pixels
 * of each side, a column (left/right) or row (top/bottom) whose share of pixels darker than
 * `threshold` reaches `minShare` is a piece of the cell border, not text (tesseract reads it as
 * '|' or '_'). Text rarely fills a whole edge row or column of a cell crop.
 */
export function clearEdgeLines(image: GrayImage, band: number, threshold: number, minShare: number): GrayImage {
  const { width: w, height: h } = image;
  const data = new Uint8Array(image.data.subarray(0, w * h));
  const bx = Math.min(Math.floor(w / 2), Math.max(0, Math.round(band)));
  const by = Math.min(Math.floor(h / 2), Math.max(0, Math.round(band)));
  const darkInColumn = (x: number): number => {
    let n = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < threshold) n++;
    return n / h;
  };
  const darkInRow = (y: number): number => {
    let n = 0;
    for (let x = 0; x < w; x++) if (data[y * w + x]! < threshold) n++;
    return n / w;
  };
  const whitenColumn = (x: number): void => {
    for (let y = 0; y < h; y++) data[y * w + x] = 255;
  };
  const whitenRow = (y: number): void => {
    data.fill(255, y * w, (y + 1) * w);
  };
  for (let i = 0; i < bx; i++) {
    if (darkInColumn(i) >= minShare) whitenColumn(i);
    if (darkInColumn(w - 1 - i) >= minShare) whitenColumn(w - 1 - i);
  }
  for (let i = 0; i < by; i++) {
    if (darkInRow(i) >= minShare) whitenRow(i);
    if (darkInRow(h - 1 - i) >= minShare) whitenRow(h - 1 - i);
  }
  return { width: w, height: h, data };
}
