import { degrees, PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RasterSource } from '../../src/read/pageImage.ts';
import { openRasterSource, pageToRaster } from '../../src/read/pdfjs.ts';
import { bitsToGray, orientGray } from '../../src/raster/gray.ts';
import type { PageRaster } from '../../src/raster/types.ts';
import { jpegRoundTrip, seedBytes } from './scan.ts';

const A4: [number, number] = [595.28, 841.89];
let jpeg: Uint8Array; // seed page 8 at 100 dpi, grey, JPEG 75
let jpegSize: { width: number; height: number };
let pdf: Uint8Array; // p1 full page; p2 the same with /Rotate 90; p3 landscape page, image drawn turned 90°

beforeAll(async () => {
  const page8 = await pageToRaster(seedBytes(), 8, { dpi: 100 });
  const rt = await jpegRoundTrip(page8.image, 75);
  jpeg = rt.jpeg;
  jpegSize = { width: rt.image.width, height: rt.image.height };
  const doc = await PDFDocument.create();
  const img = await doc.embedJpg(jpeg);
  doc.addPage(A4).drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
  const p2 = doc.addPage(A4);
  p2.drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
  p2.setRotation(degrees(90));
  // turned 90° counter-clockwise about its lower-left corner (842, 0): covers the landscape page
  doc.addPage([A4[1], A4[0]]).drawImage(img, { x: A4[1], y: 0, width: A4[0], height: A4[1], rotate: degrees(90) });
  pdf = await doc.save();
});

/** Darkness-weighted centre of the image (robust to resampling), in page points through `toPoints`. */
function inkCentre(r: PageRaster): { x: number; y: number } {
  let sx = 0;
  let sy = 0;
  let n = 0;
  const { width: w, height: h, data } = r.image;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ink = 255 - data[y * w + x]!;
      sx += ink * (x + 0.5);
      sy += ink * (y + 0.5);
      n += ink;
    }
  }
  return r.toPoints(sx / n, sy / n);
}

describe('pageToRaster', () => {
  let src: RasterSource;
  beforeAll(async () => {
    src = await openRasterSource(pdf);
  });

  it('an image-only page: the embedded image at its native size, corners on the page corners', async () => {
    const r = await src.pageToRaster(1);
    expect(r.origin).toBe('embedded');
    expect({ width: r.image.width, height: r.image.height }).toEqual(jpegSize);
    expect(r.dpi).toBeCloseTo(100, 0);
    expect(r.toPoints(0, 0)).toEqual({ x: 0, y: 0 });
    const end = r.toPoints(r.image.width, r.image.height);
    expect(end.x).toBeCloseTo(A4[0], 3);
    expect(end.y).toBeCloseTo(A4[1], 3);
    // the same picture as pdf.js draws it
    const drawn = await src.pageToRaster(1, { preferEmbedded: false, dpi: 100 });
    expect(drawn.origin).toBe('rendered');
    const a = inkCentre(r);
    const b = inkCentre(drawn);
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
  });

  it('/Rotate 90: the image turned upright as displayed (landscape), toPoints onto the displayed page', async () => {
    const r = await src.pageToRaster(2);
    expect(r.origin).toBe('embedded');
    expect({ width: r.image.width, height: r.image.height }).toEqual({ width: jpegSize.height, height: jpegSize.width });
    const o = r.toPoints(0, 0);
    const end = r.toPoints(r.image.width, r.image.height);
    expect(o.x).toBeCloseTo(0, 3);
    expect(o.y).toBeCloseTo(0, 3);
    expect(end.x).toBeCloseTo(A4[1], 3);
    expect(end.y).toBeCloseTo(A4[0], 3);
    const b = inkCentre(await src.pageToRaster(2, { preferEmbedded: false, dpi: 100 }));
    const a = inkCentre(r);
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
  });

  it('an image drawn turned by its matrix on a landscape page: upright, mapped exactly', async () => {
    const r = await src.pageToRaster(3);
    expect(r.origin).toBe('embedded');
    expect(r.image.width).toBe(jpegSize.height);
    const end = r.toPoints(r.image.width, r.image.height);
    expect(end.x).toBeCloseTo(A4[1], 2);
    expect(end.y).toBeCloseTo(A4[0], 2);
    const a = inkCentre(r);
    const b = inkCentre(await src.pageToRaster(3, { preferEmbedded: false, dpi: 100 }));
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
  });

  it('a born-digital text page is rendered at the requested dpi', async () => {
    const r = await pageToRaster(seedBytes(), 1, { dpi: 150 });
    expect(r.origin).toBe('rendered');
    expect(r.image.width).toBe(Math.ceil((594.96 * 150) / 72));
    expect(r.toPoints(150, 300)).toEqual({ x: 72, y: 144 });
  });

  it('page numbers out of range are refused', async () => {
    await expect(src.pageToRaster(4)).rejects.toThrow(RangeError);
  });
});

describe('gray helpers', () => {
  it('1-bit rows padded to bytes; 1 = white for images, 0 = ink for masks', () => {
    // 10 px wide: 2 bytes a row
    const data = [0b10100000, 0b01000000, 0b11111111, 0b11000000];
    expect(Array.from(bitsToGray(data, 10, 2).data)).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255, ...Array(10).fill(255)]);
    expect(bitsToGray(data, 10, 2, false).data[0]).toBe(0);
  });

  it('orientGray: transpose and flips', () => {
    const img = { width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(orientGray(img, { transpose: true, flipX: false, flipY: false }).data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(orientGray(img, { transpose: false, flipX: true, flipY: false }).data)).toEqual([3, 2, 1, 6, 5, 4]);
    expect(Array.from(orientGray(img, { transpose: true, flipX: false, flipY: true }).data)).toEqual([4, 1, 5, 2, 6, 3]);
  });
});
