/**
 * The contract between the HTTP service, its queues and the workers (issue #14). A job is one PDF
 * with its extract options; its files live on disk under the data folder (`--data`), which every
 * worker sees (a shared filesystem when workers run on other machines):
 *
 *   <data>/jobs/<id>/input.pdf     the uploaded bytes (written atomically before the job is queued)
 *   <data>/jobs/<id>/job.json      the JobSpec (written atomically before the job is queued)
 *   <data>/jobs/<id>/out/          the output folder of the document, the same contract as
 *                                  `gongwen extract` writes (document.json, tables.json, tables/…,
 *                                  records/…, findings.json, check-summary.json, report.html)
 *
 * Two queue implementations share this interface: `memory` (the server's own worker pool, one
 * machine) and `redis` (BullMQ; any number of `gongwen worker` processes on any machines).
 */
import { createHash } from 'node:crypto';

/** The extract options a job may carry (the form fields of POST /v1/extract). */
export interface JobOptions {
  ocr?: 'auto' | 'always' | 'never';
  ocrEngine?: 'ppocr' | 'tesseract';
  /** OCR raster resolution, dots per inch */
  dpi?: number;
  password?: string;
  /** also write report.html */
  report?: boolean;
}

/** What is queued: enough for any worker to run the job from the data folder. */
export interface JobSpec {
  /** content-and-options id (see jobId) */
  id: string;
  /** the uploaded file's name, as the client gave it (for messages and document.json's source.path) */
  name: string;
  /** sha256 of the input bytes, hex */
  sha256: string;
  options: JobOptions;
  /** when the job was first queued, ISO 8601 */
  createdAt: string;
  /**
   * Set by `gongwen extract --queue` only: what a local batch run would use, so that a worker writes
   * the same outputs (the input's path as the CLI was given it, recorded in document.json; CSV
   * settings; limits). Part of the job id (see batchJobId in redisQueue.ts).
   */
  batch?: BatchJobSettings;
}

/** The settings of a CLI batch document that a worker needs besides JobOptions (see JobSpec.batch). */
export interface BatchJobSettings {
  /** the input path as a local run records it (document.json source.path) */
  path: string;
  bom: boolean;
  raw: boolean;
  maxPages: number;
  /** time budget of one page, seconds */
  pageTimeout: number;
}

export type JobStatus = 'queued' | 'active' | 'done' | 'failed';

/** What GET /v1/jobs/{id} reports. */
export interface JobState {
  id: string;
  status: JobStatus;
  name: string;
  /** pages of the PDF (0 until known) and pages finished so far */
  progress: { pages: number; pagesDone: number };
  /** one-line reason of a failure, the same words the CLI prints */
  error?: string;
  /** output files, paths relative to the job's out/ folder, '/'-separated, sorted */
  outputs: string[];
  createdAt: string;
  finishedAt?: string;
}

/** A queue of jobs: memory (one process) or Redis (BullMQ). */
export interface JobQueue {
  /** Queues a job whose input.pdf and job.json are already written; idempotent by spec.id. */
  add(spec: JobSpec): Promise<JobState>;
  get(id: string): Promise<JobState | undefined>;
  list(filter: { status?: JobStatus; offset: number; limit: number }): Promise<{ jobs: JobState[]; total: number }>;
  /** Removes the job from the queue and its folder from disk; false when unknown. */
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The job id: the same bytes with the same options give the same id, so a repeated upload finds
 * the existing job. Options are canonicalised (keys sorted, undefined dropped); the password is
 * part of the key (hashed, never stored in the id in clear). 32 hex characters.
 */
export function jobId(sha256: string, options: JobOptions): string {
  const canonical = Object.fromEntries(
    Object.entries(options)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return createHash('sha256').update(sha256).update('\0').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}
