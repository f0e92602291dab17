/**
 * tesseract.js engine on real renders of the seed sample (born-digital, so the text layer is the
 * truth): three table cells cropped from the ruled grid on page 8, and prose page 1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTesseractEngine } from '../../src/ocr/tesseract.ts';
import { clearEdgeLines, countDark, grayToPgm, padWhite } from '../../src/ocr/tesseractImage.ts';
import { pageToOcrLines, tidyTesseractText } from '../../src/ocr/tesseractLines.ts';
import type { OcrEngine } from '../../src/ocr/types.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import type { BBox, PageContent, RulingLine } from '../../src/model/types.ts';
import { openPdf } from '../../src/read/pdfjs.ts';
import { renderPage } from './fixtures.ts';
import { samplePdf } from '../helpers/samples.ts';

const DPI = 300;

/** The part of `img` under `box` (PDF points, top-left origin) at `dpi`. */
function cropPoints(img: GrayImage, box: BBox, dpi: number): GrayImage {
  const s = dpi / 72;
  const x = Math.max(0, Math.round(box.x0 * s));
  const y = Math.max(0, Math.round(box.top * s));
  const w = Math.min(img.width - x, Math.round((box.x1 - box.x0) * s));
  const h = Math.min(img.height - y, Math.round((box.bottom - box.top) * s));
  const data = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) data.set(img.data.subarray((y + r) * img.width + x, (y + r) * img.width + x + w), r * w);
  return { width: w, height: h, data };
}

/** The grid cell around the item whose text is `text`: between the nearest rulings (their centres). */
function cellAround(page: PageContent, text: string): BBox {
  const item = page.items.find((i) => i.text === text);
  if (!item) throw new Error(`no item ${text}`);
  const cx = (item.bbox.x0 + item.bbox.x1) / 2;
  const cy = (item.bbox.top + item.bbox.bottom) / 2;
  const spans = (r: RulingLine, v: number): boolean => r.from <= v && v <= r.to;
  const vs = page.rulings.filter((r) => r.axis === 'v' && spans(r, cy)).map((r) => r.at);
  const hs = page.rulings.filter((r) => r.axis === 'h' && spans(r, cx)).map((r) => r.at);
  return {
    x0: Math.max(...vs.filter((x) => x < cx)),
    x1: Math.min(...vs.filter((x) => x > cx)),
    top: Math.max(...hs.filter((y) => y < cy)),
    bottom: Math.min(...hs.filter((y) => y > cy)),
  };
}

function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

const noSpace = (s: string): string => s.replace(/\s+/g, '');

describe('tesseract image and result helpers', () => {
  it('writes a P5 PGM of the image', () => {
    const pgm = grayToPgm({ width: 3, height: 2, data: new Uint8Array([0, 1, 2, 3, 4, 255]) });
    expect(pgm.subarray(0, 11).toString('latin1')).toBe('P5\n3 2\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 1, 2, 3, 4, 255]);
  });

  it('pads with white and clears a border remnant along an edge, not the text', () => {
    // 10×6: a full dark column at x=0 (border), a short dark stroke at x=5 (text)
    const data = new Uint8Array(60).fill(255);
    for (let y = 0; y < 6; y++) data[y * 10] = 0;
    for (let y = 1; y < 5; y++) data[y * 10 + 5] = 0;
    const clean = clearEdgeLines({ width: 10, height: 6, data }, 3, 128, 0.9);
    expect(countDark(clean, 128)).toBe(4);
    const padded = padWhite(clean, 2);
    expect([padded.width, padded.height]).toEqual([14, 10]);
    expect(countDark(padded, 128)).toBe(4);
    expect(padded.data[3 * 14 + 7]).toBe(0);
  });

  it('maps tesseract lines: spaces between CJK removed, 0..1 confidence, boxes back in the crop', () => {
    const line = (text: string, confidence: number, x0: number, y0: number, x1: number, y1: number) => ({
      text, confidence, bbox: { x0, y0, x1, y1 }, words: [],
    });
    const page = {
      blocks: [{ paragraphs: [{ lines: [line('双 河 村\n', 92, 30, 20, 90, 50), line(' \n', 0, 0, 0, 1, 1), line('2023 年 ， 根 据', 88, 5, 60, 300, 90)] }] }],
    } as unknown as Parameters<typeof pageToOcrLines>[0];
    expect(pageToOcrLines(page, { dx: 10, dy: 10, width: 200, height: 70 })).toEqual([
      { text: '双河村', confidence: 0.92, bbox: { x0: 20, top: 10, x1: 80, bottom: 40 } },
      { text: '2023 年，根据', confidence: 0.88, bbox: { x0: 0, top: 50, x1: 200, bottom: 70 } },
    ]);
    expect(tidyTesseractText('市 委 办 公 厅 、 汉 口 银 行\n')).toBe('市委办公厅、汉口银行');
  });

  it('splits a line at a gap of more than 1.2 line heights (a row of an unruled table)', () => {
    const word = (text: string, confidence: number, x0: number, x1: number) => ({ text, confidence, bbox: { x0, y0: 10, x1, y1: 40 } });
    const words = [word('水', 90, 0, 30), word('电', 90, 32, 62), word('费', 90, 64, 94), word('36,500.00', 80, 300, 420), word('98.3%', 70, 600, 680)];
    const page = { blocks: [{ paragraphs: [{ lines: [{ text: '水 电 费 36,500.00 98.3%', confidence: 84, bbox: { x0: 0, y0: 10, x1: 680, y1: 40 }, words }] }] }] } as unknown as Parameters<typeof pageToOcrLines>[0];
    expect(pageToOcrLines(page, { dx: 0, dy: 0, width: 700, height: 50 })).toEqual([
      { text: '水电费', confidence: 0.9, bbox: { x0: 0, top: 10, x1: 94, bottom: 40 } },
      { text: '36,500.00', confidence: 0.8, bbox: { x0: 300, top: 10, x1: 420, bottom: 40 } },
      { text: '98.3%', confidence: 0.7, bbox: { x0: 600, top: 10, x1: 680, bottom: 40 } },
    ]);
  });
});

describe('tesseract.js engine on the seed sample (offline)', () => {
  const pdf = new Uint8Array(readFileSync(samplePdf('seed')));
  let engine: OcrEngine;
  let page1: GrayImage;
  let page8: GrayImage;
  let content1: PageContent;
  let content8: PageContent;

  beforeAll(async () => {
    const h = await openPdf(pdf);
    content1 = await h.readPage(1);
    content8 = await h.readPage(8);
    await h.close();
    page1 = await renderPage(samplePdf('seed'), 1, DPI);
    page8 = await renderPage(samplePdf('seed'), 8, DPI);
    const t = performance.now();
    engine = await createTesseractEngine({ dpi: DPI });
    console.log(`tesseract: worker ready in ${Math.round(performance.now() - t)} ms`);
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('reads table cells cropped between the ruling lines (border remnants included)', async () => {
    const texts = ['双河村', '市委办公厅、汉口银行', '1', '崇杰村', '临空港开发区（东西湖区）'];
    const got: string[] = [];
    const conf: number[] = [];
    const t = performance.now();
    for (const text of texts) {
      const lines = await engine.readCell(cropPoints(page8, cellAround(content8, text), DPI));
      got.push(lines.map((l) => l.text).join(''));
      conf.push(Math.min(...lines.map((l) => l.confidence)));
    }
    const ms = (performance.now() - t) / texts.length;
    console.log(`tesseract cells: ${Math.round(ms)} ms/cell`, JSON.stringify(got), conf.join(' '));
    expect(got.slice(0, 3)).toEqual(['双河村', '市委办公厅、汉口银行', '1']);
    for (const c of conf.slice(0, 3)) expect(c).toBeGreaterThan(0.7);
  });

  it('gives [] for an empty cell and boxes inside the crop', async () => {
    const white: GrayImage = { width: 200, height: 60, data: new Uint8Array(200 * 60).fill(255) };
    expect(await engine.readCell(white)).toEqual([]);
    const crop = cropPoints(page8, cellAround(content8, '双河村'), DPI);
    const [line] = await engine.readCell(crop);
    expect(line!.bbox.x0).toBeGreaterThanOrEqual(0);
    expect(line!.bbox.x1).toBeLessThanOrEqual(crop.width);
    expect(line!.bbox.bottom).toBeLessThanOrEqual(crop.height);
    // the text sits in the middle of its cell
    const mid = (line!.bbox.x0 + line!.bbox.x1) / 2;
    expect(Math.abs(mid - crop.width / 2)).toBeLessThan(crop.width * 0.1);
  });

  it('reads a prose page; the first body line within 1 character', async () => {
    const t = performance.now();
    const lines = await engine.readLines(page1);
    const ms = performance.now() - t;
    const s = DPI / 72;
    const truth = content1.items.filter((i) => i.text.startsWith('2023 年，根据'))[0]!;
    const hit = lines.find((l) => Math.abs(l.bbox.top / s - truth.bbox.top) < 6 && Math.abs(l.bbox.x0 / s - truth.bbox.x0) < 20);
    expect(hit).toBeDefined();
    const d = editDistance(noSpace(hit!.text), noSpace(truth.text));
    // page-level character error rate against the text layer (reading order is the same: one column)
    const ocrAll = noSpace(lines.map((l) => l.text).join(''));
    const truthAll = noSpace(content1.items.filter((i) => !/^— \d+ —$/.test(i.text)).map((i) => i.text).join(''));
    const cer = editDistance(ocrAll, truthAll) / Array.from(truthAll).length;
    console.log(`tesseract page: ${Math.round(ms)} ms, ${lines.length} lines, CER ${(100 * cer).toFixed(1)}%, line '${hit!.text}' (distance ${d})`);
    expect(d).toBeLessThanOrEqual(1);
    expect(cer).toBeLessThan(0.15);
  });
});
