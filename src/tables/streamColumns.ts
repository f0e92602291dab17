/**
 * Stream detector, geometry part: text lines → row lines → runs (segments) split at wide gaps →
 * column separators shared by most rows. PDF points, top-left origin.
 */
import type { Line, TextItem } from '../model/types.ts';
import { overlap1d, slotIndex, type Interval } from './geometry.ts';
import type { TableSettings } from './settings.ts';

/** A run of items on one row line with no wide gap inside. */
export interface Segment {
  x0: number;
  x1: number;
  items: TextItem[];
  fontSize: number;
}

/** The items of one or more `Line`s sharing a baseline, with their segments. */
export interface RowLine {
  top: number;
  bottom: number;
  fontSize: number;
  lines: Line[];
  segments: Segment[];
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((a, b) => a - b);
  return v[v.length >> 1]!;
}

/** Items of one baseline, left to right → segments split where the gap > `streamGapRatio` × font size. */
export function itemsToSegments(items: readonly TextItem[], s: TableSettings): Segment[] {
  const sorted = items.filter((it) => it.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const out: Segment[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    const fs = Math.max(it.fontSize, last?.fontSize ?? 0, 1);
    if (last && it.bbox.x0 - last.x1 <= s.streamGapRatio * fs) {
      last.items.push(it);
      last.x1 = Math.max(last.x1, it.bbox.x1);
      last.fontSize = Math.max(last.fontSize, it.fontSize);
    } else out.push({ x0: it.bbox.x0, x1: it.bbox.x1, items: [it], fontSize: it.fontSize });
  }
  return out;
}

/**
 * Lines → row lines, top to bottom: lines whose vertical extents overlap by half the smaller
 * height are one row (a layout stage may cut a table row into several lines at wide gaps).
 */
export function linesToRowLines(lines: readonly Line[], s: TableSettings): RowLine[] {
  const sorted = [...lines].sort((a, b) => a.bbox.top - b.bbox.top || a.bbox.x0 - b.bbox.x0);
  const groups: { top: number; bottom: number; lines: Line[] }[] = [];
  for (const l of sorted) {
    const g = groups[groups.length - 1];
    const h = Math.max(l.bbox.bottom - l.bbox.top, 0.1);
    if (g && overlap1d(g.top, g.bottom, l.bbox.top, l.bbox.bottom) >= 0.5 * Math.min(h, g.bottom - g.top)) {
      g.lines.push(l);
      g.bottom = Math.max(g.bottom, l.bbox.bottom);
    } else groups.push({ top: l.bbox.top, bottom: l.bbox.bottom, lines: [l] });
  }
  return groups.map((g) => {
    const items = g.lines.flatMap((l) => l.items);
    return {
      top: g.top,
      bottom: g.bottom,
      fontSize: median(g.lines.map((l) => l.fontSize)) || 10,
      lines: g.lines,
      segments: itemsToSegments(items, s),
    };
  });
}

/** Boxes → their x-extents, those that overlap or touch (within 0.5 pt) merged. */
function touchingMerged(boxes: readonly { x0: number; x1: number }[]): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (const b of [...boxes].sort((p, q) => p.x0 - q.x0)) {
    const last = out[out.length - 1];
    if (last && b.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, b.x1);
    else out.push({ x0: b.x0, x1: b.x1 });
  }
  return out;
}

/** Column layout of a stream block: separators (free x-intervals) and the edges between columns. */
export interface StreamColumns {
  /** x extent of the block */
  x0: number;
  x1: number;
  separators: Interval[];
  /** x0, the middle of each separator, x1 (columns + 1 values) */
  edges: number[];
}

/**
 * Row lines with ≥ 2 segments → the x-intervals free of text in all but a few of them
 * (`1 - streamFitShare` of the rows may cross), at least `streamMinSeparator` × font size wide.
 * A free stretch that holds, in several rows, text wholly inside it and aligned (left, right or
 * centre) is a mostly empty column, not a gap: a narrow flag column ('↑', '↓'), a 备注 column
 * filled in two rows; the stretch is split around it (see {@link stretchToColumns}).
 */
export function rowLinesToColumns(rows: readonly RowLine[], s: TableSettings): StreamColumns | undefined {
  // the profile is built from items: a header set closer than the segment gap still shows its gaps
  // (items of one row that touch are one stretch: a row is counted once wherever it has text)
  const segs = rows.flatMap((r) => touchingMerged(r.segments.flatMap((g) => g.items.map((it) => it.bbox))));
  if (segs.length === 0) return undefined;
  const x0 = Math.min(...segs.map((g) => g.x0));
  const x1 = Math.max(...segs.map((g) => g.x1));
  const fs = median(rows.map((r) => r.fontSize)) || 10;
  const allowed = Math.floor((1 - s.streamFitShare) * rows.length + 1e-9);
  const events: { x: number; d: number }[] = [];
  for (const g of segs) events.push({ x: g.x0, d: 1 }, { x: g.x1, d: -1 });
  events.sort((a, b) => a.x - b.x);
  // free stretches: consecutive elementary intervals covered by at most `allowed` rows
  const stretches: Interval[] = [];
  let count = 0;
  let open: number | undefined;
  const close = (at: number): void => {
    if (open !== undefined && at > open) stretches.push({ from: open, to: at });
    open = undefined;
  };
  for (let i = 0; i < events.length; ) {
    const x = events[i]!.x;
    while (i < events.length && events[i]!.x === x) count += events[i++]!.d;
    if (i >= events.length) break;
    if (count <= allowed) open ??= x;
    else close(x);
  }
  close(x1);
  const minGap = s.streamMinSeparator * fs;
  const separators = stretches
    .flatMap((st) => stretchToColumns(st, rows, fs))
    .filter((g) => g.from > x0 && g.to < x1 && g.to - g.from >= minGap);
  if (separators.length === 0) return undefined;
  const edges = [x0, ...separators.map((g) => (g.from + g.to) / 2), x1];
  return { x0, x1, separators, edges };
}

/**
 * A free stretch → the gaps it holds: itself, or the pieces left around the mostly empty columns
 * inside it. Such a column is text lying wholly inside the stretch in ≥ 2 rows (rows with text
 * reaching into the stretch from outside do not count), the pieces overlapping each other and
 * sharing their left, right or centre x within one font size `fs`.
 */
function stretchToColumns(st: Interval, rows: readonly RowLine[], fs: number): Interval[] {
  const islands: Interval[] = [];
  for (const r of rows) {
    const items = r.segments.flatMap((g) => g.items).filter((it) => it.bbox.x1 > st.from && it.bbox.x0 < st.to);
    if (items.length === 0 || items.some((it) => it.bbox.x0 < st.from || it.bbox.x1 > st.to)) continue;
    islands.push({ from: Math.min(...items.map((it) => it.bbox.x0)), to: Math.max(...items.map((it) => it.bbox.x1)) });
  }
  islands.sort((a, b) => a.from - b.from);
  const clusters: Interval[][] = [];
  for (const isl of islands) {
    const last = clusters[clusters.length - 1];
    if (last && isl.from < Math.max(...last.map((c) => c.to))) last.push(isl);
    else clusters.push([isl]);
  }
  const spread = (f: (c: Interval) => number, c: Interval[]): number => Math.max(...c.map(f)) - Math.min(...c.map(f));
  const columns = clusters.filter(
    (c) => c.length >= 2 && Math.min(spread((i) => i.from, c), spread((i) => i.to, c), spread((i) => (i.from + i.to) / 2, c)) <= fs,
  );
  const out: Interval[] = [];
  let from = st.from;
  for (const c of columns) {
    out.push({ from, to: Math.min(...c.map((i) => i.from)) });
    from = Math.max(...c.map((i) => i.to));
  }
  out.push({ from, to: st.to });
  return out;
}

/**
 * Columns [first, last] a segment covers: more than one only when it crosses whole separators
 * (text merely reaching into a separator stays in the column it overlaps most).
 */
export function segmentToColumns(seg: Segment, cols: StreamColumns): [number, number] {
  let first = -1;
  let last = -1;
  cols.separators.forEach((sep, k) => {
    if (seg.x0 < sep.from && seg.x1 > sep.to) {
      if (first < 0) first = k;
      last = k + 1;
    }
  });
  if (first >= 0) return [first, last];
  const n = cols.edges.length - 1;
  const x = (seg.x0 + seg.x1) / 2;
  const col = x <= cols.edges[0]! ? 0 : x >= cols.edges[n]! ? n - 1 : Math.max(0, slotIndex(cols.edges, x));
  return [col, col];
}
