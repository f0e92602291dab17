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
