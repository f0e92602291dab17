/**
 * Settings of the layout stage. Lengths are PDF points (top-left origin, see model/types.ts);
 * values marked "× font size" are multiplied by the font size of the line involved.
 */
export interface LayoutSettings {
  /**
   * A gap between two runs wider than this × font size is a space (passed to `joinRuns`). Just under
   * a quarter em, so that a space glyph of exactly ¼ em counts. @default 0.24
   */
  readonly runGapRatio: number;
  /** Two items belong to one line when their vertical extents overlap by at least this share of the smaller height. @default 0.5 */
  readonly lineOverlap: number;
  /** A horizontal gap wider than this × font size may be a column gutter (two-column prose). @default 1.5 */
  readonly columnGap: number;
  /** A two-column region needs at least this many consecutive rows with text on both sides of one gutter. @default 4 */
  readonly columnMinRows: number;
  /** In a two-column row each side spans at least this share of the row's full width. @default 0.35 */
  readonly columnMinShare: number;
  /** Running headers/footers live in the top/bottom band of this share of the page height. @default 0.1 */
  readonly marginBand: number;
  /** A line repeated (digits ignored) in the same band on at least this share of pages is running. @default 0.5 */
  readonly repeatShare: number;
  /** ... and on at least this many pages. @default 3 */
  readonly repeatMinPages: number;
  /** A running header is not larger than this × the body font size (red headers are). @default 1.2 */
  readonly repeatMaxSizeRatio: number;
  /** A first-line indent is at least this × font size right of the left margin. @default 1.5 */
  readonly indentMin: number;
  /** ... and at most this × font size. @default 4 */
  readonly indentMax: number;
  /** A line whose centre is within this × font size of the text column's centre is centred. @default 1.5 */
  readonly centreTolerance: number;
  /** A line ending this × font size short of the right margin ends its paragraph. @default 2 */
  readonly shortLineMargin: number;
  /** A vertical gap larger than the page's usual gap × this (and + 0.5 × font size) starts a block. @default 1.6 */
  readonly blockGapRatio: number;
  /** Font sizes differing by more than this share start a new block. @default 0.1 */
  readonly fontChangeRatio: number;
  /** Title lines are at least this × the body font size. @default 1.15 */
  readonly titleSizeRatio: number;
  /** Red-header/signature organ lines and 文号 lines are at most this many characters. @default 40 */
  readonly maxShortLine: number;
  /** A 文号 line with no issuer above it starts a 公文 only among the first this-many lines of a page. @default 3 */
  readonly topLines: number;
}

/** The defaults documented on {@link LayoutSettings}. */
export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = {
  runGapRatio: 0.24,
  lineOverlap: 0.5,
  columnGap: 1.5,
  columnMinRows: 4,
  columnMinShare: 0.35,
  marginBand: 0.1,
  repeatShare: 0.5,
  repeatMinPages: 3,
  repeatMaxSizeRatio: 1.2,
  indentMin: 1.5,
  indentMax: 4,
  centreTolerance: 1.5,
  shortLineMargin: 2,
  blockGapRatio: 1.6,
  fontChangeRatio: 0.1,
  titleSizeRatio: 1.15,
  maxShortLine: 40,
  topLines: 3,
};

/** Merges partial settings over the defaults. */
export function layoutSettings(over: Partial<LayoutSettings> = {}): LayoutSettings {
  return { ...DEFAULT_LAYOUT_SETTINGS, ...over };
}
