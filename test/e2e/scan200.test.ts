/**
 * Issue #4 end to end on the 6-page 200-dpi scan of the seed sample (grey, rotated 0.5–1.2°, noise,
 * JPEG 75; no text layer): every page by OCR, the three tables with their headers and row counts,
 * every cell right or flagged ocr.low-confidence — also the cells whose only difference is the width
 * of their brackets (the source printed ASCII ' (' beside Han, which a scan shows as '（'): those
 * are flagged because the image cannot tell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import { expectTables, extractScan, loadExpected, type ExpectedTable } from './scanCompare.ts';

const SAMPLE = 'scan-200';
let ex: Extraction;
let findings: Finding[];
let seconds = 0;

beforeAll(async () => {
  ({ ex, findings, seconds } = await extractScan(SAMPLE));
}, 180_000);

describe('scan-200.pdf', () => {
  it('OCRs every page', () => {
    const want = loadExpected<{ page: number; method: string }[]>(SAMPLE, 'pages.json');
    expect(ex.document.pages.map((p) => ({ page: p.page, method: p.method }))).toEqual(want);
    expect(ex.document.errors).toEqual([]);
  });

  it('gives the expected tables except flagged cells', () => {
    const expected = loadExpected<ExpectedTable[]>(SAMPLE, 'tables.json');
    const totals = expectTables(ex.tables, expected, findings);
    const pct = ((100 * totals.exact) / totals.cells).toFixed(1);
    console.log(`${SAMPLE}: ${totals.exact}/${totals.cells} cells exact (${pct}%), bracket width only ${totals.bracketWidthOnly}, wrong flagged ${totals.wrongFlagged}, right flagged ${totals.rightFlagged}, ${seconds.toFixed(1)} s`);
    expect(totals.exact / totals.cells).toBeGreaterThan(0.97);
  });

  it('keeps the space that separates two names in a cell, so its finding is the born-digital one', () => {
    const sep = findings.filter((f) => f.rule === 'format.list-separator');
    expect(sep.map((f) => [f.actual, f.evidence[0]!.page])).toEqual([['洪山区 东湖生态旅游风景区', 5]]);
    // no other cell of the scan got a space between two Han characters
    const spaced = ex.tables.flatMap((t) => t.rows.flat()).filter((c) => /[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(c));
    expect(spaced).toEqual(['洪山区 东湖生态旅游风景区']);
  });
});
