/**
 * A `PageRaster` as plain data for `postMessage` (issue #4, OCR threads): the pixel → point
 * transform travels as its affine matrix (raster/transform.ts), the pixels as a transferable
 * buffer. Pixel and point conventions are those of raster/types.ts.
 */
import type { PageRaster } from './types.ts';
import { affineToPoints, rasterAffine, type Affine } from './transform.ts';

/** A `PageRaster` without its closure. */
export interface RasterMessage {
  page: number;
  width: number;
  height: number;
  data: Uint8Array;
  dpi: number;
  skewDegrees: number;
  origin: PageRaster['origin'];
  /** `toPoints` as [a, b, c, d, e, f] */
  affine: Affine;
}

/** The raster as a message, and the buffers to transfer (the raster must not be used afterwards). */
export function rasterToMessage(r: PageRaster): { message: RasterMessage; transfer: ArrayBuffer[] } {
  const { width, height, data } = r.image;
  const message: RasterMessage = { page: r.page, width, height, data, dpi: r.dpi, skewDegrees: r.skewDegrees, origin: r.origin, affine: rasterAffine(r) };
  const buf = data.buffer;
  const whole = data.byteOffset === 0 && data.byteLength === buf.byteLength && buf instanceof ArrayBuffer;
  return { message, transfer: whole ? [buf] : [] };
}

/** The message back as a `PageRaster`. */
export function messageToRaster(m: RasterMessage): PageRaster {
  return {
    page: m.page,
    image: { width: m.width, height: m.height, data: m.data },
    dpi: m.dpi,
    skewDegrees: m.skewDegrees,
    origin: m.origin,
    toPoints: affineToPoints(m.affine),
  };
}
