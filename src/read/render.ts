/**
 * Page images through the same pdf.js boundary: a page (or regions of it) rendered with pdf.js onto
 * an @napi-rs/canvas canvas (the canvas pdf.js itself uses in Node; also the future OCR's input)
 * and encoded as JPEG, WebP or PNG. Regions are boxes in PDF points, origin top-left of the page as
 * displayed (after /Rotate): a point (x, y) lands on pixel (x·dpi/72, y·dpi/72).
 */
import type { Canvas } from '@napi-rs/canvas';
import type { BBox } from '../model/types.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { canvasLib, drawPage } from './lib.ts';

export type { ImageFormat } from '../model/types.ts';
import type { ImageFormat } from '../model/types.ts';

/** An encoded image of a page or of a region of it. */
export interface RenderedImage {
  /** 1-based page */
  page: number;
  /** the region shown, PDF points, top-left origin (the whole page for a page image) */
  region: BBox;
  /** pixel size */
  width: number;
  height: number;
  /** pixels per inch the region was drawn at */
  dpi: number;
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  bytes: Uint8Array;
}

/** What to draw from one page. */
export interface PageRenderRequest {
  /** cancels the render under way (a page over its time budget) */
  readonly signal?: AbortSignal;
  /** the whole page at this resolution, when set */
  readonly page?: { readonly dpi: number };
  /** regions (PDF points) at up to `dpi`, each scaled down to fit `maxPx` on its longer side */
  readonly regions?: readonly BBox[];
  readonly regionDpi?: number;
  /** @default 1400 */
  readonly regionMaxPx?: number;
  /** @default 'jpeg' */
  readonly format?: ImageFormat;
  /** 0..1, JPEG/WebP quality. @default 0.7 */
  readonly quality?: number;
  /** 0..1, quality of the region images. @default quality */
  readonly regionQuality?: number;
}

export interface PageRender {
  page: RenderedImage | null;
  regions: RenderedImage[];
}

/** An open PDF for drawing. `close` when done. */
export interface PdfRenderer {
  pageCount: number;
  /** page size as displayed, points */
  pageSize(n: number): Promise<{ width: number; height: number }>;
  render(n: number, req: PageRenderRequest): Promise<PageRender>;
  close(): Promise<void>;
}


const MIME = { jpeg: 'image/jpeg', webp: 'image/webp', png: 'image/png' } as const;

async function encode(canvas: Canvas, format: ImageFormat, quality: number): Promise<Uint8Array> {
  // @napi-rs/canvas takes quality 0..100 for jpeg/webp
  const q = Math.round(Math.min(1, Math.max(0, quality)) * 100);
  const buf = format === 'png' ? await canvas.encode('png') : await canvas.encode(format, q);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** `region` clamped to the page, in whole pixels at `scale` px/pt. */
function regionPixels(region: BBox, width: number, height: number, scale: number): { sx: number; sy: number; sw: number; sh: number } {
  const x0 = Math.max(0, Math.min(width, region.x0));
  const x1 = Math.max(x0, Math.min(width, region.x1));
  const y0 = Math.max(0, Math.min(height, region.top));
  const y1 = Math.max(y0, Math.min(height, region.bottom));
  const sx = Math.floor(x0 * scale);
  const sy = Math.floor(y0 * scale);
  return { sx, sy, sw: Math.max(1, Math.ceil(x1 * scale) - sx), sh: Math.max(1, Math.ceil(y1 * scale) - sy) };
}

/** Drawing on an open document (`current`: the document now): page sizes and renders (it stays open). */
export function docRenderer(current: () => PDFDocumentProxy): Omit<PdfRenderer, 'pageCount' | 'close'> {
  const { createCanvas } = canvasLib();

  async function pageSize(n: number): Promise<{ width: number; height: number }> {
    const page = await current().getPage(n);
    const vp = page.getViewport({ scale: 1 });
    return { width: vp.width, height: vp.height };
  }

  async function render(n: number, req: PageRenderRequest): Promise<PageRender> {
    const format = req.format ?? 'jpeg';
    const quality = req.quality ?? 0.7;
    const maxPx = req.regionMaxPx ?? 1400;
    const regionQuality = req.regionQuality ?? quality;
    const regions = req.regions ?? [];
    const page = await current().getPage(n);
    try {
      const base = page.getViewport({ scale: 1 });
      const pageDpi = req.page?.dpi ?? 0;
      const regionDpi = regions.length > 0 ? (req.regionDpi ?? pageDpi) : 0;
      const dpi = Math.max(pageDpi, regionDpi);
      const scale = dpi / 72;
      const { canvas } = await drawPage(page, scale, req.signal);

      let pageImage: RenderedImage | null = null;
      if (req.page) {
        const w = Math.max(1, Math.round(base.width * (pageDpi / 72)));
        const h = Math.max(1, Math.round(base.height * (pageDpi / 72)));
        let out: Canvas = canvas;
        if (w !== canvas.width || h !== canvas.height) {
          out = createCanvas(w, h);
          const octx = out.getContext('2d');
          octx.imageSmoothingQuality = 'high';
          octx.drawImage(canvas, 0, 0, w, h);
        }
        pageImage = {
          page: n,
          region: { x0: 0, top: 0, x1: base.width, bottom: base.height },
          width: w,
          height: h,
          dpi: pageDpi,
          mime: MIME[format],
          bytes: await encode(out, format, quality),
        };
      }

      const crops: RenderedImage[] = [];
      for (const region of regions) {
        const src = regionPixels(region, base.width, base.height, scale);
        const fit = Math.min(1, maxPx / Math.max(src.sw, src.sh));
        const w = Math.max(1, Math.round(src.sw * fit));
        const h = Math.max(1, Math.round(src.sh * fit));
        const out = createCanvas(w, h);
        const octx = out.getContext('2d');
        octx.imageSmoothingQuality = 'high';
        octx.drawImage(canvas, src.sx, src.sy, src.sw, src.sh, 0, 0, w, h);
        crops.push({
          page: n,
          // the region actually shown (pixel-aligned), back in points
          region: { x0: src.sx / scale, top: src.sy / scale, x1: (src.sx + src.sw) / scale, bottom: (src.sy + src.sh) / scale },
          width: w,
          height: h,
          dpi: regionDpi * fit,
          mime: MIME[format],
          bytes: await encode(out, format, regionQuality),
        });
      }
      return { page: pageImage, regions: crops };
    } finally {
      page.cleanup();
    }
  }

  return { pageSize, render };
}
