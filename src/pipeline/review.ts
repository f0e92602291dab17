/**
 * The reviewing stages, shared by `extract` (right after extraction) and `check` (on outputs read
 * back from disk, possibly hand-corrected): tables → records → checks → findings + summary.
 * They read the extracted text, tables and paragraphs, never the PDF.
 */
export type { Review, ReviewInput } from '../model/check.ts';
import type { CheckInput, Review, ReviewInput } from '../model/check.ts';
import type { Finding } from '../model/findings.ts';
import { SEVERITIES } from '../model/severity.ts';
import { RECORD_SETTINGS, tablesToRecords } from '../records/index.ts';
import { runChecks } from '../checks/index.ts';
import { withKey } from '../review/key.ts';

/** Tables → records → checks; every record and finding carries the document's id (document.json `id`). */
export function review(input: ReviewInput): Review {
  const docs = input.document.documents;
  // the title of the 公文 holding a table's first page names its department when the table does not
  const titleOf = (t: { pages: number[] }): string | null => docs.find((d) => (t.pages[0] ?? 0) >= d.pageFrom && (t.pages[0] ?? 0) <= d.pageTo)?.title ?? null;
  const document = input.document.id;
  const rec = tablesToRecords(input.tables, RECORD_SETTINGS, titleOf);
  const records = rec.records.map((r) => ({ document, ...r }));
  const checkInput: CheckInput = { ...input, records };
  const checked = runChecks(checkInput);
  const findings = [...rec.findings, ...checked.findings].sort(bySeverityThenPage).map(withKey).map((f) => ({ document, ...f }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    records: { tables: rec.tables, records },
    findings,
    summary: { ...checked.summary, findings: counts },
  };
}

function bySeverityThenPage(a: Finding, b: Finding): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s !== 0) return s;
  return (a.evidence[0]?.page ?? 0) - (b.evidence[0]?.page ?? 0);
}

/** Whether any finding is at or above `level` ('none' never fails); dismissed findings do not count. */
export function failsAt(findings: readonly Finding[], level: Finding['severity'] | 'none'): boolean {
  if (level === 'none') return false;
  const limit = SEVERITIES.indexOf(level);
  return findings.some((f) => f.review?.status !== 'dismissed' && SEVERITIES.indexOf(f.severity) <= limit);
}
