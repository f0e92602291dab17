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
import { compactText, extractScan, loadExpected, scoreTable, type ExpectedTable } from './scanCompare.ts';

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
    const totals = { cells: 0, exact: 0, wf: 0, rf: 0, brackets: 0 };
    for (const want of expected) {
      const got = ex.tables.find((t) => compactText(t.title ?? '') === compactText(want.title ?? ''));
      expect(got, want.title ?? '').toBeDefined();
      expect(got!.pages).toEqual(want.pages);
      expect(got!.header.map(compactText)).toEqual(want.header.map(compactText));
      expect(got!.rows).toHaveLength(want.rows.length);
      const s = scoreTable(got!, want, findings);
      expect(s.wrongUnflagged).toEqual([]);
      totals.cells += s.cells;
      totals.exact += s.exact;
      totals.wf += s.wrongFlagged;
      totals.rf += s.rightFlagged;
      totals.brackets += s.bracketWidthOnly;
    }
    const pct = ((100 * totals.exact) / totals.cells).toFixed(1);
    console.log(`${SAMPLE}: ${totals.exact}/${totals.cells} cells exact (${pct}%), bracket width only ${totals.brackets}, wrong flagged ${totals.wf}, right flagged ${totals.rf}, ${seconds.toFixed(1)} s`);
    expect(totals.exact / totals.cells).toBeGreaterThan(0.97);
  });
});
