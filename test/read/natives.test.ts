/**
 * pdf.js's legacy build replaces Array.prototype.push and JSON.stringify/parse with core-js
 * versions on Node 20; read/ gives the engine's own back once pdf.js and its worker module are
 * loaded, and pdf.js reads pages the same with them. The batch workers take the web
 * DecompressionStream away (useJsInflate): pages read the same with pdf.js's own inflate, and
 * reading in a library user's process leaves that global alone.
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

describe('Flate streams inflated by pdf.js itself (the batch workers, useJsInflate)', () => {
  it('give the same pages as through DecompressionStream, which reading in this process leaves in place', async () => {
    const { useJsInflate } = await import('../../src/read/lib.ts');
    const { withPdf } = await import('../../src/read/pdfjs.ts');
    const given = globalThis.DecompressionStream;
    expect(given).toBeDefined();
    const readAll = (name: string) =>
      withPdf(new Uint8Array(readFileSync(samplePdf(name))), {}, async (pdf) => {
        const out = [];
        for (let n = 1; n <= pdf.pageCount; n++) out.push(await pdf.readPage(n));
        return out;
      });
    const names = ['seed', 'lo-ruled', 'budget-layouts'];
    const viaStream = await Promise.all(names.map(readAll));
    expect(globalThis.DecompressionStream).toBe(given);
    try {
      useJsInflate();
      expect(globalThis.DecompressionStream).toBeUndefined();
      const viaJs = await Promise.all(names.map(readAll));
      expect(viaJs).toEqual(viaStream);
      // real content, not two empty reads: the seed's text and ruled tables
      expect(viaJs[0]!.map((p) => p.items.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
      expect(viaJs[0]!.at(-1)!.rulings.length).toBeGreaterThan(10);
    } finally {
      globalThis.DecompressionStream = given;
    }
  });
});
