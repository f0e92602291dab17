/**
 * PP-OCRv4 text recognition (SVTR + CTC): line crops → 48-pixel-high NCHW batches → greedy CTC
 * decoding with the character table. Boxes are PIXELS of the image the crops come from.
 */
import type { GrayImage, PixelBox } from '../../raster/types.ts';
import { cropGray, resizeGray } from '../image.ts';
import { checkCtcTable } from './dict.ts';
import type { PpocrSettings } from './settings.ts';
import { runNchw, type OrtSession } from './session.ts';

/** A recognised crop: its text (raw model output) and the mean probability of its characters. */
export interface RecResult {
  text: string;
  confidence: number;
  /**
   * per character of `text` (code points): the centre of its CTC run as a share of the model
   * input's width (0..1 of W, padding included); `recogniseCrops` rescales it to crop pixels
   */
  centres?: number[];
  /**
   * the weakest win of the CTC blank between two kept characters (its probability), when it was
   * weak enough to hide a character; absent otherwise
   */
  weakBlank?: number;
}

/** A blank that wins with less than this between two characters hides one (drops seen at 0.21–0.31; between 0.45 and 0.7 right cells too, so there the geometry decides: ocr/lineGeometry.ts). */
export const WEAK_BLANK = 0.45;

/**
 * Model input width for one crop: 48·aspect rounded up to a multiple of 8 (the model's time step),
 * at least recMinWidth, at most recMaxWidth. Crops of equal input width share a
 * batch, so a crop's result never depends on the other crops.
 */
export function recInputWidth(crop: GrayImage, s: PpocrSettings): number {
  const w = Math.ceil((s.recHeight * crop.width) / Math.max(1, crop.height) / 8) * 8;
  return Math.min(s.recMaxWidth, Math.max(s.recMinWidth, w));
}

/** Width a crop takes in a model input `width` wide: resized to recHeight keeping its aspect, squeezed when wider. */
function contentWidth(crop: GrayImage, width: number, s: PpocrSettings): number {
  return Math.max(1, Math.min(width, Math.ceil((s.recHeight * crop.width) / Math.max(1, crop.height))));
}

/**
 * Crops → NCHW float32 (N×3×H×W): each resized to height H keeping its aspect (squeezed when wider
 * than W), normalised to (x/255 − 0.5)/0.5, right side padded with 0 as PaddleOCR does.
 */
export function cropsToRecTensor(crops: readonly GrayImage[], width: number, s: PpocrSettings): Float32Array {
  const h = s.recHeight;
  const plane = h * width;
  const out = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const w = contentWidth(crop, width, s);
    const base = n * 3 * plane;
    const r = resizeGray(crop, w, h).data;
    for (let y = 0; y < h; y++) for (let x = 0, i = y * w, o = base + y * width; x < w; x++, i++, o++) out[o] = REC_LEVELS[r[i]!]!;
    // grey: the three channels are the same plane
    out.copyWithin(base + plane, base, base + plane);
    out.copyWithin(base + 2 * plane, base, base + plane);
  });
  return out;
}

/** The rec input value of each grey level 0..255: v/127.5 − 1. */
const REC_LEVELS = Float32Array.from({ length: 256 }, (_, v) => v / 127.5 - 1);

/** How far from 1 a step's probabilities may sum and still count as a distribution (float32 softmax rounding is ~1e-6). */
const SUM_TOLERANCE = 1e-3;

/**
 * Greedy CTC decoding of one sequence (`steps`×`classes` probabilities starting at `offset`):
 * arg-max per step, repeats merged, blanks (index 0) dropped. Confidence = mean max probability of
 * the characters kept (0 when none).
 */
export function ctcDecode(probs: Float32Array, offset: number, steps: number, classes: number, table: readonly string[]): RecResult {
  let text = '';
  let sum = 0;
  let kept = 0;
  let prev = -1;
  const centres: number[] = [];
  let runStart = 0;
  let pendingBlank = 1;
  let weakest = 1;
  // When the steps are probability distributions (the model ends in a softmax: the first step sums
  // to 1), a class above `sure` outweighs all the others together, so the arg-max search of a step
  // stops there: most steps are blanks, won at class 0.
  let sure = Infinity;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    if (t === 0) {
      let total = bestP;
      for (let c = 1; c < classes; c++) {
        const p = probs[row + c]!;
        total += p;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      if (Math.abs(total - 1) < SUM_TOLERANCE) sure = 0.5 + SUM_TOLERANCE;
    } else if (!(bestP > sure)) {
      for (let c = 1; c < classes; c++) {
        const p = probs[row + c]!;
        if (p > bestP) {
          bestP = p;
          best = c;
          if (p > sure) break;
        }
      }
    }
    if (best !== prev && prev > 0 && table[prev]) centres.push((runStart + t) / 2 / steps);
    if (best === 0 && kept > 0) pendingBlank = Math.min(pendingBlank, bestP);
    if (best !== 0 && best !== prev) {
      weakest = Math.min(weakest, pendingBlank);
      pendingBlank = 1;
      const ch = table[best] ?? '';
      text += ch;
      sum += bestP;
      kept++;
      runStart = t;
    }
    prev = best;
  }
  if (prev > 0 && table[prev]) centres.push((runStart + steps) / 2 / steps);
  const r: RecResult = { text, confidence: kept > 0 ? sum / kept : 0, centres };
  if (weakest < WEAK_BLANK) r.weakBlank = weakest;
  return r;
}

/** Recognises crops (each one text line), batching crops of equal input width; results in input order. */
export async function recogniseCrops(session: OrtSession, table: readonly string[], crops: readonly GrayImage[], s: PpocrSettings): Promise<RecResult[]> {
  const results: RecResult[] = new Array(crops.length);
  const byWidth = new Map<number, number[]>();
  crops.forEach((c, i) => {
    const w = recInputWidth(c, s);
    byWidth.set(w, [...(byWidth.get(w) ?? []), i]);
  });
  for (const [width, all] of byWidth) {
    const perRun = Math.max(1, Math.min(s.recBatch, Math.floor(s.recBatchColumns / width)));
    for (let b = 0; b < all.length; b += perRun) {
      const idx = all.slice(b, b + perRun);
      const batch = idx.map((i) => crops[i]!);
      const out = await runNchw(session, cropsToRecTensor(batch, width, s), [batch.length, 3, s.recHeight, width]);
      const steps = out.dims[1]!;
      const classes = out.dims[2]!;
      checkCtcTable(table, classes);
      idx.forEach((i, n) => {
        const r = ctcDecode(out.data, n * steps * classes, steps, classes, table);
        // input share → crop pixels: the crop fills input width w = resized width (≤ W)
        const crop = batch[n]!;
        const w = contentWidth(crop, width, s);
        r.centres = r.centres?.map((c) => (c * width * crop.width) / w);
        results[i] = r;
      });
    }
  }
  return results;
}

/** Recognises the boxes of `img` (pixels); results in box order, `centres` in pixels of `img`. Empty boxes give ''. */
export async function recogniseBoxes(session: OrtSession, table: readonly string[], img: GrayImage, boxes: readonly PixelBox[], s: PpocrSettings): Promise<RecResult[]> {
  const crops = boxes.map((b) => cropGray(img, b));
  const live = crops.map((c, i) => ({ c, i })).filter(({ c }) => c.width > 0 && c.height > 0);
  const res = await recogniseCrops(session, table, live.map((l) => l.c), s);
  const out: RecResult[] = boxes.map(() => ({ text: '', confidence: 0 }));
  live.forEach((l, n) => {
    const r = res[n]!;
    const x0 = boxes[l.i]!.x0;
    out[l.i] = { ...r, centres: r.centres?.map((c) => c + x0) };
  });
  return out;
}
