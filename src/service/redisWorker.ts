/**
 * `gongwen worker`'s engine: a BullMQ worker taking jobs from the Redis queue (redisQueue.ts) and
 * running each in the batch worker pool (src/batch/pool.ts: a child process per document, with its
 * time limit, memory ceiling and recycling), so a PDF that crashes or hangs takes down a child,
 * never the worker. BullMQ concurrency = `jobs` = the pool's children.
 *
 * A job's outputs are written into a staging folder <data>/jobs/<id>/.run-<token>/out and, once the
 * worker has checked it still holds the job's lock, renamed into <data>/jobs/<id>/out as a whole,
 * then result.json and state.json are written: a worker killed mid-job (kill -9) leaves only a
 * staging folder (removed by the next run of the job), its lock expires, another worker takes the
 * job. A failure that may pass on another try (worker crash, timeout, out of memory, unreadable
 * input) is thrown to BullMQ, which retries with exponential backoff; a final one (not a PDF, bad
 * password…) completes the job with a failed result.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import { poolSettings, WorkerPool } from '../batch/pool.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';
import type { DocResult } from '../batch/manifest.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import type { JobSpec } from './queue.ts';
import { OUT_DIR, JobStore, type FinishedState } from './store.ts';
import { specToDocJob } from './docJob.ts';
import { QUEUE_NAME, reachRedis, redisConnection, REDIS_SETTINGS, RESULT_FILE, type WorkerOutcome } from './redisQueue.ts';

/** What `gongwen worker` runs with. */
export interface RedisWorkerOptions {
  url: string;
  dataDir: string;
  /** documents at once (BullMQ concurrency and pool children) */
  jobs: number;
  /** time limit of one document, seconds (the job timeout) */
  timeoutSeconds: number;
  /** memory ceiling of one child, MiB */
  maxMemoryMiB: number;
  /** a worker's lock on a job, ms (REDIS_SETTINGS.lockMs) */
  lockMs?: number;
  /** period of the stalled-job check, ms (REDIS_SETTINGS.stalledCheckMs) */
  stalledCheckMs?: number;
  /** called as each job ends (the CLI prints a line) */
  onEnd?: (e: { id: string; name: string; status: string; attempt: number; ms: number | null; error?: string }) => void;
}

/** A running worker. */
export interface RunningWorker {
  /** jobs this process finished (done or failed for good) */
  readonly finished: () => number;
  /** stops taking jobs, waits for the running ones, stops the children */
  close(): Promise<void>;
}

/** The staging folders of a job's earlier tries (left by killed workers). */
const STAGING = /^\.run-[0-9a-f]+(\.old)?$/;

/** Starts taking jobs; resolves once Redis is reached. */
export async function startRedisWorker(o: RedisWorkerOptions): Promise<RunningWorker> {
  const store = new JobStore(o.dataDir);
  const pool = new WorkerPool(poolSettings(o, o.jobs > 1));
  const lockMs = o.lockMs ?? REDIS_SETTINGS.lockMs;
  let finished = 0;

  const processJob = async (job: Job, token?: string): Promise<WorkerOutcome> => {
    const spec = job.data as JobSpec;
    const dir = store.dir(spec.id);
    if (!existsSync(store.inputPath(spec.id))) throw new Error(`${spec.name}: the job's input.pdf is missing under ${dir} (is --data the same shared folder on every machine?)`);
    await job.updateProgress({ pages: 0, pagesDone: 0 });
    for (const e of await readdir(dir)) if (STAGING.test(e)) await rm(join(dir, e), { recursive: true, force: true });
    const stage = join(dir, `.run-${randomBytes(6).toString('hex')}`);
    const limits = { jobs: o.jobs, maxMemoryMiB: o.maxMemoryMiB, maxPages: BATCH_SETTINGS.maxPages, pageTimeout: BATCH_SETTINGS.pageTimeoutSeconds };
    const r = await pool.run(specToDocJob(spec, store.inputPath(spec.id), join(stage, OUT_DIR), limits), (_doc, pagesDone, pages) => void job.updateProgress({ pages, pagesDone }).catch(() => undefined));
    const result: DocResult = r.result;
    if (result.status === 'failed' && !result.final) {
      await rm(stage, { recursive: true, force: true });
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) await finish(store, spec.id, { result, ms: r.ms });
      throw new Error(result.error);
    }
    // still ours? (a worker that lost its lock, e.g. paused past lockDuration, must not publish)
    if (token) await job.extendLock(token, lockMs);
    if (!existsSync(dir)) throw new Error(`${spec.name}: the job was removed while it ran`);
    await publish(stage, join(dir, OUT_DIR));
    const outcome = { result, ms: r.ms };
    await finish(store, spec.id, outcome);
    await job.updateProgress({ pages: result.pages, pagesDone: result.status === 'failed' ? 0 : result.pages });
    return outcome;
  };

  const worker = new Worker(QUEUE_NAME, processJob, {
    connection: redisConnection(o.url),
    concurrency: o.jobs,
    lockDuration: lockMs,
    stalledInterval: o.stalledCheckMs ?? REDIS_SETTINGS.stalledCheckMs,
    maxStalledCount: REDIS_SETTINGS.maxStalled,
    autorun: false,
  });
  worker.on('error', () => undefined); // connection trouble: ioredis reconnects; a lost job is recovered as stalled
  worker.on('completed', (job: Job, rv: WorkerOutcome) => {
    finished++;
    o.onEnd?.({ id: job.id!, name: (job.data as JobSpec).name, status: rv.result.status, attempt: job.attemptsMade, ms: rv.ms, ...(rv.result.error ? { error: rv.result.error } : {}) });
  });
  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job) return;
    const last = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (last) finished++;
    o.onEnd?.({ id: job.id!, name: (job.data as JobSpec).name, status: last ? 'failed' : 'retry', attempt: job.attemptsMade, ms: null, error: err.message });
  });
  try {
    await reachRedis(worker, o.url);
  } catch (err) {
    await worker.close(true).catch(() => undefined);
    await pool.close();
    throw err;
  }
  void worker.run();
  return {
    finished: () => finished,
    close: async () => {
      await worker.close();
      await pool.close();
    },
  };
}

/** Moves a finished staging folder's out/ into place (the old out/ set aside, then removed). */
async function publish(stage: string, out: string): Promise<void> {
  const staged = join(stage, OUT_DIR);
  if (existsSync(staged)) {
    const old = `${stage}.old`;
    const moved = await rename(out, old).then(() => true, () => false);
    await rename(staged, out);
    if (moved) await rm(old, { recursive: true, force: true });
  }
  await rm(stage, { recursive: true, force: true });
}

/** result.json (for `extract --queue` clients) and state.json (for serve), each atomically. */
async function finish(store: JobStore, id: string, outcome: WorkerOutcome): Promise<void> {
  const r = outcome.result;
  await writeFileAtomic(join(store.dir(id), RESULT_FILE), `${JSON.stringify(outcome, null, 2)}\n`);
  const state: FinishedState = { status: r.status === 'failed' ? 'failed' : 'done', pages: r.pages, ...(r.status === 'failed' ? { error: r.error } : {}), finishedAt: new Date().toISOString() };
  await store.writeFinished(id, state);
}
