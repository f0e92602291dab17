/**
 * Per-page read decision for the pipeline (issue #4): text layer, OCR or both, and the lazily
 * created OCR engine shared by all pages of one document run.
 */
import type { PageContent } from '../model/types.ts';
import type { OcrEngine, OcrEngineName } from '../ocr/types.ts';
import type { OcrPageRunner } from './ocrRunner.ts';
import type { RasterSource } from '../read/pageImage.ts';
import { inkOutsideText } from '../read/qualityInk.ts';
import { pageTextQuality, type PageDecision } from '../read/textQuality.ts';

export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];
export const OCR_ENGINES: readonly OcrEngineName[] = ['ppocr', 'tesseract'];

export interface OcrOptions {
  /** when to OCR a page. @default 'auto' */
  readonly ocr?: OcrMode;
  /** which engine reads scanned pages. @default 'ppocr' */
  readonly ocrEngine?: OcrEngineName;
  /** resolution of rendered pages (image-only pages use their scan's own resolution), px/inch. @default 300 */
  readonly dpi?: number;
  /** resolution of the cheap render that measures ink outside the text boxes, px/inch. @default 50 */
  readonly inkDpi?: number;
  /** measure the ink of pages whose text looks fine (catches a scan beside some text). @default true */
  readonly inkCheck?: boolean;
  /** OCR pages read at once, each in a worker thread with its own engine (1: in this thread). @default 1 */
  readonly ocrThreads?: number;
  /** an engine to use instead of creating one (tests); not closed by the pipeline; one page at a time */
  readonly engine?: OcrEngine;
  /** a runner to use instead of creating one (a batch worker keeps one per process); not closed */
  readonly ocrRunner?: OcrPageRunner;
}

export const DEFAULT_OCR_OPTIONS = { ocr: 'auto', ocrEngine: 'ppocr', dpi: 300, inkDpi: 50, inkCheck: true, ocrThreads: 1 } as const;

/** How one page is read and why. */
export interface PageRead {
  decision: PageDecision;
  reasons: string[];
  /** --ocr never: why the page would have been OCR'd */
  notOcred?: string[];
}

/**
 * The decision for one page. The text alone decides first; a page whose text looks fine is
 * rendered at `inkDpi` (cheap) to see whether its text explains its ink (a scanned attachment
 * under a page number or a caption).
 */
export async function decidePage(page: PageContent, mode: OcrMode, raster: () => Promise<RasterSource>, opts: { inkDpi: number; inkCheck: boolean }): Promise<PageRead> {
  // --ocr never: the text layer is used, but what would have sent the page to OCR is still told
  if (mode === 'never') {
    const q = pageTextQuality(page.items, page.info);
    return q.decision === 'text' ? { decision: 'text', reasons: [] } : { decision: 'text', reasons: [], notOcred: q.reasons };
  }
  if (mode === 'always') return { decision: 'ocr', reasons: ['--ocr always'] };
  const first = pageTextQuality(page.items, page.info);
  // text that could leave ink uncovered only matters where the page paints an image (a scan beside text)
  if (first.decision !== 'text' || !opts.inkCheck || page.images === 0) return { decision: first.decision, reasons: first.reasons };
  const src = await raster();
  const r = await src.pageToRaster(page.info.page, { dpi: opts.inkDpi, preferEmbedded: false });
  const ink = { ...inkOutsideText(r.image, page.items, r.dpi, { rulings: page.rulings }), largestImageShare: page.largestImageShare };
  const q = pageTextQuality(page.items, page.info, ink);
  return { decision: q.decision, reasons: q.reasons };
}

/** Creates the named engine (loaded on first use only). */
export async function createEngine(name: OcrEngineName): Promise<OcrEngine> {
  if (name === 'tesseract') {
    const { createTesseractEngine } = await import('../ocr/tesseract.ts');
    return createTesseractEngine();
  }
  const { createPpocrEngine } = await import('../ocr/ppocr/index.ts');
  return createPpocrEngine();
}
