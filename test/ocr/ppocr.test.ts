/**
 * PP-OCRv4 engine on real renders of the committed seed sample (200 dpi grey): a title line, table
 * cells of the village table (page 8), half a table page, and empty crops. Regions are PDF points
 * of samples/seed/seed.pdf (boxes from `pdftotext -bbox` and from the born-digital tables.json).
 * PP-OCR returns raw text: it writes 、 as 丶 (U+4E36) and brackets half- or full-width at will, so
 * `fold` maps those before comparing; everything else must match exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BBox } from '../../src/model/types.ts';
import { createPpocrEngine } from '../../src/ocr/ppocr/index.ts';
import type { OcrEngine } from '../../src/ocr/types.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { whiteImage } from '../../src/ocr/image.ts';
import { inset, renderRegions, SEED_PDF } from './fixtures.ts';

const noSpace = (s: string): string => s.replace(/\s+/g, '');
const fold = (s: string): string => noSpace(s).replace(/丶/g, '、').replace(/\(/g, '（').replace(/\)/g, '）');

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let diag = d[0]!;
    d[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const up = d[j]!;
      d[j] = Math.min(up + 1, d[j - 1]! + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return d[y.length]!;
}

// page 1: the title's first line, 102.8,111.6–498.7,134.6 pt, with a margin
const TITLE: BBox = { x0: 92, top: 102, x1: 510, bottom: 144 };
// page 8, village table (cell boxes from tables.json; inset keeps the ruling lines out)
const CELLS: { box: BBox; text: string }[] = [
  { box: { x0: 68.4, top: 231.4, x1: 113.6, bottom: 257.6 }, text: '1' },
  { box: { x0: 113.6, top: 231.4, x1: 379.1, bottom: 257.6 }, text: '市委办公厅、汉口银行' },
  { box: { x0: 379.1, top: 231.4, x1: 533.1, bottom: 257.6 }, text: '双河村' },
  { box: { x0: 68.4, top: 177.9, x1: 113.6, bottom: 204.4 }, text: '序号' },
  { box: { x0: 68.4, top: 204.4, x1: 533.1, bottom: 231.4 }, text: '一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）' },
];
const WRAPPED: BBox = { x0: 113.6, top: 257.6, x1: 379.1, bottom: 303.4 }; // two lines
const RULED: BBox = { x0: 378.6, top: 230.9, x1: 533.6, bottom: 258.1 }; // '双河村' with its ruling lines
const HALF_PAGE: BBox = { x0: 0, top: 0, x1: 595, bottom: 421 };
const DPI = 200;

let engine: OcrEngine;
let title: GrayImage;
let cells: GrayImage[];
let wrapped: GrayImage;
let ruled: GrayImage;
let half: GrayImage;

beforeAll(async () => {
  engine = await createPpocrEngine();
  [title] = (await renderRegions(SEED_PDF, 1, [TITLE], DPI)) as [GrayImage];
  const p8 = await renderRegions(SEED_PDF, 8, [...CELLS.map((c) => inset(c.box, 1.5)), inset(WRAPPED, 1.5), RULED, HALF_PAGE], DPI);
  cells = p8.slice(0, CELLS.length);
  [wrapped, ruled, half] = p8.slice(CELLS.length) as [GrayImage, GrayImage, GrayImage];
});

afterAll(async () => {
  await engine?.close();
});

describe('PP-OCRv4 engine', () => {
  it('reads the title line of page 1 (at most one character wrong, spaces ignored)', async () => {
    const lines = await engine.readLines(title);
    // det may split the letter-spaced title at its word gaps: one row of pieces, left to right
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    const text = noSpace(lines.map((l) => l.text).join(''));
    expect(distance(text, '汉阳区2023年乡村振兴和结对帮扶资金')).toBeLessThanOrEqual(1);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.bbox.x0).toBeGreaterThanOrEqual(lines[i - 1]!.bbox.x1 - 5);
    // the text sits 10.8 pt (30 px) from the crop's left edge and 9.6 pt (27 px) from its top
    const first = lines[0]!;
    expect(first.bbox.x0).toBeGreaterThan(10);
    expect(first.bbox.x0).toBeLessThan(40);
    for (const l of lines) {
      expect(l.bbox.top).toBeGreaterThan(10);
      expect(l.bbox.bottom).toBeLessThan(title.height - 10);
      expect(l.confidence).toBeGreaterThan(0.9);
      expect(Object.keys(l.bbox).sort()).toEqual(['bottom', 'top', 'x0', 'x1']);
    }
  });

  it('reads single-line table cells exactly (、 and brackets folded)', async () => {
    for (let i = 0; i < CELLS.length; i++) {
      const lines = await engine.readCell(cells[i]!);
      expect(lines.length, CELLS[i]!.text).toBe(1);
      expect(fold(lines[0]!.text)).toBe(fold(CELLS[i]!.text));
      expect(lines[0]!.confidence).toBeGreaterThan(0.8);
    }
    // digits and plain Han come back raw-exact
    expect((await engine.readCell(cells[0]!)).map((l) => l.text)).toEqual(['1']);
    expect((await engine.readCell(cells[2]!)).map((l) => l.text)).toEqual(['双河村']);
  });

  it('reads a wrapped cell as two lines, top to bottom', async () => {
    const lines = await engine.readCell(wrapped);
    expect(lines.length).toBe(2);
    expect(lines[0]!.bbox.bottom).toBeLessThanOrEqual(lines[1]!.bbox.top + 5);
    expect(fold(lines.map((l) => l.text).join(''))).toBe('市政府研究室、武汉旅游体育集团有限公司');
  });

  it('ignores the ruling lines left in a cell crop', async () => {
    const lines = await engine.readCell(ruled);
    expect(lines.map((l) => l.text)).toEqual(['双河村']);
  });

  it('reads half a table page as lines in reading order', async () => {
    const lines = await engine.readLines(half);
    const texts = lines.map((l) => noSpace(l.text));
    expect(lines.length).toBeGreaterThanOrEqual(25);
    for (const t of ['附件', '市派驻村工作力量安排一览表', '序号', '派出单位', '派驻村', '双河村', '崇杰村', '牌楼村', '1', '2', '3']) {
      expect(texts, t).toContain(t);
    }
    // reading order: 序号 before 派出单位 before 派驻村 (one row), 双河村 before 崇杰村 (rows)
    expect(texts.indexOf('序号')).toBeLessThan(texts.indexOf('派出单位'));
    expect(texts.indexOf('派出单位')).toBeLessThan(texts.indexOf('派驻村'));
    expect(texts.indexOf('双河村')).toBeLessThan(texts.indexOf('崇杰村'));
    for (const l of lines) {
      expect(l.bbox.x1).toBeLessThanOrEqual(half.width);
      expect(l.bbox.bottom).toBeLessThanOrEqual(half.height);
      expect(l.bbox.x0).toBeLessThan(l.bbox.x1);
    }
  });

  it('gives [] for empty crops', async () => {
    const white = whiteImage(300, 80);
    expect(await engine.readCell(white)).toEqual([]);
    expect(await engine.readLines(white)).toEqual([]);
    expect(await engine.readCell(whiteImage(1, 1))).toEqual([]);
  });
});
