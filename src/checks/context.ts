/**
 * What the rules ask about the input: which 公文 a page or table belongs to, which record kind a
 * table was recognised as, and a tally that turns checks into a RuleResult.
 */
import type { CheckInput, Paragraph, RuleResult } from '../model/check.ts';
import type { Finding } from '../model/findings.ts';
import type { AnyRecord, RecordKind } from '../model/records.ts';
import type { Gongwen, Table } from '../model/types.ts';

/** The 公文 whose page range holds `page`; null when none does. */
export function documentOfPage(input: CheckInput, page: number): Gongwen | null {
  return input.document.documents.find((d) => page >= d.pageFrom && page <= d.pageTo) ?? null;
}

/** The 公文 a table belongs to (by its first page). */
export function documentOfTable(input: CheckInput, table: Table): Gongwen | null {
  const first = table.pages[0];
  return first === undefined ? null : documentOfPage(input, first);
}

/** Index of the 公文 holding `page`, −1 when none (paragraphs outside every 公文 stay together). */
export function documentIndexOfPage(input: CheckInput, page: number): number {
  return documentOfPage(input, page)?.index ?? -1;
}

/** The paragraphs on the pages of a 公文. */
export function paragraphsOf(input: CheckInput, doc: Gongwen): Paragraph[] {
  return input.paragraphs.filter((p) => p.page >= doc.pageFrom && p.page <= doc.pageTo);
}

/** Record kind per table id (tables without records are absent). */
export function recordKinds(records: readonly AnyRecord[]): Map<string, RecordKind> {
  const kinds = new Map<string, RecordKind>();
  for (const r of records) if (!kinds.has(r.table)) kinds.set(r.table, r.kind);
  return kinds;
}

/** Records of one kind, narrowed. */
export function recordsOfKind<K extends RecordKind>(records: readonly AnyRecord[], kind: K): Extract<AnyRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<AnyRecord, { kind: K }> => r.kind === kind);
}

/** Table by id. */
export function tableById(input: CheckInput, id: string): Table | undefined {
  return input.tables.find((t) => t.id === id);
}

/** Accumulates what a rule checked, passed and verified, and its findings. */
export class Tally {
  readonly findings: Finding[] = [];
  readonly verified: string[] = [];
  checked = 0;
  passed = 0;

  /** One check that held; `fact` is added to the verified lines. */
  pass(fact?: string): void {
    this.checked++;
    this.passed++;
    if (fact) this.verified.push(fact);
  }

  /** One check that failed with its finding(s). */
  fail(...findings: Finding[]): void {
    this.checked++;
    this.findings.push(...findings);
  }

  /**
   * A check that could not be made with confidence (a part that does not parse, rows that may
   * continue in another table): an `info` finding saying why, counted neither passed nor failed —
   * never a mismatch error.
   */
  unverified(finding: Omit<Finding, 'severity'>): void {
    this.findings.push({ ...finding, severity: 'info' });
  }

  result(): RuleResult {
    return { findings: this.findings, checked: this.checked, passed: this.passed, verified: this.verified };
  }
}
