/**
 * `gongwen extract --queue redis://… --data <dir>`: the batch's documents run by `gongwen worker`s
 * instead of local worker processes (a DocPool for src/batch/run.ts, so the manifest, resume,
 * progress and _batch/ stay those of a local run). For each document the client copies the input
 * into the shared data folder (<data>/jobs/<id>/input.pdf, job.json, both atomically), queues it,
 * waits for a worker to finish it (BullMQ QueueEvents), and copies <data>/jobs/<id>/out/ into the
 * document's output folder (atomically, as a local run writes it). The job id covers the content,
 * the options and the input's path as given, so a repeated run of the same file finds the job and
 * its outputs already in the data folder (run once, copied again).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocJob } from '../batch/job.ts';
import type { DocPool, PoolPageListener, PoolResult } from '../batch/pool.ts';
import { failedResult, readErrorReason, writeErrorReason } from '../batch/results.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';
import { writeDirAtomic, writeFileAtomic } from '../write/atomic.ts';
import { REVIEW_FILE } from '../review/load.ts';
import type { JobOptions, JobSpec } from './queue.ts';
import { INPUT_FILE, OUT_DIR, writeSpecFile } from './store.ts';
import { batchJobId, readOutcome, RedisQueue, type WorkerOutcome } from './redisQueue.ts';

/** Figures of a client run (the bench reads them). */
export interface QueueTimings {
  /** per document: ms from queued to finished as the client saw it, and the worker's own ms */
  docs: { waitedMs: number; workerMs: number | null }[];
}

/** The batch pool that sends each document to the Redis queue. */
export class RedisDocPool implements DocPool {
  readonly peakRssKiB = 0;
  readonly recycled = 0;
  readonly timings: QueueTimings = { docs: [] };

  private constructor(private readonly q: RedisQueue) {}

  /** Opens the queue (one line when Redis cannot be reached). */
  static async open(url: string, dataDir: string): Promise<RedisDocPool> {
    return new RedisDocPool(await RedisQueue.open(url, { dataDir }));
  }

  async run(job: DocJob, onPage?: PoolPageListener): Promise<PoolResult> {
    let data: Buffer;
    try {
      data = await readFile(job.path);
    } catch (err) {
      return noWorker(failedResult(readErrorReason(err), false));
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    let spec: JobSpec;
    try {
      spec = await this.stage(job, data, sha256);
    } catch (err) {
      return noWorker(failedResult(`cannot write to the data folder: ${writeErrorReason(err)}`, false, sha256));
    }
    const t0 = performance.now();
    let outcome = await readOutcome(this.q.store, spec.id);
    if (!outcome || (outcome.result.status === 'failed' && !outcome.result.final)) {
      try {
        outcome = await this.queued(spec, onPage ? (p) => onPage(job, p.pagesDone, p.pages) : undefined);
      } catch (err) {
        // failed after its retries (timeout, crash…): the reason the worker gave
        return noWorker(failedResult((err as Error).message.split('\n')[0]!, false, sha256));
      }
    }
    this.timings.docs.push({ waitedMs: performance.now() - t0, workerMs: outcome.ms });
    if (outcome.result.status !== 'failed') {
      try {
        await this.copyOut(spec.id, job.dir);
      } catch (err) {
        return noWorker(failedResult(writeErrorReason(err), false, sha256));
      }
    }
    return { result: outcome.result, maxRssKiB: 0, ms: outcome.ms, rssKiB: null };
  }

  /** The job's folder in the data folder: input.pdf and job.json (kept when already there). */
  private async stage(job: DocJob, data: Buffer, sha256: string): Promise<JobSpec> {
    const options: JobOptions = {};
    if (job.ocr !== undefined) options.ocr = job.ocr;
    if (job.ocrEngine !== undefined) options.ocrEngine = job.ocrEngine;
    if (job.dpi !== undefined) options.dpi = job.dpi;
    if (job.password !== undefined) options.password = job.password;
    if (job.report) options.report = true;
    const batch = { path: job.sourcePath ?? job.path, bom: job.bom, raw: job.raw, maxPages: job.maxPages, pageTimeout: job.pageTimeout ?? BATCH_SETTINGS.pageTimeoutSeconds };
    const id = batchJobId(sha256, options, batch);
    const dir = this.q.store.dir(id);
    const known = await this.q.store.readSpec(id);
    if (known && existsSync(join(dir, INPUT_FILE))) return known;
    const spec: JobSpec = { id, name: batch.path, sha256, options, createdAt: new Date().toISOString(), batch };
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, INPUT_FILE), data);
    await writeSpecFile(dir, spec);
    return spec;
  }

  /** Queues the job (or finds it queued) and waits for its end; a job that failed for good is tried again. */
  private async queued(spec: JobSpec, onProgress?: (p: { pages: number; pagesDone: number }) => void): Promise<WorkerOutcome> {
    const job = await this.q.enqueue(spec);
    if ((await job.getState()) === 'failed') await job.retry('failed');
    return this.q.waitFor(job, onProgress);
  }

  /** <data>/jobs/<id>/out/ → the document's output folder, as one atomic folder write (a kept review.json stays). */
  private async copyOut(id: string, dir: string): Promise<void> {
    const out = join(this.q.store.dir(id), OUT_DIR);
    const files = new Map<string, Uint8Array>();
    const walk = async (rel: string): Promise<void> => {
      for (const e of await readdir(join(out, rel), { withFileTypes: true })) {
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) await walk(r);
        else if (e.isFile()) files.set(r, await readFile(join(out, r)));
      }
    };
    await walk('');
    const review = await readFile(join(dir, REVIEW_FILE)).catch(() => null);
    if (review && !files.has(REVIEW_FILE)) files.set(REVIEW_FILE, review);
    await writeDirAtomic(dir, files);
  }

  async close(): Promise<void> {
    await this.q.close();
  }

  /** An interrupted client leaves its jobs queued: the workers finish them, a re-run collects them. */
  killAll(): void {}
}

function noWorker(result: PoolResult['result']): PoolResult {
  return { result, maxRssKiB: 0, ms: null, rssKiB: null };
}
