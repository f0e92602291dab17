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
    expect(rule('disclosure.identity')).toMatchObject({ checked: 6, passed: 6 });
    expect(rule('disclosure.missing-table')).toMatchObject({ checked: 8, passed: 8 });
    expect(rule('disclosure.text-figure').checked).toBeGreaterThanOrEqual(4);
    expect(rule('disclosure.text-figure').failed).toBe(0);
    expect(rule('disclosure.identity').verified).toContain(
      '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费: 合计 36.50 万元 = 因公出国（境）费 5.00 万元 + 公务用车购置及运行费 24.00 万元 + 公务接待费 7.50 万元',
    );
  });

  for (const name of ['disclosure-identity', 'disclosure-text', 'disclosure-yoy', 'disclosure-missing']) {
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
