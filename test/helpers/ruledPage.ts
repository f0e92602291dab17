/**
 * A synthetic ruled page for OCR-stage tests: white grey image, 3-px rulings on the grid lines `xs`
 * × `ys` (pixels, top-left origin), and black boxes (stand-ins for text) where the test wants them.
 */
import type { GrayImage, PixelBox } from '../../src/raster/types.ts';

export function ruledPage(xs: readonly number[], ys: readonly number[], marks: readonly PixelBox[], width = 800, height = 400): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
  };
  const [left, right, top, bottom] = [xs[0]!, xs[xs.length - 1]!, ys[0]!, ys[ys.length - 1]!];
  for (const y of ys) fill(left, y - 1, right + 1, y + 2);
  for (const x of xs) fill(x - 1, top, x + 2, bottom + 1);
  for (const m of marks) fill(m.x0, m.top, m.x1, m.bottom);
  return { width, height, data };
}

/** A 3×3 grid the OCR-stage tests share: rendering resolution, grid lines (px) and the cells' text. */
export const GRID = {
  dpi: 144,
  xs: [100, 300, 500, 700],
  ys: [100, 160, 220, 280],
  truth: [
    ['序号', '名称', '金额'],
    ['1', '甲', '618'],
    ['2', '乙', '1750'],
  ],
} as const;
