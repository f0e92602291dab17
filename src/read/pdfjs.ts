/**
 * The one pdf.js boundary: opening a PDF, reading pages, closing. Everything that leaves this
 * folder is in the project's types (`model/types.ts`): points, top-left origin of the displayed page.
 */

import { oneLine } from '../runtime/errors.ts';
import type { PageContent } from '../model/types.ts';
import { loadingTask, pdfjsLib } from './lib.ts';
import { readPage, type ReadSettings } from './page.ts';
import { checkHeader, PdfInputError } from './errors.ts';
import { docRasters, type RasterSource, type PageRasterOptions } from './pageImage.ts';
import { docRenderer, type PdfRenderer } from './render.ts';
import type { PageRaster } from '../raster/types.ts';

export { checkHeader, PdfInputError } from './errors.ts';

/** An open PDF. `readPage` takes a 1-based page number. Call `close` when done (or use `withPdf`). */
/**
 * An open PDF: one parse serves reading pages (text, rulings), rasters for OCR and renders for the
 * report; pdf.js keeps the document's fonts and objects between them. `close` when done.
 */
export interface PdfHandle extends RasterSource, PdfRenderer {
  pageCount: number;
  /**
   * Reads page `n`. When `keepLoaded` holds for what was read, the page stays loaded (its operator
   * list and decoded images) until `pageToRaster(n)` or `releasePage(n)`: a scan is decoded once.
   */
  readPage(n: number, keepLoaded?: (content: PageContent) => boolean): Promise<PageContent>;
  /** Frees a page `readPage` kept loaded (nothing when it was not). */
  releasePage(n: number): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** user or owner password of an encrypted PDF */
  password?: string;
  /** geometry settings for text boxes and rulings */
  read?: Partial<ReadSettings>;
  /**
   * time budget of one page (reading it, or its raster or render), ms; a page over it fails alone
   * with `PageBudgetError` and the document is opened afresh for the next pages (pdf.js stops the
   * abandoned work when its document is destroyed). @default none
   */
  pageBudgetMs?: number;
}

/** A page that took longer than its time budget (--page-timeout). */
export class PageBudgetError extends Error {
  constructor(page: number, ms: number) {
    super(`page ${page} took longer than ${Math.round(ms / 100) / 10} s (--page-timeout): skipped`);
    this.name = 'PageBudgetError';
  }
}

/** pdf.js PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2. */
const INCORRECT_PASSWORD = 2;

/** First line of an error message, at most 120 characters. */
export function shortMessage(err: unknown): string {
  return oneLine(err, 120);
}

/** A pdf.js load error as PdfInputError. */
function loadErrorToInput(err: unknown): PdfInputError {
  const e = err as { name?: string; code?: number } | undefined;
  if (e?.name === 'PasswordException') {
    const reason = e.code === INCORRECT_PASSWORD ? 'encrypted: wrong password' : 'encrypted: a password is required';
    return new PdfInputError(reason, { cause: err });
  }
  return new PdfInputError(`damaged or truncated PDF (${shortMessage(err)})`, { cause: err });
}

/**
 * Opens a PDF from its bytes (the buffer is copied: pdf.js transfers what it is given).
 * Throws PdfInputError when the file cannot be opened or has no pages.
 */
export async function openPdf(data: Uint8Array, opts: OpenOptions = {}): Promise<PdfHandle> {
  checkHeader(data);
  const lib = await pdfjsLib();
  let cur = await load(data, opts.password);
  const pageCount = cur.doc.numPages;
  if (pageCount < 1) {
    await cur.task.destroy().catch(() => undefined);
    throw new PdfInputError('no pages');
  }
  const budget = opts.pageBudgetMs;
  /** runs one page's work within the budget; over it, the document is replaced by a fresh one */
  const withinBudget = <T>(n: number, work: (signal?: AbortSignal) => Promise<T>): Promise<T> => {
    if (!budget) return work();
    const at = cur;
    const abort = new AbortController();
    let timedOut = false;
    // work on a document replaced meanwhile (another page went over its budget) is tried again once
    const running = work(abort.signal).catch((err: unknown) => (cur !== at && !timedOut ? withinBudget(n, work) : Promise.reject(err)));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort(); // a render under way stops at its next chunk
        running.catch(() => undefined);
        // pdf.js stops parsing the page once its document is destroyed; the next pages get a fresh one
        const stale = cur;
        void (async () => {
          if (cur === stale) {
            await stale.task.destroy().catch(() => undefined);
            if (cur === stale) cur = await load(data, opts.password);
          }
        })().then(() => reject(new PageBudgetError(n, budget)), reject);
      }, budget);
      running.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => {
          clearTimeout(timer);
          if (!timedOut) reject(e);
        },
      );
    });
  };
  const rasters = docRasters(lib, () => cur.doc);
  const renderer = docRenderer(() => cur.doc);
  /** pages read and left loaded (readPage's keepLoaded), until rastered or released */
  const kept = new Set<number>();
  return {
    pageCount,
    readPage(n: number, keepLoaded?: (content: PageContent) => boolean): Promise<PageContent> {
      if (!Number.isInteger(n) || n < 1 || n > pageCount) {
        return Promise.reject(new RangeError(`page ${n} out of range 1..${pageCount}`));
      }
      return withinBudget(n, async () => {
        let page;
        try {
          page = await cur.doc.getPage(n);
        } catch (err) {
          throw new PdfInputError(`damaged or truncated PDF (page ${n}: ${shortMessage(err)})`, { cause: err });
        }
        const keep = keepLoaded
          ? (c: PageContent): boolean => {
              if (!keepLoaded(c)) return false;
              kept.add(n);
              return true;
            }
          : undefined;
        return readPage(lib, page, n, opts.read, keep);
      });
    },
    releasePage(n: number): void {
      if (!kept.delete(n)) return;
      void cur.doc.getPage(n).then((p) => p.cleanup(), () => undefined);
    },
    pageToRaster: (n, o) => {
      kept.delete(n); // rastering cleans the page up
      return withinBudget(n, (signal) => rasters.pageToRaster(n, { ...o, ...(signal ? { signal } : {}) }));
    },
    pageSize: renderer.pageSize,
    render: (n, req) => withinBudget(n, (signal) => renderer.render(n, { ...req, ...(signal ? { signal } : {}) })),
    close: () => cur.task.destroy(),
  };
}

/** Loads the document; a load failure becomes PdfInputError. */
async function load(data: Uint8Array, password: string | undefined) {
  const task = await loadingTask(data, password);
  try {
    return { task, doc: await task.promise };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw loadErrorToInput(err);
  }
}

/** Opens a PDF for rasterising pages (an open handle; the buffer is copied). */
export const openRasterSource: (data: Uint8Array, opts?: { password?: string }) => Promise<RasterSource> = openPdf;

/** Opens a PDF for rendering pages (an open handle; the buffer is copied). */
export const openRenderer: (data: Uint8Array, opts?: { password?: string }) => Promise<PdfRenderer> = openPdf;

/** One page's raster, from PDF bytes (opened and closed here) or an open `RasterSource`. */
export async function pageToRaster(src: Uint8Array | RasterSource, page: number, opts: PageRasterOptions = {}): Promise<PageRaster> {
  if (!(src instanceof Uint8Array)) return src.pageToRaster(page, opts);
  return withPdf(src, {}, (pdf) => pdf.pageToRaster(page, opts));
}

/** Opens the PDF, runs `fn` on it and always closes it (also when `fn` throws). */
export async function withPdf<T>(
  data: Uint8Array,
  opts: OpenOptions | undefined,
  fn: (h: PdfHandle) => Promise<T>,
): Promise<T> {
  const h = await openPdf(data, opts);
  try {
    return await fn(h);
  } finally {
    await h.close().catch(() => undefined);
  }
}
