/**
 * The stage list for one born-digital document:
 *   PDF bytes → read (pages: items, rulings) → layout (lines, footers removed)
 *   → tables (fragments per page → logical tables) → layout (prose blocks, 公文 split) → Extraction.
 * Errors are data: a page that fails is recorded and the rest goes on (status 'partial').
 */
import { oneLine } from '../runtime/errors.ts';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentJson, Extraction } from '../model/outputs.ts';
import type { Line, PageContent, StageError, TableFragment } from '../model/types.ts';
import { PageBudgetError, PdfInputError, withPdf, type PdfHandle } from '../read/pdfjs.ts';
import { readAllPages, readThreadCount } from '../read/pageThreads.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import { itemsToLines, removeRunningLines, splitGongwen } from '../layout/index.ts';
import { carryCaptionsOver, defaultTableSettings, fragmentsToTables, linesOutsideTables, pageToFragments } from '../tables/index.ts';
import { composePage } from './pageText.ts';
import PQueue from 'p-queue';
import { blankLeftToRaster, decidePage, isScanCandidate, type DecideOptions, type PageRead } from '../decide/page.ts';
import { blankReason, DEFAULT_BLANK, inkShareAtDpi } from '../decide/blank.ts';
import { layerDisagrees } from '../decide/agreement.ts';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from './options.ts';
import { createOcrRunner, inThreadRunner, type OcrPageRunner } from './ocrRunner.ts';
import type { RasterSource } from '../read/pageImage.ts';
import { VERSION } from '../version.ts';
import { documentId } from '../model/documentId.ts';

export interface ExtractOptions extends OcrOptions {
  /** password for encrypted PDFs. @default undefined */
  readonly password?: string;
  /** a PDF with more pages fails with PdfInputError 'too many pages (N > max)' before any page is read. @default no limit */
  readonly maxPages?: number;
  /** threads reading the pages of a large PDF (this one included; a thread per 50 pages at most). @default 1 */
  readonly pageThreads?: number;
  /** time budget of one page (read, raster, render), seconds; a page over it is a page error. @default none */
  readonly pageTimeout?: number;
  /**
   * Called once the page count is known (`pagesDone` 0) and then each time one more page's reading is final
   * (text layer kept, blank, OCR'd, or failed): `pagesDone` goes 1, 2, … up to `pages`, in that order,
   * whatever order the pages themselves end in. @default none
   */
  readonly onPage?: PageListener;
}

/** Page progress of one document: `pagesDone` of `pages` read to the end. */
export type PageListener = (pagesDone: number, pages: number) => void;

/** a page-reading thread is started for at least this many pages */
const MIN_PAGES_PER_THREAD = 50;

/** How each page was read (document.json `pages[].method`) and its mean confidence. */
interface PageReadResult {
  method: 'text' | 'ocr' | 'both' | 'blank';
  confidence: number;
  /** why the page went to OCR (document.json `pages[].reasons`) */
  reasons: string[];
  /** the engine that read it, when OCR'd */
  engine?: OcrEngineName;
  /** tables found by the OCR path (page points), when the page was OCR'd */
  fragments?: TableFragment[];
}

/** What a source file is, for document.json. */
export interface SourceInfo {
  path: string;
  data: Uint8Array;
  /** the document already open from `data` (the caller closes it; it can go on to render the report) */
  pdf?: PdfHandle;
}

/** Runs the whole born-digital path on one PDF. Throws PdfInputError when the PDF cannot be opened. */
export async function extractPdf(source: SourceInfo, options: ExtractOptions = {}): Promise<Extraction> {
  const sha256 = createHash('sha256').update(source.data).digest('hex');
  const errors: StageError[] = [];
  const pages: PageContent[] = [];
  let reads: PageReadResult[] = [];
  const budgetMs = options.pageTimeout ? options.pageTimeout * 1000 : undefined;
  const read = async (pdf: PdfHandle): Promise<number> => {
    if (options.maxPages !== undefined && pdf.pageCount > options.maxPages) {
      throw new PdfInputError(`too many pages (${pdf.pageCount} > ${options.maxPages})`, { pages: pdf.pageCount });
    }
    const progress = pageCounter(pdf.pageCount, options.onPage);
    // the same open document gives the rasters for the page decisions and OCR (one parse)
    const scanner = pageScanner(pdf, pages, options, errors, progress);
    const failed = (page: number, reason: string): void => {
      errors.push({ stage: 'read', page, reason });
      progress(); // a page that failed to read is done
    };
    const split = { threads: options.pageThreads ?? 1, minPagesPerThread: MIN_PAGES_PER_THREAD };
    if (readThreadCount(pdf.pageCount, split) > 1) {
      // pages read on several threads: all pages first, then the decisions
      for (const o of await readAllPages(pdf, source.data, options.password, split, budgetMs)) {
        if (o.content) {
          pages.push(o.content);
          await scanner.add(pages.length - 1);
        } else failed(o.page, o.error);
      }
    } else {
      // page by page, OCR under way beside the reading; a scan read for OCR stays loaded until its
      // raster is made (decoded once), and the reading waits while OCR has enough pages queued
      const keep = (options.ocr ?? DEFAULT_OCR_OPTIONS.ocr) === 'never' ? undefined : isScanCandidate;
      for (let n = 1; n <= pdf.pageCount; n++) {
        await scanner.room();
        let content: PageContent;
        try {
          content = await pdf.readPage(n, keep);
        } catch (err) {
          failed(n, oneLine(err));
          continue;
        }
        pages.push(content);
        await scanner.add(pages.length - 1);
      }
    }
    reads = await scanner.finish();
    return pdf.pageCount;
  };
  const pageCount = source.pdf ? await read(source.pdf) : await withPdf(source.data, { password: options.password, ...(budgetMs ? { pageBudgetMs: budgetMs } : {}) }, read);

  const running = removeRunningLines(pages.map((p) => ({ info: p.info, lines: itemsToLines(p.items) })));
  const fragmentsPerPage: TableFragment[][] = [];
  const prosePerPage: { page: number; lines: Line[] }[] = [];
  const textPerPage: Line[][] = [];
  pages.forEach((page, i) => {
    const lines = running.pages[i] ?? [];
    let fragments: TableFragment[] = reads[i]?.fragments ?? [];
    try {
      if (!reads[i]?.fragments) fragments = pageToFragments(page, lines);
    } catch (err) {
      errors.push({ stage: 'tables', page: page.info.page, reason: oneLine(err) });
    }
    fragmentsPerPage.push(fragments);
    prosePerPage.push({ page: page.info.page, lines: linesOutsideTables(lines, fragments) });
    textPerPage.push(linesOutsideTables(lines, fragments, { keepCaptions: true }));
  });

  carryCaptionsOver(fragmentsPerPage, prosePerPage.map((p) => p.lines), defaultTableSettings);
  const tables = fragmentsToTables(fragmentsPerPage.flat());
  const documents = splitGongwen(prosePerPage);
  const composed = pages.map((_, i) => composePage(textPerPage[i]!, fragmentsPerPage[i]!));
  const text = composed.map((c) => c.text).join('\n\f');
  const paragraphs = composed.flatMap((c) => c.paragraphs);
  errors.push(...honestyErrors(pages, reads, text, tables.length));

  const document: DocumentJson = {
    id: documentId(sha256),
    gongwen: { version: VERSION },
    source: { path: source.path, name: basename(source.path), sha256, bytes: source.data.byteLength, pages: pageCount },
    status: errors.length === 0 ? 'ok' : pages.length === 0 ? 'failed' : 'partial',
    errors,
    pages: pages.map((p, i) => ({
      page: p.info.page,
      method: reads[i]?.method ?? 'text',
      width: round2(p.info.width),
      height: round2(p.info.height),
      rotate: p.info.rotate,
      confidence: round2(reads[i]?.confidence ?? 1),
      reasons: reads[i]?.reasons ?? [],
      ...(reads[i]?.engine ? { engine: reads[i]!.engine } : {}),
    })),
    documents,
    tables: tables.map((t) => ({ id: t.id, title: t.title, pages: t.pages, rows: t.rows.length, columns: t.columns })),
    removedLines: running.removed.map((l) => ({ page: l.page, text: l.text })),
  };
  return { document, text: text.endsWith('\n') ? text : text + '\n', tables, paragraphs };
}

/** Pages handed to a `PageScanner` one by one, in page order, and what they became. */
interface PageScanner {
  /** resolves when another scan may be read and kept loaded (at most about twice the OCR slots wait) */
  room(): Promise<void>;
  /** decides how `pages[i]` (just read) is read, and queues its OCR when it needs one */
  add(i: number): Promise<void>;
  /** waits for every queued page; how each page was read, in the order added */
  finish(): Promise<PageReadResult[]>;
}

/**
 * Decides per page how to read it and OCRs the pages that need it as they come (up to the
 * runner's slots at a time, each page's raster made just before it is read, so few rasters are
 * alive), replacing their content (items, rulings) in `pages` with the OCR'd one in page points.
 * The runner is created with the first page that needs it and closed at the end unless it was
 * given. A page that fails keeps its text layer and records an error. 'both' pages keep their
 * text-layer items and OCR reads what lies outside them (ocrPage). A page with little text kept as
 * text is read by OCR too and replaced only when a confident reading disagrees
 * (decide/agreement.ts). A scan without text is judged blank from its OCR raster (one decode),
 * and `source.releasePage` frees a page kept loaded for a raster that is not coming.
 */
function pageScanner(source: RasterSource & Pick<PdfHandle, 'releasePage'>, pages: PageContent[], options: ExtractOptions, errors: StageError[], pageDone: () => void): PageScanner {
  const o = { ...DEFAULT_OCR_OPTIONS, ...options };
  const raster = async (): Promise<RasterSource> => source;
  const reads: PageReadResult[] = [];
  const tasks: Promise<void>[] = [];
  let queued = 0;
  let runner: OcrPageRunner | undefined;
  let starting: Promise<OcrPageRunner> | undefined;
  const ownsRunner = !options.ocrRunner;
  const slots = options.ocrRunner?.slots ?? (options.engine ? 1 : Math.max(1, Math.min(o.ocrThreads, source.pageCount)));
  const queue = new PQueue({ concurrency: slots });
  const decideOpts: DecideOptions = { inkDpi: o.inkDpi, inkCheck: o.inkCheck, scanBlankLater: true };
  const startRunner = (): Promise<OcrPageRunner> =>
    (starting ??= (async () => {
      runner = options.ocrRunner ?? (options.engine ? inThreadRunner(options.engine, false) : await createOcrRunner(o.ocrEngine, slots, options.pageTimeout ? options.pageTimeout * 1000 : undefined));
      return runner;
    })());

  /** OCRs pages[i] (queued); `blankLater`: a scan without text whose blankness its raster tells */
  const ocrOne = async (i: number, decision: 'ocr' | 'both' | 'check', why: string[] | undefined, blankLater: boolean): Promise<void> => {
    const page = pages[i]!;
    try {
      const img = await (await raster()).pageToRaster(page.info.page, { dpi: o.dpi });
      if (blankLater) {
        const ink = inkShareAtDpi(img.image, img.dpi, o.inkDpi);
        if (ink <= DEFAULT_BLANK.maxInkShare) {
          reads[i] = { method: 'blank', confidence: 1, reasons: [blankReason(ink)] };
          return;
        }
      }
      const r = await startRunner();
      // 'both': the text layer is kept where it has text, OCR reads the rest
      const res = await r.run(img, page.info, decision === 'both' ? page.items : []);
      if (decision === 'check') {
        // a few characters of text layer: kept unless a confident OCR reading disagrees
        const lies = layerDisagrees(page.items.map((it) => it.text).join(''), res.content.items.map((it) => it.text).join(''), res.confidence);
        if (!lies) return;
        pages[i] = res.content;
        reads[i] = { method: 'ocr', confidence: res.confidence, fragments: res.fragments, reasons: [...(why ?? []), lies], engine: r.engine };
        return;
      }
      pages[i] = res.content;
      reads[i] = { method: decision, confidence: res.confidence, fragments: res.fragments, reasons: reads[i]!.reasons, engine: r.engine };
    } catch (err) {
      if (decision === 'check') return; // the text layer stands unchecked
      errors.push({ stage: 'ocr', page: page.info.page, reason: oneLine(err) });
      reads[i] = { method: 'text', confidence: page.items.length === 0 ? 0 : 1, reasons: reads[i]!.reasons };
    }
  };

  const enqueue = (i: number, decision: 'ocr' | 'both' | 'check', why?: string[], blankLater = false): void => {
    queued++;
    // the engines load while the first rasters are made, a thread more as more pages come; a
    // failure is told by the page that needs it
    startRunner().then((r) => r.warm(Math.min(queued, slots)), () => undefined);
    // the page is done however its OCR ends
    tasks.push(queue.add(() => ocrOne(i, decision, why, blankLater).finally(pageDone)));
  };

  /** the page's reading is settled without OCR: it is done, and kept resources go */
  const settle = (page: PageContent, read: PageReadResult): void => {
    reads.push(read);
    source.releasePage(page.info.page);
    pageDone();
  };

  return {
    room: () => queue.onSizeLessThan(slots),
    async add(i) {
      const page = pages[i]!;
      if (page.limited) {
        // read in part because it costs too much: never rendered (that would cost it again in full)
        errors.push({ stage: 'read', page: page.info.page, reason: page.limited });
        return settle(page, { method: 'text', confidence: 1, reasons: [] });
      }
      let read: PageRead;
      try {
        read = await decidePage(page, o.ocr, raster, decideOpts);
      } catch (err) {
        // the page keeps what its text layer gave; a page over its time budget says so alone
        errors.push({ stage: 'ocr', page: page.info.page, reason: err instanceof PageBudgetError ? err.message : `page check failed: ${oneLine(err)}` });
        return settle(page, { method: 'text', confidence: page.items.length === 0 ? 0 : 1, reasons: [] });
      }
      const { decision, reasons, notOcred, crossCheck } = read;
      if (decision === 'blank') return settle(page, { method: 'blank', confidence: 1, reasons });
      const result: PageReadResult = { method: 'text', confidence: 1, reasons: decision === 'text' ? [] : reasons };
      if (decision === 'text' && !crossCheck) {
        if (page.items.length === 0) errors.push({ stage: 'read', page: page.info.page, reason: 'no text layer (a scanned page?) and OCR is off (--ocr never)' });
        else if (notOcred) errors.push({ stage: 'read', page: page.info.page, reason: `text layer looks unusable (${notOcred.join('; ')}) and OCR is off (--ocr never)` });
        return settle(page, result);
      }
      reads.push(result);
      if (decision !== 'text') enqueue(i, decision, undefined, decision === 'ocr' && blankLeftToRaster(page, o.ocr, decideOpts));
      else enqueue(i, 'check', crossCheck);
    },
    async finish() {
      try {
        await Promise.all(tasks);
      } finally {
        if (runner && ownsRunner) await runner.close().catch(() => undefined);
      }
      if (reads.length > 0 && reads.every((r) => r.method === 'blank')) errors.push({ stage: 'read', reason: 'every page is blank' });
      if (queued > 0) errors.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
      return reads;
    },
  };
}

/**
 * A page the OCR engine read below this mean confidence gave garbage, not text: real pages read at
 * 0.85–0.99, glyph boxes of a render without its font or specks at 0.3–0.55.
 */
export const GARBAGE_OCR_CONFIDENCE = 0.6;

/**
 * Errors that keep a document from saying 'ok' when it has nothing trustworthy to give
 * (issue #10): no text and no table from any page, or a page read by OCR alone whose reading is
 * mostly garbage.
 */
export function honestyErrors(pages: readonly PageContent[], reads: readonly PageReadResult[], text: string, tables: number): StageError[] {
  const out: StageError[] = [];
  reads.forEach((r, i) => {
    // a page read 'both' has its text layer besides: only a page read by OCR alone can be all garbage
    if (r.method === 'ocr' && pages[i]!.items.length > 0 && r.confidence < GARBAGE_OCR_CONFIDENCE) {
      out.push({ stage: 'ocr', page: pages[i]!.info.page, reason: `OCR read mostly garbage (mean confidence ${r.confidence.toFixed(2)}): the page's text is not trustworthy` });
    }
  });
  // a document of blank pages says so itself ('every page is blank')
  const allBlank = reads.length > 0 && reads.every((r) => r.method === 'blank');
  if (pages.length > 0 && text.trim() === '' && tables === 0 && !allBlank) out.push({ stage: 'read', reason: 'no text on any page' });
  return out;
}

/**
 * A counter that calls `onPage(0, pages)` now and `onPage(done, pages)` on each call after, never past
 * `pages`; a listener that throws is ignored (progress must never fail a document).
 */
function pageCounter(pages: number, onPage: PageListener | undefined): () => void {
  let done = 0;
  const tell = (): void => {
    try {
      onPage?.(done, pages);
    } catch {
      // a listener's own failure is not the document's
    }
  };
  tell();
  return () => {
    if (done >= pages) return;
    done++;
    tell();
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
