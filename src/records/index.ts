/**
 * records/: tables recognised by their header signature → typed records (model/records.ts), each
 * validated with zod before it is returned, plus findings for cells that should hold a number
 * and do not. Records point back to their table (`table` id, `row` index into `rows`).
 */
import type { Finding } from '../model/findings.ts';
import type { AnyRecord, GenericColumn, RecordKind } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { budgetTableToRecords } from './budget.ts';
import { genericTableToRecords } from './generic.ts';
import { pairingTableToRecords } from './pairing.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';
import { tableToSignature } from './signatures.ts';
import { villageTableToRecords } from './village.ts';
import { subjectTableToRecords } from './subjectRecords.ts';
import { subjectTrees } from './subjects.ts';
import { departmentOf } from './department.ts';

export { cellAt, cellEvidence, slotText, unparseableFinding } from './evidence.ts';
export { headerParts, headerToSignature, tableToKind, tableToSignature, type Signature } from './signatures.ts';
export { parseSectionTitle, splitUnits, type SectionContext } from './village.ts';
export { splitArea, splitDistricts } from './pairing.ts';
export { headerToKeys } from './generic.ts';
export { textToAmountUnit } from './budget.ts';
export { rowTotalFlags, toYuan } from './totals.ts';
export { cellToNumber, cellToValue, cellsToType, isTotalLabel, tableToColumns } from './valueTypes.ts';
export { RECORD_SETTINGS, type RecordSettings } from './settings.ts';
export { departmentOf, departmentOfTitle } from './department.ts';
export { subjectTree, subjectTrees, type SubjectLevel, type SubjectNode, type SubjectTree } from './subjects.ts';

export interface RecordsResult {
  records: AnyRecord[];
  /** the kind each table was recognised as, in table order */
  tables: { table: string; kind: RecordKind; columns?: GenericColumn[] }[];
  findings: Finding[];
}

/** One table → its records and findings; `documentTitle` (its 公文's) names the department when the table does not. */
export function tableToRecords(
  table: Table,
  settings: RecordSettings = RECORD_SETTINGS,
  documentTitle: string | null = null,
): { kind: RecordKind; records: AnyRecord[]; findings: Finding[]; columns?: GenericColumn[] } {
  const sig = tableToSignature(table, settings);
  switch (sig.kind) {
    case 'budget-line':
      return { kind: sig.kind, ...budgetTableToRecords(table, sig.columns, settings) };
    case 'village-assignment':
      return { kind: sig.kind, ...villageTableToRecords(table, sig.columns, settings) };
    case 'pairing':
      return { kind: sig.kind, ...pairingTableToRecords(table, sig.columns), findings: [] };
    case 'generic': {
      // rows keyed by subject codes (科目编码 or 类/款/项): recognised from structure, as no header word names them
      const trees = subjectTrees(table).filter((t) => t.amountColumns.length > 0);
      if (trees.length > 0) return { kind: 'budget-subject', ...subjectTableToRecords(table, trees, departmentOf(table, documentTitle)) };
      return { kind: sig.kind, ...genericTableToRecords(table, settings), findings: [] };
    }
  }
}

/**
 * Tables → records (each checked against AnyRecordSchema), the kind of each table, findings.
 * `documentTitleOf` gives the title of the 公文 a table belongs to (for budget-subject `department`).
 */
export function tablesToRecords(
  tables: readonly Table[],
  settings: RecordSettings = RECORD_SETTINGS,
  documentTitleOf: (t: Table) => string | null = () => null,
): RecordsResult {
  const out: RecordsResult = { records: [], tables: [], findings: [] };
  for (const table of tables) {
    const r = tableToRecords(table, settings, documentTitleOf(table));
    out.tables.push(r.columns ? { table: table.id, kind: r.kind, columns: r.columns } : { table: table.id, kind: r.kind });
    for (const rec of r.records) out.records.push(rec);
    out.findings.push(...r.findings);
  }
  return out;
}
