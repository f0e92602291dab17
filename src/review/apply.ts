/**
 * review.json decisions → findings marked confirmed or dismissed. A decision applies to the
 * finding with the same key (src/review/key.ts); decisions matching no finding are stale (the
 * finding is gone or its values changed). Dismissed findings stay in findings.json, marked, and no
 * longer count for --fail-on (pipeline/review.ts `failsAt`).
 */
import type { CheckSummary, Finding } from '../model/findings.ts';
import type { ReviewDecision, ReviewFile } from '../model/review.ts';
import { findingKey } from './key.ts';

export interface AppliedReview {
  findings: Finding[];
  counts: NonNullable<CheckSummary['review']>;
  /** decisions that matched no finding */
  stale: ReviewDecision[];
}

/** Marks each finding with the decision of the same key (the last one wins); drops old marks. */
export function applyDecisions(findings: readonly Finding[], file: ReviewFile | null): AppliedReview {
  const byKey = new Map<string, ReviewDecision>();
  for (const d of file?.decisions ?? []) byKey.set(d.key, d);
  const used = new Set<string>();
  const counts = { confirmed: 0, dismissed: 0, open: 0, stale: 0 };
  const out = findings.map((f) => {
    const key = f.key ?? findingKey(f);
    const { review: _old, ...rest } = f;
    const d = byKey.get(key);
    if (!d) {
      counts.open++;
      return { ...rest, key };
    }
    used.add(key);
    counts[d.status]++;
    const review = { status: d.status, note: d.note, ...(d.decidedAt ? { decidedAt: d.decidedAt } : {}) };
    return { ...rest, key, review };
  });
  const stale = [...byKey.values()].filter((d) => !used.has(d.key));
  counts.stale = stale.length;
  return { findings: out, counts, stale };
}

/** Whether a finding still counts (it has not been dismissed). */
export function isOpenOrConfirmed(f: Finding): boolean {
  return f.review?.status !== 'dismissed';
}

/**
 * A review (pipeline/review.ts) with review.json applied: findings marked, summary counts added,
 * severity counts without the dismissed findings.
 */
export function reviewWithDecisions<R extends { findings: Finding[]; summary: CheckSummary }>(
  rev: R,
  file: ReviewFile | null,
): Omit<R, 'findings' | 'summary'> & { findings: Finding[]; summary: CheckSummary; stale: ReviewDecision[] } {
  const applied = applyDecisions(rev.findings, file);
  // severity counts are of the findings that still count; the dismissed ones are in review.dismissed
  const open = applied.findings.filter(isOpenOrConfirmed);
  const count = (sev: Finding['severity']): number => open.filter((f) => f.severity === sev).length;
  const summary: CheckSummary = file
    ? { ...rev.summary, findings: { error: count('error'), warning: count('warning'), info: count('info') }, review: applied.counts }
    : rev.summary;
  return { ...rev, findings: applied.findings, summary, stale: applied.stale };
}
