/**
 * One document of a batch, as a worker runs it: read the file, check its page count, extract,
 * review, write its output folder atomically, and say what happened. Never throws: every
 * failure becomes a `DocResult` with status 'failed' and a one-line reason.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extractPdf, type PageListener } from '../pipeline/extract.ts';
import { DEFAULT_OCR_OPTIONS } from '../pipeline/options.ts';
import { sharedOcrRunner } from '../pipeline/ocrRunner.ts';
import { review } from '../pipeline/review.ts';
import { writeExtraction } from '../write/outputs.ts';
import { PdfInputError, withPdf } from '../read/pdfjs.ts';
import type { DocResult } from './manifest.ts';
import { failedResult, readErrorReason, writeErrorReason } from './results.ts';
import { join } from 'node:path';
import { reviewWithDecisions } from '../review/apply.ts';
import { REVIEW_FILE } from '../review/file.ts';
import type { ReviewFile } from '../model/review.ts';
import { setLang, type Lang } from '../i18n/index.ts';

export { failedResult, readErrorReason };

/** What the coordinator sends for one document. */
export interface DocJob {
  /** input path */
  path: string;
  /** the path recorded as the source (document.json, report.html) when the bytes are read from elsewhere (the service's input.pdf); default `path` */
  sourcePath?: string;
  /** absolute output folder of the document */
  dir: string;
  password?: string;
  bom: boolean;
  raw: boolean;
  maxPages: number;
  /** also write report.html (page images from this PDF) */
  report: boolean;
  /** language of the report's labels. @default the worker's locale */
  lang?: Lang;
  /** OCR options (--ocr, --ocr-engine, --dpi); defaults when absent */
  ocr?: 'auto' | 'always' | 'never';
  ocrEngine?: 'ppocr' | 'tesseract';
  dpi?: number;
  /** OCR pages of this document read at once (worker threads); 1 when other documents run beside it */
  ocrThreads?: number;
  /** threads reading the pages of a large PDF; 1 when other documents run beside it */
  pageThreads?: number;
  /** time budget of one page, seconds (--page-timeout) */
  pageTimeout?: number;
}


/**
 * review.json of an earlier run in `dir`, as bytes to keep and as decisions (null when unreadable).
 * Its reader (zod) is loaded only when there is one.
 */
async function keptReview(dir: string): Promise<{ files: Map<string, Uint8Array>; file: ReviewFile | null } | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, REVIEW_FILE));
  } catch {
    return null;
  }
  const { readReviewFile } = await import('../review/load.ts');
  const file = await readReviewFile(dir).catch(() => null);
  return { files: new Map([[REVIEW_FILE, bytes]]), file };
}

/** Runs one document end to end; `onPage` hears its page progress (see ExtractOptions.onPage). */
export async function runDocJob(job: DocJob, onPage?: PageListener): Promise<DocResult> {
  if (job.lang) setLang(job.lang);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(job.path));
  } catch (err) {
    return failedResult(readErrorReason(err), false);
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  try {
    const ocrRunner = await sharedOcrRunner(job.ocrEngine ?? DEFAULT_OCR_OPTIONS.ocrEngine, job.ocrThreads ?? 1, job.pageTimeout ? job.pageTimeout * 1000 : undefined);
    // one open document serves extraction, OCR rasters and the report's page images
    const { ex, rev } = await withPdf(data, { password: job.password, ...(job.pageTimeout ? { pageBudgetMs: job.pageTimeout * 1000 } : {}) }, async (pdf) => {
      const ex = await extractPdf({ path: job.sourcePath ?? job.path, data, pdf }, { password: job.password, maxPages: job.maxPages, pageThreads: job.pageThreads ?? 1, ...(job.pageTimeout ? { pageTimeout: job.pageTimeout } : {}), ...ocrOptions(job), ocrRunner, ...(onPage ? { onPage } : {}) });
      // a reviewer's review.json survives re-extraction and still applies where findings are unchanged
      const kept = await keptReview(job.dir);
      const rev = reviewWithDecisions(review(ex), kept?.file ?? null);
      await writeExtraction(job.dir, ex, rev, { bom: job.bom, raw: job.raw }, kept?.files);
      // the report's modules are loaded by the workers of a --report run only
      if (job.report) await (await import('../report/index.ts')).writeReport(job.dir, job.sourcePath ?? job.path, { password: job.password, renderer: pdf });
      return { ex, rev };
    });
    const doc = ex.document;
    return {
      status: doc.status,
      sha256,
      pages: doc.source.pages,
      method: [...new Set(doc.pages.map((p) => p.method))].join('+'),
      tables: ex.tables.length,
      documents: doc.documents.length,
      findings: { ...rev.summary.findings },
      error: doc.errors[0] ? `${doc.errors[0].page ? `page ${doc.errors[0].page}: ` : ''}${doc.errors[0].reason}` : '',
      final: true,
    };
  } catch (err) {
    if (err instanceof PdfInputError) {
      return failedResult(err.reason, err.reason !== 'encrypted: wrong password', sha256, err.pages);
    }
    return failedResult(writeErrorReason(err), false, sha256);
  }
}

/** The OCR options of a job, only those given (extractPdf applies its defaults to the rest). */
function ocrOptions(job: DocJob): { ocr?: 'auto' | 'always' | 'never'; ocrEngine?: 'ppocr' | 'tesseract'; dpi?: number } {
  const o: { ocr?: 'auto' | 'always' | 'never'; ocrEngine?: 'ppocr' | 'tesseract'; dpi?: number } = {};
  if (job.ocr !== undefined) o.ocr = job.ocr;
  if (job.ocrEngine !== undefined) o.ocrEngine = job.ocrEngine;
  if (job.dpi !== undefined) o.dpi = job.dpi;
  return o;
}
