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

/** Text of each page as pdf.js (the project's reader) reports it: its runs concatenated. */
export async function pdfjsPageTexts(pdf: string): Promise<string[]> {
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
    const out: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const tc = await (await doc.getPage(p)).getTextContent();
      out.push(tc.items.map((i) => ('str' in i ? i.str : '')).join(''));
    }
    return out;
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** Code points in U+2E80–U+2FDF (CJK radicals supplement, Kangxi radicals) in `s`. */
export function radicalsIn(s: string): string[] {
  return Array.from(s).filter((ch) => {
    const c = ch.codePointAt(0)!;
    return c >= 0x2e80 && c <= 0x2fdf;
  });
}
