/**
 * Overprinted (fake-bold) text, issue #10: a run drawn several times with a tiny offset is read
 * once, also when the copies are cut into different runs; text repeated side by side stays.
 */
import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/read/pdfjs.ts';
import { dedupeOverprint } from '../../src/read/overprint.ts';
import type { TextItem } from '../../src/model/types.ts';
import { makePdf, textOp } from '../fixtures/minipdf.ts';

async function readTexts(content: string): Promise<string[]> {
  return withPdf(makePdf([{ content }]), {}, async (h) => (await h.readPage(1)).items.map((i) => i.text));
}

function item(text: string, x0: number, top: number, size = 10): TextItem {
  const width = [...text].length * size;
  return { text, orig: text, page: 1, bbox: { x0, top, x1: x0 + width, bottom: top + size }, fontSize: size, source: 'pdf', confidence: 1 };
}

describe('overprinted text', () => {
  it('a run drawn three times with a 0.25 pt offset is read once', async () => {
    const copies = [0, 0.25, 0.5].map((d) => textOp('Total', 72 + d, 700 + d, 12)).join(' ');
    expect(await readTexts(`${copies} ${textOp('Other', 72, 600, 12)}`)).toEqual(['Total', 'Other']);
  });

  it('copies cut into different runs: each glyph kept once, the rest of a run split off', async () => {
    // copy 1: 'Total' then 'Due'; copy 2: 'TotalDue' in one run (Helvetica: 'Total' is 27.35 pt wide at 12 pt);
    // pdf.js may join neighbouring runs, so the text is compared joined
    const content = `${textOp('Total', 72, 700, 12)} ${textOp('Due', 99.35, 700, 12)} ${textOp('TotalDue', 72.3, 700.2, 12)}`;
    expect((await readTexts(content)).join('')).toBe('TotalDue');
  });

  it('text repeated side by side or on the next line stays', async () => {
    const content = `${textOp('lll', 72, 700, 12)} ${textOp('lll', 80, 700, 12)} ${textOp('Total', 72, 686, 12)} ${textOp('Total', 72, 672, 12)}`;
    expect((await readTexts(content)).join(' ')).toBe('llllll Total Total');
  });

  it('CJK: repeated characters in a run stay, a copy a tenth of the size off goes', () => {
    const out = dedupeOverprint([item('针针针', 100, 100), item('针针针', 101, 100.5), item('针', 130, 100)]);
    expect(out.map((i) => i.text)).toEqual(['针针针', '针']);
    // the copy shifted by a full character is text, not a copy
    expect(dedupeOverprint([item('针针', 100, 100), item('针针', 120, 100)]).map((i) => i.text).join('')).toBe('针针针针');
  });

  it('Latin runs that merely touch keep their letters (places along a Latin run are estimates)', () => {
    // a real page (PyMuPDF test_3357): 'Prehistoire' ends 4 pt inside the run 'et Antiquite'
    const a: TextItem = { ...item('Prehistoire', 79.4, 100), bbox: { x0: 79.4, top: 100, x1: 126.7, bottom: 110 } };
    const b: TextItem = { ...item('et Antiquite', 122.5, 100), bbox: { x0: 122.5, top: 100, x1: 202.3, bottom: 110 } };
    expect(dedupeOverprint([a, b]).map((i) => i.text)).toEqual(['Prehistoire', 'et Antiquite']);
  });

  it('a vertical run and a horizontal one never compare; a narrow horizontal run is horizontal', () => {
    const ff: TextItem = { ...item('ff', 276.7, 309.5, 9), bbox: { x0: 276.7, top: 309.5, x1: 282.1, bottom: 318.5 } };
    // its f's (at y 309.5 if it were vertical) must not be compared with the x positions of a line
    // 36 pt above, whose second 'f' is placed at x 309.5 (20.95 pt a letter)
    const line: TextItem = { ...item('abcdefghijfabcdefghi', 100, 273.6, 9), bbox: { x0: 100, top: 273.6, x1: 519, bottom: 282.6 } };
    expect(dedupeOverprint([line, ff]).map((i) => i.text)).toEqual(['abcdefghijfabcdefghi', 'ff']);
  });

  it('a different size is different text', () => {
    expect(dedupeOverprint([item('目录', 100, 100, 10), item('目录', 100, 100, 14)])).toHaveLength(2);
  });
});
