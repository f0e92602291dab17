/**
 * Where a record comes from in the PDF: the page of its row's cells and the box around them
 * (PDF points, top-left origin, as tables.json's cells).
 */
import type { BBox, Cell, Table } from '../model/types.ts';

/**
 * The cells of each row of a table's cell list (in list order), made once per list: the record
 * builders ask for every row of a table (a 271-row table has thousands of cells). Remade when the
 * list grew since.
 */
const byRow = new WeakMap<readonly Cell[], { length: number; rows: Map<number, Cell[]> }>();

function cellsOfRow(cells: readonly Cell[], row: number): readonly Cell[] {
  let index = byRow.get(cells);
  if (!index || index.length !== cells.length) {
    const rows = new Map<number, Cell[]>();
    for (const c of cells) {
      const list = rows.get(c.row);
      if (list) list.push(c);
      else rows.set(c.row, [c]);
    }
    index = { length: cells.length, rows };
    byRow.set(cells, index);
  }
  return index.rows.get(row) ?? [];
}

/**
 * Row `row` of `table` → its page and the union box of the cells that start on that row, on the
 * page of the first of them (nulls when the table has no cell for the row).
 */
export function rowSource(table: Table, row: number): { page: number | null; bbox: BBox | null } {
  const own = cellsOfRow(table.cells, row);
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
