/**
 * The Redis queue end to end, with real processes and a real redis-server (issue #14): two
 * `gongwen worker`s and an `extract --queue` client on 30 PDFs, one worker killed with kill -9 while
 * it holds a job; then retries with backoff, a job timeout and duplicate enqueues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { BIN, gongwen, readTree, summaryOf } from '../batch/cli.ts';
import { samplePdf } from '../helpers/samples.ts';
import { freePort, haveRedis, startRedis, type TestRedis } from '../helpers/redis.ts';
import { Redis } from 'ioredis';
import { RedisQueue, redisTarget } from '../../src/service/redisQueue.ts';
import { jobId, type JobSpec } from '../../src/service/queue.ts';

const run = haveRedis();

/** small born-digital samples (each well under a second warm), copied under 30 names */
const SMALL = ['spans-continued', 'wrapped-caption', 'planted-year', 'planted-total', 'planted-text-sum', 'unruled', 'both', 'lo-ruled'];

/** A `gongwen worker` whose stdout lines are collected. */
interface WorkerProc {
  child: ChildProcess;
  lines: string[];
}

function startWorker(args: string[]): WorkerProc {
  const child = spawn(process.execPath, [BIN, 'worker', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let rest = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    const parts = (rest + s).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.resume();
  return { child, lines };
}

function stopWorker(w: WorkerProc | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
    w.child.once('exit', () => resolve());
    w.child.kill('SIGKILL');
  });
}

/** `gongwen extract` as a child process, resolved with its exit code and output. */
function extract(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'extract', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function until(what: string, cond: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** ISO 8601 timestamps, the only bytes allowed to differ between a queued and a local run. */
const normalise = (b: Buffer): string => b.toString('utf8').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');

describe.skipIf(!run)('extract --queue with two workers, one killed with kill -9 mid-job', () => {
  let redis: TestRedis;
  let tmp: string;
  let inDir: string;
  let data: string;
  let db: Redis;
  const workers: WorkerProc[] = [];
  let client: { code: number | null; stderr: string };
  /** the two jobs running when the first worker was killed */
  let activeAtKill: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    tmp = mkdtempSync(join(tmpdir(), 'gongwen-redis-'));
    inDir = join(tmp, 'in');
    data = join(tmp, 'data');
    mkdirSync(inDir);
    for (let i = 1; files(inDir) < 30; i++) for (const s of SMALL) if (files(inDir) < 30) copyFileSync(samplePdf(s), join(inDir, `${s}-${i}.pdf`));
    db = new Redis(redisTarget(redis.url));
    const args = ['--queue', redis.url, '--data', data, '--jobs', '1', '--stall-check', '2'];
    workers.push(startWorker(args), startWorker(args));
    const done = extract([inDir, '--out', join(tmp, 'q'), '--queue', redis.url, '--data', data, '--progress', 'none']);
    // both workers hold a job (one each): kill the first, whose job is then in the middle of its run
    await until('two active jobs', async () => (await db.llen('bull:gongwen:active')) === 2, 60_000);
    activeAtKill = await db.lrange('bull:gongwen:active', 0, -1);
    workers[0]!.child.kill('SIGKILL');
    client = await done;
  }, 150_000);

  afterAll(async () => {
    for (const w of workers) await stopWorker(w);
    db?.disconnect();
    await redis?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('finishes every document: 30 files, none failed, the summary of a local run', () => {
    expect(client.code, client.stderr).toBe(0);
    const s = summaryOf(client.stderr);
    expect(s.files).toBe(30);
    expect(s.failed).toBe(0);
    expect(s.ok + s.partial).toBe(30);
  });

  it('ran each job exactly once to completion; the killed worker\'s job was recovered by the other one', async () => {
    const finishedLines = workers.flatMap((w) => w.lines).filter((l) => /^(ok|partial) /.test(l));
    const ids = finishedLines.map((l) => /job ([0-9a-f]{8})/.exec(l)![1]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // the job the killed worker held was taken over as stalled and finished by the survivor
    const stalled: string[] = [];
    for (const id of activeAtKill) if (Number(await db.hget(`bull:gongwen:${id}`, 'stc')) >= 1) stalled.push(id);
    expect(activeAtKill).toHaveLength(2);
    expect(stalled).toHaveLength(1);
    expect(workers[1]!.lines.some((l) => l.includes(`job ${stalled[0]!.slice(0, 8)}`))).toBe(true);
    expect(Number(await db.zcard('bull:gongwen:completed'))).toBe(30);
    // no staging folder of the killed try is left behind
    for (const id of readdirSync(join(data, 'jobs'))) {
      expect(readdirSync(join(data, 'jobs', id)).filter((n) => n.startsWith('.'))).toEqual([]);
    }
  });

  it('writes the same output tree as a local run (timestamps aside)', () => {
    const local = gongwen(['extract', inDir, '--out', join(tmp, 'local'), '--jobs', '2', '--progress', 'none'], 150_000);
    expect(local.code, local.stderr).toBe(0);
    const a = readTree(join(tmp, 'local'));
    const b = readTree(join(tmp, 'q'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(normalise(b.get(file)!), file).toBe(normalise(bytes));
  }, 150_000);

  it('a repeated run finds the same jobs: nothing is queued or run again', async () => {
    const before = workers[1]!.lines.length;
    const again = await extract([inDir, '--out', join(tmp, 'q'), '--queue', redis.url, '--data', data, '--progress', 'none', '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(summaryOf(again.stderr).ok + summaryOf(again.stderr).partial).toBe(30);
    expect(workers[1]!.lines.length).toBe(before);
    expect(Number(await db.zcard('bull:gongwen:completed'))).toBe(30);
    expect(readdirSync(join(data, 'jobs'))).toHaveLength(30);
  });
});

describe.skipIf(!run)('retries with backoff, job timeout, duplicate enqueue', () => {
  let redis: TestRedis;
  let tmp: string;
  let queue: RedisQueue;
  let worker: WorkerProc;

  /** A job folder with job.json (and input.pdf unless `withInput` is false). */
  function stageJob(name: string, bytes: Buffer, withInput = true): JobSpec {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const spec: JobSpec = { id: jobId(sha256, {}), name, sha256, options: {}, createdAt: new Date().toISOString() };
    const dir = queue.store.dir(spec.id);
    mkdirSync(dir, { recursive: true });
    if (withInput) writeFileSync(join(dir, 'input.pdf'), bytes);
    writeFileSync(join(dir, 'job.json'), JSON.stringify(spec));
    return spec;
  }

  beforeAll(async () => {
    redis = await startRedis();
    tmp = mkdtempSync(join(tmpdir(), 'gongwen-redis-'));
    queue = await RedisQueue.open(redis.url, { dataDir: join(tmp, 'data'), attempts: 2, backoffMs: 1000 });
    worker = startWorker(['--queue', redis.url, '--data', join(tmp, 'data'), '--jobs', '1', '--timeout', '3', '--stall-check', '2']);
  });

  afterAll(async () => {
    await stopWorker(worker);
    await queue?.close();
    await redis?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('retries a job whose input is not there yet, after the backoff delay, and then finishes it', async () => {
    const bytes = readFileSync(samplePdf('spans-continued'));
    const spec = stageJob('late.pdf', bytes, false);
    const job = await queue.enqueue(spec);
    await until('the first try to fail', async () => (await queue.queue.getJob(spec.id))!.attemptsMade >= 1, 60_000);
    const failedAt = Date.now();
    // the worker's line for the failed try follows the job's state in Redis by a moment
    await until('the worker to report the retry', async () => worker.lines.some((l) => l.startsWith('retry late.pdf')), 10_000);
    expect(worker.lines.find((l) => l.startsWith('retry late.pdf'))).toMatch(/input\.pdf is missing/);
    writeFileSync(join(queue.store.dir(spec.id), 'input.pdf'), bytes);
    const outcome = await queue.waitFor(job);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(800); // the backoff (1 s, less the time to notice the failure)
    expect(outcome.result.status).toBe('ok');
    expect(outcome.result.pages).toBe(2);
    expect((await queue.queue.getJob(spec.id))!.attemptsMade).toBe(2);
    const state = (await queue.get(spec.id))!;
    expect(state.status).toBe('done');
    expect(state.outputs).toContain('document.json');
    expect(JSON.parse(readFileSync(join(queue.store.dir(spec.id), 'out', 'document.json'), 'utf8')).source.path).toBe('late.pdf');
  }, 90_000);

  it('gives the same job for the same bytes and options, queued once', async () => {
    const spec = stageJob('late.pdf', readFileSync(samplePdf('spans-continued')));
    const before = await queue.queue.getJobCounts();
    const again = await queue.add(spec);
    expect(again.id).toBe(spec.id);
    expect(again.status).toBe('done');
    expect(await queue.queue.getJobCounts()).toEqual(before);
    expect((await queue.list({ offset: 0, limit: 10 })).total).toBe(1);
  });

  it('serves jobs of gongwen serve --queue redis:// run by the worker', async () => {
    const port = await freePort();
    const serve = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data', join(tmp, 'data'), '--queue', redis.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      serve.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
      await until('serve to listen', () => out.includes('listening'), 60_000);
      const form = new FormData();
      form.set('file', new Blob([readFileSync(samplePdf('unruled'))]), 'unruled.pdf');
      const created = (await (await fetch(`http://127.0.0.1:${port}/v1/extract`, { method: 'POST', body: form })).json()) as { id: string };
      let state: { status: string; outputs: string[] } = { status: '', outputs: [] };
      await until('the job to be done', async () => {
        state = (await (await fetch(`http://127.0.0.1:${port}/v1/jobs/${created.id}`)).json()) as typeof state;
        return state.status === 'done' || state.status === 'failed';
      }, 60_000);
      expect(state.status).toBe('done');
      const tables = (await (await fetch(`http://127.0.0.1:${port}/v1/jobs/${created.id}/files/tables.json`)).json()) as { rows: unknown[] }[];
      expect(tables).toHaveLength(1);
      expect(tables[0]!.rows.length).toBeGreaterThan(0);
      expect(worker.lines.some((l) => l.startsWith('ok unruled.pdf'))).toBe(true);
    } finally {
      serve.kill('SIGKILL');
    }
  }, 90_000);

  it('stops a job at the time limit, retries it, and fails it with the reason after the last try', async () => {
    const spec = stageJob('slow.pdf', readFileSync(samplePdf('scan-300')));
    const job = await queue.enqueue(spec);
    await expect(queue.waitFor(job)).rejects.toThrow(/timeout after 3s/);
    const state = (await queue.get(spec.id))!;
    expect(state.status).toBe('failed');
    expect(state.error).toMatch(/timeout after 3s/);
    expect((await queue.queue.getJob(spec.id))!.attemptsMade).toBe(2);
    expect(existsSync(join(queue.store.dir(spec.id), 'out'))).toBe(false);
    expect(await queue.remove(spec.id)).toBe(true);
    expect(await queue.get(spec.id)).toBeUndefined();
  }, 90_000);
});

function files(dir: string): number {
  return readdirSync(dir).length;
}

describe('a Redis that cannot be reached', () => {
  it('is one line naming the URL and exit 1, for worker, extract --queue and serve', async () => {
    const port = await freePort(); // free: nothing listens there
    const url = `redis://127.0.0.1:${port}`;
    const tmp = mkdtempSync(join(tmpdir(), 'gongwen-redis-'));
    try {
      for (const [args, who] of [
        [['worker', '--queue', url, '--data', tmp], 'worker'],
        [['extract', samplePdf('unruled'), '--out', join(tmp, 'o'), '--queue', url, '--data', tmp], 'extract --queue'],
        [['serve', '--port', '0', '--data', tmp, '--queue', url], 'serve'],
      ] as const) {
        const r = gongwen([...args], 60_000);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^gongwen: ${who}: cannot reach Redis at ${url}: `))]);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
