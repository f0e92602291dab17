/**
 * Findings (what a reviewer must look at) and the check summary (what was verified). Boxes are
 * PDF points, top-left origin (model/types.ts).
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;
/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const BBoxSchema = z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() });

/** A pointer back into the PDF a reviewer can open. */
export const EvidenceSchema = z.object({
  /** 1-based page */
  page: z.number().int().positive(),
  bbox: BBoxSchema,
  text: z.string(),
});

const value = z.union([z.string(), z.number(), z.null()]);

export const FindingSchema = z.object({
  /** stable rule id, e.g. 'sum.total-mismatch' */
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  expected: value.optional(),
  actual: value.optional(),
  evidence: z.array(EvidenceSchema),
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
});
export type CheckSummary = z.infer<typeof CheckSummarySchema>;
