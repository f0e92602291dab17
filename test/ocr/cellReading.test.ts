/**
 * Which lattice cells ocrPage reads again from their crops (src/pipeline/cellReading.ts): a cell
 * whose page-level reading is clean keeps it; a cell is re-read when its page line is unsure, runs
 * over a ruling into the next cell, or leaves ink of the cell unread. A synthetic ruled page with a
 * scripted engine: each cell holds a black bar; the engine's page reading is scripted per cell.
 */
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrLine } from '../../src/ocr/types.ts';
import type { GrayImage, PageRaster } from '../../src/raster/types.ts';
import { ocrPage } from '../../src/pipeline/ocrPage.ts';
import { pageReadingHolds } from '../../src/pipeline/cellReading.ts';
import { GRID, ruledPage } from '../helpers/ruledPage.ts';

const { dpi: DPI, xs: XS, ys: YS } = GRID;
const TRUTH = GRID.truth.map((r) => [...r]);
const bar = (r: number, c: number) => ({ x0: XS[c]! + 20, top: YS[r]! + 22, x1: XS[c]! + 20 + 40 + 4 * (3 * r + c), bottom: YS[r]! + 38 });

/** the ruled page; `speck`: a mark of `speck` px² in cell (2, 1) right of its bar (a glyph the page misses) */
function page(speck = 0): GrayImage {
  const s = Math.round(Math.sqrt(speck));
  const marks = TRUTH.flatMap((row, r) => row.map((_, c) => bar(r, c)));
  if (speck > 0) marks.push({ x0: XS[2]! - 60, top: YS[2]! + 25, x1: XS[2]! - 60 + s, bottom: YS[2]! + 25 + s });
  return ruledPage(XS, YS, marks);
}

/** An engine whose page reading is `TRUTH` with per-cell confidence and boxes; counts cell re-reads. */
function engine(confidence: (r: number, c: number) => number, box = bar): OcrEngine & { cellReads: number } {
  const e = {
    name: 'ppocr' as const,
    cellReads: 0,
    async readLines(): Promise<OcrLine[]> {
      return TRUTH.flatMap((row, r) => row.map((text, c) => ({ text, confidence: confidence(r, c), bbox: box(r, c) })));
    },
    async readCell(img: GrayImage): Promise<OcrLine[]> {
      e.cellReads++;
      return [{ text: 'RE-READ', confidence: 0.99, bbox: { x0: 0, top: 0, x1: img.width, bottom: img.height } }];
    },
    async close() {},
  };
  return e;
}

async function read(image: GrayImage, e: OcrEngine) {
  const k = 72 / DPI;
  const raster: PageRaster = { page: 1, image, dpi: DPI, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: x * k, y: y * k }) };
  const res = await ocrPage(raster, { page: 1, width: image.width * k, height: image.height * k, rotate: 0 }, e);
  expect(res.fragments).toHaveLength(1);
  return res.fragments[0]!.rows;
}

describe('cells read again only where the page reading is not clean', () => {
  it('keeps a clean, confident page reading of every cell', async () => {
    const e = engine(() => 0.99);
    expect(await read(page(), e)).toEqual(TRUTH);
    expect(e.cellReads).toBe(0);
  });

  it('re-reads a cell whose page line is unsure', async () => {
    const e = engine((r, c) => (r === 2 && c === 2 ? 0.93 : 0.99));
    const rows = await read(page(), e);
    expect(e.cellReads).toBe(1);
    expect(rows[2]![2]).toBe('RE-READ');
    expect(rows[1]).toEqual(TRUTH[1]);
  });

  it('re-reads a cell whose page line runs over the ruling into the next cell', async () => {
    // the box of (1, 0) reaches 40 px into column 1: its text is not the cell's alone
    const e = engine(() => 0.99, (r, c) => (r === 1 && c === 0 ? { ...bar(r, c), x1: XS[1]! + 40 } : bar(r, c)));
    await read(page(), e);
    expect(e.cellReads).toBeGreaterThanOrEqual(1);
  });

  it('re-reads a cell with ink its page lines do not cover, and not for a speck of noise', async () => {
    const missed = engine(() => 0.99);
    const rows = await read(page(100), missed);
    expect(missed.cellReads).toBe(1);
    expect(rows[2]![1]).toBe('RE-READ');
    const noise = engine(() => 0.99);
    await read(page(4), noise);
    expect(noise.cellReads).toBe(0);
  });

  it('re-reads every cell when told to (keepCellReading above 1)', async () => {
    const e = engine(() => 0.99);
    const k = 72 / DPI;
    const image = page();
    const raster: PageRaster = { page: 1, image, dpi: DPI, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: x * k, y: y * k }) };
    await ocrPage(raster, { page: 1, width: image.width * k, height: image.height * k, rotate: 0 }, e, { keepCellReading: 2 });
    expect(e.cellReads).toBe(9);
  });
});

describe('ink left uncovered by the page lines (pixel edges of fractional boxes)', () => {
  // a 60×30 crop at 1 pt per px: a line item at x 20.5..40.5, y 10..20, grown by a fifth of its
  // height (2 px): it covers the whole pixels 19..42 of rows 8..21
  const item = { text: '文字', orig: '文字', page: 1, bbox: { x0: 20.5, top: 10, x1: 40.5, bottom: 20 }, fontSize: 10, source: 'ocr' as const, confidence: 0.99 };
  const cell = { x0: 0, top: 0, x1: 60, bottom: 30 };
  /** the crop: the item's ink, and a 10-px stroke in column `x` */
  const crop = (x: number): GrayImage => {
    const data = new Uint8Array(60 * 30).fill(255);
    for (let y = 12; y < 18; y++) for (let c = 22; c < 39; c++) data[y * 60 + c] = 0;
    for (let y = 10; y < 20; y++) data[y * 60 + x] = 0;
    return { width: 60, height: 30, data };
  };
  const holds = (x: number): boolean => pageReadingHolds(cell, { x0: 0, top: 0, x1: 60, bottom: 30 }, crop(x), [item], 1, 0.9);
  it('a stroke in the first and last covered columns is covered; one column further out is missed ink', () => {
    expect(holds(19)).toBe(true);
    expect(holds(42)).toBe(true);
    expect(holds(18)).toBe(false);
    expect(holds(43)).toBe(false);
  });
});
