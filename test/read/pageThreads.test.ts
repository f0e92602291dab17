/**
 * Reading a PDF's pages on several threads gives exactly the contents of a sequential read, in
 * page order, and a page that cannot be read fails alone with its reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/read/pdfjs.ts';
import { readAllPages, splitPages } from '../../src/read/pageThreads.ts';
import { samplePdf } from '../helpers/samples.ts';

describe('page-reading threads', () => {
  it('splits pages into contiguous runs of near-equal length', () => {
    expect(splitPages(7, 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
    expect(splitPages(2, 3)).toEqual([[1], [2]]);
  });

  it('three threads read the seed (34 pages) exactly as one does', async () => {
    const data = new Uint8Array(readFileSync(samplePdf('seed')));
    const seq = await withPdf(data, {}, (pdf) => readAllPages(pdf, data, undefined, { threads: 1, minPagesPerThread: 1 }));
    const par = await withPdf(data, {}, (pdf) => readAllPages(pdf, data, undefined, { threads: 3, minPagesPerThread: 4 }));
    expect(par.map((o) => o.page)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(par.every((o) => o.content)).toBe(true);
    expect(JSON.stringify(par)).toBe(JSON.stringify(seq));
    // the table page really was read in a thread: its text and rulings arrived
    const last = par.at(-1)!.content!;
    expect(last.items.length).toBeGreaterThan(0);
  });
});
