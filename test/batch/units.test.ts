/** The batch's small parts in-process: manifest keys and reading, temp clean-up, progress output. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync as mkdtemp, mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactManifest, isFinished, loadManifest, optionsKey, type ManifestEntry } from '../../src/batch/manifest.ts';
import { removeStaleTemps, prepareOutDir, OutDirError } from '../../src/batch/outdir.ts';
import { formatDuration, formatSummary, makeReporter, type FileEvent } from '../../src/batch/progress.ts';
import { VERSION } from '../../src/version.ts';

const made: string[] = [];
/** A temp folder removed after the tests. */
function mkdtempSync(prefix: string): string {
  const d = mkdtemp(prefix);
  made.push(d);
  return d;
}
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = { password: undefined, bom: false, raw: false, maxPages: 2000, report: false };
const entry = (over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  document: 'a/b', path: 'in/a/b.pdf', sha256: 'f'.repeat(64), version: VERSION, options: optionsKey(base),
  status: 'ok', final: true, pages: 2, method: 'text', tables: 1, documents: 1,
  findings: { error: 1, warning: 0, info: 0 }, error: '', ...over,
});

describe('manifest', () => {
  it('keys on the options that change outputs, never on the password itself', () => {
    expect(optionsKey({ ...base, bom: true })).not.toBe(optionsKey(base));
    expect(optionsKey({ ...base, raw: true })).not.toBe(optionsKey(base));
    expect(optionsKey({ ...base, maxPages: 5 })).not.toBe(optionsKey(base));
    expect(optionsKey({ ...base, report: true })).not.toBe(optionsKey(base));
    expect(optionsKey({ ...base, password: 'secret' })).not.toBe(optionsKey(base));
    expect(optionsKey({ ...base, password: 'secret' })).not.toContain('secret');
  });

  it('says finished only for the same path, content, version and options, and a final outcome', () => {
    const e = entry();
    expect(isFinished(e, e.path, e.sha256, e.options)).toBe(true);
    expect(isFinished(undefined, e.path, e.sha256, e.options)).toBe(false);
    expect(isFinished(e, 'other.pdf', e.sha256, e.options)).toBe(false);
    expect(isFinished(e, e.path, '0'.repeat(64), e.options)).toBe(false);
    expect(isFinished(e, e.path, e.sha256, optionsKey({ ...base, bom: true }))).toBe(false);
    expect(isFinished({ ...e, version: '0.0.0' }, e.path, e.sha256, e.options)).toBe(false);
    expect(isFinished({ ...e, status: 'failed', final: false, error: 'timeout after 300s' }, e.path, e.sha256, e.options)).toBe(false);
  });

  it('reads the latest entry per document, ignores a line cut short by a kill, and compacts deterministically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-manifest-'));
    const path = join(dir, 'manifest.jsonl');
    const lines = [entry({ document: 'z', pages: 1 }), entry({ document: 'a' }), entry({ document: 'z', pages: 3 })].map((e) => JSON.stringify(e));
    writeFileSync(path, lines.join('\n') + '\n' + lines[1]!.slice(0, 40));
    const m = await loadManifest(path);
    expect([...m.keys()]).toEqual(['z', 'a']);
    expect(m.get('z')!.pages).toBe(3);
    await compactManifest(path, m);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n').filter(Boolean).map((l) => JSON.parse(l).document)).toEqual(['a', 'z']);
    await compactManifest(path, await loadManifest(path));
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('output folder', () => {
  it('removes temp siblings at every level but leaves document folders and other dot-files alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-temps-'));
    const keep = [join(out, 'x', 'doc', 'document.json'), join(out, '.keep'), join(out, 'x', 'doc', 'tables', '.t1.csv.tmp-1-zzzzzzzz')];
    const gone = [join(out, 'x', '.doc.tmp-12-0a1b2c3d'), join(out, '.y.tmp-3-deadbeef.old'), join(out, 'x', 'doc', '.findings.json.tmp-4-01234567')];
    for (const f of [...keep, ...gone]) {
      mkdirSync(join(f, '..'), { recursive: true });
      writeFileSync(f, '');
    }
    expect(await removeStaleTemps(out)).toBe(3);
    for (const f of keep) expect(existsSync(f), f).toBe(true);
    for (const f of gone) expect(existsSync(f), f).toBe(false);
  });

  it('refuses a folder another live run holds', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-lock-'));
    mkdirSync(join(out, '_batch'));
    writeFileSync(join(out, '_batch', 'lock'), `${process.ppid}\n`); // alive, a node process (vitest)
    await expect(prepareOutDir(out, '_batch')).rejects.toThrow(OutDirError);
    writeFileSync(join(out, '_batch', 'lock'), '999999999\n'); // no such process: a stale lock
    const release = await prepareOutDir(out, '_batch');
    expect(readFileSync(join(out, '_batch', 'lock'), 'utf8')).toBe(`${process.pid}\n`);
    await release();
    expect(existsSync(join(out, '_batch', 'lock'))).toBe(false);
  });
});

describe('progress', () => {
  const ev = (over: Partial<FileEvent>): FileEvent => ({
    event: 'file', status: 'ok', outcome: 'ok', path: 'in/a.pdf', document: 'a', sha256: 'f'.repeat(64),
    pages: 2, tables: 1, documents: 1, findings: { error: 0, warning: 0, info: 0 }, ms: 12, ...over,
  });

  it('plain: one line per file; failures as `gongwen: <file>: <reason>`', () => {
    const err: string[] = [];
    const r = makeReporter('plain', () => undefined, (s) => err.push(s), '/out');
    r.file(ev({}), 1, 2);
    r.file(ev({ status: 'failed', outcome: 'failed', error: 'empty file', path: 'in/b.pdf' }), 2, 2);
    r.file(ev({ status: 'skipped' }), 2, 2);
    expect(err).toEqual([
      'ok in/a.pdf → /out/a (2 pages, 1 tables, 1 公文, findings: 0 error, 0 warning, 0 info, 12 ms)\n',
      'gongwen: in/b.pdf: empty file\n',
      'skipped in/a.pdf → /out/a (done before: ok)\n',
    ]);
  });

  it('json: events on stdout only, failures also on stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const r = makeReporter('json', (s) => out.push(s), (s) => err.push(s), '/out');
    r.file(ev({ status: 'failed', outcome: 'failed', error: 'no pages' }), 1, 1);
    expect(JSON.parse(out[0]!)).toMatchObject({ event: 'file', status: 'failed', error: 'no pages' });
    expect(err).toEqual(['gongwen: in/a.pdf: no pages\n']);
  });

  it('bar: redrawn in place with files, pages, failures and ETA; failures printed above it', () => {
    const err: string[] = [];
    let t = 0;
    const r = makeReporter('bar', () => undefined, (s) => err.push(s), '/out', () => t);
    r.start({ event: 'start', version: VERSION, files: 4, jobs: 2, out: '/out' });
    t = 10_000;
    r.file(ev({}), 100, 400);
    t = 20_000;
    r.file(ev({ status: 'failed', outcome: 'failed', error: 'empty file' }), 200, 400);
    r.done({ event: 'done', files: 4, ok: 1, partial: 0, failed: 1, skipped: 0, pages: 2, seconds: 20, findings: { error: 0, warning: 0, info: 0 }, peakWorkerRssMiB: 1, peakMainRssMiB: 1, recycledWorkers: 0, out: '/out' });
    expect(err.every((s) => s.startsWith('\r\x1b[K') || s === '\n')).toBe(true);
    expect(err[1]).toContain('[######------------------] 1/4 files · 2 pages · 0 failed · 0:10 elapsed · ETA 0:30');
    expect(err[2]).toBe('\r\x1b[Kgongwen: in/a.pdf: empty file\n');
    expect(err[3]).toContain('2/4 files · 2 pages · 1 failed · 0:20 elapsed · ETA 0:20');
  });

  it('summary and durations', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(
      formatSummary({ event: 'done', files: 3, ok: 1, partial: 1, failed: 1, skipped: 0, pages: 10, seconds: 4, findings: { error: 2, warning: 1, info: 0 }, peakWorkerRssMiB: 300, peakMainRssMiB: 90, recycledWorkers: 0, out: 'o' }),
    ).toBe('summary: 3 files: 1 ok, 1 partial, 1 failed, 0 skipped; 10 pages read in 4.0 s, 2.5 pages/s; findings: 2 error, 1 warning, 0 info; outputs in o\n');
  });
});
