/** Command-line inputs → the PDF files to process and a unique, safe output folder name for each. */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export interface InputFile {
  /** path as found (given, or walked from a given folder) */
  path: string;
  /** output folder name under --out: file name without .pdf, made safe and unique */
  outName: string;
}

/** Expands files and folders (recursively, `*.pdf` in any case) into a sorted, de-duplicated list. */
export async function collectInputs(args: readonly string[]): Promise<InputFile[]> {
  const paths: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      paths.push(arg); // reported as unreadable when processed
      continue;
    }
    if (st.isDirectory()) paths.push(...(await walkPdfs(arg)));
    else paths.push(arg);
  }
  const used = new Set<string>();
  return [...new Set(paths)].map((path) => ({ path, outName: uniqueName(safeName(path), used) }));
}

async function walkPdfs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkPdfs(p)));
    else if (e.isFile() && extname(e.name).toLowerCase() === '.pdf') out.push(p);
  }
  return out;
}

/** A file name without its extension, with characters unsafe in folder names replaced by '_'. */
export function safeName(path: string): string {
  const base = basename(path, extname(path));
  const cleaned = base.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned === '' ? '_' : cleaned;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${name}-${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
