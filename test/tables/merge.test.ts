import { describe, expect, it } from 'vitest';
import { fragmentsToTables, pageToFragments } from '../../src/tables/index.ts';
import type { TableFragment, TextItem } from '../../src/model/types.ts';
import { cellItems, gridRulings, item, itemsToLines, page, type Merge } from './synth.ts';

const X = [72, 132, 402, 522];
const HEADER = ['序号', '派出单位', '派驻村'];

/** A ruled page: optional header row, then `rows` (a string = section row), starting at `top`. */
function tablePage(n: number, top: number, rows: (string[] | string)[], opts: { header?: boolean; above?: TextItem[]; xs?: number[] } = {}) {
  const xs = opts.xs ?? X;
  const all = opts.header === false ? rows : [HEADER, ...rows];
  const ys = Array.from({ length: all.length + 1 }, (_, i) => top + i * 24);
  const items: TextItem[] = [...(opts.above ?? [])];
  const merges: Merge[] = [];
  all.forEach((row, r) => {
    if (typeof row === 'string') {
      merges.push({ row: r, col: 0, rowSpan: 1, colSpan: xs.length - 1 });
      items.push(...cellItems(xs, ys, r, 0, [row], n));
    } else row.forEach((t, c) => t !== '' && items.push(...cellItems(xs, ys, r, c, [t], n)));
  });
  return pageToFragments(page(n, items, gridRulings(xs, ys, merges, n)), itemsToLines(items));
}

const body = (from: number, to: number): string[][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), `单位${from + i}`, `村${from + i}`]);

describe('fragmentsToTables', () => {
  it('merges a table over 3 pages with the header repeated on pages 2–3', () => {
    const title = [item('市派驻村工作力量安排一览表', 219, 120, 1)];
    const p1 = tablePage(1, 160, ['一、第一片区', ...body(1, 5)], { above: title });
    const p2 = tablePage(2, 72, [...body(6, 8), '二、第二片区', ...body(9, 10)]);
    const p3 = tablePage(3, 72, body(11, 12));
    expect(p1[0]!.title).toBe('市派驻村工作力量安排一览表');
    expect(p2[0]!.rowKinds[0]).toBe('header');
    const tables = fragmentsToTables([...p1, ...p2, ...p3]);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.id).toBe('t1');
    expect(t.pages).toEqual([1, 2, 3]);
    expect(t.header).toEqual(HEADER);
    expect(t.rows).toEqual([
      ['一、第一片区', '', ''], ...body(1, 5), ...body(6, 8), ['二、第二片区', '', ''], ...body(9, 10), ...body(11, 12),
    ]);
    expect(t.rowKinds).toEqual(['section', ...Array(5).fill('body'), ...Array(3).fill('body'), 'section', 'body', 'body', 'body', 'body']);
    expect(t.quality).toMatchObject({ fragments: 3, droppedHeaderRows: 2 });
    expect(t.title).toBe('市派驻村工作力量安排一览表');
    // cells index into rows, header cells at row -1 only once
    expect(t.cells.filter((c) => c.row === -1).map((c) => c.text)).toEqual(HEADER);
    for (const c of t.cells.filter((c) => c.row >= 0)) expect(t.rows[c.row]![c.col]).toBe(c.text);
    expect(t.cells.find((c) => c.row === 6 && c.col === 1)).toMatchObject({ text: '单位6', page: 2 });
  });

  it('does not merge a table on the next page with different columns, with a title, or below prose', () => {
    const p1 = tablePage(1, 600, body(1, 3));
    const other = tablePage(2, 72, body(4, 5), { xs: [72, 200, 402, 522] });
    expect(fragmentsToTables([...p1, ...other]).map((t) => t.rows.length)).toEqual([3, 2]);
    const fourCols = tablePage(2, 72, [['1', 'a', 'b', 'c']], { xs: [72, 132, 262, 402, 522], header: false });
    expect(fragmentsToTables([...p1, ...fourCols])).toHaveLength(2);
    const titled = tablePage(2, 120, body(4, 5), { above: [item('另一张表', 273, 80, 2)] });
    expect(titled[0]!.title).toBe('另一张表');
    expect(fragmentsToTables([...p1, ...titled])).toHaveLength(2);
    const belowProse = tablePage(2, 120, body(4, 5), { above: [item('正文一段文字，说明有关情况。', 72, 72, 2)] });
    expect(fragmentsToTables([...p1, ...belowProse])).toHaveLength(2);
    const page3 = tablePage(3, 72, body(4, 5));
    expect(fragmentsToTables([...p1, ...page3])).toHaveLength(2); // skips a page
  });

  it('continues a table whose header is not repeated and joins a row split by the page break', () => {
    const p1 = tablePage(1, 600, [...body(1, 4), ['5', '市委办公厅、', '双河村']]);
    const p2 = tablePage(2, 72, [['', '汉口银行', ''], ...body(6, 7)], { header: false });
    const [t, ...rest] = fragmentsToTables([...p1, ...p2]);
    expect(rest).toHaveLength(0);
    expect(t!.rows).toEqual([...body(1, 4), ['5', '市委办公厅、汉口银行', '双河村'], ...body(6, 7)]);
    expect(t!.quality.droppedHeaderRows).toBe(0);
    expect(t!.cells.find((c) => c.row === 4 && c.col === 1)!.text).toBe('市委办公厅、汉口银行');
  });

  it('continues a table scanned at a slightly different scale on the next page, not one 5 % off', () => {
    const p1 = tablePage(1, 600, body(1, 3));
    // the second sheet shifted 11 pt and stretched 1.2 %, as a scanner feeds it: the last edge is 5 pt off a plain shift
    const scaled = X.map((x) => Math.round(61 + (x - 72) * 1.012));
    const p2 = tablePage(2, 72, body(4, 5), { header: false, xs: scaled });
    expect(fragmentsToTables([...p1, ...p2]).map((t) => t.rows.length)).toEqual([5]);
    const stretched = X.map((x) => Math.round(61 + (x - 72) * 1.05));
    const p2b = tablePage(2, 72, body(4, 5), { header: false, xs: stretched });
    expect(fragmentsToTables([...p1, ...p2b]).map((t) => t.rows.length)).toEqual([3, 2]);
  });

  it('handles no fragments and fragments without stats', () => {
    expect(fragmentsToTables([])).toEqual([]);
    const bare: TableFragment = {
      page: 1, bbox: { x0: 0, top: 0, x1: 10, bottom: 10 }, detector: 'stream', columns: 2,
      rows: [['a', 'b']], rowKinds: ['body'], cells: [], columnEdges: [0, 5, 10], captionBoxes: [],
    };
    const [t] = fragmentsToTables([bare]);
    expect(t).toMatchObject({ id: 't1', title: null, unit: null, header: ['', ''], rows: [['a', 'b']] });
  });
});

describe('OCR continuations', () => {
  /** page 2's repeated header as an engine read it: `texts`, at `confidence` */
  function misread(texts: string[], confidence: number): TableFragment[] {
    const p2 = tablePage(2, 72, body(6, 8));
    const f = p2[0]!;
    texts.forEach((t, c) => (f.rows[0]![c] = t));
    for (const cell of f.cells) if (cell.row === 0) Object.assign(cell, { text: texts[cell.col]!, confidence });
    for (const cell of f.cells) if (cell.row > 0) cell.confidence = 0.97;
    return p2;
  }
  const p1 = (): TableFragment[] => tablePage(1, 160, body(1, 5), { above: [item('市派驻村工作力量安排一览表', 219, 120, 1)] });

  it('takes a misread repeated header for the repeat: similar, or doubted by the engine', () => {
    for (const [texts, conf] of [[['序', '派出单位', '派驻村'], 0.95], [['有', '二', '人'], 0.4]] as const) {
      const tables = fragmentsToTables([...p1(), ...misread([...texts], conf)]);
      expect(tables, texts.join()).toHaveLength(1);
      expect(tables[0]!.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    }
  });
  it('keeps a confidently read different header a table of its own', () => {
    expect(fragmentsToTables([...p1(), ...misread(['编号', '项目', '金额'], 0.98)])).toHaveLength(2);
  });
});
