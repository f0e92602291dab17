/**
 * Review decisions without a browser: finding keys, applying review.json (dismissed findings kept
 * and marked, no longer failing --fail-on; changed findings no longer matched), the report's HTML
 * helpers, crop regions and low-confidence marks.
 */
import { describe, expect, it } from 'vitest';
import { findingKey, withKey } from '../../src/review/key.ts';
import { applyDecisions, reviewWithDecisions } from '../../src/review/apply.ts';
import { failsAt } from '../../src/pipeline/review.ts';
import type { Finding } from '../../src/model/findings.ts';
import { ReviewFileSchema } from '../../src/model/review.ts';
import { PUBLISHED_SCHEMAS } from '../../src/model/schemas.ts';
import { boxStyle, esc, pageRanges, scriptJson } from '../../src/report/html.ts';
import { cropRegion } from '../../src/report/images.ts';
import { DEFAULT_REPORT } from '../../src/report/settings.ts';
import { lowConfidenceMarks, tablesHtml } from '../../src/report/tables.ts';
import type { Table } from '../../src/model/types.ts';

const year: Finding = {
  rule: 'year.mismatch',
  severity: 'error',
  message: 'year 2022 vs 2023',
  expected: '2023',
  actual: '2022',
  evidence: [{ page: 2, bbox: { x0: 84.7, top: 147.6, x1: 516.7, bottom: 165.6 }, text: '汉阳区 2022 年情况' }],
};
const sep: Finding = {
  rule: 'format.list-separator',
  severity: 'warning',
  message: 'space-separated names',
  expected: 'a、b',
  actual: 'a b',
  evidence: [{ page: 3, bbox: { x0: 10, top: 10, x1: 50, bottom: 20 }, text: 'a b' }],
};

describe('finding keys', () => {
  it('are rule + 16 hex digits, independent of boxes and message, changed by the values', () => {
    const k = findingKey(year);
    expect(k).toMatch(/^year\.mismatch:[0-9a-f]{16}$/);
    expect(findingKey({ ...year, evidence: [{ ...year.evidence[0]!, bbox: { x0: 85, top: 148, x1: 517, bottom: 166 } }] })).toBe(k);
    expect(findingKey({ ...year, message: 'reworded' } as Finding)).toBe(k);
    expect(findingKey({ ...year, actual: '2021' })).not.toBe(k);
    expect(findingKey({ ...year, evidence: [{ ...year.evidence[0]!, page: 3 }] })).not.toBe(k);
    expect(findingKey({ ...year, evidence: [{ ...year.evidence[0]!, text: '汉阳区 2021 年情况' }] })).not.toBe(k);
    expect(Object.keys(withKey(year)).slice(0, 2)).toEqual(['rule', 'key']);
  });
});

describe('review.json applied', () => {
  const findings = [withKey(year), withKey(sep)];
  const file = ReviewFileSchema.parse({
    decisions: [
      { key: findingKey(year), rule: 'year.mismatch', status: 'dismissed', note: 'title typo, known' },
      { key: findingKey(sep), rule: 'format.list-separator', status: 'confirmed', note: '' },
      { key: 'sum.total-mismatch:0123456789abcdef', rule: 'sum.total-mismatch', status: 'dismissed', note: 'old' },
    ],
  });

  it('marks dismissed and confirmed findings, keeps them, counts stale decisions', () => {
    const r = applyDecisions(findings, file);
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]!.review).toEqual({ status: 'dismissed', note: 'title typo, known' });
    expect(r.findings[1]!.review).toEqual({ status: 'confirmed', note: '' });
    expect(r.counts).toEqual({ confirmed: 1, dismissed: 1, open: 0, stale: 1 });
    expect(r.stale.map((d) => d.key)).toEqual(['sum.total-mismatch:0123456789abcdef']);
  });

  it('a dismissed finding no longer fails --fail-on; a changed one is not dismissed', () => {
    const r = applyDecisions(findings, file);
    expect(failsAt(r.findings, 'error')).toBe(false);
    expect(failsAt(r.findings, 'warning')).toBe(true);
    const changed = applyDecisions([withKey({ ...year, actual: '2021' })], file);
    expect(changed.findings[0]!.review).toBeUndefined();
    expect(failsAt(changed.findings, 'error')).toBe(true);
    expect(changed.counts.stale).toBe(3);
  });

  it('summary gets review counts only when there is a review.json', () => {
    const summary = { rules: [], findings: { error: 1, warning: 1, info: 0 } };
    expect(reviewWithDecisions({ findings, summary }, null).summary.review).toBeUndefined();
    expect(reviewWithDecisions({ findings, summary }, file).summary.review).toEqual({ confirmed: 1, dismissed: 1, open: 0, stale: 1 });
    // severity counts leave the dismissed error out (it is counted under review.dismissed)
    expect(reviewWithDecisions({ findings, summary }, null).summary.findings).toEqual({ error: 1, warning: 1, info: 0 });
    expect(reviewWithDecisions({ findings, summary }, file).summary.findings).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('review.json has a published schema', () => {
    expect(PUBLISHED_SCHEMAS['review.schema.json']).toBe(ReviewFileSchema);
    expect(ReviewFileSchema.safeParse({ decisions: [{ key: 'k', rule: 'r', status: 'maybe', note: '' }] }).success).toBe(false);
  });
});

describe('report helpers', () => {
  it('escape text and script JSON', () => {
    expect(esc('<b title="x">&\'')).toBe('&#60;b title=&#34;x&#34;&#62;&#38;&#39;');
    expect(scriptJson({ t: '</script><script>alert(1)</script>' })).not.toContain('</script');
  });

  it('boxes as percentages of a region; page ranges', () => {
    expect(boxStyle({ x0: 10, top: 20, x1: 60, bottom: 40 }, { x0: 0, top: 0, x1: 100, bottom: 200 })).toBe('left:10%;top:10%;width:50%;height:10%');
    expect(pageRanges([8, 9, 10, 2, 33, 34, 1])).toBe('1–2, 8–10, 33–34');
  });

  it('crop regions keep context, stay on the page and cut tall evidence to its top', () => {
    const page = { width: 595, height: 842 };
    const small = cropRegion({ x0: 10, top: 5, x1: 40, bottom: 15 }, page, DEFAULT_REPORT);
    expect(small).toEqual({ x0: 0, top: 0, x1: 240, bottom: 60 });
    const tall = cropRegion({ x0: 68, top: 110, x1: 533, bottom: 686 }, page, DEFAULT_REPORT);
    expect(tall.top).toBe(94);
    expect(tall.bottom - tall.top).toBe(DEFAULT_REPORT.cropMaxHeight);
    expect(tall.x0).toBeCloseTo(52);
    expect(tall.x1).toBeCloseTo(549);
  });

  it('marks low-confidence OCR cells (by finding and by cell confidence) in the table', () => {
    const cell = (row: number, col: number, text: string, x0: number, confidence = 1) => ({
      row, col, rowSpan: 1, colSpan: 1, text, page: 1, confidence, bbox: { x0, top: 100 + row * 20, x1: x0 + 50, bottom: 120 + row * 20 },
    });
    const table: Table = {
      id: 't1', title: 'T', titleBox: null, unit: null, pages: [1], detector: 'lattice', columns: 2,
      header: ['名称', '金额'], rows: [['甲', '12'], ['乙', '34']], rowKinds: ['body', 'body'],
      cells: [cell(-1, 0, '名称', 0), cell(-1, 1, '金额', 50), cell(0, 0, '甲', 0), cell(0, 1, '12', 50, 0.55), cell(1, 0, '乙', 0), cell(1, 1, '34', 50)],
      quality: { fill: 1, strayItems: 0, fragments: 1, droppedHeaderRows: 0 },
    };
    const ocr: Finding = { rule: 'ocr.low-confidence', severity: 'warning', message: 'OCR 0.41', evidence: [{ page: 1, bbox: { x0: 1, top: 121, x1: 49, bottom: 139 }, text: '乙' }] };
    const marks = lowConfidenceMarks([ocr], [table], DEFAULT_REPORT);
    expect(marks.map((m) => m.bbox.x0)).toEqual([1, 50]);
    const html = tablesHtml([table], [ocr], marks);
    expect(html.match(/class="lowconf"[^>]*>([^<]*)</g)?.map((m) => m.replace(/.*>/, '').replace('<', ''))).toEqual(['12', '乙']);
    expect(html).toContain('data-bbox="50,100,100,120"');
  });
});
