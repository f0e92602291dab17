/** Records from the REAL tables of the other samples: lo-ruled, lines-table, unruled. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLine, GenericRecord } from '../../src/model/records.ts';
import type { Table } from '../../src/model/types.ts';
import { RECORD_SETTINGS, headerToSignature, tablesToRecords } from '../../src/records/index.ts';
import { parseAmount } from '../../src/text/numbers.ts';
import { extractSample } from '../helpers/samples.ts';

const tables: Record<string, Table[]> = {};
beforeAll(async () => {
  for (const name of ['lo-ruled', 'lines-table', 'unruled']) tables[name] = (await extractSample(name)).tables;
});

const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

describe('lo-ruled (two-row header)', () => {
  it('has no organisation column, so it is generic, keyed by the joined header', () => {
    const res = tablesToRecords(tables['lo-ruled']!);
    expect(res.tables.map((t) => [t.table, t.kind])).toEqual([['t1', 'generic']]);
    // every amount column parses (the total row included); 序号 holds only the label '合计' in the
    // total row, which does not make it text: the row is flagged isTotal and its 序号 is null
    expect(res.tables[0]!.columns!.map((c) => [c.type, c.unit])).toEqual([
      ['integer', null], ['string', null], ['string', null], ['integer', null], ['number', '万元'], ['number', '万元'], ['number', '万元'],
    ]);
    const recs = res.records as GenericRecord[];
    expect(recs).toHaveLength(13);
    expect(recs.map((r) => r.isTotal)).toEqual([...Array(12).fill(false), true]);
    expect(Object.keys(recs[0]!.values)).toEqual([
      '序号', '乡镇', '工程名称', '受益人口（人）', '补助资金（万元）/小计', '补助资金（万元）/中央资金', '补助资金（万元）/县级资金',
    ]);
    expect(recs[0]!.values['工程名称']).toBe('东坪镇集中供水站水泵更换及管网维修工程');
    const body = recs.filter((r) => !r.isTotal).map((r) => r.values['补助资金（万元）/小计'] as number);
    expect(sum(body)).toBe(recs.at(-1)!.values['补助资金（万元）/小计']); // 131.00
    expect(recs.at(-1)!.amountYuan['补助资金（万元）/小计']).toBe(1310000);
    expect(recs.map((r) => r.values['序号'])).toEqual([...Array.from({ length: 12 }, (_, i) => i + 1), null]);
  });

  it('matches header parts: the same header with a 预算单位 column is a budget table, amount from a lower part', () => {
    const header = ['序号', '预算单位', '补助资金（万元）/小计', '补助资金（万元）/中央资金'];
    expect(headerToSignature(header)).toEqual({
      kind: 'budget-line',
      columns: { level: null, budgetUnit: 1, project: null, amount: 2 },
    });
  });
});

describe('lines-table (section rows, 3 tables)', () => {
  it('all three tables are generic; section rows are flagged', () => {
    const res = tablesToRecords(tables['lines-table']!);
    expect(res.tables.map((t) => t.kind)).toEqual(['generic', 'generic', 'generic']);
    const t1 = res.records.filter((r): r is GenericRecord => r.kind === 'generic' && r.table === 't1');
    expect(t1).toHaveLength(218);
    expect(t1[0]).toMatchObject({ section: true, values: { 序号: '一、东坪镇（25 条）' } });
    expect(t1.filter((r) => r.section).length).toBe(218 - 209 - 1); // 209 roads + a total row
    // 序号 holds the section titles, so it stays text; the amounts are numbers
    expect(t1[1]!.values).toEqual({ 序号: '1', 路线编码: 'C101', 路线名称: '北小村至南北村', '养护里程（公里）': 6.7, 补助金额: 4.69 });
    expect(t1.filter((r) => r.isTotal)).toHaveLength(1);
  });
});

describe('unruled (full-width amounts, unit line 单位：元)', () => {
  it('generic by its header (序号/项目/预算金额/实际支出/执行率: no organisation column); full-width amounts parse', () => {
    const res = tablesToRecords(tables['unruled']!);
    expect(res.tables).toEqual([{
      table: 't1', kind: 'generic', columns: [
        { key: '序号', type: 'integer', unit: null }, { key: '项目', type: 'string', unit: null },
        { key: '预算金额', type: 'number', unit: '元' }, { key: '实际支出', type: 'number', unit: '元' },
        { key: '执行率', type: 'percent', unit: null },
      ],
    }]);
    const recs = res.records as GenericRecord[];
    expect(tables['unruled']![0]!.rows[0]![2]).toBe('１２，３４５．６０'); // tables.json keeps the print
    expect(recs[0]!.values).toEqual({ 序号: 1, 项目: '办公用品购置', 预算金额: 12345.6, 实际支出: 11820.5, 执行率: 95.7 });
    expect(recs.at(-1)).toMatchObject({ isTotal: true, isSubtotal: false, values: { 序号: null, 项目: '合计' } });
    const parts = recs.filter((r) => !r.isTotal);
    expect(parts).toHaveLength(11);
    expect(sum(parts.map((r) => r.values['预算金额'] as number))).toBe(207245.6);
    expect(recs.at(-1)!.values['预算金额']).toBe(207245.6);
    expect(sum(parts.map((r) => r.values['实际支出'] as number))).toBe(recs.at(-1)!.values['实际支出']); // 191,440.88
    expect(recs.at(-1)!.amountYuan).toEqual({ 预算金额: 207245.6, 实际支出: 191440.88 });
  });

  it('with budgetNeedsUnitColumn off, 项目 + 预算金额 make budget lines: full-width amounts, unit 元, total row', () => {
    const res = tablesToRecords(tables['unruled']!, { ...RECORD_SETTINGS, budgetNeedsUnitColumn: false });
    expect(res.tables).toEqual([{ table: 't1', kind: 'budget-line' }]); // only generic tables list columns
    expect(res.findings).toEqual([]);
    const b = res.records as BudgetLine[];
    expect(b).toHaveLength(12);
    expect(b[0]).toEqual({
      kind: 'budget-line', table: 't1', row: 0, page: 1, bbox: expect.objectContaining({ top: expect.closeTo(387.69, 2) }), level: null, budgetUnit: null, project: '办公用品购置',
      amount: 12345.6, amountUnit: '元', amountYuan: 12345.6, isTotal: false, isSubtotal: false,
    });
    expect(b.at(-1)).toMatchObject({ project: '合计', amount: 207245.6, isTotal: true });
    expect(sum(b.filter((r) => !r.isTotal).map((r) => r.amount!))).toBe(207245.6);
  });
});
