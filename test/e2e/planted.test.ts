/**
 * Planted-error variants of the seed (samples/planted-*): each gives exactly its expected finding
 * (plus the seed's own inconsistencies its part still holds), with evidence on the right page and
 * box; nothing else at warning level or above.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { SAMPLES, expected, extractSample } from '../helpers/samples.ts';
import { review } from '../../src/pipeline/review.ts';
import type { BBox } from '../../src/model/types.ts';

interface Spec {
  rule: string;
  page: number;
  text: string;
  bbox: BBox;
  expected?: string | number | null;
  actual?: string | number | null;
}

const names = readdirSync(SAMPLES).filter((n) => n.startsWith('planted-'));

function overlaps(a: BBox, b: BBox): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
}

describe.each(names)('%s', (name) => {
  it('gives the planted finding with its evidence, and no unexpected finding', async () => {
    const ex = await extractSample(name);
    const { findings } = review(ex);
    const spec = expected<{ expected: Spec[]; alsoExpected: Spec[] }>(name, 'findings.json');
    const serious = findings.filter((f) => f.severity !== 'info');
    const allowed = new Set([...spec.expected, ...spec.alsoExpected].map((s) => s.rule));
    expect(
      serious.filter((f) => !allowed.has(f.rule)).map((f) => `${f.rule}: ${f.message}`),
      'unexpected findings',
    ).toEqual([]);
    for (const s of [...spec.expected, ...spec.alsoExpected]) {
      const hits = serious.filter((f) => f.rule === s.rule);
      expect(hits.length, `${s.rule} reported`).toBeGreaterThan(0);
    }
    for (const s of spec.expected) {
      const hit = serious.find(
        (f) => f.rule === s.rule && f.evidence.some((e) => e.page === s.page && overlaps(e.bbox, s.bbox)),
      );
      expect(hit, `${s.rule} with evidence on page ${s.page} over '${s.text}'`).toBeDefined();
      if (s.actual !== undefined && hit) expect(String(hit.actual)).toContain(String(s.actual));
      if (s.expected !== undefined && hit) expect(String(hit.expected)).toContain(String(s.expected));
    }
  });
});
