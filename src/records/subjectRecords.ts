/**
 * Subject tables (records/subjects.ts) → BudgetSubject records: one per subject row and amount
 * column, with the full code, level, parent code, name, the column's header and money unit, and
 * the page the row is printed on. No subject row is dropped: an unreadable amount stays null and
 * is reported as a finding.
 */
import type { Finding } from '../model/findings.ts';
import type { BudgetSubject } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { isEmptyValue, parseAmount } from '../text/numbers.ts';
import { textToAmountUnit } from './budget.ts';
import { cellAt, unparseableFinding } from './evidence.ts';
import type { SubjectTree } from './subjects.ts';
import { rowSource } from './source.ts';
import { toYuan } from './totals.ts';

/** The page a body row is printed on: its first cell's, else the table's first page. */
function rowPage(table: Table, row: number, cols: readonly number[]): number {
  for (const c of cols) {
    const cell = cellAt(table, row, c);
    if (cell) return cell.page;
  }
  return table.pages[0] ?? 1;
}

/** A subject table (its subject lists) → records (zod-validated, each naming `department`) and findings for unreadable amounts. */
export function subjectTableToRecords(table: Table, trees: readonly SubjectTree[], department: string | null = null): { records: BudgetSubject[]; findings: Finding[] } {
  const records: BudgetSubject[] = [];
  const findings: Finding[] = [];
  for (const tree of trees) listToRecords(table, tree, department, records, findings);
  return { records, findings };
}

/** One subject list → its records (appended in row order), findings for unreadable amounts. */
function listToRecords(table: Table, tree: SubjectTree, department: string | null, records: BudgetSubject[], findings: Finding[]): void {
  const byRow = new Map(tree.nodes.map((n) => [n.row, n]));
  for (const n of tree.nodes) {
    const page = rowPage(table, n.row, tree.codeColumns);
    for (const c of tree.amountColumns) {
      const header = table.header[c] ?? '';
      const text = table.rows[n.row]?.[c] ?? '';
      const parsed = parseAmount(text);
      if (parsed === null && !isEmptyValue(text)) findings.push(unparseableFinding(table, n.row, c, 'an amount'));
      const unit = parsed?.unit ?? textToAmountUnit(header) ?? textToAmountUnit(table.unit);
      records.push(
        {
          kind: 'budget-subject',
          table: table.id,
          row: n.row,
          page,
          bbox: rowSource(table, n.row).bbox,
          code: n.code,
          level: n.level,
          parent: n.parent === null ? null : (byRow.get(n.parent)?.code ?? null),
          name: n.name,
          department,
          column: c,
          header: header.trim(),
          amount: parsed?.value ?? null,
          amountUnit: unit,
          amountYuan: toYuan(parsed?.value ?? null, unit),
          // a subject row is a part of its parent, never a 合计/小计 row
          isTotal: false,
          isSubtotal: false,
        } satisfies BudgetSubject,
      );
    }
  }
}
