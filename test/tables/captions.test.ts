/** Issuer captions of budget tables (issue #15): the '部门：…' line read apart from the title and the unit. */
import { describe, expect, it } from 'vitest';
import { issuerCaptionOf } from '../../src/tables/captions.ts';
import { unwrapLabelLines } from '../../src/tables/captionLines.ts';
import type { Line, TextItem } from '../../src/model/types.ts';

describe('issuerCaptionOf', () => {
  it('reads the issuer and the unit sharing one line', () => {
    expect(issuerCaptionOf('部门： 青禾县农业农村局 单位：万元')).toEqual({ before: '', issuer: '青禾县农业农村局', unit: '单位：万元' });
    expect(issuerCaptionOf('编制部门：青禾县农业农村局')).toEqual({ before: '', issuer: '青禾县农业农村局', unit: undefined });
    expect(issuerCaptionOf('部门名称：青禾县农业农村局 金额单位：元')).toEqual({ before: '', issuer: '青禾县农业农村局', unit: '金额单位：元' });
  });

  it('splits a title glued before the label', () => {
    expect(issuerCaptionOf('收支预算总表部门：青禾县农业农村局单位：万元')).toEqual({ before: '收支预算总表', issuer: '青禾县农业农村局', unit: '单位：万元' });
  });

  it('leaves prose and lead-ins alone', () => {
    expect(issuerCaptionOf('各部门：现将有关事项通知如下。')).toBeUndefined();
    expect(issuerCaptionOf('请各部门：按要求做好预算公开工作，确保信息准确完整并按时报送')).toBeUndefined();
    expect(issuerCaptionOf('2025年部门收入预算总表')).toBeUndefined();
  });
});

describe('issuerCaptionOf, addressees', () => {
  it("takes no '各部门：' for an issuer label", () => {
    expect(issuerCaptionOf('各部门：')).toBeUndefined();
    expect(issuerCaptionOf('市直各部门：')).toBeUndefined();
  });
});

describe('issuerCaptionOf, unit right after the name', () => {
  it("splits '…办公厅单位：万元' (no space between the name and the unit)", () => {
    expect(issuerCaptionOf('部门：青禾县委员会办公厅单位：万元')).toEqual({ before: '', issuer: '青禾县委员会办公厅', unit: '单位：万元' });
  });
});

describe('unwrapLabelLines: wrapped issuer and unit tails joined back', () => {
  /** A line of items (x0, text) at `top`, 9 pt, each character 9 pt wide. */
  const line = (top: number, ...items: [number, string][]): Line => {
    const its: TextItem[] = items.map(([x0, text]) => ({
      text,
      orig: text,
      page: 1,
      bbox: { x0, x1: x0 + 9 * text.length, top, bottom: top + 9 },
      fontSize: 9,
      source: 'pdf',
      confidence: 1,
    }));
    const bbox = { x0: Math.min(...its.map((i) => i.bbox.x0)), x1: Math.max(...its.map((i) => i.bbox.x1)), top, bottom: top + 9 };
    return { page: 1, bbox, text: items.map(([, t]) => t).join(''), items: its, fontSize: 9 };
  };
  const texts = (ls: readonly Line[]): string[] => ls.map((l) => l.text);

  it("joins a name's tail under the name and a unit's tail under the unit", () => {
    const name = [line(100, [60, '部门名称：青禾县农业农']), line(111, [60, '村局'], [480, '单位：万元'])];
    expect(texts(unwrapLabelLines(name, 0.25))).toEqual(['部门名称：青禾县农业农村局', '单位：万元']);
    const unit = [line(100, [480, '单位：万']), line(111, [60, '部门名称：青禾县农业农村局'], [480, '元'])];
    expect(texts(unwrapLabelLines(unit, 0.25))).toEqual(['单位：万元', '部门名称：青禾县农业农村局']);
  });

  it('leaves a number, a label of its own, a far line and an empty label alone', () => {
    const cases = [
      [line(100, [480, '单位：万']), line(111, [480, '12.5'])],
      [line(100, [60, '部门：青禾县农业农村局']), line(111, [60, '单位：万元'])],
      [line(100, [60, '部门名称：青禾县农业农']), line(130, [60, '村局'])],
      [line(100, [60, '部门：']), line(111, [60, '青禾县'])],
    ];
    for (const ls of cases) expect(texts(unwrapLabelLines(ls, 0.25))).toEqual(texts(ls));
  });
});
