/**
 * Loads pdf.js (pdfjs-dist 5.x legacy build, which runs on Node 20) once, and the filesystem
 * locations of its CMaps and standard font data. Only `read/` imports pdf.js.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfjsLib = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsLib> | undefined;

/** The pdf.js module, imported on first use. */
export function pdfjsLib(): Promise<PdfjsLib> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/**
 * Directory of the installed pdfjs-dist package and its data folders, as plain filesystem paths
 * ending in '/' (pdf.js in Node reads them with fs). Without the CMaps a PDF with a non-embedded
 * CJK font yields no text.
 */
export function pdfjsDataPaths(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  };
}
