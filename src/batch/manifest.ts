/**
 * The batch manifest `<out>/_batch/manifest.jsonl`: one JSON line per finished document, appended
 * as each one ends (a line cut short by a kill is ignored on reading), compacted at the end of a
 * run (latest entry per document, sorted, written atomically) so its bytes depend only on the
 * outcomes, not on timing. A document is skipped on a re-run when its entry has the same input
 * path, content hash (sha256), gongwen version and output-changing options, and is final.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../write/atomic.ts';
import { VERSION } from '../version.ts';
import type { BatchOptions } from './settings.ts';

export type DocOutcome = 'ok' | 'partial' | 'failed';

/** Findings by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** What a worker reports for one document (also what the manifest keeps). */
export interface DocResult {
  status: DocOutcome;
  /** sha256 of the bytes read, '' when the file could not be read */
  sha256: string;
  /** pages of the PDF, 0 when unknown */
  pages: number;
  /** how the pages were read: 'text', 'ocr', 'both' or several joined with '+'; '' when failed */
  method: string;
  tables: number;
  /** 公文 found */
  documents: number;
  findings: SeverityCounts;
  /** the reason of a failure (or the first page error of a partial document); '' when none */
  error: string;
  /**
   * false for failures that may pass on another try (timeout, out of memory, crash, unreadable
   * file, wrong password): such documents are redone on the next run
   */
  final: boolean;
}

export interface ManifestEntry extends DocResult {
  /** output folder relative to --out ('/'-separated): the document id */
  document: string;
  /** input path as found */
  path: string;
  version: string;
  /** key of the options that change outputs (see optionsKey) */
  options: string;
}

/** The options that change what is written: password given?, bom, raw, max pages, report, OCR (mode, engine, dpi). */
export function optionsKey(o: Pick<BatchOptions, 'password' | 'bom' | 'raw' | 'maxPages' | 'report' | 'ocr' | 'ocrEngine' | 'dpi'>): string {
  const base = { password: o.password !== undefined, bom: o.bom, raw: o.raw, maxPages: o.maxPages, report: o.report };
  // OCR options only when they differ from the defaults, so manifests of earlier runs stay valid
  const ocr = {
    ...(o.ocr !== undefined && o.ocr !== 'auto' ? { ocr: o.ocr } : {}),
    ...(o.ocrEngine !== undefined && o.ocrEngine !== 'ppocr' ? { ocrEngine: o.ocrEngine } : {}),
    ...(o.dpi !== undefined && o.dpi !== 300 ? { dpi: o.dpi } : {}),
  };
  return JSON.stringify({ ...base, ...ocr });
}

/** Path of the manifest file inside the batch folder. */
export const MANIFEST_FILE = 'manifest.jsonl';

/** Reads the manifest (missing file → empty); the latest entry per document wins; broken lines are ignored. */
export async function loadManifest(path: string): Promise<Map<string, ManifestEntry>> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const entries = new Map<string, ManifestEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const e = JSON.parse(line) as ManifestEntry;
      if (typeof e.document === 'string' && typeof e.sha256 === 'string') entries.set(e.document, e);
    } catch {
      /* a line cut short by a kill */
    }
  }
  return entries;
}

/**
 * Appends one entry as one line (one short write). A line cut short by a kill is dropped by
 * loadManifest, and the compaction at the start of the next run leaves a clean file to append to.
 */
export async function appendManifest(path: string, entry: ManifestEntry): Promise<void> {
  await appendFile(path, JSON.stringify(entry) + '\n');
}

/** Rewrites the manifest: one line per document, sorted by document id, atomically. */
export async function compactManifest(path: string, entries: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const sorted = [...entries.values()].sort((a, b) => compare(a.document, b.document));
  await writeFileAtomic(path, sorted.map((e) => JSON.stringify(normalised(e)) + '\n').join(''));
}

/** Fixed key order, so equal entries are equal bytes. */
function normalised(e: ManifestEntry): ManifestEntry {
  return {
    document: e.document,
    path: e.path,
    sha256: e.sha256,
    version: e.version,
    options: e.options,
    status: e.status,
    final: e.final,
    pages: e.pages,
    method: e.method,
    tables: e.tables,
    documents: e.documents,
    findings: { error: e.findings.error, warning: e.findings.warning, info: e.findings.info },
    error: e.error,
  };
}

/** Whether `entry` says the document was finished with these inputs (so it can be skipped). */
export function isFinished(entry: ManifestEntry | undefined, path: string, sha256: string, options: string): boolean {
  return (
    entry !== undefined &&
    entry.final &&
    entry.path === path &&
    entry.sha256 === sha256 &&
    entry.version === VERSION &&
    entry.options === options
  );
}

/** Plain code-unit order (locale-independent, stable across machines). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
