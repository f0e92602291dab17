/**
 * Worker processes for a batch. pdf.js runs on the main thread in Node, so documents are spread
 * over child processes (`child_process.fork` of worker.js, or worker.ts through tsx from the sources), reused across
 * documents. Each document has a time limit and each worker a memory ceiling (V8 heap limit
 * `--max-old-space-size` plus a resident-set watch read from /proc on Linux; elsewhere only the
 * heap limit applies): a worker that exceeds one is killed, the document is failed
 * ('timeout after Ns' / 'out of memory'), and the next document gets a fresh worker.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { entryFor } from '../runtime/entry.ts';
import type { DocJob } from './job.ts';
import { failedResult } from './results.ts';
import type { DocResult } from './manifest.ts';
import type { JobMessage, PageMessage, ResultMessage } from './worker.ts';
import { BATCH_SETTINGS, parseRecycle, type RecycleSettings } from './settings.ts';

/**
 * Page progress of a document running on the pool: called with 0 done once its page count is known, then
 * with 1, 2, … `pages` in order as its pages are read to the end (none for a file that fails to open).
 */
export type PoolPageListener = (job: DocJob, pagesDone: number, pages: number) => void;

/** the worker process's module (compiled or, from the sources, through tsx) */
const WORKER = entryFor(import.meta.url, './worker');
/** bytes of a worker's stderr kept to explain a crash */
const STDERR_TAIL = 4096;

export interface PoolSettings {
  /** per-document time limit, ms */
  readonly timeoutMs: number;
  /** per-worker memory ceiling, MiB */
  readonly maxMemoryMiB: number;
  /** resident-set sampling period, ms */
  readonly rssPollMs: number;
  /** replace a worker after this many documents (0: never) */
  readonly recycleAfterDocs?: number;
  /** replace a worker resident above this many MiB after a document (0: never) */
  readonly recycleAboveMiB?: number;
  /**
   * several workers run at once on the machine's cores: each collects its garbage on its own
   * thread (`--single-threaded-gc`), as V8's helper threads of one worker would take the core
   * another is reading on (20 born-digital samples, --jobs 2 on 2 cores: ≈ 10–15 % less time). @default false
   */
  readonly sharedCores?: boolean;
}

/**
 * The pool's settings from a run's limits: `timeoutSeconds` per document, `maxMemoryMiB` per worker,
 * `recycle` (--recycle-after; by default from the memory ceiling) and whether several documents
 * run at once (`concurrent`: the workers share the cores, see `sharedCores`).
 */
export function poolSettings(o: { timeoutSeconds: number; maxMemoryMiB: number; recycle?: RecycleSettings }, concurrent: boolean): PoolSettings {
  const recycle = o.recycle ?? parseRecycle(undefined, o.maxMemoryMiB)!;
  return {
    timeoutMs: o.timeoutSeconds * 1000,
    maxMemoryMiB: o.maxMemoryMiB,
    rssPollMs: BATCH_SETTINGS.rssPollMs,
    recycleAfterDocs: recycle.docs,
    recycleAboveMiB: recycle.mib,
    sharedCores: concurrent,
  };
}

/** A document's result with the worker's figures. */
export interface PoolResult {
  result: DocResult;
  /** peak RSS of the worker that ran it, KiB (its own report, or the last sample when killed) */
  maxRssKiB: number;
  /** time spent on the document in the worker, ms (null when the worker died) */
  ms: number | null;
  /** the worker's resident set right after the document, KiB (null when it died) */
  rssKiB: number | null;
}

/** What a batch runs its documents on: this machine's worker processes, or a queue's workers (extract --queue). */
export interface DocPool {
  /** Runs one document; `onPage` hears its page progress. Never rejects. */
  run(job: DocJob, onPage?: PoolPageListener): Promise<PoolResult>;
  close(): Promise<void>;
  /** stops at once (interrupt) */
  killAll(): void;
  /**
   * Starts up to `n` workers now, before any document is given, so that their start-up (Node,
   * pdf.js and the pipeline's modules) runs while the caller hashes and sorts the inputs.
   * Optional: a queue's workers are already running.
   */
  prestart?(n: number): void;
  /** highest worker RSS seen, KiB (0 when the workers are elsewhere) */
  readonly peakRssKiB: number;
  /** workers replaced by --recycle-after */
  readonly recycled: number;
}

interface Running {
  id: number;
  job: DocJob;
  onPage: PoolPageListener | undefined;
  resolve: (r: PoolResult) => void;
  timer: NodeJS.Timeout;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  running: Running | null;
  /** why we killed it, when we did */
  killedFor: string | null;
  stderr: string;
  peakRssKiB: number;
  /** documents it finished */
  docs: number;
  exited: boolean;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
}

/** Peak resident set over all workers, KiB (sampled and reported). */
export class WorkerPool implements DocPool {
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private nextId = 1;
  private poll: NodeJS.Timeout;
  /** highest RSS seen in any worker, KiB */
  peakRssKiB = 0;
  /** workers replaced by --recycle-after */
  recycled = 0;

  constructor(private readonly settings: PoolSettings) {
    this.poll = setInterval(() => this.sampleRss(), settings.rssPollMs);
    this.poll.unref();
  }

  /** Runs one document on an idle worker (started when none is idle); `onPage` hears its page progress. Never rejects. */
  async run(job: DocJob, onPage?: PoolPageListener): Promise<PoolResult> {
    const w = this.idle.pop() ?? this.spawn();
    await w.ready;
    if (w.exited) {
      // died before its first job (a heap limit too small to start, killed from outside)
      const reason = w.killedFor ?? crashReason(w.stderr, w.exitCode, w.exitSignal);
      return { result: failedResult(`worker could not start: ${reason}`, false), maxRssKiB: w.peakRssKiB, ms: null, rssKiB: null };
    }
    return new Promise<PoolResult>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.kill(w, `timeout after ${this.settings.timeoutMs / 1000}s`), this.settings.timeoutMs);
      w.running = { id, job, onPage, resolve, timer };
      const msg: JobMessage = { type: 'job', id, job };
      w.child.send(msg);
    });
  }

  /** Starts workers until `n` are alive (see DocPool.prestart); they wait as idle ones. */
  prestart(n: number): void {
    while (this.all.size < n) this.idle.push(this.spawn());
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    clearInterval(this.poll);
    const exits = [...this.all].map(
      (w) => new Promise<void>((res) => (w.exited ? res() : (w.child.once('exit', () => res()), w.child.kill()))),
    );
    await Promise.all(exits);
  }

  /** Kills every worker at once (interrupt). */
  killAll(): void {
    for (const w of this.all) w.child.kill('SIGKILL');
  }

  private spawn(): Worker {
    const child = fork(WORKER.file, [...WORKER.argv], {
      execArgv: [`--max-old-space-size=${this.settings.maxMemoryMiB}`, ...(this.settings.sharedCores ? ['--single-threaded-gc'] : [])],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let markReady: () => void = () => undefined;
    const w: Worker = {
      child,
      ready: new Promise<void>((res) => (markReady = res)),
      running: null,
      killedFor: null,
      stderr: '',
      peakRssKiB: 0,
      docs: 0,
      exited: false,
      exitCode: null,
      exitSignal: null,
    };
    this.all.add(w);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      w.stderr = (w.stderr + s).slice(-STDERR_TAIL);
    });
    child.on('message', (msg: ResultMessage | PageMessage | { type: 'ready' }) => {
      if (msg.type === 'ready') markReady();
      else if (msg.type === 'page' && w.running?.id === msg.id) {
        const r = w.running;
        try {
          r.onPage?.(r.job, msg.pagesDone, msg.pages);
        } catch {
          // a listener's failure is not the document's
        }
      }
      else if (msg.type === 'result' && w.running?.id === msg.id) {
        const r = w.running;
        clearTimeout(r.timer);
        w.running = null;
        w.peakRssKiB = Math.max(w.peakRssKiB, msg.maxRssKiB);
        this.peakRssKiB = Math.max(this.peakRssKiB, msg.maxRssKiB);
        w.docs++;
        if (!w.exited && w.killedFor === null) {
          if (this.dueForRecycling(w, msg.rssKiB)) this.retire(w);
          else this.idle.push(w);
        }
        r.resolve({ result: msg.result, maxRssKiB: msg.maxRssKiB, ms: msg.ms, rssKiB: msg.rssKiB });
      }
    });
    child.on('error', () => undefined); // an 'exit' follows
    child.on('exit', (code, signal) => {
      w.exited = true;
      w.exitCode = code;
      w.exitSignal = signal;
      markReady();
      this.all.delete(w);
      this.idle = this.idle.filter((x) => x !== w);
      const r = w.running;
      if (!r) return;
      clearTimeout(r.timer);
      w.running = null;
      const reason = w.killedFor ?? crashReason(w.stderr, code, signal);
      r.resolve({ result: failedResult(reason, false), maxRssKiB: w.peakRssKiB, ms: null, rssKiB: null });
    });
    return w;
  }

  /** Whether a worker that just finished a document should be replaced (--recycle-after). */
  private dueForRecycling(w: Worker, rssKiB: number): boolean {
    const docs = this.settings.recycleAfterDocs ?? 0;
    const mib = this.settings.recycleAboveMiB ?? 0;
    return (docs > 0 && w.docs >= docs) || (mib > 0 && rssKiB > mib * 1024);
  }

  /** Lets an idle worker go (it exits when told); the next document starts a fresh one. */
  private retire(w: Worker): void {
    this.recycled++;
    w.killedFor = 'recycled';
    w.child.kill('SIGTERM');
  }

  private kill(w: Worker, reason: string): void {
    if (w.exited || w.killedFor !== null) return;
    w.killedFor = reason;
    w.child.kill('SIGKILL');
  }

  private sampleRss(): void {
    const limitKiB = this.settings.maxMemoryMiB * 1024;
    for (const w of this.all) {
      const pid = w.child.pid;
      if (pid === undefined || w.exited) continue;
      const rss = rssKiB(pid);
      if (rss === null) continue;
      w.peakRssKiB = Math.max(w.peakRssKiB, rss);
      this.peakRssKiB = Math.max(this.peakRssKiB, rss);
      if (rss > limitKiB && w.running) this.kill(w, 'out of memory');
    }
  }
}

/** Resident set size of a process, KiB, from /proc (null where there is no /proc). */
export function rssKiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Why a worker died on its own. */
function crashReason(stderr: string, code: number | null, signal: NodeJS.Signals | null): string {
  if (/heap out of memory|Allocation failed|Reached heap limit|out of memory/i.test(stderr)) return 'out of memory';
  return `worker crashed (${signal ? `signal ${signal}` : `exit code ${code}`})`;
}
