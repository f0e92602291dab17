import { describe, expect, it } from 'vitest';
import { countRadicals, normaliseText } from '../../src/text/normalise.ts';

describe('normaliseText', () => {
  it('maps Kangxi radicals (U+2F00–U+2FDF) to unified ideographs', () => {
    expect(normaliseText('\u2f00\u2f08\u2f1d')).toBe('一人口');
    expect(normaliseText('⼯作⽅案')).toBe('工作方案');
  });

  it('maps CJK Radicals Supplement (U+2E80–U+2EFF) by EquivalentUnifiedIdeograph', () => {
    expect(normaliseText('\u2ed3江')).toBe('长江');
    expect(normaliseText('⼈⺠')).toBe('人民');
    expect(normaliseText('⻩河⻄部')).toBe('黄河西部');
    // a supplement radical without an equivalent ideograph stays
    expect(normaliseText('\u2e80')).toBe('\u2e80');
  });

  it('keeps full-width punctuation, ideographic space and U+FFFD', () => {
    const s = '各区人民政府，市直各部门：（一）　附件１﹝2021﹞\ufffd';
    expect(normaliseText(s)).toBe(s);
  });

  it('strips zero-width characters', () => {
    expect(normaliseText('\ufeff关\u200b于\u200c通\u200d知')).toBe('关于通知');
  });

  it('countRadicals counts both ranges', () => {
    expect(countRadicals('⼈⺠政府')).toBe(2);
    expect(countRadicals(normaliseText('⼈⺠政府'))).toBe(0);
  });
});
