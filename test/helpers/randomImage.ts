/** Seeded random images for comparing fast loops with reference versions. Pixels, top-left origin, 0 = black. */
import { seededRandom } from '../../samples/generate/scan-image.ts';
import type { GrayImage } from '../../src/raster/types.ts';

/** A page-like random image: noisy paper, dark and grey strokes across and down. */
export function randomScan(w: number, h: number, seed: number): GrayImage {
  const r = seededRandom(seed);
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = 225 + Math.floor(r() * 31);
  const strokes = Math.max(1, Math.round((w * h) / 400));
  for (let k = 0; k < strokes; k++) {
    const x0 = Math.floor(r() * w);
    const y0 = Math.floor(r() * h);
    const len = 1 + Math.floor(r() * Math.max(w, h) * 0.6);
    const across = r() < 0.5;
    const level = Math.floor(r() * 200);
    for (let t = 0; t < len; t++) {
      const x = across ? x0 + t : x0;
      const y = across ? y0 : y0 + t;
      if (x < w && y < h) data[y * w + x] = level;
    }
  }
  return { width: w, height: h, data };
}

