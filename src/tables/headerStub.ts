/**
 * A table whose first header row is the last thing on a page: the page ends with '收入 | 支出'
 * (cells spanning the table's columns) and the grid, with its lower header rows, starts on the next
 * page. Alone, that row would be a headerless one-row table and the grid a table without its title.
 *
 * A fragment is such a stub when it has at most `MAX_STUB_ROWS` rows, every cell of them text (no
 * number), and the fragment after it — the first of the next page, with no title of its own and
 * nothing above it — has more columns, every column edge of the stub meeting one of its edges
 * (x in PDF points, within `tol`, the outer edges meeting the outer edges). The stub is then
 * re-expressed on the next fragment's columns (each cell spanning the columns between its edges)
 * with all its rows marked as header rows; merge.ts puts both header parts together.
 */
import type { TableFragment } from '../model/types.ts';
import { statsOf } from './fragmentStats.ts';
import { isNumericText } from './rowKinds.ts';

/** A stub holds at most this many rows. */
const MAX_STUB_ROWS = 2;

function isStub(f: TableFragment): boolean {
  if (f.rows.length === 0 || f.rows.length > MAX_STUB_ROWS) return false;
  return f.rows.every((r) => r.some((t) => t.trim() !== '') && r.every((t) => t.trim() === '' || !isNumericText(t)));
}

/** `stub` on the columns of `next`, all rows header, when `stub` is the header row(s) `next` continues; else undefined. */
export function stubOnto<F extends TableFragment>(stub: F, next: TableFragment, tol: number): F | undefined {
  if (!isStub(stub) || next.page !== stub.page + 1 || next.title !== undefined || statsOf(next).linesAbove > 0) return undefined;
  if (next.columns <= stub.columns) return undefined;
  const edges = next.columnEdges;
  const map = stub.columnEdges.map((x) => edges.findIndex((e) => Math.abs(e - x) <= tol));
  if (map[0] !== 0 || map[map.length - 1] !== next.columns || map.some((j, i) => j < 0 || (i > 0 && j <= map[i - 1]!))) return undefined;
  const rows = stub.rows.map((row) => {
    const out = Array<string>(next.columns).fill('');
    row.forEach((t, c) => (out[map[c]!] = t));
    return out;
  });
  const cells = stub.cells.map((c) => ({ ...c, col: map[c.col]!, colSpan: map[c.col + c.colSpan]! - map[c.col]! }));
  return { ...stub, columns: next.columns, rows, cells, rowKinds: rows.map(() => 'header' as const), columnEdges: [...edges] };
}
