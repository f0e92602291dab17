/**
 * Text items → lines. Items whose vertical extents overlap enough share a line; a line's runs are
 * joined left to right with `joinRuns` (spaces kept; consumers tighten). Lines come in reading
 * order: top to bottom; a two-column region (a gutter shared by several consecutive rows, both
 * sides wide) is read column by column. A single row with a wide gap (the 印发 line 'organ …
 * date印发', a table row) stays ONE line: the tables stage and the 公文 split rely on that.
 * Boxes are PDF points, top-left origin.
 */
import type { Line, TextItem } from '../model/types.ts';
import { itemsToRuns, joinRuns } from '../text/spacing.ts';
import { median, unionBox } from './geometry.ts';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.ts';

interface Row {
  /** vertical band of the row's first (highest) item, pt */
  top: number;
  bottom: number;
  items: TextItem[];
}

/** Groups text items into lines per page, pages in ascending order, lines in reading order. */
export function itemsToLines(items: TextItem[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Line[] {
  const byPage = new Map<number, TextItem[]>();
  for (const it of items) {
    if (it.text.trim() === '') continue;
    const list = byPage.get(it.page) ?? [];
    list.push(it);
    byPage.set(it.page, list);
  }
  const out: Line[] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    out.push(...rowsToLines(itemsToRows(byPage.get(page)!, settings), settings));
  }
  return out;
}

/** Builds one line from items of one row. */
export function itemsToLine(items: readonly TextItem[], gapRatio = DEFAULT_LAYOUT_SETTINGS.runGapRatio): Line {
  const sorted = [...items].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return {
    page: sorted[0]!.page,
    bbox: unionBox(sorted.map((i) => i.bbox)),
    text: joinRuns(itemsToRuns(sorted), gapRatio),
    items: sorted,
    fontSize: median(sorted.map((i) => i.fontSize)),
  };
}

function height(top: number, bottom: number): number {
  return Math.max(bottom - top, 0.1);
}

/** Overlap of an item's vertical extent with a row band, as a share of the smaller height. */
function overlapShare(row: Row, it: TextItem): number {
  const ov = Math.min(row.bottom, it.bbox.bottom) - Math.max(row.top, it.bbox.top);
  return ov / Math.min(height(row.top, row.bottom), height(it.bbox.top, it.bbox.bottom));
}

/** Clusters items into rows (same baseline), rows sorted top to bottom. */
function itemsToRows(items: readonly TextItem[], s: LayoutSettings): Row[] {
  const centre = (i: TextItem): number => (i.bbox.top + i.bbox.bottom) / 2;
  const sorted = [...items].sort((a, b) => centre(a) - centre(b) || a.bbox.x0 - b.bbox.x0);
  const rows: Row[] = [];
  for (const it of sorted) {
    let best: Row | null = null;
    let bestShare = 0;
    // items arrive by centre, so only the last few rows can still overlap
    for (let r = rows.length - 1; r >= Math.max(0, rows.length - 8); r--) {
      const share = overlapShare(rows[r]!, it);
      if (share >= s.lineOverlap && share > bestShare) {
        best = rows[r]!;
        bestShare = share;
      }
    }
    if (best) best.items.push(it);
    else rows.push({ top: it.bbox.top, bottom: it.bbox.bottom, items: [it] });
  }
  return rows.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
}

/** x-extent of the items left and right of `mid`, pt. */
function sides(row: Row, mid: number): { left: number; right: number } {
  const l = row.items.filter((i) => i.bbox.x1 <= mid);
  const r = row.items.filter((i) => i.bbox.x0 >= mid);
  const span = (xs: TextItem[]): number =>
    xs.length === 0 ? 0 : Math.max(...xs.map((i) => i.bbox.x1)) - Math.min(...xs.map((i) => i.bbox.x0));
  return { left: span(l), right: span(r) };
}

/** Whether no item of the row straddles x = mid. */
function fits(row: Row, mid: number): boolean {
  return row.items.every((i) => i.bbox.x1 <= mid + 0.5 || i.bbox.x0 >= mid - 0.5);
}

/** Midpoints of the gaps wider than `columnGap` × font size between a row's runs. */
function gutters(row: Row, s: LayoutSettings): number[] {
  const sorted = [...row.items].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const out: number[] = [];
  let reach = -Infinity;
  for (const it of sorted) {
    if (reach > -Infinity && it.bbox.x0 - reach > s.columnGap * it.fontSize) out.push((reach + it.bbox.x0) / 2);
    reach = Math.max(reach, it.bbox.x1);
  }
  return out;
}

/** Rows → lines in reading order, reading two-column regions column by column. */
function rowsToLines(rows: Row[], s: LayoutSettings): Line[] {
  const all = rows.flatMap((r) => r.items);
  const width = Math.max(...all.map((i) => i.bbox.x1)) - Math.min(...all.map((i) => i.bbox.x0));
  const supports = (row: Row, mid: number): boolean => {
    const { left, right } = sides(row, mid);
    return fits(row, mid) && left >= s.columnMinShare * width && right >= s.columnMinShare * width;
  };
  const out: Line[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    let run: { mid: number; last: number } | null = null;
    for (const mid of gutters(row, s)) {
      if (!supports(row, mid)) continue;
      let count = 1;
      let last = i;
      for (let j = i + 1; j < rows.length && fits(rows[j]!, mid); j++) {
        if (supports(rows[j]!, mid)) {
          count++;
          last = j;
        }
      }
      if (count >= s.columnMinRows) {
        run = { mid, last };
        break;
      }
    }
    if (!run) {
      out.push(itemsToLine(row.items, s.runGapRatio));
      i++;
      continue;
    }
    const region = rows.slice(i, run.last + 1);
    const mid = run.mid;
    for (const pick of [(it: TextItem) => it.bbox.x1 <= mid + 0.5, (it: TextItem) => it.bbox.x1 > mid + 0.5]) {
      for (const r of region) {
        const part = r.items.filter(pick);
        if (part.length > 0) out.push(itemsToLine(part, s.runGapRatio));
      }
    }
    i = run.last + 1;
  }
  return out;
}
