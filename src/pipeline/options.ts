/**
 * The OCR options of one document run, their defaults set once here; batch jobs and the CLI derive
 * theirs from this model.
 */
import type { OcrEngine, OcrEngineName } from '../ocr/types.ts';
import type { OcrPageRunner } from './ocrRunner.ts';

import type { OcrMode } from '../decide/page.ts';

export { OCR_MODES, type OcrMode } from '../decide/page.ts';

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
