/** Defaults of `gongwen extract` batches (overridable on the command line). */
import { availableParallelism } from 'node:os';
import type { Lang } from '../i18n/index.ts';

export const BATCH_SETTINGS = {
  /** documents processed at once, one worker process each. @default number of cores */
  jobs: Math.max(1, availableParallelism()),
  /** per-document time limit, seconds; the worker is killed and replaced. @default 300 */
  timeoutSeconds: 300,
  /** per-page time budget, seconds: a page over it fails alone (document partial). @default 60 */
  pageTimeoutSeconds: 60,
  /** per-worker memory ceiling, MiB: V8 heap limit and resident-set watch. @default 2048 */
  maxMemoryMiB: 2048,
  /** a PDF with more pages fails with 'too many pages (N > max)'. @default 2000 */
  maxPages: 2000,
  /** how often the workers' resident set size is sampled, ms. @default 200 */
  rssPollMs: 200,
  /** folder under --out holding the manifest and the batch outputs. @default '_batch' */
  batchDir: '_batch',
  /** least time between two redraws of the progress bar, ms. @default 100 */
  barRedrawMs: 100,
  /** when to OCR a page (--ocr). @default 'auto' */
  ocr: 'auto',
  /** OCR engine (--ocr-engine). @default 'ppocr' */
  ocrEngine: 'ppocr',
  /** resolution of pages rendered for OCR (--dpi), px/inch. @default 300 */
  dpi: 300,
  /** a worker's resident memory before OCR (pdf.js, one document), MiB; measured ≈ 600–700. @default 700 */
  workerBaseMiB: 700,
  /** what one more OCR thread (its own engine and page raster) adds, MiB; measured ≈ 460 (PP-OCR, 200 dpi). @default 600 */
  ocrThreadMiB: 600,
  /** a worker is replaced after this many documents (0: never), so memory stays flat over long runs. @default 500 */
  recycleAfterDocs: 500,
  /** a worker resident above this share of --max-memory after a document is replaced. @default 0.75 */
  recycleAtMemoryShare: 0.75,
} as const;

/** When workers are replaced (--recycle-after N[,MMiB]): after N documents, or when resident above M MiB after one. */
export interface RecycleSettings {
  /** documents per worker (0: no limit) */
  readonly docs: number;
  /** resident MiB after a document (0: no limit) */
  readonly mib: number;
}

/**
 * Parses `--recycle-after`: `N` documents, `M` followed by MiB, or both joined by a comma
 * ('500', '1500MiB', '500,1500MiB'); '0' turns recycling off. Null for a malformed value.
 */
export function parseRecycle(value: string | undefined, maxMemoryMiB: number): RecycleSettings | null {
  const fallback = { docs: BATCH_SETTINGS.recycleAfterDocs, mib: Math.round(maxMemoryMiB * BATCH_SETTINGS.recycleAtMemoryShare) };
  if (value === undefined) return fallback;
  let docs: number | null = null;
  let mib: number | null = null;
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^(\d+)\s*(mib|m)?$/i.exec(part);
    if (!m) return null;
    if (m[2]) mib = Number(m[1]);
    else docs = Number(m[1]);
  }
  if (docs === 0 && mib === null) return { docs: 0, mib: 0 };
  return { docs: docs ?? (mib !== null ? 0 : fallback.docs), mib: mib ?? (docs !== null ? 0 : fallback.mib) };
}

/** Cores one document may use: those left idle when fewer documents than --jobs run (all of them for one). */
export function threadsPerDocument(jobs: number, documents: number): number {
  const j = Math.max(1, jobs);
  return Math.max(1, Math.floor(j / Math.max(1, Math.min(j, documents))));
}

/**
 * OCR threads of one document: the cores left idle when fewer documents than --jobs run (all of
 * them for a single document), but no more than fit in --max-memory beside the worker's own use.
 */
export function ocrThreadsPerDocument(jobs: number, documents: number, maxMemoryMiB: number): number {
  const byCores = threadsPerDocument(jobs, documents);
  const byMemory = Math.floor((maxMemoryMiB - BATCH_SETTINGS.workerBaseMiB) / BATCH_SETTINGS.ocrThreadMiB);
  return Math.max(1, Math.min(byCores, byMemory));
}

/** The options of one batch run. */
export interface BatchOptions {
  /** the output folder (--out) */
  readonly out: string;
  readonly jobs: number;
  readonly timeoutSeconds: number;
  readonly maxMemoryMiB: number;
  readonly maxPages: number;
  readonly password?: string;
  readonly bom: boolean;
  readonly raw: boolean;
  /** also write report.html per document and _batch/report.html */
  readonly report: boolean;
  /** language of the reports' labels (not part of the options that decide whether a file is redone). @default the locale's */
  readonly lang?: Lang;
  /** redo documents the manifest says are finished */
  readonly force: boolean;
  /** when to OCR a page (--ocr auto|always|never) */
  readonly ocr?: 'auto' | 'always' | 'never';
  /** --ocr-engine ppocr|tesseract */
  readonly ocrEngine?: 'ppocr' | 'tesseract';
  /** --dpi for rendered pages */
  readonly dpi?: number;
  /** --recycle-after: when workers are replaced. @default 500 documents or 75% of --max-memory */
  readonly recycle?: RecycleSettings;
  /** --page-timeout: time budget of one page, seconds */
  readonly pageTimeoutSeconds?: number;
  /** --duckdb: _batch/gongwen.duckdb for the run */
  readonly duckdb?: boolean;
  /** --parquet: _batch/parquet/<table>.parquet (built through the DuckDB database) */
  readonly parquet?: boolean;
  /** --xlsx: _batch/gongwen.xlsx and a workbook per document */
  readonly xlsx?: boolean;
}
