/**
 * The raster loops rewritten for speed (issue #11) against straightforward reference versions of
 * the same definitions, on seeded random images: every output pixel must be the same. Pixels,
 * top-left origin, 0 = black.
 */
import { describe, expect, it } from 'vitest';
import { despeckle, transposeBitmap, type Bitmap } from '../../src/raster/binarize.ts';
import { horizontalLineInk, rowBoxBlur, verticalLineInkT, type LineInkSettings } from '../../src/raster/lineInk.ts';
import { rotateGray } from '../../src/raster/skew.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { seededRandom } from '../../samples/generate/scan-image.ts';
import { randomScan } from '../helpers/randomImage.ts';

/** Random 0/1 bitmap with about `share` ink. */
function randomBitmap(w: number, h: number, share: number, seed: number): Bitmap {
  const r = seededRandom(seed);
  return { width: w, height: h, data: Uint8Array.from({ length: w * h }, () => (r() < share ? 1 : 0)) };
}

/** Reference: each row averaged with a centred box of 2·⌊len/2⌋+1 pixels cut by the row ends, rounded half up. */
function refRowBoxBlur(img: GrayImage, len: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const r = Math.floor(len / 2);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
        sum += data[y * w + k]!;
        n++;
      }
      out[y * w + x] = Math.floor(sum / n + 0.5);
    }
  }
  return out;
}

/** Reference: horizontal line ink by its definition (lineInk.ts), white beyond the image. */
function refLineInk(img: GrayImage, s: LineInkSettings): Uint8Array {
  const { width: w, height: h } = img;
  const b = refRowBoxBlur(img, s.blur);
  const d = Math.max(1, Math.round(s.reach));
  const at = (x: number, y: number): number => (y < 0 || y >= h ? 255 : b[y * w + x]!);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = at(x, y);
      if (v <= s.paperLevel && v + s.contrast <= Math.max(at(x, y - d), at(x, y + d))) out[y * w + x] = 1;
    }
  }
  return out;
}

/** Reference: an ink pixel with no ink among its 8 neighbours becomes paper. */
function refDespeckle(bm: Bitmap): Uint8Array {
  const { width: w, height: h, data } = bm;
  const ink = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;
  const out = new Uint8Array(data);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink(x, y)) continue;
      let alone = true;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && ink(x + dx, y + dy)) alone = false;
      if (alone) out[y * w + x] = 0;
    }
  }
  return out;
}

/** Reference: bilinear rotation about the centre (skew.ts's definition), white outside, rounded half up. */
function refRotate(img: GrayImage, degrees: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const th = (degrees * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const px = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 255 : data[y * w + x]!);
  const out = new Uint8Array(w * h);
  for (let Y = 0; Y < h; Y++) {
    const dy = Y + 0.5 - h / 2;
    // the same running sums as rotateGray (its positions are defined by them, to the last bit)
    let sx = w / 2 + (0.5 - w / 2) * cos - dy * sin - 0.5;
    let sy = h / 2 + (0.5 - w / 2) * sin + dy * cos - 0.5;
    for (let X = 0; X < w; X++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = px(x0, y0) + (px(x0 + 1, y0) - px(x0, y0)) * fx;
      const bot = px(x0, y0 + 1) + (px(x0 + 1, y0 + 1) - px(x0, y0 + 1)) * fx;
      out[Y * w + X] = Math.floor(top + (bot - top) * fy + 0.5);
    }
  }
  return out;
}

const SIZES: readonly [number, number][] = [
  [1, 1],
  [2, 3],
  [3, 1],
  [5, 7],
  [9, 4],
  [64, 48],
  [203, 131],
];

describe('fast raster loops = their reference definitions', () => {
  it('rowBoxBlur, every box length, rows shorter than the box included', () => {
    SIZES.forEach(([w, h], i) => {
      const img = randomScan(w, h, 11 + i);
      for (const len of [1, 2, 3, 4, 5, 9, 31]) expect(rowBoxBlur(img, len), `${w}×${h} box ${len}`).toEqual(refRowBoxBlur(img, len));
    });
  });

  it('horizontal line ink, and vertical line ink computed without transposing the image', () => {
    SIZES.forEach(([w, h], i) => {
      const img = randomScan(w, h, 101 + i);
      for (const blur of [1, 3, 5]) {
        for (const reach of [1, 3, 8]) {
          const s: LineInkSettings = { blur, reach, contrast: 22, paperLevel: 235 };
          const hInk = horizontalLineInk(img, s);
          expect(hInk.data, `h ${w}×${h} blur ${blur} reach ${reach}`).toEqual(refLineInk(img, s));
          const vInkT = verticalLineInkT(img, s);
          expect([vInkT.width, vInkT.height]).toEqual([h, w]);
          expect(vInkT.data, `v ${w}×${h} blur ${blur} reach ${reach}`).toEqual(refLineInk(transposeBitmap(img), s));
        }
      }
    });
    // the page-sized case: some ink found, so the comparison is not between two empty maps
    const page = randomScan(400, 300, 5);
    const s: LineInkSettings = { blur: 3, reach: 8, contrast: 22, paperLevel: 235 };
    const v = verticalLineInkT(page, s);
    expect(v.data.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(v.data).toEqual(refLineInk(transposeBitmap(page), s));
  });

  it('despeckle, sparse and dense bitmaps, on a view that does not start on a word boundary', () => {
    SIZES.forEach(([w, h], i) => {
      for (const share of [0.01, 0.2, 0.7]) {
        const bm = randomBitmap(w, h, share, 7 + i);
        const want = refDespeckle(bm);
        expect(despeckle(bm).data, `${w}×${h} ${share}`).toEqual(want);
        // in place: the same pixels, in the bitmap given
        const own = { width: w, height: h, data: bm.data.slice() };
        expect(despeckle(own, true).data).toBe(own.data);
        expect(own.data).toEqual(want);
        const shifted = new Uint8Array(bm.data.length + 1);
        shifted.set(bm.data, 1);
        const view = { width: w, height: h, data: shifted.subarray(1) };
        expect(despeckle(view).data).toEqual(want);
      }
    });
  });

  it('rotateGray: interior and edge pixels, both directions', () => {
    const img = randomScan(157, 211, 3);
    for (const deg of [0.73, -1.3, 2.9, -0.02]) expect(rotateGray(img, deg).data, `${deg}°`).toEqual(refRotate(img, deg));
  });
});
