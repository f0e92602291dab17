/** Records from synthetic tables: signatures, findings with evidence, section rows, pairing splits. */
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../src/model/findings.ts';
import type { BudgetLine, GenericRecord, VillageAssignment } from '../../src/model/records.ts';
import {
  cellEvidence,
  headerToKeys,
  headerToSignature,
  parseSectionTitle,
  splitArea,
  splitDistricts,
  tablesToRecords,
} from '../../src/records/index.ts';
import { makeTable } from './build.ts';

describe('headerToSignature', () => {
  it('recognises each kind from header words, ignoring spaces, in any column order', () => {
    expect(headerToSignature(['级 次', '预算单位', '项目名称', '预算数（万元）'])).toEqual({
      kind: 'budget-line', columns: { level: 0, budgetUnit: 1, project: 2, amount: 3 },
    });
    expect(headerToSignature(['部门', '金额'])).toMatchObject({ kind: 'budget-line', columns: { budgetUnit: 0, amount: 1 } });
    expect(headerToSignature(['单位名称', '资金（元）', '项目'])).toMatchObject({
      kind: 'budget-line', columns: { budgetUnit: 0, amount: 1, project: 2 },
    });
    expect(headerToSignature(['派驻村', '序 号', '派出单位'])).toEqual({
      kind: 'village-assignment', columns: { seq: 1, units: 2, village: 0 },
    });
    expect(headerToSignature(['序号', '选派单位', '驻村'])).toMatchObject({ kind: 'village-assignment' });
    expect(headerToSignature(['序号', '单位', '村名'])).toMatchObject({ kind: 'village-assignment' });
    expect(headerToSignature(['重点帮扶地区', '结对帮扶区'])).toEqual({ kind: 'pairing', columns: { area: 0, helpers: 1 } });
    expect(headerToSignature(['帮扶地区', '结对帮扶单位'])).toMatchObject({ kind: 'pairing' });
    expect(headerToSignature(['帮扶地区', '结对区'])).toMatchObject({ kind: 'pairing' });
    // a 派出单位 table without an amount is not a budget; an amount without an organisation is generic
    expect(headerToSignature(['序号', '派出单位', '备注'])).toEqual({ kind: 'generic' });
    expect(headerToSignature(['乡镇', '补助金额'])).toEqual({ kind: 'generic' });
    expect(headerToSignature([])).toEqual({ kind: 'generic' });
  });
});

describe('budget lines', () => {
  it('an unparseable amount → error finding with the cell evidence; amount null; the row is kept', () => {
    const t = makeTable(
      ['预算单位', '项目名称', '预算数（万元）'],
      [['合 计', '', '30'], ['甲单位', '一', '１０'], ['乙单位', '二', '约二十'], ['丙单位', '三', '—']],
      { id: 't7', unit: '单位：元' },
    );
    const res = tablesToRecords([t]);
    const b = res.records as BudgetLine[];
    expect(b.map((r) => [r.budgetUnit, r.amount, r.amountUnit, r.isTotal])).toEqual([
      ['合 计', 30, '万元', true], // header unit wins over the unit line; spaces ignored for 合计
      ['甲单位', 10, '万元', false],
      ['乙单位', null, '万元', false],
      ['丙单位', null, '万元', false], // '—' is empty: no finding
    ]);
    expect(res.findings).toHaveLength(1);
    const f = FindingSchema.parse(res.findings[0]);
    expect(f).toMatchObject({ rule: 'record.unparseable-value', severity: 'error', actual: '约二十' });
    expect(f.message).toContain('t7');
    expect(f.message).toContain('预算数（万元）');
    expect(f.message).toContain('row 3');
    expect(f.evidence).toEqual([{ page: 1, bbox: { x0: 250, x1: 350, top: 160, bottom: 180 }, text: '约二十' }]);
  });

  it("an amount printed with a note ('1250 含结转') is info, not an error: the page is not wrong; the amount is left out", () => {
    const t = makeTable(['预算单位', '项目名称', '预算数'], [['甲单位', '一', '1250 含结转'], ['乙单位', '二', '300（含追加50）'], ['丙单位', '三', '约二十']]);
    const res = tablesToRecords([t]);
    expect((res.records as BudgetLine[]).map((r) => r.amount)).toEqual([null, null, null]);
    expect(res.findings.map((f) => [f.severity, f.actual])).toEqual([
      ['info', '1250 含结转'],
      ['info', '300（含追加50）'],
      ['error', '约二十'],
    ]);
    expect(res.findings[0]!.message).toContain('含结转');
  });

  it('takes the unit from the unit line when the header names none, and from the cell when it says one', () => {
    const t = makeTable(['单位', '金额'], [['甲', '5'], ['乙', '2亿元']], { unit: '单位：万元' });
    expect((tablesToRecords([t]).records as BudgetLine[]).map((r) => [r.amount, r.amountUnit])).toEqual([
      [5, '万元'],
      [2, '亿元'],
    ]);
  });
});

describe('village assignments', () => {
  it('section rows set the context; an empty or unreadable 序号 → finding, seq null, row kept', () => {
    const t = makeTable(
      ['序号', '派出单位', '派驻村'],
      [
        ['二、某某区某某镇（牵头单位：甲局）', '', ''],
        ['1', '甲局、 乙公司 、丙厂', '东村'],
        ['', '丁局', '西村'],
        ['x3', '戊局', '南村'],
      ],
      { kinds: ['section', 'body', 'body', 'body'] },
    );
    const res = tablesToRecords([t]);
    const v = res.records as VillageAssignment[];
    expect(v).toHaveLength(3);
    expect(v[0]).toMatchObject({
      row: 1, seq: 1, section: 2, district: '某某区', street: '某某镇', declaredCount: null, leadUnit: '甲局',
      units: ['甲局', '乙公司', '丙厂'], village: '东村', sectionTitle: '二、某某区某某镇（牵头单位：甲局）',
    });
    expect(v.map((r) => r.seq)).toEqual([1, null, null]);
    expect(res.findings.map((f) => [f.rule, f.actual, f.evidence[0]!.bbox.top])).toEqual([
      ['record.unparseable-value', '', 160],
      ['record.unparseable-value', 'x3', 180],
    ]);
  });

  it('parses section titles with or without 个, spaces, count, district', () => {
    expect(parseSectionTitle('十八、新洲区滂塘街7个村（牵头单位：市发改委）')).toMatchObject({
      section: 18, district: '新洲区', street: '滂塘街', declaredCount: 7, leadUnit: '市发改委',
    });
    expect(parseSectionTitle('十三、新洲区旧街街 15 村（牵头单位：市教育局）')).toMatchObject({
      section: 13, street: '旧街街', declaredCount: 15,
    });
    expect(parseSectionTitle('一百零五、甲县乙乡 十二 个村 (牵头单位: 丙委)')).toMatchObject({
      section: 105, district: '甲县', street: '乙乡', declaredCount: 12, leadUnit: '丙委',
    });
    expect(parseSectionTitle('三、丁街道 4 个村')).toMatchObject({ section: 3, district: null, street: '丁街道', declaredCount: 4, leadUnit: null });
    expect(parseSectionTitle('其他')).toMatchObject({ section: null, district: null, title: '其他' });
  });
});

describe('pairings', () => {
  it('splits prefecture and county', () => {
    expect(splitArea('恩施州来凤县')).toEqual({ prefecture: '恩施州', county: '来凤县' });
    expect(splitArea('宜昌市五峰县')).toEqual({ prefecture: '宜昌市', county: '五峰县' });
    expect(splitArea('荆州市沙市区')).toEqual({ prefecture: '荆州市', county: '沙市区' });
    expect(splitArea('锡林郭勒盟 正蓝旗')).toEqual({ prefecture: '锡林郭勒盟', county: '正蓝旗' });
    expect(splitArea('利川市')).toEqual({ prefecture: null, county: '利川市' });
  });

  it('splits districts on 、，, and spaces, keeping bracketed aliases', () => {
    expect(splitDistricts('洪山区 东湖生态旅游风景区')).toEqual(['洪山区', '东湖生态旅游风景区']);
    expect(splitDistricts('武汉经济技术开发区 (汉南区)')).toEqual(['武汉经济技术开发区 (汉南区)']);
    expect(splitDistricts('武汉经济技术开发区（汉南区）、江夏区')).toEqual(['武汉经济技术开发区（汉南区）', '江夏区']);
    expect(splitDistricts('甲区，乙区,丙区  丁区（戊 区）')).toEqual(['甲区', '乙区', '丙区', '丁区（戊 区）']);
    expect(splitDistricts('')).toEqual([]);
  });

  it('a county cell merged down over two rows pairs with both rows', () => {
    const t = makeTable(['重点帮扶地区', '结对帮扶区'], [['甲州乙县', '丙区'], ['', '丁区']]);
    const area = t.cells.find((c) => c.row === 0 && c.col === 0)!;
    area.rowSpan = 2;
    t.cells = t.cells.filter((c) => !(c.row === 1 && c.col === 0));
    const res = tablesToRecords([t]);
    expect(res.records.map((r) => (r.kind === 'pairing' ? `${r.county}-${r.district}` : ''))).toEqual(['乙县-丙区', '乙县-丁区']);
    expect(cellEvidence(t, 1, 0).text).toBe('甲州乙县');
  });
});

describe('generic records and evidence', () => {
  it('keys values by header with suffixes for repeats; section flag', () => {
    expect(headerToKeys(['名称', '数量', '数量', '', '数量'])).toEqual(['名称', '数量', '数量 (2)', 'column 4', '数量 (3)']);
    const t = makeTable(['名称', '数量', '数量'], [['一、甲类', '', ''], ['苹果', '1', '2']], { kinds: ['section', 'body'] });
    const g = tablesToRecords([t]).records as GenericRecord[];
    expect(g.map((r) => r.page)).toEqual([1, 1]);
    expect(g[1]!.bbox).toEqual({ x0: 50, top: 140, x1: 350, bottom: 160 }); // three 100-pt columns from x 50
    expect(g.map(({ page: _p, bbox: _b, ...r }) => r)).toEqual([
      { kind: 'generic', table: 't1', row: 0, section: true, isTotal: false, isSubtotal: false, values: { 名称: '一、甲类', 数量: null, '数量 (2)': null }, amountYuan: {} },
      { kind: 'generic', table: 't1', row: 1, section: false, isTotal: false, isSubtotal: false, values: { 名称: '苹果', 数量: 1, '数量 (2)': 2 }, amountYuan: {} },
    ]);
  });

  it('cellEvidence finds header cells (negative rows), spanning cells, and falls back to the row', () => {
    const t = makeTable(['a', 'b'], [['一、节', ''], ['1', '2']], { kinds: ['section', 'body'] });
    expect(cellEvidence(t, -1, 1)).toMatchObject({ text: 'b', bbox: { x0: 150, top: 100 } });
    expect(cellEvidence(t, 0, 1)).toMatchObject({ text: '一、节', bbox: { x0: 50, x1: 250 } });
    t.cells = t.cells.filter((c) => !(c.row === 1 && c.col === 1));
    expect(cellEvidence(t, 1, 1)).toEqual({ page: 1, bbox: { x0: 50, x1: 150, top: 140, bottom: 160 }, text: '2' });
  });
});
