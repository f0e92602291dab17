/**
 * Rows → kinds (header / section / body) and the header strings. Works on any grid of rows with
 * cells (lattice or stream).
 *
 * Heuristic: header rows are the top rows before the first row that looks like data — a row
 * with a numeric cell, a section row (one cell spanning all columns), or a row below the top one
 * holding only a label in its first column (amounts empty, '流动资产：'). Cells bound together by
 * row spans, and group headers (a cell spanning some but not all columns, which needs the row of
 * sub-headers below it), make multi-row headers. A table with no data-looking row gets its
 * structural header (row 0 plus what spans bind to it). Top rows that leave a number column of
 * the first data row unlabelled are no header. Never more than `maxHeaderRows`, and at least one
 * row stays body.
 */
import type { RowKind } from '../model/types.ts';
import type { TableSettings } from './settings.ts';

/** The span part of a cell: enough to reason about structure. */
export interface SpanCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

const NUMERIC = /^[-−+]?[（(]?[-−+]?[\d０-９][\d０-９,，.．]*[）)]?[%％‰]?$/;

/** A cell printed as a number ('12', '１２，３４５．６', '12,345.60', '-3.5%'). Spaces ignored. */
export function isNumericText(text: string): boolean {
  return NUMERIC.test(text.replace(/\s+/g, ''));
}

/** Whether row `r` is one cell spanning all `columns` (a section row). */
export function isSectionRow(cells: readonly SpanCell[], r: number, columns: number): boolean {
  const starting = cells.filter((c) => c.row === r);
  return columns > 1 && starting.length === 1 && starting[0]!.col === 0 && starting[0]!.colSpan === columns;
}

/**
 * Whether row `r` (below the top row) is only a label in its first column, every other cell empty
 * and nothing spanning into it from above: a body row whose amounts are empty, or a section row
 * drawn without spanning ('一、经营活动产生的现金流量：'). A header row below the top one labels
 * columns, it does not leave them all empty.
 */
export function isLabelOnlyRow(rows: readonly (readonly string[])[], cells: readonly SpanCell[], r: number, columns: number): boolean {
  if (r === 0 || columns < 2) return false;
  const row = rows[r]!;
  if ((row[0] ?? '') === '' || row.slice(1).some((t) => t !== '')) return false;
  return !cells.some((c) => c.row < r && c.row + c.rowSpan > r);
}

/**
 * Index of the first row that looks like data (numeric cell, section row, or a row that is only
 * a label below the top row), `rows.length` if none.
 */
export function firstDataRow(rows: readonly (readonly string[])[], cells: readonly SpanCell[], columns: number): number {
  for (let r = 0; r < rows.length; r++) {
    if (isSectionRow(cells, r, columns) || isLabelOnlyRow(rows, cells, r, columns)) return r;
    if (rows[r]!.some((t) => t !== '' && isNumericText(t))) return r;
  }
  return rows.length;
}

/** Rows bound to the top row by row spans and group headers. */
function structuralHeaderRows(cells: readonly SpanCell[], columns: number, limit: number): number {
  let h = 1;
  for (;;) {
    let next = h;
    for (const c of cells) if (c.row < h) next = Math.max(next, c.row + c.rowSpan);
    if (next === h && cells.some((c) => c.row === h - 1 && c.colSpan > 1 && c.colSpan < columns)) next = h + 1;
    if (next === h || next > limit) return Math.min(next, limit);
    h = next;
  }
}

/**
 * Whether the rows above `d` label every column that holds a number in row `d` (a header names
 * its number columns; a row with an empty cell over a number column is the rest of a row split
 * by a page break, not a header).
 */
function labelsNumbers(dataRow: readonly string[], cells: readonly SpanCell[], d: number): boolean {
  return dataRow.every(
    (t, col) =>
      t === '' || !isNumericText(t) ||
      cells.some((c) => c.row < d && c.col <= col && col < c.col + c.colSpan && c.text !== ''),
  );
}

/** Number of header rows at the top (see the file comment). */
export function headerRowCount(
  rows: readonly (readonly string[])[],
  cells: readonly SpanCell[],
  columns: number,
  s: Pick<TableSettings, 'maxHeaderRows'>,
): number {
  const R = rows.length;
  if (R < 2) return 0;
  const d = firstDataRow(rows, cells, columns);
  if (d === 0) return 0;
  // the rows above d must name the number columns of the first row holding numbers
  const n = rows.findIndex((row, r) => r >= d && row.some((t) => t !== '' && isNumericText(t)));
  if (n >= 0 && !labelsNumbers(rows[n]!, cells, d)) return 0;
  const structural = structuralHeaderRows(cells, columns, Math.min(s.maxHeaderRows, R - 1));
  let count: number;
  if (d === R) count = structural;
  else if (d <= s.maxHeaderRows) count = d;
  else count = Math.min(structural, d);
  return Math.max(0, Math.min(count, s.maxHeaderRows, R - 1));
}

/** Kinds of all rows: `headerRows` headers on top, then section rows and body rows. */
export function rowsToKinds(rowCount: number, headerRows: number, cells: readonly SpanCell[], columns: number): RowKind[] {
  const kinds: RowKind[] = [];
  for (let r = 0; r < rowCount; r++) {
    if (r < headerRows) kinds.push('header');
    else kinds.push(isSectionRow(cells, r, columns) ? 'section' : 'body');
  }
  return kinds;
}

/**
 * One header string per column: the texts of the header cells covering that column, top to
 * bottom, joined with '/' (a cell spanning several rows or columns counted once per column).
 */
export function headerStrings(cells: readonly SpanCell[], headerRows: number, columns: number): string[] {
  const out: string[] = [];
  for (let col = 0; col < columns; col++) {
    const parts: string[] = [];
    const covering = cells
      .filter((c) => c.row < headerRows && c.col <= col && col < c.col + c.colSpan)
      .sort((a, b) => a.row - b.row);
    for (const c of covering) if (c.text !== '' && parts[parts.length - 1] !== c.text) parts.push(c.text);
    out.push(parts.join('/'));
  }
  return out;
}

/**
 * Number of sub-header rows at `from` (the rows right under a section row that name the columns
 * of its group: '股东名称 | 股东性质 | 持股比例…'): leading rows with no number and at least two
 * labelled cells (or one, not in the first column), followed within the group (up to `to`, exclusive) by a row holding a number in a
 * column they label. A row with one label and empty amounts is body, not a sub-header.
 */
export function subHeaderRowCount(rows: readonly (readonly string[])[], from: number, to: number): number {
  let r = from;
  const labels = (row: readonly string[]): boolean => {
    const n = row.filter((t) => t.trim() !== '').length;
    return n >= 2 || (n === 1 && (row[0] ?? '').trim() === '');
  };
  while (r < to && !rows[r]!.some((t) => isNumericText(t)) && labels(rows[r]!)) r++;
  if (r === from || r >= to) return 0;
  const labelled = (col: number): boolean => rows.slice(from, r).some((row) => (row[col] ?? '').trim() !== '');
  return rows[r]!.some((t, col) => t !== '' && isNumericText(t) && labelled(col)) ? r - from : 0;
}
