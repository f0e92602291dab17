/**
 * Page-level progress: extraction tells each page read to the end, the worker process passes it on,
 * the pool hands it to its caller and the batch reports it (json `page` events, the bar's pages).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/batch/pool.ts';
import { makeReporter, SettlingEta, type PageEvent } from '../../src/batch/progress.ts';
import { lang, setLang } from '../../src/i18n/index.ts';
import { samplePdf } from '../helpers/samples.ts';
import { gongwen } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pagesDone must run 0, 1, …, pages with one `pages` throughout */
function expectInOrder(seen: { pagesDone: number; pages: number }[], pages: number): void {
  expect(seen.map((e) => e.pagesDone)).toEqual(Array.from({ length: pages + 1 }, (_, i) => i));
  expect(new Set(seen.map((e) => e.pages))).toEqual(new Set([pages]));
}

describe('page progress', () => {
  it('the pool calls back with (job, pagesDone, pages) in order, up to the page count of a 12-page PDF', async () => {
    const pool = new WorkerPool({ timeoutMs: 120_000, maxMemoryMiB: 2048, rssPollMs: 200 });
    const seen: { path: string; pagesDone: number; pages: number }[] = [];
    try {
      const job = { path: samplePdf('lines-table'), dir: join(dir, 'pool'), bom: false, raw: false, maxPages: 100, report: false, ocr: 'never' as const };
      const r = await pool.run(job, (j, pagesDone, pages) => seen.push({ path: j.path, pagesDone, pages }));
      expect(r.result.status).not.toBe('failed');
      expect(r.result.pages).toBe(12);
      expectInOrder(seen, r.result.pages);
      expect(new Set(seen.map((e) => e.path))).toEqual(new Set([job.path]));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('the batch prints page events before each file event (OCR pages included); a broken file has none', () => {
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\nnot really a pdf');
    const r = gongwen(['extract', samplePdf('mixed'), samplePdf('planted-total'), broken, '--out', join(dir, 'o'), '--jobs', '2', '--progress', 'json']);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const files = events.filter((e) => e.event === 'file') as { path: string; status: string; pages: number }[];
    expect(files).toHaveLength(3);
    for (const f of files) {
      const pages = events.filter((e) => e.event === 'page' && e.path === f.path) as unknown as PageEvent[];
      if (f.status === 'failed') {
        expect(f.path).toBe(broken);
        continue;
      }
      expect(f.pages).toBeGreaterThan(1);
      expectInOrder(pages, f.pages);
      // every page event of a file comes before its file event
      const fileAt = events.indexOf(f as Record<string, unknown>);
      const lastPage = Math.max(...events.map((e, i) => (e.event === 'page' && e.path === f.path ? i : -1)));
      expect(lastPage).toBeLessThan(fileAt);
    }
    expect(files.find((f) => f.path === broken)?.status).toBe('failed');
  }, 240_000);

  it('the bar moves within a file: pages read and a filled share before the file ends', () => {
    const err: string[] = [];
    let t = 0;
    const r = makeReporter('bar', () => undefined, (s) => err.push(s), '/out', () => t);
    r.start({ event: 'start', version: 'x', files: 1, jobs: 1, out: '/out' });
    for (let p = 0; p <= 150; p++) {
      t = p * 1000;
      r.page({ event: 'page', path: 'scan.pdf', document: 'scan', pagesDone: p, pages: 300 });
    }
    const last = err.at(-1)!;
    expect(last).toContain('[############------------] 0/1 files · 150 pages');
    // 150 pages in 150 s, 150 to go: about 2:30 left
    const m = /ETA (\d+):(\d\d)/.exec(last)!;
    expect(Math.abs(Number(m[1]) * 60 + Number(m[2]) - 150)).toBeLessThanOrEqual(5);
  });

  it('the bar speaks Chinese under zh', () => {
    const was = lang();
    setLang('zh');
    try {
      const err: string[] = [];
      let t = 0;
      const r = makeReporter('bar', () => undefined, (s) => err.push(s), '/out', () => t);
      r.start({ event: 'start', version: 'x', files: 2, jobs: 1, out: '/out' });
      t = 10_000;
      r.page({ event: 'page', path: 'a.pdf', document: 'a', pagesDone: 5, pages: 10 });
      expect(err.at(-1)).toContain('0/2 个文件 · 5 页 · 失败 0 个 · 已用 0:10 · 预计剩余 0:30');
    } finally {
      setLang(was);
    }
  });

  it('the ETA settles: one outlying estimate moves it a little, a lasting change moves it all the way', () => {
    const eta = new SettlingEta(5);
    expect(eta.update(null, 0)).toBeNull();
    expect(eta.update(100, 1)).toBe(100);
    const jumped = eta.update(300, 2)!; // one slow page
    expect(jumped).toBeGreaterThan(99);
    expect(jumped).toBeLessThan(150);
    let shown = jumped;
    for (let s = 3; s < 60; s++) shown = eta.update(300 - s, s)!;
    expect(Math.abs(shown - 241)).toBeLessThan(3);
    expect(eta.update(0, 61)).toBe(0);
  });
});
