/**
 * Greyscale → bitmap (1 = ink, 0 = paper), pixel coordinates top-left origin.
 * - `binarizeOtsu`: one global threshold (Otsu's between-class variance maximum);
 * - `binarizeSauvola`: a local threshold T = m·(1 + k·(s/R − 1)) from the mean m and standard
 *   deviation s of a square window, computed with running column sums (O(width) extra memory),
 *   robust to uneven lighting and keeping faint thin rules that a global threshold loses.
 */
import type { GrayImage } from './types.ts';

/** A 1-byte-per-pixel bitmap, row-major: 1 = ink (dark), 0 = paper. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface SauvolaSettings {
  /** side of the square window, px (odd). @default 31 */
  readonly window: number;
  /** sensitivity k; higher = fewer ink pixels. @default 0.3 */
  readonly k: number;
  /** dynamic range R of the standard deviation. @default 128 */
  readonly range: number;
  /** pixels at least this light are always paper (keeps paper noise out). @default 230 */
  readonly paperLevel: number;
  /** pixels at most this dark are always ink. @default 60 */
  readonly inkLevel: number;
}

export const DEFAULT_SAUVOLA: SauvolaSettings = { window: 31, k: 0.3, range: 128, paperLevel: 230, inkLevel: 60 };

/** 256-bin histogram of a grey image. */
export function grayHistogram(img: GrayImage): Uint32Array {
  const h = new Uint32Array(256);
  const d = img.data;
  for (let i = 0; i < d.length; i++) h[d[i]!]!++;
  return h;
}

/** Otsu's threshold: grey levels ≤ the result are ink. `hist`: the image's histogram when already counted. */
export function otsuThreshold(img: GrayImage, hist = grayHistogram(img)): number {
  const total = img.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Pixels ≤ `threshold` (default: Otsu) → ink. */
export function binarizeOtsu(img: GrayImage, threshold = otsuThreshold(img)): Bitmap {
  const out = new Uint8Array(img.data.length);
  const d = img.data;
  for (let i = 0; i < d.length; i++) out[i] = d[i]! <= threshold ? 1 : 0;
  return { width: img.width, height: img.height, data: out };
}

/** Sauvola local threshold (see the file comment). */
export function binarizeSauvola(img: GrayImage, settings: Partial<SauvolaSettings> = {}): Bitmap {
  const s = { ...DEFAULT_SAUVOLA, ...settings };
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const r = Math.max(1, Math.floor(s.window / 2));
  // running sums over the rows [y − r, y + r] of every column
  const colSum = new Float64Array(w);
  const colSq = new Float64Array(w);
  const addRow = (y: number, sign: number): void => {
    const off = y * w;
    for (let x = 0; x < w; x++) {
      const v = data[off + x]!;
      colSum[x] = colSum[x]! + sign * v;
      colSq[x] = colSq[x]! + sign * v * v;
    }
  };
  for (let y = 0; y < Math.min(r, h); y++) addRow(y, 1);
  const k = s.k;
  const invR = 1 / s.range;
  for (let y = 0; y < h; y++) {
    if (y + r < h) addRow(y + r, 1);
    if (y - r - 1 >= 0) addRow(y - r - 1, -1);
    const rows = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
    let sum = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(r, w); x++) {
      sum += colSum[x]!;
      sq += colSq[x]!;
    }
    const off = y * w;
    for (let x = 0; x < w; x++) {
      if (x + r < w) {
        sum += colSum[x + r]!;
        sq += colSq[x + r]!;
      }
      if (x - r - 1 >= 0) {
        sum -= colSum[x - r - 1]!;
        sq -= colSq[x - r - 1]!;
      }
      const v = data[off + x]!;
      if (v >= s.paperLevel) continue;
      if (v <= s.inkLevel) {
        out[off + x] = 1;
        continue;
      }
      const n = rows * (Math.min(w - 1, x + r) - Math.max(0, x - r) + 1);
      const m = sum / n;
      const sd = Math.sqrt(Math.max(0, sq / n - m * m));
      if (v <= m * (1 + k * (sd * invR - 1))) out[off + x] = 1;
    }
  }
  return { width: w, height: h, data: out };
}

/** Share of ink pixels, 0..1. */
export function inkShare(bm: Bitmap): number {
  let n = 0;
  const d = bm.data;
  for (let i = 0; i < d.length; i++) n += d[i]!;
  return d.length ? n / d.length : 0;
}

/**
 * 4-byte words over a bitmap's bytes for skipping paper four pixels at a time (`nextInk`), or null
 * when its bytes do not start on a word boundary of their buffer.
 */
export function inkWords(data: Uint8Array): Int32Array | null {
  return data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
}

/** The first index in [from, to) whose byte is not 0, else `to`; `words` = `inkWords(data)`. */
export function nextInk(data: Uint8Array, words: Int32Array | null, from: number, to: number): number {
  let i = from;
  if (words) {
    while (i < to && i & 3) {
      if (data[i]) return i;
      i++;
    }
    while (i + 4 <= to && words[i >> 2] === 0) i += 4;
  }
  while (i < to && !data[i]) i++;
  return i;
}

/**
 * Removes isolated ink pixels (no ink among their 8 neighbours). Returns a new bitmap, or with
 * `inPlace` the same one changed (the same result: a pixel with an ink neighbour is not isolated,
 * so removing isolated pixels never isolates another).
 */
export function despeckle(bm: Bitmap, inPlace = false): Bitmap {
  const { width: w, height: h, data } = bm;
  const out = inPlace ? data : new Uint8Array(data);
  const words = inkWords(data);
  for (let y = 0; y < h; y++) {
    const off = y * w;
    const end = off + w;
    const inner = y > 0 && y < h - 1;
    for (let i = nextInk(data, words, off, end); i < end; i = nextInk(data, words, i + 1, end)) {
      const x = i - off;
      let n: number;
      if (inner && x > 0 && x < w - 1) {
        n = data[i - w - 1]! | data[i - w]! | data[i - w + 1]! | data[i - 1]! | data[i + 1]! | data[i + w - 1]! | data[i + w]! | data[i + w + 1]!;
      } else {
        n = 0;
        for (let dy = -1; dy <= 1 && n === 0; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if ((dx || dy) && xx >= 0 && xx < w && data[yy * w + xx]) {
              n = 1;
              break;
            }
          }
        }
      }
      if (n === 0) out[i] = 0;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The bitmap (or grey image: same layout) with rows and columns swapped, so vertical runs can be
 * scanned as rows.
 */
export function transposeBitmap<T extends Bitmap>(bm: T): Bitmap {
  const { width: w, height: h, data } = bm;
  const out = new Uint8Array(w * h);
  const B = 64; // blocked for cache locality
  for (let y0 = 0; y0 < h; y0 += B) {
    for (let x0 = 0; x0 < w; x0 += B) {
      const y1 = Math.min(h, y0 + B);
      const x1 = Math.min(w, x0 + B);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[x * h + y] = data[y * w + x]!;
    }
  }
  return { width: h, height: w, data: out };
}
