/**
 * Settings of report.html: image resolution and size of the page views and evidence crops, and
 * which pages get an image. Lengths in PDF points unless named otherwise.
 */
import type { ImageFormat } from '../model/types.ts';

export interface ReportSettings {
  /**
   * which pages get an image: 'evidence' = pages holding a finding's evidence or a table (what
   * the report links to), 'all' = every page. @default 'evidence'
   */
  readonly pages: 'evidence' | 'all';
  /** resolution of the page view images, dpi. @default 90 */
  readonly pageDpi: number;
  /** JPEG/WebP quality of page images, 0..1. @default 0.6 */
  readonly pageQuality: number;
  /** resolution of the crops around evidence, dpi. @default 144 */
  readonly cropDpi: number;
  /** JPEG/WebP quality of crops, 0..1. @default 0.72 */
  readonly cropQuality: number;
  /** @default 'jpeg' (every browser; 'webp' is ~35 % smaller but slower to encode) */
  readonly format: ImageFormat;
  /** context kept around an evidence box in its crop, pt. @default 16 */
  readonly cropMargin: number;
  /** a crop is at least this wide (centred on the evidence), pt. @default 240 */
  readonly cropMinWidth: number;
  /** a crop is at least this tall, pt. @default 60 */
  readonly cropMinHeight: number;
  /** a taller evidence box is cropped to its top part, pt. @default 260 */
  readonly cropMaxHeight: number;
  /** longer side of a crop image at most, px. @default 1100 */
  readonly cropMaxPx: number;
  /** crops shown per finding at most (the rest are listed with their page). @default 6 */
  readonly maxCropsPerFinding: number;
  /** a table cell read with less confidence than this is flagged (OCR), 0..1. @default 0.8 */
  readonly lowConfidence: number;
  /** characters of an evidence text shown under its crop. @default 160 */
  readonly evidenceTextChars: number;
}

export const DEFAULT_REPORT: ReportSettings = {
  pages: 'evidence',
  pageDpi: 90,
  pageQuality: 0.6,
  cropDpi: 144,
  cropQuality: 0.72,
  format: 'jpeg',
  cropMargin: 16,
  cropMinWidth: 240,
  cropMinHeight: 60,
  cropMaxHeight: 260,
  cropMaxPx: 1100,
  maxCropsPerFinding: 6,
  lowConfidence: 0.8,
  evidenceTextChars: 160,
};

/** The rule id of OCR findings on text read with low confidence. */
export const LOW_CONFIDENCE_RULE = 'ocr.low-confidence';
