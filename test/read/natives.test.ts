/**
 * pdf.js's legacy build replaces Array.prototype.push and JSON.stringify/parse with core-js
 * versions on Node 20; read/ gives the engine's own back once pdf.js and its worker module are
 * loaded, and pdf.js reads pages the same with them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/samples.ts';

const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

describe('builtins around pdf.js', () => {
  it('are the engine’s own after loading pdf.js and reading a document', async () => {
    const { pdfjsLib } = await import('../../src/read/lib.ts');
    const { withPdf } = await import('../../src/read/pdfjs.ts');
    await pdfjsLib();
    const data = new Uint8Array(readFileSync(samplePdf('seed')));
    const pages = await withPdf(data, {}, async (pdf) => [await pdf.readPage(1), await pdf.readPage(pdf.pageCount)]);
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
    // pdf.js still works with them: text and the last page's table rulings are read
    expect(pages[0]!.items.map((i) => i.text).join('')).toContain('汉阳区');
    expect(pages[1]!.rulings.length).toBeGreaterThan(10);
  });
});
