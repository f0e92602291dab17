/**
 * Findings speak Chinese only: no English phrase inside a message (the check summary's verified
 * facts are machine English; the findings are what a Chinese reviewer reads). Found by a user test:
 * '按表应为 15（15 districts）'.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import { sampleInput } from './fixtures.ts';

/** a Latin word of 4+ letters, or two Latin words in a row (rule ids, 'OCR', table ids like t1 pass) */
const ENGLISH = /\b[a-z]{4,}\b|[A-Za-z]{3,}\s+[A-Za-z]{3,}/;

describe('finding messages are Chinese', () => {
  for (const name of ['planted-count-claim', 'planted-third-district', 'planted-total', 'planted-seq-gap', 'planted-section-count', 'planted-dup-village', 'planted-space-separator', 'planted-text-sum', 'planted-year', 'seed']) {
    it(`${name}: every finding message without English words`, async () => {
      const { findings } = runChecks(await sampleInput(name));
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(ENGLISH.exec(f.message.replace(/《[^》]*》|“[^”]*”/g, '')), `${f.rule}: ${f.message}`).toBeNull();
    });
  }

  it('a count claim names the table count in Chinese', async () => {
    const { findings } = runChecks(await sampleInput('planted-count-claim'));
    const claim = findings.find((f) => f.rule === 'count.claim-mismatch');
    expect(claim?.message).toMatch(/按表应为 (\d+)（表中 \1 个区）$/);
  });
});
