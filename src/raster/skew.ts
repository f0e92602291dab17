/**
 * Skew of a page image and its correction. Angles in degrees; POSITIVE = the content is rotated
 * clockwise as displayed (a horizontal rule descends to the right), like ImageMagick `-rotate +a`.
 *
 * Estimate: the ink pixels (Otsu) are projected along candidate directions (a shear y − x·tanθ
 * for rows, x + y·tanθ for columns); the angle that makes the projections the most peaked (largest
 * sum of squared bin counts) wins. Coarse-to-fine search with a parabolic refinement.
 */
import { grayHistogram, otsuThreshold } from './binarize.ts';
import { affineToPoints, rasterAffine, type Affine } from './transform.ts';
import type { GrayImage, PageRaster } from './types.ts';

export interface SkewSettings {
  /** search range ±, degrees. @default 3 */
  readonly maxDegrees: number;
  /** coarse step, degrees. @default 0.2 */
  readonly coarseStep: number;
  /** final step, degrees (then refined by a parabola). @default 0.02 */
  readonly fineStep: number;
  /** at most this many ink pixels are projected (an even sample is taken). @default 120000 */
  readonly maxSamples: number;
  /** |skew| below this is left alone by `deskew`, degrees. @default 0.02 */
  readonly minCorrection: number;
}

export const DEFAULT_SKEW: SkewSettings = {
  maxDegrees: 3,
  coarseStep: 0.2,
  fineStep: 0.02,
  maxSamples: 120_000,
  minCorrection: 0.02,
};

interface InkSample {
  xs: Float64Array;
  ys: Float64Array;
  w: number;
  h: number;
}

/** The ink pixels (Otsu) of `img`, at most `maxSamples` of them (every `stride`-th in raster order), centred on the image. */
function inkSample(img: GrayImage, maxSamples: number): InkSample {
  const { width: w, height: h, data } = img;
  const hist = grayHistogram(img);
  const t = otsuThreshold(img, hist);
  let n = 0;
  for (let v = 0; v <= t; v++) n += hist[v]!;
  // a page that is nearly all ink (inverted, or a photo) has no usable profile
  const stride = Math.max(1, Math.ceil(n / maxSamples));
  const m = Math.floor(n / stride);
  const xs = new Float64Array(m);
  const ys = new Float64Array(m);
  let k = 0;
  // pixels to skip before the next one taken
  let skip = 0;
  for (let y = 0; y < h && k < m; y++) {
    const off = y * w;
    for (let x = 0; x < w; x++) {
      if (data[off + x]! > t) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (k < m) {
        xs[k] = x - w / 2;
        ys[k] = y - h / 2;
        k++;
      }
      skip = stride - 1;
    }
  }
  return { xs, ys, w, h };
}

/** Peakedness of the row and column projections at `deg` (sum of squared bin counts), every `step`-th sample. */
function score(s: InkSample, deg: number, rows: Int32Array, cols: Int32Array, step = 1): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const { xs, ys } = s;
  const n = xs.length;
  const half = rows.length >> 1;
  rows.fill(0);
  cols.fill(0);
  for (let i = 0; i < n; i += step) {
    const x = xs[i]!;
    const y = ys[i]!;
    // rows: y − x·tanθ is constant along a rule rotated clockwise by θ; columns: x + y·tanθ
    rows[(y - x * t + half) | 0]!++;
    cols[(x + y * t + half) | 0]!++;
  }
  let total = 0;
  for (let b = 0; b < rows.length; b++) total += rows[b]! * rows[b]! + cols[b]! * cols[b]!;
  return total;
}

/** Skew of the page image, degrees (positive = clockwise); 0 when there is too little ink. */
export function estimateSkew(img: GrayImage, settings: Partial<SkewSettings> = {}): number {
  const s = { ...DEFAULT_SKEW, ...settings };
  const sample = inkSample(img, s.maxSamples);
  if (sample.xs.length < 200) return 0;
  const size = 2 * Math.ceil(Math.hypot(img.width, img.height)) + 4;
  const rows = new Int32Array(size);
  const cols = new Int32Array(size);
  // the coarse search on every 4th sample, the fine one on all
  const coarseStride = sample.xs.length > 20_000 ? 4 : 1;
  const at = (deg: number, step = 1): number => score(sample, deg, rows, cols, step);
  let best = 0;
  let bestScore = -Infinity;
  for (let d = -s.maxDegrees; d <= s.maxDegrees + 1e-9; d += s.coarseStep) {
    const v = at(d, coarseStride);
    if (v > bestScore) {
      bestScore = v;
      best = d;
    }
  }
  const lo = best - s.coarseStep;
  const hi = best + s.coarseStep;
  const steps = Math.round((hi - lo) / s.fineStep);
  const vals: number[] = [];
  let bi = 0;
  for (let i = 0; i <= steps; i++) {
    const v = at(lo + i * s.fineStep);
    vals.push(v);
    if (v > vals[bi]!) bi = i;
  }
  let result = lo + bi * s.fineStep;
  if (bi > 0 && bi < steps) {
    const a = vals[bi - 1]!;
    const b = vals[bi]!;
    const c = vals[bi + 1]!;
    const den = a - 2 * b + c;
    if (den < 0) result += (0.5 * (a - c) / den) * s.fineStep;
  }
  return Math.max(-s.maxDegrees, Math.min(s.maxDegrees, result));
}

/**
 * The image rotated by −`degrees` about its centre (undoing a clockwise skew of `degrees`), same
 * size, bilinear, white where nothing maps. Output pixel (X, Y) (continuous) shows the source point
 * c + R(θ)·((X, Y) − c), R(θ) the clockwise rotation in y-down coordinates.
 */
export function rotateGray(img: GrayImage, degrees: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const th = (degrees * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const cx = w / 2;
  const cy = h / 2;
  // source positions with all four bilinear neighbours inside the image: 0 ≤ sx < w − 1, 0 ≤ sy < h − 1
  const xMax = w - 1;
  const yMax = h - 1;
  for (let Y = 0; Y < h; Y++) {
    const dy = Y + 0.5 - cy;
    // source pixel-centre coordinates (continuous − 0.5) of output pixel centre (X + 0.5, Y + 0.5)
    let sx = cx + (0.5 - cx) * cos - dy * sin - 0.5;
    let sy = cy + (0.5 - cx) * sin + dy * cos - 0.5;
    const row = Y * w;
    for (let X = 0; X < w; X++, sx += cos, sy += sin) {
      if (sx >= 0 && sy >= 0 && sx < xMax && sy < yMax) {
        // all four neighbours inside: floor is truncation here
        const x0 = sx | 0;
        const y0 = sy | 0;
        const fx = sx - x0;
        const fy = sy - y0;
        const i = y0 * w + x0;
        const p00 = data[i]!;
        const p10 = data[i + 1]!;
        const p01 = data[i + w]!;
        const p11 = data[i + w + 1]!;
        const top = p00 + (p10 - p00) * fx;
        const bot = p01 + (p11 - p01) * fx;
        out[row + X] = (top + (bot - top) * fy + 0.5) | 0;
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
        out[row + X] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const p00 = pixelOrWhite(img, x0, y0);
      const p10 = pixelOrWhite(img, x0 + 1, y0);
      const p01 = pixelOrWhite(img, x0, y0 + 1);
      const p11 = pixelOrWhite(img, x0 + 1, y0 + 1);
      const top = p00 + (p10 - p00) * fx;
      const bot = p01 + (p11 - p01) * fx;
      out[row + X] = (top + (bot - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

function pixelOrWhite(img: GrayImage, x: number, y: number): number {
  return x < 0 || y < 0 || x >= img.width || y >= img.height ? 255 : img.data[y * img.width + x]!;
}

/** Pixel→pixel matrix of `rotateGray(img, degrees)`: output (X, Y) → source (x, y), continuous. */
export function rotationToSource(w: number, h: number, degrees: number): Affine {
  const th = (degrees * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const cx = w / 2;
  const cy = h / 2;
  return [cos, sin, -sin, cos, cx - cx * cos + cy * sin, cy - cx * sin - cy * cos];
}

/** `first` then `then` (both [a, b, c, d, e, f]). */
function compose(first: Affine, then: Affine): Affine {
  const [a1, b1, c1, d1, e1, f1] = first;
  const [a2, b2, c2, d2, e2, f2] = then;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

/**
 * The raster with its skew estimated and removed (`degrees` given → that skew is removed instead).
 * `toPoints` of the result maps the new pixels to the same PDF points of the ORIGINAL page; the
 * corrected angle is added to `skewDegrees`. Below `minCorrection` the raster is returned as is.
 */
export function deskew(raster: PageRaster, settings: Partial<SkewSettings> & { degrees?: number } = {}): PageRaster {
  const s = { ...DEFAULT_SKEW, ...settings };
  const deg = settings.degrees ?? estimateSkew(raster.image, s);
  if (Math.abs(deg) < s.minCorrection) return raster;
  const { width: w, height: h } = raster.image;
  const m = compose(rotationToSource(w, h, deg), rasterAffine(raster));
  return {
    ...raster,
    image: rotateGray(raster.image, deg),
    skewDegrees: raster.skewDegrees + deg,
    toPoints: affineToPoints(m),
  };
}
