/**
 * Consistency of the committed scanned samples of issue #4 (samples/scan-200, scan-300, mixed): the
 * PDFs are small and open, scanned pages carry no text (pdf.js) and exactly one image, born-digital
 * pages of `mixed` keep their text, the expected files parse and agree with each other and with the
 * seed's hand-checked tables. These tests check the committed files, not gongwen's OCR.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { expectSeedSlice, FactsSchema, PagesSchema, SeedSourceSchema, seedTables, TableSchema } from './seedSlice.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MiB = 1024 * 1024;
/** sample → size limit (bytes) and dpi of its scanned pages */
const SAMPLES = {
  'scan-200': { maxBytes: 2.5 * MiB, dpi: 200 },
  'scan-300': { maxBytes: 4 * MiB, dpi: 300 },
  mixed: { maxBytes: 1.5 * MiB, dpi: 200 },
} as const;
type Name = keyof typeof SAMPLES;
const NAMES = Object.keys(SAMPLES) as Name[];

const Source = SeedSourceSchema.extend({
  pages: z.array(
    z.object({
      page: z.number().int().positive(),
      seedPage: z.number().int().positive(),
      method: z.enum(['text', 'ocr']),
      angleDeg: z.number().optional(),
      noiseSeed: z.number().int().optional(),
      widthPx: z.number().int().optional(),
      heightPx: z.number().int().optional(),
    }),
  ),
  scan: z.object({ dpi: z.number(), jpegQuality: z.number(), rotation: z.object({ minDeg: z.number(), maxDeg: z.number(), seed: z.number().int() }) }).passthrough(),
});

const dir = (n: string) => join(root, 'samples', n);
const pdfOf = (n: string) => join(dir(n), `${n}.pdf`);
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const tablesOf = (n: string) => z.array(TableSchema).parse(json(join(dir(n), 'expected', 'tables.json')));
const pagesOf = (n: string) => PagesSchema.parse(json(join(dir(n), 'expected', 'pages.json')));
const factsOf = (n: string) => FactsSchema.parse(json(join(dir(n), 'expected', 'text-facts.json')));
const sourceOf = (n: string) => Source.parse(json(join(dir(n), 'source.json')));

/** Per page: pdf.js text item count, image paints, and the page box (points). */
async function pdfPages(n: string): Promise<{ textItems: number; images: number; view: number[] }[]> {
  const base = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfOf(n))), cMapUrl: base + '/cmaps/', cMapPacked: true, standardFontDataUrl: base + '/standard_fonts/' }).promise;
  try {
    const out: { textItems: number; images: number; view: number[] }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const tc = await page.getTextContent();
      const ops = await page.getOperatorList();
      const images = ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject).length;
      out.push({ textItems: tc.items.filter((i) => 'str' in i && i.str.trim() !== '').length, images, view: [...page.view] });
    }
    return out;
  } finally {
    await doc.loadingTask.destroy();
  }
}

describe.each(NAMES)('scanned sample %s', (name) => {
  it('is a %PDF file under its size limit', () => {
    expect(readFileSync(pdfOf(name)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdfOf(name)).size).toBeLessThan(SAMPLES[name].maxBytes);
  });

  it('has pages.json, text-facts.json and source.json that agree on the pages', () => {
    const pages = pagesOf(name);
    const src = sourceOf(name);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(factsOf(name).pages).toBe(pages.length);
    expect(src.sample).toBe(name);
    expect(src.pages.map((p) => [p.page, p.method])).toEqual(pages.map((p) => [p.page, p.method]));
    if (name.startsWith('scan-')) expect(pages.every((p) => p.method === 'ocr')).toBe(true);
    else expect(pages.map((p) => p.method)).toEqual(['text', 'ocr', 'text', 'ocr']);
  });

  it('records a distinct rotation of 0.5–1.2° and the dpi size for every scanned page', () => {
    const src = sourceOf(name);
    expect(src.scan.dpi).toBe(SAMPLES[name].dpi);
    expect(src.scan.jpegQuality).toBe(75);
    const scanned = src.pages.filter((p) => p.method === 'ocr');
    const angles = scanned.map((p) => p.angleDeg!);
    for (const a of angles) {
      expect(Math.abs(a)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(a)).toBeLessThanOrEqual(1.2);
    }
    expect(new Set(angles).size).toBe(angles.length);
    for (const p of scanned) {
      // the seed's A4 page (594.96 × 841.92 pt, Chromium) rendered at the sample's dpi: within a pixel
      expect(Math.abs(p.widthPx! - (594.96 / 72) * SAMPLES[name].dpi)).toBeLessThan(1);
      expect(Math.abs(p.heightPx! - (841.92 / 72) * SAMPLES[name].dpi)).toBeLessThan(1);
    }
  });

  it('has no text on scanned pages (one image each) and text on born-digital pages, all A4', async () => {
    const pages = pagesOf(name);
    const got = await pdfPages(name);
    expect(got).toHaveLength(pages.length);
    got.forEach((g, i) => {
      // img2pdf's A4 (and scan-image.ts's A4_PT) is 595.28 × 841.89 pt; the born-digital pages keep Chromium's 594.96 × 841.92
      expect(Math.abs(g.view[2]! - 595.28)).toBeLessThan(pages[i]!.method === 'ocr' ? 0.01 : 0.5);
      expect(Math.abs(g.view[3]! - 841.89)).toBeLessThan(pages[i]!.method === 'ocr' ? 0.01 : 0.5);
      if (pages[i]!.method === 'ocr') {
        expect({ page: i + 1, textItems: g.textItems, images: g.images }).toEqual({ page: i + 1, textItems: 0, images: 1 });
      } else {
        expect(g.textItems, `page ${i + 1}`).toBeGreaterThan(10);
      }
    });
  }, 30_000);

  it('has tables.json: well-formed tables that are slices of the seed tables, on the scanned pages', () => {
    const ocrPages = new Set(pagesOf(name).filter((p) => p.method === 'ocr').map((p) => p.page));
    expectSeedSlice(tablesOf(name), seedTables(), ocrPages);
  });

  it('has the village rows of its pages with consecutive 序号', () => {
    const t = tablesOf(name).find((x) => x.header[0] === '序号')!;
    const nums = t.rows.filter((_, i) => t.rowKinds[i] === 'body').map((r) => Number(r[0]));
    const last = name === 'mixed' ? 18 : 39; // seed page 8 ends with 序号 18, page 9 with 39
    expect(nums).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(t.rows.filter((_, i) => t.rowKinds[i] === 'section').map((r) => r[0]!.slice(0, 2))).toEqual(name === 'mixed' ? ['一、', '二、'] : ['一、', '二、', '三、']);
  });

  it('has the whole budget table (3 rows) and, in scan-*, the whole pairing table (9 rows over 2 pages)', () => {
    const tables = tablesOf(name);
    const budget = tables.find((t) => t.header[0] === '级次')!;
    expect(budget.rows).toHaveLength(3);
    expect(budget.pages).toEqual([2]);
    expect(budget.unit).toBe('单位：万元');
    const pairing = tables.find((t) => t.header[0] === '重点帮扶地区');
    if (name === 'mixed') {
      expect(tables).toHaveLength(2);
      expect(pairing).toBeUndefined();
    } else {
      expect(tables).toHaveLength(3);
      expect(pairing!.rows).toHaveLength(9);
      expect(pairing!.pages).toEqual([5, 6]);
    }
  });
});
