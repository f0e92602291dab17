/**
 * A page read 'both' (issue #4): samples/both has a real text layer for its caption and unit line
 * and its budget table only as a scanned image. The text layer must be used where it has text —
 * exactly, with the typographic space of '2022 年' that OCR cannot see — and OCR must read the
 * table from the image: the seed's budget table, every cell right or flagged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import { tightenCjk } from '../../src/text/spacing.ts';
import { compactText, expectTables, extractScan, loadExpected, type ExpectedTable } from './scanCompare.ts';

interface Facts {
  mustContain: string[];
  mustContainExact: string[];
  footers: string[];
}

let ex: Extraction;
let findings: Finding[];

beforeAll(async () => {
  ({ ex, findings } = await extractScan('both'));
}, 120_000);

describe('both.pdf: a caption in the text layer, the table as a scanned image', () => {
  it("reads the page 'both', for its image's ink the text does not explain", () => {
    expect(ex.document.pages.map((p) => ({ page: p.page, method: p.method }))).toEqual(loadExpected(('both'), 'pages.json'));
    expect(ex.document.pages[0]!.reasons.join('; ')).toMatch(/text covers \d+% of the ink/);
    expect(ex.document.pages[0]!.engine).toBe('ppocr');
    expect(ex.document.errors).toEqual([]);
  });

  it('keeps the text layer as printed and reads the table from the image', () => {
    const facts = loadExpected<Facts>('both', 'text-facts.json');
    for (const s of facts.mustContain) expect(compactText(ex.text), s).toContain(compactText(s));
    for (const s of facts.mustContainExact) expect(tightenCjk(ex.text), s).toContain(s);
    const totals = expectTables(ex.tables, loadExpected<ExpectedTable[]>('both', 'tables.json'), findings);
    expect(totals.exact / totals.cells).toBeGreaterThan(0.9);
    const t = ex.tables[0]!;
    // the title and unit come from the text layer, the cells from OCR
    expect(t.title).toBe('汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况');
    expect(t.unit).toBe('单位：万元');
    expect(t.cells.filter((c) => c.text !== '').every((c) => c.confidence < 1)).toBe(true);
    // and the budget adds up: 2368 = 618 + 1750
    expect(findings.filter((f) => f.rule === 'sum.total-mismatch')).toEqual([]);
  });

  it('removes the page footer from the text', () => {
    const lines = new Set(ex.text.split(/[\n\f]/).map((l) => l.trim()));
    for (const f of loadExpected<Facts>('both', 'text-facts.json').footers) expect(lines.has(f), f).toBe(false);
  });
});
