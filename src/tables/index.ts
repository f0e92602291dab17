/**
 * tables/ — rulings → grid → cells (lattice), aligned text → columns (stream), captions and
 * units, and tables continued over pages merged. PDF points, top-left origin (model/types.ts).
 *
 *   pageToFragments(page, lines)  one page → TableFragment[] (lattice first, stream on the rest)
 *   fragmentsToTables(fragments)  all pages → Table[] (continuations merged, repeated headers dropped)
 *   linesOutsideTables(lines, fs) the lines a caller keeps as prose
 *   carryCaptionsOver(fs, lines)  a caption at a page's foot → the next page's first table
 */
import type { Line, PageContent, TableFragment } from '../model/types.ts';
import { attachCaption, isCaptionLine, type TextColumn } from './captions.ts';
import type { FragmentStats } from './fragmentStats.ts';
import { centreX, centreY, containsPoint } from './geometry.ts';
import { pageToLatticeFragments } from './lattice.ts';
import { resolveTableSettings, type TableSettings } from './settings.ts';
import { linesToStreamFragments } from './stream.ts';

export { defaultTableSettings, type TableSettings } from './settings.ts';
export { fragmentsToTables } from './merge.ts';
export { carryCaptionsOver } from './carryCaptions.ts';
export type { FragmentStats } from './fragmentStats.ts';

/** Whether most of a line's text (by items) lies inside the fragment's box. */
function lineInFragment(line: Line, f: TableFragment): boolean {
  if (line.page !== f.page) return false;
  const items = line.items.filter((it) => it.text.trim() !== '');
  if (items.length === 0) return containsPoint(f.bbox, centreX(line.bbox), centreY(line.bbox), 1);
  let inside = 0;
  for (const it of items) if (containsPoint(f.bbox, centreX(it.bbox), centreY(it.bbox), 1)) inside++;
  return inside * 2 > items.length;
}

/** Which lines of a page are outside every table region and caption (the caller keeps them as prose). */
export function linesOutsideTables(
  lines: Line[],
  fragments: TableFragment[],
  options: { readonly keepCaptions?: boolean } = {},
): Line[] {
  return lines.filter(
    (l) =>
      !fragments.some(
        (f) => lineInFragment(l, f) || (!options.keepCaptions && l.page === f.page && isCaptionLine(l, f.captionBoxes)),
      ),
  );
}

/** Finds the tables on one page. `lines` are all text lines of the page (reading order, header/footer lines already removed). */
export function pageToFragments(page: PageContent, lines: Line[], settings?: Partial<TableSettings>): TableFragment[] {
  const s = resolveTableSettings(settings);
  const pageNo = page.info.page;
  const rulings = page.rulings.filter((r) => r.page === pageNo);
  const items = page.items.filter((it) => it.page === pageNo);
  const onPage = lines.filter((l) => l.page === pageNo);
  const lattice = pageToLatticeFragments(pageNo, items, rulings, s);
  const stream = linesToStreamFragments(linesOutsideTables(onPage, lattice), pageNo, s);
  const found: (TableFragment & FragmentStats)[] = [...lattice, ...stream].sort((a, b) => a.bbox.top - b.bbox.top);
  if (found.length === 0) return [];

  const prose = linesOutsideTables(onPage, found);
  const boxes = [...onPage.map((l) => l.bbox), ...found.map((f) => f.bbox)];
  const column: TextColumn = { x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)) };
  const consumed = new Set<Line>();
  const out: (TableFragment & FragmentStats)[] = [];
  for (const f of found) {
    const ceiling = Math.max(-Infinity, ...out.filter((o) => o.bbox.x1 > f.bbox.x0 && o.bbox.x0 < f.bbox.x1).map((o) => o.bbox.bottom));
    out.push(attachCaption(f, prose, column, consumed, ceiling, s));
  }
  for (const f of out) {
    f.linesAbove = onPage.filter(
      (l) => l.bbox.bottom <= f.bbox.top + 1 && !isCaptionLine(l, f.captionBoxes) && !lineInFragment(l, f),
    ).length;
  }
  return out;
}
