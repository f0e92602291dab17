/**
 * Failed results and read-error reasons, shared by the coordinator and the workers (kept apart
 * from job.ts so the coordinator never loads the extraction pipeline or pdf.js).
 */
import { oneLine } from '../runtime/errors.ts';
import type { DocResult } from './manifest.ts';

/** A failed result. */
export function failedResult(error: string, final: boolean, sha256 = '', pages = 0): DocResult {
  return {
    status: 'failed', sha256, pages, method: '', tables: 0, documents: 0,
    findings: { error: 0, warning: 0, info: 0 }, error, final,
  };
}

/** A file-system read error as a short reason. */
export function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return oneLine(err);
}

/** Why the outputs could not be written, in words (the file-system code kept in brackets). */
const WRITE_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the output disk',
  EDQUOT: 'disk quota exceeded on the output disk',
  EROFS: 'the output folder is on a read-only file system',
  EACCES: 'permission denied writing the outputs',
  EPERM: 'permission denied writing the outputs',
  EMFILE: 'too many open files',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

/** A file-system write error as a short reason; other errors as their first line. */
export function writeErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words = code ? WRITE_REASONS[code] : undefined;
  return words ? `${words} (${code})` : oneLine(err);
}
