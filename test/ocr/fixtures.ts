/**
 * Test images for the OCR engines: regions of a committed sample PDF rendered with pdf.js
 * (src/read/render.ts) as PNG and decoded to 8-bit grey with @napi-rs/canvas. Regions are PDF
 * points, top-left origin; the images are pixels at `dpi` (a point lands on x·dpi/72).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BBox } from '../../src/model/types.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { openRenderer } from '../../src/read/pdfjs.ts';
import { canvasLib } from '../../src/read/lib.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_PDF = path.join(ROOT, 'samples/seed/seed.pdf');

const napi = canvasLib();

/** PNG/JPEG bytes → grey image (Rec. 601 luma). */
export async function decodeGray(bytes: Uint8Array): Promise<GrayImage> {
  const img = await napi.loadImage(Buffer.from(bytes));
  const canvas = napi.createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
  }
  return { width: img.width, height: img.height, data };
}

/** Regions of page `page` (points) rendered at `dpi`, as grey images in the same order. */
export async function renderRegions(pdf: string, page: number, regions: readonly BBox[], dpi = 200): Promise<GrayImage[]> {
  const r = await openRenderer(readFileSync(pdf));
  try {
    const out = await r.render(page, { regions, regionDpi: dpi, regionMaxPx: 100_000, format: 'png' });
    return Promise.all(out.regions.map((x) => decodeGray(x.bytes)));
  } finally {
    await r.close();
  }
}

/** A whole page rendered at `dpi` as a grey image. */
export async function renderPage(pdf: string, page: number, dpi = 200): Promise<GrayImage> {
  const r = await openRenderer(readFileSync(pdf));
  try {
    const out = await r.render(page, { page: { dpi }, format: 'png' });
    return decodeGray(out.page!.bytes);
  } finally {
    await r.close();
  }
}

/** `box` shrunk by `d` points on every side (to keep a cell's ruling lines out of its crop). */
export function inset(box: BBox, d: number): BBox {
  return { x0: box.x0 + d, top: box.top + d, x1: box.x1 - d, bottom: box.bottom - d };
}
