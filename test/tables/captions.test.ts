/** Issuer captions of budget tables (issue #15): the '部门：…' line read apart from the title and the unit. */
import { describe, expect, it } from 'vitest';
import { issuerCaptionOf } from '../../src/tables/captions.ts';

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
