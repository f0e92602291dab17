/**
 * Ruling region → grid (column x's and row y's) → cells with spans. PDF points, top-left origin.
 */
import type { BBox } from '../model/types.ts';
import { clusterValues, coverage, mergeIntervals, type Interval } from './geometry.ts';
import type { Ruling, RulingRegion } from './rulings.ts';
import type { TableSettings } from './settings.ts';

/** The grid of one ruled region: `xs` column boundaries and `ys` row boundaries, ascending. */
export interface Grid {
  xs: number[];
  ys: number[];
  /** for each x in `xs`, the y-intervals covered by vertical rulings at that x */
  vCover: Interval[][];
  /** for each y in `ys`, the x-intervals covered by horizontal rulings at that y */
  hCover: Interval[][];
}

/** A cell of the grid: top-left slot, spans (in slots) and its box. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

/** Snapped, de-duplicated edge positions; the outermost values are kept as they are. */
function edgesOf(values: number[], lo: number, hi: number, s: TableSettings): number[] {
  const snapped = clusterValues([...values, lo, hi], s.snapTolerance);
  const out: number[] = [];
  for (let i = 0; i < snapped.length; i++) {
    const v = snapped[i]!;
    const last = out[out.length - 1];
    if (last !== undefined && v - last < s.minSlotSize) {
      if (i === snapped.length - 1) out[out.length - 1] = v; // keep the outer edge
      continue;
    }
    out.push(v);
  }
  return out;
}

/** Intervals of the rulings lying on each edge (nearest edge within `minSlotSize`). */
function coverOf(edges: readonly number[], lines: readonly Ruling[], s: TableSettings): Interval[][] {
  const per: Interval[][] = edges.map(() => []);
  const reach = Math.max(s.snapTolerance, s.minSlotSize);
  for (const l of lines) {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < edges.length; i++) {
      const d = Math.abs(edges[i]! - l.at);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0 && bestD <= reach) per[best]!.push({ from: l.from, to: l.to });
  }
  return per.map((ivs) => mergeIntervals(ivs, s.joinTolerance));
}

/** Ruling region → grid: x of the v-lines, y of the h-lines (snapped), region extremes included. */
export function regionToGrid(region: RulingRegion, s: TableSettings): Grid {
  const xs = edgesOf(region.v.map((l) => l.at), region.bbox.x0, region.bbox.x1, s);
  const ys = edgesOf(region.h.map((l) => l.at), region.bbox.top, region.bbox.bottom, s);
  return { xs, ys, vCover: coverOf(xs, region.v, s), hCover: coverOf(ys, region.h, s) };
}

/**
 * Grid → cells. Neighbouring slots with no border between them (no ruling covering
 * `borderCoverage` of the shared edge) are one cell; cells are grown right, then down, so they
 * are always rectangles. Rows and columns in which no cell starts are then removed (they come
 * from stray lines inside a merged cell), so every row and column of the result is real.
 */
export function gridToCells(grid: Grid, s: TableSettings): { grid: Grid; cells: GridCell[] } {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R < 1 || C < 1) return { grid, cells: [] };
  const vBorder = (r: number, c: number): boolean =>
    coverage(grid.vCover[c + 1]!, ys[r]!, ys[r + 1]!) >= s.borderCoverage; // right of slot (r,c)
  const hBorder = (r: number, c: number): boolean =>
    coverage(grid.hCover[r + 1]!, xs[c]!, xs[c + 1]!) >= s.borderCoverage; // below slot (r,c)
  const owner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(-1));
  const raw: { row: number; col: number; rowSpan: number; colSpan: number }[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (owner[r]![c]! >= 0) continue;
      let cs = 1;
      while (c + cs < C && owner[r]![c + cs]! < 0 && !vBorder(r, c + cs - 1)) cs++;
      let rs = 1;
      grow: while (r + rs < R) {
        for (let j = c; j < c + cs; j++) {
          if (owner[r + rs]![j]! >= 0 || hBorder(r + rs - 1, j)) break grow;
          if (j < c + cs - 1 && vBorder(r + rs, j)) break grow;
        }
        rs++;
      }
      const id = raw.length;
      raw.push({ row: r, col: c, rowSpan: rs, colSpan: cs });
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) owner[i]![j] = id;
    }
  }
  return compact(grid, raw);
}

/** Removes rows/columns where no cell starts and re-indexes the cells. */
function compact(
  grid: Grid,
  raw: readonly { row: number; col: number; rowSpan: number; colSpan: number }[],
): { grid: Grid; cells: GridCell[] } {
  const R = grid.ys.length - 1;
  const C = grid.xs.length - 1;
  const rowStarts = new Array<boolean>(R).fill(false);
  const colStarts = new Array<boolean>(C).fill(false);
  for (const c of raw) {
    rowStarts[c.row] = true;
    colStarts[c.col] = true;
  }
  const rowMap = prefixIndex(rowStarts);
  const colMap = prefixIndex(colStarts);
  const ys = [...grid.ys.filter((_, i) => i < R && rowStarts[i]), grid.ys[R]!];
  const xs = [...grid.xs.filter((_, i) => i < C && colStarts[i]), grid.xs[C]!];
  const hCover = [...grid.hCover.filter((_, i) => i < R && rowStarts[i]), grid.hCover[R]!];
  const vCover = [...grid.vCover.filter((_, i) => i < C && colStarts[i]), grid.vCover[C]!];
  const cells = raw.map((c): GridCell => {
    const row = rowMap[c.row]!;
    const col = colMap[c.col]!;
    const rowEnd = c.row + c.rowSpan === R ? ys.length - 1 : rowMap[c.row + c.rowSpan]!;
    const colEnd = c.col + c.colSpan === C ? xs.length - 1 : colMap[c.col + c.colSpan]!;
    return {
      row,
      col,
      rowSpan: rowEnd - row,
      colSpan: colEnd - col,
      bbox: { x0: xs[col]!, x1: xs[colEnd]!, top: ys[row]!, bottom: ys[rowEnd]! },
    };
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { grid: { xs, ys, hCover, vCover }, cells };
}

/** For each index, the number of kept indices before it (the new index of a kept one). */
function prefixIndex(kept: readonly boolean[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (const k of kept) {
    out.push(n);
    if (k) n++;
  }
  return out;
}

/** For each slot (row, col), the index into `cells` of the cell covering it. */
export function cellsToOwner(cells: readonly GridCell[], rows: number, cols: number): number[][] {
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  cells.forEach((c, id) => {
    for (let i = c.row; i < c.row + c.rowSpan; i++) for (let j = c.col; j < c.col + c.colSpan; j++) owner[i]![j] = id;
  });
  return owner;
}
