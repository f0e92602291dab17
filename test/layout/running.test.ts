import { describe, expect, it } from 'vitest';
import { isPageNumberText, itemsToLines, removeRunningLines } from '../../src/layout/index.ts';
import { TITLE, footer, info, paragraph, placed, texts } from './build.ts';

function page(n: number, extra: ReturnType<typeof placed> = []) {
  const items = [...paragraph('各区要结合实际保障所属驻村工作队必要工作经费，按规定落实体检、医疗、带薪年休假等。', 200, n).items, ...extra];
  return { info: info(n), lines: itemsToLines(items) };
}

describe('removeRunningLines', () => {
  it('removes page numbers in the margin bands but keeps a number in the body', () => {
    const pages = [
      page(1, footer('— 1 —', 1)),
      page(2, footer('- 2 -', 2)),
      page(3, [...footer('第 3 页', 3), ...placed('3', 400, 3, 'centre')]),
      page(4, placed('第4页 共10页', 800, 4, 'right', 12)),
      page(5, placed('5 / 10', 30, 5, 'right', 12)),
      page(6, footer('—6—', 6)),
    ];
    const { pages: kept, removed } = removeRunningLines(pages);
    expect(texts(removed)).toEqual(['— 1 —', '- 2 -', '第 3 页', '第4页 共10页', '5 / 10', '—6—']);
    expect(kept[2]!.map((l) => l.text)).toContain('3');
    expect(kept.map((k) => k.length)).toEqual([2, 2, 3, 2, 2, 2]);
  });

  it('removes a header repeated (digits ignored) on at least half of the pages', () => {
    const header = (n: number) => placed(`某某市人民政府公报 2023年第${n}期`, 40, n, 'centre', 12);
    const pages = [1, 2, 3, 4, 5].map((n) => page(n, n <= 3 ? header(n) : []));
    const { pages: kept, removed } = removeRunningLines(pages);
    expect(removed.map((l) => l.page)).toEqual([1, 2, 3]);
    expect(kept.every((k) => k.length === 2)).toBe(true);
  });

  it('keeps a top line repeated on too few pages and a large red-header line', () => {
    const pages = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      page(n, [
        ...(n <= 2 ? placed('内部资料', 40, n, 'left', 12) : []),
        ...(n <= 4 ? placed('某某市人民政府文件', 30, n, 'centre', TITLE) : []),
      ]),
    );
    const { removed } = removeRunningLines(pages);
    expect(removed).toEqual([]);
  });

  it('recognises page-number forms', () => {
    for (const s of ['— 1 —', '- 2 -', '—2—', '第 3 页', '第3页 共10页', '3 / 10', '12', '－ ３ －', '共10页第3页']) {
      expect(isPageNumberText(s), s).toBe(true);
    }
    for (const s of ['第三章', '2021年', '一、总体要求', '3万元', '']) expect(isPageNumberText(s), s).toBe(false);
  });
});
