/**
 * Unruled tables from three producers (samples/stream-chromium, stream-lo from LibreOffice Calc,
 * stream-pdflib; issue #10 point 4): beyond the exact tables that varied.test.ts compares, the
 * facts a reader relies on — the sparse flag and 备注 columns stay columns holding only their few
 * marks, wrapped header cells are one header each, section rows ending in '：' are sections with
 * empty amounts, form lines above a table stay text, totals add up, and no error-level finding.
 */
import { describe, expect, it } from 'vitest';
import { extractSample, expected, type ExpectedTable } from '../helpers/samples.ts';
import { review } from '../../src/pipeline/review.ts';

const amount = (t: string): number => Number(t.replace(/,/g, ''));

describe.each(['stream-chromium', 'stream-lo', 'stream-pdflib'])('unruled sample %s', (name) => {
  it('keeps its sparse columns, joins wrapped header cells, reads sections as sections', async () => {
    const ex = await extractSample(name);
    const want = expected<ExpectedTable[]>(name, 'tables.json')[0]!;
    expect(ex.tables).toHaveLength(1);
    const t = ex.tables[0]!;
    expect(t.header).toHaveLength(want.header.length);
    // no header cell is empty, none holds the text of a line above the table ('：' of a form field)
    expect(t.header.every((h) => h !== '' && !/[:：]/.test(h))).toBe(true);
    // the last column (备注) is filled in a few rows only, and exactly where the page has it
    const last = t.header.length - 1;
    const notes = t.rows.map((r) => r[last]);
    expect(notes.filter((n) => n !== '').length).toBeGreaterThanOrEqual(2);
    expect(notes.filter((n) => n !== '').length * 2).toBeLessThan(t.rows.length);
    expect(notes).toEqual(want.rows.map((r) => r[last]));
    // every section row ends in '：' and leaves the other cells empty
    t.rows.forEach((r, i) => {
      if (t.rowKinds[i] !== 'section') return;
      expect(r[0]).toMatch(/：$/);
      expect(r.slice(1).every((c) => c === '')).toBe(true);
    });
    expect(t.rowKinds.filter((k) => k === 'section')).toHaveLength(2);
  });

  it('no error-level finding; form lines and notes around the table stay text', async () => {
    const ex = await extractSample(name);
    const { findings } = review(ex);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    for (const r of ex.tables[0]!.rows) for (const c of r) expect(c).not.toMatch(/填报|编号：|日期：/);
  });
});

describe('sums and the flag column', () => {
  it('stream-chromium: the ★ column marks two projects, the 合计 row adds up both amount columns', async () => {
    const t = (await extractSample('stream-chromium')).tables[0]!;
    expect(t.rows.filter((r) => r[1] !== '').map((r) => r[1])).toEqual(['★', '★']);
    const body = t.rows.filter((r, i) => t.rowKinds[i] === 'body' && r[0] !== '合计');
    const total = t.rows.find((r) => r[0] === '合计')!;
    for (const c of [2, 3]) expect(body.reduce((a, r) => a + (r[c] === '' ? 0 : amount(r[c]!)), 0)).toBeCloseTo(amount(total[c]!), 2);
    expect(body.filter((r) => r[3] === '')).toHaveLength(1); // one project paid nothing yet: an empty amount in a body row
  });

  it('stream-lo: each amount is 人数 × 标准 and 合计 adds up; the row with empty 人数 is body', async () => {
    const t = (await extractSample('stream-lo')).tables[0]!;
    expect(t.header[2]).toBe('补助标准（元/人）');
    const body = t.rows.filter((r, i) => t.rowKinds[i] === 'body' && r[0] !== '合计');
    for (const r of body) if (r[1] !== '') expect(amount(r[1]!) * amount(r[2]!)).toBe(amount(r[3]!));
    const total = t.rows.find((r) => r[0] === '合计')!;
    expect(body.reduce((a, r) => a + (r[3] === '' ? 0 : amount(r[3]!)), 0)).toBe(amount(total[3]!));
    expect(body.reduce((a, r) => a + (r[1] === '' ? 0 : amount(r[1]!)), 0)).toBe(amount(total[1]!));
    expect(body.some((r) => r[1] === '' && r[3] === '')).toBe(true);
  });

  it('stream-pdflib: ＊ marks exactly the rows whose result exceeds its limit; the form lines are text', async () => {
    const ex = await extractSample('stream-pdflib');
    const t = ex.tables[0]!;
    expect(t.header).toEqual(['检测项目', '标准限值', '检测结果', '超标', '备注']);
    const measured = t.rows.filter((r) => /^\d+(?:\.\d+)?$/.test(r[1]!) && /^\d+(?:\.\d+)?$/.test(r[2]!));
    expect(measured.length).toBeGreaterThanOrEqual(5);
    for (const r of measured) expect(r[3]).toBe(amount(r[2]!) > amount(r[1]!) ? '＊' : '');
    expect(ex.text.replace(/\s+/g, '')).toContain('采样地点：东坪镇水厂出水口');
    expect(t.title).toBeNull();
  });
});
