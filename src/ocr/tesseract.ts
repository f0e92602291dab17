/**
 * The tesseract.js engine (issue #4), offline: the traineddata comes from the npm package
 * `@tesseract.js-data/chi_sim` (never the CDN), the worker script and the WASM core from
 * `tesseract.js` / `tesseract.js-core` in node_modules (tesseract.js's Node defaults), and
 * `cacheMethod: 'none'` so a stray `chi_sim.traineddata` in the working directory never wins.
 *
 * Boxes are PIXELS of the image given (top-left origin); confidence is tesseract's 0..100 / 100.
 * One engine = one tesseract.js worker thread (≈ 230–260 MiB when busy); calls are serialised.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { GrayImage } from '../raster/types.ts';
import { clearEdgeLines, countDark, grayToPgm, padWhite } from './tesseractImage.ts';
import { pageToOcrLines } from './tesseractLines.ts';
import type { OcrEngine, OcrLine } from './types.ts';

/** Tesseract page segmentation modes used here ('3' auto, '6' single block, '7' single line). */
export type TesseractPsm = '3' | '4' | '6' | '7' | '11';

export interface TesseractSettings {
  /** folder holding `<lang>.traineddata.gz` @default <@tesseract.js-data/chi_sim>/4.0.0_best_int */
  readonly langPath: string;
  /** @default 'chi_sim' */
  readonly lang: string;
  /** segmentation for `readLines` (a page or region) @default '3' (fully automatic) */
  readonly pagePsm: TesseractPsm;
  /** segmentation for `readCell` @default '6' (one uniform block: a cell may wrap onto 2–3 lines) */
  readonly cellPsm: TesseractPsm;
  /**
   * White border added around a cell crop, as a share of the crop's height (tesseract reads
   * glyphs touching the image edge badly). @default 0.5
   */
  readonly cellPadRatio: number;
  /** lower bound of that border, px @default 12 */
  readonly cellPadMinPx: number;
  /**
   * Cell crops: rows/columns within this share of the crop's smaller side from an edge (at least
   * `edgeBandMinPx`) that are almost all ink are cell-border remnants and are whitened first.
   * @default 0.15
   */
  readonly edgeBandRatio: number;
  /** @default 4 */
  readonly edgeBandMinPx: number;
  /** share of ink that makes an edge row/column a border remnant @default 0.9 */
  readonly edgeLineShare: number;
  /** pixels darker than this (0..255) count as ink (empty-cell and edge tests) @default 128 */
  readonly inkThreshold: number;
  /** a cell crop with fewer ink pixels than this is empty: [] without running tesseract @default 6 */
  readonly minInkPixels: number;
  /**
   * Resolution announced to tesseract (`user_defined_dpi`), when the caller knows it; unset,
   * tesseract estimates it from the text height. @default undefined
   */
  readonly dpi?: number;
}

/** Where `@tesseract.js-data/chi_sim` keeps the LSTM-only, integer ("best_int") model. */
export function defaultChiSimLangPath(): string {
  const pkg = createRequire(import.meta.url).resolve('@tesseract.js-data/chi_sim/package.json');
  return join(dirname(pkg), '4.0.0_best_int');
}

export const DEFAULT_TESSERACT: Omit<TesseractSettings, 'langPath'> = {
  lang: 'chi_sim',
  pagePsm: '3',
  cellPsm: '6',
  cellPadRatio: 0.5,
  cellPadMinPx: 12,
  edgeBandRatio: 0.15,
  edgeBandMinPx: 4,
  edgeLineShare: 0.9,
  inkThreshold: 128,
  minInkPixels: 6,
};

/**
 * Starts one tesseract.js worker with the Chinese (simplified) LSTM model and returns it as an
 * `OcrEngine`. Rejects when the model cannot be loaded. `close()` ends the worker thread.
 */
export async function createTesseractEngine(opts: Partial<TesseractSettings> = {}): Promise<OcrEngine> {
  const s: TesseractSettings = { ...DEFAULT_TESSERACT, langPath: opts.langPath ?? defaultChiSimLangPath(), ...opts };
  // worker errors also reject the job's promise; without a handler tesseract.js rethrows them
  // from its message listener, an uncaught exception that would end the process
  const worker = await Tesseract.createWorker(s.lang, Tesseract.OEM.LSTM_ONLY, {
    langPath: s.langPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  // tesseract's own messages ("Estimating resolution as …") to nowhere
  const base: Record<string, string> = { debug_file: '/dev/null' };
  if (s.dpi !== undefined) base['user_defined_dpi'] = String(Math.round(s.dpi));
  await worker.setParameters(base);

  let psm: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  /** runs `fn` after every earlier call: one worker reads one image at a time, with its own PSM */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('tesseract engine is closed'));
    const p = queue.then(fn);
    queue = p.catch(() => undefined);
    return p;
  }
  async function recognize(image: GrayImage, mode: TesseractPsm, pad: number): Promise<OcrLine[]> {
    if (psm !== mode) {
      await worker.setParameters({ tessedit_pageseg_mode: mode as Tesseract.PSM });
      psm = mode;
    }
    const input = padWhite(image, pad);
    const res = await worker.recognize(grayToPgm(input), {}, { text: false, blocks: true });
    return pageToOcrLines(res.data, { dx: pad, dy: pad, width: image.width, height: image.height });
  }

  return {
    name: 'tesseract',
    readLines: (image) => serial(() => recognize(image, s.pagePsm, 0)),
    readCell: (image) =>
      serial(async () => {
        const band = Math.max(s.edgeBandMinPx, Math.round(s.edgeBandRatio * Math.min(image.width, image.height)));
        const clean = clearEdgeLines(image, band, s.inkThreshold, s.edgeLineShare);
        if (countDark(clean, s.inkThreshold) < s.minInkPixels) return [];
        const pad = Math.max(s.cellPadMinPx, Math.round(image.height * s.cellPadRatio));
        return recognize(clean, s.cellPsm, pad);
      }),
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await worker.terminate();
    },
  };
}
