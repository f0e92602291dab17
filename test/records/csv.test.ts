/** records/<kind>.csv, datapackage.json and the CSV → records round trip. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyRecord, GenericRecord, RecordKind } from '../../src/model/records.ts';
import { tablesToRecords } from '../../src/records/index.ts';
import { kindToColumns, neutraliseFormula, parseRecordsCsv, recordsToCsvFiles, recordsToDataPackage, restoreFormula } from '../../src/write/records.ts';
import { extractSample } from '../helpers/samples.ts';
import { makeTable } from './build.ts';

let seed: AnyRecord[];
beforeAll(async () => {
  seed = tablesToRecords((await extractSample('seed')).tables).records;
});

/**
 * A CSV text without the document id (1st, empty on records built from tables alone) and the
 * source columns (page, x0, top, x1, bottom: 4th to 8th), none of them ever quoted.
 */
const noSource = (csv: string): string => csv.split('\n').map((l) => l.replace(/^[^,]*,([^,]*,[^,]*),[^,]*,[^,]*,[^,]*,[^,]*,[^,]*/, '$1')).join('\n');

const kindOf = (path: string): RecordKind => path.replace(/^records\/|\.csv$/g, '') as RecordKind;

describe('recordsToCsvFiles on the seed', () => {
  it('writes one file per kind present, header + one row per record, plain values', async () => {
    const files = await recordsToCsvFiles(seed);
    expect([...files.keys()]).toEqual(['records/budget-line.csv', 'records/village-assignment.csv', 'records/pairing.csv']);
    const budget = files.get('records/budget-line.csv')!;
    // every row points at its page and the box around its cells (PDF points, top-left origin)
    expect(budget.split('\n')[0]!.startsWith('document,table,row,page,x0,top,x1,bottom,')).toBe(true);
    const rows = budget.trim().split('\n').slice(1).map((l) => l.split(',').slice(3, 8).map(Number));
    expect(rows.map((r) => r[0])).toEqual([2, 2, 2]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![2]).toBeCloseTo(rows[i - 1]![4]!, 6); // rows stack: top = previous bottom
    expect(noSource(budget)).toBe(
      'table,row,level,budgetUnit,project,amount,amountUnit,amountYuan,isTotal,isSubtotal\n' +
        't1,0,合计,,,2368,万元,23680000,true,false\n' +
        't1,1,汉阳区,区直机关工委等预算单位,乡村振兴专项经费,618,万元,6180000,false,false\n' +
        't1,2,汉阳区,区政府办,结对帮扶资金,1750,万元,17500000,false,false\n',
    );
    const village = noSource(files.get('records/village-assignment.csv')!).split('\n');
    expect(village).toHaveLength(1 + 271 + 1);
    expect(village[1]).toBe('t2,1,1,1,一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）,黄陂区,姚家集街,12,市委办公厅,市委办公厅、汉口银行,双河村,false,false');
    expect(noSource(files.get('records/pairing.csv')!).split('\n')[2]).toBe('t3,1,恩施州,利川市,武汉经济技术开发区 (汉南区),false,false');
  });

  it('with bom: starts with EF BB BF and every file round-trips to the same records', async () => {
    const files = await recordsToCsvFiles(seed, { bom: true });
    for (const [path, text] of files) {
      expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const kind = kindOf(path);
      expect(await parseRecordsCsv(text, kind)).toEqual(seed.filter((r) => r.kind === kind));
    }
  });
});

describe('CSV injection', () => {
  const t = makeTable(
    ['预算单位', '项目名称', '预算数'],
    [['=SUM(A1)', '+1', '-12.5'], ['@x', "'=quoted", '7'], ['\tTab', '-', '']],
  );
  const records = tablesToRecords([t]).records;

  it('neutralises string cells starting with = + - @ tab, but not numbers', async () => {
    const csv = (await recordsToCsvFiles(records)).get('records/budget-line.csv')!;
    const rows = noSource(csv).split('\n');
    expect(rows[1]).toBe("t1,0,,'=SUM(A1),+1,-12.5,,,false,false");
    expect(rows[2]).toBe("t1,1,,'@x,''=quoted,7,,,false,false");
    expect(rows[3]).toBe("t1,2,,Tab,'-,,,,false,false"); // budget cells are trimmed
    expect(await parseRecordsCsv(csv, 'budget-line')).toEqual(records);
  });

  it('neutraliseFormula / restoreFormula: tab and CR too, reversible', () => {
    for (const s of ['=1', '+1+1', '-1-', '@a', '\tx', '\rx', "'=x", "''@x", '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-', '+']) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    }
    // numbers stay numbers, whatever their sign
    for (const s of ['a=1', "'a", '１', '', '-12.50', '+3', '-1,234.5', '-5%', '-1e3', '-.5']) {
      expect(neutraliseFormula(s)).toBe(s);
      expect(restoreFormula(s)).toBe(s);
    }
  });

  it('keeps them as they are with raw', async () => {
    const csv = (await recordsToCsvFiles(records, { raw: true })).get('records/budget-line.csv')!;
    expect(noSource(csv).split('\n')[1]).toBe('t1,0,,=SUM(A1),+1,-12.5,,,false,false');
    expect(await parseRecordsCsv(csv, 'budget-line', { raw: true })).toEqual(records);
  });
});

describe('generic records', () => {
  it('one generic.csv with the union of header keys; quoting; round trip over two tables', async () => {
    const a = makeTable(['名称', '备注'], [['甲, "乙"', '多\n行'], ['丙', '']], { id: 't1' });
    const b = makeTable(['名称', '数量'], [['丁', '=1+1'], ['\t戊', '-3']], { id: 't2' });
    const records = tablesToRecords([a, b]).records;
    const files = await recordsToCsvFiles(records);
    const csv = files.get('records/generic.csv')!;
    expect(noSource(csv).startsWith('table,row,section,isTotal,isSubtotal,名称,备注,数量\nt1,0,false,false,false,"甲, ""乙""","多\n行",\n')).toBe(true);
    expect(await parseRecordsCsv(csv, 'generic', { columns: kindToColumns('generic', records, tablesToRecords([a, b]).tables) })).toEqual(records);
  });

  it('numeric columns are typed and written bare; a total row is flagged; the round trip keeps the numbers', async () => {
    const t = makeTable(
      ['项目', '预算数（万元）', '执行率', '序号'],
      [['甲', '１，２００．５０', '95.7%', '1'], ['乙', '', '80%', '2'], ['合 计', '1,200.50', '90.2%', '']],
      { unit: '单位：元' },
    );
    const res = tablesToRecords([t]);
    expect(res.tables[0]!.columns).toEqual([
      { key: '项目', type: 'string', unit: null },
      { key: '预算数（万元）', type: 'number', unit: '万元' }, // the header's unit wins over the unit line
      { key: '执行率', type: 'percent', unit: null },
      { key: '序号', type: 'integer', unit: null },
    ]);
    const g = res.records as GenericRecord[];
    expect(g.map((r) => [r.isTotal, r.isSubtotal])).toEqual([[false, false], [false, false], [true, false]]);
    expect(g[0]!.values).toEqual({ 项目: '甲', '预算数（万元）': 1200.5, 执行率: 95.7, 序号: 1 });
    expect(g[1]!.values['预算数（万元）']).toBeNull();
    expect(g[0]!.amountYuan).toEqual({ '预算数（万元）': 12005000 });
    const cols = kindToColumns('generic', g, res.tables);
    const csv = (await recordsToCsvFiles(g, {}, res.tables)).get('records/generic.csv')!;
    expect(noSource(csv).split('\n')[1]).toBe('t1,0,false,false,false,甲,1200.5,95.7,1,12005000');
    expect(await parseRecordsCsv(csv, 'generic', { columns: cols })).toEqual(g);
    const fields = (recordsToDataPackage(g, {}, res.tables) as { resources: { schema: { fields: Record<string, unknown>[] } }[] }).resources[0]!.schema.fields;
    expect(fields.find((f) => f.name === '预算数（万元）')).toMatchObject({ type: 'number', unit: '万元', bareNumber: true });
    expect(fields.find((f) => f.name === '执行率')).toMatchObject({ type: 'number', unit: '%' });
    expect(fields.find((f) => f.name === '序号')).toMatchObject({ type: 'integer' });
    expect(fields.find((f) => f.name === '预算数（万元） [元]')).toMatchObject({ type: 'number', unit: '元' });
  });

  it('one cell that does not parse keeps the whole column text; nothing is dropped', () => {
    const t = makeTable(['项目', '金额'], [['甲', '12.5'], ['乙', '见附件'], ['丙', '3']]);
    const res = tablesToRecords([t]);
    expect(res.tables[0]!.columns![1]).toEqual({ key: '金额', type: 'string', unit: null });
    expect((res.records as GenericRecord[]).map((r) => r.values['金额'])).toEqual(['12.5', '见附件', '3']);
  });
});

describe('recordsToDataPackage', () => {
  it('describes one tabular resource per CSV with types, titles and the amount unit', () => {
    const dp = recordsToDataPackage(seed) as {
      profile: string;
      resources: { name: string; path: string; format: string; encoding: string; schema: { fields: Record<string, unknown>[] } }[];
    };
    expect(dp.profile).toBe('tabular-data-package');
    expect(dp.resources.map((r) => [r.name, r.path, r.format, r.encoding])).toEqual([
      ['budget-line', 'records/budget-line.csv', 'csv', 'utf-8'],
      ['village-assignment', 'records/village-assignment.csv', 'csv', 'utf-8'],
      ['pairing', 'records/pairing.csv', 'csv', 'utf-8'],
    ]);
    const budget = dp.resources[0]!.schema.fields;
    expect(budget.map((f) => f.name)).toEqual(['document', 'table', 'row', 'page', 'x0', 'top', 'x1', 'bottom', 'level', 'budgetUnit', 'project', 'amount', 'amountUnit', 'amountYuan', 'isTotal', 'isSubtotal']);
    expect(budget.find((f) => f.name === 'amount')).toEqual({ name: 'amount', type: 'number', title: '金额', unit: '万元' });
    expect(budget.find((f) => f.name === 'isTotal')).toMatchObject({ type: 'boolean' });
    expect(dp.resources[1]!.schema.fields.find((f) => f.name === 'seq')).toMatchObject({ type: 'integer', title: '序号' });
    expect((recordsToDataPackage(seed, { bom: true }) as typeof dp).resources[0]!.encoding).toBe('utf-8-sig');
  });

  it('notes mixed amount units', () => {
    const t = makeTable(['单位', '金额'], [['甲', '5万元'], ['乙', '3元']]);
    const dp = recordsToDataPackage(tablesToRecords([t]).records) as { resources: { schema: { fields: Record<string, unknown>[] } }[] };
    expect(dp.resources[0]!.schema.fields.find((f) => f.name === 'amount')).toMatchObject({ unit: 'mixed' });
  });
});
