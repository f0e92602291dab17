/**
 * Red seals (公章) lifted off a page image before OCR. A 公文's seal is stamped in red over the
 * issuer's name and the date; read in grey its ring and star cover those characters ('有限公司' read
 * '有医公司', the date line lost, seal letters read as text). Inside the box of a red blob shaped like
 * a seal, a red pixel is given its red channel as its grey (red paper-light, black ink stays black:
 * where black text lies under the seal the pixel is dark in every channel). Red text outside a
 * seal — a 红头 title, the red rule under it — is kept as it is: those blobs are wide, not round.
 *
 * PIXEL coordinates, top-left origin; sizes relative to the image width (a page-wide scan or render).
 */

/** Settings of seal finding. */
export interface SealSettings {
  /** a pixel is red when R − max(G, B) is at least this (grey levels) and R at least `minRed`. @default 50 */
  readonly redMargin: number;
  /** @default 110 */
  readonly minRed: number;
  /** a grid cell (side = image width / `cellsAcross`) is red when this share of its pixels is. @default 0.04 */
  readonly cellShare: number;
  /** grid cells across the image width. @default 240 */
  readonly cellsAcross: number;
  /** a seal's box is at least this share of the image width on its longer side (≈ 25 mm on A4). @default 0.12 */
  readonly minSize: number;
  /** … and at most this share (≈ 80 mm on A4). @default 0.4 */
  readonly maxSize: number;
  /** longer / shorter side of a seal's box at most (round and oval seals). @default 1.7 */
  readonly maxAspect: number;
}

export const DEFAULT_SEAL: SealSettings = {
  redMargin: 50,
  minRed: 110,
  cellShare: 0.04,
  cellsAcross: 240,
  minSize: 0.12,
  maxSize: 0.4,
  maxAspect: 1.7,
};

/** A seal's box, pixels (exclusive right/bottom). */
export interface SealBox {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

const isRed = (r: number, g: number, b: number, s: SealSettings): boolean => r >= s.minRed && r - Math.max(g, b) >= s.redMargin;

/**
 * Red pixels counted on a coarse grid of square cells `cell` pixels wide (`gw`×`gh` cells,
 * row-major). The grey conversion (gray.ts) counts each row right after converting it, while the
 * row is in cache, instead of a second pass over the whole colour image.
 */
export interface RedGrid {
  cell: number;
  gw: number;
  gh: number;
  counts: Uint32Array;
}

/** An empty grid for a `width`×`height` image. */
export function redGrid(width: number, height: number, settings: Partial<SealSettings> = {}): RedGrid {
  const s = { ...DEFAULT_SEAL, ...settings };
  const cell = Math.max(2, Math.round(width / s.cellsAcross));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  return { cell, gw, gh, counts: new Uint32Array(gw * gh) };
}

/**
 * Boxes of the seal-shaped red blobs of an image with `channels` bytes per pixel (3 RGB, 4 RGBA):
 * red pixels counted on a coarse grid, red cells joined with their neighbours one cell apart (a
 * ring's letters and star stay one blob), blobs kept when seal-sized and about as high as wide.
 */
export function findSeals(data: ArrayLike<number>, width: number, height: number, channels: 3 | 4, settings: Partial<SealSettings> = {}): SealBox[] {
  const s = { ...DEFAULT_SEAL, ...settings };
  const grid = redGrid(width, height, s);
  for (let y = 0; y < height; y++) countRedRow(data, y, width, channels, grid, s);
  return sealBoxes(grid, width, height, s);
}

/** Adds the red pixels of row `y` (`width` pixels of `channels` bytes) to `grid`. */
export function countRedRow(data: ArrayLike<number>, y: number, width: number, channels: number, grid: RedGrid, s: SealSettings = DEFAULT_SEAL): void {
  const { cell, counts } = grid;
  for (let x = 0, p = y * width * channels, c = Math.floor(y / cell) * grid.gw, left = cell; x < width; x++, p += channels) {
    if (isRed(data[p]!, data[p + 1]!, data[p + 2]!, s)) counts[c]!++;
    if (--left === 0) {
      left = cell;
      c++;
    }
  }
}

/** The seal boxes of a filled red grid (see `findSeals`). */
export function sealBoxes(grid: RedGrid, width: number, height: number, settings: Partial<SealSettings> = {}): SealBox[] {
  const s = { ...DEFAULT_SEAL, ...settings };
  const { cell, gw, gh, counts } = grid;
  if (!counts.some((c) => c > 0)) return [];
  const min = s.cellShare * cell * cell;
  const red = new Uint8Array(gw * gh);
  for (let i = 0; i < red.length; i++) red[i] = counts[i]! >= min ? 1 : 0;
  const label = new Int32Array(gw * gh).fill(-1);
  const out: SealBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < red.length; start++) {
    if (!red[start] || label[start] !== -1) continue;
    let [gx0, gy0, gx1, gy1] = [gw, gh, -1, -1];
    label[start] = start;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const gx = i % gw;
      const gy = (i - gx) / gw;
      gx0 = Math.min(gx0, gx);
      gx1 = Math.max(gx1, gx);
      gy0 = Math.min(gy0, gy);
      gy1 = Math.max(gy1, gy);
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = gx + dx;
          const ny = gy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (red[j] && label[j] === -1) {
            label[j] = start;
            stack.push(j);
          }
        }
      }
    }
    const w = (gx1 - gx0 + 1) * cell;
    const h = (gy1 - gy0 + 1) * cell;
    const long = Math.max(w, h);
    if (long < s.minSize * width || long > s.maxSize * width || long / Math.min(w, h) > s.maxAspect) continue;
    out.push({ x0: gx0 * cell, top: gy0 * cell, x1: Math.min(width, (gx1 + 1) * cell), bottom: Math.min(height, (gy1 + 1) * cell) });
  }
  return out;
}

/**
 * Lifts the seals of the colour image `data` off its grey version `gray` (same size, changed in
 * place): inside each seal's box a red pixel takes its red channel as its grey. Returns the boxes.
 * `grid`: the red pixels already counted (by the grey conversion), else they are counted here.
 */
export function liftSeals(
  gray: Uint8Array,
  data: ArrayLike<number>,
  width: number,
  height: number,
  channels: 3 | 4,
  settings: Partial<SealSettings> = {},
  grid?: RedGrid,
): SealBox[] {
  const s = { ...DEFAULT_SEAL, ...settings };
  const seals = grid ? sealBoxes(grid, width, height, s) : findSeals(data, width, height, channels, s);
  for (const b of seals) {
    for (let y = b.top; y < b.bottom; y++) {
      for (let x = b.x0, p = (y * width + x) * channels; x < b.x1; x++, p += channels) {
        const r = data[p]!;
        if (isRed(r, data[p + 1]!, data[p + 2]!, s)) gray[y * width + x] = Math.max(gray[y * width + x]!, r);
      }
    }
  }
  return seals;
}
