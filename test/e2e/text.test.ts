/**
 * text.txt of every sample against its hand-written text facts: lines that must be there, footer
 * lines that must not, one form-feed-separated page per PDF page.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { SAMPLES, expected, extractSample, hasExpected, needsOcr } from '../helpers/samples.ts';
import { tightenCjk } from '../../src/text/spacing.ts';

interface TextFacts {
  pages: number;
  mustContain: string[];
  mustContainExact?: string[];
  footers: string[];
  mustNotContain: string[];
}

const names = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && hasExpected(d.name, 'text-facts.json') && !needsOcr(d.name))
  .map((d) => d.name);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(names)('text of sample %s', (name) => {
  it('holds the required passages, no footer line, one page per PDF page', async () => {
    const { text } = await extractSample(name);
    const facts = expected<TextFacts>(name, 'text-facts.json');
    expect(text.split('\f')).toHaveLength(facts.pages);
    const flat = squash(text);
    for (const s of facts.mustContain) expect(flat, s).toContain(squash(s));
    for (const s of facts.mustContainExact ?? []) expect(text, s).toContain(tightenCjk(s));
    for (const s of facts.mustNotContain) expect(flat, s).not.toContain(squash(s));
    const lines = new Set(text.split(/[\n\f]/).map((l) => l.trim()));
    for (const f of facts.footers) expect(lines.has(f.trim()), f).toBe(false);
  });
});
