/**
 * A few characters of text layer checked against OCR (issue #10). A page with little text whose ink
 * it explains is read from its text layer — a render without the font gives OCR nothing to read
 * ('目录' read as '□口') — unless a confident OCR reading of the page disagrees with it: a font
 * whose ToUnicode map points at the wrong characters ('嘆囈貭鍔' for a printed '中國文件') gives a
 * layer of real but wrong characters, which only the picture can tell.
 */

export interface AgreementSettings {
  /** OCR counts as confident from this mean confidence. @default 0.9 */
  readonly minOcrConfidence: number;
  /** the layer disagrees when fewer than this share of the OCR'd characters occur in it. @default 0.5 */
  readonly minSharedShare: number;
}

export const DEFAULT_AGREEMENT: AgreementSettings = { minOcrConfidence: 0.9, minSharedShare: 0.5 };

/** Characters of `s` compared across the two readings: compatibility forms folded ('（' = '('), whitespace dropped. */
function chars(s: string): string[] {
  return [...s.normalize('NFKC').replace(/\s+/gu, '')];
}

/** Share (0..1) of the characters of `ocr` found in `layer`, each character of the layer used once. */
export function sharedShare(layer: string, ocr: string): number {
  const pool = new Map<string, number>();
  for (const c of chars(layer)) pool.set(c, (pool.get(c) ?? 0) + 1);
  const read = chars(ocr);
  let shared = 0;
  for (const c of read) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(c, n - 1);
    }
  }
  return read.length === 0 ? 1 : shared / read.length;
}

/**
 * Whether a confident OCR reading (`ocr`, mean `confidence` 0..1) says the text `layer` is wrong;
 * null when it does not, else a reason for document.json `pages[].reasons`.
 */
export function layerDisagrees(layer: string, ocr: string, confidence: number, settings: Partial<AgreementSettings> = {}): string | null {
  const s = { ...DEFAULT_AGREEMENT, ...settings };
  if (confidence < s.minOcrConfidence || chars(ocr).length === 0) return null;
  const share = sharedShare(layer, ocr);
  if (share >= s.minSharedShare) return null;
  const clip = (t: string): string => (t.length > 12 ? t.slice(0, 12) + '…' : t);
  return `text layer '${clip(chars(layer).join(''))}' disagrees with a confident OCR reading '${clip(chars(ocr).join(''))}' (${Math.round(100 * share)}% shared)`;
}
