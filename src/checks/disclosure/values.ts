/**
 * Reading named amounts out of a disclosure table: the value next to a row label ('收入总计 |
 * 24,169.74'), or in a labelled column on the table's total (or only) row. Each value keeps its
 * cell (row, col) for evidence and the table's money unit (from its `unit` field, else its title or
 * header; 元 when none is printed is NOT assumed: null).
 */
import type { AmountUnit } from '../../model/records.ts';
import type { Table } from '../../model/types.ts';
import { cellNumber, rowTotalKind } from '../tables.ts';
import { compact, moneyUnitOf, UNIT_FACTOR, type PrintedNumber } from '../text.ts';

/** An amount read from a table cell. */
export interface CellAmount {
  table: Table;
  /** body row index into `table.rows`, and column */
  row: number;
  col: number;
  value: PrintedNumber;
  unit: AmountUnit;
  /** the label it was found by, as printed */
  label: string;
}

/** The money unit of a table: its unit line, else its title, else its header; null when none is printed. */
export function tableUnit(t: Table): AmountUnit | null {
  return moneyUnitOf(t.unit) ?? moneyUnitOf(t.title) ?? moneyUnitOf(t.header.join(' '));
}

/** A label without its numbering ('一、', '1.', '（一）') and spaces. */
export function bareLabel(text: string): string {
  return compact(text).replace(/^([一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/, '');
}

/**
 * The amount to the right of the first body cell whose bare label matches `label` (the next
 * non-empty cell of the row, which must read as a number). Null when there is none or it is empty.
 */
export function rowValue(t: Table, label: RegExp): CellAmount | null {
  const unit = tableUnit(t);
  if (!unit) return null;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      if (!label.test(bareLabel(row[c] ?? ''))) continue;
      let k = c + 1;
      while (k < row.length && compact(row[k] ?? '') === '') k++;
      const value = k < row.length ? cellNumber(row[k]!) : null;
      if (!value) return null;
      return { table: t, row: r, col: k, value, unit, label: compact(row[c]!) };
    }
  }
  return null;
}

/**
 * The amount in the column whose header (last '/' part, or the whole path with `wholePath`)
 * matches `label`, on the table's 合计/总计 row — or on its only body row.
 */
export function columnValue(t: Table, label: RegExp, wholePath = false): CellAmount | null {
  const unit = tableUnit(t);
  if (!unit) return null;
  const col = t.header.findIndex((h) => label.test(compact(wholePath ? h : (h.split('/').pop() ?? h))));
  if (col < 0) return null;
  const bodyRows = t.rows.map((_, r) => r).filter((r) => t.rowKinds[r] === 'body' && t.rows[r]!.some((x) => compact(x) !== ''));
  const totalRow = bodyRows.find((r) => rowTotalKind(t, r) === 'grand') ?? (bodyRows.length === 1 ? bodyRows[0] : undefined);
  if (totalRow === undefined) return null;
  const value = cellNumber(t.rows[totalRow]![col] ?? '');
  return value ? { table: t, row: totalRow, col, value, unit, label: compact(t.header[col]!) } : null;
}

/** The first of several lookups that finds a value. */
export function firstValue(...found: (CellAmount | null)[]): CellAmount | null {
  return found.find((v) => v !== null) ?? null;
}

/** An amount in another unit, in 元 scaled exactly: value × factor. */
export function inYuan(v: { value: PrintedNumber; unit: AmountUnit }): number {
  return v.value.value * UNIT_FACTOR[v.unit];
}

/** Half a unit of the last printed digit of an amount, in 元: its printed rounding. */
export function roundingYuan(v: { value: PrintedNumber; unit: AmountUnit }): number {
  return 0.5 * 10 ** -v.value.decimals * UNIT_FACTOR[v.unit];
}
