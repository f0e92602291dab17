/**
 * Pages per second through `gongwen serve` (issue #14): starts the real server (`gongwen serve
 * --port 0`, a subprocess with its worker pool) on a fresh data folder, uploads every PDF of a
 * folder over HTTP, polls until every job has ended, and reports pages/s from the first upload to
 * the last job's end (upload, queueing and polling included: what a client sees). The memory queue
 * by default; `queue` is passed to --queue as is, so the Redis half (`npm run bench -- --service`)
 * can call the same function with a redis:// URL and its own workers running.
 * Usage: node bin/run-ts.mjs bench/service.ts <folder> [--jobs N] [--queue memory|redis://…]
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { GONGWEN_BIN, tempDir } from './lib.ts';

export interface ServiceBenchOptions {
  /** folder of PDFs (not walked: its own *.pdf only) */
  folder: string;
  /** --queue of the server. @default 'memory' */
  queue?: string;
  /** --jobs of the server. @default 2 */
  jobs?: number;
  /** extra `gongwen serve` arguments */
  serveArgs?: string[];
  /** the server's --data (a Redis queue's workers must share it); a fresh temp folder, removed after, when absent */
  dataDir?: string;
}

export interface ServiceBenchResult {
  files: number;
  done: number;
  failed: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
}

/** Runs the bench once; the server is stopped and its data folder removed whatever happens. */
export async function benchService(o: ServiceBenchOptions): Promise<ServiceBenchResult> {
  const files = readdirSync(o.folder).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(o.folder, f));
  if (files.length === 0) throw new Error(`${o.folder}: no PDF files`);
  const data = o.dataDir ?? tempDir('service-bench');
  const child = spawn(process.execPath, [GONGWEN_BIN, 'serve', '--port', '0', '--data', data, '--queue', o.queue ?? 'memory', '--jobs', String(o.jobs ?? 2), ...(o.serveArgs ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`gongwen serve exited (${code}): ${stderr.trim()}`)));
    });
    const started = performance.now();
    const ids = await Promise.all(
      files.map(async (file) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(readFileSync(file))], { type: 'application/pdf' }), basename(file));
        const r = await fetch(`${url}/v1/extract`, { method: 'POST', body: form });
        const body = (await r.json()) as { id?: string; error?: string };
        if (!body.id) throw new Error(`${file}: ${r.status} ${body.error ?? ''}`);
        return body.id;
      }),
    );
    const pending = new Set(ids);
    let pages = 0;
    let failed = 0;
    while (pending.size > 0) {
      await new Promise((r) => setTimeout(r, 100));
      for (const id of [...pending]) {
        const s = (await (await fetch(`${url}/v1/jobs/${id}`)).json()) as { status: string; progress: { pages: number } };
        if (s.status !== 'done' && s.status !== 'failed') continue;
        pending.delete(id);
        pages += s.progress.pages;
        if (s.status === 'failed') failed++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // identical files are one job: count the jobs, not the uploads
    const jobs = new Set(ids).size;
    return { files: jobs, done: jobs - failed, failed, pages, seconds, pagesPerSecond: pages / seconds };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    if (!o.dataDir) rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { jobs: { type: 'string', default: '2' }, queue: { type: 'string', default: 'memory' } } });
  const folder = positionals[0];
  if (!folder) {
    console.error('usage: node bin/run-ts.mjs bench/service.ts <folder> [--jobs N] [--queue memory|redis://HOST:PORT]');
    process.exit(2);
  }
  try {
    const r = await benchService({ folder, jobs: Number(values.jobs), queue: values.queue });
    console.log(`service (${values.queue}, --jobs ${values.jobs}): ${r.files} files (${r.failed} failed), ${r.pages} pages in ${r.seconds.toFixed(1)} s: ${r.pagesPerSecond.toFixed(1)} pages/s`);
  } catch (err) {
    console.error(`bench/service: ${(err as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
}
