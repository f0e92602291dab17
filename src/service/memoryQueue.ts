/**
 * The `memory` queue: jobs run in this server's own worker pool (src/batch/pool.ts, with its
 * per-document time limit and per-worker memory ceiling), at most `jobs` at once, oldest first.
 * Each job is the batch's per-document unit (runDocJob), writing <data>/jobs/<id>/out/ exactly as
 * `gongwen extract` writes a document's folder. Progress comes from the worker's page events
 * (pages once the PDF is open, pagesDone as each page is read). State lives in memory and, once a job ends, in its
 * state.json; at start the data folder is read back: finished jobs are served again and jobs that
 * never finished (no state.json) are queued again.
 */
import { poolSettings, WorkerPool } from '../batch/pool.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';
import { writeErrorReason } from '../batch/results.ts';
import type { DocResult } from '../batch/manifest.ts';
import type { JobQueue, JobSpec, JobState, JobStatus } from './queue.ts';
import { finishedJobState, JobStore, type FinishedState } from './store.ts';
import { specToDocJob } from './docJob.ts';

/** The limits of the memory queue's workers (the `gongwen extract` batch settings by default). */
export interface MemoryQueueOptions {
  /** documents at once (worker processes) */
  jobs: number;
  /** time limit of one document, seconds */
  timeoutSeconds: number;
  /** time budget of one page, seconds */
  pageTimeoutSeconds: number;
  /** memory ceiling of one worker, MiB */
  maxMemoryMiB: number;
  /** a longer PDF fails */
  maxPages: number;
}

export const MEMORY_QUEUE_DEFAULTS: MemoryQueueOptions = {
  jobs: BATCH_SETTINGS.jobs,
  timeoutSeconds: BATCH_SETTINGS.timeoutSeconds,
  pageTimeoutSeconds: BATCH_SETTINGS.pageTimeoutSeconds,
  maxMemoryMiB: BATCH_SETTINGS.maxMemoryMiB,
  maxPages: BATCH_SETTINGS.maxPages,
};

export class MemoryQueue implements JobQueue {
  private readonly states = new Map<string, JobState>();
  private readonly specs = new Map<string, JobSpec>();
  private readonly waiting: string[] = [];
  private running = 0;
  private closed = false;
  private readonly pool: WorkerPool;
  /** documents finished by this process (bench and tests read it) */
  finished = 0;

  private constructor(private readonly store: JobStore, private readonly o: MemoryQueueOptions) {
    this.pool = new WorkerPool(poolSettings(o, o.jobs > 1));
  }

  /** Opens the queue on a data folder: finished jobs are loaded, unfinished ones queued again. */
  static async open(dataDir: string, options: Partial<MemoryQueueOptions> = {}): Promise<MemoryQueue> {
    const store = new JobStore(dataDir);
    await store.init();
    const q = new MemoryQueue(store, { ...MEMORY_QUEUE_DEFAULTS, ...options });
    for (const id of await store.ids()) {
      const spec = (await store.readSpec(id))!;
      const finished = await store.readFinished(id);
      q.specs.set(id, spec);
      if (finished) q.states.set(id, finishedJobState(spec, finished, await store.outputs(id)));
      else q.enqueue(spec);
    }
    q.pump();
    return q;
  }

  get dataStore(): JobStore {
    return this.store;
  }

  async add(spec: JobSpec): Promise<JobState> {
    const known = this.states.get(spec.id);
    if (known) return known;
    this.specs.set(spec.id, spec);
    // the state as queued (pump may start it at once)
    const state = structuredClone(this.enqueue(spec));
    this.pump();
    return state;
  }

  async get(id: string): Promise<JobState | undefined> {
    return this.states.get(id);
  }

  async list(filter: { status?: JobStatus; offset: number; limit: number }): Promise<{ jobs: JobState[]; total: number }> {
    const all = [...this.states.values()]
      .filter((s) => filter.status === undefined || s.status === filter.status)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    return { jobs: all.slice(filter.offset, filter.offset + filter.limit), total: all.length };
  }

  async remove(id: string): Promise<boolean> {
    const state = this.states.get(id);
    if (!state) return false;
    this.states.delete(id);
    this.specs.delete(id);
    const at = this.waiting.indexOf(id);
    if (at >= 0) this.waiting.splice(at, 1);
    // a running job's folder goes when its worker is done with it (runJob)
    if (state.status !== 'active') await this.store.remove(id);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    // running documents are killed with their workers; without a state.json they run again at the next start
    await this.pool.close();
  }

  private enqueue(spec: JobSpec): JobState {
    const state: JobState = { id: spec.id, status: 'queued', name: spec.name, progress: { pages: 0, pagesDone: 0 }, outputs: [], createdAt: spec.createdAt };
    this.states.set(spec.id, state);
    this.waiting.push(spec.id);
    return state;
  }

  /** Starts waiting jobs while fewer than `jobs` run. */
  private pump(): void {
    while (!this.closed && this.running < this.o.jobs && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.running++;
      void this.runJob(id).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async runJob(id: string): Promise<void> {
    const spec = this.specs.get(id);
    const state = this.states.get(id);
    if (!spec || !state) return;
    state.status = 'active';
    const o = this.o;
    const job = specToDocJob(spec, this.store.inputPath(id), this.store.outDir(id), { jobs: o.jobs, maxMemoryMiB: o.maxMemoryMiB, maxPages: o.maxPages, pageTimeout: o.pageTimeoutSeconds });
    const { result } = await this.pool.run(job, (_job, pagesDone, pages) => {
      // the worker's page events: the page count once known, then each page read to the end
      state.progress = { pages, pagesDone };
    });
    if (this.closed) return;
    if (this.states.get(id) === state) {
      this.finished++;
      const finished = finishedOf(result);
      try {
        await this.store.writeFinished(id, finished);
      } catch (err) {
        finished.status = 'failed';
        finished.error = `could not record the job's state: ${writeErrorReason(err)}`;
      }
      const outputs = await this.store.outputs(id);
      if (this.states.get(id) === state) this.states.set(id, finishedJobState(spec, finished, outputs));
    }
    // deleted while it ran: its folder goes now (unless the same upload came again meanwhile: that job runs anew)
    if (!this.states.has(id)) await this.store.remove(id);
  }
}

/** What state.json keeps of a worker's result: ok and partial documents are done, failures failed. */
function finishedOf(r: DocResult): FinishedState {
  const failed = r.status === 'failed';
  return { status: failed ? 'failed' : 'done', pages: r.pages, ...(failed ? { error: r.error } : {}), finishedAt: new Date().toISOString() };
}
