/**
 * The check summary's verified facts under --lang zh: every fact the rules verify on the
 * born-digital samples reads as Chinese (numbers, table ids, quoted text and units kept), so the
 * Chinese report shows no English sentence in its "verified and passed" list.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import { factToZh } from '../../src/i18n/facts.ts';
import { sampleInput } from '../checks/fixtures.ts';

/** a Latin word of 3+ letters (table ids like t1, 'p', Σ pass); 'OCR' and 'PDF' are the Chinese terms too */
const LATIN = /\b(?!OCR\b|PDF\b)[A-Za-z]{3,}\b/;
const SAMPLES = [
  'seed', 'planted-total', 'planted-count-claim', 'planted-section-count', 'planted-text-sum', 'planted-year', 'lo-ruled', 'unruled',
  'lines-table', 'subject-table', 'disclosure', 'disclosure-text', 'disclosure-yoy', 'spans-continued',
];

describe('verified facts in Chinese', () => {
  it('every verified fact of the samples has no English word left, and keeps its numbers', async () => {
    let facts = 0;
    const english = new Set<string>();
    for (const name of SAMPLES) {
      const { summary } = runChecks(await sampleInput(name));
      for (const r of summary.rules) {
        for (const v of r.verified) {
          facts++;
          if (/[A-Za-z]{3,}/.test(v)) english.add(v);
          const zh = factToZh(v);
          expect(LATIN.exec(zh.replace(/“[^”]*”|《[^》]*》|「[^」]*」/g, '')), `${r.rule}: ${v} → ${zh}`).toBeNull();
          // every number of the fact is still there
          for (const n of v.match(/\d+(?:[.,]\d+)*/g) ?? []) expect(zh, `${v} → ${zh}`).toContain(n);
        }
      }
    }
    expect(facts).toBeGreaterThan(40);
    // the rules do write English machine text, so this test checks something
    expect(english.size).toBeGreaterThan(10);
  }, 240_000);

  it('translates the shapes it knows and leaves any other fact as it is', () => {
    expect(factToZh('2368 = 618 + 1750 (万元, p.1 text)')).toBe('2368 = 618 + 1750（万元，第 1 页正文）');
    expect(factToZh('t2 序号 1–271 consecutive')).toBe('t2 序号 1–271 连续');
    expect(factToZh('t1: 2 of 3 section counts')).toBe('t1：3 个分组中 2 个的声明数目相符');
    expect(factToZh('“15个区”: 15 districts (t3)')).toBe('“15个区”: 15 个区 (t3)');
    expect(factToZh('t1 预算金额: 207245.6 = Σ 11 rows')).toBe('t1 预算金额: 207245.6 = Σ 11 行');
    expect(factToZh('收支总表: 表 t1')).toBe('收支总表: 表 t1');
  });
});
