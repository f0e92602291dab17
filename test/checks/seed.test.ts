/**
 * The checks on the real seed outputs: exactly the seed's real inconsistencies are found, each with
 * its page, box and text, and nothing false; the summary shows what was verified.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckInput } from '../../src/model/check.ts';
import type { CheckSummary, Finding } from '../../src/model/findings.ts';
import { CheckSummarySchema, FindingsFileSchema } from '../../src/model/findings.ts';
import { RULES, runChecks } from '../../src/checks/index.ts';
import { cellEvidence } from '../../src/checks/evidence.ts';
import { rowWhere, sampleInput, table } from './fixtures.ts';

let input: CheckInput;
let findings: Finding[];
let summary: CheckSummary;

beforeAll(async () => {
  input = await sampleInput('seed');
  ({ findings, summary } = runChecks(input));
});

const of = (rule: string) => findings.filter((f) => f.rule === rule);
const verified = () => summary.rules.flatMap((r) => r.verified);

describe('checks on the seed notice', () => {
  it('writes valid findings.json and check-summary.json shapes', () => {
    expect(() => FindingsFileSchema.parse(findings)).not.toThrow();
    expect(() => CheckSummarySchema.parse(summary)).not.toThrow();
    expect(summary.rules.map((r) => r.rule)).toEqual(RULES.map((r) => r.id));
  });

  it('finds exactly the real errors: two years, two citations', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual([
      'citation.title-mismatch',
      'citation.title-mismatch',
      'year.mismatch',
      'year.mismatch',
    ]);
    expect(summary.findings).toEqual({ error: 4, warning: 2, info: 0 });
  });

  it('year.mismatch: the 2022 attachment and table title under the 2023 note', () => {
    const [attachment, title] = of('year.mismatch');
    expect(attachment).toMatchObject({ expected: '2023', actual: '2022' });
    expect(attachment!.evidence).toHaveLength(1);
    expect(attachment!.evidence[0]).toMatchObject({ page: 1, text: '《汉阳区 2022 年乡村振兴资金预算安排情况表》' });
    expect(title).toMatchObject({ expected: '2023', actual: '2022' });
    expect(title!.message).toContain('表 t1');
    expect(title!.evidence[0]).toMatchObject({ page: 2, text: '汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况' });
    // the caption line's box, above the table's header row
    const header = cellEvidence(table(input, 't1'), -1, 0)!;
    expect(title!.evidence[0]!.bbox.bottom).toBeLessThan(header.bbox.top);
  });

  it('citation.title-mismatch: 40号 cited without 向, 33号 cited with another title; the 附件 list entries match', () => {
    const [c40, c33] = of('citation.title-mismatch');
    expect(c40!.message).toContain('武办文〔2021〕40号');
    expect(c40!.message).toContain('缺少“向”');
    expect(c40!.actual).toBe('中共武汉市委办公厅关于做好重点乡村持续选派驻村第一书记和工作队的通知');
    expect(c40!.expected).toBe('中共武汉市委办公厅关于做好向重点乡村持续选派驻村第一书记和工作队的通知');
    // the citation runs over the first two lines of the body paragraph: the union of their boxes
    const body = input.paragraphs.find((p) => p.text.startsWith('2023 年，根据'))!;
    expect(c40!.evidence[0]!.page).toBe(1);
    expect(c40!.evidence[0]!.bbox.top).toBeCloseTo(body.lines[0]!.bbox.top, 3);
    expect(c40!.evidence[0]!.bbox.bottom).toBeCloseTo(body.lines[1]!.bbox.bottom, 3);
    expect(c33!.message).toContain('武办文〔2021〕33号');
    expect(c33!.message).toContain('缺少“市委办公厅市政府办公厅”');
    expect(c33!.message).toContain('缺少“印发”');
    expect(c33!.actual).toBe('关于武汉市结对帮扶恩施州和宜昌市五峰县工作方案的通知');
    expect(c33!.evidence[0]!.bbox.top).toBeCloseTo(body.lines[2]!.bbox.top, 3);
    const cited = summary.rules.find((r) => r.rule === 'citation.title-mismatch')!;
    expect(cited).toMatchObject({ checked: 4, passed: 2, failed: 2 });
  });

  it('duplicate.passage: page 29 printed again as page 30, naming 急缺/急需', () => {
    const [dup] = of('duplicate.passage');
    expect(of('duplicate.passage')).toHaveLength(1);
    expect(dup!.severity).toBe('warning');
    expect(dup!.message).toContain('第 29 页');
    expect(dup!.message).toContain('第 30 页');
    expect(dup!.message).toContain('“急缺” → “急需”');
    expect(dup).toMatchObject({ expected: '急缺', actual: '急需' });
    const pages = dup!.evidence.map((e) => e.page);
    expect(pages.slice(0, 2)).toEqual([29, 30]);
    const lines = dup!.evidence.slice(2);
    expect(lines.map((e) => e.page)).toEqual([29, 30]);
    expect(lines[0]!.text).toContain('急缺');
    expect(lines[1]!.text).toContain('急需');
    expect(lines[0]!.bbox.top).toBeCloseTo(lines[1]!.bbox.top, 0);
  });

  it("format.list-separator: 建始县's districts separated by a space", () => {
    const [sep] = of('format.list-separator');
    expect(of('format.list-separator')).toHaveLength(1);
    expect(sep).toMatchObject({ severity: 'warning', actual: '洪山区 东湖生态旅游风景区', expected: '洪山区、东湖生态旅游风景区' });
    const t3 = table(input, 't3');
    const cell = cellEvidence(t3, rowWhere(t3, 0, '恩施州建始县'), 1)!;
    expect(sep!.evidence).toEqual([cell]);
    expect(cell.page).toBe(33);
  });

  it('the summary shows what was verified', () => {
    const lines = verified();
    expect(lines).toContain('t1 预算数: 2368 = 618 + 1750');
    expect(lines.some((l) => l.startsWith('2368 = 618 + 1750') && l.includes('text'))).toBe(true);
    expect(lines).toContain('text 2368 万元 (p.1) = t1 合计 2368 万元');
    expect(lines).toContain('t2: 22 section counts');
    expect(lines).toContain('t2 序号 1–271 consecutive');
    expect(lines).toContain('t2 序号 1–271 without repeats');
    expect(lines).toContain('“全市15个区”: 15 districts (t3)');
    expect(lines).toContain('“恩施州所辖8县（市）和宜昌市五峰县”: 8 counties of 恩施州 + 五峰县 = 9 counties (t3)');
    expect(lines.filter((l) => l.includes('= 9 counties'))).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('9 of 9 counties with 1–2 districts each'))).toBe(true);
    expect(lines).toContain('villages unique within 22 sections');
    const section = summary.rules.find((r) => r.rule === 'section.count-mismatch')!;
    expect(section).toMatchObject({ checked: 22, passed: 22, failed: 0 });
  });

  it('the same village name in two streets is not a duplicate', () => {
    const t2 = table(input, 't2');
    expect(t2.rows.filter((r) => r[2] === '群力村')).toHaveLength(2);
    expect(of('duplicate.row')).toEqual([]);
  });

  it('without records the tables alone give the same errors', async () => {
    const bare = runChecks(await sampleInput('seed', false));
    expect(bare.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.message),
    );
    expect(bare.summary.rules.flatMap((r) => r.verified)).toContain('t2 序号 1–271 consecutive');
  });

  it('the Type 3 (Kangxi radical) print gives the same findings', async () => {
    const type3 = runChecks(await sampleInput('seed-type3'));
    expect(type3.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual(findings.map((f) => [f.rule, f.expected, f.actual]));
  });
});

describe('checks on the other samples (consistent by construction)', () => {
  it.each(['lines-table', 'lo-ruled', 'unruled'])('%s: no findings, totals verified', async (name) => {
    const out = runChecks(await sampleInput(name));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules.find((r) => r.rule === 'sum.total-mismatch')!.passed).toBeGreaterThan(0);
  });

  it('lo-ruled: 小计 column = 中央资金 + 县级资金, text 131.00 = 97.00 + 34.00 and = the table', async () => {
    const lines = runChecks(await sampleInput('lo-ruled')).summary.rules.flatMap((r) => r.verified);
    expect(lines).toContain('t1 补助资金（万元）/小计 = 补助资金（万元）/中央资金 + 补助资金（万元）/县级资金 in 13 rows');
    expect(lines).toContain('131.00 = 97.00 + 34.00 (万元, p.1 text)');
    expect(lines).toContain('text 131.00 万元 (p.1) = t1 合计 131.00 万元');
  });

  it('lines-table: 8 section counts (N 条) and 序号 across 9 pages', async () => {
    const lines = runChecks(await sampleInput('lines-table')).summary.rules.flatMap((r) => r.verified);
    expect(lines).toContain('t1: 8 section counts');
    expect(lines).toContain('t1 序号 1–209 consecutive');
    expect(lines).toContain('t2 合计 = 路面修补 + 桥涵维护 + 安保设施 + 排水设施 + 绿化保洁 + 日常巡查 + 应急抢险 in 9 rows');
  });
});
