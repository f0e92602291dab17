/**
 * "Line ink": the pixels of a grey image that may belong to a thin HORIZONTAL rule (pass a
 * transposed image for vertical rules). Each row is first averaged along the rule direction with
 * a short box (noise and JPEG ringing average out, gaps of a few pixels fill in), then a pixel is
 * line ink when it is darker by at least `contrast` grey levels than the lighter of the two pixels
 * `reach` rows above and below it. This local contrast keeps faint hairlines (a 1-px rule at grey
 * 200 on noisy paper) that a global or Sauvola threshold loses, ignores the inside of filled
 * areas, and does not care about uneven lighting. Pixel coordinates, top-left origin.
 */
import type { Bitmap } from './binarize.ts';
import type { GrayImage } from './types.ts';

export interface LineInkSettings {
  /** box length along the rule, px (odd). */
  readonly blur: number;
  /** distance of the two comparison pixels across the rule, px (> half the thickest rule). */
  readonly reach: number;
  /** least darkening against the lighter comparison pixel, grey levels. @default 22 */
  readonly contrast: number;
  /** averaged pixels lighter than this are never ink. @default 235 */
  readonly paperLevel: number;
}


/** A table of `sum / n` rounded half up for every sum of `n` grey levels (the same values as dividing, without a division per pixel). */
function roundedMeans(n: number): Uint8Array {
  const t = new Uint8Array(255 * n + 1);
  for (let sum = 0; sum < t.length; sum++) t[sum] = (sum / n + 0.5) | 0;
  return t;
}

/** Each row averaged with a centred box of `len` pixels (shorter at the row ends). */
export function rowBoxBlur(img: GrayImage, len: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const r = Math.max(0, Math.floor(len / 2));
  const n = 2 * r + 1;
  const mean = roundedMeans(n);
  for (let y = 0; y < h; y++) {
    const off = y * w;
    let sum = 0;
    let x = 0;
    if (w > 2 * r) {
      // the row's first r pixels: the window is cut by the left end
      for (let k = 0; k < r; k++) sum += data[off + k]!;
      for (; x < r; x++) {
        sum += data[off + x + r]!;
        out[off + x] = (sum / (x + r + 1) + 0.5) | 0;
      }
      // whole windows
      if (r === 1) {
        // the usual 3-pixel box: no running sum
        for (let i = off + 1; i < off + w - 1; i++) out[i] = mean[data[i - 1]! + data[i]! + data[i + 1]!]!;
        sum = data[off + w - 2]! + data[off + w - 1]!;
        x = w - 1;
      }
      for (; x < w - r; x++) {
        sum += data[off + x + r]!;
        out[off + x] = mean[sum]!;
        sum -= data[off + x - r]!;
      }
      // the last r: cut by the right end
      for (; x < w; x++) {
        out[off + x] = (sum / (w - x + r) + 0.5) | 0;
        sum -= data[off + x - r]!;
      }
      continue;
    }
    // a row shorter than the box
    let cnt = 0;
    for (let k = 0; k < Math.min(r, w); k++) {
      sum += data[off + k]!;
      cnt++;
    }
    for (; x < w; x++) {
      if (x + r < w) {
        sum += data[off + x + r]!;
        cnt++;
      }
      if (x - r - 1 >= 0) {
        sum -= data[off + x - r - 1]!;
        cnt--;
      }
      out[off + x] = (sum / cnt + 0.5) | 0;
    }
  }
  return out;
}

/** Line-ink bitmap of horizontal rules (see the file comment). */
export function horizontalLineInk(img: GrayImage, s: LineInkSettings): Bitmap {
  const { width: w, height: h } = img;
  const b = rowBoxBlur(img, s.blur);
  const out = new Uint8Array(w * h);
  const d = Math.max(1, Math.round(s.reach));
  const dw = d * w;
  const paper = s.paperLevel;
  const contrast = s.contrast;
  for (let y = 0; y < h; y++) {
    const off = y * w;
    const end = off + w;
    if (y - d >= 0 && y + d < h) {
      for (let i = off; i < end; i++) {
        const v = b[i]!;
        if (v > paper) continue;
        const up = b[i - dw]!;
        const down = b[i + dw]!;
        if (v + contrast <= (up > down ? up : down)) out[i] = 1;
      }
      continue;
    }
    for (let i = off; i < end; i++) {
      const v = b[i]!;
      if (v > paper) continue;
      const up = y - d >= 0 ? b[i - dw]! : 255;
      const down = y + d < h ? b[i + dw]! : 255;
      if (v + contrast <= (up > down ? up : down)) out[i] = 1;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Line-ink bitmap of VERTICAL rules, given TRANSPOSED (a row per column of `img`): the same as
 * `horizontalLineInk(transposeBitmap(img), s)`, computed on `img` as it lies (the box runs down
 * each column, the comparison pixels sit `reach` columns left and right), so no transposed copy
 * of the grey image is made.
 */
export function verticalLineInkT(img: GrayImage, s: LineInkSettings): Bitmap {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const r = Math.max(0, Math.floor(s.blur / 2));
  const d = Math.max(1, Math.round(s.reach));
  const paper = s.paperLevel;
  const contrast = s.contrast;
  const colSum = new Int32Array(w);
  const b = new Uint8Array(w);
  const full = roundedMeans(2 * r + 1);
  for (let y = 0; y < h; y++) {
    // the rows [y − r, y + r] of each column, cut by the image's top and bottom
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h - 1, y + r);
    const n = y1 - y0 + 1;
    if (r === 1 && n === 3) {
      // the usual 3-pixel box in one pass
      for (let x = 0, o = y * w; x < w; x++, o++) b[x] = full[data[o - w]! + data[o]! + data[o + w]!]!;
    } else {
      colSum.fill(0);
      for (let yy = y0; yy <= y1; yy++) for (let x = 0, off = yy * w; x < w; x++) colSum[x]! += data[off + x]!;
      if (n === 2 * r + 1) for (let x = 0; x < w; x++) b[x] = full[colSum[x]!]!;
      else for (let x = 0; x < w; x++) b[x] = (colSum[x]! / n + 0.5) | 0;
    }
    for (let x = 0; x < w; x++) {
      const v = b[x]!;
      if (v > paper) continue;
      const left = x - d >= 0 ? b[x - d]! : 255;
      const right = x + d < w ? b[x + d]! : 255;
      if (v + contrast <= (left > right ? left : right)) out[x * h + y] = 1;
    }
  }
  return { width: h, height: w, data: out };
}
