/**
 * Settings of the table finder. All lengths are PDF points (top-left origin, see model/types.ts);
 * ratios marked "× font size" are multiplied by the font size of the text involved.
 */
export interface TableSettings {
  /** Two ruling coordinates closer than this are the same grid line, pt. @default 2 */
  readonly snapTolerance: number;
  /** Collinear ruling pieces separated by at most this gap are one line, pt. @default 3 */
  readonly joinTolerance: number;
  /** A ruling that stops this short of another still touches it, pt. @default 2 */
  readonly intersectTolerance: number;
  /** Share of the edge between two grid slots a ruling must cover to count as a border, 0..1. @default 0.6 */
  readonly borderCoverage: number;
  /** Grid rows/columns thinner than this are merged into their neighbour (double borders), pt. @default 4 */
  readonly minSlotSize: number;
  /** A lattice region with fewer cells is a frame around text, not a table. @default 2 */
  readonly minLatticeCells: number;
  /** A lattice region with fewer columns (a box split into rows, a boxed 版记) is not a table. @default 2 */
  readonly minLatticeColumns: number;
  /** Grids with more slots than this (hatching, charts drawn with lines) are not read as tables. @default 20000 */
  readonly maxGridSlots: number;
  /** Column edges of two fragments within this distance are compatible (continuations), pt. @default 4 */
  readonly edgeTolerance: number;
  /** Most header rows a table may have. @default 4 */
  readonly maxHeaderRows: number;
  /** Stream: a gap between runs wider than this × font size splits a line into columns. @default 1.5 */
  readonly streamGapRatio: number;
  /** Stream: least number of multi-column lines that make a table. @default 3 */
  readonly streamMinRows: number;
  /** Stream: a vertical gap between two lines wider than this × font size ends a table. @default 2.5 */
  readonly streamMaxRowGap: number;
  /**
   * Stream: lines closer than this × font size (or overlapping) may be one table row: a wrapped
   * cell's next line, or cells centred vertically beside a wrapped cell. @default 0.5
   */
  readonly streamTightGap: number;
  /** Stream: share of rows that must fit the common column separators, 0..1. @default 0.8 */
  readonly streamFitShare: number;
  /** Stream: a column separator must be a free gap at least this × font size wide. @default 0.5 */
  readonly streamMinSeparator: number;
  /** Stream: a 2-column candidate is a table only when a column is this numeric (share of body rows). @default 0.6 */
  readonly streamTwoColumnNumericShare: number;
  /** Captions: a caption line lies at most this × its font size above the table (or the caption below it). @default 3 */
  readonly captionMaxGap: number;
  /** Captions: a title line leaves at least this × font size free on both sides of the text column. @default 0.5 */
  readonly captionMinMargin: number;
  /** Captions: a title line's centre lies within this × font size of the table's or text column's centre. @default 1 */
  readonly captionCentreTolerance: number;
  /**
   * Cells: a gap between two runs wider than this × font size is a space (`joinRuns` gapRatio).
   * Fonts whose space is exactly 0.25 em ('25 条') need a threshold below 0.25. @default 0.2
   */
  readonly cellSpaceRatio: number;
}

/** The defaults documented on {@link TableSettings}. */
export const defaultTableSettings: TableSettings = Object.freeze({
  snapTolerance: 2,
  joinTolerance: 3,
  intersectTolerance: 2,
  borderCoverage: 0.6,
  minSlotSize: 4,
  minLatticeCells: 2,
  minLatticeColumns: 2,
  maxGridSlots: 20000,
  edgeTolerance: 4,
  maxHeaderRows: 4,
  streamGapRatio: 1.5,
  streamMinRows: 3,
  streamMaxRowGap: 2.5,
  streamTightGap: 0.5,
  streamFitShare: 0.8,
  streamMinSeparator: 0.5,
  streamTwoColumnNumericShare: 0.6,
  captionMaxGap: 3,
  captionMinMargin: 0.5,
  captionCentreTolerance: 1,
  cellSpaceRatio: 0.2,
});

/** Merges caller overrides over the defaults (once, at the entry points). */
export function resolveTableSettings(overrides?: Partial<TableSettings>): TableSettings {
  return overrides ? { ...defaultTableSettings, ...overrides } : defaultTableSettings;
}
