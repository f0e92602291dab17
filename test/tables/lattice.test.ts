import { describe, expect, it } from 'vitest';
import { fragmentsToTables, linesOutsideTables, pageToFragments } from '../../src/tables/index.ts';
import type { TextItem } from '../../src/model/types.ts';
import { cellItems, gridRulings, item, itemRight, itemsToLines, page, spaced } from './synth.ts';

const xs = [72, 142, 262, 402, 522];
const ys = [200, 224, 248, 286, 310];

function budgetPage(joined: boolean) {
  const items: TextItem[] = [
    item('为做好相关工作，现将预算安排情况说明如下，请结合实际认真贯彻执行并及时报告有关情况。', 72, 100),
    item('附件', 72, 130),
    item('汉阳区', 150, 150), item('2022', 190, 150), item('年乡村振兴和结对帮扶资金预算安排情况', 218, 150),
    itemRight('单位：万元', 522, 180),
    ...cellItems(xs, ys, 0, 0, ['级次']), ...cellItems(xs, ys, 0, 1, ['预算单位']),
    ...cellItems(xs, ys, 0, 2, ['项目名称']), ...cellItems(xs, ys, 0, 3, ['预算数']),
    ...spaced('合计', 170, 228, 24), ...cellItems(xs, ys, 1, 3, ['2368']),
    ...cellItems(xs, ys, 2, 0, ['汉阳区']), ...cellItems(xs, ys, 2, 1, ['区直机关工委等预', '算单位']),
    ...cellItems(xs, ys, 2, 2, ['乡村振兴专项经费']), ...cellItems(xs, ys, 2, 3, ['618']),
    ...cellItems(xs, ys, 3, 0, ['汉阳区']), ...cellItems(xs, ys, 3, 1, ['区政府办']),
    ...cellItems(xs, ys, 3, 2, ['结对帮扶资金']), ...cellItems(xs, ys, 3, 3, ['1750']),
    item('以上经费按规定执行。', 96, 340),
  ];
  const rulings = gridRulings(xs, ys, [{ row: 1, col: 0, rowSpan: 1, colSpan: 3 }], 1, joined);
  return { pg: page(1, items, rulings), lines: itemsToLines(items) };
}

describe('lattice', () => {
  for (const joined of [true, false]) {
    it(`reads a 4×4 ruled grid with wrapped, letter-spaced and spanning cells (${joined ? 'whole lines' : 'border pieces'})`, () => {
      const { pg, lines } = budgetPage(joined);
      const frags = pageToFragments(pg, lines);
      expect(frags).toHaveLength(1);
      const f = frags[0]!;
      expect(f.detector).toBe('lattice');
      expect(f.columns).toBe(4);
      expect(f.columnEdges).toEqual(xs);
      expect(f.bbox).toEqual({ x0: 72, x1: 522, top: 200, bottom: 310 });
      expect(f.rows).toEqual([
        ['级次', '预算单位', '项目名称', '预算数'],
        ['合计', '', '', '2368'],
        ['汉阳区', '区直机关工委等预算单位', '乡村振兴专项经费', '618'],
        ['汉阳区', '区政府办', '结对帮扶资金', '1750'],
      ]);
      expect(f.rowKinds).toEqual(['header', 'body', 'body', 'body']);
      const total = f.cells.find((c) => c.row === 1 && c.col === 0)!;
      expect([total.rowSpan, total.colSpan, total.text]).toEqual([1, 3, '合计']);
      expect(total.bbox).toEqual({ x0: 72, x1: 402, top: 224, bottom: 248 });
      expect(f.cells).toHaveLength(14);
      expect(f.title).toBe('汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况');
      expect(f.unit).toBe('单位：万元');
      expect(f.captionBoxes).toHaveLength(2);

      const prose = linesOutsideTables(lines, frags).map((l) => l.text);
      expect(prose).toEqual([
        '为做好相关工作，现将预算安排情况说明如下，请结合实际认真贯彻执行并及时报告有关情况。',
        '附件',
        '以上经费按规定执行。',
      ]);

      const [t] = fragmentsToTables(frags);
      expect(t!.header).toEqual(['级次', '预算单位', '项目名称', '预算数']);
      expect(t!.rows).toHaveLength(3);
      expect(t!.rowKinds).toEqual(['body', 'body', 'body']);
      expect(t!.cells.filter((c) => c.row === -1).map((c) => c.text)).toEqual(['级次', '预算单位', '项目名称', '预算数']);
      expect(t!.quality).toEqual({ fill: 1, strayItems: 0, fragments: 1, droppedHeaderRows: 0 });
      expect(t!.title).toBe('汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况');
    });
  }

  it('frames the table where two rules reach: a lone stroke joined to a column rule (a scan) adds no row', () => {
    const { pg, lines } = budgetPage(true);
    // the title's letter stroke at x = 262 read as a rule from y = 186 into the table's column rule
    pg.rulings.push({ page: 1, axis: 'v', at: 262, from: 186, to: 200, width: 0.75 });
    const [f, ...rest] = pageToFragments(pg, lines);
    expect(rest).toHaveLength(0);
    expect(f!.bbox).toEqual({ x0: 72, x1: 522, top: 200, bottom: 310 });
    expect(f!.rows[0]).toEqual(['级次', '预算单位', '项目名称', '预算数']);
    expect(f!.title).toBe('汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况');
  });

  it('keeps a row spanning all columns as a section row', () => {
    const x = [72, 132, 402, 522];
    const y = [100, 124, 148, 172, 196, 220];
    const items = [
      ...cellItems(x, y, 0, 0, ['序号']), ...cellItems(x, y, 0, 1, ['派出单位']), ...cellItems(x, y, 0, 2, ['派驻村']),
      ...cellItems(x, y, 1, 0, ['一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）']),
      ...cellItems(x, y, 2, 0, ['1']), ...cellItems(x, y, 2, 1, ['市委办公厅、汉口银行']), ...cellItems(x, y, 2, 2, ['双河村']),
      ...cellItems(x, y, 3, 0, ['二、新洲区仓埠街 15 个村']),
      ...cellItems(x, y, 4, 0, ['2']), ...cellItems(x, y, 4, 1, ['市房管局']), ...cellItems(x, y, 4, 2, ['胡彰村']),
    ];
    const merges = [{ row: 1, col: 0, rowSpan: 1, colSpan: 3 }, { row: 3, col: 0, rowSpan: 1, colSpan: 3 }];
    const frags = pageToFragments(page(1, items, gridRulings(x, y, merges)), itemsToLines(items));
    expect(frags).toHaveLength(1);
    const f = frags[0]!;
    expect(f.rowKinds).toEqual(['header', 'section', 'body', 'section', 'body']);
    expect(f.rows[1]).toEqual(['一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）', '', '']);
    const sec = f.cells.find((c) => c.row === 1)!;
    expect([sec.col, sec.colSpan, sec.rowSpan]).toEqual([0, 3, 1]);
    const [t] = fragmentsToTables(frags);
    expect(t!.header).toEqual(['序号', '派出单位', '派驻村']);
    expect(t!.rowKinds).toEqual(['section', 'body', 'section', 'body']);
    expect(t!.rows[2]).toEqual(['二、新洲区仓埠街 15 个村', '', '']);
  });

  it('joins a two-row header with a colspan per column with "/"', () => {
    const x = [72, 192, 312, 432];
    const y = [100, 124, 148, 172, 196];
    const items = [
      ...cellItems(x, y, 0, 0, ['项目']), ...cellItems(x, y, 0, 1, ['预算数']),
      ...cellItems(x, y, 1, 1, ['小计']), ...cellItems(x, y, 1, 2, ['基本支出']),
      ...cellItems(x, y, 2, 0, ['教育']), ...cellItems(x, y, 2, 1, ['100']), ...cellItems(x, y, 2, 2, ['80']),
      ...cellItems(x, y, 3, 0, ['卫生']), ...cellItems(x, y, 3, 1, ['１２，３４５．６']), ...cellItems(x, y, 3, 2, ['12,345.60']),
    ];
    const merges = [{ row: 0, col: 0, rowSpan: 2, colSpan: 1 }, { row: 0, col: 1, rowSpan: 1, colSpan: 2 }];
    const frags = pageToFragments(page(1, items, gridRulings(x, y, merges)), itemsToLines(items));
    const f = frags[0]!;
    expect(f.rowKinds).toEqual(['header', 'header', 'body', 'body']);
    expect(f.cells.find((c) => c.row === 0 && c.col === 0)).toMatchObject({ rowSpan: 2, colSpan: 1, text: '项目' });
    expect(f.cells.find((c) => c.row === 0 && c.col === 1)).toMatchObject({ rowSpan: 1, colSpan: 2, text: '预算数' });
    const [t] = fragmentsToTables(frags);
    expect(t!.header).toEqual(['项目', '预算数/小计', '预算数/基本支出']);
    expect(t!.rows).toEqual([['教育', '100', '80'], ['卫生', '１２，３４５．６', '12,345.60']]);
    expect(t!.cells.filter((c) => c.row < 0).map((c) => [c.row, c.col, c.text])).toEqual([
      [-2, 0, '项目'], [-2, 1, '预算数'], [-1, 1, '小计'], [-1, 2, '基本支出'],
    ]);
  });

  it('snaps borders drawn as many small, slightly offset collinear pieces and double lines', () => {
    const x = [72, 192, 312];
    const y = [100, 124, 148, 172];
    const rulings = gridRulings(x, y).flatMap((r) => {
      // cut every piece in three with 0.5 pt gaps and jitter `at` by up to 0.6 pt
      const len = r.to - r.from;
      return [0, 1, 2].map((k) => ({ ...r, at: r.at + (k - 1) * 0.6, from: r.from + (k * len) / 3, to: r.from + ((k + 1) * len) / 3 - 0.5 }));
    });
    rulings.push({ page: 1, axis: 'h', at: 101.5, from: 72, to: 312, width: 0.5 }); // double top border
    const items = [
      ...cellItems(x, y, 0, 0, ['名称']), ...cellItems(x, y, 0, 1, ['金额']),
      ...cellItems(x, y, 1, 0, ['甲']), ...cellItems(x, y, 1, 1, ['1']),
      ...cellItems(x, y, 2, 0, ['乙']), ...cellItems(x, y, 2, 1, ['2']),
    ];
    const f = pageToFragments(page(1, items, rulings), itemsToLines(items))[0]!;
    expect(f.columns).toBe(2);
    expect(f.rows).toEqual([['名称', '金额'], ['甲', '1'], ['乙', '2']]);
    expect(f.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
    expect(f.columnEdges.map((e) => Math.round(e))).toEqual([72, 192, 312]);
  });

  it('takes a full-width first row as in-grid title, counts stray items, ignores a one-cell frame', () => {
    const x = [72, 192, 312];
    const y = [100, 124, 148, 172];
    const items = [
      ...cellItems(x, y, 0, 0, ['某某经费分配表']),
      ...cellItems(x, y, 1, 0, ['名称']), ...cellItems(x, y, 1, 1, ['金额']),
      ...cellItems(x, y, 2, 0, ['甲']), ...cellItems(x, y, 2, 1, ['1']),
      item('跨界文字', 300, 152), // centre right of the table: stray
      item('框内说明文字', 100, 404),
    ];
    const rulings = [
      ...gridRulings(x, y, [{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }]),
      ...gridRulings([90, 300], [400, 420]), // a frame around a note: not a table
    ];
    const frags = pageToFragments(page(1, items, rulings), itemsToLines(items));
    expect(frags).toHaveLength(1);
    const f = frags[0]!;
    expect(f.title).toBe('某某经费分配表');
    expect(f.rows).toEqual([['名称', '金额'], ['甲', '1']]);
    expect(f.rowKinds).toEqual(['header', 'body']);
    expect(f.bbox.top).toBe(124);
    expect(fragmentsToTables(frags)[0]!.quality.strayItems).toBe(1);
  });

  it('finds a 30-row ruled page: header and 30 body rows (speed is measured by npm run bench, not here)', () => {
    const x = [72, 132, 372, 522];
    const y = Array.from({ length: 32 }, (_, i) => 80 + i * 22);
    const items: TextItem[] = [];
    items.push(...cellItems(x, y, 0, 0, ['序号']), ...cellItems(x, y, 0, 1, ['派出单位']), ...cellItems(x, y, 0, 2, ['派驻村']));
    for (let r = 1; r <= 30; r++) {
      items.push(...cellItems(x, y, r, 0, [String(r)]), ...cellItems(x, y, r, 1, ['临空港开发区（东西湖区）']), ...cellItems(x, y, r, 2, ['某某村']));
    }
    const f = pageToFragments(page(1, items, gridRulings(x, y)), itemsToLines(items));
    expect(f[0]!.rows).toHaveLength(31);
    expect(f[0]!.rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });
});
