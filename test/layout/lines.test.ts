import { describe, expect, it } from 'vitest';
import { itemsToLines, linesToBlocks } from '../../src/layout/index.ts';
import { BODY, LEFT, PITCH, TITLE, item, paragraph, placed, run, shuffle, texts } from './build.ts';

describe('itemsToLines', () => {
  it('groups shuffled items into lines, top to bottom, left to right', () => {
    const items = shuffle([
      ...placed('关于做好驻村工作的通知', 120, 1, 'centre', TITLE),
      ...placed('各区人民政府：', 170, 1, 'left'),
      ...paragraph('为贯彻落实有关文件精神，现就全市做好向重点乡村持续选派驻村第一书记和工作队有关事项通知如下。', 198, 1).items,
    ]);
    const lines = itemsToLines(items);
    expect(texts(lines)).toEqual([
      '关于做好驻村工作的通知',
      '各区人民政府：',
      '为贯彻落实有关文件精神，现就全市做好向重点乡村持续',
      '选派驻村第一书记和工作队有关事项通知如下。',
    ]);
    expect(lines[0]!.fontSize).toBe(TITLE);
    expect(lines[1]!.bbox).toEqual({ x0: LEFT, top: 170, x1: LEFT + 7 * BODY, bottom: 170 + BODY });
    expect(lines.every((l) => l.page === 1)).toBe(true);
  });

  it('keeps the spaces of justified CJK text in lines and drops them in blocks', () => {
    const items = run('选派驻村', LEFT + 32, 200, 1, BODY, 12); // letter-spaced: a gap after every character
    const lines = itemsToLines(shuffle(items));
    expect(texts(lines)).toEqual(['选 派 驻 村']);
    expect(linesToBlocks(lines).map((b) => b.text)).toEqual(['选派驻村']);
  });

  it('puts a run in a larger or smaller size on the same baseline into the same line', () => {
    const big = item('附', LEFT, LEFT + 22, 194, 1, 22); // bottom 216
    const small = item('件：', LEFT + 22, LEFT + 54, 200, 1, 16); // bottom 216
    const lines = itemsToLines([small, big]);
    expect(texts(lines)).toEqual(['附件：']);
  });

  it('keeps an 印发 line with a wide gap as one line', () => {
    const items = [...placed('某某市人民政府办公室', 760, 3, 'left', 14), ...run('2022年3月7日印发', 400, 760, 3, 14)];
    const lines = itemsToLines(items);
    expect(texts(lines)).toEqual(['某某市人民政府办公室 2022年3月7日印发']);
  });

  it('reads a two-column region column by column, but not a row with one wide gap', () => {
    const items = [];
    const colW = 200;
    for (let r = 0; r < 5; r++) {
      items.push(...run(`左栏第${r + 1}行文字内容左栏内容`, LEFT, 200 + r * PITCH, 2));
      items.push(...run(`右栏第${r + 1}行文字内容右栏内容`, LEFT + colW + 30, 200 + r * PITCH, 2));
    }
    items.push(...placed('通栏标题', 150, 2, 'centre', TITLE));
    const lines = itemsToLines(shuffle(items));
    expect(texts(lines)).toEqual([
      '通栏标题',
      ...[1, 2, 3, 4, 5].map((n) => `左栏第${n}行文字内容左栏内容`),
      ...[1, 2, 3, 4, 5].map((n) => `右栏第${n}行文字内容右栏内容`),
    ]);
  });

  it('keeps the rows of a table as one line each (no column split)', () => {
    const items = [];
    for (let r = 0; r < 6; r++) {
      const y = 200 + r * 24;
      items.push(...run(String(r + 1), LEFT + 10, y, 1, 12));
      items.push(...run(`市直单位${r + 1}`, LEFT + 60, y, 1, 12));
      items.push(...run(`某某村${r + 1}`, LEFT + 300, y, 1, 12));
    }
    const lines = itemsToLines(shuffle(items));
    expect(texts(lines)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${n} 市直单位${n} 某某村${n}`));
  });

  it('separates pages and drops whitespace-only items', () => {
    const items = [...placed('第二页', 100, 2), ...placed('第一页', 100, 1), item(' ', 300, 310, 100, 1)];
    const lines = itemsToLines(items);
    expect(lines.map((l) => [l.page, l.text])).toEqual([
      [1, '第一页'],
      [2, '第二页'],
    ]);
  });
});
