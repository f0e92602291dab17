/**
 * Pointers from records back into the PDF: the page, box (PDF points, top-left origin) and text of
 * a table cell, and the `record.unparseable-value` finding that cites one.
 */
import type { Finding } from '../model/findings.ts';
import type { Table } from '../model/types.ts';
import { cellAt, cellEvidence } from '../model/evidence.ts';

export { cellAt, cellEvidence };

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
