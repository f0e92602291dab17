/**
 * The operator cap (read/opList.ts): a page's operator list stops past the cap, the parse is
 * cancelled in pdf.js, and the document stays usable (the page's text, other pages).
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { loadingTask } from '../../src/read/lib.ts';
import { cappedOperatorList } from '../../src/read/opList.ts';
import { assemblePdf } from '../fixtures/minipdf.ts';
import { streamBody } from '../fuzz/bombs.ts';

/** Page 1: a title, then `strokes` short strokes (3 operators each); page 2: one line of text. */
function busyPdf(strokes: number): Uint8Array {
  const page1 = 'BT /F1 12 Tf 72 760 Td (Title) Tj ET\n' + '10 10 m 20 10 l S\n'.repeat(strokes);
  const page2 = 'BT /F1 12 Tf 72 760 Td (Second) Tj ET';
  const res = '/Resources << /Font << /F1 5 0 R >> >>';
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${res} /Contents 6 0 R >>`,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${res} /Contents 7 0 R >>`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      streamBody('/Filter /FlateDecode', deflateSync(Buffer.from(page1, 'latin1'))),
      streamBody('', Buffer.from(page2, 'latin1')),
    ],
    1,
  );
}

describe('operator cap', () => {
  it('stops a page of 60,000 operators at 5,000, keeps its text and leaves the other page readable', async () => {
    const task = await loadingTask(busyPdf(20_000));
    try {
      const doc = await task.promise;
      const p1 = await doc.getPage(1);
      const capped = await cappedOperatorList(p1, 5000);
      expect(capped.capped).toBe(true);
      expect(capped.opList.fnArray.length).toBeGreaterThan(5000);
      expect(capped.opList.fnArray.length).toBeLessThan(8000);
      const text = await p1.getTextContent();
      expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('Title');
      const p2 = await doc.getPage(2);
      const whole = await cappedOperatorList(p2, 5000);
      expect(whole.capped).toBe(false);
      expect(whole.opList.fnArray.length).toBeGreaterThan(0);
      expect((await p2.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('Second');
      // under the cap the list is the whole list
      const again = await cappedOperatorList(await doc.getPage(1), 1_000_000);
      expect(again.capped).toBe(false);
      expect(again.opList.fnArray.length).toBeGreaterThan(20_000);
    } finally {
      await task.destroy();
    }
  });
});
