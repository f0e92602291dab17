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

/** Width and height of a binary PGM (P5) file as pdftoppm writes it. */
function pgmSize(path: string): { width: number; height: number } {
  const head = readFileSync(path).subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) throw new Error(`${path}: not a binary PGM`);
  return { width: Number(m[1]), height: Number(m[2]) };
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
  const blur = (settings.blurSigma200 * settings.dpi) / 200;
  const jpegs: string[] = [];
  const scanned: ScannedPage[] = [];
  pages.forEach((p, i) => {
    const base = join(dir, `page-${p}`);
    run('pdftoppm', ['-gray', '-r', String(settings.dpi), '-f', String(p), '-l', String(p), '-singlefile', pdf, base]);
    const pgm = `${base}.pgm`;
    const { width, height } = pgmSize(pgm);
    const jpg = `${base}.jpg`;
    const noiseSeed = settings.seed + i + 1;
    run('convert', [
      pgm,
      '-seed', String(noiseSeed),
      '-background', 'white',
      '-rotate', String(angles[i]),
      '+repage',
      '-gravity', 'center',
      '-crop', `${width}x${height}+0+0`,
      '+repage',
      '-attenuate', String(settings.noiseAttenuate),
      '+noise', 'Gaussian',
      '-blur', `0x${blur.toFixed(2)}`,
      '-colorspace', 'Gray',
      '-density', String(settings.dpi),
      '-units', 'PixelsPerInch',
      '-strip',
      '-quality', String(settings.jpegQuality),
      jpg,
    ]);
    const got = run('identify', ['-format', '%w %h', jpg]).trim();
    if (got !== `${width} ${height}`) throw new Error(`scan of page ${p}: ${got}, expected ${width} ${height}`);
    jpegs.push(jpg);
    scanned.push({ sourcePage: p, angleDeg: angles[i]!, noiseSeed, width, height, jpegBytes: readFileSync(jpg).length });
  });
  return { jpegs, scanned };
}

/** Wraps JPEGs as an image-only PDF, one image filling each A4 page (img2pdf, no timestamps). */
export function scansToPdf(jpegs: readonly string[], out: string): void {
  run('img2pdf', ['--pagesize', 'A4', '--fit', 'exact', '--nodate', '--producer', 'gongwen samples (img2pdf)', '-o', out, ...jpegs]);
}
