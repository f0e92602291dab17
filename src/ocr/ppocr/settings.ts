/**
 * Settings of the PP-OCRv4 runner. Pixel values refer to the image given to the engine; the
 * det/rec defaults follow PaddleOCR's `predict_system` (DB post-processing and CTC decoding).
 */
export interface PpocrSettings {
  /** onnxruntime threads per session (the batch runs one engine per worker process). @default 1 */
  readonly intraOpNumThreads: number;
  /** det input: the longer side is scaled down to at most this many pixels. @default 1600 */
  readonly limitSideLen: number;
  /** det: probability above which a map pixel is text. @default 0.3 */
  readonly detThreshold: number;
  /** det: minimum mean probability inside a box to keep it. @default 0.6 */
  readonly boxThreshold: number;
  /** det: DB unclip ratio; boxes grow by area·ratio/perimeter. @default 1.5 */
  readonly unclipRatio: number;
  /** det: boxes whose shorter side (map pixels) is below this are dropped. @default 3 */
  readonly minBoxSide: number;
  /** det: at most this many boxes per image. @default 1000 */
  readonly maxCandidates: number;
  /** rec: input height of the recognition model. @default 48 */
  readonly recHeight: number;
  /**
   * rec: smallest input width (PaddleOCR's 3×48×320 training shape). Rec costs the same per input
   * column whatever the batch (≈ 55 µs of one core per column), so padding short cells to 320 costs
   * (a quarter of scan-200's columns); but 160 read short symbol cells worse ('20<μ≤30' → '20μ30' on
   * issue-336 at 150 dpi, a header row then taken for data), and 64 read '— 6 —' as 'L 6-'. @default 320
   */
  readonly recMinWidth: number;
  /** rec: widest input; longer lines are squeezed to fit. @default 3200 */
  readonly recMaxWidth: number;
  /** rec: at most this many crops of equal input width per batch. @default 6 */
  readonly recBatch: number;
  /**
   * rec: at most this many input columns per batch (batch × width): onnxruntime's arena keeps the
   * largest batch's activations for the engine's life, ≈ +270 MB for 6 crops 3200 wide against
   * +20 MB for 6 at 320, while a column costs the same in any batch. Wide crops go fewer at a time. @default 1920
   */
  readonly recBatchColumns: number;
  /** rec: each det box is widened by this fraction of its height on the left and right before cropping (0 = the DB box as PaddleOCR crops it; margins measured no better). @default 0 */
  readonly recMarginX: number;
  /** rec: each det box is heightened by this fraction of its height above and below before cropping. @default 0 */
  readonly recMarginY: number;
  /** readCell: white border added around the crop, as a fraction of its height (min 8 px). @default 0.5 */
  readonly cellPad: number;
  /** readCell: crops lower than this are enlarged to it first (small scans: text under ~20 px high is missed). @default 64 */
  readonly cellMinHeight: number;
  /** readCell: grey level below which a pixel is ink (for the fallback and the empty test). @default 128 */
  readonly inkThreshold: number;
  /** readCell: fewer ink pixels than this (after enlarging to cellMinHeight) means an empty cell. @default 12 */
  readonly minInkPixels: number;
}

export const DEFAULT_PPOCR_SETTINGS: PpocrSettings = {
  intraOpNumThreads: 1,
  limitSideLen: 1600,
  detThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minBoxSide: 3,
  maxCandidates: 1000,
  recHeight: 48,
  recMinWidth: 320,
  recMaxWidth: 3200,
  recBatch: 6,
  recBatchColumns: 1920,
  recMarginX: 0,
  recMarginY: 0,
  cellPad: 0.5,
  cellMinHeight: 64,
  inkThreshold: 128,
  minInkPixels: 12,
};
