/**
 * Issue #4 end to end: the mixed sample (born-digital pages followed by 200-dpi scanned pages,
 * rotated 0.6° and 1.0°, noise, JPEG 75) reads its text pages from the text layer and its scanned
 * pages by OCR (PP-OCRv4), giving the born-digital tables except cells flagged ocr.low-confidence.
 * The two scanned pages are read at once by two OCR worker threads (ocrThreads: 2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import { compactText, extractScan, loadExpected, scoreTable, type CellScore, type ExpectedTable } from './scanCompare.ts';

let ex: Extraction;
let findings: Finding[];
let seconds = 0;
const scores: CellScore[] = [];

beforeAll(async () => {
  ({ ex, findings, seconds } = await extractScan('mixed', 'ppocr', { ocrThreads: 2 }));
}, 120_000);

describe('mixed.pdf: text pages and scanned pages', () => {
  it('reads each page the expected way and records its confidence', () => {
    const want = loadExpected<{ page: number; method: string }[]>('mixed', 'pages.json');
    expect(ex.document.pages.map((p) => ({ page: p.page, method: p.method }))).toEqual(want);
    for (const p of ex.document.pages) {
      if (p.method === 'text') expect(p.confidence).toBe(1);
      else expect(p.confidence).toBeGreaterThan(0.8);
    }
    expect(ex.document.errors).toEqual([]);
  });

  it('gives every prose line read by OCR its confidence, text-layer lines none', () => {
    const ocrPages = new Set(ex.document.pages.filter((p) => p.method !== 'text').map((p) => p.page));
    const lines = ex.paragraphs.flatMap((p) => p.lines.map((l) => ({ page: p.page, ...l })));
    expect(lines.some((l) => ocrPages.has(l.page))).toBe(true);
    for (const l of lines) {
      if (ocrPages.has(l.page)) expect(l.confidence, l.text).toBeGreaterThan(0.5);
      else expect(l.confidence, l.text).toBeUndefined();
    }
  });

  const expected = loadExpected<ExpectedTable[]>('mixed', 'tables.json');

  it.each(expected.map((t, i) => [i, t.title] as const))('table %i (%s): header, rows, flagged cells', (i) => {
    const want = expected[i]!;
    const got = ex.tables.find((t) => compactText(t.title ?? '') === compactText(want.title ?? ''));
    expect(got).toBeDefined();
    expect(got!.pages).toEqual(want.pages);
    expect(got!.header.map(compactText)).toEqual(want.header.map(compactText));
    expect(got!.rows).toHaveLength(want.rows.length);
    const score = scoreTable(got!, want, findings);
    scores.push(score);
    expect(score.wrongUnflagged).toEqual([]);
    for (const c of got!.cells) {
      const page = ex.document.pages.find((p) => p.page === c.page)!;
      expect(c.bbox.x0).toBeGreaterThanOrEqual(0);
      expect(c.bbox.top).toBeGreaterThanOrEqual(0);
      expect(c.bbox.x1).toBeLessThanOrEqual(page.width);
      expect(c.bbox.bottom).toBeLessThanOrEqual(page.height);
      expect(c.confidence).toBeLessThan(1.000001);
    }
  });

  it('has a section per 牵头单位 and 序号 1..18 in the village table', () => {
    const village = ex.tables.find((t) => t.header[0] === '序号')!;
    expect(village.rowKinds.filter((k) => k === 'section')).toHaveLength(2);
    expect(village.rows.filter((_, r) => village.rowKinds[r] === 'body').map((r) => r[0])).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
  });

  it('reports cell accuracy and the review queue', () => {
    const sum = scores.reduce((a, s) => ({ cells: a.cells + s.cells, exact: a.exact + s.exact, wf: a.wf + s.wrongFlagged, rf: a.rf + s.rightFlagged }), { cells: 0, exact: 0, wf: 0, rf: 0 });
    const ocrPages = ex.document.pages.filter((p) => p.method !== 'text').length;
    console.log(`mixed: ${sum.exact}/${sum.cells} cells exact (${((100 * sum.exact) / sum.cells).toFixed(1)}%), wrong flagged ${sum.wf}, right flagged ${sum.rf}, ${seconds.toFixed(1)} s for ${ocrPages} OCR pages`);
    expect(sum.cells).toBeGreaterThan(0);
    // born-digital pages never produce OCR findings
    for (const f of findings.filter((f) => f.rule === 'ocr.low-confidence')) {
      expect(ex.document.pages.find((p) => p.page === f.evidence[0]!.page)!.method).not.toBe('text');
    }
  });
});

describe('mixed.pdf with --ocr-engine tesseract', () => {
  it('reads the scanned pages with tesseract.js: every wrong cell, header cells too, flagged at its engine threshold', async () => {
    const t = await extractScan('mixed', 'tesseract', { ocrThreads: 2 });
    expect(t.ex.document.pages.map((p) => p.engine ?? 'text')).toEqual(['text', 'tesseract', 'text', 'tesseract']);
    const flagged = (c: { page: number; bbox: { x0: number; top: number } }): boolean =>
      t.findings.some((f) => f.rule === 'ocr.low-confidence' && f.evidence.some((e) => e.page === c.page && Math.abs(e.bbox.x0 - c.bbox.x0) < 0.5 && Math.abs(e.bbox.top - c.bbox.top) < 0.5));
    let cells = 0;
    let exact = 0;
    for (const want of loadExpected<ExpectedTable[]>('mixed', 'tables.json')) {
      const got = t.ex.tables.find((x) => x.pages.join() === want.pages.join())!;
      expect(got.rows).toHaveLength(want.rows.length);
      const s = scoreTable(got, want, t.findings);
      expect(s.wrongUnflagged).toEqual([]);
      cells += s.cells;
      exact += s.exact;
      got.cells.filter((c) => c.row < 0 && c.colSpan === 1).forEach((c) => {
        const w = want.header[c.col] ?? '';
        if (compactText(w).endsWith(compactText(c.text)) && c.text !== '') return;
        expect(flagged(c), `header ${c.col}: ${c.text} ≠ ${w}`).toBe(true);
      });
    }
    console.log(`mixed, tesseract: ${exact}/${cells} body cells exact, ${t.seconds.toFixed(1)} s`);
    expect(exact / cells).toBeGreaterThan(0.7);
  }, 120_000);
});
