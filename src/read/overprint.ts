/**
 * Overprinted text (issue #10): bold faked by drawing a run 2–4 times with a tiny offset gives
 * every glyph several times at (almost) the same place, and the copies may be cut into different
 * runs ('股票代码' + '：' in one copy, '股票代码：' in another). As pdfplumber's `dedupe_chars`
 * does, a character is dropped when the same character of the same font size already stands at
 * (almost) the same position. pdf.js gives runs, not glyphs, so each run is cut into characters
 * placed along it (a CJK or full-width character one font size wide, the rest of the run's width
 * shared by the other characters); a run that keeps only some of its characters is split into the
 * kept pieces. Repeated text at different places ('针针针', a word printed twice) stays.
 * Boxes are PDF points, top-left origin of the displayed page.
 */
import type { BBox, TextItem } from '../model/types.ts';
import { isCjk } from '../text/spacing.ts';

export interface OverprintSettings {
  /**
   * Two equal characters whose positions differ by at most this share of the font size, in both
   * directions, are one glyph drawn twice. Fake bold offsets are 1–3% of the size; characters
   * printed side by side are a full advance (≥ 50%) apart. @default 0.2
   */
  readonly tolerance: number;
  /** Font sizes differing by more than this share are different text. @default 0.05 */
  readonly sizeTolerance: number;
  /**
   * For a narrow (non-CJK) character, whose place along a run is only estimated, the two runs must
   * also overlap along their axis over at least this share of the shorter one: a copy lies over its
   * original, while two runs that merely touch (a kerned or mis-measured Latin run ending 4 pt
   * inside the next) place their characters too roughly to compare. A CJK character is one font
   * size wide, its place exact. @default 0.5
   */
  readonly minRunOverlap: number;
}

export const DEFAULT_OVERPRINT: OverprintSettings = { tolerance: 0.2, sizeTolerance: 0.05, minRunOverlap: 0.5 };

/** One character of a run, placed: `from`..`to` along the run, `across` its centre across it. */
interface PlacedChar {
  ch: string;
  item: number;
  index: number;
  /** position of the glyph's start along the run's axis (x, or y for a vertical run), pt */
  from: number;
  to: number;
  /** centre of the run across its axis, pt */
  across: number;
  size: number;
  /** the axis: y for a vertical run, x for a horizontal one (only characters on the same axis compare) */
  vertical: boolean;
  /** the whole run's extent along its axis, pt */
  runFrom: number;
  runTo: number;
}

/**
 * A run written downwards (a vertical CJK font, or a run turned 90°): more than one character, at
 * most about one font size wide and clearly taller than one (a horizontal run is one font size
 * tall, however narrow: 'ff').
 */
function isVertical(it: TextItem, n: number): boolean {
  const w = it.bbox.x1 - it.bbox.x0;
  const h = it.bbox.bottom - it.bbox.top;
  return n > 1 && w <= 1.2 * it.fontSize && h > 1.5 * it.fontSize;
}

/** The characters of `it` placed along its box (see the file comment). */
function placeChars(it: TextItem, item: number): PlacedChar[] {
  const chars = [...it.text];
  const vertical = isVertical(it, chars.length);
  const start = vertical ? it.bbox.top : it.bbox.x0;
  const length = vertical ? it.bbox.bottom - it.bbox.top : it.bbox.x1 - it.bbox.x0;
  const across = vertical ? (it.bbox.x0 + it.bbox.x1) / 2 : (it.bbox.top + it.bbox.bottom) / 2;
  const wide = chars.filter((c) => isCjk(c)).length;
  const narrow = chars.length - wide;
  let em = it.fontSize;
  let rest = narrow === 0 ? 0 : (length - wide * em) / narrow;
  if (rest < 0 || (narrow === 0 && wide > 0)) {
    // a condensed run (or only wide characters): share the length in proportion
    const units = wide + 0.5 * narrow;
    em = units === 0 ? 0 : length / units;
    rest = em / 2;
  }
  const out: PlacedChar[] = [];
  let pos = start;
  chars.forEach((ch, index) => {
    const w = isCjk(ch) ? em : rest;
    out.push({ ch, item, index, from: pos, to: pos + w, across, size: it.fontSize, vertical, runFrom: start, runTo: start + length });
    pos += w;
  });
  return out;
}

/** Overlap of the runs of `a` and `b` along their axis, as a share of the shorter run (0..1). */
function runsOverlap(a: PlacedChar, b: PlacedChar): number {
  const shorter = Math.min(a.runTo - a.runFrom, b.runTo - b.runFrom);
  const overlap = Math.min(a.runTo, b.runTo) - Math.max(a.runFrom, b.runFrom);
  return shorter <= 0 ? 1 : Math.max(0, overlap) / shorter;
}

/**
 * Width of the bands (pt, across the run) that earlier characters are filed under in `findCopies`:
 * a character is compared only with the equal characters of the bands its tolerance reaches, not
 * with every earlier one (a table page repeats '0' hundreds of times). Any width gives the same
 * result; about a line's height keeps bands few and short.
 */
const ACROSS_BAND = 8;

/** Earlier characters of one kind, filed by band across their run (see ACROSS_BAND). */
type Bands = Map<number, PlacedChar[]>;

/**
 * Which characters of `items` are copies of an earlier one: `dropped[i]` holds the indexes (in
 * code points of `items[i].text`) to drop, undefined when none. The first copy in content order is kept.
 */
function findCopies(items: readonly TextItem[], s: OverprintSettings): (Set<number> | undefined)[] {
  const dropped: (Set<number> | undefined)[] = new Array(items.length);
  const seen = new Map<string, Bands>();
  items.forEach((it, i) => {
    for (const c of placeChars(it, i)) {
      if (/\s/u.test(c.ch)) continue;
      let bands = seen.get(c.ch);
      if (bands && hasCopy(bands, c, i, s)) (dropped[i] ??= new Set()).add(c.index);
      // copies stay comparable too: a third copy may lie over the second better than over the first
      if (!bands) seen.set(c.ch, (bands = new Map()));
      const at = bandOf(c.across);
      const band = bands.get(at);
      if (band) band.push(c);
      else bands.set(at, [c]);
    }
  });
  return dropped;
}

/** The band a position across a run is filed under (NaN and ±Infinity file under themselves). */
function bandOf(across: number): number {
  return Math.floor(across / ACROSS_BAND);
}

/**
 * Whether an earlier character of another item in `bands` lies over `c` (of item `i`). Only the
 * bands within the tolerance of `c` are searched (a little margin for rounding; the exact test is
 * `isCopyOf`), all of them when that range is not finite or wider than their count.
 */
function hasCopy(bands: Bands, c: PlacedChar, i: number, s: OverprintSettings): boolean {
  const tol = s.tolerance * c.size;
  const lo = bandOf(c.across - tol - 1e-6);
  const hi = bandOf(c.across + tol + 1e-6);
  if (Number.isFinite(lo) && Number.isFinite(hi) && hi - lo < bands.size) {
    for (let b = lo; b <= hi; b++) {
      const band = bands.get(b);
      if (band && band.some((o) => isCopyOf(o, c, i, tol, s))) return true;
    }
    return false;
  }
  for (const band of bands.values()) if (band.some((o) => isCopyOf(o, c, i, tol, s))) return true;
  return false;
}

/** Whether `o` (an earlier character) is `c` (of item `i`) drawn again, `tol` pt apart at most. */
function isCopyOf(o: PlacedChar, c: PlacedChar, i: number, tol: number, s: OverprintSettings): boolean {
  return (
    o.item !== i &&
    o.vertical === c.vertical &&
    Math.abs(o.size - c.size) <= s.sizeTolerance * c.size &&
    Math.abs(o.from - c.from) <= tol &&
    Math.abs(o.across - c.across) <= tol &&
    (isCjk(c.ch) || runsOverlap(o, c) >= s.minRunOverlap)
  );
}

/** The piece of `it` from character `a` to `b` (exclusive), box cut along the run, whitespace trimmed. */
function piece(it: TextItem, placed: readonly PlacedChar[], a: number, b: number): TextItem | null {
  const chars = [...it.text];
  while (a < b && /\s/u.test(chars[a]!)) a++;
  while (b > a && /\s/u.test(chars[b - 1]!)) b--;
  if (a >= b) return null;
  const text = chars.slice(a, b).join('');
  const orig = [...it.orig];
  const vertical = isVertical(it, chars.length);
  const from = placed[a]!.from;
  const to = placed[b - 1]!.to;
  const bbox: BBox = vertical ? { ...it.bbox, top: from, bottom: to } : { ...it.bbox, x0: from, x1: to };
  return { ...it, text, orig: orig.length === chars.length ? orig.slice(a, b).join('') : text, bbox };
}

/**
 * `items` with overprinted copies removed (see the file comment): an item all of whose
 * characters are copies goes, one with some copies is split into the pieces that stay.
 * Items are returned in their order; untouched items are the same objects.
 */
export function dedupeOverprint(items: readonly TextItem[], settings: Partial<OverprintSettings> = {}): TextItem[] {
  const s: OverprintSettings = { ...DEFAULT_OVERPRINT, ...settings };
  const dropped = findCopies(items, s);
  const out: TextItem[] = [];
  items.forEach((it, i) => {
    const drop = dropped[i];
    if (!drop) {
      out.push(it);
      return;
    }
    const placed = placeChars(it, i);
    let a = -1;
    for (let k = 0; k <= placed.length; k++) {
      const keep = k < placed.length && !drop.has(k);
      if (keep && a < 0) a = k;
      if (!keep && a >= 0) {
        const p = piece(it, placed, a, k);
        if (p) out.push(p);
        a = -1;
      }
    }
  });
  return out;
}
