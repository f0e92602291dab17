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

/**
 * Images of more pixels are not decoded (pdf.js drops them from the page with a warning): 10⁸ px
 * is an A4 scan at ≈ 1150 dpi; a 30000 × 30000 image would take 2.7 GB as RGB.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * Starts loading a PDF with the options every caller in read/ uses: a copy of the bytes (pdf.js
 * rejects a Node Buffer and detaches what it gets), CMaps and standard fonts from the package,
 * no eval, errors-only logging, no DOM font installation (glyphs are parsed, drawn from
 * outlines) and no image of more than MAX_IMAGE_PIXELS. The caller awaits `task.promise` and
 * destroys the task.
 */
export async function loadingTask(data: Uint8Array, password?: string) {
  const lib = await pdfjsLib();
  return lib.getDocument({
    data: new Uint8Array(data),
    password,
    ...pdfjsDataPaths(),
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: MAX_IMAGE_PIXELS,
  });
}

type NapiCanvas = typeof import('@napi-rs/canvas');
let napi: NapiCanvas | undefined;

/**
 * @napi-rs/canvas as pdf.js loads it: resolved from pdfjs-dist, whose dependency it is (the
 * canvas that rendering and page rasters draw on).
 */
export function canvasLib(): NapiCanvas {
  napi ??= createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as NapiCanvas;
  return napi;
}

/**
 * Draws `page` on a new white canvas at `scale` (1 = one pixel per point). pdf.js draws in chunks;
 * each next chunk is scheduled with setImmediate, so timers (a page's time budget) run between
 * chunks, and `signal` cancels the render under way.
 */
export async function drawPage(page: import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy, scale: number, signal?: AbortSignal) {
  const viewport = page.getViewport({ scale });
  const canvas = canvasLib().createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const task = page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport });
  task.onContinue = (next: () => void) => void setImmediate(next);
  const cancel = (): void => task.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    await task.promise;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  return { canvas, ctx };
}
