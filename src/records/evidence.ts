/**
 * Pointers from records back into the PDF: the page, box (PDF points, top-left origin) and text of
 * a table cell, and the `record.unparseable-value` finding that cites one.
 */
import type { Finding } from '../model/findings.ts';
import type { BBox, Cell, Evidence, Table } from '../model/types.ts';

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

function unionBox(boxes: readonly BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    top: Math.min(...boxes.map((b) => b.top)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
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

/** The `record.unparseable-value` finding for a cell that should hold a number and does not. */
export function unparseableFinding(table: Table, row: number, col: number, what: string): Finding {
  const column = table.header[col] ?? `column ${col + 1}`;
  const text = table.rows[row]?.[col] ?? '';
  return {
    rule: 'record.unparseable-value',
    severity: 'error',
    message: `table ${table.id}, column '${column}', body row ${row + 1}: cannot read ${what} from '${text}'`,
    actual: text,
    evidence: [cellEvidence(table, row, col)],
  };
}

/**
 * The text of grid slot (row, col), trimmed. An empty slot covered by a cell that spans down from
 * an earlier row in the same column (a merged 级次 or 地区 cell) gives that cell's text.
 */
export function slotText(table: Table, row: number, col: number): string {
  const t = (table.rows[row]?.[col] ?? '').trim();
  if (t !== '') return t;
  const cell = cellAt(table, row, col);
  return cell && cell.row < row && cell.row >= 0 && cell.col === col ? cell.text.trim() : '';
}
