/**
 * Extraction + review → the files of one document's output folder (design.md's output contract):
 * document.json, text.txt, tables.json, tables/<id>.csv, paragraphs.json, records.json,
 * records/<kind>.csv, datapackage.json, findings.json, check-summary.json.
 * Every JSON file is validated against its schema before it is written; the folder is written
 * atomically as a whole.
 */
import type { Extraction } from '../model/outputs.ts';
import type { Review } from '../model/check.ts';
import { rowsToCsv } from './csv.ts';
import { writeDirAtomic, writeFileAtomic } from './atomic.ts';
import { validatedJson } from './validate.ts';
import { recordsToCsvFiles, recordsToDataPackage } from './records.ts';
import { join } from 'node:path';

export interface CsvWriteOptions {
  /** prefix CSV files with a UTF-8 BOM (Excel). @default false */
  readonly bom?: boolean;
  /** keep formula-like cells (= + - @) as they are instead of neutralising them. @default false */
  readonly raw?: boolean;
}

/** The files the review stages produce (records, datapackage, findings, summary). */
export async function reviewToFiles(review: Review, csv: CsvWriteOptions = {}): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('records.json', validatedJson('records.json', review.records));
  const { records, tables } = review.records;
  const csvFiles = await recordsToCsvFiles(records, csv, tables);
  for (const [path, text] of csvFiles) files.set(path, text);
  files.set('datapackage.json', JSON.stringify(recordsToDataPackage(records, csv, tables), null, 2) + '\n');
  files.set('findings.json', validatedJson('findings.json', review.findings));
  files.set('check-summary.json', validatedJson('check-summary.json', review.summary));
  return files;
}

/** Builds the `relative path → content` map of one document's outputs. */
export async function extractionToFiles(
  ex: Extraction,
  review?: Review,
  csv: CsvWriteOptions = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('document.json', validatedJson('document.json', ex.document));
  files.set('text.txt', ex.text);
  files.set('tables.json', validatedJson('tables.json', ex.tables));
  files.set('paragraphs.json', validatedJson('paragraphs.json', ex.paragraphs));
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
