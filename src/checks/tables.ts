/**
 * Reading a logical table the way the sum and count rules need it: which rows are totals, which
 * columns hold additive numbers, which column is the 序号.
 */
import type { Table } from '../model/types.ts';
import { cellAt } from '../model/evidence.ts';
import { isEmptyValue } from '../text/numbers.ts';
import { CHECK_SETTINGS, type CheckSettings } from './settings.ts';
import { compact, parseNumber, type PrintedNumber } from './text.ts';

/** A grand total (合计/总计) or a subtotal (小计). */
export type TotalKind = 'grand' | 'sub';

const TOTAL_LABEL = /^(总合计|合计|总计|小计|共计)(?:[（(][^）)]*[）)])?[:：]?$/;

/** Kind of a total label ('合 计', '小计（万元）'), null for anything else. */
export function totalLabelKind(text: string): TotalKind | null {
  const m = TOTAL_LABEL.exec(compact(text));
  if (!m) return null;
  return m[1] === '小计' ? 'sub' : 'grand';
}

/** Whether body row `r` is a total row: one of its non-numeric cells is a total label. */
export function rowTotalKind(table: Table, r: number): TotalKind | null {
  for (const cell of table.rows[r] ?? []) {
    const k = totalLabelKind(cell);
    if (k) return k;
  }
  return null;
}

/** Headers of columns whose numbers are not additive (serials, codes, years, rates, prices). */
const NON_ADDITIVE_HEADER = /序号|编号|编码|代码|电话|邮编|邮政|比例|比率|率|占比|%|％|排名|名次|单价|价格|标准|平均|人均|均价|日期|时间|期限|年龄|岁|^(年份|年度|年|号|代号)$/;

/** The number in a cell; '%' values and empty cells are null. */
export function cellNumber(text: string): PrintedNumber | null {
  if (/[%％‰]/.test(text)) return null;
  return parseNumber(text);
}

/**
 * Columns of additive numbers: the header is not a serial/code/rate/price and most non-empty cells
 * of the non-total body rows parse as numbers (at least two of them).
 */
export function numericColumns(table: Table, settings: CheckSettings = CHECK_SETTINGS): number[] {
  const cols: number[] = [];
  for (let c = 0; c < table.columns; c++) {
    const header = compact(table.header[c] ?? '');
    if (NON_ADDITIVE_HEADER.test(header) || NON_ADDITIVE_HEADER.test(header.split('/').pop() ?? '')) continue;
    let filled = 0;
    let numbers = 0;
    table.rows.forEach((row, r) => {
      if (table.rowKinds[r] !== 'body' || rowTotalKind(table, r)) return;
      const text = row[c] ?? '';
      if (compact(text) === '') return;
      filled++;
      if (cellNumber(text)) numbers++;
    });
    if (numbers >= 2 && numbers >= settings.numericColumnShare * filled) cols.push(c);
  }
  return cols;
}

/** The serial-number column: the first column headed 序号/编号 (whitespace ignored), or −1. */
export function serialColumn(table: Table): number {
  const c = table.header.findIndex((h) => /^(序号|编号)$/.test(compact(h.split('/').pop() ?? h)));
  return c;
}

/** The first non-empty, non-numeric cell of a row (its label). */
export function rowLabel(row: readonly string[]): string {
  return row.find((t) => compact(t) !== '' && !parseNumber(t)) ?? '';
}

/** Sum of printed numbers with the decimals of the most precise one (exact in scaled integers). */
export function sumNumbers(values: readonly PrintedNumber[]): PrintedNumber {
  const decimals = Math.max(0, ...values.map((v) => v.decimals));
  const scale = 10 ** decimals;
  const total = values.reduce((s, v) => s + Math.round(v.value * scale), 0);
  return { value: total / scale, decimals };
}

/** Whether a stated value equals a computed one: exact for integers, within the tolerance otherwise. */
export function sameAmount(stated: PrintedNumber, computed: PrintedNumber, settings: CheckSettings = CHECK_SETTINGS): boolean {
  const decimals = Math.max(stated.decimals, computed.decimals);
  const diff = Math.abs(stated.value - computed.value);
  if (decimals === 0) return diff < 1e-9;
  return diff <= settings.decimalTolerance + 1e-9;
}

/**
 * Why the number in body slot (row, col) cannot be trusted for a sum, or null: text that does not
 * read as a number ('1250 含结转', '9,568.·40'), or an OCR reading below `minNumberConfidence` or
 * with doubts. Empty cells and placeholders ('-', '—', '/') hold nothing and are fine.
 */
export function unreadableNumber(table: Table, row: number, col: number, settings: CheckSettings = CHECK_SETTINGS): string | null {
  const text = (table.rows[row]?.[col] ?? '').trim();
  if (text === '' || isEmptyValue(text)) return null;
  if (!cellNumber(text)) return `“${text}”不能读作数字`;
  const cell = cellAt(table, row, col);
  if (cell && cell.confidence < settings.minNumberConfidence) return `“${text}”的 OCR 识别置信度 ${cell.confidence.toFixed(2)}`;
  if (cell?.doubts?.length) return `“${text}”的 OCR 识别存疑`;
  return null;
}

/** A table fragment with no header text: likely the continuation of the table before it. */
const headerless = (t: Table): boolean => t.header.every((h) => h.trim() === '');

/**
 * The table that `table` may continue — the one before it in `tables` ending on the page before
 * `table` starts, when `table` has no header of its own (a continuation the table stage did not
 * merge) — or null.
 */
export function continues(tables: readonly Table[], table: Table): Table | null {
  const prev = tables[tables.indexOf(table) - 1];
  return prev && headerless(table) && Math.max(...prev.pages) === Math.min(...table.pages) - 1 ? prev : null;
}

/** The table that may continue `table` on the next page (see `continues`), or null. */
export function continuedBy(tables: readonly Table[], table: Table): Table | null {
  const next = tables[tables.indexOf(table) + 1];
  return next && continues(tables, next) === table ? next : null;
}
