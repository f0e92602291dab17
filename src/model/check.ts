/**
 * What the checks read: the extracted outputs of one document (as written to disk, so checks
 * also run on hand-corrected outputs), never the PDF.
 */
import type { DocumentJson } from './outputs.ts';
import type { AnyRecord, RecordsFile } from './records.ts';
import type { BBox, Table } from './types.ts';
import type { CheckSummary, Finding, Severity } from './findings.ts';

/** A prose paragraph of text.txt with where it is (paragraphs.json). */
export interface Paragraph {
  page: number;
  bbox: BBox;
  /** paragraph text, wrapped lines joined (as in text.txt) */
  text: string;
  /** its lines: text and box, in order; `text` is their concatenation; `confidence` 0..1 for a line read by OCR */
  lines: { bbox: BBox; text: string; confidence?: number }[];
}

export interface CheckInput {
  document: DocumentJson;
  tables: Table[];
  records: AnyRecord[];
  paragraphs: Paragraph[];
}

/** What one rule returns. */
export interface RuleResult {
  findings: Finding[];
  checked: number;
  passed: number;
  verified: string[];
}

/** A check rule: a module with a stable id, a severity and a description. */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  run(input: CheckInput): RuleResult;
}

/** What the reviewing stages (pipeline/review.ts) read: outputs of extraction, never the PDF. */
export interface ReviewInput {
  document: DocumentJson;
  tables: Table[];
  paragraphs: Paragraph[];
}

/** What they produce. */
export interface Review {
  records: RecordsFile;
  /** record-stage findings (unparseable values) and check findings, most severe first */
  findings: Finding[];
  summary: CheckSummary;
}
