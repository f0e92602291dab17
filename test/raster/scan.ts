/**
 * Test helpers: make a harsh "scan" of a rendered page without external tools — rotate clockwise
 * with @napi-rs/canvas (samples/generate/scan-image.ts, an implementation independent of
 * raster/skew.ts), add uniform grey noise and specks, JPEG-compress and decode again. Deterministic
 * (seeded noise).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/samples.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { rgbaToGray } from '../../src/raster/gray.ts';
import { canvasLib } from '../../src/read/lib.ts';
import { canvasRotate, encodeJpeg } from '../../samples/generate/scan-image.ts';

const napi = canvasLib();

export const SEED_PDF = join(ROOT, 'samples', 'seed', 'seed.pdf');
export const seedBytes = (): Uint8Array => new Uint8Array(readFileSync(SEED_PDF));

/** Adds uniform noise of ±`amp` grey levels and `specks` share of random dark/light specks (seeded). */
export function addNoise(img: GrayImage, amp = 24, specks = 0.001, seed = 7): GrayImage {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) {
    let v = img.data[i]! + (rnd() * 2 - 1) * amp - amp / 3; // slightly grey paper
    const r = rnd();
    if (r < specks) v = 40;
    out[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return { width: img.width, height: img.height, data: out };
}

/** JPEG-encode at `quality` (0..100) and decode again. */
export async function jpegRoundTrip(img: GrayImage, quality = 75): Promise<{ image: GrayImage; jpeg: Uint8Array }> {
  const jpeg = await encodeJpeg(img, quality);
  const im = await napi.loadImage(jpeg);
  const c = napi.createCanvas(im.width, im.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(im, 0, 0);
  return { image: rgbaToGray(ctx.getImageData(0, 0, im.width, im.height).data, im.width, im.height), jpeg };
}

/** The full scan recipe: rotate, noise, JPEG 75. */
export async function makeScan(img: GrayImage, degrees: number): Promise<GrayImage> {
  return (await jpegRoundTrip(addNoise(canvasRotate(img, degrees)), 75)).image;
}
