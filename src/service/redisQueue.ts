/**
 * The `redis` job queue (issue #14): BullMQ on Redis. The job's files stay on disk in the shared
 * data folder (<data>/jobs/<id>/, src/service/store.ts); Redis holds only the queue entry (the
 * JobSpec), its attempts, lock and progress, and the worker's result. Any number of `gongwen worker`
 * processes, on any machines that mount the same data folder, take the jobs (redisWorker.ts).
 *
 * BullMQ (and its ioredis) are imported only by src/service/redis*.ts (eslint boundary).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, QueueEvents, type ConnectionOptions, type Job } from 'bullmq';
import type { DocResult } from '../batch/manifest.ts';
import { jobId, type BatchJobSettings, type JobOptions, type JobQueue, type JobSpec, type JobState, type JobStatus } from './queue.ts';
import { finishedJobState, JobStore } from './store.ts';
import { QueueOpenError } from './openQueue.ts';

/** The BullMQ queue every gongwen client and worker of one Redis database shares. */
export const QUEUE_NAME = 'gongwen';
/** What a worker leaves beside out/ when a job ends: the DocResult and the worker's time, ms. */
export const RESULT_FILE = 'result.json';

/** The defaults of the Redis queue (overridable through openRedisQueue's and the worker's options). */
export const REDIS_SETTINGS = {
  /** tries of a job whose failure may pass (crash, timeout, out of memory, unreadable input). @default 3 */
  attempts: 3,
  /** first retry delay, ms, doubled at each further try (exponential backoff). @default 5000 */
  backoffMs: 5000,
  /** a worker's lock on its job, ms: a worker silent for this long (killed, cut off) loses the job to another. @default 30000 */
  lockMs: 30_000,
  /** how often workers look for jobs whose lock expired, ms. @default 30000 */
  stalledCheckMs: 30_000,
  /** times a job may lose its worker before it fails ('job stalled more than allowable limit'). @default 2 */
  maxStalled: 2,
  /** time to reach Redis at start, ms. @default 5000 */
  connectMs: 5000,
} as const;

/** What a worker's job returns (BullMQ's returnvalue). */
export interface WorkerOutcome {
  result: DocResult;
  /** time the document took in the worker's child process, ms (null when it died) */
  ms: number | null;
}

/** Options of openRedisQueue (serve passes its QueueOptions; `dataDir` and `data` are the same). */
export interface RedisQueueOptions {
  dataDir?: string;
  data?: string;
  attempts?: number;
  backoffMs?: number;
}

/** Where to connect: ioredis connection options. */
export interface RedisTarget {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  /** TLS (rediss://) with the system's CAs */
  tls?: Record<string, never>;
}

/** redis://[user:pass@]HOST:PORT[/DB] (rediss:// for TLS) → where to connect. */
export function redisTarget(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue expects redis://HOST:PORT[/DB], got '${url}'`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--queue expects redis://HOST:PORT[/DB], got '${url}'`);
  const db = u.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`--queue: the database of '${url}' must be a number`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(db !== '' ? { db: Number(db) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * The connection settings of one BullMQ object (Queue, QueueEvents, Worker): BullMQ opens its own
 * ioredis connection from them and closes it with the object. `maxRetriesPerRequest: null` as
 * BullMQ requires for workers (a command waits for the connection instead of failing); ioredis
 * reconnects after 0.2, 0.4 … at most 2 s.
 */
export function redisConnection(url: string): ConnectionOptions {
  return { ...redisTarget(url), maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
}

/**
 * Waits for a BullMQ client to reach Redis, or fails in one line naming the URL: at the first
 * connection error (refused, unknown host, wrong password) or after REDIS_SETTINGS.connectMs
 * without an answer. (ioredis would go on reconnecting; a server that is down at start is a
 * mistake to report, a server lost later is waited for.)
 */
export async function reachRedis(client: { waitUntilReady(): Promise<unknown>; once(event: 'error', f: (err: Error) => void): unknown; off(event: 'error', f: (err: Error) => void): unknown }, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onError: ((err: Error) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`(no answer within ${REDIS_SETTINGS.connectMs / 1000} s)`)), REDIS_SETTINGS.connectMs);
    onError = (err) => reject(err);
    client.once('error', onError);
  });
  try {
    await Promise.race([client.waitUntilReady(), failed]);
  } catch (err) {
    throw new Error(`cannot reach Redis at ${url}: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
    if (onError) client.off('error', onError);
  }
}

/**
 * The id of a CLI batch job: jobId of the content with the batch settings folded in, so the same
 * bytes under two paths (or with other CSV settings) are two jobs; a server job's id is jobId as is.
 */
export function batchJobId(sha256: string, options: JobOptions, batch: BatchJobSettings | undefined): string {
  if (!batch) return jobId(sha256, options);
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(batch).sort(([a], [b]) => (a < b ? -1 : 1))));
  return jobId(createHash('sha256').update(sha256).update('\0').update(canonical).digest('hex'), options);
}

/** The result a worker left in the job's folder (null when none or unreadable). */
export async function readOutcome(store: JobStore, id: string): Promise<WorkerOutcome | null> {
  try {
    return JSON.parse(await readFile(join(store.dir(id), RESULT_FILE), 'utf8')) as WorkerOutcome;
  } catch {
    return null;
  }
}

/** The queue as serve and `extract --queue` use it: add, look up, list, remove. */
export class RedisQueue implements JobQueue {
  readonly store: JobStore;
  private events: QueueEvents | null = null;

  private constructor(
    readonly queue: Queue,
    readonly url: string,
    dataDir: string,
    private readonly o: { attempts: number; backoffMs: number },
  ) {
    this.store = new JobStore(dataDir);
  }

  static async open(url: string, opts: RedisQueueOptions): Promise<RedisQueue> {
    const dataDir = opts.dataDir ?? opts.data;
    if (!dataDir) throw new Error('the redis queue needs a data folder (--data)');
    const queue = new Queue(QUEUE_NAME, { connection: redisConnection(url) });
    queue.on('error', () => undefined); // connection errors surface through reachRedis and the calls
    try {
      await reachRedis(queue, url);
    } catch (err) {
      await queue.close().catch(() => undefined);
      throw err;
    }
    const q = new RedisQueue(queue, url, dataDir, { attempts: opts.attempts ?? REDIS_SETTINGS.attempts, backoffMs: opts.backoffMs ?? REDIS_SETTINGS.backoffMs });
    await q.store.init();
    return q;
  }

  /** Queues a job whose input.pdf and job.json are written; a job of the same id is that job (queued once). */
  async add(spec: JobSpec): Promise<JobState> {
    await this.enqueue(spec);
    return (await this.get(spec.id))!;
  }

  /**
   * The BullMQ job of a spec, added when Redis does not know it yet (BullMQ ignores a second add of
   * one jobId). A job Redis remembers as completed whose result is not in this data folder (the
   * folder was emptied, or another one is used with the same Redis) is queued again.
   */
  async enqueue(spec: JobSpec): Promise<Job> {
    const known = await this.queue.getJob(spec.id);
    if (known && ((await known.getState()) !== 'completed' || existsSync(join(this.store.dir(spec.id), RESULT_FILE)))) return known;
    if (known) await known.remove();
    return this.queue.add('extract', spec, {
      jobId: spec.id,
      attempts: this.o.attempts,
      backoff: { type: 'exponential', delay: this.o.backoffMs },
      removeOnComplete: false,
      removeOnFail: false,
    });
  }

  /**
   * Resolves when the job ends: the worker's outcome, or throws its failure reason (after its
   * retries). `onProgress` hears the worker's page progress meanwhile.
   */
  async waitFor(job: Job, onProgress?: (p: JobState['progress']) => void): Promise<WorkerOutcome> {
    if (!this.events) {
      this.events = new QueueEvents(QUEUE_NAME, { connection: redisConnection(this.url) });
      this.events.on('error', () => undefined);
      await reachRedis(this.events, this.url);
    }
    if (!onProgress) return (await job.waitUntilFinished(this.events)) as WorkerOutcome;
    const listener = ({ jobId, data }: { jobId: string; data: unknown }): void => {
      if (jobId === job.id) onProgress(progressOf(data));
    };
    this.events.on('progress', listener);
    try {
      return (await job.waitUntilFinished(this.events)) as WorkerOutcome;
    } finally {
      this.events.off('progress', listener);
    }
  }

  async get(id: string): Promise<JobState | undefined> {
    if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
    const spec = await this.store.readSpec(id);
    if (!spec) return undefined;
    const finished = await this.store.readFinished(id);
    if (finished) return finishedJobState(spec, finished, await this.store.outputs(id));
    const job = await this.queue.getJob(id);
    const state = job ? await job.getState() : 'unknown';
    const base: JobState = { id, status: 'queued', name: spec.name, progress: progressOf(job?.progress), outputs: [], createdAt: spec.createdAt };
    if (state === 'active') return { ...base, status: 'active' };
    if (state === 'failed') return { ...base, status: 'failed', error: job!.failedReason, ...(job!.finishedOn ? { finishedAt: new Date(job!.finishedOn).toISOString() } : {}) };
    // 'completed' without state.json yet (the worker writes it first: a moment's race), waiting, delayed
    return base;
  }

  async list(filter: { status?: JobStatus; offset: number; limit: number }): Promise<{ jobs: JobState[]; total: number }> {
    const all: JobState[] = [];
    for (const id of await this.store.ids()) {
      const s = await this.get(id);
      if (s && (filter.status === undefined || s.status === filter.status)) all.push(s);
    }
    return { jobs: all.slice(filter.offset, filter.offset + filter.limit), total: all.length };
  }

  /** Removes the queue entry (a running job cannot be: its worker finds the folder gone) and the folder. */
  async remove(id: string): Promise<boolean> {
    if (!/^[0-9a-f]{32}$/.test(id)) return false;
    const spec = await this.store.readSpec(id);
    const job = await this.queue.getJob(id);
    if (!spec && !job) return false;
    await job?.remove().catch(() => undefined);
    await this.store.remove(id);
    return true;
  }

  async close(): Promise<void> {
    await this.events?.close();
    await this.queue.close();
  }
}

/** BullMQ's progress of a job as {pages, pagesDone} (what the worker reports; zeros before). */
function progressOf(p: unknown): JobState['progress'] {
  const o = (p ?? {}) as { pages?: unknown; pagesDone?: unknown };
  return { pages: typeof o.pages === 'number' ? o.pages : 0, pagesDone: typeof o.pagesDone === 'number' ? o.pagesDone : 0 };
}

/** The export openQueue loads: the Redis queue on `url` over the data folder (QueueOpenError when Redis cannot be reached). */
export async function openRedisQueue(url: string, opts: RedisQueueOptions): Promise<JobQueue> {
  try {
    return await RedisQueue.open(url, opts);
  } catch (err) {
    throw new QueueOpenError((err as Error).message.split('\n')[0]!);
  }
}
