/**
 * Word gaps in an OCR'd cell line, measured in its pixels (issue #4). In a table cell a space
 * between two Han words can be data ('洪山区 东湖生态旅游风景区' lists two districts, and
 * format.list-separator must see it), while the spaces an engine emits between Han characters are
 * not to be trusted (justification, wide glyph side bearings). So a space is kept only where the
 * image shows one: between two Han characters, a run of ink-free columns at least `wordGapEm` em
 * wide (a glyph's own blank columns, as in 八 or 川, stay well below half an em).
 * Pixels are those of the image the line was read from (top-left origin); 1 em = the median
 * distance between neighbouring Han character centres of the line (its pitch).
 */
import type { GrayImage } from '../raster/types.ts';
import { isHan } from '../text/spacing.ts';
import type { OcrLine } from './types.ts';

export interface WordGapSettings {
  /** grey level below which a pixel is ink (0..255). @default 128 */
  readonly inkLevel: number;
  /** a blank run at least this many em wide between two Han characters is a word gap. @default 0.45 */
  readonly wordGapEm: number;
  /** neighbouring Han pairs needed to measure the pitch. @default 2 */
  readonly minPairs: number;
}

export const DEFAULT_WORD_GAPS: WordGapSettings = { inkLevel: 128, wordGapEm: 0.45, minPairs: 2 };

/** The separator `markWordGaps` puts in a word gap (survives tightenCjk; `restoreWordGaps` makes it ' '). */
export const WORD_GAP = '\u2002';

/**
 * `line.text` with every whitespace between two Han characters removed and `WORD_GAP` put where the
 * image shows a word gap. Unchanged when the line has no character positions or too few Han pairs
 * to know its pitch.
 */
export function markWordGaps(img: GrayImage, line: OcrLine, settings: Partial<WordGapSettings> = {}): string {
  const s = { ...DEFAULT_WORD_GAPS, ...settings };
  const chars = Array.from(line.text);
  const xs = line.charX;
  if (!xs || xs.length !== chars.length) return line.text;
  const solid = chars.map((c, i) => ({ c, x: xs[i]! })).filter((g) => g.c.trim() !== '');
  const pitches: number[] = [];
  for (let i = 1; i < solid.length; i++) if (isHan(solid[i - 1]!.c) && isHan(solid[i]!.c)) pitches.push(solid[i]!.x - solid[i - 1]!.x);
  if (pitches.length < s.minPairs) return line.text;
  const em = median(pitches);
  if (!(em > 0)) return line.text;
  const blank = blankColumns(img, line.bbox.top, line.bbox.bottom, s.inkLevel);
  let out = '';
  for (let i = 0; i < solid.length; i++) {
    const g = solid[i]!;
    if (i > 0) {
      const p = solid[i - 1]!;
      if (isHan(p.c) && isHan(g.c)) {
        if (longestRun(blank, p.x, g.x) >= s.wordGapEm * em) out += WORD_GAP;
      } else if (spaceBetween(chars, xs, p.x, g.x)) out += ' ';
    }
    out += g.c;
  }
  return out;
}

/** `WORD_GAP` back to a plain space. */
export function restoreWordGaps(s: string): string {
  return s.split(WORD_GAP).join(' ');
}

/** Did the engine put whitespace between the characters at x `a` and `b`? */
function spaceBetween(chars: readonly string[], xs: readonly number[], a: number, b: number): boolean {
  return chars.some((c, i) => c.trim() === '' && xs[i]! > a && xs[i]! < b);
}

/** Per column of `img`: true when no pixel between rows `top` and `bottom` is darker than `level`. */
function blankColumns(img: GrayImage, top: number, bottom: number, level: number): boolean[] {
  const y0 = Math.max(0, Math.floor(top));
  const y1 = Math.min(img.height, Math.ceil(bottom));
  const out = new Array<boolean>(img.width).fill(true);
  for (let y = y0; y < y1; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) if (img.data[row + x]! < level) out[x] = false;
  }
  return out;
}

/** Longest run of blank columns strictly between x `a` and `b`. */
function longestRun(blank: readonly boolean[], a: number, b: number): number {
  let best = 0;
  let run = 0;
  for (let x = Math.max(0, Math.ceil(a)); x < Math.min(blank.length, Math.floor(b)); x++) {
    run = blank[x] ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
