/**
 * tesseract.js results → `OcrLine[]`. Boxes are PIXELS of the image given to the engine
 * (top-left origin, exclusive right/bottom); confidences go from tesseract's 0..100 to 0..1.
 */
import type { Line, Page } from 'tesseract.js';
import type { PixelBox } from '../raster/types.ts';
import { tightenCjk } from '../text/spacing.ts';
import type { OcrLine } from './types.ts';

/**
 * Text of one tesseract line as gongwen wants it: tesseract separates every CJK character by a
 * space ('双 河 村'); spaces between two CJK characters go, others collapse to one (text/spacing).
 */
export function tidyTesseractText(text: string): string {
  return tightenCjk(text.replace(/[\r\n]+/g, ' '));
}

/** Shift of the engine's image against the caller's image (the white padding), and its size. */
export interface LineFrame {
  /** pixels to subtract from x (padding on the left) @default 0 */
  readonly dx: number;
  /** pixels to subtract from y (padding on top) @default 0 */
  readonly dy: number;
  /** caller's image width: boxes are clamped to [0, width] */
  readonly width: number;
  /** caller's image height: boxes are clamped to [0, height] */
  readonly height: number;
}

function clampBox(b: { x0: number; y0: number; x1: number; y1: number }, f: LineFrame): PixelBox {
  const cx = (v: number): number => Math.min(f.width, Math.max(0, v - f.dx));
  const cy = (v: number): number => Math.min(f.height, Math.max(0, v - f.dy));
  return { x0: cx(b.x0), top: cy(b.y0), x1: cx(b.x1), bottom: cy(b.y1) };
}

/**
 * Every non-empty line of a `recognize(…, { blocks: true })` result, top to bottom in the order
 * tesseract read them (block, paragraph, line), boxes moved into the caller's frame. A line whose
 * words stand more than `splitGap` line heights apart is split there: tesseract reads a row of an
 * unruled table as one line, the stream table detector needs its cells apart.
 */
export function pageToOcrLines(page: Pick<Page, 'blocks'>, frame: LineFrame, splitGap = 1.2): OcrLine[] {
  const out: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const piece of splitAtGaps(line, splitGap)) {
          const text = tidyTesseractText(piece.text);
          if (text === '') continue;
          const confidence = Math.min(1, Math.max(0, piece.confidence / 100));
          out.push({ text, confidence, bbox: clampBox(piece.bbox, frame) });
        }
      }
    }
  }
  return out;
}

interface Piece {
  text: string;
  /** 0..100 */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** A line cut where two neighbouring words stand more than `gap` line heights apart (the whole line when none do). */
function splitAtGaps(line: Line, gap: number): Piece[] {
  const words = (line.words ?? []).filter((w) => w.text.trim() !== '');
  const height = line.bbox.y1 - line.bbox.y0;
  if (words.length < 2 || height <= 0) return [{ text: line.text, confidence: line.confidence, bbox: line.bbox }];
  const groups: (typeof words)[] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.bbox.x0 - words[i - 1]!.bbox.x1 > gap * height) groups.push([]);
    groups[groups.length - 1]!.push(words[i]!);
  }
  if (groups.length === 1) return [{ text: line.text, confidence: line.confidence, bbox: line.bbox }];
  return groups.map((g) => ({
    text: g.map((w) => w.text).join(' '),
    confidence: g.reduce((n, w) => n + w.confidence, 0) / g.length,
    bbox: { x0: g[0]!.bbox.x0, y0: Math.min(...g.map((w) => w.bbox.y0)), x1: g[g.length - 1]!.bbox.x1, y1: Math.max(...g.map((w) => w.bbox.y1)) },
  }));
}
