/**
 * --page-timeout: a page whose drawing takes longer than its time budget (300,000 stroked paths)
 * fails alone with one line; the pages after it are read from a fresh copy of the document.
 */
import { describe, expect, it } from 'vitest';
import { makePdf, textOp } from '../fixtures/minipdf.ts';
import { extractPdf } from '../../src/pipeline/extract.ts';
import type { OcrEngine } from '../../src/ocr/types.ts';

const quiet: OcrEngine = { name: 'ppocr', readLines: async () => [], readCell: async () => [], close: async () => {} };

describe('page time budget', () => {
  it('a page over the budget is a page error, the document partial, the other pages read', async () => {
    const heavy = Array.from({ length: 300_000 }, (_, i) => `${i % 500} ${i % 700} m ${(i % 500) + 1} ${(i % 700) + 1} l S`).join('\n');
    const words = 'The budget of one page is a few seconds on any machine we know of, and this line is long enough';
    const data = makePdf([{ content: textOp(words, 40, 700, 10) }, { content: heavy }, { content: textOp(words, 40, 700, 10) }]);
    const t0 = performance.now();
    const ex = await extractPdf({ path: 'heavy.pdf', data }, { engine: quiet, pageTimeout: 2 });
    const ms = performance.now() - t0;
    expect(ex.document.status).toBe('partial');
    expect(ex.document.errors.map((e) => `${e.page}: ${e.reason}`)).toEqual(['2: page 2 took longer than 2 s (--page-timeout): skipped']);
    expect(ex.text.split('\f').map((t) => t.trim())).toEqual([words, '', words]);
    // without the budget the page alone takes ≈ 18 s here
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
