/**
 * Issue #4 end to end on the 6-page scans of the seed sample at 200 and 300 dpi (grey, rotated
 * 0.5–1.2°, noise, JPEG 75; no text layer): every page by OCR with its engine recorded, the three
 * tables with their headers and row counts, every cell right or flagged ocr.low-confidence — also
 * the cells whose only difference is the width of their brackets (the source printed ASCII ' ('
 * beside Han, which a scan shows as '（'): those are flagged because the image cannot tell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import { expectTables, extractScan, loadExpected, type ExpectedTable } from './scanCompare.ts';

describe.each(['scan-200', 'scan-300'])('%s.pdf', (sample) => {
  let ex: Extraction;
  let findings: Finding[];
  let seconds = 0;

  beforeAll(async () => {
    ({ ex, findings, seconds } = await extractScan(sample, 'ppocr', { ocrThreads: 2 }));
  }, 180_000);

  it('OCRs every page, with PP-OCR', () => {
    const want = loadExpected<{ page: number; method: string }[]>(sample, 'pages.json');
    expect(ex.document.pages.map((p) => ({ page: p.page, method: p.method }))).toEqual(want);
    expect(ex.document.pages.every((p) => p.engine === 'ppocr' && p.reasons.length > 0)).toBe(true);
    expect(ex.document.errors).toEqual([]);
  });

  it('gives the expected tables except flagged cells', () => {
    const expected = loadExpected<ExpectedTable[]>(sample, 'tables.json');
    const totals = expectTables(ex.tables, expected, findings);
    const pct = ((100 * totals.exact) / totals.cells).toFixed(1);
    console.log(`${sample}: ${totals.exact}/${totals.cells} cells exact (${pct}%), bracket width only ${totals.bracketWidthOnly}, wrong flagged ${totals.wrongFlagged}, right flagged ${totals.rightFlagged}, ${seconds.toFixed(1)} s`);
    expect(totals.exact / totals.cells).toBeGreaterThan(0.97);
    expect(totals.rightFlagged / totals.exact).toBeLessThan(0.15);
  });

  it('keeps the space that separates two names in a cell, so its finding is the born-digital one', () => {
    const sep = findings.filter((f) => f.rule === 'format.list-separator');
    expect(sep.map((f) => [f.actual, f.evidence[0]!.page])).toEqual([['洪山区 东湖生态旅游风景区', 5]]);
    // no other cell of the scan got a space between two Han characters
    const spaced = ex.tables.flatMap((t) => t.rows.flat()).filter((c) => /[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(c));
    expect(spaced).toEqual(['洪山区 东湖生态旅游风景区']);
  });

  it("finds the seed's own slips on its pages, as the born-digital file does", () => {
    const rules = findings.filter((f) => f.rule !== 'ocr.low-confidence').map((f) => `${f.rule} p${f.evidence[0]!.page}`);
    // year.mismatch: the note is about 2023, its attachment list and table title say 2022 (pages 1, 2)
    expect(rules).toContain('year.mismatch p1');
    expect(rules).toContain('year.mismatch p2');
    // the budget total adds up: 2368 = 618 + 1750, read from the scan
    expect(rules.filter((r) => r.startsWith('sum.total-mismatch'))).toEqual([]);
  });
});
