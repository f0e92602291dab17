/**
 * ocrPage on a synthetic ruled page with a scripted engine: the page-level reading misreads the
 * first data row (no number in it, so it looks like a second header row); the cell-by-cell
 * re-reading gets it right, and the header/body split is decided again on the re-read text.
 * Each cell holds a black bar of its own width, which is how the scripted engine knows the cell.
 */
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrLine } from '../../src/ocr/types.ts';
import type { GrayImage, PageRaster } from '../../src/raster/types.ts';
import type { TextItem } from '../../src/model/types.ts';
import { ocrPage } from '../../src/pipeline/ocrPage.ts';
import { GRID, ruledPage } from '../helpers/ruledPage.ts';

const { dpi: DPI, xs: XS, ys: YS } = GRID;
const TRUTH = GRID.truth.map((r) => [...r]);
const PAGE_READ = [
  ['序号', '名称', '金额'],
  ['l', '甲', '六一八'],
  ['2', '乙', '1750'],
];
const barWidth = (r: number, c: number): number => 12 + 6 * (3 * r + c);

function page(): GrayImage {
  return ruledPage(XS, YS, TRUTH.flatMap((row, r) => row.map((_, c) => ({ x0: XS[c]! + 20, top: YS[r]! + 22, x1: XS[c]! + 20 + barWidth(r, c), bottom: YS[r]! + 38 }))));
}

/** The width of the widest run of dark pixels on any row of `img`. */
function widestRun(img: GrayImage): number {
  let best = 0;
  for (let y = 0; y < img.height; y++) {
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      run = img.data[y * img.width + x]! < 128 ? run + 1 : 0;
      best = Math.max(best, run);
    }
  }
  return best;
}

const engine: OcrEngine = {
  name: 'ppocr',
  async readLines(): Promise<OcrLine[]> {
    return PAGE_READ.flatMap((row, r) => row.map((text, c) => ({ text, confidence: 0.95, bbox: { x0: XS[c]! + 20, top: YS[r]! + 22, x1: XS[c]! + 20 + barWidth(r, c), bottom: YS[r]! + 38 } })));
  },
  async readCell(img): Promise<OcrLine[]> {
    const w = widestRun(img);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) if (Math.abs(barWidth(r, c) - w) <= 2) return [{ text: TRUTH[r]![c]!, confidence: 0.97, bbox: { x0: 0, top: 0, x1: img.width, bottom: img.height } }];
    return [];
  },
  async close() {},
};

describe('ocrPage', () => {
  it('re-reads cells and decides header and body rows again on the re-read text', async () => {
    const image = page();
    const k = 72 / DPI;
    const raster: PageRaster = { page: 1, image, dpi: DPI, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: x * k, y: y * k }) };
    const res = await ocrPage(raster, { page: 1, width: image.width * k, height: image.height * k, rotate: 0 }, engine);
    expect(res.fragments).toHaveLength(1);
    const f = res.fragments[0]!;
    expect(f.rows).toEqual(TRUTH);
    expect(f.rowKinds).toEqual(['header', 'body', 'body']);
    // boxes in page points: the first cell spans the first grid column
    const c = f.cells.find((x) => x.row === 0 && x.col === 0)!;
    expect(c.bbox.x0).toBeCloseTo(XS[0]! * k, 0);
    expect(c.bbox.x1).toBeCloseTo(XS[1]! * k, 0);
  });
});

describe("ocrPage on a page read 'both'", () => {
  it('keeps the text layer where it has text and reads the rest from the image', async () => {
    const image = page();
    const k = 72 / DPI;
    const raster: PageRaster = { page: 1, image, dpi: DPI, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: x * k, y: y * k }) };
    // the header row is in the text layer (page points), with a text the image alone would not give
    const header = ['序号', '名称', '金额（万元）'];
    const textLayer: TextItem[] = header.map((text, c) => {
      const bbox = { x0: (XS[c]! + 20) * k, top: (YS[0]! + 22) * k, x1: (XS[c]! + 20 + barWidth(0, c)) * k, bottom: (YS[0]! + 38) * k };
      return { text, orig: text, page: 1, bbox, fontSize: 16 * k, source: 'pdf', confidence: 1 };
    });
    const res = await ocrPage(raster, { page: 1, width: image.width * k, height: image.height * k, rotate: 0 }, engine, {}, textLayer);
    const f = res.fragments[0]!;
    expect(f.rows).toEqual([header, TRUTH[1], TRUTH[2]]);
    expect(f.cells.filter((c) => c.row === 0).every((c) => c.confidence === 1)).toBe(true);
    expect(f.cells.filter((c) => c.row > 0).every((c) => c.confidence < 1)).toBe(true);
    // the page's items: the text layer's own, then OCR lines outside it (none over the header)
    expect(res.content.items.slice(0, 3)).toEqual(textLayer);
    expect(res.content.items.slice(3).map((i) => i.text)).toEqual(PAGE_READ.slice(1).flat());
  });
});
