/**
 * Budget-line tables (级次/预算单位/项目名称/预算数 and close variants) → BudgetLine records, one per
 * body row. No row is ever dropped: an unreadable amount stays null and is reported as a finding.
 */
import { rowSource } from './source.ts';
import type { Finding } from '../model/findings.ts';
import type { AmountUnit, BudgetLine } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { isEmptyValue, parseAmount } from '../text/numbers.ts';
import { slotText, unparseableFinding } from './evidence.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';
import type { BudgetColumns } from './signatures.ts';
import { rowTotalFlags, toYuan } from './totals.ts';

const UNIT_IN_TEXT = /(亿元|万元|元)/;

/** The unit named in a header cell ('预算数（万元）' → 万元) or a unit line ('单位：万元'). */
export function textToAmountUnit(text: string | null | undefined): AmountUnit | null {
  if (!text) return null;
  const m = UNIT_IN_TEXT.exec(text.replace(/[\s\u3000]+/g, ''));
  return m ? (m[1] as AmountUnit) : null;
}

/** A slot as a nullable string (merged cells spanning down included): trimmed, empty → null. */
export function slotOrNull(table: Table, row: number, col: number | null): string | null {
  if (col === null) return null;
  const t = slotText(table, row, col);
  return t === '' ? null : t;
}

/** A budget-line table → records (zod-validated) and findings for unreadable amounts. */
export function budgetTableToRecords(
  table: Table,
  columns: BudgetColumns,
  settings: RecordSettings = RECORD_SETTINGS,
): { records: BudgetLine[]; findings: Finding[] } {
  const records: BudgetLine[] = [];
  const findings: Finding[] = [];
  const columnUnit = textToAmountUnit(table.header[columns.amount]) ?? textToAmountUnit(table.unit);
  table.rows.forEach((row, r) => {
    const text = row[columns.amount] ?? '';
    const parsed = parseAmount(text);
    if (parsed === null && !isEmptyValue(text)) findings.push(unparseableFinding(table, r, columns.amount, 'an amount'));
    records.push(
      {
        kind: 'budget-line',
        table: table.id,
        row: r,
        ...rowSource(table, r),
        level: slotOrNull(table, r, columns.level),
        budgetUnit: slotOrNull(table, r, columns.budgetUnit),
        project: slotOrNull(table, r, columns.project),
        amount: parsed?.value ?? null,
        amountUnit: parsed?.unit ?? columnUnit,
        amountYuan: toYuan(parsed?.value ?? null, parsed?.unit ?? columnUnit),
        ...rowTotalFlags(row, columns.amount, settings),
      } satisfies BudgetLine,
    );
  });
  return { records, findings };
}
