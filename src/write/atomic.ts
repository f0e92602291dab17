/**
 * Atomic file-system writes: a reader (or a crash) never sees a half-written file or folder.
 * Files go to a temp name in the same folder and are renamed into place; a document's output
 * folder is assembled under a temp name and renamed as a whole.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes `data` to `path` through a temp file + rename. Creates the parent folder. `mode`: the
 * file's permission bits (e.g. 0o600 for a file holding a password), else the process default.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempSibling(path);
  try {
    await writeFile(tmp, data, mode === undefined ? undefined : { mode });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes a whole folder of files (`relative path → content`) so that `dir` either keeps its old
 * content or holds exactly the new files: they are written into a temp sibling folder, the old
 * folder is moved aside, the new one renamed into place, the old one removed.
 */
export async function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = tempSibling(dir);
  try {
    const made = new Set<string>();
    for (const [rel, data] of files) {
      const target = join(tmp, rel);
      const folder = dirname(target);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      await writeFile(target, data);
    }
    const old = tempSibling(dir) + '.old';
    let moved = false;
    try {
      await rename(dir, old);
      moved = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rename(tmp, dir);
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
