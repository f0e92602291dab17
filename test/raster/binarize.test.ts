import { describe, expect, it } from 'vitest';
import { binarizeOtsu, binarizeSauvola, despeckle, inkShare, otsuThreshold, transposeBitmap } from '../../src/raster/binarize.ts';
import { clampBox, cropGray, inkBounds, insetCellBox, isBlank } from '../../src/raster/crop.ts';
import { bitmapToPixelLines } from '../../src/raster/rulings.ts';
import { bboxToPixelBox, pixelBoxToBBox } from '../../src/raster/transform.ts';
import type { GrayImage, PageRaster } from '../../src/raster/types.ts';

function image(w: number, h: number, f: (x: number, y: number) => number): GrayImage {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
}

describe('binarize', () => {
  it('Otsu splits two grey levels', () => {
    const img = image(100, 10, (x) => (x < 30 ? 40 : 220));
    const t = otsuThreshold(img);
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(220);
    expect(inkShare(binarizeOtsu(img))).toBeCloseTo(0.3, 5);
  });

  it('Sauvola keeps dark strokes on a lighting gradient and no paper', () => {
    // paper from 120 (left, shadow) to 250 (right); strokes 60 levels darker than the paper
    const paper = (x: number): number => 120 + (130 * x) / 399;
    const stroke = (x: number, y: number): boolean => x % 40 < 3 && y > 20 && y < 80;
    const img = image(400, 100, (x, y) => Math.round(paper(x) - (stroke(x, y) ? 60 : 0)));
    const bm = binarizeSauvola(img);
    let wrong = 0;
    for (let y = 0; y < 100; y++) for (let x = 0; x < 400; x++) if (bm.data[y * 400 + x] !== (stroke(x, y) ? 1 : 0)) wrong++;
    expect(wrong / 40000).toBeLessThan(0.01);
    // a global threshold loses one end or the other
    const g = binarizeOtsu(img);
    let gWrong = 0;
    for (let y = 0; y < 100; y++) for (let x = 0; x < 400; x++) if (g.data[y * 400 + x] !== (stroke(x, y) ? 1 : 0)) gWrong++;
    expect(gWrong / 40000).toBeGreaterThan(0.05);
  });

  it('despeckle removes isolated pixels only; transpose swaps axes', () => {
    const bm = { width: 5, height: 3, data: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]) };
    expect(Array.from(despeckle(bm).data)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    const t = transposeBitmap(bm);
    expect([t.width, t.height]).toEqual([3, 5]);
    expect(t.data[2 * 3 + 1]).toBe(1);
  });
});

describe('bitmapToPixelLines', () => {
  it('a 2-px rule with a 5-px gap and a 1-px drift is one line; short strokes are not lines', () => {
    const w = 600;
    const h = 200;
    const data = new Uint8Array(w * h);
    for (let x = 50; x < 550; x++) {
      if (x >= 300 && x < 305) continue; // the gap
      const y = x < 200 ? 100 : 101; // drift
      data[y * w + x] = 1;
      data[(y + 1) * w + x] = 1;
    }
    for (let x = 100; x < 130; x++) data[40 * w + x] = 1; // a stroke shorter than 1/30 of the width
    const lines = bitmapToPixelLines({ width: w, height: h, data }, 200);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.axis).toBe('h');
    expect(lines[0]!.from).toBe(50);
    expect(lines[0]!.to).toBe(550);
    expect(lines[0]!.at).toBeGreaterThan(101);
    expect(lines[0]!.at).toBeLessThan(102);
    expect(lines[0]!.thickness).toBeCloseTo(2 * (495 / 500), 5);
  });
});

describe('crop', () => {
  const img = image(10, 8, (x, y) => (x === 4 && y === 3 ? 0 : 255));

  it('clamps and crops', () => {
    expect(clampBox({ x0: -3.5, top: 2.2, x1: 40, bottom: 7.1 }, 10, 8)).toEqual({ x0: 0, top: 2, x1: 10, bottom: 8 });
    const c = cropGray(img, { x0: 3, top: 2, x1: 6, bottom: 5 });
    expect([c.width, c.height]).toEqual([3, 3]);
    expect(Array.from(c.data)).toEqual([255, 255, 255, 255, 0, 255, 255, 255, 255]);
    expect(cropGray(img, { x0: 20, top: 0, x1: 30, bottom: 5 }).data.length).toBe(0);
  });

  it('insets a cell box by the ruling thickness + 2 px, never inverted', () => {
    expect(insetCellBox({ x0: 100, top: 50, x1: 200, bottom: 90 }, 3)).toEqual({ x0: 105, top: 55, x1: 195, bottom: 85 });
    const tiny = insetCellBox({ x0: 0, top: 0, x1: 6, bottom: 6 }, 3);
    expect(tiny.x0).toBeLessThanOrEqual(tiny.x1);
    expect(tiny.x0).toBe(3);
  });

  it('isBlank and inkBounds', () => {
    expect(isBlank(image(50, 50, () => 250))).toBe(true);
    // one ink pixel of 80 (1.25 %) is content; of 10 000 (0.01 %) it is a speck
    expect(isBlank(img)).toBe(false);
    expect(isBlank(image(100, 100, (x, y) => (x === 4 && y === 3 ? 0 : 255)))).toBe(true);
    expect(inkBounds(img)).toEqual({ x0: 4, top: 3, x1: 5, bottom: 4 });
    expect(inkBounds(image(5, 5, () => 255))).toBeNull();
  });
});

describe('transform', () => {
  it('pixel boxes ↔ page boxes through toPoints', () => {
    const r: Pick<PageRaster, 'toPoints'> = { toPoints: (x, y) => ({ x: x * 0.36 + 10, y: y * 0.36 + 20 }) };
    expect(pixelBoxToBBox(r, { x0: 0, top: 0, x1: 100, bottom: 50 })).toEqual({ x0: 10, top: 20, x1: 46, bottom: 38 });
    expect(bboxToPixelBox(r, { x0: 10, top: 20, x1: 46, bottom: 38 })).toEqual({ x0: 0, top: 0, x1: 100, bottom: 50 });
  });
});
