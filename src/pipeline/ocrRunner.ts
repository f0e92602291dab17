/**
 * Runs the OCR stage of one page (`ocrPage`: raster → items, rulings, table fragments in PDF
 * points) for a document, on as many cores as it is given (issue #4):
 *  - `slots` 1: in this thread, with one engine;
 *  - `slots` N > 1: N worker threads (ocrThreads.ts), each with its own engine (models loaded once
 *    per thread), one page per thread at a time.
 * Memory is bounded by the caller, which keeps at most `slots` page rasters in flight.
 * A runner can outlive one document (the batch worker keeps one per process: `sharedOcrRunner`).
 */
import { availableParallelism } from 'node:os';
import type { PageInfo, TextItem } from '../model/types.ts';
import type { OcrEngine, OcrEngineName } from '../ocr/types.ts';
import type { PageRaster } from '../raster/types.ts';
import { createEngine } from '../ocr/engine.ts';
import { ocrPage, type OcrPageResult } from './ocrPage.ts';

export interface OcrPageRunner {
  readonly engine: OcrEngineName;
  /** pages that can be read at once */
  readonly slots: number;
  /**
   * OCRs one page; the raster must not be used by the caller afterwards (it may be transferred).
   * `textLayer`: the items to keep on a page read 'both' (see ocrPage).
   */
  run(raster: PageRaster, info: PageInfo, textLayer?: readonly TextItem[]): Promise<OcrPageResult>;
  /** starts loading the engine(s) for `threads` pages at once now, without waiting (their rasters are being made). @default all slots */
  warm(threads?: number): void;
  close(): Promise<void>;
}

/** An OCR runner in this thread over `engine` (created lazily from its name when not given). */
export function inThreadRunner(engine: OcrEngineName | OcrEngine, ownsEngine = typeof engine === 'string'): OcrPageRunner {
  let e: Promise<OcrEngine> | undefined = typeof engine === 'string' ? undefined : Promise.resolve(engine);
  const name = typeof engine === 'string' ? engine : engine.name;
  return {
    engine: name,
    slots: 1,
    async run(raster, info, textLayer = []) {
      e ??= createEngine(name);
      return ocrPage(raster, info, await e, {}, textLayer);
    },
    warm() {
      e ??= createEngine(name);
      e.catch(() => undefined); // a failure is told by the first run
    },
    async close() {
      if (ownsEngine && e) await (await e.catch(() => undefined))?.close().catch(() => undefined);
      e = undefined;
    },
  };
}

/**
 * A runner for `engine` on `threads` cores (1: this thread). With a page time budget (ms) pages
 * are read in worker threads even for one core: a page over the budget has its thread stopped.
 */
export async function createOcrRunner(engine: OcrEngineName, threads: number, budgetMs?: number): Promise<OcrPageRunner> {
  const n = Math.max(1, Math.floor(threads));
  if (n === 1 && !budgetMs) return inThreadRunner(engine);
  const { threadRunner } = await import('./ocrThreads.ts');
  return threadRunner(engine, n, undefined, budgetMs);
}

/** Default OCR threads of one document when nothing else runs: every core. */
export function defaultOcrThreads(): number {
  return Math.max(1, availableParallelism());
}

const shared = new Map<string, Promise<OcrPageRunner>>();

/**
 * One runner per (engine, threads) for the life of the process (a batch worker reads many
 * documents: models are loaded once). Closed by `closeSharedOcrRunners`.
 */
export function sharedOcrRunner(engine: OcrEngineName, threads: number, budgetMs?: number): Promise<OcrPageRunner> {
  const key = `${engine}:${threads}:${budgetMs ?? 0}`;
  let r = shared.get(key);
  if (!r) {
    r = createOcrRunner(engine, threads, budgetMs);
    shared.set(key, r);
    r.catch(() => shared.delete(key));
  }
  return r;
}

export async function closeSharedOcrRunners(): Promise<void> {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(all.map(async (r) => (await r.catch(() => undefined))?.close()));
}
