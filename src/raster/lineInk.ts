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


/** Each row averaged with a centred box of `len` pixels (shorter at the row ends). */
export function rowBoxBlur(img: GrayImage, len: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const r = Math.max(0, Math.floor(len / 2));
  for (let y = 0; y < h; y++) {
    const off = y * w;
    let sum = 0;
    let n = 0;
    for (let x = 0; x < Math.min(r, w); x++) {
      sum += data[off + x]!;
      n++;
    }
    for (let x = 0; x < w; x++) {
      if (x + r < w) {
        sum += data[off + x + r]!;
        n++;
      }
      if (x - r - 1 >= 0) {
        sum -= data[off + x - r - 1]!;
        n--;
      }
      out[off + x] = (sum / n + 0.5) | 0;
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
  for (let y = 0; y < h; y++) {
    const off = y * w;
    const hasUp = y - d >= 0;
    const hasDown = y + d < h;
    for (let x = 0; x < w; x++) {
      const i = off + x;
      const v = b[i]!;
      if (v > s.paperLevel) continue;
      const up = hasUp ? b[i - dw]! : 255;
      const down = hasDown ? b[i + dw]! : 255;
      if (v + s.contrast <= (up > down ? up : down)) out[i] = 1;
    }
  }
  return { width: w, height: h, data: out };
}
