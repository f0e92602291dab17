/**
 * Checks that don't cry wolf (issue #10): a sum whose numbers cannot all be read — a note in an
 * amount cell ('1250 含结转'), a number split by a poor text layer ('111, 824.·05 万元'), an OCR
 * reading with low confidence — is reported as not verified (info), never as a mismatch error; a
 * text total is compared only with the items its sentence enumerates after 其中. Real mismatches
 * of the same shapes stay errors.
 */
import { describe, expect, it } from 'vitest';
import { runSum } from '../../src/checks/rules/sum.ts';
import type { Paragraph } from '../../src/model/check.ts';
import { input, paragraph, simpleTable } from './synthetic.ts';

const severities = (ps: Paragraph[], tables = [] as ReturnType<typeof simpleTable>[]) => runSum(input(ps, tables)).findings.map((f) => f.severity);

describe('text sums', () => {
  it("pdfplumber pr-136's poor text layer: numbers split at bad spaces and unrelated amounts give no error", () => {
    // the paragraph as the invisible OCR layer of pr-136 page 3 has it
    const poor = '神鹰集团2015 年末资产总额189, 175. 14 万元、负债总额111, 824.·05 万元，其中银行有息债务金额1IO, 221.68 万元，资产负债率59. 1M，营业收入18. 18 亿元，净利润9, 568.·40 万元。';
    expect(runSum(input([paragraph(3, [poor])], [])).findings.filter((f) => f.severity === 'error')).toEqual([]);
    // read right, the sentence enumerates one item after 其中: nothing to add up
    const clean = '神鹰集团2015年末资产总额189,175.14万元、负债总额111,824.05万元，其中银行有息债务金额110,221.68万元，资产负债率59.11%，营业收入18.18亿元，净利润9,568.40万元。';
    expect(runSum(input([paragraph(3, [clean])], [])).findings).toEqual([]);
  });

  it('only the items the sentence enumerates: the list ends at the first clause without an amount', () => {
    expect(severities([paragraph(1, ['共安排资金 100 万元，其中：中央资金 60 万元，省级资金 40 万元，资金到位率 95%，另有往年结余 30 万元。'])])).toEqual([]);
    // the same list adding up wrong is still an error
    expect(severities([paragraph(1, ['共安排资金 100 万元，其中：中央资金 60 万元，省级资金 30 万元，资金到位率 95%，另有往年结余 30 万元。'])])).toEqual(['error']);
    // items separated by '；' may go on with descriptive clauses
    expect(severities([paragraph(1, ['共计 2368 万元，其中：专项经费 618 万元，主要用于帮扶；结对帮扶经费 1750 万元，主要开展协作。'])])).toEqual([]);
  });

  it('a total split by the text layer cannot be checked: info saying why, not an error', () => {
    const out = runSum(input([paragraph(1, ['共计 1, 250 万元，其中：甲项 1000 万元，乙项 200 万元。'])], []));
    expect(out.findings.map((f) => f.severity)).toEqual(['info']);
    expect(out.findings[0]!.message).toContain('未能');
    expect(out.findings[0]!.message).toContain('拆开');
    expect(out.checked).toBe(0);
    // a label before an amount is not a split number: 'A 类' items are checked
    expect(severities([paragraph(1, ['共计 100 万元，其中：A 类 60 万元，B 类 30 万元。'])])).toEqual(['error']);
  });

  it('a line read by OCR with low confidence cannot be checked; a confident one can', () => {
    const p = (confidence: number): Paragraph => {
      const x = paragraph(1, ['共计 100 万元，其中：甲项 60 万元，', '乙项 30 万元。']);
      x.lines[1]!.confidence = confidence;
      return x;
    };
    expect(severities([p(0.6)])).toEqual(['info']);
    expect(severities([p(0.99)])).toEqual(['error']);
  });
});

describe('table sums', () => {
  const header = ['项目', '金额'];
  it("a part with a note ('1250 含结转') cannot be checked: info, not a mismatch", () => {
    const t = simpleTable('t1', 1, header, [['合计', '2368'], ['甲', '1250 含结转'], ['乙', '1000'], ['丙', '118']]);
    const out = runSum(input([], [t]));
    expect(out.findings.map((f) => f.severity)).toEqual(['info']);
    expect(out.findings[0]!.message).toContain('1250 含结转');
    // without the note the same table adds up
    const clean = simpleTable('t1', 1, header, [['合计', '2368'], ['甲', '1250'], ['乙', '1000'], ['丙', '118']]);
    expect(runSum(input([], [clean])).findings).toEqual([]);
    // and a wrong total among readable parts is an error
    const wrong = simpleTable('t1', 1, header, [['合计', '2369'], ['甲', '1250'], ['乙', '1000'], ['丙', '118']]);
    expect(runSum(input([], [wrong])).findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('a part read by OCR with low confidence cannot be checked', () => {
    const t = simpleTable('t1', 1, header, [['合计', '2368'], ['甲', '1260'], ['乙', '1118']]);
    t.cells.find((c) => c.text === '1260')!.confidence = 0.5;
    expect(runSum(input([], [t])).findings.map((f) => f.severity)).toEqual(['info']);
    t.cells.find((c) => c.text === '1260')!.confidence = 0.98;
    expect(runSum(input([], [t])).findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('a 合计 column whose part holds a note cannot be checked in that row; the other rows are', () => {
    const t = simpleTable('t1', 1, ['项目', '中央', '省级', '合计'], [
      ['甲', '10', '5 含结转', '16'],
      ['乙', '3', '4', '7'],
      ['丙', '1', '1', '3'],
      ['丁', '2', '2', '4'],
      ['戊', '5', '5', '10'],
    ]);
    expect(runSum(input([], [t])).findings.map((f) => [f.severity, f.actual])).toEqual([['info', '16'], ['error', '3']]);
  });

  it('a 小计 at the foot of a headerless fragment continued from the page before (pr-136 read by OCR): info; with a header of its own: error', () => {
    const first = simpleTable('t1', 1, ['被担保单位', '金融机构', '金额', '备注'], [['神鹰集团', '中信银行', '2,000', '']]);
    const rows = [['', '平安银行', '3,000', ''], ['', '浦发银行', '3,000', ''], ['', '招行', '2,000', ''], ['', '稠州银行', '3,000', ''], ['', '工行', '2,700', ''], ['小计', '', '15,700', '']];
    const cont = simpleTable('t2', 2, ['', '', '', ''], rows);
    const out = runSum(input([], [first, cont]));
    expect(out.findings.map((f) => f.severity)).toEqual(['info']);
    expect(out.findings[0]!.message).toContain('续接');
    const own = simpleTable('t2', 2, ['被担保单位', '金融机构', '金额', '备注'], rows);
    expect(runSum(input([], [first, own])).findings.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '13700', '15,700']]);
  });
});
