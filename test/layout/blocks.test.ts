import { describe, expect, it } from 'vitest';
import { itemsToLines, linesToBlocks } from '../../src/layout/index.ts';
import { LEFT, PITCH, TITLE, paragraph, placed, run } from './build.ts';

describe('linesToBlocks', () => {
  const p1 = '为贯彻落实有关文件精神，健全常态化驻村工作机制，现就全市做好向重点乡村持续选派驻村第一书记和工作队有关事项通知如下。';
  const p2 = '一、确定选派范围。对脱贫村、集体经济薄弱村选派第一书记和工作队。';

  it('joins wrapped lines and starts blocks at indents, titles and gaps', () => {
    const items = [
      ...placed('关于做好向重点乡村持续选派驻村', 100, 1, 'centre', TITLE),
      ...placed('第一书记和工作队的通知', 134, 1, 'centre', TITLE),
      ...placed('各区人民政府，市政府各部门：', 190, 1, 'left'),
    ];
    const a = paragraph(p1, 190 + PITCH, 1);
    const b = paragraph(p2, a.next, 1);
    items.push(...a.items, ...b.items);
    const blocks = linesToBlocks(itemsToLines(items));
    expect(blocks.map((x) => x.text)).toEqual([
      '关于做好向重点乡村持续选派驻村第一书记和工作队的通知',
      '各区人民政府，市政府各部门：',
      p1,
      p2,
    ]);
    expect(blocks.map((x) => x.lines.length)).toEqual([2, 1, 3, 2]);
    expect(blocks[2]!.bbox.top).toBe(190 + PITCH);
    expect(blocks[2]!.bbox.x0).toBe(LEFT);
  });

  it('tightens spaces between justified CJK characters but keeps CJK–digit spaces', () => {
    const items = [
      ...run('汉阳区 2023 年乡村振兴和结对帮扶资金预算安排情况说', LEFT + 32, 200, 1), // full line
      ...run('明如下，请各单位认真贯彻执行。', LEFT, 228, 1),
      ...run('选派驻村', LEFT + 32, 256, 1, 16, 8),
    ];
    const blocks = linesToBlocks(itemsToLines(items));
    expect(blocks.map((b) => b.text)).toEqual([
      '汉阳区 2023 年乡村振兴和结对帮扶资金预算安排情况说明如下，请各单位认真贯彻执行。',
      '选派驻村',
    ]);
  });

  it('starts a block at a bigger vertical gap and on a new page', () => {
    const full = '一二三四五六七八九十'.repeat(6).slice(0, 52); // 25 + 27: both lines full
    const items = [
      ...paragraph(full, 200, 1).items,
      // not indented, but after an empty line's gap
      ...run('甲'.repeat(27), LEFT, 200 + 3 * PITCH, 1),
      ...run('乙'.repeat(5), LEFT, 200 + 4 * PITCH, 1),
      ...run('续页文字。', LEFT, 100, 2),
    ];
    const blocks = linesToBlocks(itemsToLines(items));
    expect(blocks.map((b) => [b.page, b.lines.length])).toEqual([
      [1, 2],
      [1, 2],
      [2, 1],
    ]);
    expect(blocks[1]!.text).toBe('甲'.repeat(27) + '乙'.repeat(5));
  });
});
