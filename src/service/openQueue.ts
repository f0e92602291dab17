/**
 * Picks the job queue of `gongwen serve --queue`: `memory` (the default: this process's worker
 * pool) or `redis://HOST:PORT[/DB]` (BullMQ, src/service/redisQueue.ts, loaded only when asked for,
 * so the memory queue never loads a Redis client).
 */
import type { JobQueue } from './queue.ts';
import { MemoryQueue, type MemoryQueueOptions } from './memoryQueue.ts';

/** What every queue is opened with. */
export interface QueueOptions extends Partial<MemoryQueueOptions> {
  /** the data folder (--data): job folders under <data>/jobs/ */
  dataDir: string;
}

/** A queue that cannot be opened (one line: printed as is, exit 1). */
export class QueueOpenError extends Error {}

/** The shape of src/service/redisQueue.ts that serve needs. */
interface RedisQueueModule {
  openRedisQueue(url: string, opts: QueueOptions): Promise<JobQueue>;
}

/** Opens the queue named by `url`: 'memory' or 'redis://HOST:PORT[/DB]' ('rediss://' for TLS). */
export async function openQueue(url: string, opts: QueueOptions): Promise<JobQueue> {
  if (url === 'memory') return MemoryQueue.open(opts.dataDir, opts);
  if (/^rediss?:\/\/[^/\s]+(\/\d+)?$/.test(url)) {
    const mod = await loadRedisQueue();
    return mod.openRedisQueue(url, opts);
  }
  throw new QueueOpenError(`--queue expects memory or redis://HOST:PORT[/DB], got '${url}'`);
}

/** The Redis queue module, resolved beside this one (compiled .js or, from the sources, .ts). */
async function loadRedisQueue(): Promise<RedisQueueModule> {
  const url = new URL(`./redisQueue${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url);
  try {
    return (await import(url.href)) as RedisQueueModule;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes('redisQueue')) throw new QueueOpenError('redis queue not available');
    throw err;
  }
}
