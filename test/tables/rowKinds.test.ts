/** Header rows told from body rows by content: a row that is only a label (amounts empty, '流动资产：') is body. */
import { describe, expect, it } from 'vitest';
import { headerRowCount, subHeaderRowCount } from '../../src/tables/rowKinds.ts';

const grid = (rows: string[][]) => ({
  rows,
  cells: rows.flatMap((r, row) => r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text }))),
});
const S = { maxHeaderRows: 4 };

describe('headerRowCount', () => {
  it('stops the header at a section row ending in ： and at body rows with empty amounts', () => {
    const { rows, cells } = grid([
      ['项目', '本期发生额', '上期发生额'],
      ['一、经营活动产生的现金流量：', '', ''],
      ['销售商品、提供劳务收到的现金', '', ''],
      ['收到其他与经营活动有关的现金', '1,234.00', '2,000.50'],
    ]);
    expect(headerRowCount(rows, cells, 3, S)).toBe(1);
  });

  it('keeps a two-row header whose second row labels the amount columns', () => {
    const { rows, cells } = grid([
      ['项目', '2024年', '2023年'],
      ['', '金额', '金额'],
      ['收入', '12', '10'],
    ]);
    expect(headerRowCount(rows, cells, 3, S)).toBe(2);
  });

  it('gives a continuation that starts with label-only rows no header (its number columns are unnamed)', () => {
    const { rows, cells } = grid([
      ['持有至到期投资', '', ''],
      ['长期应收款', '', ''],
      ['长期股权投资', '19,215,223.76', '19,463,641.61'],
    ]);
    expect(headerRowCount(rows, cells, 3, S)).toBe(0);
  });
});

describe('subHeaderRowCount', () => {
  const rows = [
    ['前10名股东持股情况', '', '', ''],
    ['股东名称', '股东性质', '持股比例', '质押或冻结情况'],
    ['', '', '', '数量'],
    ['甲公司', '境外法人', '29.43%', ''],
    ['乙公司', '境内法人', '9.33%', '81,494,850'],
  ];
  it('counts the rows naming the group’s columns under its section row', () => expect(subHeaderRowCount(rows, 1, 5)).toBe(2));
  it('counts none when the group starts with data', () => expect(subHeaderRowCount(rows, 3, 5)).toBe(0));
  it('counts none for rows followed by no number in their columns', () => expect(subHeaderRowCount(rows, 1, 3)).toBe(0));
});
