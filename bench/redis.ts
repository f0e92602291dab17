/**
 * `npm run bench -- --service`: the Redis queue (issue #14) on this machine. A redis-server on a
 * free port; a folder of the born-digital samples run by `gongwen extract --queue` with 1 and then
 * 2 `gongwen worker`s (each --jobs 1, a fresh data folder each time so nothing is cached), beside a
 * local `gongwen extract --jobs 2` on the same folder; then the queue's overhead per job from a
 * run of one document at a time (client --jobs 1, one worker): enqueue → active (the worker's
 * pick-up), active → completed minus the document's own time in the child process (staging,
 * rename, result files, Redis calls), and the client's whole wait minus that time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GONGWEN_BIN, hasCommand, runGongwen, tempDir } from './lib.ts';
import { startRedis } from '../test/helpers/redis.ts';
import { RedisQueue, type WorkerOutcome } from '../src/service/redisQueue.ts';
import { benchService } from './service.ts';

/** Starts `gongwen worker` and resolves once it takes jobs. */
function startWorker(url: string, data: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [GONGWEN_BIN, 'worker', '--queue', url, '--data', data, '--jobs', '1', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      if (err.includes('taking jobs')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`gongwen worker exited (${code}): ${err.trim()}`)));
  });
}

function stop(children: ChildProcess[]): Promise<void> {
  return Promise.all(children.map((c) => new Promise<void>((res) => (c.exitCode !== null ? res() : (c.once('exit', () => res()), c.kill('SIGTERM')))))).then(() => undefined);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs the service bench on `files` (copied `copies` times into one folder). */
export async function runRedisBench(files: string[], copies: number): Promise<void> {
  if (!hasCommand('redis-server')) {
    console.log('\nRedis queue: redis-server not found (apt-get install redis-server): skipped');
    return;
  }
  const redis = await startRedis();
  const folder = tempDir('in');
  for (let c = 0; c < copies; c++) files.forEach((f, i) => copyFileSync(f, join(folder, `${c}-${i}-${basename(f)}`)));
  const fileCount = files.length * copies;
  console.log(`\nRedis queue (redis-server on port ${redis.port}) on a folder of ${fileCount} born-digital PDFs (whole commands):`);
  try {
    const local = await runGongwen(folder, ['--jobs', '2']);
    const localRate = local.done.pages / local.seconds;
    console.log(`local  gongwen extract --jobs 2           : ${localRate.toFixed(1)} pages/s (${local.done.pages} pages in ${local.seconds.toFixed(2)} s)`);
    for (const n of [1, 2]) {
      const data = tempDir('data');
      const workers: ChildProcess[] = [];
      try {
        for (let i = 0; i < n; i++) workers.push(await startWorker(redis.url, data));
        const q = await runGongwen(folder, ['--queue', redis.url, '--data', data]);
        const rate = q.done.pages / q.seconds;
        console.log(`queue  extract --queue, ${n} worker${n > 1 ? 's' : ' '} (--jobs 1): ${rate.toFixed(1)} pages/s (${q.done.pages} pages in ${q.seconds.toFixed(2)} s, ${q.done.failed} failed), ${(rate / localRate).toFixed(2)}× local`);
      } finally {
        await stop(workers);
        rmSync(data, { recursive: true, force: true });
      }
    }
    // overhead: one document at a time through one worker, so no job waits behind another
    const data = tempDir('data');
    const worker = await startWorker(redis.url, data);
    try {
      const t = await runGongwen(folder, ['--queue', redis.url, '--data', data, '--jobs', '1']);
      const clientMs = t.files.map((f) => f.ms);
      const queue = await RedisQueue.open(redis.url, { dataDir: data });
      const jobs = (await queue.queue.getJobs(['completed'], 0, -1)).filter((j) => j.timestamp >= Date.now() - t.seconds * 1000 - 5000);
      const pickup = jobs.map((j) => j.processedOn! - j.timestamp);
      const workerSide = jobs.map((j) => j.finishedOn! - j.processedOn! - ((j.returnvalue as WorkerOutcome).ms ?? 0));
      const wholeMs = t.seconds * 1000;
      const inChild = jobs.reduce((a, j) => a + ((j.returnvalue as WorkerOutcome).ms ?? 0), 0);
      await queue.close();
      console.log(
        `overhead per job (${jobs.length} jobs, one at a time): enqueue→active median ${median(pickup).toFixed(0)} ms, ` +
          `active→completed beyond the document's own time median ${median(workerSide).toFixed(0)} ms, ` +
          `whole run minus in-child time ${((wholeMs - inChild) / jobs.length).toFixed(0)} ms per job (client hashing, copying in and out, Redis round trips; median document ${median(clientMs).toFixed(0)} ms)`,
      );
    } finally {
      await stop([worker]);
      rmSync(data, { recursive: true, force: true });
    }
    // through the HTTP service: the memory queue (the server's own pool), then serve --queue redis
    // with 2 workers: upload, queueing and polling included (bench/service.ts)
    const mem = await benchService({ folder, jobs: 2 });
    console.log(`serve  --queue memory --jobs 2            : ${mem.pagesPerSecond.toFixed(1)} pages/s (${mem.pages} pages in ${mem.seconds.toFixed(2)} s, ${mem.failed} failed), ${(mem.pagesPerSecond / localRate).toFixed(2)}× local`);
    const sdata = tempDir('data');
    const sworkers: ChildProcess[] = [];
    try {
      for (let i = 0; i < 2; i++) sworkers.push(await startWorker(redis.url, sdata));
      const viaRedis = await benchService({ folder, queue: redis.url, dataDir: sdata });
      console.log(`serve  --queue redis, 2 workers          : ${viaRedis.pagesPerSecond.toFixed(1)} pages/s (${viaRedis.pages} pages in ${viaRedis.seconds.toFixed(2)} s, ${viaRedis.failed} failed), ${(viaRedis.pagesPerSecond / localRate).toFixed(2)}× local`);
    } finally {
      await stop(sworkers);
      rmSync(sdata, { recursive: true, force: true });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await redis.stop();
  }
}
