/** Records from the REAL tables extracted from samples/seed/seed.pdf (and the Type 3 twin). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLine, Pairing, VillageAssignment } from '../../src/model/records.ts';
import { AnyRecordSchema } from '../../src/model/records.ts';
import type { Table } from '../../src/model/types.ts';
import { cellEvidence, tablesToRecords, type RecordsResult } from '../../src/records/index.ts';
import { extractSample } from '../helpers/samples.ts';

let tables: Table[];
let result: RecordsResult;
const budget = (): BudgetLine[] => result.records.filter((r): r is BudgetLine => r.kind === 'budget-line');
const villages = (): VillageAssignment[] => result.records.filter((r): r is VillageAssignment => r.kind === 'village-assignment');
const pairings = (): Pairing[] => result.records.filter((r): r is Pairing => r.kind === 'pairing');

beforeAll(async () => {
  tables = (await extractSample('seed')).tables;
  result = tablesToRecords(tables);
});

describe('seed: tables recognised by header', () => {
  it('t1 budget-line, t2 village-assignment, t3 pairing; no findings; every record valid', () => {
    expect(result.tables).toEqual([
      { table: 't1', kind: 'budget-line' },
      { table: 't2', kind: 'village-assignment' },
      { table: 't3', kind: 'pairing' },
    ]);
    expect(result.findings).toEqual([]);
    for (const r of result.records) expect(() => AnyRecordSchema.parse(r)).not.toThrow();
  });
});

describe('seed: budget lines', () => {
  it('gives 3 records: total 2368 = 618 + 1750, unit 万元 from the unit line', () => {
    const b = budget();
    expect(b.map((r) => [r.amount, r.amountUnit, r.isTotal])).toEqual([
      [2368, '万元', true],
      [618, '万元', false],
      [1750, '万元', false],
    ]);
    expect(b[1]).toMatchObject({ level: '汉阳区', budgetUnit: '区直机关工委等预算单位', project: '乡村振兴专项经费', row: 1 });
    expect(b[2]).toMatchObject({ level: '汉阳区', budgetUnit: '区政府办', project: '结对帮扶资金' });
    expect(b[0]).toMatchObject({ budgetUnit: null, project: null });
  });
});

describe('seed: village assignments', () => {
  it('gives 271 records with 序号 1..271 in order, in 22 sections', () => {
    const v = villages();
    expect(v).toHaveLength(271);
    expect(v.map((r) => r.seq)).toEqual(Array.from({ length: 271 }, (_, i) => i + 1));
    expect([...new Set(v.map((r) => r.section))]).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('reads each section row: district, street, declared count, lead unit (hand-checked)', () => {
    const first = (section: number): VillageAssignment => villages().find((r) => r.section === section)!;
    expect(first(1)).toMatchObject({ district: '黄陂区', street: '姚家集街', declaredCount: 12, leadUnit: '市委办公厅' });
    expect(first(3)).toMatchObject({ district: '蔡甸区', street: '侏儒山街', declaredCount: 22, leadUnit: '市人大常委会办公厅' });
    expect(first(8)).toMatchObject({ district: '黄陂区', street: '木兰乡', declaredCount: 12, leadUnit: '市科技局' });
    // '15 村' without 个; the street itself ends in 街
    expect(first(13)).toMatchObject({ district: '新洲区', street: '旧街街', declaredCount: 15, leadUnit: '市教育局' });
    expect(first(17)).toMatchObject({ district: '新洲区', street: '凤凰镇', declaredCount: 5, leadUnit: '市委组织部' });
    // '滂塘街7个村' without spaces
    expect(first(18)).toMatchObject({ district: '新洲区', street: '滂塘街', declaredCount: 7, leadUnit: '市发改委' });
    expect(first(20)).toMatchObject({ district: '蔡甸区', street: '消泗乡', declaredCount: 12, leadUnit: '市自然资源规划局' });
    expect(first(22)).toMatchObject({ district: '江夏区', street: '湖泗街', declaredCount: 14, leadUnit: '市交通运输局' });
    expect(first(13).sectionTitle).toBe('十三、新洲区旧街街 15 村（牵头单位：市教育局）');
  });

  it('the declared counts match the rows of every section', () => {
    const bySection = new Map<number, VillageAssignment[]>();
    for (const r of villages()) bySection.set(r.section!, [...(bySection.get(r.section!) ?? []), r]);
    for (const [s, rs] of bySection) expect(rs.length, `section ${s}`).toBe(rs[0]!.declaredCount);
  });

  it('splits 派出单位 on 、 and keeps the village as printed', () => {
    const v = villages();
    expect(v[0]).toMatchObject({ seq: 1, units: ['市委办公厅', '汉口银行'], village: '双河村', section: 1 });
    expect(v[2]!.units).toEqual(['临空港开发区（东西湖区）']);
    expect(v.find((r) => r.seq === 28)!.units).toEqual(['市人大常委会办公厅', '武汉产业投资发展集团有限公司']);
    expect(v.find((r) => r.seq === 29)).toMatchObject({ units: ['市城建局'], village: '镇宁堡村' });
    expect(v.filter((r) => r.units.length === 2).length).toBeGreaterThan(10);
    expect(v.every((r) => r.units.length >= 1 && r.village.endsWith('村'))).toBe(true);
  });

  it('record.row points at the table row (its cell evidence holds the 序号)', () => {
    const t2 = tables.find((t) => t.id === 't2')!;
    for (const r of villages().filter((x) => x.seq! % 50 === 0)) {
      expect(t2.rowKinds[r.row]).toBe('body');
      expect(cellEvidence(t2, r.row, 0).text).toBe(String(r.seq));
    }
  });
});

describe('seed: pairings', () => {
  it('one record per (county, district): 15 distinct districts, 9 counties', () => {
    const p = pairings();
    expect(p).toHaveLength(15);
    expect(new Set(p.map((r) => r.district)).size).toBe(15);
    expect(new Set(p.map((r) => r.county)).size).toBe(9);
    expect(new Set(p.map((r) => r.prefecture))).toEqual(new Set(['恩施州', '宜昌市']));
  });

  it('splits the space-separated cell and keeps bracketed aliases with their name', () => {
    const p = pairings();
    expect(p.filter((r) => r.county === '建始县').map((r) => r.district)).toEqual(['洪山区', '东湖生态旅游风景区']);
    expect(p.filter((r) => r.county === '利川市').map((r) => r.district)).toEqual(['武汉经济技术开发区 (汉南区)']);
    expect(p.filter((r) => r.county === '来凤县')).toEqual([
      { kind: 'pairing', table: 't3', row: 6, prefecture: '恩施州', county: '来凤县', district: '汉阳区', page: 34, bbox: expect.objectContaining({ x0: expect.closeTo(68.44, 2) }), isTotal: false, isSubtotal: false },
      { kind: 'pairing', table: 't3', row: 6, prefecture: '恩施州', county: '来凤县', district: '蔡甸区', page: 34, bbox: expect.objectContaining({ x0: expect.closeTo(68.44, 2) }), isTotal: false, isSubtotal: false },
    ]);
    expect(p.find((r) => r.county === '五峰县')).toMatchObject({ prefecture: '宜昌市', district: '武昌区' });
  });
});

describe('seed-type3: the same records from the Type 3 (Kangxi radical) print', () => {
  it('equals the seed records', async () => {
    const t3 = tablesToRecords((await extractSample('seed-type3')).tables);
    expect(t3.records).toEqual(result.records);
  });
});
