/**
 * The real-world regression set (samples/realworld, issue #10 "done when"): per file, the hand-checked
 * expectations of expected/ — tables (born-digital ones exact; as many as expected everywhere), text
 * facts present exactly, no fake-bold text printed twice, no false error-level finding, at most the
 * warnings a file allows (the rasterised issue-336: its ranges' '<' are not specks), each page read
 * the way it must be (pr-136's poor OCR layer re-read by OCR, issue8372 keeping 目录 from its text).
 * A criterion listed in a file's facts.json `knownFailing` is expected to fail today (it.fails): when a
 * fix makes it pass, this test fails until the entry is deleted.
 * The per-file table is printed at the end (also: node bin/run-ts.mjs scripts/realworld/score.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CRITERIA, realworldSamples, type Criterion, type RealworldSample } from '../../scripts/realworld/expected.ts';
import type { FileScore } from '../../scripts/realworld/measure.ts';
import { formatDetails, formatScores, scoreSample } from '../../scripts/realworld/run.ts';

const samples = realworldSamples();
const scores = new Map<string, Promise<FileScore>>();
const scoreOf = (s: RealworldSample): Promise<FileScore> => {
  let p = scores.get(s.name);
  if (!p) scores.set(s.name, (p = scoreSample(s)));
  return p;
};

/** What each criterion compares: the facts that must be empty / equal. */
function observed(c: Criterion, s: FileScore, sample: RealworldSample): unknown {
  switch (c) {
    case 'tables':
      return sample.facts.bornDigital ? { found: s.tables.found, diffs: s.tables.diffs } : { found: s.tables.found };
    case 'text':
      return s.text.missed;
    case 'repeated':
      return s.text.repeated;
    case 'errors':
      return s.falseErrors;
    case 'methods':
      return s.methodMisses;
    case 'warnings':
      return s.passes.warnings ? [] : [`${s.warnings} warnings > ${sample.facts.maxWarnings}`];
  }
}

function wanted(c: Criterion, sample: RealworldSample): unknown {
  if (c !== 'tables') return [];
  return sample.facts.bornDigital ? { found: sample.tables.length, diffs: sample.tables.map(() => '') } : { found: sample.tables.length };
}

describe('real-world set', () => {
  it('has hand-checked expectations for every committed PDF', () => {
    expect(samples.length).toBeGreaterThanOrEqual(21);
    for (const s of samples) expect(s.facts.notes.length, s.name).toBeGreaterThan(20);
  });

  describe.each(samples.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    // the review-queue bound is checked where a file states one
    for (const c of CRITERIA.filter((c) => c !== 'warnings' || sample.facts.maxWarnings !== undefined)) {
      const known = sample.facts.knownFailing.includes(c);
      const title = known ? `${c} — known failing: ${sample.facts.knownFailingWhy?.[c] ?? ''}` : c;
      (known ? it.fails : it)(title, { timeout: 300_000 }, async () => {
        expect(observed(c, await scoreOf(sample), sample)).toEqual(wanted(c, sample));
      });
    }
  });

  afterAll(async () => {
    const rows = await Promise.all(samples.filter((s) => scores.has(s.name)).map(async (sample) => ({ sample, score: await scoreOf(sample) })));
    if (rows.length > 0) console.log(`${formatScores(rows)}\n\n${formatDetails(rows)}`);
  });
});
