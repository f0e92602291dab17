import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/read/pdfjs.ts';
import { mergeRulings } from '../../src/read/rulings.ts';
import type { RulingLine } from '../../src/model/types.ts';
import { makePdf, type MiniPage } from '../fixtures/minipdf.ts';

async function rulingsOf(page: MiniPage): Promise<RulingLine[]> {
  return withPdf(makePdf([page]), {}, async (h) => (await h.readPage(1)).rulings);
}

/** Rounds for exact comparison. */
const r2 = (l: RulingLine) => ({ axis: l.axis, from: +l.from.toFixed(2), to: +l.to.toFixed(2), at: +l.at.toFixed(2), width: +l.width.toFixed(2) });

describe('rulings', () => {
  it('stroked m l S under a cm transform, with the line width scaled', async () => {
    const lines = await rulingsOf({
      content: 'q 1 0 0 1 100 100 cm 2 w 0 0 m 0 200 l S Q q 0.5 0 0 0.5 0 0 cm 4 w 100 1000 m 500 1000 l S Q',
    });
    expect(lines.map(r2)).toEqual([
      { axis: 'h', from: 50, to: 250, at: 842 - 500, width: 2 },
      { axis: 'v', from: 842 - 300, to: 842 - 100, at: 100, width: 2 },
    ]);
  });

  it('stroked line inside a form XObject (Do) gets the CTM and the form /Matrix', async () => {
    const lines = await rulingsOf({
      content: 'q 1 0 0 1 10 20 cm /Fm0 Do Q 0 0 m 30 0 l S',
      forms: [{ content: '0.5 w 0 0 m 100 0 l S', matrix: [1, 0, 0, 1, 200, 300] }],
    });
    expect(lines.map(r2)).toEqual([
      { axis: 'h', from: 210, to: 310, at: 842 - 320, width: 0.5 },
      // after the form the state is back: the default width 1 and no transform
      { axis: 'h', from: 0, to: 30, at: 842, width: 1 },
    ]);
  });

  it('thin filled rectangles become rules along their long axis; thick, white and page-sized fills do not', async () => {
    const lines = await rulingsOf({
      content: [
        '0 0 595 842 re f', // page background
        '50 400 200 0.8 re f', // thin horizontal
        '50 300 1 100 re f', // thin vertical
        '100 100 50 20 re f', // thick box
        '1 1 1 rg 50 600 300 1 re f', // white
        '0 g 300 200 m 300.5 200 l 300.5 260 l 300 260 l h f', // 4-point closed path, vertical
      ].join(' '),
    });
    expect(lines.map(r2)).toEqual([
      { axis: 'h', from: 50, to: 250, at: 842 - 400.4, width: 0.8 },
      { axis: 'v', from: 842 - 400, to: 842 - 300, at: 50.5, width: 1 },
      { axis: 'v', from: 842 - 260, to: 842 - 200, at: 300.25, width: 0.5 },
    ]);
  });

  it('diagonal strokes and curves are not rules; a stroked rectangle gives its four sides', async () => {
    const lines = await rulingsOf({ content: '0 0 m 100 100 l S 10 10 m 50 80 90 10 100 10 c S 200 200 100 50 re S' });
    expect(lines.map(r2)).toEqual([
      { axis: 'h', from: 200, to: 300, at: 842 - 250, width: 1 },
      { axis: 'h', from: 200, to: 300, at: 842 - 200, width: 1 },
      { axis: 'v', from: 842 - 250, to: 842 - 200, at: 200, width: 1 },
      { axis: 'v', from: 842 - 250, to: 842 - 200, at: 300, width: 1 },
    ]);
  });

  it('merges collinear touching pieces (cell-by-cell borders) but not separate ones', async () => {
    const lines = await rulingsOf({
      content: [
        '0.5 w 100 500 m 200 500 l S 200.5 500 m 300 500 l S 300 500.4 m 400 500.4 l S', // one line
        '100 450 m 200 450 l S 205 450 m 300 450 l S', // gap 5: two lines
        '100 100 1 100 re f 100 200 1 100 re f', // thin rects stacked: one vertical line
      ].join(' '),
    });
    expect(lines.map(r2)).toEqual([
      { axis: 'h', from: 100, to: 400, at: +(842 - (500 * 200.5 + 500.4 * 100) / 300.5).toFixed(2), width: 0.5 },
      { axis: 'h', from: 100, to: 200, at: 392, width: 0.5 },
      { axis: 'h', from: 205, to: 300, at: 392, width: 0.5 },
      { axis: 'v', from: 842 - 300, to: 842 - 100, at: 100.5, width: 1 },
    ]);
  });

  it('/Rotate 90: a horizontal line in user space shows vertical', async () => {
    const lines = await rulingsOf({ rotate: 90, content: '100 700 m 300 700 l S' });
    expect(lines.map(r2)).toEqual([{ axis: 'v', from: 100, to: 300, at: 700, width: 1 }]);
  });

  it('mergeRulings: at-tolerance and gap settings', () => {
    const l = (from: number, to: number, at: number): RulingLine => ({ page: 1, axis: 'h', from, to, at, width: 1 });
    expect(mergeRulings([l(0, 10, 5), l(10.8, 20, 5.9), l(0, 20, 8)])).toHaveLength(2);
    expect(mergeRulings([l(0, 10, 5), l(12, 20, 5)])).toHaveLength(2);
    expect(mergeRulings([l(0, 10, 5), l(12, 20, 5)], { maxRuleThickness: 3, minLength: 3, skewTolerance: 0.5, mergeAtTolerance: 1, mergeGap: 2 })).toHaveLength(1);
  });
});
