/**
 * Any other table → GenericRecord, one per body or section row, values keyed by header text,
 * numeric columns as numbers (valueTypes.ts), amounts with a unit also in 元, total rows flagged.
 */
import { rowSource } from './source.ts';
import type { GenericColumn, GenericRecord, GenericValue } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';
import { rowTotalFlags, toYuan } from './totals.ts';
import { cellToValue, cellUnit, isTotalLabel, tableToColumns } from './valueTypes.ts';

/**
 * Header texts → unique keys: blanks become 'column N' (1-based), repeats get ' (2)', ' (3)', …
 * Header text is kept as printed (multi-row parts joined with '/').
 */
export function headerToKeys(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return header.map((h, i) => {
    const base = h.trim() === '' ? `column ${i + 1}` : h.trim();
    let n = seen.get(base) ?? 0;
    let key = base;
    while (used.has(key)) key = `${base} (${++n + 1})`;
    seen.set(base, n);
    used.add(key);
    return key;
  });
}

/** A table of no known kind → generic records (zod-validated) and the type of each column. */
export function genericTableToRecords(
  table: Table,
  settings: RecordSettings = RECORD_SETTINGS,
): { records: GenericRecord[]; columns: GenericColumn[] } {
  const columns = tableToColumns(table, headerToKeys(table.header), settings);
  const records = table.rows.map((row, r) => {
    const values: Record<string, GenericValue> = {};
    const amountYuan: Record<string, number | null> = {};
    // the text cells, and total labels in numeric columns, say whether the row is a total
    const text = columns.map((col, c) => (col.type === 'string' || isTotalLabel(row[c] ?? '', settings) ? (row[c] ?? '') : ''));
    columns.forEach((col, c) => {
      const cell = row[c] ?? '';
      const v = cellToValue(cell, col, settings);
      values[col.key] = v;
      if (col.unit !== null) amountYuan[col.key] = toYuan(typeof v === 'number' ? v : null, cellUnit(cell, col));
    });
    return {
      kind: 'generic',
      table: table.id,
      row: r,
      ...rowSource(table, r),
      section: table.rowKinds[r] === 'section',
      ...rowTotalFlags(text, null, settings),
      values,
      amountYuan,
    } satisfies GenericRecord;
  });
  return { records, columns };
}
