/**
 * The OCR settings a caller gives (library, CLI, batch jobs, service), their values and defaults,
 * in one place. Plain types: no stage's code is loaded with them.
 */

/** When to OCR a page: by the page-read decision, every page, or never. */
export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

/** The OCR engines: PP-OCRv4 on onnxruntime, tesseract.js with chi_sim. */
export type OcrEngineName = 'ppocr' | 'tesseract';
export const OCR_ENGINES: readonly OcrEngineName[] = ['ppocr', 'tesseract'];

/** The OCR settings a caller gives (library, CLI, batch jobs). */
export interface OcrSettings {
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
}

/** The defaults of every OCR setting. */
export const DEFAULT_OCR_SETTINGS = { ocr: 'auto', ocrEngine: 'ppocr', dpi: 300, inkDpi: 50, inkCheck: true, ocrThreads: 1 } as const satisfies Required<OcrSettings>;
