/**
 * The documents an output folder already holds, so that a new run never places an output folder
 * inside another document's folder, nor a document around other documents: those listed in its
 * manifest (`_batch/manifest.jsonl`, with the input path each came from) and any other folder
 * holding a document.json (an earlier run without a manifest; its source path read from it).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { loadManifest, MANIFEST_FILE } from './manifest.ts';
import { BATCH_SETTINGS } from './settings.ts';

/** An existing document: its id (folder relative to --out, '/'-separated) and the input it was made from. */
export interface ExistingDocument {
  id: string;
  /** the input path as recorded, null when unknown */
  path: string | null;
}

/** The documents of `out` (none when it does not exist yet). */
export async function existingDocuments(out: string): Promise<ExistingDocument[]> {
  if (!existsSync(out)) return [];
  const byId = new Map<string, ExistingDocument>();
  for (const e of (await loadManifest(join(out, BATCH_SETTINGS.batchDir, MANIFEST_FILE))).values()) byId.set(e.document, { id: e.document, path: e.path });
  for (const dir of await documentDirs(out, out)) {
    const id = relative(out, dir).split(sep).join('/');
    if (!byId.has(id)) byId.set(id, { id, path: await sourcePath(dir) });
  }
  return [...byId.values()];
}

/** Folders under `dir` holding a document.json (not looking inside them, nor in `_batch` or hidden folders). */
async function documentDirs(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  if (dir !== root && entries.some((e) => e.isFile() && e.name === 'document.json')) return [dir];
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.') || (dir === root && e.name === BATCH_SETTINGS.batchDir)) continue;
    out.push(...(await documentDirs(root, join(dir, e.name))));
  }
  return out;
}

async function sourcePath(dir: string): Promise<string | null> {
  try {
    const doc = JSON.parse(await readFile(join(dir, 'document.json'), 'utf8')) as { source?: { path?: unknown } };
    return typeof doc.source?.path === 'string' ? doc.source.path : null;
  } catch {
    return null;
  }
}
