/**
 * `gongwen worker --queue redis://HOST:PORT[/DB] --data <dir> [--jobs N]`: takes jobs from the Redis
 * queue (from `gongwen serve --queue redis://…` or `gongwen extract --queue redis://…`) and runs them,
 * on any machine that mounts the same data folder. Each job runs in a child process of the batch
 * pool (time limit, memory ceiling, recycling). Prints one line per finished job; stops on
 * SIGINT/SIGTERM after the running jobs (a second signal, or kill -9, leaves them to other workers).
 */
import { resolve } from 'node:path';
import { parseCommand, type CommandSpec } from './args.ts';
import { UsageError } from './common.ts';
import { positiveInt } from './extract.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';

/** The defaults of `gongwen worker` besides the batch ones. */
const WORKER_DEFAULTS = {
  /** seconds a silent worker keeps its job (lock) and period of the stalled-job check. @default 30 */
  stallSeconds: 30,
} as const;

export const WORKER: CommandSpec = {
  name: 'worker',
  synopsis: '--queue redis://HOST:PORT[/DB] --data <dir> [options]',
  summary:
    'Runs the jobs of a Redis queue (gongwen serve --queue redis://…, gongwen extract --queue redis://…).\n' +
    'Every worker and client must see the same --data folder (NFS, a mounted bucket): inputs and outputs live there.',
  options: {
    queue: { type: 'string', value: '<url>', help: 'the Redis queue: redis://HOST:PORT[/DB] (rediss:// for TLS) (required)' },
    data: { type: 'string', value: '<dir>', help: 'the shared data folder (<data>/jobs/<id>/) (required)' },
    jobs: { type: 'string', short: 'j', value: '<n>', default: String(BATCH_SETTINGS.jobs), help: 'documents at once (child processes)' },
    timeout: { type: 'string', value: '<s>', default: String(BATCH_SETTINGS.timeoutSeconds), help: 'time limit of one document, seconds (then retried with backoff, failed after the last try)' },
    'max-memory': { type: 'string', value: '<MiB>', default: String(BATCH_SETTINGS.maxMemoryMiB), help: 'memory ceiling of one child process' },
    'stall-check': { type: 'string', value: '<s>', default: String(WORKER_DEFAULTS.stallSeconds), help: "a worker silent this long loses its job to another (lock), checked as often" },
    quiet: { type: 'boolean', help: 'no line per finished job' },
  },
  examples: [
    'gongwen worker --queue redis://10.0.0.5:6379 --data /mnt/gongwen --jobs 4',
    'gongwen worker --queue redis://localhost:6379/2 --data ./gongwen-data',
  ],
};

type Values = Partial<Record<'queue' | 'data' | 'jobs' | 'timeout' | 'max-memory' | 'stall-check', string>> & { quiet?: boolean };

/** Runs until SIGINT/SIGTERM; returns the exit code. */
export async function workerCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(WORKER, args);
  if (!parsed) return 0;
  const v = parsed.values as Values;
  if (parsed.positionals.length > 0) throw new UsageError(`worker takes no file arguments, got '${parsed.positionals[0]}'`);
  if (!v.queue) throw new UsageError('worker needs --queue redis://HOST:PORT[/DB]');
  if (!/^rediss?:\/\//.test(v.queue)) throw new UsageError(`--queue expects redis://HOST:PORT[/DB], got '${v.queue}'`);
  if (!v.data) throw new UsageError('worker needs --data <dir> (the folder shared with the clients)');
  const stallMs = positiveInt('stall-check', v['stall-check'], WORKER_DEFAULTS.stallSeconds) * 1000;
  const jobs = positiveInt('jobs', v.jobs, BATCH_SETTINGS.jobs);
  const { startRedisWorker } = await import('../service/redisWorker.ts');
  let worker;
  try {
    worker = await startRedisWorker({
      url: v.queue,
      dataDir: resolve(v.data),
      jobs,
      timeoutSeconds: positiveInt('timeout', v.timeout, BATCH_SETTINGS.timeoutSeconds),
      maxMemoryMiB: positiveInt('max-memory', v['max-memory'], BATCH_SETTINGS.maxMemoryMiB),
      lockMs: stallMs,
      stalledCheckMs: stallMs,
      onEnd: v.quiet
        ? undefined
        : (e) => process.stdout.write(`${e.status} ${e.name} (job ${e.id.slice(0, 8)}, try ${e.attempt}${e.ms !== null ? `, ${e.ms} ms` : ''})${e.error ? `: ${e.error}` : ''}\n`),
    });
  } catch (err) {
    console.error(`gongwen: worker: ${(err as Error).message.split('\n')[0]}`);
    return 1;
  }
  process.stderr.write(`gongwen worker: taking jobs from ${v.queue} (data ${resolve(v.data)}, ${jobs} at once)\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  process.stderr.write('gongwen worker: stopping after the running jobs\n');
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  await worker.close();
  return 0;
}
