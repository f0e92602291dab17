/**
 * Word gaps of OCR'd cell lines from their pixels: a blank run of half an em between two Han
 * characters is kept as a space, the blank inside a glyph (八, 川) and engine-emitted spaces
 * between tightly set characters are not.
 */
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/raster/types.ts';
import type { OcrLine } from '../../src/ocr/types.ts';
import { lineGeometry, restoreWordGaps, WORD_GAP } from '../../src/ocr/lineGeometry.ts';
import { digitWidths, repairThousands, unifyDigitWidth } from '../../src/ocr/digits.ts';
import { tidyCell } from '../../src/text/spacing.ts';

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

/** The line's text with its word gaps marked (lineGeometry without the doubts). */
const markWordGaps = (img: GrayImage, line: OcrLine): string => lineGeometry(img, line).text;

describe('word gaps', () => {
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

  it('marks letter-spacing as a gap that cell spacing then drops; leaves a line without positions alone', () => {
    const img = line([glyph(0), glyph(60)]);
    const spaced = markWordGaps(img, { text: '合 计', confidence: 1, bbox: { x0: 0, top: 5, x1: 100, bottom: 55 }, charX: [20, 40, 80] });
    expect(tidyCell(restoreWordGaps(spaced))).toBe('合计');
    expect(markWordGaps(img, { text: '洪山区 东湖', confidence: 1, bbox: { x0: 0, top: 5, x1: 100, bottom: 55 } })).toBe('洪山区 东湖');
  });
});

describe('dropped characters', () => {
  it('doubts two Han neighbours two ems apart with ink between them, not a word gap', () => {
    // 六 家 [砦 printed, not read] 村
    const xs = [0, 40, 80, 120];
    const img = line(xs.map((x) => glyph(x)));
    const g = lineGeometry(img, { text: '六家村', confidence: 1, bbox: { x0: 0, top: 5, x1: 160, bottom: 55 }, charX: [20, 60, 140] });
    expect(g.text).toBe('六家村');
    expect(g.doubts).toEqual(['“家”与“村”之间有字迹但未识别出字（可能漏字）']);
    // the same distance with no ink between: a word gap, no doubt
    const gap = line([glyph(0), glyph(40), glyph(120)]);
    // a glyph printed before the first character read, and one after the last
    const lead = line([glyph(0), glyph(40), glyph(80), glyph(120)]);
    expect(lineGeometry(lead, { text: '塘村至', confidence: 1, bbox: { x0: 0, top: 5, x1: 160, bottom: 55 }, charX: [60, 100, 140] }).doubts).toEqual(['“塘”之前有字迹但未识别出字（可能漏字）']);
    expect(lineGeometry(lead, { text: '垴塘村', confidence: 1, bbox: { x0: 0, top: 5, x1: 160, bottom: 55 }, charX: [20, 60, 100] }).doubts).toEqual(['“村”之后有字迹但未识别出字（可能漏字）']);
    expect(lineGeometry(lead, { text: '垴塘村至', confidence: 1, bbox: { x0: 0, top: 5, x1: 160, bottom: 55 }, charX: [20, 60, 100, 140] }).doubts).toEqual([]);
    expect(lineGeometry(gap, { text: '六家村', confidence: 1, bbox: { x0: 0, top: 5, x1: 160, bottom: 55 }, charX: [20, 60, 140] })).toEqual({ text: `六家${WORD_GAP}村`, doubts: [] });
  });
});

describe('digit widths', () => {
  /** digits as 0.7-em-high bars at the given centres */
  function digits(centres: number[]): GrayImage {
    const width = 600;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    for (const c of centres) for (let y = 16; y < 44; y++) for (let x = c - 5; x < c + 5; x++) data[y * width + x] = 0;
    return { width, height, data };
  }
  const bbox = { x0: 0, top: 5, x1: 600, bottom: 55 };
  it('turns digits one em apart into full-width forms, keeps ASCII digits half an em apart', () => {
    // ink height 28 px (0.7 em of 40): ASCII pitch 20 px (ratio 0.71), full width 40 px (1.43)
    const half = [20, 40, 60, 80, 100, 120];
    expect(digitWidths(digits(half), { text: '12,345', confidence: 1, bbox, charX: half })).toEqual({ text: '12,345', doubts: [] });
    const full = [20, 60, 100, 140, 180, 220];
    expect(digitWidths(digits(full), { text: '12,345', confidence: 1, bbox, charX: full }).text).toBe('１２，３４５');
    const between = [20, 49, 78, 107];
    expect(digitWidths(digits(between), { text: '2024', confidence: 1, bbox, charX: between }).doubts).toHaveLength(1);
  });
  it('gives a number read in two pieces one width', () => {
    expect(unifyDigitWidth('４８，０００．00')).toBe('４８，０００．００');
    expect(unifyDigitWidth('2024年１２月')).toBe('2024年１２月');
    expect(unifyDigitWidth('1２3')).toBe('123');
    expect(unifyDigitWidth('４８，０００． 00')).toBe('４８，０００．００');
  });
  it('repairs thousands read as dots, with a doubt; leaves real decimals alone', () => {
    expect(repairThousands('12.345.60')?.text).toBe('12,345.60');
    expect(repairThousands('１２．３４５．６０')?.text).toBe('１２，３４５．６０');
    expect(repairThousands('9.500.00')?.doubt).toContain('千分位');
    expect(repairThousands('12.50')).toBeNull();
    expect(repairThousands('1.2.3')).toBeNull();
    expect(repairThousands('2021.8.23')).toBeNull();
  });
});
