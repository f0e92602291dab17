/**
 * The output folder of a batch: made and proven writable before any work (a lock file written
 * with the run's pid), one run at a time (a live pid in the lock refuses a second run), and the
 * temp folders and files a killed run left behind (`.<name>.tmp-<pid>-<hex>[.old]`, see
 * write/atomic.ts) removed before the run starts.
 */
import { mkdir, readFile, readdir, rm, writeFile, access } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeErrorReason } from './results.ts';

/** An output folder that cannot be used: the message is one line. */
export class OutDirError extends Error {}

const LOCK_FILE = 'lock';
/** names written by write/atomic.ts and write/batch.ts as temp siblings */
const TEMP_NAME = /^\..+\.tmp-\d+-[0-9a-f]{8}(\.old)?$/;

/** Creates `<out>/<batchDir>`, takes the lock; throws OutDirError when it cannot. Returns the lock's release. */
export async function prepareOutDir(out: string, batchDir: string): Promise<() => Promise<void>> {
  const dir = join(out, batchDir);
  const lock = join(dir, LOCK_FILE);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, 2 /* W_OK */);
  } catch (err) {
    // a recursive mkdir says ENOENT on a read-only file system; a plain one tells the real reason
    const real = (err as NodeJS.ErrnoException).code === 'ENOENT' ? await mkdir(dir).then(() => err, (e: unknown) => e) : err;
    throw new OutDirError(`${out}: output folder is not writable: ${writeErrorReason(real)}`);
  }
  const holder = await readFile(lock, 'utf8').catch(() => '');
  const pid = Number(holder.trim());
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isGongwenAlive(pid)) {
    throw new OutDirError(`${out}: another gongwen run (pid ${pid}) is writing here; remove ${lock} if it is not`);
  }
  try {
    await writeFile(lock, `${process.pid}\n`);
  } catch (err) {
    throw new OutDirError(`${out}: output folder is not writable: ${writeErrorReason(err)}`);
  }
  return async () => {
    await rm(lock, { force: true });
  };
}

/** Whether `pid` is a live process that looks like a node/gongwen run (guards against pid reuse). */
function isGongwenAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return /node|gongwen/.test(readFileSync(cmdline, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * Removes temp siblings left by a killed run anywhere under `out` (in a document folder only at
 * its top level: its subfolders are only ever written whole). Returns how many were removed.
 */
export async function removeStaleTemps(out: string): Promise<number> {
  let removed = 0;
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const isDocument = dir !== out && entries.some((e) => e.name === 'document.json' && e.isFile());
    for (const e of entries) {
      const p = join(dir, e.name);
      if (TEMP_NAME.test(e.name)) {
        await rm(p, { recursive: true, force: true });
        removed++;
      } else if (e.isDirectory() && !isDocument) await visit(p);
    }
  };
  await visit(out);
  return removed;
}
