/**
 * review.json: a reviewer's decisions on the findings of one document, saved from report.html and
 * read by `gongwen check` from the document's output folder. Each decision names its finding by
 * its stable key (`Finding.key`: rule + hash of evidence page/text, expected and actual), so a
 * decision stops applying when the finding's values change.
 */
import { z } from 'zod';
import { ReviewStatusSchema } from './findings.ts';

const value = z.union([z.string(), z.number(), z.null()]);

export const ReviewDecisionSchema = z.object({
  /** the finding's key, `<rule>:<16 hex>` */
  key: z.string().min(1),
  rule: z.string(),
  status: ReviewStatusSchema,
  /** the reviewer's short note */
  note: z.string(),
  /** when decided, ISO 8601 */
  decidedAt: z.string().optional(),
  /** the finding as the reviewer saw it (for people reading the file; not used for matching) */
  message: z.string().optional(),
  expected: value.optional(),
  actual: value.optional(),
});
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** review.json */
export const ReviewFileSchema = z.object({
  gongwen: z.object({ version: z.string() }).optional(),
  /** the PDF the decisions were taken on */
  document: z.object({ name: z.string(), sha256: z.string() }).optional(),
  decisions: z.array(ReviewDecisionSchema),
});
export type ReviewFile = z.infer<typeof ReviewFileSchema>;
