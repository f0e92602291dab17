/**
 * Reads what a report shows from a document's output folder: document.json, tables.json,
 * findings.json, check-summary.json (each validated) and review.json when present.
 */
import { DocumentInSchema, TablesFileSchema } from '../model/schemas.ts';
import { CheckSummarySchema, FindingsFileSchema, type CheckSummary, type Finding } from '../model/findings.ts';
import type { DocumentJson } from '../model/outputs.ts';
import type { ReviewFile } from '../model/review.ts';
import type { Table } from '../model/types.ts';
import { readJson } from '../write/load.ts';
import { readReviewFile } from '../review/load.ts';
import { findingKey } from '../review/key.ts';

/** What one document's report is made from. */
export interface ReportInput {
  dir: string;
  document: DocumentJson;
  tables: Table[];
  /** findings, each with its key */
  findings: Finding[];
  summary: CheckSummary | null;
  review: ReviewFile | null;
}


/** Output folder → report input. Missing findings/summary (a folder from before checks) are empty. */
export async function loadReportInput(dir: string): Promise<ReportInput> {
  const [document, tables, findings, summary, review] = await Promise.all([
    readJson(dir, 'document.json', DocumentInSchema),
    readJson(dir, 'tables.json', TablesFileSchema, true),
    readJson(dir, 'findings.json', FindingsFileSchema, true),
    readJson(dir, 'check-summary.json', CheckSummarySchema, true),
    readReviewFile(dir),
  ]);
  return {
    dir,
    document: document!,
    tables: tables ?? [],
    findings: (findings ?? []).map((f) => (f.key ? f : { ...f, key: findingKey(f) })),
    summary,
    review,
  };
}
