/**
 * Subject tables (科目表): the committed samples subject-table (clean, one rounding-only difference)
 * and subject-planted (款 20106 no longer equals its 项) against their hand-checked
 * expected/findings.json; the subject tree and budget-subject records of the same table; and the
 * two shapes of real disclosures that gave false errors before (every level added up; a 小计 named
 * after its group compared with the 收入总计 row above it), rebuilt on the sample's table.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/model/findings.ts';
import type { Table } from '../../src/model/types.ts';
import { runChecks } from '../../src/checks/index.ts';
import { runSum } from '../../src/checks/rules/sum.ts';
import { cellEvidence } from '../../src/checks/evidence.ts';
import { subjectTree, subjectTrees } from '../../src/records/subjects.ts';
import { tablesToRecords } from '../../src/records/index.ts';
import { kindToColumns, parseRecordsCsv, recordsToCsvFiles } from '../../src/write/records.ts';
import type { SubjectFinding } from '../../samples/generate/subject-table.ts';
import { SAMPLES } from '../helpers/samples.ts';
import { sampleInput, setCell, table } from './fixtures.ts';
import { input, paragraph, simpleTable } from './synthetic.ts';

const expectedOf = (name: string): SubjectFinding[] =>
  JSON.parse(readFileSync(join(SAMPLES, name, 'expected', 'findings.json'), 'utf8')) as SubjectFinding[];

const sumFindings = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.rule.startsWith('sum.'));

/** The finding's first evidence is the stated cell, the others the parts' cells that print a number. */
function expectOnCells(f: Finding, t: Table, e: SubjectFinding): void {
  expect(f.evidence[0]).toEqual(cellEvidence(t, e.row, e.col));
  const numbered = e.parts.filter((r) => (t.rows[r]?.[e.col] ?? '').trim() !== '');
  expect(f.evidence.slice(1)).toEqual(numbered.map((r) => cellEvidence(t, r, e.col)));
}

describe.each(['subject-table', 'subject-planted'])('%s', (name) => {
  it('gives exactly the hand-checked sum findings, on the right cells', async () => {
    const input = await sampleInput(name);
    const t = table(input, 't1');
    const found = sumFindings(runChecks(input).findings);
    const want = expectedOf(name);
    expect(found.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual(want.map((e) => [e.rule, e.severity, e.actual, e.expected]));
    found.forEach((f, i) => {
      const e = want[i]!;
      expect(t.rows[e.row]![e.col]).toBe(e.actual);
      expect(f.message).toContain(e.code);
      expectOnCells(f, t, e);
    });
  });

  it('builds the subject tree from codes printed partly over 类/款/项', async () => {
    const input = await sampleInput(name);
    const t = table(input, 't1');
    const tree = subjectTree(t)!;
    expect(tree.codeColumns).toEqual([0, 1, 2]);
    expect(tree.nameColumn).toBe(3);
    expect(tree.amountColumns).toEqual([4, 5, 6]);
    expect(tree.totalRows).toEqual([0]);
    expect(tree.nodes.map((n) => n.code)).toEqual([
      '201', '20103', '2010301', '2010302', '2010350', '20106', '2010601', '2010699',
      '208', '20805', '2080501', '2080505', '221', '22102', '2210201', '2210203',
    ]);
    expect(tree.roots.map((r) => t.rows[r]![0])).toEqual(['201', '208', '221']);
    const at = (code: string) => tree.nodes.find((n) => n.code === code)!;
    expect(at('20106').children.map((r) => at(tree.nodes.find((n) => n.row === r)!.code).name)).toEqual(['行政运行', '其他财政事务支出']);
    // every child extends its parent's code by two digits
    for (const n of tree.nodes) if (n.parent !== null) expect(n.code.slice(0, -2)).toBe(tree.nodes.find((p) => p.row === n.parent)!.code);
  });

  it('gives one typed budget-subject record per subject row and amount column', async () => {
    const input = await sampleInput(name);
    const recs = tablesToRecords(input.tables).records.filter((r) => r.kind === 'budget-subject');
    expect(recs).toHaveLength(16 * 3);
    const r = recs.find((x) => x.kind === 'budget-subject' && x.code === '2080505' && x.header === '基本支出');
    expect(r).toMatchObject({ level: 3, parent: '20805', name: '机关事业单位基本养老保险缴费支出', amount: 61.27, amountUnit: '万元', page: 1, table: 't1' });
    // numbers are numbers, empty cells null: the 项 of each 款 add up to it except where the sample says not
    const amount = (code: string, header: string) => recs.find((x) => x.kind === 'budget-subject' && x.code === code && x.header === header)!;
    expect(amount('2010302', '基本支出')).toMatchObject({ amount: null });
    expect(amount('20805', '合计').amount).toBeCloseTo(35.12 + 61.27, 6);
    expect(amount('20805', '合计').amountYuan).toBeCloseTo((35.12 + 61.27) * 1e4, 4);
    // traceable like every record: the row's box on its page; a subject row is never a total
    expect(r!.bbox!.x1).toBeGreaterThan(r!.bbox!.x0);
    expect(recs.every((x) => x.kind === 'budget-subject' && !x.isTotal && !x.isSubtotal)).toBe(true);
  });

  it('writes budget-subject.csv with each column once, and reads it back to the same records', async () => {
    const input = await sampleInput(name);
    const { records } = tablesToRecords(input.tables);
    const names = kindToColumns('budget-subject', records).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const csv = (await recordsToCsvFiles(records)).get('records/budget-subject.csv')!;
    expect(csv.split('\n')[0]!.split(',').filter((h) => h === 'page')).toHaveLength(1);
    expect(await parseRecordsCsv(csv, 'budget-subject')).toEqual(records.filter((x) => x.kind === 'budget-subject'));
  });
});

describe('subject tables: the false errors of real disclosures', () => {
  it('never adds every level together: the clean table has no sum error and verifies 合计 against its 3 类', async () => {
    const input = await sampleInput('subject-table');
    const r = runSum(input);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.verified.some((v) => v.includes('「合计」行') && v.includes('865.31 = 708.15 + 96.39 + 60.77'))).toBe(true);
  });

  it('a difference larger than the printed rounding is an error, not a sum.rounding info', async () => {
    const input = await sampleInput('subject-table');
    const t = table(input, 't1');
    // 款 22102 60.77 vs 48.66 + 12.10: 0.01 is within 2 × 0.01; 60.79 (0.03) is not
    setCell(t, 14, 4, '60.79');
    const found = sumFindings(runSum(input).findings).filter((f) => f.evidence[0]!.text === '60.79');
    // against its 项 (0.03 over 2 parts) and against 基本支出 + 项目支出 on its own row (60.77): both errors
    expect(found.map((f) => [f.rule, f.severity, f.expected])).toEqual([
      ['sum.total-mismatch', 'error', '60.76'],
      ['sum.total-mismatch', 'error', '60.77'],
    ]);
  });

  it('a 小计 named after its group adds the rows below it, not the 收入总计 row above', () => {
    const t = simpleTable('t1', 1, ['项目', '项目', '金额'], [
      ['收入总计', '', '100.00'],
      ['财政拨款', '小计', '60.00'],
      ['', '一般公共预算拨款', '60.00'],
      ['其他资金', '小计', '40.00'],
      ['', '事业收入', '40.00'],
    ]);
    const r = runSum(input([], [t]));
    expect(r.findings).toEqual([]);
    expect(r.verified).toEqual(expect.arrayContaining(['t1 金额: 60.00 = 60.00', 't1 金额: 40.00 = 40.00']));
  });
});

describe('subject table shapes of a second province (invented figures)', () => {
  it('类/款 economic lists side by side, 类 repeated on each 款 row, 款 without its leading zero', () => {
    const h = ['经济分类/科目编码/类', '经济分类/科目编码/款', '科目名称', '决算数'];
    const t = simpleTable('t1', 1, [...h, ...h], [
      ['301', '', '工资福利支出', '30.00', '302', '', '商品和服务支出', '12.00'],
      ['301', '1', '基本工资', '10.00', '302', '01', '办公费', '5.00'],
      ['301', '2', '津贴补贴', '20.00', '302', '11', '差旅费', '7.00'],
      ['303', '', '对个人和家庭的补助', '4.00', '310', '', '资本性支出', '3.00'],
      ['303', '02', '退休费', '4.00', '310', '02', '办公设备购置', '3.00'],
      ['人员经费合计', '', '', '34.00', '公用经费合计', '', '', '15.00'],
    ]);
    const trees = subjectTrees(t);
    expect(trees.map((x) => [x.codeColumns, x.nameColumn, x.amountColumns, x.totalRows])).toEqual([
      [[0, 1], 2, [3], [5]],
      [[4, 5], 6, [7], [5]],
    ]);
    expect(trees[0]!.nodes.map((n) => n.code)).toEqual(['301', '30101', '30102', '303', '30302']);
    expect(trees[1]!.roots.map((r) => trees[1]!.nodes.find((n) => n.row === r)!.code)).toEqual(['302', '310']);
    const r = runSum(input([], [t]));
    expect(r.findings).toEqual([]);
    expect(r.verified).toEqual(expect.arrayContaining(['t1 决算数 「合计」行: 34.00 = 30.00 + 4.00', 't1 决算数 「合计」行: 15.00 = 12.00 + 3.00']));
    // one slip in the right-hand list: 302's 款 no longer add up, and only there
    setCell(t, 2, 7, '9.00');
    const slip = runSum(input([], [t])).findings;
    expect(slip.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['sum.total-mismatch', 'error', '12.00', '14.00']]);
    expect(slip[0]!.evidence.map((e) => e.text)).toEqual(['12.00', '5.00', '9.00']);
  });

  it('类/款/项 named by the first body row (a header row read as body) beside the 合计 label', () => {
    const t = simpleTable('t1', 1, ['科目编码', '科目编码', '科目编码', '科目名称', '本年收入合计'], [
      ['类', '款', '项', '合计', '25.00'],
      ['201', '', '', '一般公共服务支出', '25.00'],
      ['201', '06', '', '财政事务', '25.00'],
      ['201', '06', '01', '行政运行', '20.00'],
      ['201', '06', '02', '一般行政管理事务', '5.00'],
    ]);
    const tree = subjectTree(t)!;
    expect(tree.codeColumns).toEqual([0, 1, 2]);
    expect(tree.totalRows).toEqual([0]);
    expect(tree.nodes.map((n) => `${n.code}:${n.level}`)).toEqual(['201:1', '20106:2', '2010601:3', '2010602:3']);
    expect(runSum(input([], [t])).findings).toEqual([]);
  });

  it('a total printed coarser than its parts: one unit of its own last digit is rounding', () => {
    const t = simpleTable('t1', 1, ['科目编码', '科目名称', '金额'], [
      ['合计', '', '1,001'],
      ['201', '一般公共服务支出', '600.34'],
      ['20101', '人大事务', '600.34'],
      ['208', '社会保障和就业支出', '400.30'],
      ['20805', '行政事业单位养老支出', '400.30'],
    ]);
    const f = runSum(input([], [t])).findings;
    expect(f.map((x) => [x.rule, x.severity, x.actual, x.expected])).toEqual([['sum.rounding', 'info', '1,001', '1000.64']]);
  });
});

describe('the 情况说明 of a disclosure', () => {
  it('an amount with a thousands comma is one item of a 、-list, not two clauses', () => {
    const ps = [paragraph(1, ['2025年度政府采购支出预算总额1,500.20万元，其中：拟采购货物支出200万元、拟采购工程支出0万元、拟购买服务支出1,300.20万元。'])];
    const r = runSum(input(ps, []));
    expect(r.findings).toEqual([]);
    expect(r.verified).toEqual(['1,500.20 = 200 + 0 + 1,300.20 (万元, p.1 text)']);
  });
});
