/**
 * The OCR options of one document run: the caller's settings (model/options.ts, defaults set once
 * there) and an engine or runner to reuse.
 */
import type { OcrEngine } from '../ocr/types.ts';
import type { OcrPageRunner } from './ocrRunner.ts';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../model/options.ts';

export { OCR_MODES, OCR_ENGINES, type OcrMode, type OcrSettings, type OcrEngineName } from '../model/options.ts';

/** The OCR options of one run: the settings, and an engine or runner to reuse. */
export interface OcrOptions extends OcrSettings {
  /** an engine to use instead of creating one (tests); not closed by the pipeline; one page at a time */
  readonly engine?: OcrEngine;
  /** a runner to use instead of creating one (a batch worker keeps one per process); not closed */
  readonly ocrRunner?: OcrPageRunner;
}

export const DEFAULT_OCR_OPTIONS = DEFAULT_OCR_SETTINGS;
