/**
 * "Scans" pages of a born-digital PDF (issue #4): each page is rendered grey with poppler
 * (`pdftoppm -gray -r <dpi>`), rotated by a small seeded angle about its centre and cropped back to
 * the rendered size (white comes in at the corners, like paper on a scanner bed), given light
 * Gaussian noise and a slight blur (scanner grain and optics), saved as JPEG and wrapped one image per
 * A4 page with img2pdf (no text layer). Everything is seeded: the same settings give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './tools.ts';

/** How a set of pages is scanned. */
export interface ScanSettings {
  /** render resolution, dots per inch (200 or 300 here) */
  readonly dpi: number;
  /** seed of the angle RNG (mulberry32) and, plus the page index, of ImageMagick's noise */
  readonly seed: number;
  /** smallest |rotation|, degrees. @default 0.5 */
  readonly minAngleDeg: number;
  /** largest |rotation|, degrees. @default 1.2 */
  readonly maxAngleDeg: number;
  /** ImageMagick `-attenuate` for `+noise Gaussian`. @default 0.3 */
  readonly noiseAttenuate: number;
  /** Gaussian blur sigma in pixels at 200 dpi after the noise, scaled with dpi (scanner softness). @default 0.5 */
  readonly blurSigma200: number;
  /** JPEG quality. @default 75 */
  readonly jpegQuality: number;
}

export const DEFAULT_SCAN: Omit<ScanSettings, 'dpi' | 'seed'> = {
  minAngleDeg: 0.5,
  maxAngleDeg: 1.2,
  noiseAttenuate: 0.3,
  blurSigma200: 0.5,
  jpegQuality: 75,
};

/** One scanned page as recorded in source.json. */
export interface ScannedPage {
  /** 1-based page of the source PDF */
  sourcePage: number;
  /** rotation applied, degrees, positive = clockwise as displayed (ImageMagick `-rotate`) */
  angleDeg: number;
  /** ImageMagick `-seed` used for this page's noise */
  noiseSeed: number;
  /** image size in pixels */
  width: number;
  height: number;
  jpegBytes: number;
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
export function readPgm(path: string): { width: number; height: number; data: Uint8Array } {
  const buf = readFileSync(path);
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m || m[3] !== '255') throw new Error(`${path}: not an 8-bit binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, data: buf.subarray(m[0].length, m[0].length + width * height) };
}

/** Width and height of an image file (ImageMagick identify). */
export function imageSize(path: string): { width: number; height: number } {
  const [width, height] = run('identify', ['-format', '%w %h', path]).trim().split(' ').map(Number);
  return { width: width!, height: height! };
}

/**
 * "Scans" one grey image (`input`, `how.width` × `how.height` px at `settings.dpi`: a rendered page
 * or a crop of one) into the JPEG `out`: rotated by `how.angleDeg` about its centre and cropped back
 * to its size (white at the corners), Gaussian noise seeded with `how.noiseSeed`, a slight blur, grey
 * JPEG at `settings.jpegQuality`. Stops unless the JPEG has the input's size.
 */
export function scanImage(
  input: string,
  out: string,
  how: { width: number; height: number; angleDeg: number; noiseSeed: number },
  settings: ScanSettings,
): void {
  const blur = (settings.blurSigma200 * settings.dpi) / 200;
  run('convert', [
    input,
    '-seed', String(how.noiseSeed),
    '-background', 'white',
    '-rotate', String(how.angleDeg),
    '+repage',
    '-gravity', 'center',
    '-crop', `${how.width}x${how.height}+0+0`,
    '+repage',
    '-attenuate', String(settings.noiseAttenuate),
    '+noise', 'Gaussian',
    '-blur', `0x${blur.toFixed(2)}`,
    '-colorspace', 'Gray',
    '-density', String(settings.dpi),
    '-units', 'PixelsPerInch',
    '-strip',
    '-quality', String(settings.jpegQuality),
    out,
  ]);
  const got = imageSize(out);
  if (got.width !== how.width || got.height !== how.height) throw new Error(`scan of ${input}: ${got.width} ${got.height}, expected ${how.width} ${how.height}`);
}

/**
 * Renders `pages` of `pdf` and writes one scanned JPEG per page into `dir`; returns what was done,
 * in page order, with the JPEG paths.
 */
export function pagesToScans(
  pdf: string,
  pages: readonly number[],
  settings: ScanSettings,
  dir: string,
): { jpegs: string[]; scanned: ScannedPage[] } {
  const angles = seedToAngles(settings.seed, pages.length, settings.minAngleDeg, settings.maxAngleDeg);
  const jpegs: string[] = [];
  const scanned: ScannedPage[] = [];
  pages.forEach((p, i) => {
    const base = join(dir, `page-${p}`);
    run('pdftoppm', ['-gray', '-r', String(settings.dpi), '-f', String(p), '-l', String(p), '-singlefile', pdf, base]);
    const pgm = `${base}.pgm`;
    const { width, height } = readPgm(pgm);
    const jpg = `${base}.jpg`;
    const noiseSeed = settings.seed + i + 1;
    scanImage(pgm, jpg, { width, height, angleDeg: angles[i]!, noiseSeed }, settings);
    jpegs.push(jpg);
    scanned.push({ sourcePage: p, angleDeg: angles[i]!, noiseSeed, width, height, jpegBytes: readFileSync(jpg).length });
  });
  return { jpegs, scanned };
}

/** Wraps JPEGs as an image-only PDF, one image filling each A4 page (img2pdf, no timestamps). */
export function scansToPdf(jpegs: readonly string[], out: string): void {
  run('img2pdf', ['--pagesize', 'A4', '--fit', 'exact', '--nodate', '--producer', 'gongwen samples (img2pdf)', '-o', out, ...jpegs]);
}
