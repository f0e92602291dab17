/**
 * Loads pdf.js (pdfjs-dist 5.x legacy build, which runs on Node 20) once, and the filesystem
 * locations of its CMaps and standard font data. Only `read/` imports pdf.js.
 */

import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';

export type PdfjsLib = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsLib> | undefined;

/** The pdf.js module, imported on first use (the canvas it requires is loaded first, see canvasLib). */
export function pdfjsLib(): Promise<PdfjsLib> {
  if (!loading) {
    canvasLib();
    loading = loadPdfjs();
  }
  return loading;
}

/**
 * Imports pdf.js and its worker module (pdf.js in Node runs its "worker" on this thread: it takes
 * the module from `globalThis.pdfjsWorker`, which that module sets), then gives back the engine's
 * own `Array.prototype.push`, `JSON.stringify` and `JSON.parse`: the legacy build's core-js
 * polyfills replace them for the whole process on Node 20 (V8 lacks corner cases of newer specs:
 * `JSON.rawJSON`, push on a frozen length), and the JavaScript versions are slower (push ≈ 25%,
 * `JSON.stringify` ≈ 50×), in pdf.js itself and in every stage after it. The values are the same.
 */
async function loadPdfjs(): Promise<PdfjsLib> {
  /** (the package has no typings for it) */
  const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import(WORKER_MODULE);
    return lib;
  } finally {
    Array.prototype.push = native.push;
    JSON.stringify = native.stringify;
    JSON.parse = native.parse;
  }
}

/**
 * Makes pdf.js inflate Flate streams with its own JavaScript decoder instead of the web
 * `DecompressionStream` (node:zlib behind web streams, which pdf.js uses whenever that global
 * exists): it removes the global from this thread. Measured on a busy 2-core machine (pdf.js
 * reading alone, text and operator lists of every page, runs alternated in one process): the 20
 * first born-digital samples 2225 → 1788 ms CPU, the 34-page seed 501 → 337 ms; image-only scans
 * (JPEG, or a 2479 × 3508 Flate image) the same. What pdf.js reads is the same. For gongwen's own
 * batch worker processes and page threads only: never call it in a library user's process.
 */
export function useJsInflate(): void {
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
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
/** whether the system fonts are still to be registered before the first drawing */
let fontsPending = false;

/**
 * @napi-rs/canvas as pdf.js loads it: resolved from pdfjs-dist, whose dependency it is (the
 * canvas that rendering and page rasters draw on). pdf.js requires it on import, even for reading
 * text only, and the package scans every system font when it is loaded (≈ 165 ms CPU with CJK
 * fonts installed). Loaded here first with the package's own switch DISABLE_SYSTEM_FONTS_LOAD set
 * (synchronously, restored at once: no other thread or process sees it), the scan is put off to
 * the first drawing (`systemFonts`), which registers the same fonts the package would have. A
 * DISABLE_SYSTEM_FONTS_LOAD the user set is kept: then no fonts are loaded, as before.
 */
export function canvasLib(): NapiCanvas {
  if (napi) return napi;
  const given = process.env.DISABLE_SYSTEM_FONTS_LOAD;
  process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
  try {
    napi = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as NapiCanvas;
  } finally {
    if (given === undefined) delete process.env.DISABLE_SYSTEM_FONTS_LOAD;
    else process.env.DISABLE_SYSTEM_FONTS_LOAD = given;
  }
  fontsPending = given === undefined;
  return napi;
}

/**
 * Registers the system fonts once, as @napi-rs/canvas does on load (its index.js): pdf.js draws
 * the text of fonts not embedded in the PDF with them (`fillText`).
 */
function systemFonts(canvas: NapiCanvas): void {
  if (!fontsPending) return;
  fontsPending = false;
  // in the package's index.js, not in its typings
  (canvas.GlobalFonts as NapiCanvas['GlobalFonts'] & { loadSystemFonts(): void }).loadSystemFonts();
  const home = homedir();
  const os = platform();
  if (os === 'win32') canvas.GlobalFonts.loadFontsFromDir(join(home, 'AppData', 'Local', 'Microsoft', 'Windows', 'Fonts'));
  else if (os === 'darwin') canvas.GlobalFonts.loadFontsFromDir(join(home, 'Library', 'Fonts'));
  else if (os === 'linux') {
    // the package's own (relative) path, kept so the same fonts are found
    canvas.GlobalFonts.loadFontsFromDir(join('usr', 'local', 'share', 'fonts'));
    canvas.GlobalFonts.loadFontsFromDir(join(home, '.fonts'));
  }
}

/**
 * Draws `page` on a new white canvas at `scale` (1 = one pixel per point). pdf.js draws in chunks;
 * each next chunk is scheduled with setImmediate, so timers (a page's time budget) run between
 * chunks, and `signal` cancels the render under way.
 */
export async function drawPage(page: import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy, scale: number, signal?: AbortSignal) {
  const viewport = page.getViewport({ scale });
  const lib = canvasLib();
  systemFonts(lib);
  const canvas = lib.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
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
