import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/read/pdfjs.ts';
import type { PageContent } from '../../src/model/types.ts';
import { makePdf, textOp, type MiniPage } from '../fixtures/minipdf.ts';

/** Helvetica advance widths (1/1000 em) of the letters used below. */
const HELV: Record<string, number> = { H: 722, e: 556, l: 222, o: 556, R: 722, t: 278, a: 556, d: 556 };
const width = (s: string, size: number) => (Array.from(s).reduce((w, c) => w + HELV[c]!, 0) * size) / 1000;

async function readAll(pages: MiniPage[]): Promise<PageContent[]> {
  return withPdf(makePdf(pages), {}, async (h) => {
    const out: PageContent[] = [];
    for (let n = 1; n <= h.pageCount; n++) out.push(await h.readPage(n));
    return out;
  });
}

function expectBox(actual: { x0: number; top: number; x1: number; bottom: number }, x0: number, top: number, x1: number, bottom: number) {
  expect(actual.x0).toBeCloseTo(x0, 2);
  expect(actual.top).toBeCloseTo(top, 2);
  expect(actual.x1).toBeCloseTo(x1, 2);
  expect(actual.bottom).toBeCloseTo(bottom, 2);
}

describe('text items', () => {
  it('portrait A4: box from baseline, ascent 0.88 and descent 0.12 of the size, top-left origin', async () => {
    const [p] = await readAll([{ content: `${textOp('Hello', 72, 700, 12)} ${textOp('   ', 200, 700, 12)}` }]);
    expect(p!.info).toEqual({ page: 1, width: 595, height: 842, rotate: 0 });
    expect(p!.items).toHaveLength(1); // the whitespace-only run is dropped
    const it0 = p!.items[0]!;
    expect(it0).toMatchObject({ text: 'Hello', orig: 'Hello', page: 1, fontSize: 12, source: 'pdf', confidence: 1 });
    expectBox(it0.bbox, 72, 842 - 700 - 0.88 * 12, 72 + width('Hello', 12), 842 - 700 + 0.12 * 12);
  });

  it('font size from a scaled text matrix', async () => {
    const [p] = await readAll([{ content: 'BT /F1 1 Tf 20 0 0 20 50 400 Tm (Hello) Tj ET' }]);
    const it0 = p!.items[0]!;
    expect(it0.fontSize).toBeCloseTo(20, 5);
    expectBox(it0.bbox, 50, 842 - 400 - 17.6, 50 + width('Hello', 20), 842 - 400 + 2.4);
  });

  it('landscape MediaBox, and a MediaBox not at the origin', async () => {
    const [a, b] = await readAll([
      { mediaBox: [0, 0, 842, 595], content: textOp('Hello', 100, 500) },
      { mediaBox: [100, 100, 695, 942], content: textOp('Hello', 200, 800) },
    ]);
    expect(a!.info).toMatchObject({ width: 842, height: 595, rotate: 0 });
    expectBox(a!.items[0]!.bbox, 100, 595 - 500 - 10.56, 100 + width('Hello', 12), 595 - 500 + 1.44);
    expectBox(b!.items[0]!.bbox, 100, 942 - 800 - 10.56, 100 + width('Hello', 12), 942 - 800 + 1.44);
  });

  it('/Rotate 90: text reads downwards at the right place of the displayed page', async () => {
    const [p] = await readAll([{ rotate: 90, content: textOp('Rotated', 100, 700) }]);
    expect(p!.info).toEqual({ page: 1, width: 842, height: 595, rotate: 90 });
    // user (x, y) shows at (y, x); the glyphs' tops point to the right
    expectBox(p!.items[0]!.bbox, 700 - 1.44, 100, 700 + 10.56, 100 + width('Rotated', 12));
  });

  it('/Rotate 270: text reads upwards', async () => {
    const [p] = await readAll([{ rotate: 270, content: textOp('Rotated', 100, 700) }]);
    expect(p!.info).toMatchObject({ width: 842, height: 595, rotate: 270 });
    // user (x, y) shows at (842 - y, 595 - x); the glyphs' tops point to the left
    expectBox(p!.items[0]!.bbox, 142 - 10.56, 495 - width('Rotated', 12), 142 + 1.44, 495);
  });

  it('text inside a form XObject gets the form matrix', async () => {
    const [p] = await readAll([
      { content: 'q 1 0 0 1 10 20 cm /Fm0 Do Q', forms: [{ content: textOp('Hello', 0, 0), matrix: [1, 0, 0, 1, 100, 300] }] },
    ]);
    expectBox(p!.items[0]!.bbox, 110, 842 - 320 - 10.56, 110 + width('Hello', 12), 842 - 320 + 1.44);
  });
});
