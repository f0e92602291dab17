/**
 * Expected tables of a sample made of some pages of the seed (scan-*, mixed, garbled, no-tounicode): the hand-checked seed
 * tables (samples/seed/expected/tables.json) restricted to the rows printed on the included pages.
 * Which row is on which seed page is read from poppler's `pdftotext -layout` of that page:
 *  - a body row of a table whose first column is 序号: its number starts a line of the page;
 *  - any other row: its first cell and its last non-empty cell (whitespace removed) are in the page text.
 * Rows are matched in order, each on the same page as the row before it or a later one, and every row
 * of the seed table must land on one of the table's seed pages (otherwise the generator stops).
 * Also the writer of such a sample's `expected/` folder (tables, pages, text facts), shared by the
 * scanned samples (scan.ts) and the broken-text-layer samples (broken-text.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedTable, TextFacts } from './expected-types.ts';
import { pageCount, run, writeJson } from './tools.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

/** Seed page (1-based) of each row of `t`, from the seed's page texts (index 0 = page 1). */
export function tableToRowPages(t: ExpectedTable, seedPageTexts: readonly string[]): number[] {
  const pages = t.pages ?? [];
  if (!pages.length) throw new Error(`table '${t.title}': no pages in the seed expected file`);
  const numbered = t.header[0] === '序号';
  const onPage = (row: readonly string[], kind: 'body' | 'section', page: number): boolean => {
    const text = seedPageTexts[page - 1] ?? '';
    if (numbered && kind === 'body') return new RegExp(`^\\s*${row[0]}\\s`, 'm').test(text);
    const flat = squash(text);
    const last = [...row].reverse().find((c) => c !== '') ?? '';
    return flat.includes(squash(row[0]!)) && flat.includes(squash(last));
  };
  const out: number[] = [];
  let k = 0;
  t.rows.forEach((row, i) => {
    while (k < pages.length && !onPage(row, t.rowKinds[i]!, pages[k]!)) k++;
    if (k >= pages.length) throw new Error(`table '${t.title}': row ${i + 1} (${row.join(' | ')}) is on none of its pages after the previous row`);
    out.push(pages[k]!);
  });
  return out;
}

/**
 * The seed tables restricted to `seedPages` (the included seed pages, in their order in the new PDF;
 * page i of the list is page i+1 of the new PDF). A table split over included pages stays one
 * table; its title is kept when its first seed page is included (the title is printed there).
 */
export function seedTablesToPages(
  seedTables: readonly ExpectedTable[],
  seedPageTexts: readonly string[],
  seedPages: readonly number[],
): ExpectedTable[] {
  const newPage = (p: number) => seedPages.indexOf(p) + 1;
  const out: ExpectedTable[] = [];
  for (const t of seedTables) {
    const rowPages = tableToRowPages(t, seedPageTexts);
    const keep = rowPages.map((p) => seedPages.includes(p));
    if (!keep.some(Boolean)) continue;
    const rows = t.rows.filter((_, i) => keep[i]);
    const rowKinds = t.rowKinds.filter((_, i) => keep[i]);
    const pages = [...new Set(rowPages.filter((p) => seedPages.includes(p)))].map(newPage).sort((a, b) => a - b);
    const firstIncluded = seedPages.includes(t.pages![0]!);
    out.push({ title: firstIncluded ? t.title : null, unit: firstIncluded ? t.unit : null, header: [...t.header], rows, rowKinds, pages });
  }
  return out;
}

/** `pdftotext -layout` of every page of `pdf` (index 0 = page 1): what the row pages are read from. */
export function layoutPageTexts(pdf: string): string[] {
  const out: string[] = [];
  for (let p = 1; p <= pageCount(pdf); p++) out.push(run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']));
  return out;
}

/** The seed's hand-checked tables (samples/seed/expected/tables.json). */
export function loadSeedTables(root: string): ExpectedTable[] {
  return JSON.parse(readFileSync(join(root, 'samples/seed/expected/tables.json'), 'utf8')) as ExpectedTable[];
}

/** Footer line of a seed page (`— N —`, the last such line of its text). */
export function footerOf(pageText: string): string {
  const lines = pageText.split('\n').map((l) => l.trim()).filter((l) => /^— \d+ —$/.test(l));
  if (!lines.length) throw new Error('seed page without a footer line');
  return lines[lines.length - 1]!;
}

/** Stops unless every `mustContain` string (whitespace removed) is printed on one of `seedPages`. */
export function checkFactsOnSeedPages(sample: string, mustContain: readonly string[], layoutTexts: readonly string[], seedPages: readonly number[]): void {
  const included = squash(seedPages.map((p) => layoutTexts[p - 1]!).join('\n'));
  for (const s of mustContain) if (!included.includes(squash(s))) throw new Error(`${sample}: '${s}' is not on the included seed pages`);
}

/** The text facts of a sample made of seed pages; its footers are those of the included seed pages. */
export interface SliceFacts {
  readonly mustContain: readonly string[];
  readonly mustContainExact: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Writes `expected/` of a sample made of seed pages (page i of `pages` is page i+1 of the sample):
 * `tables.json` (seedTablesToPages), `pages.json` (the method of each page) and `text-facts.json`.
 */
export function writeSliceExpected(
  outDir: string,
  seedTables: readonly ExpectedTable[],
  layoutTexts: readonly string[],
  pages: readonly { seedPage: number; method: 'text' | 'ocr' | 'both' }[],
  facts: SliceFacts,
): void {
  const seedPages = pages.map((p) => p.seedPage);
  writeJson(join(outDir, 'expected', 'tables.json'), seedTablesToPages(seedTables, layoutTexts, seedPages));
  writeJson(
    join(outDir, 'expected', 'pages.json'),
    pages.map((p, i) => ({ page: i + 1, method: p.method })),
  );
  const out: TextFacts = {
    pages: pages.length,
    mustContain: [...facts.mustContain],
    ...(facts.mustContainExact.length ? { mustContainExact: [...facts.mustContainExact] } : {}),
    footers: [...new Set(seedPages.map((p) => footerOf(layoutTexts[p - 1]!)))],
    mustNotContain: [],
    notes: [...facts.notes],
  };
  writeJson(join(outDir, 'expected', 'text-facts.json'), out);
}
