/**
 * Pure parts of the PP-OCRv4 runner (no model run): dictionary, CTC decoding, det input size, DB
 * post-processing, rec input width, reading order, and the grey-image helpers. Pixels, top-left.
 */
import { describe, expect, it } from 'vitest';
import { clampBox, cropGray, eraseEdgeLines, inkBox, padGray, resizeGray, whiteImage } from '../../src/ocr/image.ts';
import { detInputSize, probMapToBoxes } from '../../src/ocr/ppocr/det.ts';
import { checkCtcTable, loadCtcTable } from '../../src/ocr/ppocr/dict.ts';
import { groupRows, mergeRowBoxes } from '../../src/ocr/ppocr/order.ts';
import { ctcDecode, recInputWidth } from '../../src/ocr/ppocr/rec.ts';
import { defaultModelPaths } from '../../src/ocr/ppocr/session.ts';
import { DEFAULT_PPOCR_SETTINGS as S } from '../../src/ocr/ppocr/settings.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { seededRandom } from '../../samples/generate/scan-image.ts';
import { randomScan } from '../helpers/randomImage.ts';

const img = (width: number, height: number, values: number[]): GrayImage => ({ width, height, data: Uint8Array.from(values) });

describe('CTC table', () => {
  it('is blank + the 6623 keys + space = the 6625 classes of the rec model', () => {
    const table = loadCtcTable(defaultModelPaths().keys);
    expect(table.length).toBe(6625);
    expect(table[0]).toBe('');
    expect(table[table.length - 1]).toBe(' ');
    expect(table.every((k, i) => i === 0 || Array.from(k).length === 1)).toBe(true);
    expect(() => checkCtcTable(table, 6625)).not.toThrow();
    expect(() => checkCtcTable(table, 6624)).toThrow(/6625 entries/);
  });
});

describe('ctcDecode', () => {
  it('merges repeats, drops blanks, averages the kept maxima', () => {
    const table = ['', 'a', 'b', ' '];
    // steps: a a blank a b b  → "aab"
    const rows = [
      [0.1, 0.8, 0.05, 0.05],
      [0.1, 0.6, 0.2, 0.1],
      [0.9, 0.05, 0.05, 0],
      [0.1, 0.7, 0.1, 0.1],
      [0.1, 0.1, 0.5, 0.3],
      [0.1, 0.1, 0.6, 0.2],
    ];
    const probs = Float32Array.from([9, 9, 9, 9, ...rows.flat()]);
    const r = ctcDecode(probs, 4, rows.length, 4, table);
    expect(r.text).toBe('aab');
    expect(r.confidence).toBeCloseTo((0.8 + 0.7 + 0.5) / 3, 5);
    // each character at the centre of its run of steps, as a share of the input width
    expect(r.centres).toEqual([1 / 6, 3.5 / 6, 5 / 6]);
    expect(ctcDecode(Float32Array.from([1, 0, 0, 0]), 0, 1, 4, table)).toEqual({ text: '', confidence: 0, centres: [] });
  });
});

describe('ctcDecode = plain greedy decoding (its arg-max stops early on probability rows)', () => {
  const table = ['', ...Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i)), ' '];
  const classes = table.length;
  /** rows of random logits: blank-heavy, some characters sure, some close calls; as softmax or raw */
  const rows = (steps: number, seed: number, softmax: boolean): Float32Array => {
    const r = seededRandom(seed);
    const out = new Float32Array(steps * classes);
    for (let t = 0; t < steps; t++) {
      const logits = Array.from({ length: classes }, () => r() * 2);
      const kind = r();
      if (kind < 0.5) logits[0]! += 6;
      else if (kind < 0.8) logits[1 + Math.floor(r() * (classes - 1))]! += 6;
      const e = logits.map((v) => Math.exp(v));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, c) => (out[t * classes + c] = softmax ? v / sum : logits[c]!));
    }
    return out;
  };
  /** plain greedy decoding: first arg-max per step, repeats merged, blanks dropped */
  const plain = (probs: Float32Array, steps: number): { text: string; confidence: number } => {
    let text = '';
    let sum = 0;
    let prev = -1;
    for (let t = 0; t < steps; t++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probs[t * classes + c]! > probs[t * classes + best]!) best = c;
      if (best !== 0 && best !== prev) {
        text += table[best];
        sum += probs[t * classes + best]!;
      }
      prev = best;
    }
    return { text, confidence: text.length ? sum / Array.from(text).length : 0 };
  };
  it('gives the plain decoding on softmax rows and on rows that are not probabilities', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const softmax of [true, false]) {
        const steps = 40 + seed;
        const probs = rows(steps, seed, softmax);
        const r = ctcDecode(probs, 0, steps, classes, table);
        const want = plain(probs, steps);
        expect(r.text, `seed ${seed} ${softmax}`).toBe(want.text);
        expect(r.confidence).toBeCloseTo(want.confidence, 12);
      }
    }
    // not probabilities: an early class above 0.5 is beaten later; the search must not stop at it
    const raw = Float32Array.from([0.2, 0.6, 0.1, 0.9, 0.1, 0.7, 0.3, 0.2]);
    expect(ctcDecode(raw, 0, 2, 4, ['', 'a', 'b', 'c']).text).toBe('ca');
  });
});

describe('det geometry', () => {
  it('sizes det inputs to multiples of 32, shrinking only', () => {
    expect(detInputSize(1654, 2339, 1600)).toEqual({ width: 1120, height: 1600 });
    expect(detInputSize(100, 40, 1600)).toEqual({ width: 96, height: 32 });
    expect(detInputSize(10, 5, 960)).toEqual({ width: 32, height: 32 });
  });

  it('turns a probability map into scored, unclipped boxes in source pixels', () => {
    const w = 100;
    const h = 50;
    const prob = new Float32Array(w * h);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) prob[y * w + x] = v;
    };
    fill(10, 10, 49, 19, 0.9); // a text line: 39 × 9 between pixel centres
    fill(60, 30, 90, 40, 0.4); // above the 0.3 threshold but below the 0.6 box score
    fill(5, 40, 6, 45, 0.95); // too thin (side 1 < 3)
    const boxes = probMapToBoxes(prob, w, h, 200, 100, S);
    expect(boxes.length).toBe(1);
    const b = boxes[0]!;
    const d = (39 * 9 * 1.5) / (2 * (39 + 9)); // 5.48 map px
    expect(b.score).toBeCloseTo(0.9, 5);
    expect(b.x0).toBe(Math.round((10 - d) * 2));
    expect(b.x1).toBe(Math.round((49 + d) * 2));
    expect(b.top).toBe(Math.round((10 - d) * 2));
    expect(b.bottom).toBe(Math.round((19 + d) * 2));
  });

  it('finds the boxes of a random map as plain labelling does (component order, candidate limit)', () => {
    const w = 97;
    const h = 61;
    for (let seed = 1; seed <= 6; seed++) {
      const r = seededRandom(seed);
      const prob = new Float32Array(w * h);
      // blobs of text-like probability on a faint background
      for (let i = 0; i < prob.length; i++) prob[i] = r() * 0.35;
      for (let k = 0; k < 40; k++) {
        const [x0, y0] = [Math.floor(r() * w), Math.floor(r() * h)];
        const [bw, bh, v] = [1 + Math.floor(r() * 25), 1 + Math.floor(r() * 9), 0.3 + r() * 0.7];
        for (let y = y0; y < Math.min(h, y0 + bh); y++) for (let x = x0; x < Math.min(w, x0 + bw); x++) prob[y * w + x] = v;
      }
      for (const s of [S, { ...S, maxCandidates: 5 }, { ...S, detThreshold: 0.2, minBoxSide: 1 }]) {
        expect(probMapToBoxes(prob, w, h, 3 * w, 3 * h, s), `seed ${seed}`).toEqual(plainBoxes(prob, w, h, 3 * w, 3 * h, s));
      }
    }
  });

  it('gives rec inputs 48 high, widths in steps of 8 between the minimum and the maximum', () => {
    expect(recInputWidth(whiteImage(30, 48), S)).toBe(S.recMinWidth);
    expect(recInputWidth(whiteImage(400, 50), S)).toBe(384);
    expect(recInputWidth(whiteImage(1000, 50), S)).toBe(960);
    expect(recInputWidth(whiteImage(1001, 50), S)).toBe(968);
    expect(recInputWidth(whiteImage(100_000, 50), S)).toBe(S.recMaxWidth);
  });
});

describe('reading order', () => {
  const box = (x0: number, top: number, x1: number, bottom: number) => ({ x0, top, x1, bottom });
  it('groups rows top to bottom, left to right', () => {
    const rows = groupRows([box(300, 12, 400, 40), box(0, 60, 100, 90), box(0, 10, 100, 40), box(150, 62, 200, 88)].map((bbox) => ({ bbox })));
    expect(rows.map((r) => r.map((i) => i.bbox.x0))).toEqual([[0, 300], [0, 150]]);
  });
  it('merges overlapping pieces of a row, or a whole row with an infinite gap', () => {
    const pieces = [box(0, 10, 110, 40), box(100, 11, 200, 41), box(260, 10, 300, 40), box(0, 60, 50, 90)];
    expect(mergeRowBoxes(pieces, 0)).toEqual([box(0, 10, 200, 41), box(260, 10, 300, 40), box(0, 60, 50, 90)]);
    expect(mergeRowBoxes(pieces, Infinity)).toEqual([box(0, 10, 300, 41), box(0, 60, 50, 90)]);
  });
});

describe('grey image helpers', () => {
  const a = img(4, 3, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
  it('crops (clamped) and pads', () => {
    expect(cropGray(a, { x0: 1, top: 1, x1: 3, bottom: 9 })).toEqual(img(2, 2, [50, 60, 90, 100]));
    expect(cropGray(a, { x0: 5, top: 0, x1: 9, bottom: 2 }).width).toBe(0);
    expect(clampBox({ x0: -2.5, top: 0.5, x1: 3.2, bottom: 7 }, 4, 3)).toEqual({ x0: 0, top: 0, x1: 4, bottom: 3 });
    const p = padGray(img(1, 1, [0]), 1);
    expect(Array.from(p.data)).toEqual([255, 255, 255, 255, 0, 255, 255, 255, 255]);
  });
  it('resizes by area when shrinking and bilinearly when enlarging', () => {
    expect(Array.from(resizeGray(img(2, 2, [0, 100, 200, 100]), 1, 1).data)).toEqual([100]);
    expect(Array.from(resizeGray(img(2, 1, [0, 200]), 4, 1).data)).toEqual([0, 50, 150, 200]);
    expect(resizeGray(a, 4, 3)).toEqual(a);
  });
  it('resizes exactly as the plain definition does (random images, shrinking and enlarging each axis)', () => {
    for (const [w, h, W, H] of [
      [203, 131, 96, 64],
      [203, 131, 400, 300],
      [203, 131, 150, 262],
      [57, 40, 320, 48],
      [1, 1, 5, 3],
      [9, 7, 1, 1],
      [160, 90, 160, 45],
    ] as const) {
      const src = randomScan(w, h, w + h);
      expect(resizeGray(src, W, H), `${w}×${h} → ${W}×${H}`).toEqual(refResize(src, W, H));
    }
  });
  it('finds the ink box and erases ruling lines along the edges only', () => {
    const w = 20;
    const h = 10;
    const b = whiteImage(w, h);
    for (let x = 0; x < w; x++) b.data[x] = 0; // top edge line
    for (let y = 0; y < h; y++) b.data[y * w + w - 1] = 0; // right edge line
    for (let y = 4; y < 7; y++) for (let x = 5; x < 9; x++) b.data[y * w + x] = 0; // a glyph
    expect(inkBox(b)).toEqual({ x0: 0, top: 0, x1: 20, bottom: 10 });
    const clean = eraseEdgeLines(b, 2);
    expect(inkBox(clean)).toEqual({ x0: 5, top: 4, x1: 9, bottom: 7 });
    expect(inkBox(whiteImage(5, 5))).toBeNull();
  });
});

/**
 * Reference resize, output pixel by output pixel: along x each sample is the float64 sum of its
 * source pixels × weights, stored as float32; along y those are summed in float32 (rounded after
 * every weight); rounded half up and clamped. Weights: area cover when shrinking, bilinear on pixel
 * centres when enlarging.
 */
function refResize(img: GrayImage, W: number, H: number): GrayImage {
  const taps = (src: number, dst: number, i: number): [number, number][] => {
    const scale = src / dst;
    if (scale > 1) {
      const a = i * scale;
      const b = Math.min(src, (i + 1) * scale);
      const out: [number, number][] = [];
      for (let s = Math.floor(a); s < b; s++) {
        const cover = Math.min(b, s + 1) - Math.max(a, s);
        if (cover > 1e-6) out.push([s, Math.fround(cover / (b - a))]);
      }
      return out;
    }
    const c = Math.max(0, Math.min(src - 1, (i + 0.5) * scale - 0.5));
    const s0 = Math.floor(c);
    const f = c - s0;
    return f > 0 && s0 + 1 < src ? [[s0, Math.fround(1 - f)], [s0 + 1, Math.fround(f)]] : [[s0, Math.fround(1 - f)]];
  };
  if (W === img.width && H === img.height) return { width: W, height: H, data: img.data.slice() };
  const data = new Uint8Array(W * H);
  const xTaps = Array.from({ length: W }, (_, X) => taps(img.width, W, X));
  const yTaps = Array.from({ length: H }, (_, Y) => taps(img.height, H, Y));
  for (let Y = 0; Y < H; Y++) {
    for (let X = 0; X < W; X++) {
      let v = 0;
      for (const [sy, fy] of yTaps[Y]!) {
        let row = 0;
        for (const [sx, fx] of xTaps[X]!) row += img.data[sy * img.width + sx]! * fx;
        v = Math.fround(v + Math.fround(row) * fy);
      }
      data[Y * W + X] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { width: W, height: H, data };
}

/** Reference DB post-processing: label every pixel above the threshold (8-connected, raster order), then measure each label. */
function plainBoxes(prob: Float32Array, w: number, h: number, srcW: number, srcH: number, s: typeof S): { x0: number; top: number; x1: number; bottom: number; score: number }[] {
  const label = new Int32Array(w * h);
  let count = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] || !(prob[start]! > s.detThreshold)) continue;
    label[start] = ++count;
    const todo = [start];
    while (todo.length) {
      const p = todo.pop()!;
      const [px, py] = [p % w, Math.floor(p / w)];
      for (let y = py - 1; y <= py + 1; y++) {
        for (let x = px - 1; x <= px + 1; x++) {
          if (x < 0 || y < 0 || x >= w || y >= h || label[y * w + x] || !(prob[y * w + x]! > s.detThreshold)) continue;
          label[y * w + x] = count;
          todo.push(y * w + x);
        }
      }
    }
  }
  const out: { x0: number; top: number; x1: number; bottom: number; score: number }[] = [];
  for (let l = 1; l <= Math.min(count, s.maxCandidates); l++) {
    let [x0, y0, x1, y1] = [w, h, -1, -1];
    for (let i = 0; i < w * h; i++) {
      if (label[i] !== l) continue;
      [x0, x1, y0, y1] = [Math.min(x0, i % w), Math.max(x1, i % w), Math.min(y0, Math.floor(i / w)), Math.max(y1, Math.floor(i / w))];
    }
    const [bw, bh] = [x1 - x0, y1 - y0];
    if (Math.min(bw, bh) < s.minBoxSide) continue;
    let sum = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) sum += prob[y * w + x]!;
    const score = sum / ((bw + 1) * (bh + 1));
    if (score < s.boxThreshold) continue;
    const d = (bw * bh * s.unclipRatio) / (2 * (bw + bh));
    if (Math.min(bw, bh) + 2 * d < s.minBoxSide + 2) continue;
    const cx = (v: number): number => Math.max(0, Math.min(srcW, Math.round(v * (srcW / w))));
    const cy = (v: number): number => Math.max(0, Math.min(srcH, Math.round(v * (srcH / h))));
    const box = { x0: cx(x0 - d), top: cy(y0 - d), x1: cx(x1 + d), bottom: cy(y1 + d), score };
    if (box.x1 > box.x0 && box.bottom > box.top) out.push(box);
  }
  return out;
}
