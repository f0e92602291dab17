/**
 * A scan read for OCR stays loaded (its operator list and decoded image) until its raster is made,
 * so the image is decoded once: the raster of a kept page is the same as one from a fresh document,
 * a released page is rastered from scratch, and a page that is not kept is cleaned up at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/read/pdfjs.ts';
import type { PageContent } from '../../src/model/types.ts';

const SCAN = join(import.meta.dirname, '../../samples/scan-200/scan-200.pdf');

describe('pages kept loaded for their raster', () => {
  it('the raster of a kept, a released and an unkept page equals that of a fresh document', async () => {
    const data = new Uint8Array(readFileSync(SCAN));
    const fresh = await withPdf(data, {}, async (pdf) => Promise.all([1, 2, 3].map((n) => pdf.pageToRaster(n))));
    await withPdf(data, {}, async (pdf) => {
      const seen: number[] = [];
      const keep = (c: PageContent): boolean => {
        seen.push(c.info.page);
        return true;
      };
      const [p1, p2, p3] = [await pdf.readPage(1, keep), await pdf.readPage(2, keep), await pdf.readPage(3, () => false)];
      // a scan page: no text, one image over the whole page
      for (const p of [p1, p2, p3]) {
        expect(p.items).toHaveLength(0);
        expect(p.images).toBe(1);
        expect(p.largestImageShare).toBeGreaterThan(0.95);
      }
      expect(seen).toEqual([1, 2]);
      pdf.releasePage(2);
      pdf.releasePage(3); // never kept: nothing happens
      const again = [await pdf.pageToRaster(1), await pdf.pageToRaster(2), await pdf.pageToRaster(3)];
      again.forEach((r, i) => {
        const f = fresh[i]!;
        expect(r.origin).toBe('embedded');
        expect([r.image.width, r.image.height, r.dpi]).toEqual([f.image.width, f.image.height, f.dpi]);
        expect(Buffer.compare(Buffer.from(r.image.data), Buffer.from(f.image.data))).toBe(0);
        expect(r.toPoints(100, 200)).toEqual(f.toPoints(100, 200));
      });
    });
  }, 60_000);
});
