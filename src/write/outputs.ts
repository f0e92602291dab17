/**
 * Extraction + review → the files of one document's output folder (design.md's output contract):
 * document.json, text.txt, tables.json, tables/<id>.csv, paragraphs.json, records.json,
 * records/<kind>.csv, datapackage.json, findings.json, check-summary.json.
 * The JSON files are written as the typed stages built them, not validated with zod again here (the
 * tests check the real outputs of the samples against the schemas, test/write/schemas.test.ts; zod
 * validates what comes from outside: folders read back, review.json); the folder is written
 * atomically as a whole.
 */
import type { Extraction } from '../model/outputs.ts';
import type { Review } from '../model/check.ts';
import { rowsToCsv } from './csv.ts';
import { writeDirAtomic, writeFileAtomic } from './atomic.ts';
import { recordsToCsvFiles, recordsToDataPackage } from './records.ts';
import { join } from 'node:path';

export interface CsvWriteOptions {
  /** prefix CSV files with a UTF-8 BOM (Excel). @default false */
  readonly bom?: boolean;
  /** keep formula-like cells (= + - @) as they are instead of neutralising them. @default false */
  readonly raw?: boolean;
}

/** A JSON output file's text: 2-space indented, one final newline. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The files the review stages produce (records, datapackage, findings, summary). */
export async function reviewToFiles(review: Review, csv: CsvWriteOptions = {}): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('records.json', jsonText(review.records));
  const { records, tables } = review.records;
  const csvFiles = await recordsToCsvFiles(records, csv, tables);
  for (const [path, text] of csvFiles) files.set(path, text);
  files.set('datapackage.json', jsonText(recordsToDataPackage(records, csv, tables)));
  files.set('findings.json', jsonText(review.findings));
  files.set('check-summary.json', jsonText(review.summary));
  return files;
}

/** Builds the `relative path → content` map of one document's outputs. */
export async function extractionToFiles(
  ex: Extraction,
  review?: Review,
  csv: CsvWriteOptions = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('document.json', jsonText(ex.document));
  files.set('text.txt', ex.text);
  files.set('tables.json', jsonText(ex.tables));
  files.set('paragraphs.json', jsonText(ex.paragraphs));
  for (const t of ex.tables) {
    files.set(`tables/${t.id}.csv`, await rowsToCsv([t.header, ...t.rows], csv));
  }
  if (review) for (const [path, text] of await reviewToFiles(review, csv)) files.set(path, text);
  return files;
}

/**
 * Writes one document's outputs into `dir` atomically (old content replaced as a whole); `keep`
 * adds files carried over from the old folder (a reviewer's review.json).
 */
export async function writeExtraction(
  dir: string,
  ex: Extraction,
  review?: Review,
  csv: CsvWriteOptions = {},
  keep: ReadonlyMap<string, string | Uint8Array> = new Map(),
): Promise<void> {
  const files: Map<string, string | Uint8Array> = await extractionToFiles(ex, review, csv);
  for (const [path, data] of keep) files.set(path, data);
  await writeDirAtomic(dir, files);
}

/** Rewrites the review files of an existing output folder (records/ replaced as a whole). */
export async function writeReview(dir: string, review: Review, csv: CsvWriteOptions = {}): Promise<void> {
  const files = await reviewToFiles(review, csv);
  const records = new Map<string, string>();
  for (const [path, text] of files) {
    if (path.startsWith('records/')) records.set(path.slice('records/'.length), text);
    else await writeFileAtomic(join(dir, path), text);
  }
  await writeDirAtomic(join(dir, 'records'), records);
}
