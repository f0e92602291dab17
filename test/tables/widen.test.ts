/** A ruled continuation drawn on fewer columns (the spans of the table's last rows) is merged onto the table's columns. */
import { describe, expect, it } from 'vitest';
import { fragmentsToTables, pageToFragments } from '../../src/tables/index.ts';
import type { TextItem } from '../../src/model/types.ts';
import { cellItems, gridRulings, itemsToLines, page, type Merge } from './synth.ts';

const X = [72, 132, 262, 402, 522];

/** A ruled page: `rows` of cells (texts per drawn column), `spans[r]` = column spans of row r on X. */
function ruledPage(n: number, top: number, rows: string[][], spans: (r: number) => number[]) {
  const ys = Array.from({ length: rows.length + 1 }, (_, i) => top + i * 24);
  const items: TextItem[] = [];
  const merges: Merge[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    spans(r).forEach((span, i) => {
      if (span > 1) merges.push({ row: r, col, rowSpan: 1, colSpan: span });
      if (row[i]) items.push(...cellItems(X, ys, r, col, [row[i]!], n));
      col += span;
    });
  });
  return pageToFragments(page(n, items, gridRulings(X, ys, merges, n)), itemsToLines(items));
}

describe('continuation on merged columns', () => {
  const p1Rows = [['名称', '类别', '数量', '备注'], ['甲', '一类', '10', ''], ['乙', '一类', '20', ''], ['丙', '50']];
  const p1 = ruledPage(1, 100, p1Rows, (r) => (r < 3 ? [1, 1, 1, 1] : [2, 2]));

  it('merges a continuation whose column edges meet the last row’s spans', () => {
    const xs = [72, 262, 522];
    const items: TextItem[] = [];
    const ys = [72, 96, 120];
    [['丁', '60'], ['戊', '70']].forEach((row, r) => row.forEach((t, c) => items.push(...cellItems(xs, ys, r, c, [t], 2))));
    const p2 = pageToFragments(page(2, items, gridRulings(xs, ys, [], 2)), itemsToLines(items));
    const tables = fragmentsToTables([...p1, ...p2]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.pages).toEqual([1, 2]);
    expect(tables[0]!.rows.slice(-2)).toEqual([['丁', '', '60', ''], ['戊', '', '70', '']]);
  });

  it('does not merge one whose edges meet no span of the last row', () => {
    const xs = [72, 402, 522];
    const items: TextItem[] = [];
    const ys = [72, 96];
    ['丁', '60'].forEach((t, c) => items.push(...cellItems(xs, ys, 0, c, [t], 2)));
    const p2 = pageToFragments(page(2, items, gridRulings(xs, ys, [], 2)), itemsToLines(items));
    expect(fragmentsToTables([...p1, ...p2])).toHaveLength(2);
  });
});
