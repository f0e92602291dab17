/**
 * Findings (what a reviewer must look at) and the check summary (what was verified). Boxes are
 * PDF points, top-left origin (model/types.ts).
 */
import { z } from 'zod';
import { SEVERITIES, type Severity } from './severity.ts';
import { DOCUMENT_ID } from './documentId.ts';

export { SEVERITIES, type Severity } from './severity.ts';
export const SeveritySchema = z.enum(SEVERITIES as [Severity, ...Severity[]]);

export const BBoxSchema = z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() });

/** A pointer back into the PDF a reviewer can open. */
export const EvidenceSchema = z.object({
  /** 1-based page */
  page: z.number().int().positive(),
  bbox: BBoxSchema,
  text: z.string(),
});

const value = z.union([z.string(), z.number(), z.null()]);

/** A reviewer's decision on a finding: confirmed (a real problem) or dismissed (not one). */
export const ReviewStatusSchema = z.enum(['confirmed', 'dismissed']);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** The decision applied to a finding by `gongwen check` from review.json (src/review/). */
export const FindingReviewSchema = z.object({
  status: ReviewStatusSchema,
  /** the reviewer's short note ('' when none) */
  note: z.string(),
  /** when the decision was taken, ISO 8601, when known */
  decidedAt: z.string().optional(),
});
export type FindingReview = z.infer<typeof FindingReviewSchema>;

export const FindingSchema = z.object({
  /**
   * stable id of the document (document.json `id`); on every finding gongwen writes, absent only on
   * findings of checks run in memory
   */
  document: z.string().regex(DOCUMENT_ID).optional(),
  /** stable rule id, e.g. 'sum.total-mismatch' */
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /**
   * what the flagged place should say according to what the rule checks it against (the sum of the
   * parts, the rows listed under a section, the 公文's year, the cited document's title); the
   * message never calls this value 实际/实为
   */
  expected: value.optional(),
  /**
   * what the flagged place prints or holds: the stated total, the declared count, the claim (the
   * first evidence; with two printed places, such as a passage and its repeat, the second)
   */
  actual: value.optional(),
  evidence: z.array(EvidenceSchema),
  /**
   * stable identity for review decisions: `<rule>:<16 hex>`, the hex a hash of the evidence
   * (page + text), expected and actual — it changes when the finding's values change
   */
  key: z.string().optional(),
  /** the reviewer's decision from review.json, when there is one that still applies */
  review: FindingReviewSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** findings.json */
export const FindingsFileSchema = z.array(FindingSchema);

/** What one rule checked: counts and the human-readable facts it verified. */
export const RuleSummarySchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  description: z.string(),
  /** how many things (totals, sections, sequences, claims…) the rule checked */
  checked: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** facts verified, e.g. '2368 = 618 + 1750', '序号 1–271 consecutive' */
  verified: z.array(z.string()),
});
export type RuleSummary = z.infer<typeof RuleSummarySchema>;

/** check-summary.json */
export const CheckSummarySchema = z.object({
  rules: z.array(RuleSummarySchema),
  findings: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /**
   * review.json applied by `gongwen check`: findings confirmed, dismissed (they no longer count for
   * --fail-on) and left open; `stale` = decisions whose finding no longer exists or changed
   */
  review: z
    .object({
      confirmed: z.number().int().nonnegative(),
      dismissed: z.number().int().nonnegative(),
      open: z.number().int().nonnegative(),
      stale: z.number().int().nonnegative(),
    })
    .optional(),
});
export type CheckSummary = z.infer<typeof CheckSummarySchema>;
