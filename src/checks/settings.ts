/**
 * Tunable figures of the check rules, in one typed object (no magic numbers in the rules).
 */
export interface CheckSettings {
  /**
   * Largest |stated − computed| accepted when some value has decimals, in the unit the values are
   * printed in (rounding). Integers must match exactly.
   * @default 0.005
   */
  readonly decimalTolerance: number;
  /**
   * Share of the non-empty body cells of a column that must parse as numbers for the column to be
   * summed.
   * @default 0.6
   */
  readonly numericColumnShare: number;
  /** Sums with more parts than this are shown as 'Σ n rows' in verified lines. @default 6 */
  readonly maxPartsShown: number;
  /** Shortest paragraph (chars, whitespace removed) compared by duplicate.passage. @default 60 */
  readonly minPassageChars: number;
  /** Similarity (LCS ratio 2·LCS/(|a|+|b|)) from which two passages are near-duplicates. @default 0.9 */
  readonly passageSimilarity: number;
  /** Shingle length (chars) of the duplicate.passage prefilter. @default 6 */
  readonly shingleChars: number;
  /** Share of the shorter passage's shingles the other must share to be compared. @default 0.5 */
  readonly shingleOverlap: number;
  /** Most candidates (by shared shingles) compared with each passage, to bound the work. @default 8 */
  readonly maxCandidatesPerPassage: number;
  /** Shortest paragraph (chars) that may extend a run of repeated passages. @default 6 */
  readonly minRunExtensionChars: number;
  /** Characters of context shown around a one-character difference. @default 1 */
  readonly diffContextChars: number;
  /** Characters before a count claim searched for a prefecture qualifier ('恩施州所辖'). @default 12 */
  readonly claimQualifierChars: number;
  /**
   * OCR confidence (0..1) below which a number read by OCR (a cell, a line of text) is not trusted
   * for a sum: a mismatch it takes part in is reported as not verified (info), never as an error.
   * @default 0.9
   */
  readonly minNumberConfidence: number;
}

export const CHECK_SETTINGS: CheckSettings = {
  decimalTolerance: 0.005,
  numericColumnShare: 0.6,
  maxPartsShown: 6,
  minPassageChars: 60,
  passageSimilarity: 0.9,
  shingleChars: 6,
  shingleOverlap: 0.5,
  maxCandidatesPerPassage: 8,
  minRunExtensionChars: 6,
  diffContextChars: 1,
  claimQualifierChars: 12,
  minNumberConfidence: 0.9,
};
