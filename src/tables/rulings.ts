/**
 * Ruling lines → table regions: collinear pieces joined, then lines that cross or touch grouped
 * into connected components. PDF points, top-left origin.
 */
import type { BBox, RulingLine } from '../model/types.ts';
import { mergeIntervals } from './geometry.ts';
import type { TableSettings } from './settings.ts';

/** One ruling after joining its collinear pieces. For 'h': x from..to at y=at; for 'v': y from..to at x=at. */
export interface Ruling {
  axis: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** A group of connected rulings: the frame of one ruled table. */
export interface RulingRegion {
  h: Ruling[];
  v: Ruling[];
  bbox: BBox;
}

/**
 * Joins collinear pieces (same axis, `at` within `snapTolerance`, gaps ≤ `joinTolerance`) into
 * whole lines. Chromium and Word draw each cell's border separately; this undoes that.
 */
export function rulingsToMergedLines(rulings: readonly RulingLine[], s: TableSettings): Ruling[] {
  const out: Ruling[] = [];
  for (const axis of ['h', 'v'] as const) {
    const list = rulings
      .filter((r) => r.axis === axis && Number.isFinite(r.at) && r.to >= r.from)
      .sort((a, b) => a.at - b.at);
    let group: RulingLine[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const at = group.reduce((sum, r) => sum + r.at, 0) / group.length;
      for (const iv of mergeIntervals(group, s.joinTolerance)) out.push({ axis, at, from: iv.from, to: iv.to });
      group = [];
    };
    for (const r of list) {
      const last = group[group.length - 1];
      if (last && r.at - last.at > s.snapTolerance) flush();
      group.push(r);
    }
    flush();
  }
  return out;
}

/** Index of the first element of `sorted` (by `at`) with at ≥ v. */
function lowerBound(sorted: readonly Ruling[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The second lowest (or highest) of `ends` (≥ 2 values): how far two lines reach. One line alone
 * past the frame bounds no cell: on a scan it is a letter's stroke joined to a column rule.
 */
function second(ends: readonly number[], side: 'low' | 'high'): number {
  const sorted = [...ends].sort((a, b) => (side === 'low' ? a - b : b - a));
  return sorted[1]!;
}

/**
 * Merged rulings → connected components (an h and a v line are connected when they cross or
 * touch within `intersectTolerance`). Only components with ≥ 2 h and ≥ 2 v lines are returned,
 * each framed where at least two of its vertical lines reach (a lone one overshooting the top or
 * bottom rule is no border; left and right, a rule's overshoot is kept, so the edges of a table's
 * pages agree whichever rules overshoot),
 * top to bottom; h-only bands (three-line tables, 版记 rules) are left to the stream detector.
 */
export function linesToRegions(lines: readonly Ruling[], s: TableSettings): RulingRegion[] {
  const tol = s.intersectTolerance;
  const hs = lines.filter((l) => l.axis === 'h');
  const vs = lines.filter((l) => l.axis === 'v').sort((a, b) => a.at - b.at);
  const parent = lines.map((_, i) => i);
  const index = new Map<Ruling, number>(lines.map((l, i) => [l, i]));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const h of hs) {
    for (let j = lowerBound(vs, h.from - tol); j < vs.length && vs[j]!.at <= h.to + tol; j++) {
      const v = vs[j]!;
      if (h.at >= v.from - tol && h.at <= v.to + tol) {
        const a = find(index.get(h)!);
        const b = find(index.get(v)!);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, Ruling[]>();
  lines.forEach((l, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(l);
    else groups.set(root, [l]);
  });
  const regions: RulingRegion[] = [];
  for (const g of groups.values()) {
    const h = g.filter((l) => l.axis === 'h');
    const v = g.filter((l) => l.axis === 'v');
    if (h.length < 2 || v.length < 2) continue;
    const x0 = Math.min(...h.map((l) => l.from), ...v.map((l) => l.at));
    const x1 = Math.max(...h.map((l) => l.to), ...v.map((l) => l.at));
    const top = Math.min(second(v.map((l) => l.from), 'low'), ...h.map((l) => l.at));
    const bottom = Math.max(second(v.map((l) => l.to), 'high'), ...h.map((l) => l.at));
    regions.push({ h, v, bbox: { x0, top, x1, bottom } });
  }
  return regions.sort((a, b) => a.bbox.top - b.bbox.top || a.bbox.x0 - b.bbox.x0);
}
