/**
 * Command-line inputs → the PDF files to process and, for each, a unique output folder inside
 * `--out` that can never escape it.
 *
 * Output layout: a file given by name goes to `<out>/<name>/`; a file found by walking a given
 * folder keeps its folder structure relative to that folder: `<folder>/2021/a/通知.pdf` →
 * `<out>/2021/a/通知/`. Every path segment is made safe (control and reserved characters → '_',
 * leading dots → '_', trailing dots and spaces dropped, at most {@link INPUT_SETTINGS.maxSegmentBytes}
 * bytes). A name already taken (case-insensitively, after Unicode NFC), a name equal to a folder
 * that holds other outputs, or `_batch` at the top gets a suffix `-2`, `-3`… in input order
 * (given order, folders walked in sorted order), so the same inputs always give the same names.
 * Documents already in the output folder are never nested into or around (see assignNames).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { ExistingDocument } from './existing.ts';

export const INPUT_SETTINGS = {
  /** longest output path segment, in UTF-8 bytes (file systems allow 255; temp names add ~30). @default 180 */
  maxSegmentBytes: 180,
  /** top-level folder names under --out reserved for gongwen itself. @default ['_batch'] */
  reserved: ['_batch'] as readonly string[],
} as const;

export interface InputFile {
  /** path as found (given, or walked from a given folder) */
  path: string;
  /** output folder relative to --out, '/'-separated, safe and unique (the document id) */
  outName: string;
  /** named on the command line (not found by walking a folder) */
  explicit: boolean;
}

interface Candidate {
  path: string;
  /** safe folder segments, the last one the document's own name */
  segments: string[];
  explicit: boolean;
}

/**
 * Expands files and folders (recursively, `*.pdf` in any case) into a de-duplicated list.
 * `existing`: the documents the output folder already holds (existing.ts), which names avoid.
 */
export async function collectInputs(args: readonly string[], existing: readonly ExistingDocument[] = []): Promise<InputFile[]> {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (path: string, segments: string[], explicit = true): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ path, segments, explicit });
  };
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      add(arg, [safeName(arg)]); // reported as unreadable when processed
      continue;
    }
    if (!st.isDirectory()) {
      add(arg, [safeName(arg)]);
      continue;
    }
    for (const p of await walkPdfs(arg)) {
      const dirs = relative(arg, p).split(sep).slice(0, -1).map(safeSegment);
      add(p, [...dirs, safeName(p)], false);
    }
  }
  return assignNames(candidates, existing);
}

/** Files named `*.pdf` (any case) under `dir`, sorted by name at each level; symlinked files followed, symlinked folders not. */
async function walkPdfs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkPdfs(p)));
    else if ((e.isFile() || e.isSymbolicLink()) && extname(e.name).toLowerCase() === '.pdf') {
      if (e.isSymbolicLink()) {
        const target = await stat(p).catch(() => null);
        if (target?.isDirectory()) continue; // never follow folder links (loops)
      }
      out.push(p); // a dangling link is listed and reported as not found
    }
  }
  return out;
}

/**
 * Document ids: segments joined with '/', unique per {@link collectInputs}' rules, and never
 * colliding with the documents already in the output folder: a folder segment that is an existing
 * document's id is renamed (`x/` → `x-2/`, the same for every file under it), and a document takes
 * neither the id of an existing document made from another input nor a folder holding others.
 */
function assignNames(candidates: readonly Candidate[], existing: readonly ExistingDocument[]): InputFile[] {
  const existingDocs = new Map(existing.map((e) => [keyOf(e.id), e]));
  const folders = new Set<string>(INPUT_SETTINGS.reserved.map(keyOf));
  for (const e of existing) {
    const segs = e.id.split('/');
    for (let i = 1; i < segs.length; i++) folders.add(keyOf(segs.slice(0, i).join('/')));
  }
  // parent folders first: none may be (or lie inside) an existing document's folder
  const parents = new Map<string, string>([['', '']]);
  const parentOf = (segments: readonly string[]): string => {
    const orig = segments.join('/');
    const known = parents.get(orig);
    if (known !== undefined) return known;
    const up = parentOf(segments.slice(0, -1));
    const name = segments[segments.length - 1]!;
    let folder = '';
    for (let i = 1; ; i++) {
      folder = (up === '' ? '' : up + '/') + (i === 1 ? name : `${name}-${i}`);
      if (!existingDocs.has(keyOf(folder))) break;
    }
    parents.set(orig, folder);
    return folder;
  };
  const placed = candidates.map((c) => ({ c, parent: parentOf(c.segments.slice(0, -1)) }));
  for (const { parent } of placed) {
    const segs = parent === '' ? [] : parent.split('/');
    for (let i = 1; i <= segs.length; i++) folders.add(keyOf(segs.slice(0, i).join('/')));
  }
  const used = new Set<string>();
  return placed.map(({ c, parent }) => {
    const name = c.segments[c.segments.length - 1]!;
    let id = '';
    for (let i = 1; ; i++) {
      id = (parent === '' ? '' : parent + '/') + (i === 1 ? name : `${name}-${i}`);
      const k = keyOf(id);
      const before = existingDocs.get(k);
      const takenBefore = before !== undefined && (before.path === null || resolve(before.path) !== resolve(c.path));
      if (!used.has(k) && !folders.has(k) && !takenBefore) {
        used.add(k);
        break;
      }
    }
    return { path: c.path, outName: id, explicit: c.explicit };
  });
}

function keyOf(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/** A file name without its extension, made safe as one folder name (see {@link safeSegment}). */
export function safeName(path: string): string {
  return safeSegment(basename(path, extname(path)));
}

/** Windows device names, unusable as file names there. */
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * One path segment that is a plain folder name on every common file system: no control or
 * reserved characters (`<>:"/\|?*` → '_'), no leading dot (→ '_', so never '.', '..' or hidden),
 * no trailing dots or spaces, not a Windows device name, at most maxSegmentBytes UTF-8 bytes.
 */
export function safeSegment(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u2028\u2029]/g, '_')
    .replace(/^\.+/, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (s === '') s = '_';
  if (DEVICE.test(s)) s += '_';
  if (Buffer.byteLength(s) > INPUT_SETTINGS.maxSegmentBytes) {
    const chars = Array.from(s);
    while (Buffer.byteLength(chars.join('')) > INPUT_SETTINGS.maxSegmentBytes) chars.pop();
    s = chars.join('').replace(/[. ]+$/, '') || '_';
  }
  return s;
}

/** `out/<id>` as an absolute path; throws when it would not lie strictly inside `out` (defence in depth). */
export function outputDir(out: string, id: string): string {
  const root = resolve(out);
  const dir = resolve(root, ...id.split('/'));
  if (!dir.startsWith(root + sep) || id.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`output folder '${id}' would escape ${out}`);
  }
  return dir;
}
