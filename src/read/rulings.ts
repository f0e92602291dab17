/**
 * pdf.js operator list → ruling lines (table borders), in points, top-left origin of the
 * displayed page.
 *
 * Sources: straight horizontal/vertical segments of stroked paths (pdfkit, Word) and filled
 * rectangles thin in one dimension (Chromium, LibreOffice draw borders that way). The current
 * transform is tracked through save/restore, `cm` and form XObjects.
 *
 * pdf.js 5.6 shape (checked on real files): `OPS.constructPath` has args
 * `[paintOp, [Float32Array pathData], minMax]`; pathData codes 0 moveTo x y, 1 lineTo x y,
 * 2 curveTo x1 y1 x2 y2 x y, 3 quadraticCurveTo x1 y1 x y, 4 closePath; `re` arrives expanded into
 * moveTo/lineTo×3/closePath. `paintFormXObjectBegin` has args `[matrix | null, bbox]` and
 * implies a save; colours arrive as `setFillRGBColor ['#rrggbb']` (gray and CMYK converted).
 */

import type { RulingLine } from '../model/types.ts';
import { apply, compose, IDENTITY, meanScale, toMatrix, type Matrix } from './matrix.ts';
import type { PdfjsLib } from './lib.ts';

export interface RulingSettings {
  /** A filled rectangle at most this thick (pt) in one dimension is a rule. @default 3 */
  readonly maxRuleThickness: number;
  /** A rule must be at least this long (pt); shorter marks (dots, bullets) are dropped. @default 3 */
  readonly minLength: number;
  /** A segment whose ends differ by at most this much (pt) across its axis is straight. @default 0.5 */
  readonly skewTolerance: number;
  /** Pieces on the same axis whose `at` differs by at most this much (pt) may merge. @default 1 */
  readonly mergeAtTolerance: number;
  /** Pieces merge when the gap between them is at most this (pt); overlaps always merge. @default 1 */
  readonly mergeGap: number;
}

export const DEFAULT_RULINGS: RulingSettings = {
  maxRuleThickness: 3,
  minLength: 3,
  skewTolerance: 0.5,
  mergeAtTolerance: 1,
  mergeGap: 1,
};

/** The subset of pdf.js's OPS numbers this module reads. */
type Ops = PdfjsLib['OPS'];

interface GState {
  ctm: Matrix;
  lineWidth: number;
  fillWhite: boolean;
  strokeWhite: boolean;
}

type Pt = [number, number];
interface SubPath {
  pts: Pt[];
  /** true when every segment is straight (no curves) */
  straight: boolean;
  closed: boolean;
}

const WHITE = /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i; // ≥ #f0f0f0: paper-coloured, not a visible rule

/**
 * Ruling lines of one page from its operator list (`page.getOperatorList()`), given the
 * viewport transform (user space → displayed page, top-left origin). Collinear pieces merged.
 */
export function operatorListToRulings(
  ops: Ops,
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  pageNo: number,
  viewport: Matrix,
  settings: RulingSettings = DEFAULT_RULINGS,
): RulingLine[] {
  const stack: GState[] = [];
  let gs: GState = { ctm: IDENTITY, lineWidth: 1, fillWhite: false, strokeWhite: false };
  const pieces: RulingLine[] = [];
  const both = [ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke];
  const strokes = new Set<number>([ops.stroke, ops.closeStroke, ...both]);
  const fills = new Set<number>([ops.fill, ops.eoFill, ...both]);
  const closing = new Set<number>([ops.closeStroke, ops.closeFillStroke, ops.closeEOFillStroke]);

  for (let i = 0; i < opList.fnArray.length; i++) {
    const fn = opList.fnArray[i]!;
    const args = opList.argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        stack.push(gs);
        gs = { ...gs };
        break;
      case ops.restore:
        gs = stack.pop() ?? gs;
        break;
      case ops.transform:
        gs = { ...gs, ctm: compose(toMatrix(args), gs.ctm) };
        break;
      case ops.paintFormXObjectBegin:
        stack.push(gs);
        gs = { ...gs, ctm: compose(toMatrix(args?.[0]), gs.ctm) };
        break;
      case ops.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case ops.setLineWidth:
        gs = { ...gs, lineWidth: Number(args?.[0]) || 0 };
        break;
      case ops.setFillRGBColor:
        gs = { ...gs, fillWhite: WHITE.test(String(args?.[0])) };
        break;
      case ops.setStrokeRGBColor:
        gs = { ...gs, strokeWhite: WHITE.test(String(args?.[0])) };
        break;
      case ops.constructPath: {
        const paint = Number(args?.[0]);
        const stroke = strokes.has(paint) && !gs.strokeWhite;
        const fill = fills.has(paint) && !gs.fillWhite;
        if (!stroke && !fill) break;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) break;
        const m = compose(gs.ctm, viewport);
        const paths = pathDataToSubPaths(data, m);
        if (stroke) {
          const width = gs.lineWidth * meanScale(gs.ctm);
          for (const p of paths) strokedToRulings(p, closing.has(paint), width, pageNo, settings, pieces);
        }
        if (fill) for (const p of paths) filledToRuling(p, pageNo, settings, pieces);
        break;
      }
    }
  }
  return mergeRulings(pieces, settings);
}

/** pdf.js path data → sub-paths with points already in page coordinates (through `m`). */
export function pathDataToSubPaths(data: ArrayLike<number>, m: Matrix): SubPath[] {
  const out: SubPath[] = [];
  let cur: SubPath | null = null;
  let i = 0;
  const point = (x: number, y: number): Pt => apply(m, x, y);
  while (i < data.length) {
    const code = data[i++];
    if (code === 0) {
      cur = { pts: [point(data[i]!, data[i + 1]!)], straight: true, closed: false };
      out.push(cur);
      i += 2;
    } else if (code === 1) {
      cur?.pts.push(point(data[i]!, data[i + 1]!));
      i += 2;
    } else if (code === 2 || code === 3) {
      const n = code === 2 ? 6 : 4;
      if (cur) {
        cur.straight = false;
        // keep the end point so later segments start at the right place; mark the gap with NaN
        cur.pts.push([NaN, NaN], point(data[i + n - 2]!, data[i + n - 1]!));
      }
      i += n;
    } else if (code === 4) {
      if (cur) {
        cur.closed = true;
        // a new sub-path starts at the same point after closePath
        const start: Pt = cur.pts[0]!;
        cur = { pts: [start], straight: true, closed: false };
        out.push(cur);
      }
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out.filter((p) => p.pts.length > 1);
}

function strokedToRulings(
  p: SubPath,
  closeAll: boolean,
  width: number,
  pageNo: number,
  s: RulingSettings,
  out: RulingLine[],
): void {
  const pts = p.pts;
  const segs: [Pt, Pt][] = [];
  for (let k = 1; k < pts.length; k++) segs.push([pts[k - 1]!, pts[k]!]);
  if ((p.closed || closeAll) && pts.length > 2) segs.push([pts[pts.length - 1]!, pts[0]!]);
  for (const [a, b] of segs) {
    if (Number.isNaN(a[0]) || Number.isNaN(b[0])) continue; // a curve
    const dx = Math.abs(b[0] - a[0]);
    const dy = Math.abs(b[1] - a[1]);
    if (dy <= s.skewTolerance && dx >= s.minLength) {
      out.push({ page: pageNo, axis: 'h', from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]), at: (a[1] + b[1]) / 2, width });
    } else if (dx <= s.skewTolerance && dy >= s.minLength) {
      out.push({ page: pageNo, axis: 'v', from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]), at: (a[0] + b[0]) / 2, width });
    }
  }
}

/** A filled axis-aligned rectangle thin in one dimension → one ruling along its long axis. */
function filledToRuling(p: SubPath, pageNo: number, s: RulingSettings, out: RulingLine[]): void {
  if (!p.straight) return;
  let pts = p.pts;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (pts.length === 5 && near(first, last, s.skewTolerance)) pts = pts.slice(0, 4);
  if (pts.length !== 4) return;
  // every edge must be horizontal or vertical
  for (let k = 0; k < 4; k++) {
    const a = pts[k]!;
    const b = pts[(k + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > s.skewTolerance && Math.abs(a[1] - b[1]) > s.skewTolerance) return;
  }
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (Math.min(w, h) <= 0) return; // paints nothing
  if (h <= s.maxRuleThickness && w > h && w >= s.minLength) {
    out.push({ page: pageNo, axis: 'h', from: x0, to: x1, at: (y0 + y1) / 2, width: h });
  } else if (w <= s.maxRuleThickness && h > w && h >= s.minLength) {
    out.push({ page: pageNo, axis: 'v', from: y0, to: y1, at: (x0 + x1) / 2, width: w });
  }
}

function near(a: Pt, b: Pt, tol: number): boolean {
  return Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
}

/**
 * Merges collinear pieces: same axis, `at` within `mergeAtTolerance` of the first piece of the
 * group, and overlapping or separated by at most `mergeGap`. The merged `at` is the
 * length-weighted mean, `width` the largest. Output sorted by axis ('h' first), at, from.
 */
export function mergeRulings(lines: readonly RulingLine[], s: RulingSettings = DEFAULT_RULINGS): RulingLine[] {
  const out: RulingLine[] = [];
  for (const axis of ['h', 'v'] as const) {
    const sorted = lines.filter((l) => l.axis === axis).sort((a, b) => a.at - b.at || a.from - b.from);
    let k = 0;
    while (k < sorted.length) {
      // a band of pieces whose `at` lies within the tolerance of the band's first piece
      const band: RulingLine[] = [];
      const start = sorted[k]!.at;
      while (k < sorted.length && sorted[k]!.at - start <= s.mergeAtTolerance) band.push(sorted[k++]!);
      band.sort((a, b) => a.from - b.from);
      let group: RulingLine[] = [];
      let to = -Infinity;
      for (const l of band) {
        if (group.length && l.from - to > s.mergeGap) {
          out.push(mergeGroup(group));
          group = [];
          to = -Infinity;
        }
        group.push(l);
        to = Math.max(to, l.to);
      }
      if (group.length) out.push(mergeGroup(group));
    }
  }
  return out.sort((a, b) => (a.axis === b.axis ? a.at - b.at || a.from - b.from : a.axis === 'h' ? -1 : 1));
}

function mergeGroup(group: readonly RulingLine[]): RulingLine {
  if (group.length === 1) return { ...group[0]! };
  let from = Infinity;
  let to = -Infinity;
  let width = 0;
  let sumAt = 0;
  let sumLen = 0;
  for (const l of group) {
    from = Math.min(from, l.from);
    to = Math.max(to, l.to);
    width = Math.max(width, l.width);
    const len = Math.max(l.to - l.from, 1e-6);
    sumAt += l.at * len;
    sumLen += len;
  }
  const g = group[0]!;
  return { page: g.page, axis: g.axis, from, to, at: sumAt / sumLen, width };
}
