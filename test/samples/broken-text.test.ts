/**
 * Consistency of the committed broken-text-layer samples of issue #4 (samples/garbled,
 * samples/no-tounicode, made by samples/generate/broken-text.ts): small PDFs cut from the seed whose
 * fonts are edited as described (ToUnicode into the private-use area / no ToUnicode), whose pages
 * render pixel for pixel like their seed pages while pdf.js reads none of their text, and whose
 * expected files parse, agree, and are slices of the seed's hand-checked tables. These tests check
 * the committed files, not gongwen's OCR (test/e2e/broken-text.test.ts does).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withPdf } from '../../src/read/pdfjs.ts';
import { pageToRaster } from '../../src/read/pdfjs.ts';
import { charStats } from '../../src/decide/chars.ts';
import { SAMPLES as ROOT_SAMPLES, samplePdf } from '../helpers/samples.ts';
import { expectSeedSlice, FactsSchema, PagesSchema, SeedSourceSchema, seedTables, TableSchema } from './seedSlice.ts';

const KiB = 1024;
/** sample → size limit, the seed pages it holds, how its text layer is broken */
const SAMPLES = {
  garbled: { maxBytes: 100 * KiB, seedPages: [1, 2], break: 'pua-tounicode' },
  'no-tounicode': { maxBytes: 300 * KiB, seedPages: [8], break: 'no-tounicode' },
} as const;
type Name = keyof typeof SAMPLES;
const NAMES = Object.keys(SAMPLES) as Name[];

const Source = SeedSourceSchema.extend({
  pages: z.array(z.object({ page: z.number().int().positive(), seedPage: z.number().int().positive(), method: z.literal('ocr') })),
  textLayer: z.object({ break: z.enum(['pua-tounicode', 'no-tounicode']), fonts: z.number().int().positive(), edit: z.string() }).passthrough(),
});

const json = (n: string, file: string): unknown => JSON.parse(readFileSync(join(ROOT_SAMPLES, n, file), 'utf8'));
const pdfBytes = (n: string) => new Uint8Array(readFileSync(samplePdf(n)));

/** The ToUnicode CMap text of every Type0 font (null where the font has none). */
async function toUnicodeMaps(n: string): Promise<(string | null)[]> {
  const doc = await PDFDocument.load(pdfBytes(n), { updateMetadata: false });
  const out: (string | null)[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const ref = obj.get(PDFName.of('ToUnicode'));
    out.push(ref ? Buffer.from(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()).toString('latin1') : null);
  }
  return out;
}

/** The destination (first code point) of every bfchar / bfrange entry of a ToUnicode CMap. */
function cmapDestinations(cmap: string): number[] {
  return [...cmap.matchAll(/beginbf(char|range)([\s\S]*?)endbf\1/g)].flatMap((sec) =>
    sec[2]!
      .trim()
      .split('\n')
      .map((line) => parseInt([...line.matchAll(/<([0-9A-Fa-f]+)>/g)].at(-1)![1]!.slice(0, 4), 16)),
  );
}

/** pdf.js text of each page (items joined, whitespace removed). */
async function pageTexts(data: Uint8Array): Promise<string[]> {
  return withPdf(data, {}, async (pdf) => {
    const out: string[] = [];
    for (let n = 1; n <= pdf.pageCount; n++) out.push((await pdf.readPage(n)).items.map((i) => i.orig).join('').replace(/\s+/g, ''));
    return out;
  });
}

describe.each(NAMES)('broken-text sample %s', (name) => {
  const spec = SAMPLES[name];

  it('is a %PDF file under its size limit with one page per seed page', async () => {
    expect(Buffer.from(pdfBytes(name).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(statSync(samplePdf(name)).size).toBeLessThan(spec.maxBytes);
    expect(await withPdf(pdfBytes(name), {}, async (pdf) => pdf.pageCount)).toBe(spec.seedPages.length);
  });

  it('has pages.json (every page ocr), text-facts.json and source.json that agree', () => {
    const pages = PagesSchema.parse(json(name, 'expected/pages.json'));
    const src = Source.parse(json(name, 'source.json'));
    expect(pages).toEqual(spec.seedPages.map((_, i) => ({ page: i + 1, method: 'ocr' })));
    expect(FactsSchema.parse(json(name, 'expected/text-facts.json')).pages).toBe(pages.length);
    expect(src.sample).toBe(name);
    expect(src.pages.map((p) => p.seedPage)).toEqual([...spec.seedPages]);
    expect(src.textLayer.break).toBe(spec.break);
  });

  it('has its fonts broken as described', async () => {
    const maps = await toUnicodeMaps(name);
    expect(maps.length).toBeGreaterThan(0);
    for (const m of maps) {
      if (spec.break === 'no-tounicode') {
        expect(m).toBeNull();
        continue;
      }
      const dests = cmapDestinations(m!);
      expect(dests.length).toBeGreaterThan(50);
      expect(dests.every((d) => d >= 0xe000 && d <= 0xf8ff)).toBe(true);
    }
  });

  it('renders every page pixel for pixel like its seed page, while pdf.js reads none of its text', async () => {
    const data = pdfBytes(name);
    const seed = pdfBytes('seed');
    const texts = await pageTexts(data);
    const seedTexts = await pageTexts(seed);
    for (const [i, seedPage] of spec.seedPages.entries()) {
      const [a, b] = await Promise.all([pageToRaster(data, i + 1, { dpi: 50 }), pageToRaster(seed, seedPage, { dpi: 50 })]);
      expect([a.image.width, a.image.height]).toEqual([b.image.width, b.image.height]);
      expect(Buffer.from(a.image.data).equals(Buffer.from(b.image.data)), `page ${i + 1}`).toBe(true);
      expect(b.image.data.filter((v) => v < 128).length).toBeGreaterThan(1000); // a page with ink, not a blank one
      // text items are there, but decode to garbage
      const st = charStats(texts[i]!);
      expect(st.total).toBeGreaterThan(50);
      if (spec.break === 'pua-tounicode') expect(st.privateUse).toBe(st.total);
      else expect(st.control + st.unusual).toBeGreaterThan(0.5 * st.total);
      const seedHan = new Set(Array.from(seedTexts[seedPage - 1]!).filter((c) => /\p{Script=Han}/u.test(c)));
      expect(Array.from(texts[i]!).filter((c) => seedHan.has(c)).length).toBeLessThan(0.2 * seedHan.size);
    }
    const flat = texts.join('');
    for (const s of FactsSchema.parse(json(name, 'expected/text-facts.json')).mustContain) expect(flat).not.toContain(s.replace(/\s+/g, ''));
  }, 30_000);

  it('has tables.json: slices of the seed tables on its pages', () => {
    const tables = z.array(TableSchema).parse(json(name, 'expected/tables.json'));
    expect(tables.length).toBeGreaterThan(0);
    expectSeedSlice(tables, seedTables(), new Set(spec.seedPages.map((_, i) => i + 1)));
  });
});

describe('what the broken-text samples hold', () => {
  it('garbled: the budget note and its whole table (3 rows, p2)', () => {
    const [t, ...rest] = z.array(TableSchema).parse(json('garbled', 'expected/tables.json'));
    expect(rest).toEqual([]);
    expect([t!.header[0], t!.rows.length, t!.pages, t!.unit]).toEqual(['级次', 3, [2], '单位：万元']);
  });

  it('no-tounicode: the village rows of seed page 8, sections 一 and 二, 序号 1–18', () => {
    const [t, ...rest] = z.array(TableSchema).parse(json('no-tounicode', 'expected/tables.json'));
    expect(rest).toEqual([]);
    expect(t!.title).toBe('市派驻村工作力量安排一览表');
    expect(t!.rows.filter((_, i) => t!.rowKinds[i] === 'body').map((r) => Number(r[0]))).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(t!.rows.filter((_, i) => t!.rowKinds[i] === 'section').map((r) => r[0]!.slice(0, 2))).toEqual(['一、', '二、']);
  });
});
