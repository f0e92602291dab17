/**
 * Thin wrappers over the command-line producers and checkers the samples use: Chromium
 * (print to PDF), LibreOffice (convert to PDF), qpdf (merge), poppler (page count, text per page).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, renameSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs a command, returns stdout (utf8). */
export function run(cmd: string, args: readonly string[], timeoutMs = 180_000): string {
  return execFileSync(cmd, args as string[], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** Prints an HTML file to PDF with headless Debian Chromium (no header/footer of its own). */
export function chromiumPrint(htmlPath: string, pdfPath: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'gw-chromium-'));
  try {
    run('chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfPath}`,
      pathToFileURL(htmlPath).href,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Converts a document (.fodt, .html) to PDF with headless LibreOffice; returns the PDF path. */
export function libreofficeConvert(srcPath: string, pdfPath: string): void {
  const outDir = mkdtempSync(join(tmpdir(), 'gw-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'gw-lo-profile-'));
  try {
    run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, srcPath]);
    const made = readdirSync(outDir).find((f) => f.endsWith('.pdf'));
    if (!made) throw new Error(`LibreOffice made no PDF from ${basename(srcPath)}`);
    mkdirSync(dirname(pdfPath), { recursive: true });
    renameSync(join(outDir, made), pdfPath);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Concatenates PDFs with qpdf, keeping the first file's document info; objects are packed into
 * object streams and re-deflated (keeps the Type 3 sample under 1.5 MB).
 */
export function qpdfMerge(inputs: readonly string[], out: string): void {
  run('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', inputs[0]!, '--pages', ...inputs, '--', out]);
}

/** Number of pages (poppler pdfinfo). */
export function pageCount(pdf: string): number {
  const m = /Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]));
  if (!m) throw new Error(`pdfinfo: no page count for ${pdf}`);
  return Number(m[1]);
}

/** Text of each page (poppler pdftotext, reading order), index 0 = page 1. */
export function pageTexts(pdf: string): string[] {
  const n = pageCount(pdf);
  const out: string[] = [];
  for (let p = 1; p <= n; p++) out.push(run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']));
  return out;
}

/** Writes pretty JSON (2-space indent, trailing newline), creating folders. */
export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}

/** A fresh temporary folder; call the returned function to remove it. */
export function tempDir(prefix: string): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfjsPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

/** `f(pdfjs, page, n)` for every page of `pdf` opened with pdf.js (CJK cmaps found), in page order. */
async function eachPdfjsPage<T>(pdf: string, f: (pdfjs: Pdfjs, page: PdfjsPage, n: number) => Promise<T>): Promise<T[]> {
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const base = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdf)),
    cMapUrl: base + '/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: base + '/standard_fonts/',
  }).promise;
  try {
    const out: T[] = [];
    for (let p = 1; p <= doc.numPages; p++) out.push(await f(pdfjs, await doc.getPage(p), p));
    return out;
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** Text of each page as pdf.js (the project's reader) reports it: its runs concatenated. */
export async function pdfjsPageTexts(pdf: string): Promise<string[]> {
  return eachPdfjsPage(pdf, async (_, page) => (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''));
}

/** Where a page paints an image: its box in PDF points, top-left origin of the page (no rotation). */
export interface PaintedImage {
  x0: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The images each page paints (pdf.js `paintImageXObject`, inline images and image masks), with the
 * box the current transform gives the unit square. The transform is tracked through save/restore,
 * `cm` and form XObjects; a skewed or rotated image gets the box of its corners.
 */
export async function pdfjsPageImages(pdf: string): Promise<PaintedImage[][]> {
  return eachPdfjsPage(pdf, async (pdfjs, page) => {
    const { OPS } = pdfjs;
    const ops = await page.getOperatorList();
    const mul = (m: number[], n: number[]): number[] => [
      m[0]! * n[0]! + m[1]! * n[2]!,
      m[0]! * n[1]! + m[1]! * n[3]!,
      m[2]! * n[0]! + m[3]! * n[2]!,
      m[2]! * n[1]! + m[3]! * n[3]!,
      m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
      m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
    ];
    const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
    const [, , , pageTop] = page.view as [number, number, number, number];
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    const out: PaintedImage[] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = mul(Array.from(args as number[]), ctm);
      else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        if (args[0]) ctm = mul(Array.from(args[0] as number[]), ctm);
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
      else if (images.has(fn)) {
        const xs = [0, 1].flatMap((u) => [0, 1].map((v) => u * ctm[0]! + v * ctm[2]! + ctm[4]!));
        const ys = [0, 1].flatMap((u) => [0, 1].map((v) => u * ctm[1]! + v * ctm[3]! + ctm[5]!));
        out.push({ x0: Math.min(...xs), top: pageTop - Math.max(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
      }
    });
    return out;
  });
}

/** Code points in U+2E80–U+2FDF (CJK radicals supplement, Kangxi radicals) in `s`. */
export function radicalsIn(s: string): string[] {
  return Array.from(s).filter((ch) => {
    const c = ch.codePointAt(0)!;
    return c >= 0x2e80 && c <= 0x2fdf;
  });
}
