/**
 * Planted errors: each change to a copy of a real sample's outputs gives exactly the expected new
 * finding(s), with the right evidence, and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckInput, Rule } from '../../src/model/check.ts';
import type { Finding } from '../../src/model/findings.ts';
import { runChecks, RULES } from '../../src/checks/index.ts';
import { cellEvidence } from '../../src/checks/evidence.ts';
import { paragraphWith, replaceInParagraph, rowWhere, sampleInput, setCell, table, withRecords } from './fixtures.ts';

const key = (f: Finding) => JSON.stringify(f);
let seedBaseline: Set<string>;

beforeAll(async () => {
  seedBaseline = new Set(runChecks(await sampleInput('seed')).findings.map(key));
});

/** Findings of the changed input that the unchanged one does not have. */
function added(input: CheckInput, baseline = seedBaseline): Finding[] {
  return runChecks(input).findings.filter((f) => !baseline.has(key(f)));
}

describe('planted errors in the seed', () => {
  it('a changed total (合计 2368 → 2369): the table row sum and the text total both disagree', async () => {
    const input = await sampleInput('seed');
    const t1 = table(input, 't1');
    setCell(t1, 0, 3, '2369');
    const found = added(withRecords(input));
    expect(found.map((f) => f.rule)).toEqual(['sum.total-mismatch', 'sum.total-mismatch']);
    // the text's 共计 2368 = 618 + 1750 holds, so in both findings the table's 2369 is the suspect
    for (const f of found) {
      expect(f.evidence[0]).toEqual(cellEvidence(t1, 0, 3));
      expect(String(f.expected)).toContain('2368');
      expect(String(f.actual)).toContain('2369');
    }
    const text = found.find((f) => f.evidence.length === 2)!;
    expect(text).toMatchObject({ expected: '2368 万元', actual: '2369 万元' });
    expect(text.evidence[1]).toMatchObject({ page: 1, text: '共计 2368 万元' });
  });

  it('a changed text total (共计 2368 → 2386): its parts and the table both disagree with it', async () => {
    const input = await sampleInput('seed');
    replaceInParagraph(input, '共计 2368 万元', '共计 2386 万元');
    const found = added(input);
    expect(found.map((f) => f.rule)).toEqual(['sum.total-mismatch', 'sum.total-mismatch']);
    for (const f of found) {
      expect(f.evidence[0]).toMatchObject({ page: 1, text: '共计 2386 万元' });
      expect(String(f.expected)).toContain('2368');
      expect(f.actual).toBe('2386 万元');
    }
  });

  it('a changed budget line (618 → 619): only the table total disagrees', async () => {
    const input = await sampleInput('seed');
    const t1 = table(input, 't1');
    setCell(t1, 1, 3, '619');
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.total-mismatch', expected: '2369', actual: '2368' });
    expect(found[0]!.evidence).toEqual([cellEvidence(t1, 0, 3)]);
  });

  it('a changed section count (三、… 22 个村 → 23 个村)', async () => {
    const input = await sampleInput('seed');
    const t2 = table(input, 't2');
    const r = t2.rows.findIndex((row) => row[0]!.startsWith('三、'));
    setCell(t2, r, 0, t2.rows[r]![0]!.replace('22 个村', '23 个村'));
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'section.count-mismatch', severity: 'error', expected: 22, actual: 23 });
    expect(found[0]!.evidence).toEqual([cellEvidence(t2, r, 0)]);
    expect(found[0]!.evidence[0]!.text).toContain('蔡甸区侏儒山街 23 个村');
  });

  it('a dropped 序号 (101 missing: 100, 102, 103 …)', async () => {
    const input = await sampleInput('seed');
    const t2 = table(input, 't2');
    t2.rows.forEach((row, r) => {
      const n = Number(row[0]);
      if (t2.rowKinds[r] === 'body' && n >= 101) setCell(t2, r, 0, String(n + 1));
    });
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sequence.gap', severity: 'error', expected: 101, actual: 102 });
    const at = rowWhere(t2, 0, '102');
    expect(found[0]!.evidence[0]).toEqual(cellEvidence(t2, at, 0));
    expect(found[0]!.evidence[1]).toEqual(cellEvidence(t2, rowWhere(t2, 0, '100'), 0));
  });

  it('a repeated 序号 (57 printed twice)', async () => {
    const input = await sampleInput('seed');
    const t2 = table(input, 't2');
    const r = rowWhere(t2, 0, '58');
    t2.rows.forEach((row, i) => {
      const n = Number(row[0]);
      if (t2.rowKinds[i] === 'body' && n >= 58) setCell(t2, i, 0, String(n - 1));
    });
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sequence.duplicate', expected: 58, actual: 57 });
    expect(found[0]!.evidence[0]).toEqual(cellEvidence(t2, r, 0));
  });

  it('a village twice in one section (石屋山村 for 寨东村)', async () => {
    const input = await sampleInput('seed');
    const t2 = table(input, 't2');
    const r = rowWhere(t2, 2, '寨东村');
    setCell(t2, r, 2, '石屋山村');
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'duplicate.row', severity: 'error', actual: '石屋山村' });
    expect(found[0]!.evidence).toEqual([cellEvidence(t2, r - 1, 2), cellEvidence(t2, r, 2)]);
  });

  it('a county with a third district (巴东县: 硚口区、黄陂区、江夏区)', async () => {
    const input = await sampleInput('seed');
    const t3 = table(input, 't3');
    const r = rowWhere(t3, 0, '恩施州巴东县');
    setCell(t3, r, 1, '硚口区、黄陂区、江夏区');
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'pairing.too-many', severity: 'error', expected: '1–2', actual: 3 });
    expect(found[0]!.message).toContain('恩施州巴东县');
    expect(found[0]!.evidence[0]).toEqual(cellEvidence(t3, r, 1));
    expect(found[0]!.evidence[1]).toMatchObject({ page: 24, text: '1—2个区结对帮扶1个县（市）' });
  });

  it('two districts separated by a space (江汉区 青山区)', async () => {
    const input = await sampleInput('seed');
    const t3 = table(input, 't3');
    const r = rowWhere(t3, 0, '恩施州宣恩县');
    setCell(t3, r, 1, '江汉区 青山区');
    const found = added(withRecords(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'format.list-separator', severity: 'warning', expected: '江汉区、青山区' });
    expect(found[0]!.evidence).toEqual([cellEvidence(t3, r, 1)]);
  });

  it('a text 共计 not matching its parts (1750 → 1751 万元)', async () => {
    const input = await sampleInput('seed');
    replaceInParagraph(input, '1750 万元', '1751 万元');
    const found = added(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.total-mismatch', expected: '2369 万元', actual: '2368 万元' });
    expect(found[0]!.message).toContain('618 万元 + 1751 万元');
    expect(found[0]!.evidence.map((e) => e.text)).toEqual(['共计 2368 万元', '618 万元', '1751 万元']);
  });

  it("a count claim '全市16个区' against 15 districts", async () => {
    const input = await sampleInput('seed');
    const p = replaceInParagraph(input, '全市15个区', '全市16个区');
    const found = added(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'count.claim-mismatch', severity: 'error', expected: 15, actual: 16 });
    expect(found[0]!.evidence[0]).toMatchObject({ page: p.page, text: '全市16个区', bbox: p.lines[0]!.bbox });
  });

  it("a count claim '恩施州所辖7县（市）' against 8 counties of 恩施州", async () => {
    const input = await sampleInput('seed');
    replaceInParagraph(input, '所辖8县', '所辖7县');
    const found = added(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'count.claim-mismatch', expected: 9, actual: 8 });
  });

  it('a changed year in a table title of another notice (lines-table t2: 2024 → 2023)', async () => {
    const input = await sampleInput('lines-table');
    const t2 = table(input, 't2');
    t2.title = t2.title!.replace('2024', '2023');
    const caption = paragraphWith(input, '分项目明细表');
    const onPage = input.paragraphs.find((p) => p.page === t2.pages[0] && p.text.includes('分项目明细表'))!;
    expect(caption).toBeDefined();
    onPage.text = onPage.text.replace('2024', '2023');
    onPage.lines[0]!.text = onPage.lines[0]!.text.replace('2024', '2023');
    const found = runChecks(input).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'year.mismatch', expected: '2024', actual: '2023' });
    expect(found[0]!.evidence).toEqual([{ page: 11, bbox: onPage.lines[0]!.bbox, text: t2.title }]);
  });

  it('a changed total in a 218-row table over 9 pages (lines-table 合计 1050.11 → 1050.21)', async () => {
    const input = await sampleInput('lines-table');
    const t1 = table(input, 't1');
    const r = rowWhere(t1, 0, '合计');
    setCell(t1, r, 4, '1050.21');
    const found = runChecks(input).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.total-mismatch', expected: '1050.11', actual: '1050.21' });
    expect(found[0]!.evidence).toEqual([cellEvidence(t1, r, 4)]);
    expect(found[0]!.evidence[0]!.page).toBe(10);
  });

  it('a 合计 column cell off by one cent (lines-table t2, 东坪镇)', async () => {
    const input = await sampleInput('lines-table');
    const t2 = table(input, 't2');
    setCell(t2, 0, 9, '62.86');
    const found = runChecks(input).findings;
    // the row's 合计 cell disagrees with its parts, and the 合计 column's total with its rows
    const shown = found.map((f) => [f.rule, f.expected, f.actual, f.evidence[0]!.text]);
    expect(shown).toEqual([
      ['sum.total-mismatch', '62.85', '62.86', '62.86'],
      ['sum.total-mismatch', '521.95', '521.94', '521.94'],
    ]);
  });
});

describe('engine', () => {
  it('a rule that throws becomes check.internal-error, not a crash', async () => {
    const input = await sampleInput('seed');
    const broken: Rule = {
      id: 'test.broken',
      severity: 'error',
      description: 'always throws',
      run: () => {
        throw new Error('boom');
      },
    };
    const { findings, summary } = runChecks(input, [broken, ...RULES]);
    const internal = findings.filter((f) => f.rule === 'check.internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'warning', actual: 'test.broken' });
    expect(internal[0]!.message).toContain('test.broken');
    expect(internal[0]!.message).toContain('boom');
    expect(summary.rules[0]).toMatchObject({ rule: 'test.broken', checked: 0, passed: 0, failed: 0 });
    expect(summary.findings).toEqual({ error: 4, warning: 3, info: 0 });
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(4);
  });

  it('findings are sorted by severity, then page', async () => {
    const { findings } = runChecks(await sampleInput('seed'));
    const order = findings.map((f) => [['error', 'warning', 'info'].indexOf(f.severity), f.evidence[0]?.page ?? 0]);
    const sorted = [...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(order).toEqual(sorted);
  });
});
