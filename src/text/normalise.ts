/**
 * Text normalisation for every text source (PDF text layer, OCR).
 *
 * PDFs whose font maps a radical and an ideograph to the same glyph (e.g. Noto CJK printed by
 * Chromium as Type 3) give Kangxi radicals (U+2F00–U+2FDF) or CJK Radicals Supplement code points
 * (U+2E80–U+2EFF) where the page shows an ordinary character: '⼈⺠' for '人民'. These are mapped
 * to the unified ideographs. NFKC is applied to the Kangxi range only: NFKC on a whole string would
 * also turn full-width punctuation （，：into ASCII, which Chinese text keeps.
 */

import { RADICAL_SUPPLEMENT_TO_UNIFIED } from './radicals.ts';

/** Zero-width space, non-joiner, joiner and the BOM / zero-width no-break space. */
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
/** Kangxi radicals and CJK Radicals Supplement. */
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** One radical code point → the unified ideograph (unchanged when Unicode gives none). */
function radicalToIdeograph(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2f00) return ch.normalize('NFKC');
  const u = RADICAL_SUPPLEMENT_TO_UNIFIED.get(c);
  return u === undefined ? ch : String.fromCodePoint(u);
}

/**
 * Maps Kangxi radicals and CJK Radicals Supplement code points to unified ideographs and removes
 * zero-width characters. Everything else (full-width punctuation, U+FFFD, spaces) is kept as is.
 */
export function normaliseText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(RADICALS, radicalToIdeograph);
}

/** Number of radical code points (U+2E80–U+2EFF, U+2F00–U+2FDF) in `s` — for diagnostics. */
export function countRadicals(s: string): number {
  return s.match(RADICALS)?.length ?? 0;
}
