/**
 * Per-page read decision (issue #4): text layer, OCR or both, from the text layer's quality and,
 * where the page paints an image, the ink its text does not explain.
 */
import type { PageContent } from '../model/types.ts';
import type { RasterSource } from '../read/pageImage.ts';
import { judgeHiddenLayer } from './hiddenLayer.ts';
import { inkOutsideText } from './ink.ts';
import { pageTextQuality, type PageDecision } from './textQuality.ts';
import { blankReason, DEFAULT_BLANK, innerInkShare, paintsNothing } from './blank.ts';

import type { OcrMode } from '../model/options.ts';

/** Settings of the decision. */
export interface DecideOptions {
  /** resolution of the ink renders, px per inch */
  inkDpi: number;
  /** render pages whose text may leave ink unexplained */
  inkCheck: boolean;
  /**
   * a page without text that is one large image (a scan) is not rendered here to see whether it is
   * blank: the caller does so from the scan it decodes for OCR (inkShareAtDpi), so the image is
   * decoded once. @default false
   */
  scanBlankLater?: boolean;
}

/**
 * Whether a page without text may be a scanned sheet whose blankness the OCR raster can tell: it
 * paints an image covering most of the page (the OCR raster is then that image, decoded once).
 */
export function isScanCandidate(page: PageContent): boolean {
  return page.items.length === 0 && (page.images ?? 0) > 0 && (page.largestImageShare ?? 0) >= SCAN_SHARE;
}

/** Whether `decidePage` leaves the blank check of `page` to its OCR raster (DecideOptions.scanBlankLater). */
export function blankLeftToRaster(page: PageContent, mode: OcrMode, opts: DecideOptions): boolean {
  return mode !== 'never' && opts.scanBlankLater === true && isScanCandidate(page);
}

/** an image covering at least this share of the page makes a page without text a scan (read/pageImage.ts: minCoverage) */
const SCAN_SHARE = 0.8;

/** How one page is read and why. */
export interface PageRead {
  /** 'blank': nothing to read (no text, no ink), never OCR'd */
  decision: PageDecision | 'blank';
  reasons: string[];
  /** --ocr never: why the page would have been OCR'd */
  notOcred?: string[];
  /**
   * a page kept as text with little text: OCR reads it too, and its text layer is replaced only if
   * a confident reading disagrees (decide/agreement.ts); why it is checked
   */
  crossCheck?: string[];
}

/**
 * The decision for one page. The text alone decides first; a page whose text looks fine is
 * rendered at `inkDpi` (cheap) to see whether its text explains its ink (a scanned attachment
 * under a page number or a caption).
 */
export async function decidePage(page: PageContent, mode: OcrMode, raster: () => Promise<RasterSource>, opts: DecideOptions): Promise<PageRead> {
  if (paintsNothing(page)) return { decision: 'blank', reasons: ['no text and nothing painted'] };
  // a page without text is rendered small first: an empty sheet (scanned or not) is never OCR'd;
  // a scan is judged later from the image OCR decodes anyway (DecideOptions.scanBlankLater)
  if (mode !== 'never' && page.items.length === 0 && !blankLeftToRaster(page, mode, opts)) {
    const r = await (await raster()).pageToRaster(page.info.page, { dpi: opts.inkDpi, preferEmbedded: false });
    const ink = innerInkShare(r.image);
    if (ink <= DEFAULT_BLANK.maxInkShare) return { decision: 'blank', reasons: [blankReason(ink)] };
  }
  // an invisible OCR layer under a scan that reads as garbage is no text layer at all
  const hidden = judgeHiddenLayer(page);
  if (hidden?.poor) return mode === 'never' ? { decision: 'text', reasons: [], notOcred: hidden.reasons } : { decision: 'ocr', reasons: hidden.reasons };
  // --ocr never: the text layer is used, but what would have sent the page to OCR is still told
  if (mode === 'never') {
    const q = pageTextQuality(page.items, page.info);
    return q.decision === 'ocr' ? { decision: 'text', reasons: [], notOcred: q.reasons } : { decision: 'text', reasons: [] };
  }
  if (mode === 'always') return { decision: 'ocr', reasons: ['--ocr always'] };
  const first = pageTextQuality(page.items, page.info);
  // text that could leave ink uncovered matters where the page paints an image (a scan beside text),
  // and little text is judged by the ink it explains (a page number on a scan, or a page that says only '目录')
  const inkDecides = first.needsInk === true || (first.decision === 'text' && page.images !== 0);
  if (!inkDecides || !opts.inkCheck) return { decision: first.decision, reasons: [...(hidden?.reasons ?? []), ...first.reasons] };
  const src = await raster();
  const r = await src.pageToRaster(page.info.page, { dpi: opts.inkDpi, preferEmbedded: false });
  const ink = { ...inkOutsideText(r.image, page.items, r.dpi, { rulings: page.rulings }), largestImageShare: page.largestImageShare };
  const q = pageTextQuality(page.items, page.info, ink);
  if (q.decision === 'text' && first.needsInk) return { decision: 'text', reasons: [], crossCheck: first.reasons };
  return { decision: q.decision, reasons: [...(hidden?.reasons ?? []), ...q.reasons] };
}
