/**
 * gongwen as a library: `import { extract, check, report } from 'gongwen'`.
 *
 * - `extract(pdf)` reads a PDF (a path or its bytes) in memory: the 公文 found, clean text, tables,
 *   paragraphs, typed records and findings, exactly what the CLI writes; `writeOutputs` writes that
 *   result as the CLI's output folder.
 * - `check(dir)` re-runs records and checks on an output folder (hand-corrected tables included),
 *   applies its review.json, and (`write: true`) rewrites its review files.
 * - `report(dir, {pdf})` writes the reviewer's report.html into an output folder.
 *
 * Boxes everywhere are PDF points with the origin at the top-left of the page as displayed.
 */
import { readFile } from 'node:fs/promises';
import type { Extraction } from './model/outputs.ts';
import type { Review } from './model/check.ts';
import type { OcrSettings } from './model/options.ts';
import type { ReportResult } from './report/types.ts';

export type * from './model/types.ts';
export type { DocumentJson, Extraction } from './model/outputs.ts';
export type { Paragraph, Review, ReviewInput } from './model/check.ts';
export type { AnyRecord, BudgetLine, GenericRecord, Pairing, RecordKind, RecordsFile, VillageAssignment, AmountUnit } from './model/records.ts';
export type { CheckSummary, Finding, FindingReview, ReviewStatus, RuleSummary } from './model/findings.ts';
export type { Severity } from './model/severity.ts';
export type { OcrEngineName, OcrMode, OcrSettings } from './model/options.ts';
export type { ReportResult } from './report/types.ts';

/** Options of `extract`: password, page limit and the OCR settings (`ocr`, `ocrEngine`, `dpi`, `ocrThreads`). */
export interface ExtractOptions extends OcrSettings {
  /** password of an encrypted PDF */
  readonly password?: string;
  /** a PDF with more pages fails with PdfInputError 'too many pages (N > max)'. @default no limit */
  readonly maxPages?: number;
  /** threads reading the pages of a large PDF (this one included; a thread per 50 pages at most). @default 1 */
  readonly pageThreads?: number;
  /** the file name recorded in document.json when `pdf` is bytes. @default 'document.pdf' */
  readonly name?: string;
}

/** One document's result: the extraction and its review (records, findings most severe first, summary). */
export interface ExtractResult extends Extraction, Review {}

/**
 * Extracts one PDF in memory. Throws `PdfInputError` (its `reason` is one line) when the PDF cannot
 * be read: not a PDF, truncated, encrypted without the right password, more pages than `maxPages`.
 */
export async function extract(pdf: string | Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  const { name, ...rest } = options;
  const data = typeof pdf === 'string' ? new Uint8Array(await readFile(pdf)) : pdf;
  const path = typeof pdf === 'string' ? pdf : (name ?? 'document.pdf');
  const { extractPdf } = await import('./pipeline/extract.ts');
  const { review } = await import('./pipeline/review.ts');
  const ex = await extractPdf({ path, data }, rest);
  return { ...ex, ...review(ex) };
}

/** CSV options of the written files. */
export interface WriteOptions {
  /** a UTF-8 byte-order mark on every CSV (Excel). @default false */
  readonly bom?: boolean;
  /** cells as printed, without the formula guard. @default false */
  readonly raw?: boolean;
}

/** Writes an `extract` result as one output folder (the CLI's contract), atomically. */
export async function writeOutputs(result: ExtractResult, dir: string, options: WriteOptions = {}): Promise<void> {
  const { writeExtraction } = await import('./write/outputs.ts');
  const { document, text, tables, paragraphs, records, findings, summary } = result;
  await writeExtraction(dir, { document, text, tables, paragraphs }, { records, findings, summary }, options);
}

/** Options of `check`. */
export interface CheckOptions extends WriteOptions {
  /** rewrite the folder's records, findings and summary. @default false */
  readonly write?: boolean;
}

/** Re-runs records and checks on an output folder, with its review.json applied. */
export async function check(dir: string, options: CheckOptions = {}): Promise<Review> {
  const { loadReviewInput } = await import('./write/load.ts');
  const { review } = await import('./pipeline/review.ts');
  const { readReviewFile } = await import('./review/load.ts');
  const { reviewWithDecisions } = await import('./review/apply.ts');
  const rev = reviewWithDecisions(review(await loadReviewInput(dir)), await readReviewFile(dir));
  if (options.write) {
    const { writeReview } = await import('./write/outputs.ts');
    await writeReview(dir, rev, options);
  }
  return rev;
}

/** Options of `report`. */
export interface ReportOptions {
  /** the PDF the folder was extracted from (page images); without it the report has no page pictures */
  readonly pdf?: string;
  readonly password?: string;
  /** image every page, not only those with findings or tables. @default false */
  readonly allPages?: boolean;
  /** resolution of the page images, px/inch. @default 90 */
  readonly dpi?: number;
}

/** Writes report.html into an output folder. */
export async function report(dir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const { writeReport } = await import('./report/index.ts');
  const settings = { ...(options.allPages ? { pages: 'all' as const } : {}), ...(options.dpi ? { pageDpi: options.dpi } : {}) };
  return writeReport(dir, options.pdf, { settings, ...(options.password ? { password: options.password } : {}) });
}

export { PdfInputError } from './read/errors.ts';
export { VERSION } from './version.ts';
