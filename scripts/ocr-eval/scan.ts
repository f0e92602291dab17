/**
 * The two PDFs of one evaluation item, cached under .tmp/ocr-eval/<key>/ (key = hash of the source
 * bytes, the pages, every scan setting and the scanning packages' versions, so a re-run with the same
 * settings skips the scanning). Made in Node only (no qpdf, poppler, ImageMagick or img2pdf):
 *  - subset.pdf: the pages of the born-digital PDF (pdf-lib copyPages, /Rotate and page sizes kept);
 *  - scan.pdf: the same pages "scanned" by samples/generate/scan-image.ts (pagesToScans), each JPEG on
 *    a page of its own size at the scan's dpi (landscape and rotated pages keep their displayed size),
 *    image only, no text layer.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCAN, pagesToScans, pdfSubset, scansToPdf, scanToolVersions, type ScannedPage, type ScanSettings } from '../../samples/generate/scan-image.ts';
import type { EvalItem } from './sets.ts';

/** Bump when the way scans are made changes (invalidates the cache). */
const SCAN_RECIPE = 'ocr-eval scan v2: pdf-lib subset; pagesToScans (pdf.js render, canvas rotate, Gaussian noise and blur, canvas JPEG); pdf-lib wrap (own page size)';

export interface ItemScan {
  /** the cache folder */
  dir: string;
  subsetPdf: string;
  scanPdf: string;
  settings: ScanSettings;
  /** per subset page: its source page, angle, noise seed, pixels */
  scanned: ScannedPage[];
  /** true when the files were made by this call (false: taken from the cache) */
  made: boolean;
}

/** FNV-1a of a string, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(s, 'utf8')) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
  return h;
}

/**
 * The scan seed of one item: from the run's --seed and the item (file and pages), so each item gets
 * its own angles and noise, and none of them repeats the committed samples' seeds (4100–4300).
 */
export function itemSeed(runSeed: number, item: EvalItem): number {
  return 100_000 + (fnv1a(`${runSeed}|${item.pdf}|${item.pages.join(',')}`) % 900_000);
}

/** Versions of the packages whose output the scan depends on (part of the cache key). */
export { scanToolVersions as toolVersions };

/** Makes (or finds in the cache) the subset and scanned PDFs of `item`. */
export async function scanItem(root: string, item: EvalItem, opts: { dpi: number; seed: number; cacheRoot: string; tools: Record<string, string> }): Promise<ItemScan> {
  const source = readFileSync(join(root, item.pdf));
  const settings: ScanSettings = { ...DEFAULT_SCAN, dpi: opts.dpi, seed: itemSeed(opts.seed, item) };
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe: SCAN_RECIPE, source: createHash('sha256').update(source).digest('hex'), pages: item.pages, settings, tools: opts.tools }))
    .digest('hex')
    .slice(0, 16);
  const base = item.pdf.split('/').pop()!.replace(/\.pdf$/i, '');
  const dir = join(opts.cacheRoot, `${base}-p${item.pages.join('_')}-${opts.dpi}dpi-${key}`);
  const subsetPdf = join(dir, 'subset.pdf');
  const scanPdf = join(dir, 'scan.pdf');
  const metaPath = join(dir, 'scan.json');
  if (existsSync(metaPath) && existsSync(subsetPdf) && existsSync(scanPdf)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { scanned: ScannedPage[] };
    return { dir, subsetPdf, scanPdf, settings, scanned: meta.scanned, made: false };
  }

  // build in a temp folder beside it, then rename: an interrupted run leaves no half-made cache entry
  mkdirSync(opts.cacheRoot, { recursive: true });
  const staging = `${dir}.tmp-${process.pid}`;
  try {
    mkdirSync(staging, { recursive: true });
    const sub = await pdfSubset(source, item.pages);
    writeFileSync(join(staging, 'subset.pdf'), sub);
    const { jpegs, scanned: onSubset } = await pagesToScans(sub, item.pages.map((_, i) => i + 1), settings);
    const scanned = onSubset.map((s, i) => ({ ...s, sourcePage: item.pages[i]! }));
    writeFileSync(join(staging, 'scan.pdf'), await scansToPdf(jpegs, { producer: 'gongwen ocr-eval (pdf-lib)' }));
    writeFileSync(join(staging, 'scan.json'), JSON.stringify({ item, settings, recipe: SCAN_RECIPE, tools: opts.tools, scanned }, null, 2) + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { dir, subsetPdf, scanPdf, settings, scanned, made: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
