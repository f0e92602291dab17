/**
 * `expected` and `actual` mean the same thing in every rule (model/findings.ts): `actual` is what the
 * flagged place (an evidence entry) prints, `expected` what it should say by the rule's reference; and no message calls the expected value 实际/实为 (section.count-mismatch once said
 * '声明 10 个，实际列出 12 行' with expected 12, actual 10).
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import type { Finding } from '../../src/model/findings.ts';
import { compact } from '../../src/checks/text.ts';
import { sampleInput, setCell, table, withRecords } from './fixtures.ts';
import { input, paragraph, simpleTable } from './synthetic.ts';

function expectConsistent(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(f.message, f.rule).not.toMatch(/实际|实为/);
    if ((typeof f.actual === 'number' || typeof f.actual === 'string') && compact(String(f.actual)) !== '') {
      // a table amount is given with its column's unit ('2369 万元' for a cell '2369')
      const printed = compact(String(f.actual)).replace(/(亿元|万元|元)$/, '');
      expect(f.evidence.map((e) => compact(e.text)).join('\n'), `${f.rule}: ${f.message}`).toContain(printed);
    }
  }
}

describe('expected/actual', () => {
  it('hold the same meaning in the findings of every rule on synthetic slips', () => {
    const section = simpleTable('t1', 1, ['', '', ''], [['一、甲街 3 个村', '', ''], ['1', '甲村', '5'], ['2', '乙村', '6']], { rowKinds: ['section', 'body', 'body'] });
    const total = simpleTable('t2', 1, ['序号', '项目', '金额'], [['', '合计', '12'], ['1', '甲', '5'], ['3', '乙', '6']]);
    const text = paragraph(1, ['共计 100 万元，其中：甲项 60 万元，乙项 30 万元。']);
    const { findings } = runChecks(input([text], [section, total]));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['section.count-mismatch', 'sum.total-mismatch', 'sequence.gap']));
    expect(findings.find((f) => f.rule === 'section.count-mismatch')).toMatchObject({ expected: 2, actual: 3 });
    expectConsistent(findings);
  });

  it('hold the same meaning on the seed and planted slips in it', async () => {
    const seed = await sampleInput('seed');
    setCell(table(seed, 't1'), 0, 3, '2369');
    const { findings } = runChecks(withRecords(seed));
    expect(findings.length).toBeGreaterThan(4);
    expectConsistent(findings);
  });
});
