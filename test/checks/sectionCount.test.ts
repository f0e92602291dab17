/**
 * section.count-mismatch on tables that are not village lists: a real mismatch is an error whose
 * `actual` is what the section row declares and `expected` what its rows make, as its message says;
 * a group that cannot be counted with confidence (header rows inside the body, rows that may go on in
 * an unmerged continuation) is an info finding saying so, never a mismatch error.
 */
import { describe, expect, it } from 'vitest';
import { runSectionCount } from '../../src/checks/rules/sectionCount.ts';
import type { Table } from '../../src/model/types.ts';
import { input, simpleTable } from './synthetic.ts';

const holder = (i: number): string[] => [`股东${i}`, '境内自然人', `${i}.00%`, `${i},000`];
const header = ['股东名称', '股东性质', '持股比例', '持股数量'];

/** A table whose section row is followed by `rows`. */
function sectioned(id: string, page: number, title: string, rows: string[][]): Table {
  const all = [[title, '', '', ''], ...rows];
  return simpleTable(id, page, ['', '', '', ''], all, { rowKinds: all.map((_, i) => (i === 0 ? 'section' : 'body')) });
}

describe('section.count-mismatch', () => {
  it('a real mismatch: error, expected = rows listed, actual = the count declared, as the message says', () => {
    const t = sectioned('t1', 1, '前10名股东持股情况', Array.from({ length: 11 }, (_, i) => holder(i + 1)));
    const { findings } = runSectionCount(input([], [t]));
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.severity, f.expected, f.actual]).toEqual(['error', 11, 10]);
    expect(f.message).toContain('声明 10 个');
    expect(f.message).toContain('应为 11 个');
    expect(f.message).not.toMatch(/实际|实为/);
    expect(f.evidence[0]!.text).toContain('10');
  });

  it('header rows repeated under the section (pdfplumber issue-67) are the group\'s column names, not listed rows: the count is verified', () => {
    const rows = [header, ['', '', '', '股份状态'], ...Array.from({ length: 10 }, (_, i) => holder(i + 1))];
    const out = runSectionCount(input([], [sectioned('t1', 1, '前 10 名股东持股情况', rows)]));
    expect(out.findings).toEqual([]);
    expect(out.passed).toBe(1);
  });

  it('a group at the end of the table, continued on the next page without a header: info; with a header of its own: error', () => {
    const t1 = sectioned('t1', 4, '前 10 名无限售条件股东持股情况', Array.from({ length: 5 }, (_, i) => holder(i + 1)));
    const cont = simpleTable('t2', 5, ['', '', '', ''], Array.from({ length: 5 }, (_, i) => holder(i + 6)));
    expect(runSectionCount(input([], [t1, cont], 5)).findings.map((f) => f.severity)).toEqual(['info']);
    const other = simpleTable('t2', 5, header, [holder(1)]);
    expect(runSectionCount(input([], [t1, other], 5)).findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('header-like rows do not excuse a count that is still wrong without them', () => {
    const rows = [header, ...Array.from({ length: 11 }, (_, i) => holder(i + 1))];
    const t = sectioned('t1', 1, '前10名股东持股情况', rows);
    expect(runSectionCount(input([], [t])).findings.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', 11, 10]]);
  });
});
