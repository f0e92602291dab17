import { describe, expect, it } from 'vitest';
import { joinRuns, joinWrapped, tidyCell, tightenCjk } from '../../src/text/spacing.ts';

describe('tightenCjk', () => {
  it('drops spaces between CJK characters and keeps CJK–digit spaces', () => {
    expect(tightenCjk('选 派 驻 村')).toBe('选派驻村');
    expect(tightenCjk('汉阳区 2023 年乡村振兴')).toBe('汉阳区 2023 年乡村振兴');
    expect(tightenCjk('市委办公厅 市政府办公厅 关于')).toBe('市委办公厅市政府办公厅关于');
    expect(tightenCjk('（武办文[2021]40 号）、《关于')).toBe('（武办文[2021]40 号）、《关于');
    expect(tightenCjk('  a  b ')).toBe('a b');
  });
});

describe('tidyCell', () => {
  it('joins letter-spaced words but keeps a space between two names', () => {
    expect(tidyCell('合 计')).toBe('合计');
    expect(tidyCell('序 号')).toBe('序号');
    expect(tidyCell('选 派 驻 村')).toBe('选派驻村');
    expect(tidyCell('洪山区 东湖生态旅游风景区')).toBe('洪山区 东湖生态旅游风景区');
    expect(tidyCell('武汉经济技术开发区 (汉南区)')).toBe('武汉经济技术开发区 (汉南区)');
    expect(tidyCell('黄陂区姚家集街 12 个村（牵头单位：市委办公厅）')).toBe('黄陂区姚家集街 12 个村（牵头单位：市委办公厅）');
    expect(tidyCell('汉阳区 、蔡甸区')).toBe('汉阳区、蔡甸区');
  });
});

describe('joinRuns', () => {
  it('puts one space only at wide gaps, ignoring whitespace runs', () => {
    const runs = [
      { text: '计', x0: 40, x1: 52, fontSize: 12 },
      { text: '合', x0: 10, x1: 22, fontSize: 12 },
      { text: ' ', x0: 22, x1: 40, fontSize: 12 },
      { text: '2368', x0: 53, x1: 80, fontSize: 12 },
    ];
    expect(joinRuns(runs)).toBe('合 计2368');
  });
});

describe('joinWrapped', () => {
  it('joins CJK pieces without a space and Latin words with one', () => {
    expect(joinWrapped(['区直机关工委等预', '算单位'])).toBe('区直机关工委等预算单位');
    expect(joinWrapped(['Wuhan', 'city'])).toBe('Wuhan city');
    expect(joinWrapped(['共计 2368', '万元'])).toBe('共计 2368万元');
  });
});
