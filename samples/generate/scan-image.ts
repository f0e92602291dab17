/**
 * "Scans" pages of a born-digital PDF (issues #4, #11) with nothing but Node: each page is rendered
 * grey with pdf.js at <dpi> (src/read, the project's pdf.js boundary), rotated by a small seeded angle
 * about its centre on @napi-rs/canvas and kept at the rendered size (white comes in at the corners,
 * like paper on a scanner bed; an implementation independent of raster/skew.ts, which undoes it),
 * given seeded Gaussian noise and a slight Gaussian blur (scanner grain and optics), encoded as JPEG
 * by @napi-rs/canvas and wrapped one image per page by pdf-lib (no text layer). Everything is seeded:
 * the same settings on the same build give the same bytes.
 *
 * Pixels: origin top-left of the displayed page, 1 px = 72/dpi PDF points.
 */
import type { Canvas } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import { rgbaToGray } from '../../src/raster/gray.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { canvasLib } from '../../src/read/lib.ts';
import { openRasterSource } from '../../src/read/pdfjs.ts';

/** How a set of pages is scanned. */
export interface ScanSettings {
  /** render resolution, dots per inch (200 or 300 here) */
  readonly dpi: number;
  /** seed of the angle RNG (mulberry32) and, plus the page index, of the noise */
  readonly seed: number;
  /** smallest |rotation|, degrees. @default 0.5 */
  readonly minAngleDeg: number;
  /** largest |rotation|, degrees. @default 1.2 */
  readonly maxAngleDeg: number;
  /**
   * standard deviation of the additive Gaussian noise, grey levels (0–255), clipped to 0–255.
   * @default 6 (what ImageMagick's `-attenuate 0.3 +noise Gaussian` adds: 255 × 0.3 × 0.078125)
   */
  readonly noiseSigma: number;
  /** Gaussian blur sigma in pixels at 200 dpi after the noise, scaled with dpi (scanner softness). @default 0.5 */
  readonly blurSigma200: number;
  /** JPEG quality, 0–100. @default 75 */
  readonly jpegQuality: number;
}

export const DEFAULT_SCAN: Omit<ScanSettings, 'dpi' | 'seed'> = {
  minAngleDeg: 0.5,
  maxAngleDeg: 1.2,
  noiseSigma: 6,
  blurSigma200: 0.5,
  jpegQuality: 75,
};

/** One scanned page as recorded in source.json. */
export interface ScannedPage {
  /** 1-based page of the source PDF */
  sourcePage: number;
  /** rotation applied, degrees, positive = clockwise as displayed */
  angleDeg: number;
  /** seed of this page's noise */
  noiseSeed: number;
  /** image size in pixels */
  width: number;
  height: number;
  jpegBytes: number;
}

/** A scanned page: JPEG bytes, its pixel size and resolution. */
export interface ScanJpeg {
  bytes: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

/** Versions of the packages a scan's pixels depend on (renderer, canvas, PDF writer). */
export function scanToolVersions(): Record<string, string> {
  const req = createRequire(import.meta.url);
  const version = (pkg: string, from = req): string => (from(`${pkg}/package.json`) as { version: string }).version;
  const fromPdfjs = createRequire(req.resolve('pdfjs-dist/package.json'));
  return { 'pdfjs-dist': version('pdfjs-dist'), '@napi-rs/canvas': version('@napi-rs/canvas', fromPdfjs), 'pdf-lib': version('pdf-lib') };
}

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` rotation angles (degrees, 2 decimals), |angle| uniform in [min, max], random sign, all
 * different from each other.
 */
export function seedToAngles(seed: number, count: number, min: number, max: number): number[] {
  const rnd = seededRandom(seed);
  const out: number[] = [];
  while (out.length < count) {
    const mag = min + rnd() * (max - min);
    const a = Math.round((rnd() < 0.5 ? -mag : mag) * 100) / 100;
    if (Math.abs(a) >= min && Math.abs(a) <= max && !out.includes(a)) out.push(a);
  }
  return out;
}

/** A binary PGM (P5, 8 bit) file as pdftoppm writes it: size and grey pixels, row by row (0 = black). */
export function readPgm(path: string): GrayImage {
  const buf = readFileSync(path);
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m || m[3] !== '255') throw new Error(`${path}: not an 8-bit binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, data: new Uint8Array(buf.subarray(m[0].length, m[0].length + width * height)) };
}

/** Grey → an opaque RGBA canvas of the same size. */
export function grayToCanvas(img: GrayImage): Canvas {
  const c = canvasLib().createCanvas(img.width, img.height);
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

/** Same size, rotated clockwise by `degrees` about the centre, white background (canvas drawImage, bilinear). */
export function canvasRotate(img: GrayImage, degrees: number): GrayImage {
  const src = grayToCanvas(img);
  const out = canvasLib().createCanvas(img.width, img.height);
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

/** Adds Gaussian noise of standard deviation `sigma` grey levels (Box–Muller on mulberry32 `seed`), clipped to 0–255. */
export function addGaussianNoise(img: GrayImage, sigma: number, seed: number): GrayImage {
  const rnd = seededRandom(seed);
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rnd())) * sigma;
    const t = 2 * Math.PI * rnd();
    out[i] = clampByte(img.data[i]! + r * Math.cos(t));
    if (i + 1 < out.length) out[i + 1] = clampByte(img.data[i + 1]! + r * Math.sin(t));
  }
  return { width: img.width, height: img.height, data: out };
}

const clampByte = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/** Gaussian blur of standard deviation `sigma` pixels (separable kernel of radius ⌈3σ⌉, edges repeated). */
export function gaussianBlur(img: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return img;
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const kernel = k.map((v) => v / sum);
  const { width: w, height: h } = img;
  const pass = (src: ArrayLike<number>, horizontal: boolean): Float32Array => {
    const out = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let j = -r; j <= r; j++) {
          const xx = horizontal ? Math.min(w - 1, Math.max(0, x + j)) : x;
          const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + j));
          acc += kernel[j + r]! * src[yy * w + xx]!;
        }
        out[y * w + x] = acc;
      }
    }
    return out;
  };
  const both = pass(pass(img.data, true), false);
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = clampByte(both[i]!);
  return { width: w, height: h, data };
}

/** Grey pixels → JPEG bytes at `quality` (0–100), encoded by @napi-rs/canvas (equal R, G, B). */
export async function encodeJpeg(img: GrayImage, quality: number): Promise<Uint8Array> {
  const buf = await grayToCanvas(img).encode('jpeg', quality);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * "Scans" one grey image (a rendered page or a crop of one, at `settings.dpi`): rotated clockwise by
 * `how.angleDeg` about its centre at the same size, noise seeded with `how.noiseSeed`, a slight blur,
 * JPEG at `settings.jpegQuality`.
 */
export async function scanGray(img: GrayImage, how: { angleDeg: number; noiseSeed: number }, settings: ScanSettings): Promise<ScanJpeg> {
  const turned = canvasRotate(img, how.angleDeg);
  const grainy = addGaussianNoise(turned, settings.noiseSigma, how.noiseSeed);
  const soft = gaussianBlur(grainy, (settings.blurSigma200 * settings.dpi) / 200);
  return { bytes: await encodeJpeg(soft, settings.jpegQuality), width: img.width, height: img.height, dpi: settings.dpi };
}

/**
 * Renders `pages` (1-based) of the PDF `pdf` with pdf.js and scans each one; returns the JPEGs and
 * what was done, in page order. Angles come from `settings.seed`, page i's noise from seed + i + 1.
 */
export async function pagesToScans(pdf: Uint8Array, pages: readonly number[], settings: ScanSettings): Promise<{ jpegs: ScanJpeg[]; scanned: ScannedPage[] }> {
  const angles = seedToAngles(settings.seed, pages.length, settings.minAngleDeg, settings.maxAngleDeg);
  const source = await openRasterSource(pdf);
  try {
    const jpegs: ScanJpeg[] = [];
    const scanned: ScannedPage[] = [];
    for (const [i, p] of pages.entries()) {
      const { image } = await source.pageToRaster(p, { dpi: settings.dpi, preferEmbedded: false });
      const noiseSeed = settings.seed + i + 1;
      const jpeg = await scanGray(image, { angleDeg: angles[i]!, noiseSeed }, settings);
      jpegs.push(jpeg);
      scanned.push({ sourcePage: p, angleDeg: angles[i]!, noiseSeed, width: jpeg.width, height: jpeg.height, jpegBytes: jpeg.bytes.length });
    }
    return { jpegs, scanned };
  } finally {
    await source.close();
  }
}

/** A4 portrait as img2pdf sizes it, points. */
export const A4_PT = { width: 595.28, height: 841.89 } as const;

/**
 * An image-only PDF (pdf-lib): one JPEG filling each page, no text layer, no dates (same JPEGs, same
 * bytes). The page is `pageSize` (points) when given, else the image at its dpi (its displayed size).
 */
export async function scansToPdf(jpegs: readonly ScanJpeg[], opts: { pageSize?: { width: number; height: number }; producer: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer(opts.producer);
  for (const j of jpegs) {
    const img = await doc.embedJpg(j.bytes);
    const size = opts.pageSize ?? { width: (j.width * 72) / j.dpi, height: (j.height * 72) / j.dpi };
    doc.addPage([size.width, size.height]).drawImage(img, { x: 0, y: 0, width: size.width, height: size.height });
  }
  return doc.save();
}

/** The pages `pages` (1-based) of `pdf` as a new PDF (pdf-lib copyPages: sizes, /Rotate and inherited resources kept). */
export async function pdfSubset(pdf: Uint8Array, pages: readonly number[]): Promise<Uint8Array> {
  const src = await PDFDocument.load(pdf, { updateMetadata: false });
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const page of await doc.copyPages(src, pages.map((p) => p - 1))) doc.addPage(page);
  return doc.save();
}
