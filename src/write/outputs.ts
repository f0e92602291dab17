/**
 * Extraction → the files of one document's output folder (design.md's output contract):
 * document.json, text.txt, tables.json, tables/<id>.csv. Written as one atomic folder.
 */
import type { Extraction } from '../model/outputs.ts';
import { rowsToCsv, type CsvOptions } from './csv.ts';
import { writeDirAtomic } from './atomic.ts';
import { validatedJson } from './validate.ts';

/** Builds the `relative path → content` map of one document's outputs. */
export async function extractionToFiles(ex: Extraction, csv: CsvOptions = {}): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('document.json', validatedJson('document.json', ex.document));
  files.set('text.txt', ex.text);
  files.set('tables.json', validatedJson('tables.json', ex.tables));
  files.set('paragraphs.json', validatedJson('paragraphs.json', ex.paragraphs));
  for (const t of ex.tables) {
    files.set(`tables/${t.id}.csv`, await rowsToCsv([t.header, ...t.rows], csv));
  }
  return files;
}

/** Writes one document's outputs into `dir` atomically (old content replaced as a whole). */
export async function writeExtraction(dir: string, ex: Extraction, csv: CsvOptions = {}): Promise<void> {
  await writeDirAtomic(dir, await extractionToFiles(ex, csv));
}
