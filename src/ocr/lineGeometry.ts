/**
 * What the pixels of an OCR'd line tell beyond its text (issue #4): word gaps and dropped
 * characters here, full-width digits in digits.ts.
 *
 * Word gaps. In a table cell a space
 * between two Han words can be data ('洪山区 东湖生态旅游风景区' lists two districts, and
 * format.list-separator must see it), while the spaces an engine emits between Han characters are
 * not to be trusted (justification, wide glyph side bearings). So a space is kept only where the
 * image shows one: between two Han characters, a run of ink-free columns at least `wordGapEm` em
 * wide (a glyph's own blank columns, as in 八 or 川, stay well below half an em).
 * Dropped characters. The same measure finds a character the engine dropped: two Han neighbours `droppedPitchEm` em
 * apart or more with ink between them (a printed glyph, not a gap).
 * Pixels are those of the image the line was read from (top-left origin); 1 em = the median
 * distance between neighbouring Han character centres of the line (its pitch), or the line's ink
 * height / `hanInkEm` when that is less.
 */
import type { GrayImage } from '../raster/types.ts';
import { isHan } from '../text/spacing.ts';
import { digitWidths } from './digits.ts';
import { median } from '../layout/geometry.ts';
import { inkHeight } from './image.ts';
import type { OcrLine } from './types.ts';

export interface WordGapSettings {
  /** grey level below which a pixel is ink (0..255). @default 128 */
  readonly inkLevel: number;
  /** a blank run at least this many em wide between two Han characters is a word gap. @default 0.45 */
  readonly wordGapEm: number;
  /** neighbouring Han pairs needed to measure the pitch from them alone. @default 2 */
  readonly minPairs: number;
  /** Han ink height as a share of the em (the em is also bounded by the ink height / this). @default 0.9 */
  readonly hanInkEm: number;
  /** Han neighbours this many em apart with ink between them: a character was dropped. @default 1.7 */
  readonly droppedPitchEm: number;
}

export const DEFAULT_WORD_GAPS: WordGapSettings = { inkLevel: 128, wordGapEm: 0.45, minPairs: 2, hanInkEm: 0.9, droppedPitchEm: 1.7 };

/** A cell line's text with its word gaps marked, and what its geometry makes doubtful. */
export interface LineGeometry {
  text: string;
  doubts: string[];
}

/** The separator `lineGeometry` puts in a word gap (survives tightenCjk; `restoreWordGaps` makes it ' '). */
export const WORD_GAP = '\u2002';

/**
 * `line.text` with every whitespace between two Han characters removed and `WORD_GAP` put where the
 * image shows a word gap, and the doubts: Han neighbours too far apart with ink between them (a
 * dropped character). The text is unchanged when the line has no character positions or too few
 * Han pairs to know its pitch.
 */
export function lineGeometry(img: GrayImage, line: OcrLine, settings: Partial<WordGapSettings> = {}): LineGeometry {
  const s = { ...DEFAULT_WORD_GAPS, ...settings };
  const chars = Array.from(line.text);
  const xs = line.charX;
  const unchanged = { text: line.text, doubts: [] };
  if (!xs || xs.length !== chars.length) return unchanged;
  const solid = chars.map((c, i) => ({ c, x: xs[i]! })).filter((g) => g.c.trim() !== '');
  const pitches: number[] = [];
  for (let i = 1; i < solid.length; i++) if (isHan(solid[i - 1]!.c) && isHan(solid[i]!.c)) pitches.push(solid[i]!.x - solid[i - 1]!.x);
  // the em: the median pitch, bounded by the ink height (a dropped character doubles one pitch,
  // which in a 3-character cell is half the pitches)
  const inkEm = inkHeight(img, line.bbox, s.inkLevel) / s.hanInkEm;
  if (pitches.length === 0 || (pitches.length < s.minPairs && !(inkEm > 0))) return unchanged;
  const em = inkEm > 0 ? Math.min(median(pitches), inkEm) : median(pitches);
  if (!(em > 0)) return unchanged;
  const doubts: string[] = [];
  const blank = blankColumns(img, line.bbox.top, line.bbox.bottom, s.inkLevel);
  // a glyph left unread before the first or after the last character: ink more than an em beyond
  // its centre (a Han glyph's ink ends about half an em from it); border remnants do not count
  const ink = inkSpan(img, blank, s.inkLevel, line.bbox.x0, line.bbox.x1);
  const first = solid[0]!;
  const last = solid[solid.length - 1]!;
  if (ink && isHan(first.c) && first.x - ink.x0 >= s.droppedPitchEm * 0.6 * em) doubts.push(`“${first.c}”之前有字迹但未识别出字（可能漏字）`);
  if (ink && isHan(last.c) && ink.x1 - last.x >= s.droppedPitchEm * 0.6 * em) doubts.push(`“${last.c}”之后有字迹但未识别出字（可能漏字）`);
  let out = '';
  for (let i = 0; i < solid.length; i++) {
    const g = solid[i]!;
    if (i > 0) {
      const p = solid[i - 1]!;
      if (isHan(p.c) && isHan(g.c)) {
        const gap = longestRun(blank, p.x, g.x) >= s.wordGapEm * em;
        if (gap) out += WORD_GAP;
        else if (g.x - p.x >= s.droppedPitchEm * em) doubts.push(`“${p.c}”与“${g.c}”之间有字迹但未识别出字（可能漏字）`);
      } else if (spaceBetween(chars, xs, p.x, g.x)) out += ' ';
    }
    out += g.c;
  }
  return { text: out, doubts };
}

/** `WORD_GAP` back to a plain space. */
export function restoreWordGaps(s: string): string {
  return s.split(WORD_GAP).join(' ');
}

/** Did the engine put whitespace between the characters at x `a` and `b`? */
function spaceBetween(chars: readonly string[], xs: readonly number[], a: number, b: number): boolean {
  return chars.some((c, i) => c.trim() === '' && xs[i]! > a && xs[i]! < b);
}

/** Which columns of an image hold no ink in a band of rows: `blank(x)` for 0 ≤ x < `width`. */
interface BlankColumns {
  width: number;
  blank(x: number): boolean;
}

/**
 * Per column of `img`: true when no pixel between rows `top` and `bottom` is darker than `level`.
 * Each column is looked at when first asked for (a line needs its own columns, not the page's).
 */
function blankColumns(img: GrayImage, top: number, bottom: number, level: number): BlankColumns {
  const y0 = Math.max(0, Math.floor(top));
  const y1 = Math.min(img.height, Math.ceil(bottom));
  const { width: w, data } = img;
  // 0 = not looked at yet, 1 = blank, 2 = inked
  const known = new Uint8Array(w);
  const blank = (x: number): boolean => {
    if (!known[x]) {
      let ink = false;
      for (let i = y0 * w + x, end = y1 * w; i < end; i += w) {
        if (data[i]! < level) {
          ink = true;
          break;
        }
      }
      known[x] = ink ? 2 : 1;
    }
    return known[x] === 1;
  };
  return { width: w, blank };
}

/**
 * First and last inked column of a line between columns `from` and `to` (its box: other text on
 * the same band of a page is not its ink), from `blank` (its columns with no ink in its band), not
 * counting columns inked over most of the image's height (a cell border left in the crop).
 */
function inkSpan(img: GrayImage, cols: BlankColumns, level: number, from: number, to: number): { x0: number; x1: number } | null {
  const border = (x: number): boolean => {
    let n = 0;
    for (let y = 0; y < img.height; y++) if (img.data[y * img.width + x]! < level) n++;
    return n >= 0.8 * img.height;
  };
  let x0 = Math.max(0, Math.floor(from));
  const end = Math.min(cols.width, Math.ceil(to));
  while (x0 < end && (cols.blank(x0) || border(x0))) x0++;
  let x1 = end - 1;
  while (x1 > x0 && (cols.blank(x1) || border(x1))) x1--;
  return x0 <= x1 ? { x0, x1: x1 + 1 } : null;
}

/** Longest run of blank columns strictly between x `a` and `b`. */
function longestRun(cols: BlankColumns, a: number, b: number): number {
  let best = 0;
  let run = 0;
  for (let x = Math.max(0, Math.ceil(a)); x < Math.min(cols.width, Math.floor(b)); x++) {
    run = cols.blank(x) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}


/** Both readings of a line's pixels: full-width digits first, then word gaps and dropped characters. */
export function readLineGeometry(img: GrayImage, line: OcrLine): LineGeometry {
  const digits = digitWidths(img, line);
  const gaps = lineGeometry(img, { ...line, text: digits.text });
  return { text: gaps.text, doubts: [...digits.doubts, ...gaps.doubts] };
}
