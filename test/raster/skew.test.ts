import { beforeAll, describe, expect, it } from 'vitest';
import { pageToRaster } from '../../src/read/pdfjs.ts';
import { deskew, estimateSkew, rotateGray, rotationToSource } from '../../src/raster/skew.ts';
import type { PageRaster } from '../../src/raster/types.ts';
import { makeScan, seedBytes } from './scan.ts';

let table: PageRaster; // seed page 8 (village table) at 200 dpi, clean
let prose: PageRaster; // seed page 1 (prose)

beforeAll(async () => {
  const data = seedBytes();
  table = await pageToRaster(data, 8, { dpi: 200 });
  prose = await pageToRaster(data, 1, { dpi: 200 });
});

describe('estimateSkew', () => {
  it('a clean page has no skew', () => {
    expect(Math.abs(estimateSkew(table.image))).toBeLessThan(0.05);
  });

  it('a table page scanned at +0.8° (noise, JPEG 75): within 0.1°', async () => {
    const scan = await makeScan(table.image, 0.8);
    const t = performance.now();
    const est = estimateSkew(scan);
    console.log(`estimateSkew 200 dpi table: ${est.toFixed(3)}° in ${(performance.now() - t).toFixed(0)} ms`);
    expect(Math.abs(est - 0.8)).toBeLessThan(0.1);
  });

  it('a prose page scanned at −1.2° and at +2.7°: within 0.1°', async () => {
    for (const deg of [-1.2, 2.7]) {
      const est = estimateSkew(await makeScan(prose.image, deg));
      expect(Math.abs(est - deg)).toBeLessThan(0.1);
    }
  });

  it('a blank page: 0', () => {
    expect(estimateSkew({ width: 300, height: 400, data: new Uint8Array(300 * 400).fill(255) })).toBe(0);
  });
});

describe('deskew', () => {
  it('keeps toPoints on the original page: the new pixels map through the rotation back to the scan', async () => {
    const scan: PageRaster = { ...table, image: await makeScan(table.image, 0.8) };
    const d = deskew(scan);
    expect(d.skewDegrees).toBeCloseTo(0.8, 1);
    expect(d.image.width).toBe(scan.image.width);
    const { width: w, height: h } = scan.image;
    const m = rotationToSource(w, h, d.skewDegrees);
    for (const [x, y] of [[0, 0], [w, 0], [w / 2, h / 2], [123, 1777]] as const) {
      const sx = m[0] * x + m[2] * y + m[4];
      const sy = m[1] * x + m[3] * y + m[5];
      const got = d.toPoints(x, y);
      expect(got.x).toBeCloseTo((sx * 72) / 200, 6);
      expect(got.y).toBeCloseTo((sy * 72) / 200, 6);
    }
    // the centre stays, a corner moves along the rotation
    expect(d.toPoints(w / 2, h / 2).x).toBeCloseTo((w / 2) * (72 / 200), 6);
  });

  it('below the minimum correction the raster comes back unchanged', () => {
    expect(deskew(table, { degrees: 0.001 })).toBe(table);
  });

  it('rotateGray: a horizontal bar rotated clockwise by 2° descends to the right, white fill at the corners', () => {
    const w = 400;
    const h = 200;
    const data = new Uint8Array(w * h).fill(255);
    for (let y = 98; y < 102; y++) for (let x = 20; x < 380; x++) data[y * w + x] = 0;
    // rotateGray removes a skew: rotating by −2° turns the content clockwise by 2°
    const out = rotateGray({ width: w, height: h, data }, -2);
    const darkest = (x: number): number => {
      let best = 0;
      for (let y = 1; y < h; y++) if (out.data[y * w + x]! < out.data[best * w + x]!) best = y;
      return best;
    };
    const drop = darkest(350) - darkest(50);
    expect(drop).toBeGreaterThan(Math.tan((2 * Math.PI) / 180) * 300 - 2);
    expect(drop).toBeLessThan(Math.tan((2 * Math.PI) / 180) * 300 + 2);
    expect(out.data[0]).toBe(255);
  });
});
