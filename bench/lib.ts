/**
 * Helpers shared by the benchmarks (bench.ts, ocr.ts): page counts, timed subprocesses with
 * their CPU time and peak resident set (GNU `/usr/bin/time` where installed, plus a poll of the
 * process tree in /proc), and one run of the real `gongwen extract` CLI with its figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DoneEvent, FileEvent } from '../src/batch/progress.ts';

export const ROOT = join(import.meta.dirname, '..');
export const GONGWEN_BIN = join(ROOT, 'bin', 'gongwen.mjs');
const GNU_TIME = '/usr/bin/time';

/** Whether a command can be started (`cmd args` runs at all, whatever its exit code). */
export function hasCommand(cmd: string, args: string[] = ['--version']): boolean {
  return !spawnSync(cmd, args, { stdio: 'ignore' }).error;
}

/** Whether GNU time is there (`apt-get install time`): exact CPU time and peak RSS of a command. */
export const HAS_GNU_TIME = hasCommand(GNU_TIME, ['-f', '', 'true']);

/** Number of pages of a PDF (pdfinfo, poppler-utils), 0 when it cannot tell. */
export function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Pages:\s+(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : 0;
}

/** A fresh temporary folder (mkdtemp: other people share /tmp). */
export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `gongwen-bench-${tag}-`));
}

export const mib = (kib: number): number => Math.round(kib / 1024);

/** Busy and total CPU time of the whole machine so far, seconds (from /proc/stat; null elsewhere). */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return null;
  }
}

/** Peak figures of one process seen in the tree. */
export interface ProcPeak {
  pid: number;
  /** 0 = the process started, 1 = its children… */
  depth: number;
  comm: string;
  /** VmHWM: the kernel's peak resident set of the process (all its threads, native memory included) */
  hwmKiB: number;
  threads: number;
}

/** Polls a process and its descendants in /proc: peak RSS per process, peak RSS summed over the tree. */
export class TreeSampler {
  readonly procs = new Map<number, ProcPeak>();
  /** highest sum of VmRSS over the processes alive at one sample (a wrapper at depth 0 left out when `skipRoot`) */
  peakSumKiB = 0;
  /** most processes alive at one sample */
  peakCount = 0;
  private timer: NodeJS.Timeout;

  constructor(
    private readonly root: number,
    private readonly skipRoot: boolean,
    everyMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    let sum = 0;
    let count = 0;
    const walk = (pid: number, depth: number): void => {
      const st = readStatus(pid);
      if (!st) return;
      if (!(this.skipRoot && depth === 0)) {
        const p = this.procs.get(pid) ?? { pid, depth, comm: st.comm, hwmKiB: 0, threads: 0 };
        p.hwmKiB = Math.max(p.hwmKiB, st.hwmKiB);
        p.threads = Math.max(p.threads, st.threads);
        p.comm = st.comm;
        this.procs.set(pid, p);
        sum += st.rssKiB;
        count++;
      }
      for (const c of childrenOf(pid)) walk(c, depth + 1);
    };
    walk(this.root, 0);
    this.peakSumKiB = Math.max(this.peakSumKiB, sum);
    this.peakCount = Math.max(this.peakCount, count);
  }
}

function readStatus(pid: number): { comm: string; hwmKiB: number; rssKiB: number; threads: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const num = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
    return { comm: /^Name:\s+(.*)$/m.exec(s)?.[1] ?? '?', hwmKiB: num('VmHWM'), rssKiB: num('VmRSS'), threads: num('Threads') };
  } catch {
    return null; // gone
  }
}

/** Children of a process: the `children` lists of all its threads. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** One timed command. */
export interface Timed {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** user + system time of the command and the children it waited for (GNU time), null without it */
  cpuSeconds: number | null;
  /** the largest peak RSS of one process of the command (GNU time: its own and its reaped children's; else the /proc poll) */
  maxRssKiB: number;
  /** the process tree as polled from /proc (the GNU time wrapper left out) */
  tree: TreeSampler;
}

/** Runs a command (under GNU time when installed), polling its process tree; never rejects on exit codes. */
export function timedRun(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Timed> {
  const dir = HAS_GNU_TIME ? tempDir('time') : null;
  const timeFile = dir ? join(dir, 'time.txt') : '';
  const [file, argv] = dir ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(file, argv, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tree = new TreeSampler(child.pid ?? -1, dir !== null);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', (err) => (tree.stop(), reject(err)));
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      tree.stop();
      let cpuSeconds: number | null = null;
      let maxRssKiB = Math.max(0, ...[...tree.procs.values()].map((p) => p.hwmKiB));
      if (dir) {
        const line = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
        const [u, s, m] = line.split(' ').map(Number);
        if (Number.isFinite(u) && Number.isFinite(s)) cpuSeconds = u! + s!;
        if (Number.isFinite(m)) maxRssKiB = Math.max(maxRssKiB, m!);
        rmSync(dir, { recursive: true, force: true });
      }
      resolve({ seconds, code, stdout, stderr, cpuSeconds, maxRssKiB, tree });
    });
  });
}

/**
 * Runs `fn` on every item, `concurrency` at a time, and measures the whole: wall seconds and the
 * share of the machine's CPU used meanwhile by other processes (busy CPU time minus `ownCpu`).
 */
export async function measured<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<{ results: R[]; seconds: number; othersCpu: (ownCpuSeconds: number) => number | null }> {
  const c0 = machineCpu();
  const t0 = performance.now();
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  const seconds = (performance.now() - t0) / 1000;
  const c1 = machineCpu();
  const othersCpu = (own: number): number | null =>
    c0 && c1 ? Math.max(0, (c1.busy - c0.busy - own) / (c1.total - c0.total)) : null;
  return { results, seconds, othersCpu };
}

/** One run of the real CLI. */
export interface CliRun extends Timed {
  done: DoneEvent;
  files: FileEvent[];
  /** peak RSS of the coordinator (the `node bin/gongwen.mjs` process), from /proc VmHWM, KiB */
  coordKiB: number;
  /** highest peak RSS of one worker process (children of the coordinator), from /proc VmHWM, KiB */
  workerKiB: number;
  /** worker processes seen */
  workers: number;
  /** other processes in the tree (not the coordinator, not a worker): their names and the highest peak RSS among them */
  helpers: { comms: string[]; count: number; maxKiB: number };
  /** most threads seen in one worker */
  workerThreads: number;
}

/**
 * `gongwen extract <input> --out <tmp> --progress json --force <args>` as a subprocess (its worker
 * processes included); the output folder is given to `inspect` and then removed.
 * Throws when the CLI gives no done event.
 */
export async function runGongwen(input: string, args: string[], inspect?: (out: string) => void): Promise<CliRun> {
  const out = tempDir('out');
  try {
    const t = await timedRun(process.execPath, [GONGWEN_BIN, 'extract', input, '--out', out, '--progress', 'json', '--force', ...args]);
    const events = t.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string });
    const done = events.find((e): e is DoneEvent => e.event === 'done');
    if (!done) throw new Error(`gongwen extract ${args.join(' ')} gave no done event (exit ${t.code}): ${t.stderr.trim().slice(-2000)}`);
    inspect?.(out);
    // the coordinator is the shallowest process polled (the GNU time wrapper is not polled), its
    // workers the node processes it started; anything else is a helper (e.g. tsx's esbuild service)
    const procs = [...t.tree.procs.values()];
    const top = Math.min(...procs.map((p) => p.depth));
    const coord = procs.filter((p) => p.depth === top);
    const workers = procs.filter((p) => p.depth === top + 1 && p.comm === 'node');
    const helpers = procs.filter((p) => !coord.includes(p) && !workers.includes(p));
    const peak = (ps: ProcPeak[]): number => Math.max(0, ...ps.map((p) => p.hwmKiB));
    return {
      ...t,
      done,
      files: events.filter((e): e is FileEvent => e.event === 'file'),
      coordKiB: peak(coord),
      workerKiB: peak(workers),
      workers: workers.length,
      helpers: { comms: [...new Set(helpers.map((p) => p.comm))], count: helpers.length, maxKiB: peak(helpers) },
      workerThreads: Math.max(0, ...workers.map((p) => p.threads)),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The machine line: cores, CPU model, Node, load average. */
export function machineLine(): string {
  const [l1, l5] = loadavg();
  return (
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), node ${process.version}, ` +
    `load average ${l1!.toFixed(2)} (1 min) ${l5!.toFixed(2)} (5 min)`
  );
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-\d.×%/ ]*$/.test(r[i] ?? '')));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
