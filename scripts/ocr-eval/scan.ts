/**
 * The two PDFs of one evaluation item, cached under .tmp/ocr-eval/<key>/ (key = hash of the source
 * bytes, the pages and every scan setting, so a re-run with the same settings skips the scanning):
 *  - subset.pdf: the pages of the born-digital PDF (qpdf --pages, /Rotate and page sizes kept);
 *  - scan.pdf: the same pages "scanned" by samples/generate/scan-image.ts (pagesToScans), each JPEG on
 *    a page of its own size at the scan's dpi (img2pdf without --pagesize: landscape and rotated pages
 *    keep their displayed size, unlike scansToPdf's forced A4 portrait), image only, no text layer.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCAN, pagesToScans, type ScannedPage, type ScanSettings } from '../../samples/generate/scan-image.ts';
import { run, tempDir } from '../../samples/generate/tools.ts';
import type { EvalItem } from './sets.ts';

/** Bump when the way scans are made changes (invalidates the cache). */
const SCAN_RECIPE = 'ocr-eval scan v1: qpdf --empty --pages; pagesToScans; img2pdf --nodate (own page size); qpdf --deterministic-id';

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

/** Versions of the tools whose output the scan depends on (ImageMagick's noise above all). */
export function toolVersions(): Record<string, string> {
  return {
    imagemagick: run('convert', ['-version']).split('\n')[0]!.replace(/^Version:\s*/, ''),
    poppler: popplerVersion(),
    img2pdf: run('img2pdf', ['--version']).trim(),
    qpdf: run('qpdf', ['--version']).split('\n')[0]!.trim(),
  };
}

/** `pdftoppm -v` (it prints on stderr), first line. */
function popplerVersion(): string {
  const r = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.split('\n')[0]!.trim();
}

/** Makes (or finds in the cache) the subset and scanned PDFs of `item`. */
export function scanItem(root: string, item: EvalItem, opts: { dpi: number; seed: number; cacheRoot: string; tools: Record<string, string> }): ItemScan {
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
  const tmp = tempDir('gw-ocr-eval-');
  const staging = `${dir}.tmp-${process.pid}`;
  try {
    mkdirSync(staging, { recursive: true });
    const sub = join(staging, 'subset.pdf');
    run('qpdf', ['--empty', '--deterministic-id', '--pages', join(root, item.pdf), item.pages.join(','), '--', sub]);
    const { jpegs, scanned: onSubset } = pagesToScans(sub, item.pages.map((_, i) => i + 1), settings, tmp.dir);
    const scanned = onSubset.map((s, i) => ({ ...s, sourcePage: item.pages[i]! }));
    const raw = join(tmp.dir, 'img2pdf.pdf');
    // no --pagesize: each page is the image at its own dpi (the JPEG's density), so its size is the
    // displayed size of the source page (±0.2 pt of pixel rounding)
    run('img2pdf', ['--nodate', '--producer', 'gongwen ocr-eval (img2pdf)', '-o', raw, ...jpegs]);
    run('qpdf', ['--deterministic-id', raw, join(staging, 'scan.pdf')]);
    writeFileSync(join(staging, 'scan.json'), JSON.stringify({ item, settings, recipe: SCAN_RECIPE, tools: opts.tools, scanned }, null, 2) + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { dir, subsetPdf, scanPdf, settings, scanned, made: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    tmp.done();
  }
}
