/**
 * A page's pixels for the scanned-page path (issue #4), as a `PageRaster` (raster/types.ts):
 * - an IMAGE-ONLY page (one image XObject covering most of the page, next to no visible text) gives
 *   its embedded image at its native resolution, turned upright as displayed, with `toPoints`
 *   built from the image's matrix (current transform × viewport), so pixel → PDF points is exact
 *   also on a rotated page;
 * - any other page is rendered with pdf.js on @napi-rs/canvas at `dpi`.
 * Output is grey (0 = black). Points: top-left origin of the displayed page (model/types.ts).
 *
 * pdf.js 5.6.205 shapes (checked): `paintImageXObject` args `[objId, w, h]`, the decoded image in
 * `page.objs` (`commonObjs` for ids starting 'g_') as `{ width, height, kind, data }` with kind
 * 1 = GRAYSCALE_1BPP (rows padded to bytes, bit 1 = white), 2 = RGB_24BPP, 3 = RGBA_32BPP
 * (JPEGs arrive as RGB, also grey ones); `paintInlineImageXObject` args `[imgData]`;
 * `paintImageMaskXObject` args `[{ data: objId | bytes, width, height }]` with bit 0 = painted.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bitsToGray, orientedToSource, orientGray, rgbaToGray, rgbToGray, type Orientation } from '../raster/gray.ts';
import type { GrayImage, PageRaster } from '../raster/types.ts';
import { drawPage, type PdfjsLib } from './lib.ts';
import { apply, toMatrix, type Matrix } from './matrix.ts';
import { paintedImages, type ScanImage } from './images.ts';

export interface PageRasterOptions {
  /** render resolution, px per inch (pages that are not image-only). @default 300 */
  readonly dpi?: number;
  /** take the embedded scan of an image-only page at its native resolution. @default true */
  readonly preferEmbedded?: boolean;
  /** an image covering at least this share of the page makes it image-only. @default 0.8 */
  readonly minCoverage?: number;
  /** at most this many visible glyphs on an image-only page. @default 20 */
  readonly maxGlyphs?: number;
  /** other images together may cover at most this share of the page. @default 0.05 */
  readonly maxOtherImages?: number;
  /** cancels a render under way (a page over its time budget) */
  readonly signal?: AbortSignal;
}

/** An open PDF for rasterising. `close` when done. */
export interface RasterSource {
  pageCount: number;
  pageToRaster(page: number, opts?: PageRasterOptions): Promise<PageRaster>;
  close(): Promise<void>;
}


/** Rasterising pages of an open document (`current`: the document now; it stays open). */
export function docRasters(lib: PdfjsLib, current: () => PDFDocumentProxy): Pick<RasterSource, 'pageToRaster'> {
  return {
    async pageToRaster(n, o = {}) {
      const doc = current();
      if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new RangeError(`page ${n} out of range 1..${doc.numPages}`);
      const page = await doc.getPage(n);
      try {
        return await loadedPageToRaster(lib, page, n, o);
      } finally {
        page.cleanup();
      }
    },
  };
}

/** A loaded page → raster: the embedded scan when the page is image-only (and wanted), else rendered. */
export async function loadedPageToRaster(lib: PdfjsLib, page: PDFPageProxy, pageNo: number, opts: PageRasterOptions = {}): Promise<PageRaster> {
  const viewport = page.getViewport({ scale: 1 });
  if (opts.preferEmbedded ?? true) {
    const opList = await page.getOperatorList();
    const scan = findPageScan(lib.OPS, opList, toMatrix(viewport.transform), viewport.width, viewport.height, opts);
    if (scan) {
      const img = imageObjectToGray(scan.image, page, scan.mask);
      if (img) return embeddedRaster(img, scan.matrix, pageNo);
    }
  }
  return renderedRaster(page, pageNo, opts.dpi ?? 300, opts.signal);
}


/**
 * The page's scan image when the operator list paints one image covering ≥ `minCoverage` of the
 * page (axis-aligned, any of the 8 orientations), other images ≤ `maxOtherImages` of the page and
 * at most `maxGlyphs` visible glyphs (invisible OCR text layers, render mode 3, do not count).
 */
export function findPageScan(
  ops: PdfjsLib['OPS'],
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  viewport: Matrix,
  pageW: number,
  pageH: number,
  opts: PageRasterOptions = {},
): ScanImage | null {
  const minCoverage = opts.minCoverage ?? 0.8;
  const maxGlyphs = opts.maxGlyphs ?? 20;
  const maxOther = opts.maxOtherImages ?? 0.05;
  const { images, glyphs } = paintedImages(ops, opList, viewport, pageW, pageH);
  if (glyphs > maxGlyphs || images.length === 0) return null;
  const sorted = [...images].sort((a, b) => b.share - a.share);
  const top = sorted[0]!;
  const others = sorted.slice(1).reduce((s, im) => s + im.share, 0);
  if (top.share < minCoverage || !top.aligned || others > maxOther || top.image == null) return null;
  return { image: top.image, mask: top.mask, matrix: top.matrix };
}

/** pdf.js image data (or an object id resolved through the page) → grey, or null when unusable. */
function imageObjectToGray(ref: unknown, page: PDFPageProxy, mask: boolean): GrayImage | null {
  let obj = ref as { data?: unknown; width?: number; height?: number; kind?: number; bitmap?: unknown } | null;
  const resolve = (id: string): unknown => {
    const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
    return objs.has(id) ? objs.get(id) : null;
  };
  if (typeof ref === 'string') obj = resolve(ref) as typeof obj;
  else if (obj && typeof obj.data === 'string') obj = { ...obj, ...(resolve(obj.data) as object) };
  if (!obj || obj.bitmap || !obj.width || !obj.height || !ArrayBuffer.isView(obj.data)) return null;
  const data = obj.data as Uint8Array;
  const { width: w, height: h } = obj;
  if (mask) return bitsToGray(data, w, h, false);
  if (obj.kind === 1) return bitsToGray(data, w, h, true);
  if (obj.kind === 2 && data.length >= w * h * 3) return rgbToGray(data, w, h, true);
  if (obj.kind === 3 && data.length >= w * h * 4) return rgbaToGray(data, w, h, true);
  return null;
}

/**
 * The embedded image turned upright and its pixel → point transform. Image pixel (x, y) (top row
 * first) lies at unit-square point (x/W, 1 − y/H), which `m` maps to the page.
 */
export function embeddedRaster(img: GrayImage, m: Matrix, pageNo: number): PageRaster {
  const W = img.width;
  const H = img.height;
  const toPage = (x: number, y: number): [number, number] => apply(m, x / W, 1 - y / H);
  // page displacement of one pixel step along the image's x and y
  const ex = [m[0] / W, m[1] / W];
  const ey = [-m[2] / H, -m[3] / H];
  const transpose = Math.abs(ex[0]!) < Math.abs(ex[1]!);
  const o: Orientation = transpose
    ? { transpose, flipX: ex[1]! < 0, flipY: ey[0]! < 0 }
    : { transpose, flipX: ex[0]! < 0, flipY: ey[1]! < 0 };
  const image = orientGray(img, o);
  const ptW = Math.hypot(ex[0]!, ex[1]!);
  const ptH = Math.hypot(ey[0]!, ey[1]!);
  return {
    page: pageNo,
    image,
    dpi: 72 / Math.sqrt(ptW * ptH),
    skewDegrees: 0,
    origin: 'embedded',
    toPoints(X, Y) {
      const [x, y] = orientedToSource(o, W, H, X, Y);
      const [px, py] = toPage(x, y);
      return { x: px, y: py };
    },
  };
}

/** The page rendered at `dpi`, grey; pixel (x, y) ↔ point (x·72/dpi, y·72/dpi). */
async function renderedRaster(page: PDFPageProxy, pageNo: number, dpi: number, signal?: AbortSignal): Promise<PageRaster> {
  const scale = dpi / 72;
  const { canvas, ctx } = await drawPage(page, scale, signal);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return {
    page: pageNo,
    image: rgbaToGray(rgba.data, canvas.width, canvas.height, true),
    dpi,
    skewDegrees: 0,
    origin: 'rendered',
    toPoints: (x, y) => ({ x: x / scale, y: y / scale }),
  };
}
