/**
 * A ruled continuation drawn with fewer columns than the table it continues: the page before
 * ended in rows whose cells span several of the table's columns (股东名称 over 2, 数量 over 3…),
 * and the next page draws only those merged columns. When every column edge of the continuation
 * meets a column edge of the table (x in PDF points, within `tol`) and the table's last row is
 * cut into exactly those spans, the continuation is re-expressed on the table's columns: each of
 * its cells spans the table columns between its edges, its text in the first of them.
 */
import type { TableFragment } from '../model/types.ts';

/** `f` on the columns of `last`, or undefined when its columns do not line up with `last`'s last row. */
export function widenToColumns<F extends TableFragment>(f: F, last: TableFragment, tol: number): F | undefined {
  if (f.detector !== 'lattice' || last.detector !== 'lattice' || f.columns >= last.columns) return undefined;
  const edges = last.columnEdges;
  const map = f.columnEdges.map((x) => edges.findIndex((e) => Math.abs(e - x) <= tol));
  if (map[0] !== 0 || map[map.length - 1] !== last.columns || map.some((j, i) => i > 0 && j <= map[i - 1]!)) return undefined;
  const lastRow = last.rows.length - 1;
  const starts = last.cells
    .filter((c) => c.row <= lastRow && lastRow < c.row + c.rowSpan)
    .map((c) => c.col)
    .sort((a, b) => a - b);
  if (starts.join(',') !== map.slice(0, -1).join(',')) return undefined;
  const C = last.columns;
  const rows = f.rows.map((row) => {
    const out = Array<string>(C).fill('');
    row.forEach((t, c) => (out[map[c]!] = t));
    return out;
  });
  const cells = f.cells.map((c) => ({ ...c, col: map[c.col]!, colSpan: map[c.col + c.colSpan]! - map[c.col]! }));
  return { ...f, columns: C, rows, cells, columnEdges: [...edges] };
}
