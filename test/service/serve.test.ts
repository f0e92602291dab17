/**
 * `gongwen serve` with the memory queue (issue #14), as a real process over real HTTP: uploads of
 * committed samples are extracted into exactly the files a local `gongwen extract` writes (no field
 * differs: the service records the upload's name as source.path, and the reference run is given the
 * bare file name from the sample's folder; no output holds a time stamp), a repeated upload is the
 * same job with no new work, bad uploads fail with the CLI's own reasons, files never come from
 * outside the job, the archive is a valid zip of every output, and /openapi.json describes every
 * route with the zod schemas the real answers satisfy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BIN, readTree } from '../batch/cli.ts';
import { ROOT, SAMPLES } from '../helpers/samples.ts';
import { getJson, rawGet, startServer, upload, waitFor, type Server } from './server.ts';
import { readZip } from './zip.ts';
import { check, refsIn, resolveRef } from './schemaCheck.ts';

const SEED = join(SAMPLES, 'seed', 'seed.pdf');
const LO_RULED = join(SAMPLES, 'lo-ruled', 'lo-ruled.pdf');
const ENCRYPTED = join(ROOT, 'test', 'fixtures', 'encrypted', 'lo-ruled-aes256.pdf');
const HELLO = join(ROOT, 'test', 'fixtures', 'encrypted', 'hello.pdf');

const temps: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gongwen-serve-'));
  temps.push(d);
  return d;
}

/** `gongwen extract <bare name> --out <tmp>` run in the file's folder: its document folder as path → bytes. */
function localExtract(pdf: string, extra: string[] = []): Map<string, Buffer> {
  const out = temp();
  const r = spawnSync(process.execPath, [BIN, 'extract', basename(pdf), '--out', out, '--progress', 'none', ...extra], { cwd: dirname(pdf), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`extract failed: ${r.stderr}`);
  return readTree(join(out, basename(pdf).replace(/\.pdf$/i, '')));
}

/** The CLI's one-line reason for each bad file: `gongwen: <file>: <reason>` on stderr. */
function cliReasons(files: string[]): Map<string, string> {
  const r = spawnSync(process.execPath, [BIN, 'extract', ...files, '--out', temp(), '--progress', 'none'], { encoding: 'utf8', timeout: 120_000 });
  const reasons = new Map<string, string>();
  for (const f of files) {
    const line = r.stderr.split('\n').find((l) => l.startsWith(`gongwen: ${f}: `));
    if (line) reasons.set(f, line.slice(`gongwen: ${f}: `.length));
  }
  return reasons;
}

async function fileBytes(url: string, id: string, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(`${url}/v1/jobs/${id}/files/${path.split('/').map(encodeURIComponent).join('/')}`);
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}

type State = { id: string; status: string; progress: { pages: number; pagesDone: number }; outputs: string[]; error?: string };

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('gongwen serve --queue memory', () => {
  let server: Server;
  let data: string;
  let seedId = '';
  let created: Record<string, unknown> = {};
  const reference = new Map<string, Map<string, Buffer>>();

  beforeAll(async () => {
    data = temp();
    server = await startServer(['--data', data, '--jobs', '2']);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('extracts an upload into the very files `gongwen extract` writes', async () => {
    // bound to the loopback address unless told otherwise
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const up = await upload(server.url, SEED, { report: 'true' });
    expect(up.status).toBe(202);
    expect(up.body.status).toBe('queued');
    seedId = String(up.body.id);
    created = up.body;
    expect(seedId).toMatch(/^[0-9a-f]{32}$/);
    expect(up.body.links).toEqual({ self: `/v1/jobs/${seedId}`, files: `/v1/jobs/${seedId}/files/`, archive: `/v1/jobs/${seedId}/archive` });
    const polls: Record<string, unknown>[] = [];
    const state = (await waitFor(server.url, seedId, polls, 25)) as State;
    expect(state.status).toBe('done');

    const ref = localExtract(SEED, ['--report']);
    reference.set('seed', ref);
    expect(state.outputs).toEqual([...ref.keys()].sort());
    for (const must of ['document.json', 'tables.json', 'tables/t1.csv', 'findings.json', 'check-summary.json', 'report.html']) expect(state.outputs).toContain(must);
    expect(state.outputs.some((p) => p.startsWith('records/') && p.endsWith('.csv'))).toBe(true);
    for (const [path, bytes] of ref) {
      const got = await fileBytes(server.url, seedId, path);
      expect(got.status, path).toBe(200);
      expect(got.bytes.equals(bytes), `${path} differs from gongwen extract's`).toBe(true);
      const ext = path.slice(path.lastIndexOf('.') + 1);
      expect(got.type, path).toBe({ json: 'application/json', csv: 'text/csv', html: 'text/html', txt: 'text/plain' }[ext] + '; charset=utf-8');
    }
    const doc = JSON.parse(ref.get('document.json')!.toString('utf8')) as { source: { pages: number } };
    expect(state.progress).toEqual({ pages: doc.source.pages, pagesDone: doc.source.pages });
    expect(doc.source.pages).toBeGreaterThan(1);
    // page progress while it ran: the page count once known, pages done never going back
    const progress = (polls as State[]).map((p) => p.progress);
    expect(progress.some((p, i) => (polls[i] as State).status === 'active' && p.pages === doc.source.pages && p.pagesDone < p.pages)).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.pagesDone).toBeGreaterThanOrEqual(progress[i - 1]!.pagesDone);
    for (const p of progress) expect(p.pages === 0 || p.pages === doc.source.pages).toBe(true);
  }, 240_000);

  it('a repeated upload of the same bytes and options is the same job, with no new work', async () => {
    const dir = join(data, 'jobs', seedId);
    const before = new Map([...readTree(dir).keys()].map((k) => [k, statSync(join(dir, k)).mtimeMs]));
    const totalBefore = (await getJson<{ total: number }>(`${server.url}/v1/jobs`)).body.total;
    // the same options, one given at its default: still the same job
    for (const fields of [{ report: 'true' }, { report: 'true', ocr: 'auto', dpi: '300' }] as Record<string, string>[]) {
      const again = await upload(server.url, SEED, fields);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id: seedId, status: 'done', links: created.links });
    }
    await new Promise((r) => setTimeout(r, 500));
    const after = new Map([...readTree(dir).keys()].map((k) => [k, statSync(join(dir, k)).mtimeMs]));
    expect(after).toEqual(before);
    expect((await getJson<{ total: number }>(`${server.url}/v1/jobs`)).body.total).toBe(totalBefore);
    expect(readdirSync(join(data, 'uploads'))).toEqual([]);
    // other options are another job
    const other = await upload(server.url, SEED, { report: 'false', ocr: 'never' });
    expect(other.status).toBe(202);
    expect(other.body.id).not.toBe(seedId);
    expect(((await waitFor(server.url, String(other.body.id))) as State).status).toBe('done');
  }, 240_000);

  it('bad uploads: 422, 400 or a failed job, with the reason the CLI gives', async () => {
    const dir = temp();
    const notPdf = join(dir, 'notes.pdf');
    writeFileSync(notPdf, 'these are not the bytes of a PDF\n');
    const truncated = join(dir, 'cut.pdf');
    writeFileSync(truncated, readFileSync(LO_RULED).subarray(0, 20_000));
    const encrypted = join(dir, 'locked.pdf');
    writeFileSync(encrypted, readFileSync(ENCRYPTED));
    const cli = cliReasons([notPdf, truncated, encrypted]);
    expect(cli.size).toBe(3);

    const np = await upload(server.url, notPdf);
    expect(np.status).toBe(422);
    expect(np.body.error).toBe(`notes.pdf: ${cli.get(notPdf)}`);

    for (const f of [truncated, encrypted]) {
      const up = await upload(server.url, f);
      expect(up.status).toBe(202);
      const state = (await waitFor(server.url, String(up.body.id))) as State;
      expect(state.status).toBe('failed');
      expect(state.error).toBe(cli.get(f));
      expect(state.error).not.toContain('\n');
      expect(state.outputs).toEqual([]);
    }

    // with its password the encrypted file is read, into the files the CLI writes with it
    const open = await upload(server.url, encrypted, { password: 'secret' });
    expect(open.status).toBe(202);
    const state = (await waitFor(server.url, String(open.body.id))) as State;
    expect(state.status).toBe('done');
    const ref = localExtract(encrypted, ['--password', 'secret']);
    for (const path of ['document.json', 'tables.json', 'findings.json']) expect((await fileBytes(server.url, state.id, path)).bytes.equals(ref.get(path)!), path).toBe(true);
    expect(JSON.stringify(JSON.parse(ref.get('document.json')!.toString()))).not.toContain('secret');
    // the password stays in the job's own job.json (workers need it), readable by its owner only
    expect(statSync(join(data, 'jobs', state.id, 'job.json')).mode & 0o777).toBe(0o600);
    expect(JSON.stringify((await getJson(`${server.url}/v1/jobs/${state.id}`)).body)).not.toContain('secret');

    const unknown = await upload(server.url, LO_RULED, { colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain("'colour'");
    const badDpi = await upload(server.url, LO_RULED, { dpi: 'high' });
    expect(badDpi.status).toBe(400);
    expect(badDpi.body.error).toContain("'dpi'");
    const badOcr = await upload(server.url, LO_RULED, { ocr: 'sometimes' });
    expect(badOcr.status).toBe(400);
    expect(badOcr.body.error).toContain("'ocr'");
    const noFile = await fetch(`${server.url}/v1/extract`, { method: 'POST', body: (() => { const f = new FormData(); f.append('report', 'true'); return f; })() });
    expect(noFile.status).toBe(400);
    expect(readdirSync(join(data, 'uploads'))).toEqual([]);
  }, 240_000);

  it('files/{path} serves only the files of the job, never anything outside it', async () => {
    const out = join(data, 'jobs', seedId, 'out');
    symlinkSync('/etc/passwd', join(out, 'passwd.json'));
    symlinkSync(dirname(out), join(out, 'up'));
    const attempts = [
      '../../etc/passwd',
      '../job.json',
      '../input.pdf',
      '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '%2e%2e%2fjob.json',
      '..%2F..%2Fjobs',
      '/etc/passwd',
      '%2Fetc%2Fpasswd',
      'passwd.json',
      'up/job.json',
      'tables/../document.json',
      './document.json',
      'tables\\..\\document.json',
      '',
    ];
    for (const a of attempts) {
      const r = await rawGet(server.url, `/v1/jobs/${seedId}/files/${a}`);
      expect(r.status, a).toBe(404);
      expect(r.body, a).not.toContain('root:');
      expect(JSON.parse(r.body).error, a).toEqual(expect.any(String));
    }
    expect((await rawGet(server.url, `/v1/jobs/../../etc/passwd`)).status).toBe(404);
    expect((await rawGet(server.url, `/v1/jobs/${seedId}/files/document.json`)).status).toBe(200);
    rmSync(join(out, 'passwd.json'));
    rmSync(join(out, 'up'));
  });

  it('the archive is a zip of every output file, byte for byte', async () => {
    const r = await fetch(`${server.url}/v1/jobs/${seedId}/archive`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    const files = readZip(Buffer.from(await r.arrayBuffer()));
    const ref = reference.get('seed')!;
    expect([...files.keys()].sort()).toEqual([...ref.keys()].sort());
    for (const [name, bytes] of ref) expect(files.get(name)!.equals(bytes), name).toBe(true);
  });

  it('lists jobs by status, paged', async () => {
    const all = (await getJson<{ jobs: State[]; total: number }>(`${server.url}/v1/jobs?limit=1000`)).body;
    expect(all.total).toBe(all.jobs.length);
    for (const status of ['done', 'failed'] as const) {
      const expected = all.jobs.filter((j) => j.status === status).map((j) => j.id);
      expect(expected.length).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      for (let offset = 0; ; offset += 1) {
        const page = (await getJson<{ jobs: State[]; total: number; offset: number; limit: number }>(`${server.url}/v1/jobs?status=${status}&offset=${offset}&limit=1`)).body;
        expect(page.total).toBe(expected.length);
        expect(page.offset).toBe(offset);
        if (page.jobs.length === 0) break;
        expect(page.jobs).toHaveLength(1);
        expect(page.jobs[0]!.status).toBe(status);
        seen.push(page.jobs[0]!.id);
      }
      expect(seen).toEqual(expected);
    }
    expect((await getJson(`${server.url}/v1/jobs?status=finished`)).status).toBe(400);
    expect((await getJson(`${server.url}/v1/jobs?limit=0`)).status).toBe(400);
  });

  it('DELETE removes a job and its folder', async () => {
    const up = await upload(server.url, LO_RULED);
    const id = String(up.body.id);
    await waitFor(server.url, id);
    expect(existsSync(join(data, 'jobs', id))).toBe(true);
    const total = (await getJson<{ total: number }>(`${server.url}/v1/jobs`)).body.total;
    expect((await fetch(`${server.url}/v1/jobs/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(`${server.url}/v1/jobs/${id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/v1/jobs/${id}/files/document.json`)).status).toBe(404);
    expect(existsSync(join(data, 'jobs', id))).toBe(false);
    expect((await getJson<{ total: number }>(`${server.url}/v1/jobs`)).body.total).toBe(total - 1);
    expect((await fetch(`${server.url}/v1/jobs/${id}`, { method: 'DELETE' })).status).toBe(404);

    // a job deleted while queued or running: gone at once from the API, its folder once its worker is done
    const running = await upload(server.url, SEED, { ocr: 'never', dpi: '200' });
    expect(running.status).toBe(202);
    const rid = String(running.body.id);
    expect((await fetch(`${server.url}/v1/jobs/${rid}`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(`${server.url}/v1/jobs/${rid}`)).status).toBe(404);
    for (let i = 0; i < 600 && existsSync(join(data, 'jobs', rid)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(data, 'jobs', rid))).toBe(false);
    expect((await getJson(`${server.url}/v1/jobs/${rid}`)).status).toBe(404);
  }, 120_000);

  it('/openapi.json is OpenAPI 3.1 with every route, and the real answers match its zod-made schemas', async () => {
    const { status, body: doc } = await getJson<Record<string, any>>(`${server.url}/openapi.json`);
    expect(status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'gongwen', version: expect.any(String) });
    const routes = Object.fromEntries(Object.entries(doc.paths as Record<string, object>).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect(routes).toEqual({
      '/healthz': ['get'],
      '/openapi.json': ['get'],
      '/v1/extract': ['post'],
      '/v1/jobs': ['get'],
      '/v1/jobs/{id}': ['delete', 'get'],
      '/v1/jobs/{id}/files/{path}': ['get'],
      '/v1/jobs/{id}/archive': ['get'],
    });
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const p of path.match(/\{(\w+)\}/g) ?? []) expect(op.parameters.some((x: any) => x.in === 'path' && x.name === p.slice(1, -1) && x.required), `${method} ${path} ${p}`).toBe(true);
      }
    }
    const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
    for (const name of ['JobOptions', 'JobState', 'JobStatus', 'JobCreated', 'JobList', 'Error', 'Health']) expect(schemas[name], name).toBeDefined();
    for (const ref of refsIn(doc)) expect(() => resolveRef(doc, ref), ref).not.toThrow();
    expect(Object.keys(schemas.JobOptions!.properties as object).sort()).toEqual(['dpi', 'ocr', 'ocrEngine', 'password', 'report']);

    // the answers of this very server satisfy the document
    const answer = (path: string, method: string, code: number) => doc.paths[path][method].responses[code].content['application/json'].schema;
    expect(check(created, answer('/v1/extract', 'post', 202), doc)).toEqual([]);
    expect(check((await getJson(`${server.url}/v1/jobs/${seedId}`)).body, answer('/v1/jobs/{id}', 'get', 200), doc)).toEqual([]);
    expect(check((await getJson(`${server.url}/v1/jobs?status=failed`)).body, answer('/v1/jobs', 'get', 200), doc)).toEqual([]);
    expect(check((await getJson(`${server.url}/v1/jobs/${'0'.repeat(32)}`)).body, answer('/v1/jobs/{id}', 'get', 404), doc)).toEqual([]);
    expect(check((await getJson(`${server.url}/healthz`)).body, answer('/healthz', 'get', 200), doc)).toEqual([]);
    // and the checker does catch a wrong answer
    expect(check({ id: 1, status: 'running' }, answer('/v1/jobs/{id}', 'get', 200), doc).length).toBeGreaterThan(1);
  });

  it('after a restart, finished jobs are served from disk and unfinished ones run again', async () => {
    expect(await server.stop()).toBe(0);
    const done = (await getJsonFromDisk(data)).filter((s) => s !== seedId);
    // the seed job as if the server had stopped while it ran: no state.json, no outputs
    rmSync(join(data, 'jobs', seedId, 'state.json'));
    rmSync(join(data, 'jobs', seedId, 'out'), { recursive: true });
    server = await startServer(['--data', data, '--jobs', '1']);
    for (const id of done) expect(['done', 'failed']).toContain((await getJson<State>(`${server.url}/v1/jobs/${id}`)).body.status);
    // queued again (a fresh worker needs seconds to start and read 34 pages): no file is served before it is done
    expect(['queued', 'active']).toContain((await getJson<State>(`${server.url}/v1/jobs/${seedId}`)).body.status);
    expect((await fileBytes(server.url, seedId, 'document.json')).status).toBe(409);
    const state = (await waitFor(server.url, seedId)) as State;
    expect(state.status).toBe('done');
    const ref = reference.get('seed')!;
    expect(state.outputs).toEqual([...ref.keys()].sort());
    for (const path of ['document.json', 'tables.json', 'report.html']) expect((await fileBytes(server.url, seedId, path)).bytes.equals(ref.get(path)!), path).toBe(true);
  }, 240_000);
});

/** Ids of the job folders that have a state.json. */
async function getJsonFromDisk(data: string): Promise<string[]> {
  return readdirSync(join(data, 'jobs')).filter((id) => existsSync(join(data, 'jobs', id, 'state.json')));
}

describe('gongwen serve: API key and upload limit', () => {
  let server: Server;
  let data: string;
  const KEY = 'k3y-for-the-test';
  const auth = { authorization: `Bearer ${KEY}` };

  beforeAll(async () => {
    data = temp();
    server = await startServer(['--data', data, '--jobs', '1', '--max-upload', '64KiB'], { GONGWEN_API_KEY: KEY });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('needs the key on every route but /healthz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (const path of ['/v1/jobs', `/v1/jobs/${'a'.repeat(32)}`, '/openapi.json', `/v1/jobs/${'a'.repeat(32)}/files/document.json`]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(401);
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${KEY}x` } })).status, path).toBe(401);
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: KEY } })).status, path).toBe(401);
    }
    expect((await fetch(`${server.url}/v1/jobs`, { headers: auth })).status).toBe(200);
    expect((await upload(server.url, HELLO)).status).toBe(401);
    const doc = (await getJson<Record<string, any>>(`${server.url}/openapi.json`, auth)).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(readdirSync(join(data, 'jobs'))).toEqual([]);
  });

  it('refuses an upload over --max-upload with 413 and keeps nothing of it', async () => {
    expect(statSync(LO_RULED).size).toBeGreaterThan(64 * 1024);
    const big = await upload(server.url, LO_RULED, {}, auth);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/--max-upload/);
    expect(readdirSync(join(data, 'jobs'))).toEqual([]);
    expect(readdirSync(join(data, 'uploads'))).toEqual([]);
    const small = await upload(server.url, HELLO, {}, auth);
    expect(small.status).toBe(202);
    expect(((await waitFor2(server.url, String(small.body.id), auth)) as State).status).toBe('done');
  }, 120_000);
});

async function waitFor2(url: string, id: string, headers: Record<string, string>): Promise<unknown> {
  for (let i = 0; i < 600; i++) {
    const { body } = await getJson<State>(`${url}/v1/jobs/${id}`, headers);
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('gongwen serve: command line', () => {
  it('has --help (exit 0) and refuses a bad --queue in one line', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-upload');
    const typo = spawnSync(process.execPath, [BIN, 'serve', '--prot', '1'], { encoding: 'utf8' });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean --port?');
    const bad = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--data', temp(), '--queue', 'rabbit://x'], { encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining("--queue expects memory or redis://HOST:PORT[/DB], got 'rabbit://x'")]);
  });

});
