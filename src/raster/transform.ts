/**
 * Pixel ↔ PDF-point conversions of a `PageRaster`. Pixel coordinates are continuous (pixel i covers
 * [i, i+1)), top-left origin; points are those of the displayed page, top-left origin
 * (model/types.ts). `toPoints` is affine (scale, axis flips, a small rotation after deskew), so it
 * is read back as a matrix `[a, b, c, d, e, f]`: (x, y) → (a·x + c·y + e, b·x + d·y + f).
 */
import type { BBox } from '../model/types.ts';
import type { PageRaster, PixelBox } from './types.ts';

export type Affine = readonly [number, number, number, number, number, number];

/** `toPoints` as an affine matrix (sampled at three points). */
export function rasterAffine(raster: Pick<PageRaster, 'toPoints'>): Affine {
  const o = raster.toPoints(0, 0);
  const ex = raster.toPoints(1, 0);
  const ey = raster.toPoints(0, 1);
  return [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y];
}

/** Applies `m` to (x, y). */
export function applyAffine(m: Affine, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The inverse matrix (throws on a singular one). */
export function invertAffine(m: Affine): Affine {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) throw new RangeError('singular pixel→point transform');
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** `toPoints` as a closure over a matrix. */
export function affineToPoints(m: Affine): (x: number, y: number) => { x: number; y: number } {
  return (x, y) => applyAffine(m, x, y);
}

/** Length in points of one pixel (geometric mean of the axis scales, √|det|). */
export function pointsPerPixel(raster: Pick<PageRaster, 'toPoints'>): number {
  const m = rasterAffine(raster);
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

/** A pixel box → the axis-aligned box (points) holding its four mapped corners. */
export function pixelBoxToBBox(raster: Pick<PageRaster, 'toPoints'>, box: PixelBox): BBox {
  const pts = [
    raster.toPoints(box.x0, box.top),
    raster.toPoints(box.x1, box.top),
    raster.toPoints(box.x0, box.bottom),
    raster.toPoints(box.x1, box.bottom),
  ];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) };
}

/** A box in points → the smallest whole-pixel box holding its four corners (not clamped). */
export function bboxToPixelBox(raster: Pick<PageRaster, 'toPoints'>, bbox: BBox): PixelBox {
  const inv = invertAffine(rasterAffine(raster));
  const pts = [
    applyAffine(inv, bbox.x0, bbox.top),
    applyAffine(inv, bbox.x1, bbox.top),
    applyAffine(inv, bbox.x0, bbox.bottom),
    applyAffine(inv, bbox.x1, bbox.bottom),
  ];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const eps = 1e-6;
  return {
    x0: Math.floor(Math.min(...xs) + eps),
    top: Math.floor(Math.min(...ys) + eps),
    x1: Math.ceil(Math.max(...xs) - eps),
    bottom: Math.ceil(Math.max(...ys) - eps),
  };
}
