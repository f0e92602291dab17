/**
 * `gongwen serve`: the extraction as an HTTP job service (src/service/). With `--queue memory`
 * (the default) jobs run in this process's worker pool, so `gongwen serve` alone is a working
 * service on one machine; `--queue redis://HOST:PORT[/DB]` hands them to `gongwen worker`s through
 * Redis. Prints `gongwen serve: listening on <url>` on stdout once it accepts requests; stops
 * cleanly on SIGINT/SIGTERM (unfinished jobs run again at the next start).
 */
import { resolve } from 'node:path';
import { parseCommand, type CommandSpec } from './args.ts';
import { UsageError } from './common.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';
import { openQueue, QueueOpenError } from '../service/openQueue.ts';
import { buildServer, listen } from '../service/http/server.ts';

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8400,
  data: 'gongwen-data',
  queue: 'memory',
  maxUpload: '200MiB',
} as const;

export const SERVE: CommandSpec = {
  name: 'serve',
  synopsis: '[--host <addr>] [--port <n>] [--data <dir>] [--queue memory|redis://HOST:PORT[/DB]] [options]',
  summary:
    'HTTP job service: POST /v1/extract (multipart: file + ocr, ocrEngine, dpi, password, report), GET /v1/jobs/{id},\n' +
    'GET /v1/jobs/{id}/files/{path}, GET /v1/jobs/{id}/archive, DELETE /v1/jobs/{id}, GET /v1/jobs, /healthz, /openapi.json.\n' +
    'Set GONGWEN_API_KEY to require "Authorization: Bearer <key>" on every route but /healthz.',
  options: {
    host: { type: 'string', value: '<addr>', default: SERVE_DEFAULTS.host, help: 'address to listen on (0.0.0.0: every interface)' },
    port: { type: 'string', short: 'p', value: '<n>', default: String(SERVE_DEFAULTS.port), help: 'TCP port (0: any free port)' },
    data: { type: 'string', value: '<dir>', default: SERVE_DEFAULTS.data, help: 'folder of the jobs (<data>/jobs/<id>/)' },
    queue: { type: 'string', value: '<queue>', default: SERVE_DEFAULTS.queue, help: 'memory (this process runs the jobs) or redis://HOST:PORT[/DB]' },
    jobs: { type: 'string', short: 'j', value: '<n>', default: String(BATCH_SETTINGS.jobs), help: 'documents at once (worker processes; memory queue)' },
    'max-upload': { type: 'string', value: '<size>', default: SERVE_DEFAULTS.maxUpload, help: 'largest upload (bytes, or with KiB/MiB/GiB); over it: 413' },
    timeout: { type: 'string', value: '<s>', default: String(BATCH_SETTINGS.timeoutSeconds), help: 'time limit of one document, seconds' },
    'page-timeout': { type: 'string', value: '<s>', default: String(BATCH_SETTINGS.pageTimeoutSeconds), help: 'time budget of one page, seconds' },
    'max-memory': { type: 'string', value: '<MiB>', default: String(BATCH_SETTINGS.maxMemoryMiB), help: 'memory ceiling of one worker' },
    'max-pages': { type: 'string', value: '<n>', default: String(BATCH_SETTINGS.maxPages), help: 'a longer PDF fails' },
  },
  examples: [
    'gongwen serve --data /var/lib/gongwen',
    'GONGWEN_API_KEY=secret gongwen serve --host 0.0.0.0 --port 8400 --jobs 4',
    "curl -F file=@通知.pdf -F report=true http://127.0.0.1:8400/v1/extract",
  ],
};

type Values = Partial<Record<'host' | 'port' | 'data' | 'queue' | 'jobs' | 'max-upload' | 'timeout' | 'page-timeout' | 'max-memory' | 'max-pages', string>>;

/** A whole number option ≥ min, or its default. */
function wholeNumber(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw new UsageError(`--${name} expects a whole number ≥ ${min}, got '${value}'`);
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };

/** '200MiB', '64KiB', '1000' (bytes) → bytes; null when malformed. */
export function parseSize(value: string): number | null {
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined && Number(m[1]) > 0 ? Number(m[1]) * unit : null;
}

/** Runs the server until SIGINT/SIGTERM; returns the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(SERVE, args);
  if (!parsed) return 0;
  const v = parsed.values as Values;
  if (parsed.positionals.length > 0) throw new UsageError(`serve takes no file arguments, got '${parsed.positionals[0]}'`);
  const maxUpload = parseSize(v['max-upload'] ?? SERVE_DEFAULTS.maxUpload);
  if (maxUpload === null) throw new UsageError(`--max-upload expects a size such as 200MiB, got '${v['max-upload']}'`);
  const port = wholeNumber('port', v.port, SERVE_DEFAULTS.port, 0);
  if (port > 65535) throw new UsageError(`--port expects 0–65535, got '${v.port}'`);
  const host = v.host ?? SERVE_DEFAULTS.host;
  const apiKey = process.env.GONGWEN_API_KEY;
  if (apiKey !== undefined && apiKey.trim() === '') throw new UsageError('GONGWEN_API_KEY is set but empty');
  const dataDir = resolve(v.data ?? SERVE_DEFAULTS.data);
  const queueName = v.queue ?? SERVE_DEFAULTS.queue;

  let queue;
  try {
    queue = await openQueue(queueName, {
      dataDir,
      jobs: wholeNumber('jobs', v.jobs, BATCH_SETTINGS.jobs),
      timeoutSeconds: wholeNumber('timeout', v.timeout, BATCH_SETTINGS.timeoutSeconds),
      pageTimeoutSeconds: wholeNumber('page-timeout', v['page-timeout'], BATCH_SETTINGS.pageTimeoutSeconds),
      maxMemoryMiB: wholeNumber('max-memory', v['max-memory'], BATCH_SETTINGS.maxMemoryMiB),
      maxPages: wholeNumber('max-pages', v['max-pages'], BATCH_SETTINGS.maxPages),
    });
  } catch (err) {
    if (err instanceof QueueOpenError) {
      console.error(`gongwen: serve: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const app = await buildServer({ queue, dataDir, queueName, maxUploadBytes: maxUpload, ...(apiKey !== undefined ? { apiKey } : {}) });
  let url: string;
  try {
    url = await listen(app, host, port);
  } catch (err) {
    await queue.close();
    console.error(`gongwen: serve: cannot listen on ${host}:${port}: ${(err as Error).message.split('\n')[0]}`);
    return 1;
  }
  if (apiKey === undefined && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
    console.error(`gongwen: serve: warning: listening on ${host} without GONGWEN_API_KEY: anyone who reaches it can use it`);
  }
  process.stdout.write(`gongwen serve: listening on ${url} (queue ${queueName}, data ${dataDir})\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await app.close();
  await queue.close();
  return 0;
}
