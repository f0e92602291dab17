/**
 * Issue #4 end to end on born-digital pages whose text layer is broken while they render exactly
 * as before (samples/garbled: seed pages 1–2 with every ToUnicode destination in the private-use
 * area; samples/no-tounicode: seed page 8 with /ToUnicode deleted). With the default options
 * (--ocr auto, PP-OCRv4) every page is read by OCR, for a reason the text layer gives, and the
 * result is the seed's: the tables cell by cell (cells flagged ocr.low-confidence excepted), the
 * text facts, no private-use code point or U+FFFD left. `--ocr never` keeps the text layer as is
 * and records an error per page.
 * One extraction per sample (beforeAll); ~7 s per OCR page.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import { extractPdf } from '../../src/pipeline/extract.ts';
import { decidePage, type PageRead } from '../../src/decide/page.ts';
import { withPdf } from '../../src/read/pdfjs.ts';
import { charStats } from '../../src/decide/chars.ts';
import { samplePdf } from '../helpers/samples.ts';
import { compactText, expectTables, extractScan, loadExpected, type ExpectedTable } from './scanCompare.ts';

interface Facts {
  pages: number;
  mustContain: string[];
  footers: string[];
  mustNotContain: string[];
}

interface Case {
  sample: string;
  /** what the per-page decision must say about the text layer, every page */
  reason: RegExp;
}

const CASES: Case[] = [
  { sample: 'garbled', reason: /^garbled: 100% private-use code points$/ },
  { sample: 'no-tounicode', reason: /^garbled: \d+% control characters$/ },
];

/** The pipeline's per-page decision (mode auto) on the sample's own text layer. */
async function decisions(sample: string): Promise<PageRead[]> {
  const noRaster = () => Promise.reject(new Error('the text alone must decide'));
  return withPdf(new Uint8Array(readFileSync(samplePdf(sample))), {}, async (pdf) => {
    const out: PageRead[] = [];
    for (let n = 1; n <= pdf.pageCount; n++) out.push(await decidePage(await pdf.readPage(n), 'auto', noRaster, { inkDpi: 50, inkCheck: true }));
    return out;
  });
}

/** Private-use code points and U+FFFD in `s`. */
function brokenChars(s: string): number {
  const st = charStats(s);
  return st.privateUse + st.replacement;
}

/** Every string of a table as written to tables.json. */
const tableStrings = (ex: Extraction): string[] => ex.tables.flatMap((t) => [t.title ?? '', t.unit ?? '', ...t.header, ...t.rows.flat(), ...t.cells.map((c) => c.text)]);

/**
 * Fewest characters that differ between `fact` and a same-length stretch of `text` (0 when the text
 * holds it). Prose has no review queue: a substituted character is counted, not excused.
 */
function substitutions(text: string, fact: string): number {
  const t = Array.from(text);
  const f = Array.from(fact);
  if (text.includes(fact)) return 0;
  let best = f.length;
  for (let i = 0; i + f.length <= t.length; i++) {
    let d = 0;
    for (let k = 0; k < f.length && d < best; k++) if (t[i + k] !== f[k]) d++;
    best = Math.min(best, d);
  }
  return best;
}

describe.each(CASES)('$sample: broken text layer read through OCR', ({ sample, reason }) => {
  let ex: Extraction;
  let findings: Finding[];
  let seconds = 0;
  let reads: PageRead[];

  beforeAll(async () => {
    ({ ex, findings, seconds } = await extractScan(sample));
    reads = await decisions(sample);
  }, 120_000);

  it('reads every page by OCR because its text layer is garbled', () => {
    const want = loadExpected<{ page: number; method: string }[]>(sample, 'pages.json');
    expect(ex.document.pages.map((p) => ({ page: p.page, method: p.method }))).toEqual(want);
    expect(ex.document.status).toBe('ok');
    expect(ex.document.errors).toEqual([]);
    for (const p of ex.document.pages) expect(p.confidence).toBeGreaterThan(0.9);
    for (const r of reads) {
      expect(r.decision).toBe('ocr');
      expect(r.reasons.some((x) => reason.test(x)), r.reasons.join('; ')).toBe(true);
    }
    // document.json tells the same reasons
    expect(ex.document.pages.map((p) => p.reasons)).toEqual(reads.map((r) => r.reasons));
    console.log(`${sample}: ${reads.map((r, i) => `p${i + 1} ${r.reasons.join('; ')}`).join(' | ')}`);
  });

  it("gives the seed's tables, every cell right or flagged ocr.low-confidence", () => {
    const expected = loadExpected<(ExpectedTable & { rowKinds: string[] })[]>(sample, 'tables.json');
    expect(ex.tables).toHaveLength(expected.length);
    const sum = expectTables(ex.tables, expected, findings);
    // and every row keeps its kind (section rows of the village table)
    for (const want of expected) expect(ex.tables.find((t) => compactText(t.title ?? '') === compactText(want.title ?? ''))!.rowKinds).toEqual(want.rowKinds);
    console.log(`${sample}: ${sum.exact}/${sum.cells} cells exact, wrong flagged ${sum.wrongFlagged}, right flagged ${sum.rightFlagged}, ${seconds.toFixed(1)} s for ${ex.document.pages.length} OCR pages`);
    expect(sum.cells).toBeGreaterThan(0);
  });

  it('text.txt holds the text facts, one page per PDF page, no footer line', () => {
    const facts = loadExpected<Facts>(sample, 'text-facts.json');
    expect(ex.text.split('\f')).toHaveLength(facts.pages);
    const flat = compactText(ex.text);
    // every fact there, OCR errors in prose at most one substituted character in all the facts
    // (PP-OCR reads 来凤县 as 来风县 on the garbled sample's page 1 at 300 dpi, at 0.988)
    const errors = facts.mustContain.map((f) => ({ f, d: substitutions(flat, compactText(f)) }));
    for (const e of errors.filter((x) => x.d > 0)) console.log(`${sample}: '${e.f}' read with ${e.d} character(s) wrong`);
    const chars = facts.mustContain.reduce((n, f) => n + Array.from(compactText(f)).length, 0);
    expect(errors.reduce((n, e) => n + e.d, 0), `of ${chars} characters`).toBeLessThanOrEqual(1);
    for (const s of facts.mustNotContain) expect(flat, s).not.toContain(compactText(s));
    const lines = new Set(ex.text.split(/[\n\f]/).map((l) => l.trim()));
    for (const f of facts.footers) expect(lines.has(f), f).toBe(false);
  });

  it('leaves no private-use code point or U+FFFD in text.txt, tables or paragraphs', () => {
    expect(brokenChars(ex.text)).toBe(0);
    expect(brokenChars(tableStrings(ex).join('\n'))).toBe(0);
    expect(brokenChars(ex.paragraphs.map((p) => p.text).join('\n'))).toBe(0);
  });

  if (sample === 'garbled') {
    it("finds the seed's own 2022/2023 slips and no false sum error (the amounts are read right)", () => {
      const years = findings.filter((f) => f.rule === 'year.mismatch');
      expect(years.map((f) => [f.expected, f.actual].map(String))).toEqual([
        ['2023', '2022'],
        ['2023', '2022'],
      ]);
      expect(years.flatMap((f) => f.evidence.map((e) => e.page)).sort()).toEqual([1, 2]);
      expect(findings.filter((f) => f.rule === 'sum.total-mismatch')).toEqual([]);
    });
  } else {
    it('has sections 一 and 二 and 序号 1..18 in the village table', () => {
      const village = ex.tables.find((t) => t.header[0] === '序号')!;
      expect(village.rows.filter((_, r) => village.rowKinds[r] === 'section').map((r) => r[0]!.slice(0, 2))).toEqual(['一、', '二、']);
      expect(village.rows.filter((_, r) => village.rowKinds[r] === 'body').map((r) => r[0])).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    });
  }
});

describe('garbled.pdf with --ocr never', () => {
  it('keeps the text layer as asked: method text on every page, its private-use code points passed through', async () => {
    const path = samplePdf('garbled');
    const ex = await extractPdf({ path, data: new Uint8Array(readFileSync(path)) }, { ocr: 'never' });
    expect(ex.document.pages.map((p) => p.method)).toEqual(['text', 'text']);
    expect(ex.document.pages.map((p) => p.confidence)).toEqual([1, 1]);
    // ... and says, page by page, that this text layer is unusable
    expect(ex.document.status).toBe('partial');
    expect(ex.document.errors.map((e) => [e.page, e.reason])).toEqual([1, 2].map((p) => [p, 'text layer looks unusable (garbled: 100% private-use code points) and OCR is off (--ocr never)']));
    // nothing readable: the facts are not there, the text is private-use code points
    expect(compactText(ex.text)).not.toContain('共计2368万元');
    expect(brokenChars(ex.text)).toBeGreaterThan(500);
    expect(charStats(ex.text).han).toBe(0);
  });
});
