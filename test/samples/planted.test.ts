/**
 * Consistency of the committed planted-error samples (samples/planted-<name>/): each PDF exists and
 * is small, its expected/findings.json parses, the planted change is printed in the PDF and the
 * seed's original value is not, and every evidence page/box points at its text. These tests check
 * the committed samples and their EXPECTED findings, not gongwen's checks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { itemsToLines, pdfjsItems, type PlacedItem } from '../../samples/generate/planted-evidence.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VARIANTS = ['total', 'year', 'section-count', 'seq-gap', 'dup-village', 'third-district', 'space-separator', 'count-claim', 'text-sum'];
const seedText = readFileSync(join(root, 'samples/seed-source/notice.txt'), 'utf8');

const Box = z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() });
const Value = z.union([z.string(), z.number(), z.null()]);
const Evidence = z.object({ page: z.number().int().positive(), text: z.string().min(1), bbox: Box });
const Expected = Evidence.extend({
  rule: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  expected: Value,
  actual: Value,
  related: z.array(Evidence).optional(),
  note: z.string().optional(),
});
const FindingsFile = z.object({
  sample: z.string(),
  description: z.string(),
  pages: z.number().int().positive(),
  documents: z.array(z.object({ document: z.string(), pageFrom: z.number().int(), pageTo: z.number().int() })).min(1),
  planted: z.object({
    edits: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
    present: z.array(z.string()).min(1),
    absent: z.array(z.string()),
    absentLines: z.array(z.string()),
  }),
  expected: z.array(Expected).min(1),
  alsoExpected: z.array(Expected),
  notes: z.array(z.string()),
});

const squash = (s: string) => s.replace(/\s+/g, '');
const dir = (v: string) => join(root, 'samples', `planted-${v}`);
const pdfOf = (v: string) => join(dir(v), `planted-${v}.pdf`);
const load = (v: string) => FindingsFile.parse(JSON.parse(readFileSync(join(dir(v), 'expected', 'findings.json'), 'utf8')));

/** Text of the items whose centre lies in `box` grown by `pad` points, as lines, whitespace removed. */
function textInBox(items: readonly PlacedItem[], box: z.infer<typeof Box>, pad = 2): string {
  const inside = items.filter((i) => {
    const cx = (i.bbox.x0 + i.bbox.x1) / 2;
    const cy = (i.bbox.top + i.bbox.bottom) / 2;
    return cx >= box.x0 - pad && cx <= box.x1 + pad && cy >= box.top - pad && cy <= box.bottom + pad;
  });
  return itemsToLines(inside).join('');
}

it('has exactly the nine planted variants', () => {
  const found = readdirSync(join(root, 'samples')).filter((d) => d.startsWith('planted-')).map((d) => d.slice('planted-'.length)).sort();
  expect(found).toEqual([...VARIANTS].sort());
});

describe.each(VARIANTS)('planted-%s', (v) => {
  it('has a small PDF starting with %PDF and a findings.json that parses', () => {
    expect(existsSync(pdfOf(v))).toBe(true);
    expect(readFileSync(pdfOf(v)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdfOf(v)).size).toBeLessThan(600 * 1024);
    const f = load(v);
    expect(f.sample).toBe(`planted-${v}`);
    let last = 0;
    for (const d of f.documents) {
      expect(d.pageFrom).toBe(last + 1);
      last = d.pageTo;
    }
    expect(last).toBe(f.pages);
  });

  it('plants its change on the seed text: each original occurs once in the seed', () => {
    for (const e of load(v).planted.edits) {
      expect(seedText.split(e.from).length - 1, e.from).toBe(1);
      expect(e.to).not.toBe(e.from);
    }
  });

  it('prints the planted change and not the seed original; evidence pages and boxes hold their text', async () => {
    const f = load(v);
    const pages = await pdfjsItems(pdfOf(v));
    expect(pages).toHaveLength(f.pages);
    const lines = pages.flatMap((p) => itemsToLines(p.items));
    const flat = lines.join('');
    for (const s of f.planted.present) expect(flat, s).toContain(squash(s));
    for (const s of f.planted.absent) expect(flat, s).not.toContain(squash(s));
    for (const s of f.planted.absentLines) expect(lines, s).not.toContain(squash(s));

    const evidence = [...f.expected, ...f.alsoExpected].flatMap((e) => [e, ...(e.related ?? [])]);
    for (const e of evidence) {
      const page = pages[e.page - 1]!;
      expect(page, `page ${e.page}`).toBeDefined();
      expect(e.bbox.x0).toBeLessThan(e.bbox.x1);
      expect(e.bbox.top).toBeLessThan(e.bbox.bottom);
      expect(e.bbox.x0).toBeGreaterThanOrEqual(0);
      expect(e.bbox.top).toBeGreaterThanOrEqual(0);
      expect(e.bbox.x1).toBeLessThanOrEqual(page.width);
      expect(e.bbox.bottom).toBeLessThanOrEqual(page.height);
      expect(textInBox(page.items, e.bbox), `${e.text} on page ${e.page}`).toContain(squash(e.text));
    }
  });
});

describe('planted findings as specified', () => {
  const rules = (v: string) => load(v).expected.map((e) => e.rule);
  it('names one expected finding per variant, with the brief’s rule ids', () => {
    expect(Object.fromEntries(VARIANTS.map((v) => [v, rules(v)]))).toEqual({
      total: ['sum.total-mismatch'],
      year: ['year.mismatch'],
      'section-count': ['section.count-mismatch'],
      'seq-gap': ['sequence.gap'],
      'dup-village': ['duplicate.row'],
      'third-district': ['pairing.too-many'],
      'space-separator': ['format.list-separator'],
      'count-claim': ['count.claim-mismatch'],
      'text-sum': ['sum.total-mismatch'],
    });
  });

  it('states the planted values', () => {
    const one = (v: string) => load(v).expected[0]!;
    expect([one('total').expected, one('total').actual, one('total').text]).toEqual([2368, 2386, '2386']);
    expect([one('text-sum').expected, one('text-sum').actual]).toEqual([2368, 2386]);
    expect([one('year').expected, one('year').actual]).toEqual([2023, 2024]);
    expect([one('section-count').expected, one('section-count').actual]).toEqual([10, 11]);
    expect([one('seq-gap').expected, one('seq-gap').actual, one('seq-gap').text]).toEqual([100, 101, '101']);
    expect([one('third-district').expected, one('third-district').actual]).toEqual([2, 3]);
    expect([one('count-claim').expected, one('count-claim').actual]).toEqual([15, 16]);
    expect(one('space-separator').text).toBe('江汉区 青山区');
  });

  it('lists the seed’s own inconsistencies of the printed parts (budget note: year; 方案: 建始县 separator, repeated page)', () => {
    const also = (v: string) => load(v).alsoExpected.map((e) => e.rule);
    for (const v of ['total', 'text-sum']) expect(also(v)).toEqual(['year.mismatch', 'year.mismatch']);
    for (const v of ['year', 'section-count', 'seq-gap', 'dup-village']) expect(also(v)).toEqual([]);
    for (const v of ['third-district', 'space-separator', 'count-claim']) expect(also(v)).toEqual(['format.list-separator', 'duplicate.passage']);
  });
});
