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
  readPage(n: number): Promise<PageContent>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** user or owner password of an encrypted PDF */
  password?: string;
  /** geometry settings for text boxes and rulings */
  read?: Partial<ReadSettings>;
}

/** How far into the file the `%PDF-` header may start (other tools accept leading junk too). */
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
  const task = await loadingTask(data, opts.password);
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw loadErrorToInput(err);
  }
  if (doc.numPages < 1) {
    await task.destroy().catch(() => undefined);
    throw new PdfInputError('no pages');
  }
  const pageCount = doc.numPages;
  const pdf = doc;
  return {
    pageCount,
    async readPage(n: number): Promise<PageContent> {
      if (!Number.isInteger(n) || n < 1 || n > pageCount) {
        throw new RangeError(`page ${n} out of range 1..${pageCount}`);
      }
      let page;
      try {
        page = await pdf.getPage(n);
      } catch (err) {
        throw new PdfInputError(`damaged or truncated PDF (page ${n}: ${shortMessage(err)})`, { cause: err });
      }
      return readPage(lib, page, n, opts.read);
    },
    ...docRasters(lib, pdf),
    ...docRenderer(pdf),
    close: () => task.destroy(),
  };
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
