/**
 * Generic table columns → types from their body cells: a column is numeric only when every
 * non-empty body cell (totals included) parses the same way; one cell that does not keeps the whole
 * column text. The one exception: a cell that is only a total label ('合计' under 序号) is left out
 * of the typing and its value is null — the row says it with isTotal/isSubtotal, and tables.json
 * keeps the printed text. Amount columns (header names an amount or a unit) get the
 * unit of the header ('预算数（万元）') or else of the table's unit line ('单位：元').
 */
import type { AmountUnit, GenericColumn, GenericValue, ValueType } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { isEmptyValue, parseAmount, toHalfWidthNumber } from '../text/numbers.ts';
import { textToAmountUnit } from './budget.ts';
import { headerParts } from './signatures.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';

/** One cell read as a number: its value, the family it belongs to, and a unit printed in it. */
interface CellNumber {
  value: number;
  type: Exclude<ValueType, 'string'>;
  unit: AmountUnit | null;
}

const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;

/** A cell → number ('１２，３４５．６０' → 12345.6 number; '95.7%' → 95.7 percent; '12' integer), else null. */
export function cellToNumber(text: string): CellNumber | null {
  const t = toHalfWidthNumber(text).replace(/[\s\u00a0\u3000]+/g, '');
  const p = PERCENT.exec(t);
  if (p) return { value: Number(p[1]), type: 'percent', unit: null };
  const a = parseAmount(text);
  if (a === null) return null;
  return { value: a.value, type: t.includes('.') ? 'number' : 'integer', unit: a.unit };
}

/** Whether a cell is only a total label ('合计', '小计：'). */
export function isTotalLabel(text: string, settings: RecordSettings = RECORD_SETTINGS): boolean {
  return settings.totalLabel.test(text.replace(/[\s\u00a0\u3000]+/g, ''));
}

/** The type of a column from its cells (see the module comment); 'string' for an all-empty column. */
export function cellsToType(cells: readonly string[], settings: RecordSettings = RECORD_SETTINGS): ValueType {
  let type: ValueType | null = null;
  for (const c of cells) {
    if (isEmptyValue(c) || isTotalLabel(c, settings)) continue;
    const n = cellToNumber(c);
    if (n === null) return 'string';
    if (type === null) type = n.type;
    else if (type !== n.type) {
      if (type === 'percent' || n.type === 'percent') return 'string';
      type = 'number';
    }
  }
  return type ?? 'string';
}

/** Whether the header names an amount ('预算金额', '（万元）'), by any of its parts. */
function isAmountHeader(header: string, settings: RecordSettings): boolean {
  return headerParts(header).some((p) => settings.amount.test(p)) || textToAmountUnit(header) !== null;
}

/** Each column of a table (keys from `headerToKeys`) → key, type, unit. */
export function tableToColumns(table: Table, keys: readonly string[], settings: RecordSettings = RECORD_SETTINGS): GenericColumn[] {
  return keys.map((key, c) => {
    const type = cellsToType(table.rows.map((r) => r[c] ?? ''), settings);
    const header = table.header[c] ?? '';
    const amount = (type === 'integer' || type === 'number') && isAmountHeader(header, settings);
    return { key, type, unit: amount ? (textToAmountUnit(header) ?? textToAmountUnit(table.unit)) : null };
  });
}

/** A cell as the value of its column: text for a string column, else the number (null when empty or a total label). */
export function cellToValue(text: string, column: GenericColumn, settings: RecordSettings = RECORD_SETTINGS): GenericValue {
  if (column.type === 'string') return text;
  if (isEmptyValue(text) || isTotalLabel(text, settings)) return null;
  return cellToNumber(text)!.value;
}

/** A cell's unit: one printed in it ('2,368 万元') wins over the column's. */
export function cellUnit(text: string, column: GenericColumn): AmountUnit | null {
  return cellToNumber(text)?.unit ?? column.unit;
}
