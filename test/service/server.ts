/** Starting `gongwen serve` as a real process for the service tests, and talking to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BIN } from '../batch/cli.ts';

export interface Server {
  url: string;
  child: ChildProcess;
  /** everything the server wrote on stderr */
  stderr: () => string;
  stop: () => Promise<number | null>;
}

/** Starts `gongwen serve --port 0 <args>` and waits for its 'listening on <url>' line. */
export async function startServer(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url, child, stderr: () => err, stop };
}

/** POST /v1/extract with a file (bytes or a path) and form fields. */
export async function upload(url: string, file: string | { name: string; bytes: Uint8Array }, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const f = typeof file === 'string' ? { name: basename(file), bytes: readFileSync(file) } : file;
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(f.bytes)], { type: 'application/pdf' }), f.name);
  const r = await fetch(`${url}/v1/extract`, { method: 'POST', body: form, headers });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

export async function getJson<T = Record<string, unknown>>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const r = await fetch(url, { headers });
  return { status: r.status, body: (await r.json()) as T };
}

/** Polls GET /v1/jobs/{id} every `everyMs` until the job is done or failed; each answer is pushed on `seen`. */
export async function waitFor(url: string, id: string, seen?: Record<string, unknown>[], everyMs = 200, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await getJson(`${url}/v1/jobs/${id}`);
    seen?.push(body);
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > until) throw new Error(`job ${id} still ${String(body.status)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** GET with the path sent exactly as written (no URL normalisation of '..' or '%2e'). */
export function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (s: string) => (body += s));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
