import { describe, expect, it } from 'vitest';
import { fragmentsToTables, linesOutsideTables, pageToFragments } from '../../src/tables/index.ts';
import type { RulingLine, TextItem } from '../../src/model/types.ts';
import { cellItems, gridRulings, item, itemsToLines, page } from './synth.ts';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness', () => {
  it('never throws on random rulings and items and keeps rows rectangular', () => {
    const words = ['合计', '1', '２３', '单位：万元', '一、某某', '项目', '12,345.60', '说明文字较长的一段内容'];
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const rulings: RulingLine[] = Array.from({ length: Math.floor(r() * 40) }, () => {
        const a = r() * 500, b = a + r() * 300;
        return { page: 1, axis: r() < 0.5 ? 'h' : 'v', at: 50 + r() * 700, from: a, to: b, width: 0.5 };
      });
      const items: TextItem[] = Array.from({ length: Math.floor(r() * 80) }, () =>
        item(words[Math.floor(r() * words.length)]!, 40 + r() * 480, 40 + Math.floor(r() * 60) * 12, 1, 8 + Math.floor(r() * 3) * 2));
      const lines = itemsToLines(items);
      const frags = pageToFragments(page(1, items, rulings), lines);
      for (const f of frags) {
        expect(f.rows.every((row) => row.length === f.columns)).toBe(true);
        expect(f.rowKinds).toHaveLength(f.rows.length);
        expect(f.columnEdges).toHaveLength(f.columns + 1);
      }
      expect(linesOutsideTables(lines, frags).length).toBeLessThanOrEqual(lines.length);
      for (const t of fragmentsToTables(frags)) {
        expect(t.rowKinds).toHaveLength(t.rows.length);
        expect(t.header).toHaveLength(t.columns);
      }
    }
  });

  it('reads a ruled table with no text in some rows and ignores empty regions', () => {
    const x = [72, 200, 330];
    const y = [100, 124, 148, 172];
    const items = [...cellItems(x, y, 0, 0, ['姓名']), ...cellItems(x, y, 0, 1, ['电话'])];
    const frags = pageToFragments(page(1, items, [...gridRulings(x, y), ...gridRulings(x, [300, 320, 340])]), itemsToLines(items));
    expect(frags).toHaveLength(1); // the empty grid below holds no text
    expect(frags[0]!.rows).toEqual([['姓名', '电话'], ['', ''], ['', '']]);
    expect(frags[0]!.rowKinds).toEqual(['header', 'body', 'body']);
  });

  it('ignores a lone horizontal rule (red line under the masthead) and prose around it', () => {
    const items = [item('某某县人民政府文件', 200, 60, 1, 24), item('某政〔2024〕1号', 240, 100), item('关于某某事项的通知', 220, 140)];
    const rulings: RulingLine[] = [{ page: 1, axis: 'h', at: 120, from: 72, to: 522, width: 1.5 }];
    expect(pageToFragments(page(1, items, rulings), itemsToLines(items))).toEqual([]);
  });
});
