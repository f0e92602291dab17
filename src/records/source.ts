/**
 * Where a record comes from in the PDF: the page of its row's cells and the box around them
 * (PDF points, top-left origin, as tables.json's cells).
 */
import type { BBox, Table } from '../model/types.ts';

/**
 * Row `row` of `table` → its page and the union box of the cells that start on that row, on the
 * page of the first of them (nulls when the table has no cell for the row).
 */
export function rowSource(table: Table, row: number): { page: number | null; bbox: BBox | null } {
  const own = table.cells.filter((c) => c.row === row);
  // a row made only of slots under cells merged down from above: those cells
  const cells = own.length > 0 ? own : table.cells.filter((c) => c.row >= 0 && c.row < row && row < c.row + c.rowSpan);
  const first = cells[0];
  if (!first) return { page: null, bbox: null };
  const on = cells.filter((c) => c.page === first.page);
  return {
    page: first.page,
    bbox: {
      x0: Math.min(...on.map((c) => c.bbox.x0)),
      top: Math.min(...on.map((c) => c.bbox.top)),
      x1: Math.max(...on.map((c) => c.bbox.x1)),
      bottom: Math.max(...on.map((c) => c.bbox.bottom)),
    },
  };
}
