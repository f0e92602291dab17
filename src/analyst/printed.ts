/**
 * The printed tables of one document (tables.json) → one SqlTable each, for its workbook: the
 * header keys as columns (`headerToKeys`), the body rows, numeric columns typed from their cells
 * as the generic records are (records/valueTypes.ts: full-width digits and thousands separators
 * normalised, '95.7%' → 95.7 shown with a '%' format, amounts with thousands separators, a lone
 * total label → empty), other cells as printed.
 */
import type { Table } from '../model/types.ts';
import type { GenericColumn } from '../model/records.ts';
import { cellToValue, headerToKeys, tableToColumns } from '../records/index.ts';
import type { SqlTable, SqlType } from './rows.ts';

const SQL: Readonly<Record<string, SqlType>> = { integer: 'BIGINT', number: 'DOUBLE', percent: 'DOUBLE', string: 'VARCHAR' };

/** Number formats: amounts with thousands separators and two decimals, percents with their sign. */
function formatOf(c: GenericColumn): { format?: string } {
  if (c.type === 'percent') return { format: '0.0"%"' };
  if (c.unit !== null) return { format: c.type === 'integer' ? '#,##0' : '#,##0.00' };
  return {};
}

/** The sheet name of a printed table: its id and title ('t1 2024年项目支出表'). */
export function printedTableName(t: Table): string {
  return t.title ? `${t.id} ${t.title}` : t.id;
}

/** tables.json → one SqlTable per printed table, in order. */
export function printedTables(tables: readonly Table[]): SqlTable[] {
  return tables.map((t) => {
    const columns = tableToColumns(t, headerToKeys(t.header));
    return {
      name: printedTableName(t),
      columns: columns.map((c) => ({ name: c.key, type: SQL[c.type]!, ...formatOf(c) })),
      rows: t.rows.map((row) => columns.map((c, i) => cellToValue(row[i] ?? '', c))),
    };
  });
}
