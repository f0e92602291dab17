/**
 * Consistency of the committed sample `both` of issue #4 (samples/both): one page whose prose is a
 * born-digital text layer and whose budget table is one scanned image. The PDF is small and has one
 * page; it paints exactly one image, on the box and at the resolution source.json records; its text
 * layer (pdf.js) holds the caption, the unit line and '附件：' with their CJK–digit spaces but none of
 * the table's cells; the expected files parse, agree with each other and hold the seed's budget
 * table. These tests check the committed files, not gongwen's decision or its OCR.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pdfjsPageImages, pdfjsPageTexts } from '../../samples/generate/tools.ts';
import { SAMPLES, samplePdf } from '../helpers/samples.ts';
import { expectSeedSlice, FactsSchema, SeedSourceSchema, seedTables, TableSchema } from './seedSlice.ts';

const NAME = 'both';
const json = (file: string): unknown => JSON.parse(readFileSync(join(SAMPLES, NAME, file), 'utf8'));
const tables = () => z.array(TableSchema).parse(json('expected/tables.json'));
const facts = () => FactsSchema.parse(json('expected/text-facts.json'));
const pages = () => z.array(z.object({ page: z.number().int().positive(), method: z.enum(['text', 'ocr', 'both']) })).parse(json('expected/pages.json'));
const Box = z.object({ x0: z.number(), top: z.number(), width: z.number(), height: z.number() });
const source = () =>
  SeedSourceSchema.extend({
    pages: z.array(z.object({ page: z.number().int(), seedPage: z.number().int(), method: z.string() })),
    image: z.object({ widthPx: z.number().int(), heightPx: z.number().int(), placedPt: Box, angleDeg: z.number(), jpegQuality: z.number(), pdfimages: z.object({ encoding: z.string() }).passthrough() }).passthrough(),
    bytes: z.number().int(),
  }).parse(json('source.json'));

const squash = (s: string) => s.replace(/\s+/g, '');

describe('sample both: born-digital prose and a scanned table on one page', () => {
  it('is a %PDF file under 400 KB, the size source.json records', () => {
    const pdf = samplePdf(NAME);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdf).size).toBeLessThan(400 * 1024);
    expect(statSync(pdf).size).toBe(source().bytes);
  });

  it('has one page that paints exactly one image, on its recorded box at 200 dpi', async () => {
    const images = await pdfjsPageImages(samplePdf(NAME));
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveLength(1);
    const got = images[0]![0]!;
    const { image } = source();
    for (const k of ['x0', 'top', 'width', 'height'] as const) expect(Math.abs(got[k] - image.placedPt[k]), k).toBeLessThan(0.1);
    // the scan's pixels over the painted box: the seed page's 200 dpi, so its text is the seed's size
    expect((image.widthPx / got.width) * 72).toBeCloseTo(200, 0);
    expect((image.heightPx / got.height) * 72).toBeCloseTo(200, 0);
    expect(image.pdfimages.encoding).toBe('jpeg');
    expect(image.jpegQuality).toBe(75);
    expect(Math.abs(image.angleDeg)).toBeGreaterThanOrEqual(0.5);
    expect(Math.abs(image.angleDeg)).toBeLessThanOrEqual(1.2);
  }, 30_000);

  it('has a text layer with the caption, the unit line and 附件 (spaces kept) but no table cell', async () => {
    const [text] = await pdfjsPageTexts(samplePdf(NAME));
    const f = facts();
    for (const s of f.mustContain) expect(squash(text!), s).toContain(squash(s));
    for (const s of f.mustContainExact ?? []) expect(text, s).toContain(s);
    for (const s of f.footers) expect(text, s).toContain(s);
    const t = tables()[0]!;
    const allowed = f.mustContain.map(squash).join('\n');
    const cells = [...t.header, ...t.rows.flat()].filter((c) => c !== '' && !allowed.includes(c)); // '汉阳区' is in the caption
    expect(cells.length).toBeGreaterThanOrEqual(10);
    expect(cells).toContain('区直机关工委等预算单位');
    for (const c of [...cells, '区直机关工委', '2368', '1750', '618', '合计', '合']) expect(squash(text!), c).not.toContain(c);
  }, 30_000);

  it("has expected files that agree: one 'both' page, the seed's budget table on it", () => {
    expect(pages()).toEqual([{ page: 1, method: 'both' }]);
    const f = facts();
    expect(f.pages).toBe(1);
    expect(f.footers).toEqual(['— 2 —']);
    const src = source();
    expect(src.sample).toBe(NAME);
    expect(src.pages).toEqual([{ page: 1, seedPage: 2, method: 'both' }]);

    const got = tables();
    expect(got).toHaveLength(1);
    expectSeedSlice(got, seedTables(), new Set([1]));
    const seed = seedTables().find((s) => s.header[0] === '级次')!;
    expect(seed.pages).toEqual([2]);
    expect(got[0]).toEqual({ ...seed, pages: [1] });
    expect(got[0]!.rows).toHaveLength(3);
    expect(f.mustContain.map(squash)).toEqual(expect.arrayContaining([squash(seed.title!), seed.unit, '附件：']));
    expect(f.mustContainExact).toContain(seed.title);
  });
});
