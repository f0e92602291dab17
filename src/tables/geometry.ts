/**
 * Small geometry helpers over boxes and 1-D intervals. PDF points, top-left origin, y down.
 */
import type { BBox } from '../model/types.ts';
import { unionBox } from '../model/evidence.ts';

/** Smallest box holding all the given boxes; undefined for none. */
export function unionBoxes(boxes: readonly BBox[]): BBox | undefined {
  return boxes.length === 0 ? undefined : unionBox(boxes);
}

export function centreX(b: BBox): number {
  return (b.x0 + b.x1) / 2;
}

export function centreY(b: BBox): number {
  return (b.top + b.bottom) / 2;
}

/** Whether point (x, y) lies in `b` grown by `pad` on every side. */
export function containsPoint(b: BBox, x: number, y: number, pad = 0): boolean {
  return x >= b.x0 - pad && x <= b.x1 + pad && y >= b.top - pad && y <= b.bottom + pad;
}

/** Length of the overlap of [a0, a1] and [b0, b1] (0 when apart). */
export function overlap1d(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Area of the intersection of two boxes, pt². */
export function intersectionArea(a: BBox, b: BBox): number {
  return overlap1d(a.x0, a.x1, b.x0, b.x1) * overlap1d(a.top, a.bottom, b.top, b.bottom);
}

/**
 * Groups sorted-or-not numbers into clusters whose neighbours are at most `tol` apart and returns
 * the mean of each cluster, ascending.
 */
export function clusterValues(values: readonly number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Index of the interval [edges[i], edges[i+1]) holding `v`, or -1 outside [edges[0], edges[last]]. */
export function slotIndex(edges: readonly number[], v: number): number {
  const n = edges.length;
  if (n < 2 || v < edges[0]! || v > edges[n - 1]!) return -1;
  let lo = 0;
  let hi = n - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** An interval [from, to] on one axis. */
export interface Interval {
  from: number;
  to: number;
}

/** Merges intervals that overlap or lie at most `gap` apart; result sorted by `from`. */
export function mergeIntervals(intervals: readonly Interval[], gap: number): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.from <= last.to + gap) last.to = Math.max(last.to, iv.to);
    else out.push({ from: iv.from, to: iv.to });
  }
  return out;
}

/** Share of [from, to] covered by the (sorted, disjoint) intervals, 0..1. */
export function coverage(intervals: readonly Interval[], from: number, to: number): number {
  const len = to - from;
  if (len <= 0) return 0;
  let covered = 0;
  for (const iv of intervals) {
    if (iv.from >= to) break;
    covered += overlap1d(iv.from, iv.to, from, to);
  }
  return covered / len;
}
