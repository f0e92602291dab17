/**
 * Shared by the tests of the samples made of seed pages (scan.test.ts, broken-text.test.ts): the
 * schemas of their expected files and the check that each expected table is a contiguous slice of
 * the seed's hand-checked table with the same header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import { SAMPLES } from '../helpers/samples.ts';

export const TableSchema = z.object({
  title: z.string().nullable(),
  unit: z.string().nullable(),
  header: z.array(z.string()).min(2),
  rows: z.array(z.array(z.string())),
  rowKinds: z.array(z.enum(['body', 'section'])),
  pages: z.array(z.number().int().positive()).min(1),
});
export type SliceTable = z.infer<typeof TableSchema>;

export const PagesSchema = z.array(z.object({ page: z.number().int().positive(), method: z.enum(['text', 'ocr']) })).min(1);

export const FactsSchema = z.object({
  pages: z.number().int().positive(),
  mustContain: z.array(z.string()).min(1),
  mustContainExact: z.array(z.string()).optional(),
  footers: z.array(z.string()).min(1),
  mustNotContain: z.array(z.string()),
  notes: z.array(z.string()).optional(),
});

/** The start of source.json of a sample made of seed pages (each sample adds its own fields). */
export const SeedSourceSchema = z.object({ sample: z.string(), source: z.literal('samples/seed/seed.pdf') });

/** samples/seed/expected/tables.json */
export const seedTables = (): SliceTable[] => z.array(TableSchema).parse(JSON.parse(readFileSync(join(SAMPLES, 'seed', 'expected', 'tables.json'), 'utf8')));

/**
 * Each table is well formed, lies on `pages` (pages of the sample that hold tables), and is a
 * contiguous run of rows (and kinds) of the seed table with its header; a kept title is the seed's.
 */
export function expectSeedSlice(tables: readonly SliceTable[], seed: readonly SliceTable[], pages: ReadonlySet<number>): void {
  for (const t of tables) {
    expect(t.rowKinds).toHaveLength(t.rows.length);
    for (const r of t.rows) expect(r).toHaveLength(t.header.length);
    for (const p of t.pages) expect(pages.has(p)).toBe(true);
    const s = seed.find((x) => x.header.join() === t.header.join())!;
    const at = s.rows.findIndex((r) => r.join('|') === t.rows[0]!.join('|'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(s.rows.slice(at, at + t.rows.length)).toEqual(t.rows);
    expect(s.rowKinds.slice(at, at + t.rows.length)).toEqual(t.rowKinds);
    if (t.title !== null) expect(t.title).toBe(s.title);
  }
}
