/**
 * One evaluation item (a born-digital PDF and pages): its reference tables, its seeded scan read by
 * OCR, the review findings and the cell-by-cell scores (score.ts). Used by main.ts and the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../../src/pipeline/extract.ts';
import { review } from '../../src/pipeline/review.ts';
import { OCR_CONFIDENCE_RULE } from '../../src/checks/rules/ocrConfidence.ts';
import type { OcrEngine, OcrEngineName } from '../../src/ocr/types.ts';
import { loadCtcTable } from '../../src/ocr/ppocr/dict.ts';
import { defaultModelPaths } from '../../src/ocr/ppocr/session.ts';
import type { ExpectedTable } from '../../samples/generate/expected-types.ts';
import { itemName, type EvalItem } from './sets.ts';
import { scanItem } from './scan.ts';
import { checkReference, matchTables, scoreTable, type TableBrief, type TableScore } from './score.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** How items are scanned and read. */
export interface EvalSettings {
  engine: OcrEngineName;
  /** scan resolution, px/inch */
  dpi: number;
  /** run seed (each item derives its own) */
  seed: number;
}

/** What one item gave. */
export interface ItemResult {
  sample: string;
  pdf: string;
  pages: number[];
  note: string | null;
  scan: { dir: string; seed: number; angles: number[]; cached: boolean };
  /** how each scanned page was read (document.json pages[].method, confidence) */
  methods: { page: number; method: string; confidence: number }[];
  errors: string[];
  seconds: number;
  secondsPerPage: number;
  referenceTables: number;
  tables: TableScore[];
  /** OCR tables matched to no reference table */
  extraTables: TableBrief[];
  lowConfidenceFindings: number;
  /** the reference rows against samples/<name>/expected/tables.json, when the PDF has one */
  referenceCheck: { rows: number; notInExpected: string[] } | null;
}

/**
 * Whether the engine can output a character at all: PP-OCR only knows the characters of its CTC
 * dictionary (a character outside it is dropped or replaced, often with a high confidence).
 * Tesseract's set is not listed here: every character counts as known.
 */
export function charsetOf(engine: OcrEngineName): (ch: string) => boolean {
  if (engine !== 'ppocr') return () => true;
  const known = new Set(loadCtcTable(defaultModelPaths().keys));
  return (ch) => known.has(ch);
}

export async function evalItem(item: EvalItem, args: EvalSettings, engine: OcrEngine, tools: Record<string, string>, inCharset: (ch: string) => boolean): Promise<ItemResult> {
  const sample = itemName(item);
  const scan = await scanItem(ROOT, item, { dpi: args.dpi, seed: args.seed, cacheRoot: join(ROOT, '.tmp/ocr-eval'), tools });
  const toSource = (p: number): number => item.pages[p - 1] ?? p;

  const ref = await extractPdf({ path: scan.subsetPdf, data: readFileSync(scan.subsetPdf) }, { ocr: 'never' });
  const t0 = performance.now();
  const ex = await extractPdf({ path: scan.scanPdf, data: readFileSync(scan.scanPdf) }, { ocrEngine: args.engine, engine });
  const seconds = (performance.now() - t0) / 1000;
  const { findings } = review({ document: ex.document, tables: ex.tables, paragraphs: ex.paragraphs });

  const { pairs, extra } = matchTables(ref.tables, ex.tables);
  const errors = [
    ...ref.document.errors.map((e) => `reference p${toSource(e.page ?? 0)} ${e.stage}: ${e.reason}`),
    ...ex.document.errors.map((e) => `scan p${toSource(e.page ?? 0)} ${e.stage}: ${e.reason}`),
  ];
  if (ref.tables.length === 0) errors.push('the born-digital reference has no table on these pages: nothing to score');
  const expectedPath = join(ROOT, dirname(item.pdf), 'expected', 'tables.json');
  const referenceCheck = existsSync(expectedPath) ? checkReference(ref.tables, JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedTable[]) : null;
  return {
    sample,
    pdf: item.pdf,
    pages: [...item.pages],
    note: item.note ?? null,
    scan: { dir: scan.dir.slice(ROOT.length + 1), seed: scan.settings.seed, angles: scan.scanned.map((s) => s.angleDeg), cached: !scan.made },
    methods: ex.document.pages.map((p) => ({ page: toSource(p.page), method: p.method, confidence: p.confidence })),
    errors,
    seconds: Math.round(seconds * 10) / 10,
    secondsPerPage: Math.round((seconds / item.pages.length) * 100) / 100,
    referenceTables: ref.tables.length,
    tables: pairs.map(([r, o]) => scoreTable(sample, r, o, findings, toSource, inCharset)),
    extraTables: extra.map((o) => ({ id: o.id, title: o.title, pages: o.pages.map(toSource), detector: o.detector, columns: o.columns, headerRows: new Set(o.cells.filter((c) => c.row < 0).map((c) => c.row)).size, rows: o.rows.length })),
    lowConfidenceFindings: findings.filter((f) => f.rule === OCR_CONFIDENCE_RULE).length,
    referenceCheck,
  };
}

