/**
 * The images a page paints, from its pdf.js operator list (issue #4): where each lands on the
 * displayed page (unit square → points, top-left origin) and the share of the page it covers.
 */
import type { PdfjsLib } from './lib.ts';
import { apply, compose, IDENTITY, toMatrix, type Matrix } from './matrix.ts';

/** An image object as the operator list names it, and where it is painted. */
export interface ScanImage {
  /** objId string or the inline image object */
  image: unknown;
  mask: boolean;
  /** unit square of the image → displayed page points, top-left origin */
  matrix: Matrix;
}

/** An image the page paints: its object, its unit square → page points, the share of the page it covers. */
export interface PaintedImage extends ScanImage {
  share: number;
  /** axis-aligned on the page (any of the 8 orientations) */
  aligned: boolean;
}

/**
 * Every image the operator list paints, with the current transform tracked through
 * save/restore/transform and form XObjects, the count of visible glyphs and that of hidden ones
 * (text render modes 3 and 7: an invisible OCR layer over a scan). A tiled image counts as covering the whole page.
 */
export function paintedImages(
  ops: PdfjsLib['OPS'],
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  viewport: Matrix,
  pageW: number,
  pageH: number,
): { images: PaintedImage[]; glyphs: number; hiddenGlyphs: number } {
  const stack: { ctm: Matrix; textMode: number }[] = [];
  let gs = { ctm: IDENTITY as Matrix, textMode: 0 };
  let glyphs = 0;
  let hiddenGlyphs = 0;
  const images: PaintedImage[] = [];
  const texts = new Set<number>([ops.showText, ops.showSpacedText, ops.nextLineShowText, ops.nextLineSetSpacingShowText]);
  for (let i = 0; i < opList.fnArray.length; i++) {
    const fn = opList.fnArray[i]!;
    const args = opList.argsArray[i] as unknown[] | null;
    if (fn === ops.save) {
      stack.push(gs);
      gs = { ...gs };
    } else if (fn === ops.restore) {
      gs = stack.pop() ?? gs;
    } else if (fn === ops.transform) {
      gs = { ...gs, ctm: compose(toMatrix(args), gs.ctm) };
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(gs);
      gs = { ...gs, ctm: compose(toMatrix(args?.[0]), gs.ctm) };
    } else if (fn === ops.paintFormXObjectEnd) {
      gs = stack.pop() ?? gs;
    } else if (fn === ops.setTextRenderingMode) {
      gs = { ...gs, textMode: Number(args?.[0]) || 0 };
    } else if (texts.has(fn)) {
      const list = args?.[fn === ops.nextLineSetSpacingShowText ? 2 : 0];
      const n = Array.isArray(list) ? list.filter((g) => g && typeof g === 'object').length : 0;
      if (gs.textMode === 3 || gs.textMode === 7) hiddenGlyphs += n;
      else glyphs += n;
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject) {
      const m = compose(gs.ctm, viewport);
      const image = args?.[0];
      images.push({ image, mask: fn === ops.paintImageMaskXObject, matrix: m, ...coverage(m, pageW, pageH) });
    } else if (fn === ops.paintImageXObjectRepeat || fn === ops.paintImageMaskXObjectGroup || fn === ops.paintImageMaskXObjectRepeat) {
      images.push({ image: null, mask: false, matrix: IDENTITY, share: 1, aligned: false }); // tiled: render instead
    }
  }
  return { images, glyphs, hiddenGlyphs };
}

/** Share of the page covered by the unit square under `m`, and whether it maps axis-aligned. */
function coverage(m: Matrix, pageW: number, pageH: number): { share: number; aligned: boolean } {
  const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const w = Math.max(0, Math.min(pageW, Math.max(...xs)) - Math.max(0, Math.min(...xs)));
  const h = Math.max(0, Math.min(pageH, Math.max(...ys)) - Math.max(0, Math.min(...ys)));
  const scale = Math.hypot(m[0], m[1], m[2], m[3]);
  const aligned = scale > 0 && (Math.abs(m[1]) + Math.abs(m[2]) < 1e-3 * scale || Math.abs(m[0]) + Math.abs(m[3]) < 1e-3 * scale);
  return { share: (w * h) / (pageW * pageH), aligned };
}

