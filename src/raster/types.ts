/**
 * Raster types shared by the scanned-page path (issue #4). PIXEL coordinates: origin at the
 * top-left pixel of the image, x right, y down; 1 px = 72/dpi PDF points. Conversion to PDF points
 * (top-left origin of the displayed page, model/types.ts) happens through `PageRaster.toPoints`.
 */

/** An 8-bit greyscale image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A box in pixels (top-left origin, exclusive right/bottom). */
export interface PixelBox {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

/**
 * A page as an image ready for OCR: the (deskewed) image, its resolution and the affine transform
 * from its pixels back to PDF points of the displayed page.
 */
export interface PageRaster {
  page: number;
  image: GrayImage;
  /** pixels per inch */
  dpi: number;
  /** skew that was corrected, degrees (positive = the scan was rotated clockwise) */
  skewDegrees: number;
  /** 'embedded' when the page's own scan image was taken at native resolution, else 'rendered' */
  origin: 'embedded' | 'rendered';
  /** pixel (x, y) of `image` → PDF points (x, y), top-left origin of the displayed page */
  toPoints(x: number, y: number): { x: number; y: number };
}
