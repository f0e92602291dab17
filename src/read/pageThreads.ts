/**
 * Reading the pages of one large PDF on several cores: the pages are split into contiguous runs,
 * the first read on this thread and each other run in a worker thread that opens its own copy of
 * the document (pdf.js runs on the thread that opens it). Every page is read by the same
 * `readPage`, so the contents are those of a sequential read.
 */
import { Worker } from 'node:worker_threads';
import type { PageContent } from '../model/types.ts';
import { entryFor } from '../runtime/entry.ts';
import { oneLine } from '../runtime/errors.ts';
import type { PdfHandle } from './pdfjs.ts';

/** the thread's module (compiled or, from the sources, through tsx) */
const THREAD = entryFor(import.meta.url, './pageThreadMain');

/** A page read, or why it could not be. */
export type PageOutcome = { page: number; content: PageContent; error?: undefined } | { page: number; error: string; content?: undefined };

export interface PageThreadRequest {
  data: Uint8Array;
  password?: string;
  /** time budget of one page, ms (OpenOptions.pageBudgetMs) */
  pageBudgetMs?: number;
  /** 1-based page numbers to read, in order */
  pages: number[];
}

export interface PageThreadReply {
  pages: PageOutcome[];
  /** the document could not be opened in the thread */
  error?: string;
}

/** Settings of the split. */
export interface PageThreadSettings {
  /** threads reading at once, this one included. @default 1 */
  readonly threads: number;
  /** a thread is only started for at least this many pages (opening the PDF in it costs ≈ 0.2 s). @default 8 */
  readonly minPagesPerThread: number;
}

/** Threads that read a document of `pageCount` pages: at most `s.threads`, each given at least `s.minPagesPerThread` pages (1 at least). */
export function readThreadCount(pageCount: number, s: PageThreadSettings): number {
  return Math.max(1, Math.min(s.threads, Math.floor(pageCount / Math.max(1, s.minPagesPerThread))));
}

/** Pages 1..n in `k` contiguous runs of near-equal length. */
export function splitPages(n: number, k: number): number[][] {
  const runs: number[][] = [];
  let next = 1;
  for (let i = 0; i < k; i++) {
    const len = Math.floor(n / k) + (i < n % k ? 1 : 0);
    runs.push(Array.from({ length: len }, (_, j) => next + j));
    next += len;
  }
  return runs.filter((r) => r.length > 0);
}

/**
 * Reads every page of `pdf` (opened from `data`), in page order, using up to `threads` threads;
 * a page that fails gets its one-line reason.
 */
export async function readAllPages(pdf: PdfHandle, data: Uint8Array, password: string | undefined, s: PageThreadSettings, pageBudgetMs?: number): Promise<PageOutcome[]> {
  const k = readThreadCount(pdf.pageCount, s);
  const [mine = [], ...others] = splitPages(pdf.pageCount, k);
  const remote = others.map((pages) => inThread({ data, password, pages, ...(pageBudgetMs ? { pageBudgetMs } : {}) }));
  const local: PageOutcome[] = [];
  for (const n of mine) {
    try {
      local.push({ page: n, content: await pdf.readPage(n) });
    } catch (err) {
      local.push({ page: n, error: oneLine(err) });
    }
  }
  return [...local, ...(await Promise.all(remote)).flat()];
}

/** Reads `req.pages` in a new worker thread; a thread that fails fails its pages with one line. */
function inThread(req: PageThreadRequest): Promise<PageOutcome[]> {
  return new Promise((resolve) => {
    const worker = new Worker(THREAD.file, { argv: [...THREAD.argv] });
    const failAll = (reason: string): void => resolve(req.pages.map((page) => ({ page, error: reason })));
    worker.once('message', (reply: PageThreadReply) => {
      if (reply.error) failAll(reply.error);
      else resolve(reply.pages);
      void worker.terminate();
    });
    worker.once('error', (err) => failAll(`page thread failed: ${oneLine(err)}`));
    worker.once('exit', (code) => failAll(`page thread exited (code ${code})`));
    worker.postMessage({ ...req, data: new Uint8Array(req.data) });
  });
}
