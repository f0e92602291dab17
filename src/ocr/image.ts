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
 * thin strokes), bilinear when enlarging. Each axis is handled on its own, x first: the x pass
 * keeps float32 samples, the y pass sums them in float32 (rounded after every weight), and the
 * result is rounded half up.
 */
export function resizeGray(img: GrayImage, width: number, height: number): GrayImage {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (w === img.width && h === img.height) return { width: w, height: h, data: img.data.slice() };
  const xTaps = axisTaps(img.width, w);
  const { k: K, count, idx, wt } = axisTaps(img.height, h);
  // the x-resampled source rows an output row needs are consecutive, at most K of them, and move
  // down the image: a ring of K rows (source row r in slot r mod K) holds them, made when first needed
  const rows = new Float32Array(K * w);
  const slotRow = new Int32Array(K).fill(-1);
  const need = (r: number): number => {
    const slot = r % K;
    if (slotRow[slot] !== r) {
      resampleRow(img.data, r * img.width, xTaps, w, rows, slot * w);
      slotRow[slot] = r;
    }
    return slot * w;
  };
  const data = new Uint8Array(w * h);
  const acc = new Float32Array(w);
  for (let i = 0, o = 0; i < h; i++, o += w) {
    const s = i * K;
    const n = count[i]!;
    for (let j = 0; j < n; j++) need(idx[s + j]!);
    // Math.fround after every weight: the sum a float32 accumulator gives
    const a = (idx[s]! % K) * w;
    const fa = wt[s]!;
    if (n === 1) {
      for (let x = 0; x < w; x++) data[o + x] = toByte(Math.fround(rows[a + x]! * fa));
    } else if (n === 2) {
      const b = (idx[s + 1]! % K) * w;
      const fb = wt[s + 1]!;
      for (let x = 0; x < w; x++) data[o + x] = toByte(Math.fround(Math.fround(rows[a + x]! * fa) + rows[b + x]! * fb));
    } else if (n === 3) {
      const b = (idx[s + 1]! % K) * w;
      const fb = wt[s + 1]!;
      const c = (idx[s + 2]! % K) * w;
      const fc = wt[s + 2]!;
      for (let x = 0; x < w; x++) data[o + x] = toByte(Math.fround(Math.fround(Math.fround(rows[a + x]! * fa) + rows[b + x]! * fb) + rows[c + x]! * fc));
    } else {
      for (let x = 0; x < w; x++) acc[x] = rows[a + x]! * fa;
      for (let k = s + 1; k < s + n; k++) {
        const b = (idx[k]! % K) * w;
        const fb = wt[k]!;
        for (let x = 0; x < w; x++) acc[x] = acc[x]! + rows[b + x]! * fb;
      }
      for (let x = 0; x < w; x++) data[o + x] = toByte(acc[x]!);
    }
  }
  return { width: w, height: h, data };
}

/** A resampled value as a grey level: rounded half up, clamped to 0..255 (the weights' float32 sum can pass 1 by an ulp). */
function toByte(v: number): number {
  return v >= 255 ? 255 : v <= 0 ? 0 : (v + 0.5) | 0;
}

/**
 * Weights of each output sample along one axis: output i takes `count[i]` source samples
 * `idx[i·k + j]` with weights `wt[i·k + j]` (summing to 1); the slots past `count[i]` up to the
 * widest output's `k` repeat a valid index with weight 0 (adding them changes no sum).
 */
interface Taps {
  k: number;
  count: Int32Array;
  idx: Int32Array;
  wt: Float32Array;
}

function axisTaps(src: number, dst: number): Taps {
  const lists: { idx: number[]; wt: number[] }[] = [];
  const scale = src / dst;
  for (let i = 0; i < dst; i++) {
    const idx: number[] = [];
    const wt: number[] = [];
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
    lists.push({ idx, wt });
  }
  const k = Math.max(1, ...lists.map((l) => l.idx.length));
  const count = new Int32Array(dst);
  const idx = new Int32Array(dst * k);
  const wt = new Float32Array(dst * k);
  lists.forEach((l, i) => {
    count[i] = l.idx.length;
    for (let j = 0; j < k; j++) idx[i * k + j] = l.idx[Math.min(j, l.idx.length - 1)] ?? 0;
    wt.set(l.wt, i * k);
  });
  return { k, count, idx, wt };
}

/**
 * Resamples one image row (`data` from `from`) to `n` samples with `taps`, written from `at` of
 * `out`: each a float64 sum tap by tap, stored as float32 (not rounded to a grey level).
 */
function resampleRow(data: Uint8Array, from: number, taps: Taps, n: number, out: Float32Array, at: number): void {
  const { k: K, idx, wt } = taps;
  if (K === 2) {
    for (let i = 0, t = 0, o = at; i < n; i++, o++, t += 2) out[o] = 0 + data[from + idx[t]!]! * wt[t]! + data[from + idx[t + 1]!]! * wt[t + 1]!;
  } else if (K === 3) {
    for (let i = 0, t = 0, o = at; i < n; i++, o++, t += 3) out[o] = 0 + data[from + idx[t]!]! * wt[t]! + data[from + idx[t + 1]!]! * wt[t + 1]! + data[from + idx[t + 2]!]! * wt[t + 2]!;
  } else {
    for (let i = 0, t = 0, o = at; i < n; i++, o++, t += K) {
      let v = 0;
      for (let j = 0; j < K; j++) v += data[from + idx[t + j]!]! * wt[t + j]!;
      out[o] = v;
    }
  }
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
