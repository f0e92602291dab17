/**
 * The one pdf.js boundary: opening a PDF, reading pages, closing. Everything that leaves this
 * folder is in the project's types (`model/types.ts`): points, top-left origin of the displayed page.
 */

import { oneLine } from '../runtime/errors.ts';
import type { PageContent } from '../model/types.ts';
import { loadingTask, pdfjsLib } from './lib.ts';
import { readPage, type ReadSettings } from './page.ts';
import { PdfInputError } from './errors.ts';

export { PdfInputError } from './errors.ts';

/** An open PDF. `readPage` takes a 1-based page number. Call `close` when done (or use `withPdf`). */
export interface PdfHandle {
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
const HEADER_SEARCH_BYTES = 1024;
/** pdf.js PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2. */
const INCORRECT_PASSWORD = 2;

/** Throws PdfInputError for an empty buffer or one with no `%PDF-` in its first 1024 bytes. */
export function checkHeader(data: Uint8Array): void {
  if (data.length === 0) throw new PdfInputError('empty file');
  const head = data.subarray(0, HEADER_SEARCH_BYTES);
  const sig = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  for (let i = 0; i + sig.length <= head.length; i++) {
    if (sig.every((b, k) => head[i + k] === b)) return;
  }
  throw new PdfInputError('not a PDF (no %PDF header)');
}

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
  return {
    pageCount,
    async readPage(n: number): Promise<PageContent> {
      if (!Number.isInteger(n) || n < 1 || n > pageCount) {
        throw new RangeError(`page ${n} out of range 1..${pageCount}`);
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw new PdfInputError(`damaged or truncated PDF (page ${n}: ${shortMessage(err)})`, { cause: err });
      }
      return readPage(lib, page, n, opts.read);
    },
    close: () => task.destroy(),
  };
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
