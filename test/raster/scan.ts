/**
 * Test helpers: make a "scan" of a rendered page without external tools — rotate clockwise with
 * @napi-rs/canvas (an implementation independent of raster/skew.ts), add grey noise, JPEG-compress
 * and decode again. Deterministic (seeded noise).
 */
import { createRequire } from 'node:module';
import type { Canvas } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/samples.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { rgbaToGray } from '../../src/raster/gray.ts';

type NapiCanvas = typeof import('@napi-rs/canvas');
export const napi = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as NapiCanvas;

export const SEED_PDF = join(ROOT, 'samples', 'seed', 'seed.pdf');
export const seedBytes = (): Uint8Array => new Uint8Array(readFileSync(SEED_PDF));

/** Grey → an RGBA canvas. */
export function grayToCanvas(img: GrayImage): Canvas {
  const c = napi.createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  for (let i = 0, p = 0; i < img.data.length; i++, p += 4) {
    const v = img.data[i]!;
    id.data[p] = v;
    id.data[p + 1] = v;
    id.data[p + 2] = v;
    id.data[p + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return c;
}

/** Same size, rotated clockwise by `degrees` about the centre, white background (canvas drawImage). */
export function canvasRotate(img: GrayImage, degrees: number): GrayImage {
  const src = grayToCanvas(img);
  const out = napi.createCanvas(img.width, img.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.imageSmoothingEnabled = true;
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.translate(-img.width / 2, -img.height / 2);
  ctx.drawImage(src, 0, 0);
  return rgbaToGray(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height);
}

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
  const buf = await grayToCanvas(img).encode('jpeg', quality);
  const im = await napi.loadImage(buf);
  const c = napi.createCanvas(im.width, im.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(im, 0, 0);
  return { image: rgbaToGray(ctx.getImageData(0, 0, im.width, im.height).data, im.width, im.height), jpeg: new Uint8Array(buf) };
}

/** The full scan recipe: rotate, noise, JPEG 75. */
export async function makeScan(img: GrayImage, degrees: number): Promise<GrayImage> {
  return (await jpegRoundTrip(addNoise(canvasRotate(img, degrees)), 75)).image;
}
