/**
 * Expected tables of a sample made of some pages of the seed (scan-*, mixed): the hand-checked seed
 * tables (samples/seed/expected/tables.json) restricted to the rows printed on the included pages.
 * Which row is on which seed page is read from poppler's `pdftotext -layout` of that page:
 *  - a body row of a table whose first column is 序号: its number starts a line of the page;
 *  - any other row: its first cell and its last non-empty cell (whitespace removed) are in the page text.
 * Rows are matched in order, each on the same page as the row before it or a later one, and every row
 * of the seed table must land on one of the table's seed pages (otherwise the generator stops).
 */
import type { ExpectedTable } from './expected-types.ts';

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
