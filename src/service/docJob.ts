/**
 * A queued job as the batch worker pool runs it (the memory queue and the Redis worker alike): the
 * spec's extract options, the CLI batch settings a spec of `extract --queue` carries, else the
 * running process's limits.
 */
import type { DocJob } from '../batch/job.ts';
import { ocrThreadsPerDocument, threadsPerDocument } from '../batch/settings.ts';
import type { JobSpec } from './queue.ts';

/** What the process running the job sets: its parallel documents, memory ceiling and defaults. */
export interface JobLimits {
  /** documents run at once */
  jobs: number;
  /** memory ceiling of one worker process, MiB */
  maxMemoryMiB: number;
  /** a longer PDF fails (a spec's batch settings take precedence) */
  maxPages: number;
  /** time budget of one page, seconds (a spec's batch settings take precedence) */
  pageTimeout: number;
}

/** `spec` read from `input` into the output folder `dir`. */
export function specToDocJob(spec: JobSpec, input: string, dir: string, limits: JobLimits): DocJob {
  const b = spec.batch;
  return {
    path: input,
    sourcePath: b?.path ?? spec.name,
    dir,
    password: spec.options.password,
    bom: b?.bom ?? false,
    raw: b?.raw ?? false,
    maxPages: b?.maxPages ?? limits.maxPages,
    report: spec.options.report === true,
    ocr: spec.options.ocr,
    ocrEngine: spec.options.ocrEngine,
    dpi: spec.options.dpi,
    ocrThreads: ocrThreadsPerDocument(limits.jobs, limits.jobs, limits.maxMemoryMiB),
    pageThreads: threadsPerDocument(limits.jobs, limits.jobs),
    pageTimeout: b?.pageTimeout ?? limits.pageTimeout,
  };
}
