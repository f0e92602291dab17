/**
 * The batch options of `gongwen extract` through the real CLI: --strict, --max-pages, --timeout
 * and --max-memory (the worker killed and replaced, the batch going on), --force, an unusable
 * output folder refused before any work, and temp folders of a killed run cleaned up.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../helpers/samples.ts';
import { gongwen, summaryOf } from './cli.ts';
import { manyPathOps } from '../fuzz/bombs.ts';

describe('gongwen extract batch options', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gongwen-opts-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('--strict exits 1 when a file failed; without it the exit is 0', () => {
    const dir = join(work, 'strict');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.pdf'), '');
    const strict = gongwen(['extract', dir, '--out', join(work, 'strict-out'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr.split('\n')[0]).toBe(`gongwen: ${join(dir, 'empty.pdf')}: empty file`);
    expect(gongwen(['extract', dir, '--out', join(work, 'strict-out2')]).code).toBe(0);
  });

  it('--max-pages fails a longer PDF with "too many pages (N > max)"', () => {
    const r = gongwen(['extract', samplePdf('lines-table'), '--out', join(work, 'pages-out'), '--max-pages', '5', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`gongwen: ${samplePdf('lines-table')}: too many pages (12 > 5)\n`);
  });

  it('--timeout kills a document that runs too long, records it, and goes on with a new worker', () => {
    const out = join(work, 'timeout-out');
    // 10⁷ path operators: ~8 s of reading on an idle machine, far over the limit; the 1-page sample
    // after it needs well under it (the limit leaves room for a loaded machine)
    const slow = join(work, 'slow.pdf');
    writeFileSync(slow, manyPathOps());
    const r = gongwen(['extract', slow, samplePdf('unruled'), '--out', out, '--jobs', '1', '--timeout', '4']);
    expect(r.code).toBe(1); // a file named on the command line failed
    expect(r.stderr).toContain(`gongwen: ${slow}: timeout after 4s\n`);
    expect(r.stderr).toMatch(/^ok .*unruled\.pdf → /m);
    expect(summaryOf(r.stderr)).toMatchObject({ ok: 1, failed: 1 });
    expect(existsSync(join(out, 'slow'))).toBe(false);
    expect(readdirSync(out).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('--max-memory kills a worker above the ceiling ("out of memory") and the batch goes on', () => {
    const r = gongwen(['extract', samplePdf('unruled'), samplePdf('planted-year'), '--out', join(work, 'mem-out'), '--jobs', '1', '--max-memory', '48']);
    expect(r.code).toBe(1); // files named on the command line failed
    expect(r.stderr).toMatch(/unruled\.pdf: (out of memory|worker could not start: out of memory)\n/);
    expect(r.stderr).toMatch(/planted-year\.pdf: (out of memory|worker could not start: out of memory)\n/);
    expect(summaryOf(r.stderr)).toMatchObject({ failed: 2 });
  });

  it('refuses an output folder it cannot write, in one line, before any work', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const r = gongwen(['extract', samplePdf('unruled'), '--out', join(file, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gongwen: .*a-file\/out: output folder is not writable: a part of the path is a file, not a folder \(ENOTDIR\)$/m);
  });

  it('removes temp folders a killed run left, and --force redoes finished files', () => {
    const inDir = join(work, 'force-in');
    const out = join(work, 'force-out');
    mkdirSync(inDir);
    copyFileSync(samplePdf('unruled'), join(inDir, 'u.pdf'));
    const stale = [join(out, '.u.tmp-99999-0123abcd'), join(out, '.u.tmp-99999-0123abcd.tmp-1-deadbeef.old'), join(out, '_batch', '.manifest.jsonl.tmp-5-cafebabe')];
    mkdirSync(stale[0]!, { recursive: true });
    writeFileSync(join(stale[0]!, 'document.json'), '{');
    mkdirSync(stale[1]!, { recursive: true });
    mkdirSync(join(out, '_batch'), { recursive: true });
    writeFileSync(stale[2]!, 'partial');
    const r1 = gongwen(['extract', inDir, '--out', out]);
    expect(summaryOf(r1.stderr)).toMatchObject({ ok: 1 });
    for (const s of stale) expect(existsSync(s), s).toBe(false);
    const forced = gongwen(['extract', inDir, '--out', out, '--force']);
    expect(summaryOf(forced.stderr)).toMatchObject({ ok: 1, skipped: 0 }); // skipping: batch.test.ts
  });

  it('rejects bad option values as usage errors', () => {
    expect(gongwen(['extract', samplePdf('unruled'), '--out', join(work, 'x'), '--jobs', '0']).code).toBe(2);
    expect(gongwen(['extract', samplePdf('unruled'), '--out', join(work, 'x'), '--progress', 'fancy']).code).toBe(2);
  });
});
