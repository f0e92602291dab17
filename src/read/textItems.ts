/**
 * pdf.js text content → `TextItem[]` with boxes in points, top-left origin of the displayed page.
 */

import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BBox, TextItem } from '../model/types.ts';
import { normaliseText } from '../text/normalise.ts';
import { compose, toMatrix, type Matrix } from './matrix.ts';
import type { PdfjsLib } from './lib.ts';

export interface TextBoxSettings {
  /**
   * Height of a run above its baseline, as a share of the font size. A fixed share rather than
   * the font's own ascent: embedded CJK subsets often carry unreliable ascent/descent values.
   * @default 0.88
   */
  readonly ascent: number;
  /** Depth of a run below its baseline, as a share of the font size. @default 0.12 */
  readonly descent: number;
}

export const DEFAULT_TEXT_BOX: TextBoxSettings = { ascent: 0.88, descent: 0.12 };

/** The part of a pdf.js text item we use (`TextItem` in pdf.js's api). */
interface RawItem {
  str: string;
  transform: unknown;
  width: number;
  height: number;
  fontName?: string;
}

/**
 * Reads the text runs of one page. `viewport` maps PDF user space to the displayed page
 * (top-left origin, /Rotate and the crop box applied: `page.getViewport({ scale: 1 }).transform`).
 * Whitespace-only runs and runs of zero size are dropped; `orig` is the string as pdf.js decoded
 * it (its own Unicode normalisation disabled), `text` has pdf.js's compatibility normalisation
 * (ligatures, odd spaces) and then `normaliseText` applied.
 */
export async function pageToTextItems(
  lib: PdfjsLib,
  page: PDFPageProxy,
  pageNo: number,
  viewport: Matrix,
  settings: TextBoxSettings = DEFAULT_TEXT_BOX,
): Promise<TextItem[]> {
  const content = await page.getTextContent({ disableNormalization: true });
  const out: TextItem[] = [];
  for (const it of content.items) {
    if (!('str' in it)) continue; // marked-content markers
    const raw = it as RawItem;
    if (raw.str.trim() === '') continue;
    const vertical = content.styles[raw.fontName ?? '']?.vertical === true;
    const item = rawToTextItem(raw, pageNo, viewport, settings, vertical);
    if (item) {
      item.text = normaliseText(lib.normalizeUnicode(raw.str));
      out.push(item);
    }
  }
  return out;
}

/**
 * One pdf.js item → TextItem (text = orig here), or null when it has no size. The run spans
 * `width` along its baseline direction from the origin (e, f) of its transform and
 * [-descent, +ascent] × font size across it; the four corners go through `viewport` and the box
 * is their bounding box. Vertical runs (vertical CJK fonts) advance downwards by `height` and are
 * one font size wide, centred on the origin.
 */
export function rawToTextItem(
  raw: RawItem,
  pageNo: number,
  viewport: Matrix,
  settings: TextBoxSettings = DEFAULT_TEXT_BOX,
  vertical = false,
): TextItem | null {
  const tm = toMatrix(raw.transform, [0, 0, 0, 0, 0, 0]);
  const size = Math.hypot(tm[2], tm[3]);
  const along = Math.hypot(tm[0], tm[1]);
  if (!(size > 0) || !(along > 0)) return null;
  // unit vectors of the run's direction (u) and its "up" (v) in user space
  const u: [number, number] = [tm[0] / along, tm[1] / along];
  const v: [number, number] = [tm[2] / size, tm[3] / size];
  // the run's box in local coordinates (s along u, t along v): s from sA to sB, t from tA to tB
  const half = size / 2;
  const sA = vertical ? -half : 0;
  const sB = vertical ? half : raw.width;
  const tA = vertical ? 0 : -settings.descent * size;
  const tB = vertical ? -raw.height : settings.ascent * size;
  // local → user space, then → displayed page
  const local: Matrix = [u[0], u[1], v[0], v[1], tm[4], tm[5]];
  const m = compose(local, viewport);
  return {
    text: raw.str,
    orig: raw.str,
    page: pageNo,
    bbox: boundsOf(m, sA, sB, tA, tB),
    fontSize: size,
    ...(raw.fontName ? { fontName: raw.fontName } : {}),
    source: 'pdf',
    confidence: 1,
  };
}

/**
 * The bounding box of the four corners (sA|sB, tA|tB) of a local box through `m` (each corner
 * mapped as `apply` does), without building the corner arrays (one call per text run).
 */
function boundsOf(m: Matrix, sA: number, sB: number, tA: number, tB: number): BBox {
  const xAA = m[0] * sA + m[2] * tA + m[4];
  const xBA = m[0] * sB + m[2] * tA + m[4];
  const xAB = m[0] * sA + m[2] * tB + m[4];
  const xBB = m[0] * sB + m[2] * tB + m[4];
  const yAA = m[1] * sA + m[3] * tA + m[5];
  const yBA = m[1] * sB + m[3] * tA + m[5];
  const yAB = m[1] * sA + m[3] * tB + m[5];
  const yBB = m[1] * sB + m[3] * tB + m[5];
  return { x0: Math.min(xAA, xBA, xAB, xBB), top: Math.min(yAA, yBA, yAB, yBB), x1: Math.max(xAA, xBA, xAB, xBB), bottom: Math.max(yAA, yBA, yAB, yBB) };
}
