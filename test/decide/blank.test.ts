/**
 * Blank and near-blank pages are recognised from the text layer and a cheap ink count and never
 * sent to OCR: a PDF of empty pages, a scanned empty sheet with specks, beside pages that do hold
 * something (a scan with writing, a page of vector drawing only, a page of text).
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { extractPdf } from '../../src/pipeline/extract.ts';
import type { OcrEngine } from '../../src/ocr/types.ts';
import { DEFAULT_BLANK, inkShareAtDpi, innerInkShare, looksBlank } from '../../src/decide/blank.ts';

/** An engine that reads nothing and counts the images it was given. */
function countingEngine(): OcrEngine & { calls: number } {
  const e = {
    name: 'ppocr' as const,
    calls: 0,
    async readLines() {
      e.calls++;
      return [];
    },
    async readCell() {
      return [];
    },
    async close() {},
  };
  return e;
}

/** A grey JPEG of an A4 sheet at 100 dpi: white, `specks` one-pixel dots, and optionally a line of writing. */
function sheet(specks: number, writing: boolean): Uint8Array {
  const c = createCanvas(827, 1169);
  const g = c.getContext('2d');
  g.fillStyle = '#fafafa';
  g.fillRect(0, 0, 827, 1169);
  g.fillStyle = '#000';
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < specks; i++) g.fillRect(Math.floor(rnd() * 827), Math.floor(rnd() * 1169), 1, 1);
  if (writing) {
    g.font = '28px sans-serif';
    for (let l = 0; l < 12; l++) g.fillText('The quick brown fox jumps over the lazy dog 0123456789', 80, 150 + l * 60);
  }
  return c.toBuffer('image/jpeg', 80);
}

describe('blank pages', () => {
  it('a 200-page PDF of empty pages: every page blank, none OCR\'d, the document says so', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 200; i++) pdf.addPage([595, 842]);
    const engine = countingEngine();
    const t0 = performance.now();
    const ex = await extractPdf({ path: 'blank.pdf', data: await pdf.save() }, { engine });
    const ms = performance.now() - t0;
    expect(ex.document.pages).toHaveLength(200);
    expect(ex.document.pages.every((p) => p.method === 'blank')).toBe(true);
    expect(engine.calls).toBe(0);
    expect(ex.document.status).toBe('partial');
    expect(ex.document.errors.map((e) => e.reason)).toContain('every page is blank');
    expect(ex.text.trim()).toBe('');
    console.log(`200 blank pages: ${ms.toFixed(0)} ms`);
  });

  it('a scanned empty sheet with specks is blank; a scan with writing, vector drawing and text are not', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const empty = await pdf.embedJpg(sheet(60, false));
    const written = await pdf.embedJpg(sheet(60, true));
    pdf.addPage([595, 842]).drawImage(empty, { x: 0, y: 0, width: 595, height: 842 });
    pdf.addPage([595, 842]).drawImage(written, { x: 0, y: 0, width: 595, height: 842 });
    pdf.addPage([595, 842]).drawRectangle({ x: 100, y: 300, width: 400, height: 300, borderWidth: 3 });
    pdf.addPage([595, 842]).drawText('Page with text', { x: 72, y: 700, size: 14, font });
    const engine = countingEngine();
    const ex = await extractPdf({ path: 'mixed.pdf', data: await pdf.save() }, { engine });
    expect(ex.document.pages.map((p) => p.method)).toEqual(['blank', 'ocr', 'ocr', 'text']);
    expect(ex.document.pages[0]!.reasons[0]).toMatch(/^no text, ink on [\d.]+% of the page$/);
    expect(engine.calls).toBe(2);
    expect(ex.document.errors.map((e) => e.reason)).not.toContain('every page is blank');
  });

  it('the ink measure leaves the edges out and counts a few characters as more than blank', () => {
    const w = 400;
    const h = 600;
    const img = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    for (let y = 0; y < h; y++) for (let x = 0; x < 10; x++) img.data[y * w + x] = 0; // a black scanner edge
    expect(innerInkShare(img)).toBe(0);
    expect(looksBlank(img)).toBe(true);
    // three 5×5 blots in the middle (≈ three small characters at 50 dpi)
    for (let k = 0; k < 3; k++) for (let y = 300; y < 305; y++) for (let x = 100 + k * 10; x < 105 + k * 10; x++) img.data[y * w + x] = 0;
    expect(looksBlank(img)).toBe(false);
  });

  it('a scan read at full resolution is judged as its 50-dpi render would be: specks fade, writing stays', () => {
    // 300 dpi: a white sheet with 3000 one-pixel specks, then with one line of 6 × 36 px strokes (a short word)
    const w = 2480;
    const h = 3508;
    const img = { width: w, height: h, data: new Uint8Array(w * h).fill(250) };
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 3000; i++) img.data[Math.floor(rnd() * h) * w + Math.floor(rnd() * w)] = 0;
    // at full resolution the specks alone would make the page not blank; averaged to 50 dpi they do not
    expect(innerInkShare(img)).toBeGreaterThan(DEFAULT_BLANK.maxInkShare);
    expect(inkShareAtDpi(img, 300, 50)).toBeLessThanOrEqual(DEFAULT_BLANK.maxInkShare);
    for (let k = 0; k < 12; k++) for (let y = 1500; y < 1536; y++) for (let x = 600 + k * 40; x < 612 + k * 40; x++) img.data[y * w + x] = 0;
    expect(inkShareAtDpi(img, 300, 50)).toBeGreaterThan(DEFAULT_BLANK.maxInkShare);
    // at the render's own resolution nothing is averaged
    expect(inkShareAtDpi(img, 50, 50)).toBe(innerInkShare(img));
  });
});
