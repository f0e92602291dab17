/**
 * 部门预算公开 checks on the committed disclosure samples (samples/disclosure*: an invented
 * disclosure printed by Chromium and variants with one planted problem each): the clean one gives
 * no disclosure finding and runs every identity; each variant gives exactly its expected finding,
 * with evidence on the cells and phrases involved. Plus title recognition across year/province
 * wordings and 决算 titles.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import { cellEvidence } from '../../src/checks/evidence.ts';
import { kindOfTitle, setOfTitle } from '../../src/checks/disclosure/tables.ts';
import { disclosuresOf, namedAmounts } from '../../src/checks/disclosure/document.ts';
import type { Finding } from '../../src/model/findings.ts';
import { expected } from '../helpers/samples.ts';
import { sampleInput, table } from './fixtures.ts';
import { gongwen, input, simpleTable } from './synthetic.ts';

interface ExpectedFinding {
  rule: string;
  severity: Finding['severity'];
  evidence: string[];
  expected: string | null;
  actual: string | null;
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const disclosureFindings = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.rule.startsWith('disclosure.'));

describe('disclosure samples', () => {
  it('the clean 部门预算公开: all eight tables recognised, every identity and text figure holds, no finding', async () => {
    const input = await sampleInput('disclosure');
    const [d] = disclosuresOf(input);
    expect(d).toMatchObject({ set: 'budget', claim: '青禾县农业农村局2024年部门预算公开' });
    expect(d!.recognised.map((r) => r.kind)).toEqual([
      'income-expense', 'income', 'expense', 'fiscal-income-expense', 'general-expense', 'general-basic', 'three-public', 'fund-expense',
    ]);
    const n = namedAmounts(d!);
    expect(n.incomeGrand?.value.value).toBe(1280);
    expect(n.threeTotal?.value.value).toBe(36.5);
    const { findings, summary } = runChecks(input);
    expect(disclosureFindings(findings)).toEqual([]);
    const rule = (id: string) => summary.rules.find((r) => r.rule === id)!;
    expect(rule('disclosure.identity')).toMatchObject({ checked: 7, passed: 7 });
    expect(rule('disclosure.missing-table')).toMatchObject({ checked: 8, passed: 8 });
    expect(rule('disclosure.text-figure').checked).toBeGreaterThanOrEqual(4);
    expect(rule('disclosure.text-figure').failed).toBe(0);
    expect(rule('disclosure.identity').verified).toContain(
      '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费: 合计 36.50 万元 = 因公出国（境）费 5.00 万元 + 公务用车购置及运行费 24.00 万元 + 公务接待费 7.50 万元',
    );
  });

  for (const name of ['disclosure-identity', 'disclosure-fiscal', 'disclosure-basic', 'disclosure-text', 'disclosure-yoy', 'disclosure-missing']) {
    it(`${name}: exactly the planted finding, evidence on the right places`, async () => {
      const want = expected<{ findings: ExpectedFinding[] }>(name, 'findings.json').findings;
      const got = disclosureFindings(runChecks(await sampleInput(name)).findings);
      expect(got.map((f) => [f.rule, f.severity])).toEqual(want.map((w) => [w.rule, w.severity]));
      got.forEach((f, i) => {
        const w = want[i]!;
        expect(f).toMatchObject({ expected: w.expected, actual: w.actual });
        expect(f.evidence.map((e) => squash(e.text))).toEqual(expect.arrayContaining(w.evidence.map(squash)));
        expect(f.evidence.length).toBeGreaterThan(0);
      });
    });
  }

  it('the broken identity cites the 合计 cell and each part cell of the “三公” table', async () => {
    const input = await sampleInput('disclosure-identity');
    const [f] = disclosureFindings(runChecks(input).findings);
    const t = table(input, 't7');
    expect(f!.evidence).toEqual([0, 1, 2, 3].map((c) => cellEvidence(t, 0, c)));
    expect(f!.message).toContain('容差');
  });

  it('the 财政拨款 tables disagreeing: the finding cites the 财政拨款收支总表 一般公共预算 cell and the 一般公共预算支出表 合计 cell', async () => {
    const input = await sampleInput('disclosure-fiscal');
    const [f] = disclosureFindings(runChecks(input).findings);
    const fiscal = input.tables.find((t) => /财政拨款收支/.test(t.title ?? ''))!;
    const general = input.tables.find((t) => /一般公共预算支出表/.test(t.title ?? ''))!;
    const row = fiscal.rows.findIndex((r) => squash(r[0] ?? '') === '一、一般公共预算');
    expect(f!.evidence).toEqual([cellEvidence(fiscal, row, 1), cellEvidence(general, 0, 2)]);
    expect(f!.message).toContain('财政拨款收支总表 一般公共预算 = 一般公共预算支出表 合计不成立');
    // the clean disclosure runs the same identity and it holds
    const clean = runChecks(await sampleInput('disclosure')).summary.rules.find((r) => r.rule === 'disclosure.identity')!;
    expect(clean.verified.some((v) => v.startsWith('财政拨款收支总表 一般公共预算 = 一般公共预算支出表 合计'))).toBe(true);
  });

  it('the disagreeing 情况说明 figure cites the phrase and the 收支总表 收入总计 cell', async () => {
    const input = await sampleInput('disclosure-text');
    const [f] = disclosureFindings(runChecks(input).findings);
    const t1 = table(input, 't1');
    const row = t1.rows.findIndex((r) => squash(r[0] ?? '') === '收入总计');
    expect(f!.evidence[0]).toMatchObject({ page: 1 });
    expect(f!.evidence[1]).toEqual(cellEvidence(t1, row, 1));
  });
});

describe('recognising the standard tables by title', () => {
  it.each([
    ['一、江苏省人民检察院2019年收支预算总表部门：江苏省人民检察院', 'income-expense'],
    ['部门收支总表', 'income-expense'],
    ['收入支出决算总表', 'income-expense'],
    ['二、收入预算总表', 'income'],
    ['收入决算表', 'income'],
    ['支出预算总表部门名称：某单位', 'expense'],
    ['支出决算表', 'expense'],
    ['财政拨款收支预算总表', 'fiscal-income-expense'],
    ['财政拨款收入支出决算总表', 'fiscal-income-expense'],
    ['财政拨款支出预算表（功能科目）', 'general-expense'],
    ['一般公共预算财政拨款支出决算表', 'general-expense'],
    ['一般公共预算基本支出预算表（经济科目）', 'general-basic'],
    ['一般公共预算财政拨款基本支出决算表', 'general-basic'],
    ['“三公”经费、会议费、培训费支出预算表', 'three-public'],
    ['政府性基金预算财政拨款支出预算表', 'fund-expense'],
    ['国有资本经营预算财政拨款支出决算表', 'state-capital'],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });

  it.each(['部门：江苏省人民检察院', '一般公共预算机关运行经费支出预算表', '政府采购支出预算表', '项目支出绩效目标表'])('%s is none of them', (title) => {
    expect(kindOfTitle(title)).toBeNull();
  });

  it('the set a title claims', () => {
    expect(setOfTitle('江苏省委办公厅2019年度部门预算公开文件')).toBe('budget');
    expect(setOfTitle('2017年省检察院部门预算')).toBe('budget');
    expect(setOfTitle('某局2023年度部门决算')).toBe('final');
    expect(setOfTitle('关于2023年预算执行情况的报告')).toBeNull();
  });
});

describe('a 部门决算公开 (hand-made tables)', () => {
  const ie = (expenseGrand: string) =>
    simpleTable('t1', 2, ['项目', '金额', '项目', '金额'], [
      ['一、财政拨款收入', '1,000.00', '一、一般公共服务支出', '900.00'],
      ['本年收入合计', '1,000.00', '本年支出合计', '900.00'],
      ['年初结转和结余', '50.00', '结余分配', '10.00'],
      ['', '', '年末结转和结余', '140.00'],
      ['总计', '1,050.00', '总计', expenseGrand],
    ], { title: '收入支出决算总表', unit: '单位：万元' });
  // 收支总表 labels its two totals 总计 on one row: only the 收入/支出 ones are read
  const ieLabelled = (expenseGrand: string) => {
    const t = ie(expenseGrand);
    t.rows[4] = ['收入总计', '1,050.00', '支出总计', expenseGrand];
    t.cells.filter((c) => c.row === 4 && (c.col === 0 || c.col === 2)).forEach((c) => (c.text = c.col === 0 ? '收入总计' : '支出总计'));
    return t;
  };
  // the 收入决算表 in 元: 1,000.00 万元 = 10,000,000 元
  const income = simpleTable('t2', 3, ['项目', '金额'], [['合计', '10,000,000']], { title: '收入决算表', unit: '单位：元' });
  const three = simpleTable('t3', 3, ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'], [['3.01', '1.00', '1.00', '1.00']], {
    title: '财政拨款“三公”经费支出决算表', unit: '单位：万元',
  });
  const doc = gongwen({ title: '某局2023年度部门决算', pageTo: 3 });

  it('结转结余 identity holds, the 元 table agrees with the 万元 one, a rounding difference is info', () => {
    const out = runChecks(input([], [ieLabelled('1,050.00'), income, three], 3, [doc]));
    const dis = out.findings.filter((f) => f.rule === 'disclosure.identity');
    expect(dis.map((f) => f.severity)).toEqual(['info']);
    expect(dis[0]!.message).toContain('印刷舍入');
    const verified = out.summary.rules.find((r) => r.rule === 'disclosure.identity')!.verified;
    expect(verified).toContain('支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余: 支出总计 1,050.00 万元 = 本年支出合计 900.00 万元 + 结余分配 10.00 万元 + 年末结转和结余 140.00 万元');
    expect(verified.some((v) => v.startsWith('收入总表合计 = 收支总表收入: 本年收入合计 1,000.00 万元 = 合计 10,000,000 元'))).toBe(true);
  });

  it('a broken 结转结余 identity is an error citing the four cells; only 3 tables recognised is enough for no missing-table guess about untitled ones', () => {
    const t1 = ieLabelled('1,060.00');
    const out = runChecks(input([], [t1, income, three], 3, [doc]));
    const errors = disclosureFindings(out.findings).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message.split('不成立')[0])).toEqual(['收支总表 收入总计 = 支出总计', '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余']);
    const carry = errors[1]!;
    expect(carry.evidence.map((e) => e.text)).toEqual(['1,060.00', '900.00', '10.00', '140.00']);
    expect(carry).toMatchObject({ expected: '1050.00 万元', actual: '1,060.00 万元' });
    // three standard tables, every one titled: the five absent ones are reported, as warnings
    const missing = out.findings.filter((f) => f.rule === 'disclosure.missing-table');
    expect(missing).toHaveLength(5);
    expect(missing.every((f) => f.severity === 'warning' && f.message.includes('部门决算公开'))).toBe(true);
  });

  it('an untitled table that could be a missing one silences disclosure.missing-table', () => {
    const untitledTable = simpleTable('t4', 3, ['科目编码', '科目名称', '金额'], [['合计', '', '5.00']]);
    const out = runChecks(input([], [ieLabelled('1,050.00'), income, three, untitledTable], 3, [doc]));
    expect(out.findings.filter((f) => f.rule === 'disclosure.missing-table')).toEqual([]);
  });

  it('a 预算执行 report claims no disclosure: its standard tables are checked, absent ones are not reported', () => {
    const out = runChecks(input([], [ieLabelled('1,060.00'), income, three], 3, [gongwen({ title: '关于2023年预算执行情况的报告', pageTo: 3 })]));
    const found = disclosureFindings(out.findings);
    expect(found.filter((f) => f.rule === 'disclosure.missing-table')).toEqual([]);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['disclosure.identity', 'disclosure.identity']);
  });
});
