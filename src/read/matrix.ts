/**
 * 2-D affine matrices in pdf.js / PDF order `[a, b, c, d, e, f]`: a point (x, y) maps to
 * (a·x + c·y + e, b·x + d·y + f).
 */

export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `first`, then `then` (PDF's `first × then`). */
export function compose(first: Matrix, then: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = first;
  const [a2, b2, c2, d2, e2, f2] = then;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

/** Applies `m` to the point (x, y). */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Geometric mean of the axis scales (√|det|): how a length (e.g. a line width) scales. */
export function meanScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

/** A 6-number array from pdf.js as a Matrix, or `fallback` when it is not one. */
export function toMatrix(v: unknown, fallback: Matrix = IDENTITY): Matrix {
  if ((Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<number>).length === 6) {
    const a = Array.from(v as ArrayLike<number>);
    if (a.every((n) => typeof n === 'number' && Number.isFinite(n))) return a as unknown as Matrix;
  }
  return fallback;
}
