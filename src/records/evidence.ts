/**
 * Pointers from records back into the PDF: the page, box (PDF points, top-left origin) and text of
 * a table cell, and the `record.unparseable-value` finding that cites one.
 */
import type { Finding } from '../model/findings.ts';
import type { Table } from '../model/types.ts';
import { cellAt, cellEvidence } from '../model/evidence.ts';
import { amountWithNote } from '../text/numbers.ts';

export { cellAt, cellEvidence };

/**
 * The `record.unparseable-value` finding for a cell that should hold a number and does not: an
 * error, or `info` for an amount printed with a note ('1250 含结转': the page is not wrong, the value
 * is left out of the record because what the note does to it is unknown).
 */
export function unparseableFinding(table: Table, row: number, col: number, what: string): Finding {
  const column = table.header[col] ?? `column ${col + 1}`;
  const text = table.rows[row]?.[col] ?? '';
  const noted = what === 'an amount' ? amountWithNote(text) : null;
  if (noted) {
    return {
      rule: 'record.unparseable-value',
      severity: 'info',
      message: `table ${table.id}, column '${column}', body row ${row + 1}: '${text}' is an amount with a note ('${noted.note}'); the record leaves the amount out`,
      actual: text,
      evidence: [cellEvidence(table, row, col)],
    };
  }
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
