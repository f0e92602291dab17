/**
 * Word gaps of OCR'd cell lines from their pixels: a blank run of half an em between two Han
 * characters is kept as a space, the blank inside a glyph (八, 川) and engine-emitted spaces
 * between tightly set characters are not.
 */
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/raster/types.ts';
import { markWordGaps, restoreWordGaps, WORD_GAP } from '../../src/ocr/wordGaps.ts';

const EM = 40;
/** A 1-line image: glyph i is drawn as ink columns [x, x + w) for each [x, w] of `strokes[i]`. */
function line(strokes: [number, number][][]): GrayImage {
  const width = 600;
  const height = 60;
  const data = new Uint8Array(width * height).fill(255);
  for (const glyph of strokes) for (const [x, w] of glyph) for (let y = 10; y < 50; y++) for (let i = x; i < x + w; i++) data[y * width + i] = 0;
  return { width, height, data };
}
/** glyph at slot start `x` (1 em wide, ink 0.1–0.9 em); `hollow`: two strokes with a 0.3 em blank between */
const glyph = (x: number, hollow = false): [number, number][] => (hollow ? [[x + 4, 8], [x + 24, 12]] : [[x + 4, 32]]);

describe('markWordGaps', () => {
  it('keeps a half-em gap between two Han words, drops engine spaces elsewhere', () => {
    // 洪 山 区 | gap 0.5 em | 东 湖 ; 山 is hollow like 八
    const xs = [0, 40, 80, 140, 180];
    const img = line(xs.map((x, i) => glyph(x, i === 1)));
    const centres = xs.map((x) => x + EM / 2);
    const text = '洪山区东湖';
    const out = markWordGaps(img, { text, confidence: 0.99, bbox: { x0: 0, top: 5, x1: 220, bottom: 55 }, charX: centres });
    expect(out).toBe(`洪山区${WORD_GAP}东湖`);
    expect(restoreWordGaps(out)).toBe('洪山区 东湖');
    // the engine said '洪 山区东湖' where the image shows no gap after 洪
    const spaced = markWordGaps(img, { text: '洪 山区东湖', confidence: 0.99, bbox: { x0: 0, top: 5, x1: 220, bottom: 55 }, charX: [20, 40, 60, 100, 160, 200] });
    expect(spaced).toBe(`洪山区${WORD_GAP}东湖`);
  });

  it('leaves a line alone without positions or with too few Han pairs', () => {
    const img = line([glyph(0), glyph(60)]);
    expect(markWordGaps(img, { text: '合 计', confidence: 1, bbox: { x0: 0, top: 5, x1: 100, bottom: 55 }, charX: [20, 40, 80] })).toBe('合 计');
    expect(markWordGaps(img, { text: '洪山区 东湖', confidence: 1, bbox: { x0: 0, top: 5, x1: 100, bottom: 55 } })).toBe('洪山区 东湖');
  });
});
