/**
 * Pixel buffers → `GrayImage` (8-bit, 0 = black, 255 = white, row-major, top-left origin), and the
 * eight axis flips/rotations (`orientGray`) used to turn an embedded scan upright.
 */
import { countRedRow, liftSeals, redGrid } from './seal.ts';
import type { GrayImage } from './types.ts';

/**
 * RGBA (4 bytes/pixel) → grey, alpha composited over white paper; with `seals`, red seals lifted
 * off (seal.ts: for OCR).
 */
export function rgbaToGray(data: Uint8Array | Uint8ClampedArray, width: number, height: number, seals = false): GrayImage {
  return colourToGray(data, width, height, 4, seals);
}

/** RGB (3 bytes/pixel) → grey; with `seals`, red seals lifted off (seal.ts: for OCR). */
export function rgbToGray(data: Uint8Array | Uint8ClampedArray, width: number, height: number, seals = false): GrayImage {
  return colourToGray(data, width, height, 3, seals);
}

/**
 * Colour → grey: luma of sRGB with integer weights (0.299, 0.587, 0.114) × 256, alpha (4th byte)
 * composited over white. With `seals`, the red pixels of each row are counted for seal finding
 * (seal.ts) right after it is converted, while it is in cache; then the seals are lifted off.
 */
function colourToGray(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4, seals: boolean): GrayImage {
  const out = new Uint8Array(width * height);
  const grid = seals ? redGrid(width, height) : null;
  for (let y = 0; y < height; y++) {
    const i = y * width;
    const p = i * channels;
    if (channels === 3) for (let x = 0, q = p; x < width; x++, q += 3) out[i + x] = (77 * data[q]! + 150 * data[q + 1]! + 29 * data[q + 2]! + 128) >> 8;
    else {
      for (let x = 0, q = p; x < width; x++, q += 4) {
        const v = (77 * data[q]! + 150 * data[q + 1]! + 29 * data[q + 2]! + 128) >> 8;
        const a = data[q + 3]!;
        out[i + x] = a === 255 ? v : Math.round((v * a + 255 * (255 - a)) / 255);
      }
    }
    if (grid) countRedRow(data, y, width, channels, grid);
  }
  if (grid) liftSeals(out, data, width, height, channels, {}, grid);
  return { width, height, data: out };
}

/**
 * 1 bit/pixel, rows padded to whole bytes, most significant bit first → grey.
 * `oneIsWhite`: pdf.js GRAYSCALE_1BPP images use 1 = white; image masks use 0 = painted (ink).
 */
export function bitsToGray(data: ArrayLike<number>, width: number, height: number, oneIsWhite = true): GrayImage {
  const out = new Uint8Array(width * height);
  const stride = (width + 7) >> 3;
  const one = oneIsWhite ? 255 : 0;
  const zero = 255 - one;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const byte = data[row + (x >> 3)] ?? 255;
      out[y * width + x] = byte & (0x80 >> (x & 7)) ? one : zero;
    }
  }
  return { width, height, data: out };
}

/**
 * One of the eight axis-aligned orientations of an image. New pixel (X, Y) shows old pixel
 * (x, y) where, with `transpose`, x runs along new Y and y along new X; `flipX`/`flipY` mirror the
 * OLD axes (x → W−1−x, y → H−1−y).
 */
export interface Orientation {
  readonly transpose: boolean;
  readonly flipX: boolean;
  readonly flipY: boolean;
}

/** Old continuous pixel coordinates (edges, not centres) of the new continuous point (X, Y). */
export function orientedToSource(o: Orientation, w: number, h: number, X: number, Y: number): [number, number] {
  const u = o.transpose ? Y : X; // along old x
  const v = o.transpose ? X : Y; // along old y
  return [o.flipX ? w - u : u, o.flipY ? h - v : v];
}

/** The image re-oriented; the identity orientation returns the input itself. */
export function orientGray(img: GrayImage, o: Orientation): GrayImage {
  if (!o.transpose && !o.flipX && !o.flipY) return img;
  const { width: w, height: h, data } = img;
  const nw = o.transpose ? h : w;
  const nh = o.transpose ? w : h;
  const out = new Uint8Array(nw * nh);
  for (let Y = 0; Y < nh; Y++) {
    for (let X = 0; X < nw; X++) {
      let x = o.transpose ? Y : X;
      let y = o.transpose ? X : Y;
      if (o.flipX) x = w - 1 - x;
      if (o.flipY) y = h - 1 - y;
      out[Y * nw + X] = data[y * w + x]!;
    }
  }
  return { width: nw, height: nh, data: out };
}
