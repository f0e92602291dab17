/**
 * PP-OCRv4 text detection (DB): image → NCHW tensor, probability map → axis-aligned line boxes.
 * Boxes are PIXELS of the input image (top-left origin, right/bottom exclusive). Axis-aligned boxes
 * suffice because pages reach OCR deskewed.
 */
import type { GrayImage, PixelBox } from '../../raster/types.ts';
import { resizeRows } from '../image.ts';
import type { PpocrSettings } from './settings.ts';
import { runNchw, type OrtSession } from './session.ts';

/** ImageNet mean/std of PaddleOCR's det NormalizeImage (on 0..1, BGR channel order; equal for grey). */
const DET_MEAN = [0.485, 0.456, 0.406] as const;
const DET_STD = [0.229, 0.224, 0.225] as const;

/** A detected text box with its DB score (mean probability inside it). */
export interface DetBox extends PixelBox {
  score: number;
}

/** Det input size: longer side ≤ limit (never enlarged), both sides rounded to multiples of 32. */
export function detInputSize(width: number, height: number, limitSideLen: number): { width: number; height: number } {
  const ratio = Math.max(width, height) > limitSideLen ? limitSideLen / Math.max(width, height) : 1;
  const to32 = (v: number): number => Math.max(32, Math.round((v * ratio) / 32) * 32);
  return { width: to32(width), height: to32(height) };
}

/** Per channel, the normalised value of each grey level 0..255 (one table lookup per pixel). */
const DET_LEVELS: readonly Float32Array[] = DET_MEAN.map((m, c) => Float32Array.from({ length: 256 }, (_, v) => (v / 255 - m) / DET_STD[c]!));

/** Grey image → NCHW float32 (1×3×H×W) normalised like PaddleOCR's det. */
export function grayToDetTensor(img: GrayImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(3 * n);
  putDetRow(out, n, 0, img.data);
  return out;
}

/** `img` resized to `width`×`height` (as `resizeGray`) straight into the det tensor: no resized image in between. */
export function resizeToDetTensor(img: GrayImage, width: number, height: number): Float32Array {
  const n = width * height;
  const out = new Float32Array(3 * n);
  resizeRows(img, width, height, (y, row) => putDetRow(out, n, y * width, row));
  return out;
}

/** Writes grey `values` at `at` of each of the three `n`-pixel planes of `out`, normalised. */
function putDetRow(out: Float32Array, n: number, at: number, values: Uint8Array): void {
  const [l0, l1, l2] = DET_LEVELS as [Float32Array, Float32Array, Float32Array];
  for (let i = 0, o = at; i < values.length; i++, o++) {
    const v = values[i]!;
    out[o] = l0[v]!;
    out[o + n] = l1[v]!;
    out[o + 2 * n] = l2[v]!;
  }
}

/** Labels the 8-connected components of `mask` (1 = set); returns per-pixel labels (0 = none) and the count. */
function labelComponents(mask: Uint8Array, w: number, h: number): { labels: Int32Array; count: number } {
  const labels = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    count++;
    labels[start] = count;
    let sp = 0;
    stack[sp++] = start;
    while (sp > 0) {
      const p = stack[--sp]!;
      const px = p % w;
      const py = (p - px) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const y = py + dy;
        if (y < 0 || y >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const x = px + dx;
          if (x < 0 || x >= w) continue;
          const q = y * w + x;
          if (mask[q] && !labels[q]) {
            labels[q] = count;
            stack[sp++] = q;
          }
        }
      }
    }
  }
  return { labels, count };
}

/**
 * DB post-processing of a probability map (`mapW`×`mapH`) into boxes in pixels of the source image
 * (`srcW`×`srcH`): threshold, connected components, bounding boxes, mean-probability score,
 * unclip by area·ratio/perimeter, scale back.
 */
export function probMapToBoxes(prob: Float32Array, mapW: number, mapH: number, srcW: number, srcH: number, s: PpocrSettings): DetBox[] {
  const mask = new Uint8Array(mapW * mapH);
  for (let i = 0; i < mask.length; i++) mask[i] = prob[i]! > s.detThreshold ? 1 : 0;
  const { labels, count } = labelComponents(mask, mapW, mapH);
  const x0 = new Int32Array(count + 1).fill(mapW);
  const y0 = new Int32Array(count + 1).fill(mapH);
  const x1 = new Int32Array(count + 1).fill(-1);
  const y1 = new Int32Array(count + 1).fill(-1);
  for (let y = 0; y < mapH; y++) {
    for (let x = 0; x < mapW; x++) {
      const l = labels[y * mapW + x]!;
      if (!l) continue;
      if (x < x0[l]!) x0[l] = x;
      if (x > x1[l]!) x1[l] = x;
      if (y < y0[l]!) y0[l] = y;
      if (y > y1[l]!) y1[l] = y;
    }
  }
  const sx = srcW / mapW;
  const sy = srcH / mapH;
  const boxes: DetBox[] = [];
  for (let l = 1; l <= Math.min(count, s.maxCandidates); l++) {
    // box through the outermost pixel centres, as a contour's min-area rectangle gives
    const w = x1[l]! - x0[l]!;
    const h = y1[l]! - y0[l]!;
    if (Math.min(w, h) < s.minBoxSide) continue;
    let sum = 0;
    for (let y = y0[l]!; y <= y1[l]!; y++) for (let x = x0[l]!; x <= x1[l]!; x++) sum += prob[y * mapW + x]!;
    const score = sum / ((w + 1) * (h + 1));
    if (score < s.boxThreshold) continue;
    const d = (w * h * s.unclipRatio) / (2 * (w + h));
    if (Math.min(w, h) + 2 * d < s.minBoxSide + 2) continue;
    const clampX = (v: number): number => Math.max(0, Math.min(srcW, Math.round(v * sx)));
    const clampY = (v: number): number => Math.max(0, Math.min(srcH, Math.round(v * sy)));
    const box = { x0: clampX(x0[l]! - d), top: clampY(y0[l]! - d), x1: clampX(x1[l]! + d), bottom: clampY(y1[l]! + d), score };
    if (box.x1 > box.x0 && box.bottom > box.top) boxes.push(box);
  }
  return boxes;
}

/** Runs det on `img`: its text boxes in pixels of `img`. */
export async function detectBoxes(session: OrtSession, img: GrayImage, s: PpocrSettings): Promise<DetBox[]> {
  if (img.width < 1 || img.height < 1) return [];
  const size = detInputSize(img.width, img.height, s.limitSideLen);
  const out = await runNchw(session, resizeToDetTensor(img, size.width, size.height), [1, 3, size.height, size.width]);
  const mapH = out.dims[2] ?? size.height;
  const mapW = out.dims[3] ?? size.width;
  return probMapToBoxes(out.data, mapW, mapH, img.width, img.height, s);
}
