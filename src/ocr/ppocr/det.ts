/**
 * PP-OCRv4 text detection (DB): image → NCHW tensor, probability map → axis-aligned line boxes.
 * Boxes are PIXELS of the input image (top-left origin, right/bottom exclusive). Axis-aligned boxes
 * suffice because pages reach OCR deskewed.
 */
import type { GrayImage, PixelBox } from '../../raster/types.ts';
import { resizeGray } from '../image.ts';
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

/** Grey image → NCHW float32 (1×3×H×W) normalised like PaddleOCR's det: one pass, the three planes filled together. */
export function grayToDetTensor(img: GrayImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(3 * n);
  const [l0, l1, l2] = DET_LEVELS as [Float32Array, Float32Array, Float32Array];
  const { data } = img;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    out[i] = l0[v]!;
    out[i + n] = l1[v]!;
    out[i + 2 * n] = l2[v]!;
  }
  return out;
}

/** Bounding boxes (inclusive pixel ranges) of connected components, in the order their first pixels come in raster order. */
interface Components {
  count: number;
  x0: Int32Array;
  y0: Int32Array;
  x1: Int32Array;
  y1: Int32Array;
}

/**
 * The 8-connected components of the map pixels above `threshold`, numbered in raster order of
 * their first pixel, with their bounding boxes (only the first `max` are measured).
 */
function components(prob: Float32Array, w: number, h: number, threshold: number, max: number): Components {
  const seen = new Uint8Array(w * h);
  // grown when a component needs more (text components are small; a page-sized stack is 4 bytes a pixel)
  let stack = new Int32Array(4096);
  const x0: number[] = [];
  const y0: number[] = [];
  const x1: number[] = [];
  const y1: number[] = [];
  let count = 0;
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !(prob[start]! > threshold)) continue;
    count++;
    seen[start] = 1;
    let sp = 0;
    stack[sp++] = start;
    let bx0 = w;
    let by0 = h;
    let bx1 = -1;
    let by1 = -1;
    while (sp > 0) {
      const p = stack[--sp]!;
      const py = (p / w) | 0;
      const px = p - py * w;
      if (px < bx0) bx0 = px;
      if (px > bx1) bx1 = px;
      if (py < by0) by0 = py;
      if (py > by1) by1 = py;
      const ya = py > 0 ? -1 : 0;
      const yb = py < h - 1 ? 1 : 0;
      const xa = px > 0 ? -1 : 0;
      const xb = px < w - 1 ? 1 : 0;
      for (let dy = ya; dy <= yb; dy++) {
        for (let q = p + dy * w + xa, qe = p + dy * w + xb; q <= qe; q++) {
          if (!seen[q] && prob[q]! > threshold) {
            seen[q] = 1;
            if (sp === stack.length) {
              const bigger = new Int32Array(2 * stack.length);
              bigger.set(stack);
              stack = bigger;
            }
            stack[sp++] = q;
          }
        }
      }
    }
    if (count <= max) {
      x0.push(bx0);
      y0.push(by0);
      x1.push(bx1);
      y1.push(by1);
    }
  }
  return { count, x0: Int32Array.from(x0), y0: Int32Array.from(y0), x1: Int32Array.from(x1), y1: Int32Array.from(y1) };
}

/**
 * DB post-processing of a probability map (`mapW`×`mapH`) into boxes in pixels of the source image
 * (`srcW`×`srcH`): threshold, connected components, bounding boxes, mean-probability score,
 * unclip by area·ratio/perimeter, scale back.
 */
export function probMapToBoxes(prob: Float32Array, mapW: number, mapH: number, srcW: number, srcH: number, s: PpocrSettings): DetBox[] {
  const c = components(prob, mapW, mapH, s.detThreshold, s.maxCandidates);
  const sx = srcW / mapW;
  const sy = srcH / mapH;
  const boxes: DetBox[] = [];
  for (let k = 0; k < Math.min(c.count, s.maxCandidates); k++) {
    const cx0 = c.x0[k]!;
    const cy0 = c.y0[k]!;
    const cx1 = c.x1[k]!;
    const cy1 = c.y1[k]!;
    // box through the outermost pixel centres, as a contour's min-area rectangle gives
    const w = cx1 - cx0;
    const h = cy1 - cy0;
    if (Math.min(w, h) < s.minBoxSide) continue;
    let sum = 0;
    for (let y = cy0; y <= cy1; y++) for (let i = y * mapW + cx0, e = y * mapW + cx1; i <= e; i++) sum += prob[i]!;
    const score = sum / ((w + 1) * (h + 1));
    if (score < s.boxThreshold) continue;
    const d = (w * h * s.unclipRatio) / (2 * (w + h));
    if (Math.min(w, h) + 2 * d < s.minBoxSide + 2) continue;
    const clampX = (v: number): number => Math.max(0, Math.min(srcW, Math.round(v * sx)));
    const clampY = (v: number): number => Math.max(0, Math.min(srcH, Math.round(v * sy)));
    const box = { x0: clampX(cx0 - d), top: clampY(cy0 - d), x1: clampX(cx1 + d), bottom: clampY(cy1 + d), score };
    if (box.x1 > box.x0 && box.bottom > box.top) boxes.push(box);
  }
  return boxes;
}

/** Runs det on `img`: its text boxes in pixels of `img`. */
export async function detectBoxes(session: OrtSession, img: GrayImage, s: PpocrSettings): Promise<DetBox[]> {
  if (img.width < 1 || img.height < 1) return [];
  const size = detInputSize(img.width, img.height, s.limitSideLen);
  const resized = resizeGray(img, size.width, size.height);
  const out = await runNchw(session, grayToDetTensor(resized), [1, 3, size.height, size.width]);
  const mapH = out.dims[2] ?? size.height;
  const mapW = out.dims[3] ?? size.width;
  return probMapToBoxes(out.data, mapW, mapH, img.width, img.height, s);
}
