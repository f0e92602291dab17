/**
 * Boxes and pointers back into the PDF that several stages share: the union of boxes, and the
 * evidence (page, box, text) of a table cell or row. PDF points, top-left origin.
 */
import type { BBox, Cell, Evidence, Table } from './types.ts';

/** The smallest box holding all the given boxes (at least one). */
export function unionBox(boxes: readonly BBox[]): BBox {
  let x0 = Infinity;
  let top = Infinity;
  let x1 = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.top < top) top = b.top;
    if (b.x1 > x1) x1 = b.x1;
    if (b.bottom > bottom) bottom = b.bottom;
  }
  return { x0, top, x1, bottom };
}

/** The cell covering grid slot (row, col): `row` indexes `table.rows` (header cells have row < 0). */
export function cellAt(table: Table, row: number, col: number): Cell | null {
  let spanning: Cell | null = null;
  for (const c of table.cells) {
    if (c.row === row && c.col === col) return c;
    if (spanning === null && c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan) {
      spanning = c;
    }
  }
  return spanning;
}

/**
 * Evidence for the cell at (row, col) of a table: its page, box and text. When no cell covers the
 * slot (a hand-edited tables.json), the row's cells on their first page stand in (text = the
 * slot's text); failing that, the table's first page with an empty box.
 */
export function cellEvidence(table: Table, row: number, col: number): Evidence {
  const cell = cellAt(table, row, col);
  if (cell) return { page: cell.page, bbox: { ...cell.bbox }, text: cell.text };
  const text = (row >= 0 ? table.rows[row]?.[col] : undefined) ?? '';
  const rowCells = table.cells.filter((c) => c.row === row);
  if (rowCells.length > 0) {
    const page = rowCells[0]!.page;
    return { page, bbox: unionBox(rowCells.filter((c) => c.page === page).map((c) => c.bbox)), text };
  }
  return { page: table.pages[0] ?? 1, bbox: { x0: 0, top: 0, x1: 0, bottom: 0 }, text };
}
