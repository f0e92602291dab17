/**
 * A job's outputs as one zip (GET /v1/jobs/{id}/archive): the one module that uses yazl. Entries
 * keep their paths relative to the job's out/ folder and the files' modification times; the zip
 * is streamed as it is made.
 */
import yazl from 'yazl';
import type { Readable } from 'node:stream';

/** One file of the archive: its name inside the zip ('/'-separated) and where it is on disk. */
export interface ArchiveEntry {
  name: string;
  path: string;
}

/** A zip of `entries`, as a stream (deflated). */
export function zipStream(entries: readonly ArchiveEntry[]): Readable {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addFile(e.path, e.name);
  zip.end();
  return zip.outputStream as Readable;
}
