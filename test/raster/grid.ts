/** Test helpers: compare ruling sets by the positions of their lines (clustered). */
import type { RulingLine } from '../../src/model/types.ts';
import type { GrayImage } from '../../src/raster/types.ts';

/** Sorted distinct `at` values of one axis, values within `tol` pt clustered (mean). */
export function positions(lines: readonly RulingLine[], axis: 'h' | 'v', tol = 2): number[] {
  const ats = lines.filter((l) => l.axis === axis).map((l) => l.at).sort((a, b) => a - b);
  const out: number[][] = [];
  for (const a of ats) {
    const last = out[out.length - 1];
    if (last && a - last[last.length - 1]! <= tol) last.push(a);
    else out.push([a]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Largest |a[i] − b[i]| (Infinity when the counts differ). */
export function maxDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
}

/**
 * Born-digital rulings that are visibly drawn in a clean render at `dpi` (pixel (x, y) = point ·
 * dpi/72): the darkest pixel across the line at its middle is darker than `level`. (A border
 * mostly clipped away renders as a 1-px grey hairline no scan keeps.)
 */
export function visibleRulings(lines: readonly RulingLine[], clean: GrayImage, dpi: number, level = 150): RulingLine[] {
  const k = dpi / 72;
  return lines.filter((l) => {
    const mid = (l.from + l.to) / 2;
    let min = 255;
    for (let d = -3; d <= 3; d++) {
      const [x, y] = l.axis === 'h' ? [Math.round(mid * k), Math.round(l.at * k) + d] : [Math.round(l.at * k) + d, Math.round(mid * k)];
      if (x >= 0 && y >= 0 && x < clean.width && y < clean.height) min = Math.min(min, clean.data[y * clean.width + x]!);
    }
    return min < level;
  });
}

/** Share of `line`'s length covered by `pieces` of the same axis whose `at` is within `tol` pt. */
export function covered(line: RulingLine, pieces: readonly RulingLine[], tol = 1.5): number {
  const spans = pieces
    .filter((p) => p.axis === line.axis && Math.abs(p.at - line.at) <= tol)
    .map((p) => [Math.max(line.from, p.from), Math.min(line.to, p.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = line.from;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / (line.to - line.from);
}

/** True when the point lies on one of `lines` (its axis, `at` within `tol`, between from/to ± `slack`). */
export function onSomeLine(axis: 'h' | 'v', along: number, at: number, lines: readonly RulingLine[], tol = 1.5, slack = 3): boolean {
  return lines.some((l) => l.axis === axis && Math.abs(l.at - at) <= tol && along >= l.from - slack && along <= l.to + slack);
}
