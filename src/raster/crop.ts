/**
 * Cutting cells out of a page image for cell-by-cell OCR. Pixel boxes: top-left origin,
 * exclusive right/bottom (raster/types.ts).
 */
import { otsuThreshold } from './binarize.ts';
import type { GrayImage, PixelBox } from './types.ts';

export interface BlankSettings {
  /** a pixel at most this grey is ink. @default 160 */
  readonly inkLevel: number;
  /** an image with less than this share of ink pixels is blank. @default 0.002 */
  readonly maxInkShare: number;
}

export const DEFAULT_BLANK: BlankSettings = { inkLevel: 160, maxInkShare: 0.002 };

/** `box` rounded outwards to whole pixels and clamped to the image (may become empty). */
export function clampBox(box: PixelBox, width: number, height: number): PixelBox {
  const x0 = Math.max(0, Math.min(width, Math.floor(box.x0)));
  const top = Math.max(0, Math.min(height, Math.floor(box.top)));
  const x1 = Math.max(x0, Math.min(width, Math.ceil(box.x1)));
  const bottom = Math.max(top, Math.min(height, Math.ceil(box.bottom)));
  return { x0, top, x1, bottom };
}

/** The part of `img` inside `box` (clamped); a 0×0 image when nothing is left. */
export function cropGray(img: GrayImage, box: PixelBox): GrayImage {
  const b = clampBox(box, img.width, img.height);
  const w = b.x1 - b.x0;
  const h = b.bottom - b.top;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const src = (b.top + y) * img.width + b.x0;
    out.set(img.data.subarray(src, src + w), y * w);
  }
  return { width: w, height: h, data: out };
}

/**
 * A cell box (edges on the rulings' centre lines) shrunk so its borders stay out of the crop: each
 * side moves in by the ruling's thickness plus `margin` px (half the thickness reaches the ruling's
 * edge; the other half and the margin absorb antialiasing and residual skew). `rulingPx`: ruling
 * thickness in px, one value or per side.
 * Never inverted: a side collapses to the box's centre line at most.
 */
export function insetCellBox(
  box: PixelBox,
  rulingPx: number | { left: number; top: number; right: number; bottom: number },
  margin = 2,
): PixelBox {
  const r = typeof rulingPx === 'number' ? { left: rulingPx, top: rulingPx, right: rulingPx, bottom: rulingPx } : rulingPx;
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.top + box.bottom) / 2;
  return {
    x0: Math.min(cx, box.x0 + r.left + margin),
    top: Math.min(cy, box.top + r.top + margin),
    x1: Math.max(cx, box.x1 - r.right - margin),
    bottom: Math.max(cy, box.bottom - r.bottom - margin),
  };
}

/** Share of ink pixels (≤ `inkLevel`), 0..1. */
export function inkRatio(img: GrayImage, inkLevel = DEFAULT_BLANK.inkLevel): number {
  const d = img.data;
  if (d.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! <= inkLevel) n++;
  return n / d.length;
}

/** True when the image has (next to) no ink: an empty cell. */
export function isBlank(img: GrayImage, settings: Partial<BlankSettings> = {}): boolean {
  const s = { ...DEFAULT_BLANK, ...settings };
  return inkRatio(img, s.inkLevel) < s.maxInkShare;
}

/** The tight box (pixels, relative to `img`) around its ink, or null when it is blank. */
export function inkBounds(img: GrayImage, inkLevel = Math.min(DEFAULT_BLANK.inkLevel, otsuThreshold(img))): PixelBox | null {
  let x0 = Infinity;
  let top = Infinity;
  let x1 = -Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < img.height; y++) {
    const off = y * img.width;
    for (let x = 0; x < img.width; x++) {
      if (img.data[off + x]! > inkLevel) continue;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < top) top = y;
      bottom = y + 1;
    }
  }
  return x1 > x0 ? { x0, top, x1, bottom } : null;
}
