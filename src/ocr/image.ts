/**
 * Small pixel operations on greyscale images for the OCR engines: crop, pad, resize, ink box.
 * All boxes are PIXELS, origin at the top-left pixel, x right, y down, right/bottom exclusive
 * (raster/types.ts). 0 = black, 255 = white.
 */
import type { GrayImage, PixelBox } from '../raster/types.ts';

/** A blank (white) image of the given size. */
export function whiteImage(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

// clamping and cropping are raster/crop.ts's; re-exported for the engine's callers
import { cropGray } from '../raster/crop.ts';
export { clampBox, cropGray } from '../raster/crop.ts';

/** `img` with `pad` pixels of `value` (default white) added on every side. */
export function padGray(img: GrayImage, pad: number, value = 255): GrayImage {
  const p = Math.max(0, Math.round(pad));
  const w = img.width + 2 * p;
  const h = img.height + 2 * p;
  const data = new Uint8Array(w * h).fill(value);
  for (let y = 0; y < img.height; y++) {
    data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + p) * w + p);
  }
  return { width: w, height: h, data };
}

/**
 * `img` resized to `width`×`height`: area averaging when shrinking (like OpenCV INTER_AREA, keeps
 * thin strokes), bilinear when enlarging. Each axis is handled on its own.
 */
export function resizeGray(img: GrayImage, width: number, height: number): GrayImage {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (w === img.width && h === img.height) return { width: w, height: h, data: img.data.slice() };
  const rows = resampleAxis(img.data, img.width, img.height, w, true);
  const out = resampleAxis(rows, w, img.height, h, false);
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(out[i]!)));
  return { width: w, height: h, data };
}

/** Weights of one output sample: source indices and their weights (summing to 1). */
interface Taps {
  start: Int32Array;
  count: Int32Array;
  idx: Int32Array;
  wt: Float32Array;
}

function axisTaps(src: number, dst: number): Taps {
  const start = new Int32Array(dst);
  const count = new Int32Array(dst);
  const idx: number[] = [];
  const wt: number[] = [];
  const scale = src / dst;
  for (let i = 0; i < dst; i++) {
    start[i] = idx.length;
    if (scale > 1) {
      // area: source interval [i·scale, (i+1)·scale)
      const a = i * scale;
      const b = Math.min(src, (i + 1) * scale);
      for (let s = Math.floor(a); s < b; s++) {
        const cover = Math.min(b, s + 1) - Math.max(a, s);
        if (cover > 1e-6) {
          idx.push(s);
          wt.push(cover / (b - a));
        }
      }
    } else {
      // bilinear on pixel centres
      const c = Math.max(0, Math.min(src - 1, (i + 0.5) * scale - 0.5));
      const s0 = Math.floor(c);
      const f = c - s0;
      idx.push(s0);
      wt.push(1 - f);
      if (f > 0 && s0 + 1 < src) {
        idx.push(s0 + 1);
        wt.push(f);
      }
    }
    count[i] = idx.length - start[i]!;
  }
  return { start, count, idx: Int32Array.from(idx), wt: Float32Array.from(wt) };
}

/** Resamples along x (`horizontal`) or y: from a `w`×`h` array to `n` columns or rows. */
function resampleAxis(data: ArrayLike<number>, w: number, h: number, n: number, horizontal: boolean): Float32Array {
  if (horizontal) {
    const taps = axisTaps(w, n);
    const out = new Float32Array(n * h);
    for (let y = 0; y < h; y++) {
      const row = y * w;
      for (let i = 0; i < n; i++) {
        let v = 0;
        const s = taps.start[i]!;
        for (let k = 0; k < taps.count[i]!; k++) v += data[row + taps.idx[s + k]!]! * taps.wt[s + k]!;
        out[y * n + i] = v;
      }
    }
    return out;
  }
  const taps = axisTaps(h, n);
  const out = new Float32Array(w * n);
  for (let i = 0; i < n; i++) {
    const s = taps.start[i]!;
    for (let k = 0; k < taps.count[i]!; k++) {
      const row = taps.idx[s + k]! * w;
      const f = taps.wt[s + k]!;
      for (let x = 0; x < w; x++) out[i * w + x]! += data[row + x]! * f;
    }
  }
  return out;
}

/**
 * The bounding box of the ink (pixels darker than `threshold`), or null when the image holds fewer
 * than `minPixels` such pixels.
 */
export function inkBox(img: GrayImage, threshold = 128, minPixels = 4): PixelBox | null {
  let x0 = img.width;
  let x1 = -1;
  let top = img.height;
  let bottom = -1;
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      if (img.data[row + x]! < threshold) {
        n++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return n >= minPixels ? { x0, top, x1: x1 + 1, bottom: bottom + 1 } : null;
}

/** Height of the ink of `img` inside `box` (clamped): first to last row darker than `threshold`, 0 when none. */
export function inkHeight(img: GrayImage, box: PixelBox, threshold = 128): number {
  const b = inkBox(cropGray(img, box), threshold, 1);
  return b ? b.bottom - b.top : 0;
}

/**
 * A copy of `img` with ruling-line remnants along its edges painted white: rows within `margin`
 * pixels of the top or bottom edge (columns of the left or right edge) whose ink covers more than
 * `coverage` of their length. Cell crops taken from a grid often keep a pixel or two of its lines.
 */
export function eraseEdgeLines(img: GrayImage, margin: number, threshold = 128, coverage = 0.6): GrayImage {
  const { width: w, height: h } = img;
  const data = img.data.slice();
  const m = Math.max(0, Math.round(margin));
  const darkRow = (y: number): boolean => {
    let n = 0;
    for (let x = 0; x < w; x++) if (data[y * w + x]! < threshold) n++;
    return n > coverage * w;
  };
  const darkCol = (x: number): boolean => {
    let n = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < threshold) n++;
    return n > coverage * h;
  };
  for (let y = 0; y < Math.min(m, h); y++) {
    if (darkRow(y)) data.fill(255, y * w, (y + 1) * w);
    const yb = h - 1 - y;
    if (yb >= 0 && darkRow(yb)) data.fill(255, yb * w, (yb + 1) * w);
  }
  for (let x = 0; x < Math.min(m, w); x++) {
    for (const xc of [x, w - 1 - x]) {
      if (xc >= 0 && darkCol(xc)) for (let y = 0; y < h; y++) data[y * w + xc] = 255;
    }
  }
  return { width: w, height: h, data };
}
