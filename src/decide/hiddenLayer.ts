/**
 * An invisible text layer under a scan (issue #10): a scanner's OCR laid over the page image in
 * text render mode 3 (or 7). gongwen cannot see how good that OCR was, so it judges the text
 * (decide/plausibility.ts): a plausible layer is kept, a poor one is replaced by gongwen's own OCR.
 */
import type { PageContent } from '../model/types.ts';
import { plausibility } from './plausibility.ts';

export interface HiddenLayerSettings {
  /** Share of the page's glyphs drawn invisible from which the text layer is a hidden OCR layer. @default 0.5 */
  readonly minHiddenShare: number;
  /** ...when the page paints an image covering at least this share of the page (a scan). @default 0.5 */
  readonly minImageShare: number;
  /**
   * Suspicious things (decide/plausibility.ts) per 100 Han characters above which the layer is poor.
   * Born-digital notices and reports show 0; a poor scanner OCR 0.3–1.5 (one 'ZOq5' or '20I5' every
   * few hundred characters, besides the wrong Han no test can see). @default 0.25
   */
  readonly maxSuspiciousPer100: number;
}

export const DEFAULT_HIDDEN_LAYER: HiddenLayerSettings = { minHiddenShare: 0.5, minImageShare: 0.5, maxSuspiciousPer100: 0.25 };

/** Whether the page's text is mostly an invisible layer over a scanned image. */
export function isHiddenLayerOverScan(page: PageContent, settings: Partial<HiddenLayerSettings> = {}): boolean {
  const s = { ...DEFAULT_HIDDEN_LAYER, ...settings };
  return (page.hiddenTextShare ?? 0) >= s.minHiddenShare && (page.largestImageShare ?? 0) >= s.minImageShare;
}

/**
 * The verdict on a page's hidden OCR layer: null when the page has none; else `poor` (re-OCR)
 * and the reasons, for document.json `pages[].reasons`.
 */
export function judgeHiddenLayer(page: PageContent, settings: Partial<HiddenLayerSettings> = {}): { poor: boolean; reasons: string[] } | null {
  const s = { ...DEFAULT_HIDDEN_LAYER, ...settings };
  if (!isHiddenLayerOverScan(page, s)) return null;
  const p = plausibility(page.items.map((i) => i.text));
  const what = 'invisible text layer over a scanned image (render mode 3)';
  if (p.per100 <= s.maxSuspiciousPer100) return { poor: false, reasons: [what] };
  return { poor: true, reasons: [what, `implausible text: ${p.per100.toFixed(1)} suspicious per 100 Han characters (${p.reasons.join(', ')})`] };
}
