/**
 * The reviewer's cross-checks on the seed sample: the known inconsistencies are found with their
 * evidence, nothing else is an error, and the summary shows what was verified.
 */
import { describe, expect, it } from 'vitest';
import { extractSample } from '../helpers/samples.ts';
import { review } from '../../src/pipeline/review.ts';

describe('seed findings', async () => {
  const ex = await extractSample('seed');
  const { findings, summary } = review(ex);
  const byRule = (rule: string) => findings.filter((f) => f.rule === rule);

  it('finds the 2022 table under the 2023 note', () => {
    const f = byRule('year.mismatch');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f.map((x) => [x.expected, x.actual].map(String))).toContainEqual(['2023', '2022']);
    expect(f.flatMap((x) => x.evidence.map((e) => e.text)).join('\n')).toContain('2022');
  });

  it('finds each citation whose title differs from the attached notice', () => {
    const f = byRule('citation.title-mismatch');
    const cited = f.map((x) => `${x.message} ${x.actual}`).join('\n');
    expect(cited).toMatch(/40/);
    expect(cited).toMatch(/33/);
    for (const x of f) expect(x.evidence.length).toBeGreaterThan(0);
  });

  it('finds the repeated page, naming 急缺 vs 急需', () => {
    const f = byRule('duplicate.passage');
    expect(f).toHaveLength(1);
    const said = `${f[0]!.message} ${f[0]!.expected} ${f[0]!.actual}`;
    expect(said).toContain('急缺');
    expect(said).toContain('急需');
    expect(new Set(f[0]!.evidence.map((e) => e.page)).size).toBe(2);
  });

  it("flags 建始县's space-separated districts", () => {
    const f = byRule('format.list-separator');
    expect(f.map((x) => x.evidence[0]!.text)).toEqual(['洪山区 东湖生态旅游风景区']);
  });

  it('reports no other error-level finding', () => {
    const errors = findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    expect(new Set(errors)).toEqual(new Set(['year.mismatch', 'citation.title-mismatch']));
  });

  it('shows what was verified: 2368 = 618 + 1750, 22 sections, 序号 1–271, 15 districts, 9 counties', () => {
    const verified = summary.rules.flatMap((r) => r.verified).join('\n');
    expect(verified).toMatch(/2368\s*=\s*618\s*\+\s*1750/);
    expect(verified).toMatch(/22 section/);
    expect(verified).toMatch(/1[–-]271/);
    expect(verified).toMatch(/15 district/);
    expect(verified).toMatch(/9 count/);
    const rule = (id: string) => summary.rules.find((r) => r.rule === id)!;
    expect(rule('section.count-mismatch').passed).toBe(22);
    expect(rule('sum.total-mismatch').failed).toBe(0);
  });
});
