/**
 * Ruling lines (table borders) from a page image, as `RulingLine`s in PDF points (top-left origin
 * of the displayed page, model/types.ts) — the same type the born-digital path reads from vector
 * paths, so the lattice detector (src/tables) builds the grid from them unchanged.
 *
 * Method (pixels, top-left origin): "line ink" (lineInk.ts: a pixel darker than the paper across the
 * rule, after a short blur along it; or a Sauvola/Otsu binarisation) and despeckle; per row, runs of ink
 * with gaps ≤ `maxGapPt` closed and at least `minRunShare` of the image width long (a horizontal
 * opening with a long thin kernel: text strokes are shorter); runs on adjacent rows that overlap
 * are linked (a rule drifting by a pixel every few hundred pixels under residual skew stays one
 * line); each linked group is a line if it is ≥ `minLengthShare` of the image width long and at
 * most `maxThicknessPt` thick on average; collinear pieces are merged. Vertical lines: the same on
 * the transposed image. Text strokes: a line shorter than `anchorFreeShareH`/`V` of the image width
 * is kept only when both its ends meet a perpendicular line (a cell border does; 一, 二, —— and
 * strokes lined up along a row of text do not); an end running past the last line it crosses is cut
 * back to it.
 */
import type { RulingLine } from '../model/types.ts';
import { binarizeOtsu, binarizeSauvola, despeckle, inkWords, nextInk, transposeBitmap, type Bitmap } from './binarize.ts';
import { horizontalLineInk, verticalLineInkT, type LineInkSettings } from './lineInk.ts';
import { rasterAffine } from './transform.ts';
import type { PageRaster } from './types.ts';

export interface RasterRulingSettings {
  /** which pixels are ink: local contrast across the rule (lineInk.ts), or a binarisation. @default 'contrast' */
  readonly binarize: 'contrast' | 'sauvola' | 'otsu';
  /** 'contrast': least darkening against the paper beside the rule, grey levels. @default 22 */
  readonly contrast: number;
  /** remove isolated ink pixels first. @default true */
  readonly despeckle: boolean;
  /** gaps in a run up to this long are closed (broken, faded lines), pt. @default 2.2 (6 px at 200 dpi) */
  readonly maxGapPt: number;
  /** a run on one row must be at least this share of the image width long (the opening kernel). @default 1/40 */
  readonly minRunShare: number;
  /** a line must be at least this share of the image width long. @default 1/30 */
  readonly minLengthShare: number;
  /**
   * a horizontal line at least this share of the image width long needs no perpendicular line at
   * its ends; shorter ones do (rows of text can line up strokes over several characters). @default 1/5
   */
  readonly anchorFreeShareH: number;
  /** the same for vertical lines (text lines do not stack strokes vertically). @default 1/10 */
  readonly anchorFreeShareV: number;
  /** a run must be at least this share ink (after gap closing). @default 0.6 */
  readonly minFill: number;
  /** a line's own ink (before gap closing) must cover this share of its length. @default 0.8 */
  readonly minCoverage: number;
  /** lines thicker than this (on average) are filled areas, not rules, pt. @default 4 */
  readonly maxThicknessPt: number;
  /** collinear pieces whose positions differ by at most this merge, pt. @default 1.2 */
  readonly atTolerancePt: number;
  /**
   * 'page': points of the displayed page through `toPoints` (a deskewed raster's lines are mapped
   * back onto the skewed page: their centres are exact, their ends approximate). 'raster': the
   * raster's own pixel frame scaled to points (px·72/dpi) — axis-aligned exactly; map boxes built
   * from it to the page with `pixelBoxToBBox`. @default 'page'
   */
  readonly frame: 'page' | 'raster';
}

export const DEFAULT_RASTER_RULINGS: RasterRulingSettings = {
  binarize: 'contrast',
  contrast: 22,
  despeckle: true,
  maxGapPt: 2.2,
  minRunShare: 1 / 40,
  minLengthShare: 1 / 30,
  anchorFreeShareH: 1 / 5,
  anchorFreeShareV: 1 / 10,
  minFill: 0.6,
  minCoverage: 0.8,
  maxThicknessPt: 4,
  atTolerancePt: 1.2,
  frame: 'page',
};

/** A line in pixels: along the axis from..to (exclusive end), centred at `at`, `thickness` px. */
export interface PixelLine {
  axis: 'h' | 'v';
  from: number;
  to: number;
  at: number;
  thickness: number;
}

interface LineParams {
  maxGap: number;
  minRun: number;
  minLength: number;
  minFill: number;
  minCoverage: number;
  maxThickness: number;
  atTolerance: number;
}

/** Ruling lines of a page raster (see the file comment), sorted 'h' first, then by position. */
export function rasterToRulings(raster: PageRaster, settings: Partial<RasterRulingSettings> = {}): RulingLine[] {
  const s = { ...DEFAULT_RASTER_RULINGS, ...settings };
  const img = raster.image;
  let hInk: Bitmap;
  let vInkT: Bitmap;
  if (s.binarize === 'contrast') {
    const px = raster.dpi / 72;
    const ink: LineInkSettings = {
      blur: 3,
      reach: Math.ceil((s.maxThicknessPt * px) / 2) + 2,
      contrast: s.contrast,
      paperLevel: 235,
    };
    hInk = horizontalLineInk(img, ink);
    vInkT = verticalLineInkT(img, ink);
  } else {
    hInk = s.binarize === 'otsu' ? binarizeOtsu(img) : binarizeSauvola(img);
    vInkT = transposeBitmap(hInk);
  }
  if (s.despeckle) {
    // both bitmaps are this function's own (the otsu/sauvola one is not shared either: vInkT is its transposed copy)
    hInk = despeckle(hInk, true);
    vInkT = despeckle(vInkT, true);
  }
  const lines = inkToPixelLines(hInk, vInkT, raster.dpi, s);
  return pixelLinesToRulings(lines, raster, s.frame);
}

/** Horizontal and vertical lines of a bitmap (1 = ink), pixels. `dpi` converts the pt settings. */
export function bitmapToPixelLines(bm: Bitmap, dpi: number, settings: Partial<RasterRulingSettings> = {}): PixelLine[] {
  return inkToPixelLines(bm, transposeBitmap(bm), dpi, settings);
}

/** Lines from the ink of horizontal rules and the (transposed) ink of vertical ones, pixels. */
function inkToPixelLines(hInk: Bitmap, vInkT: Bitmap, dpi: number, settings: Partial<RasterRulingSettings>): PixelLine[] {
  const s = { ...DEFAULT_RASTER_RULINGS, ...settings };
  const px = dpi / 72;
  const w = hInk.width;
  const p: LineParams = {
    maxGap: Math.max(1, Math.round(s.maxGapPt * px)),
    minRun: Math.max(8, Math.round(w * s.minRunShare)),
    minLength: Math.max(8, Math.round(w * s.minLengthShare)),
    minFill: s.minFill,
    minCoverage: s.minCoverage,
    maxThickness: Math.max(2, s.maxThicknessPt * px),
    atTolerance: Math.max(1.5, s.atTolerancePt * px),
  };
  const h = rowLines(hInk, p).map((l) => ({ ...l, axis: 'h' as const }));
  const v = rowLines(vInkT, p).map((l) => ({ ...l, axis: 'v' as const }));
  const tol = p.maxGap + p.maxThickness / 2 + 2;
  return anchoredLines([...h, ...v], { h: w * s.anchorFreeShareH, v: w * s.anchorFreeShareV }, tol);
}

/**
 * Lines at least `free` long, then (repeatedly) shorter ones whose both ends meet an accepted
 * perpendicular line: text strokes meet other strokes, not long rules. An end that runs on past
 * the last perpendicular line it crosses (a rule joined to a letter's stroke above the table) is
 * cut back to that line.
 */
function anchoredLines(lines: readonly PixelLine[], free: { h: number; v: number }, tol: number): PixelLine[] {
  const accepted = lines.filter((l) => l.to - l.from >= free[l.axis]);
  let pending = lines.filter((l) => l.to - l.from < free[l.axis]);
  const across = (l: PixelLine, c: PixelLine): boolean => c.axis !== l.axis && l.at >= c.from - tol && l.at <= c.to + tol;
  const meets = (l: PixelLine, end: number): boolean => accepted.some((c) => across(l, c) && Math.abs(c.at - end) <= tol + c.thickness / 2);
  /** `l` with each end that meets nothing cut back to the outermost perpendicular line it crosses, or undefined. */
  const anchored = (l: PixelLine): PixelLine | undefined => {
    const fromOk = meets(l, l.from);
    const toOk = meets(l, l.to);
    if (fromOk && toOk) return l;
    const crossed = accepted.filter((c) => across(l, c) && c.at > l.from && c.at < l.to).map((c) => c.at);
    if (crossed.length === 0) return undefined;
    const from = fromOk ? l.from : Math.min(...crossed);
    const to = toOk ? l.to : Math.max(...crossed);
    return to > from ? { ...l, from, to } : undefined;
  };
  for (let round = 0; round < 4 && pending.length; round++) {
    const now = pending.map((l) => [l, anchored(l)] as const).filter((p): p is readonly [PixelLine, PixelLine] => p[1] !== undefined);
    if (now.length === 0) break;
    accepted.push(...now.map((p) => p[1]));
    const taken = new Set(now.map((p) => p[0]));
    pending = pending.filter((l) => !taken.has(l));
  }
  return accepted;
}

interface Seg {
  y: number;
  x0: number;
  x1: number;
  ink: number;
}

/** Lines along the rows of `bm` (see the file comment), as `{from, to, at, thickness}`. */
function rowLines(bm: Bitmap, p: LineParams): Omit<PixelLine, 'axis'>[] {
  const { width: w, height: h, data } = bm;
  const segs: Seg[] = [];
  const rowStart = new Int32Array(h + 1);
  const words = inkWords(data);
  for (let y = 0; y < h; y++) {
    rowStart[y] = segs.length;
    const off = y * w;
    let x = 0;
    while (x < w) {
      x = nextInk(data, words, off + x, off + w) - off;
      if (x >= w) break;
      const x0 = x;
      let last = x;
      let ink = 0;
      while (x < w && x - last - 1 <= p.maxGap) {
        if (data[off + x]) {
          ink++;
          last = x;
        }
        x++;
      }
      const x1 = last + 1;
      if (x1 - x0 >= p.minRun && ink >= p.minFill * (x1 - x0)) segs.push({ y, x0, x1, ink });
      x = last + 1;
    }
  }
  rowStart[h] = segs.length;

  // link overlapping runs of adjacent rows (union-find)
  const parent = new Int32Array(segs.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let y = 1; y < h; y++) {
    let j = rowStart[y - 1]!;
    const jEnd = rowStart[y]!;
    for (let i = rowStart[y]!; i < rowStart[y + 1]!; i++) {
      const a = segs[i]!;
      while (j < jEnd && segs[j]!.x1 + p.maxGap < a.x0) j++;
      for (let k = j; k < jEnd && segs[k]!.x0 <= a.x1 + p.maxGap; k++) {
        const ra = find(i);
        const rb = find(k);
        if (ra !== rb) parent[ra] = rb;
      }
    }
  }
  const groups = new Map<number, Seg[]>();
  for (let i = 0; i < segs.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(segs[i]!);
    else groups.set(r, [segs[i]!]);
  }
  const pieces: Omit<PixelLine, 'axis'>[] = [];
  for (const g of groups.values()) {
    let from = Infinity;
    let to = -Infinity;
    let ink = 0;
    let sumY = 0;
    for (const sg of g) {
      from = Math.min(from, sg.x0);
      to = Math.max(to, sg.x1);
      ink += sg.ink;
      sumY += (sg.y + 0.5) * sg.ink;
    }
    const len = to - from;
    const thickness = ink / len;
    if (thickness > p.maxThickness) continue;
    // share of the columns with ink in the group's rows (no gap closing): rules ≈ 1, text less
    const cols = new Uint8Array(len);
    for (const sg of g) {
      const off = sg.y * w;
      for (let x = sg.x0; x < sg.x1; x++) if (data[off + x]) cols[x - from] = 1;
    }
    let covered = 0;
    for (let k = 0; k < len; k++) covered += cols[k]!;
    if (covered < p.minCoverage * len) continue;
    pieces.push({ from, to, at: sumY / ink, thickness });
  }
  return mergePieces(pieces, p).filter((l) => l.to - l.from >= p.minLength);
}

/**
 * Merges collinear pieces: positions within `atTolerance`, overlapping or separated by at most
 * `maxGap`. Position and thickness are length-weighted means.
 */
function mergePieces(pieces: Omit<PixelLine, 'axis'>[], p: LineParams): Omit<PixelLine, 'axis'>[] {
  const sorted = [...pieces].sort((a, b) => a.from - b.from);
  const out: (Omit<PixelLine, 'axis'> & { w: number })[] = [];
  for (const l of sorted) {
    const len = l.to - l.from;
    const host = out.find((o) => Math.abs(o.at - l.at) <= p.atTolerance && l.from - o.to <= p.maxGap);
    if (!host) {
      out.push({ ...l, w: len });
      continue;
    }
    const w = host.w + len;
    host.at = (host.at * host.w + l.at * len) / w;
    host.thickness = (host.thickness * host.w + l.thickness * len) / w;
    host.to = Math.max(host.to, l.to);
    host.w = w;
  }
  return out.map(({ w: _w, ...l }) => l).sort((a, b) => a.at - b.at || a.from - b.from);
}

/**
 * Pixel lines → `RulingLine`s in points, through `toPoints` ('page') or scaled by 72/dpi
 * ('raster'). A line's ends are mapped with `at` as the cross coordinate; its position is the mean
 * of the mapped ends, its axis the dominant direction of the mapped segment.
 */
export function pixelLinesToRulings(lines: readonly PixelLine[], raster: PageRaster, frame: 'page' | 'raster' = 'page'): RulingLine[] {
  const k = 72 / raster.dpi;
  const m = frame === 'raster' ? ([k, 0, 0, k, 0, 0] as const) : rasterAffine(raster);
  const map = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const out: RulingLine[] = [];
  for (const l of lines) {
    const [a, b] = l.axis === 'h' ? [map(l.from, l.at), map(l.to, l.at)] : [map(l.at, l.from), map(l.at, l.to)];
    // thickness direction: perpendicular pixel step
    const step = l.axis === 'h' ? Math.hypot(m[2], m[3]) : Math.hypot(m[0], m[1]);
    const horizontal = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]);
    const [i, j] = horizontal ? [0, 1] : [1, 0];
    out.push({
      page: raster.page,
      axis: horizontal ? 'h' : 'v',
      from: Math.min(a[i]!, b[i]!),
      to: Math.max(a[i]!, b[i]!),
      at: (a[j]! + b[j]!) / 2,
      width: l.thickness * step,
    });
  }
  return out.sort((a, b) => (a.axis === b.axis ? a.at - b.at || a.from - b.from : a.axis === 'h' ? -1 : 1));
}
