/**
 * The one small interface every OCR engine implements (issue #4). Boxes are PIXELS of the image
 * given (top-left origin); `read/`/pipeline code converts them to PDF points via PageRaster.
 */
import type { GrayImage, PixelBox } from '../raster/types.ts';

/** A recognised line of text. */
export interface OcrLine {
  text: string;
  /** 0..1: the engine's confidence for the whole line (mean of character probabilities or similar) */
  confidence: number;
  bbox: PixelBox;
  /**
   * where each character of `text` (code points) sits: its centre's x, PIXELS of the image given
   * (the same frame as `bbox`); absent when the engine does not tell
   */
  charX?: number[];
  /** why the engine doubts this reading beyond its confidence (e.g. a character that seems dropped) */
  doubts?: string[];
}

export type { OcrEngineName } from '../model/options.ts';
import type { OcrEngineName } from '../model/options.ts';

export interface OcrEngine {
  readonly name: OcrEngineName;
  /** Finds and reads every text line of an image (a page or a region). */
  readLines(image: GrayImage): Promise<OcrLine[]>;
  /**
   * Reads a crop that holds one table cell (one or a few lines of text, no ruling lines):
   * its lines top to bottom. An empty cell gives [].
   */
  readCell(image: GrayImage): Promise<OcrLine[]>;
  /** Frees models and workers. */
  close(): Promise<void>;
}
