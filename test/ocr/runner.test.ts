/**
 * OCR runners (issue #4): a page OCR'd in a worker thread gives exactly what it gives in this
 * thread (the raster travels as pixels + affine matrix and comes back as PDF points); pages are
 * read concurrently up to `slots`; a thread that dies fails its page with a one-line reason and
 * the next page gets a new thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { PageInfo } from '../../src/model/types.ts';
import type { PageRaster } from '../../src/raster/types.ts';
import { messageToRaster, rasterToMessage } from '../../src/raster/transfer.ts';
import { createOcrRunner, inThreadRunner, type OcrPageRunner } from '../../src/pipeline/ocrRunner.ts';
import { threadRunner } from '../../src/pipeline/ocrThreads.ts';
import { renderRegions, SEED_PDF } from './fixtures.ts';
import { fileURLToPath } from 'node:url';

const DPI = 200;
/** the budget table of seed page 2 with its caption (points, top-left origin) */
const REGION = { x0: 60, top: 150, x1: 540, bottom: 330 };

async function tableRaster(): Promise<PageRaster> {
  const [img] = await renderRegions(SEED_PDF, 2, [REGION], DPI);
  const k = 72 / DPI;
  return { page: 2, image: img!, dpi: DPI, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: REGION.x0 + x * k, y: REGION.top + y * k }) };
}
const info: PageInfo = { page: 2, width: 595.28, height: 841.89, rotate: 0 };
const copy = (r: PageRaster): PageRaster => ({ ...r, image: { ...r.image, data: r.image.data.slice() } });

const runners: OcrPageRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

describe('raster messages', () => {
  it('keep pixels and the pixel → point transform', async () => {
    const r = await tableRaster();
    const back = messageToRaster(rasterToMessage(copy(r)).message);
    expect(back.image.data).toEqual(r.image.data);
    for (const [x, y] of [[0, 0], [100, 37], [r.image.width, r.image.height]] as const) {
      expect(back.toPoints(x, y).x).toBeCloseTo(r.toPoints(x, y).x, 9);
      expect(back.toPoints(x, y).y).toBeCloseTo(r.toPoints(x, y).y, 9);
    }
  });
});

describe('OCR in worker threads', () => {
  it('gives the same page as in this thread, two pages at once', async () => {
    const raster = await tableRaster();
    const local = inThreadRunner('ppocr');
    const threads = await createOcrRunner('ppocr', 2);
    runners.push(local, threads);
    expect(threads.slots).toBe(2);
    const want = await local.run(copy(raster), info);
    const t0 = performance.now();
    const got = await Promise.all([threads.run(copy(raster), info), threads.run(copy(raster), info)]);
    console.log(`two pages in two threads: ${Math.round(performance.now() - t0)} ms (incl. model loading)`);
    for (const g of got) {
      expect(g.fragments.map((f) => f.rows)).toEqual(want.fragments.map((f) => f.rows));
      expect(g.content.items.map((i) => i.text)).toEqual(want.content.items.map((i) => i.text));
      const [a, b] = [g.fragments[0]!.cells[0]!.bbox, want.fragments[0]!.cells[0]!.bbox];
      for (const k of ['x0', 'top', 'x1', 'bottom'] as const) expect(a[k]).toBeCloseTo(b[k], 6);
    }
    // the table's cells come back in page points inside the region
    const cells = got[0]!.fragments.flatMap((f) => f.cells);
    expect(cells.length).toBeGreaterThan(8);
    for (const c of cells) {
      expect(c.bbox.x0).toBeGreaterThanOrEqual(REGION.x0 - 1);
      expect(c.bbox.bottom).toBeLessThanOrEqual(REGION.bottom + 1);
    }
    expect(got[0]!.fragments.flatMap((f) => f.rows.flat()).join('')).toContain('1750');
  }, 120_000);

  it('a page that kills its thread fails alone with one line; the next page gets a new thread', async () => {
    const threads = threadRunner('ppocr', 1, fileURLToPath(new URL('./dyingThread.ts', import.meta.url)));
    runners.push(threads);
    const raster = await tableRaster();
    await expect(threads.run(copy(raster), info)).rejects.toThrow(/^OCR thread exited \(code 3\)$/);
    await expect(threads.run(copy(raster), info)).rejects.toThrow(/^OCR thread exited \(code 3\)$/);
    const ok = await createOcrRunner('ppocr', 2);
    runners.push(ok);
    expect((await ok.run(copy(raster), info)).fragments.length).toBeGreaterThan(0);
  }, 120_000);

  it('a page over its time budget has its thread stopped and fails alone with one line', async () => {
    const stuck = threadRunner('ppocr', 1, fileURLToPath(new URL('./stuckThread.ts', import.meta.url)), 800);
    runners.push(stuck);
    const raster = await tableRaster();
    const t0 = performance.now();
    await expect(stuck.run(copy(raster), info)).rejects.toThrow(/^page \d+: OCR took longer than 0\.8 s \(--page-timeout\): skipped$/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    // the next page gets a new thread (which is stuck too, and stopped too)
    await expect(stuck.run(copy(raster), info)).rejects.toThrow(/took longer than 0\.8 s/);
  }, 60_000);
});
