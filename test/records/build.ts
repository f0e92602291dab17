/** Synthetic tables for records tests: a grid of 20 × 100 pt cells on page 1, header row at row -1. */
import type { Cell, Table } from '../../src/model/types.ts';

export function makeTable(
  header: string[],
  rows: string[][],
  opts: { id?: string; unit?: string | null; kinds?: ('body' | 'section')[] } = {},
): Table {
  const cells: Cell[] = [];
  const cell = (row: number, col: number, text: string, colSpan = 1): Cell => ({
    row,
    col,
    rowSpan: 1,
    colSpan,
    text,
    page: 1,
    confidence: 1,
    bbox: { x0: 50 + col * 100, x1: 50 + (col + colSpan) * 100, top: 100 + (row + 1) * 20, bottom: 120 + (row + 1) * 20 },
  });
  header.forEach((h, c) => cells.push(cell(-1, c, h)));
  const kinds = opts.kinds ?? rows.map(() => 'body' as const);
  rows.forEach((r, i) => {
    if (kinds[i] === 'section') cells.push(cell(i, 0, r[0] ?? '', header.length));
    else r.forEach((t, c) => cells.push(cell(i, c, t)));
  });
  return {
    id: opts.id ?? 't1',
    title: null,
    titleBox: null,
    unit: opts.unit ?? null,
    pages: [1],
    detector: 'lattice',
    columns: header.length,
    header,
    rows,
    rowKinds: kinds,
    cells,
    quality: { fill: 1, strayItems: 0, fragments: 1, droppedHeaderRows: 0 },
  };
}
