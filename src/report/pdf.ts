/**
 * Finds the PDF a report shows: the `--pdf` given, else document.json's source.path (as given to
 * extract: absolute, or relative to the working directory or to a folder above the output folder).
 * A candidate whose SHA-256 differs from document.json's is not used: its boxes would be wrong.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { DocumentJson } from '../model/outputs.ts';

/** How many folders above the output folder a relative source path is tried against. @default 4 */
export const PDF_SEARCH_LEVELS = 4;

export type LocatedPdf =
  | { found: true; path: string; data: Uint8Array }
  | { found: false; reason: string };

function candidates(doc: DocumentJson, outDir: string, explicit?: string): string[] {
  if (explicit) return [resolve(explicit)];
  const p = doc.source.path;
  if (isAbsolute(p)) return [p];
  const out = [resolve(p)];
  let dir = resolve(outDir);
  for (let i = 0; i <= PDF_SEARCH_LEVELS; i++) {
    out.push(resolve(dir, p));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return [...new Set(out)];
}

/** The PDF of an output folder, read and checked against document.json's sha256. */
export async function locatePdf(doc: DocumentJson, outDir: string, explicit?: string): Promise<LocatedPdf> {
  let mismatch: string | null = null;
  for (const path of candidates(doc, outDir, explicit)) {
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path));
    } catch {
      continue;
    }
    const sha = createHash('sha256').update(data).digest('hex');
    if (sha === doc.source.sha256) return { found: true, path, data };
    mismatch ??= path;
  }
  if (mismatch) return { found: false, reason: `${mismatch} is not the PDF these outputs were extracted from (sha256 differs)` };
  return { found: false, reason: explicit ? `${explicit}: file not found` : `${doc.source.path}: PDF not found (give it with --pdf)` };
}
