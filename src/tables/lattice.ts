/**
 * Lattice detector: ruled regions of one page → table fragments. Each text item goes to the cell
 * holding its centre. PDF points, top-left origin.
 */
import type { BBox, Cell, RulingLine, TableFragment, TextItem } from '../model/types.ts';
import { tightenCjk } from '../text/spacing.ts';
import { centreX, centreY, intersectionArea, slotIndex } from './geometry.ts';
import { cellsToOwner, gridToCells, regionToGrid } from './grid.ts';
import { itemsToCellText, itemsToConfidence, itemsToDoubts, splitItemAtColumns } from './cellText.ts';
import { headerRowCount, isSectionRow, rowsToKinds } from './rowKinds.ts';
import { linesToRegions, rulingsToMergedLines, type RulingRegion } from './rulings.ts';
import { UNIT_LINE, unitOf } from './captions.ts';
import type { TableSettings } from './settings.ts';
import type { FragmentStats } from './fragmentStats.ts';

/** A section heading starts with an enumerator ('一、', '（二）', '3.'); an in-grid title does not. */
const ENUMERATED = /^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[、.．])/;

/** Text items of a page that belong to a region: centre inside, or box overlapping it (stray). */
function regionItems(region: RulingRegion, items: readonly TextItem[]): TextItem[] {
  const b = region.bbox;
  return items.filter((it) => it.text.trim() !== '' && intersectionArea(it.bbox, b) > 0);
}

/**
 * One ruled region → a fragment (undefined when the grid has fewer than `minLatticeCells` cells
 * or `minLatticeColumns` columns, more than `maxGridSlots` slots, or holds no text). In-grid captions (a leading full-width row that is not a numbered section and is
 * followed by a header-like row) become `title` / `unit`.
 */
export function regionToFragment(
  region: RulingRegion,
  pageItems: readonly TextItem[],
  page: number,
  s: TableSettings,
): (TableFragment & FragmentStats) | undefined {
  const raw = regionToGrid(region, s);
  if ((raw.xs.length - 1) * (raw.ys.length - 1) > s.maxGridSlots) return undefined;
  const { grid, cells: gridCells } = gridToCells(raw, s);
  if (gridCells.length < s.minLatticeCells || grid.xs.length - 1 < s.minLatticeColumns) return undefined;
  const R = grid.ys.length - 1;
  const C = grid.xs.length - 1;
  const owner = cellsToOwner(gridCells, R, C);
  const byCell: TextItem[][] = gridCells.map(() => []);
  let strayItems = 0;
  const inner = grid.xs.slice(1, -1);
  for (const it of regionItems(region, pageItems).flatMap((x) => splitItemAtColumns(x, inner))) {
    const r = slotIndex(grid.ys, centreY(it.bbox));
    const c = slotIndex(grid.xs, centreX(it.bbox));
    const id = r >= 0 && c >= 0 ? owner[r]![c]! : -1;
    if (id < 0) strayItems++;
    else byCell[id]!.push(it);
  }
  if (byCell.every((list) => list.length === 0)) return undefined;
  let cells: Cell[] = gridCells.map((g, i) => ({
    row: g.row,
    col: g.col,
    rowSpan: g.rowSpan,
    colSpan: g.colSpan,
    text: itemsToCellText(byCell[i]!, s.cellSpaceRatio),
    bbox: g.bbox,
    page,
    confidence: itemsToConfidence(byCell[i]!),
    ...itemsToDoubts(byCell[i]!),
  }));

  // leading full-width rows that are captions drawn inside the grid
  let title: string | undefined;
  let titleBox: BBox | undefined;
  let unit: string | undefined;
  const captionBoxes: BBox[] = [];
  let dropTop = 0;
  while (dropTop < R - 1 && isSectionRow(cells, dropTop, C)) {
    const cell = cells.find((c) => c.row === dropTop)!;
    const nextIsHeaderLike = !isSectionRow(cells, dropTop + 1, C) && headerRowCount(
      rowsOf(cells, R, C).slice(dropTop + 1), shift(cells, dropTop + 1), C, s) > 0;
    const isUnit = UNIT_LINE.test(cell.text);
    if (!isUnit && (ENUMERATED.test(cell.text) || !nextIsHeaderLike || title !== undefined)) break;
    if (isUnit) unit = unitOf(cell.text);
    else {
      title = tightenCjk(cell.text);
      titleBox = cell.bbox;
    }
    captionBoxes.push(cell.bbox);
    dropTop++;
  }
  if (dropTop > 0) cells = shift(cells, dropTop);
  const rowCount = R - dropTop;
  const rows = rowsOf(cells, rowCount, C);
  const headerRows = headerRowCount(rows, cells, C, s);
  const top = grid.ys[dropTop]!;
  const fragment: TableFragment & FragmentStats = {
    page,
    bbox: { x0: grid.xs[0]!, x1: grid.xs[C]!, top, bottom: grid.ys[R]! },
    detector: 'lattice',
    columns: C,
    rows,
    rowKinds: rowsToKinds(rowCount, headerRows, cells, C),
    cells,
    columnEdges: [...grid.xs],
    captionBoxes,
    strayItems,
    linesAbove: 0,
  };
  if (title !== undefined) fragment.title = title;
  if (titleBox !== undefined) fragment.titleBox = titleBox;
  if (unit !== undefined) fragment.unit = unit;
  return fragment;
}

/** Cells from row `from` on, re-indexed so that row `from` becomes row 0. */
function shift(cells: readonly Cell[], from: number): Cell[] {
  return cells.filter((c) => c.row >= from).map((c) => ({ ...c, row: c.row - from }));
}

/** Cells → `rows` (spanning cell's text in its first slot, '' elsewhere). */
export function rowsOf(cells: readonly Cell[], rowCount: number, columns: number): string[][] {
  const rows = Array.from({ length: rowCount }, () => new Array<string>(columns).fill(''));
  for (const c of cells) if (c.row >= 0 && c.row < rowCount && c.col < columns) rows[c.row]![c.col] = c.text;
  return rows;
}

/** All ruled tables of one page, top to bottom. */
export function pageToLatticeFragments(
  page: number,
  items: readonly TextItem[],
  rulings: readonly RulingLine[],
  s: TableSettings,
): (TableFragment & FragmentStats)[] {
  const regions = linesToRegions(rulingsToMergedLines(rulings, s), s);
  const out: (TableFragment & FragmentStats)[] = [];
  for (const region of regions) {
    const f = regionToFragment(region, items, page, s);
    if (f) out.push(f);
  }
  return out;
}
