import { describe, expect, it } from 'vitest';
import { findDocNumbers, isDateOnly, parseChineseDate, parseDocNumber, printLineDate } from '../../src/layout/index.ts';

describe('parseDocNumber', () => {
  it.each([
    ['武办文〔2021〕40号', '武办文〔2021〕40号', '武办文', 2021, 40],
    ['武办文[2021]40 号', '武办文〔2021〕40号', '武办文', 2021, 40],
    ['鄂政办发（2022）15号', '鄂政办发〔2022〕15号', '鄂政办发', 2022, 15],
    ['国办发［2021］ 7号', '国办发〔2021〕7号', '国办发', 2021, 7],
    ['汉财发(2023)8号', '汉财发〔2023〕8号', '汉财发', 2023, 8],
    ['  汉 财 预 〔 ２０２３ 〕 １２ 号 ', '汉财预〔2023〕12号', '汉财预', 2023, 12],
    ['鄂办发【2020】第3号', '鄂办发〔2020〕3号', '鄂办发', 2020, 3],
    ['京政发〔2019〕007号', '京政发〔2019〕007号', '京政发', 2019, 7],
  ])('%s', (s, normalized, prefix, year, serial) => {
    const d = parseDocNumber(s);
    expect(d).toEqual({ raw: s.trim(), normalized, prefix, year, serial });
  });

  it.each([
    '（中办发〔2021〕27号）',
    '根据鄂办发〔2021〕17号精神',
    '〔2021〕40号',
    'ABC〔2021〕40号',
    '武办文〔21〕40号',
    '武办文〔2021〕号',
    '武办文2021年40号',
    '武办文〔2021〕40',
    '',
  ])('rejects %s', (s) => {
    expect(parseDocNumber(s)).toBeNull();
  });

  it('finds 文号 cited in prose', () => {
    const found = findDocNumbers('（中办发〔2021〕27号）和《…的通知》（鄂办发 [2021] 17 号）精神');
    expect(found.map((d) => d.normalized)).toEqual(['中办发〔2021〕27号', '鄂办发〔2021〕17号']);
  });
});

describe('parseChineseDate', () => {
  it.each([
    ['2021年8月23日', '2021-08-23'],
    ['2021 年 8 月 23 日', '2021-08-23'],
    ['２０２１年８月２３日', '2021-08-23'],
    ['二〇二一年八月二十三日', '2021-08-23'],
    ['二零二三年五月十二日', '2023-05-12'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
    ['二〇二二年十月十日', '2022-10-10'],
    ['二○二四年二月二十九日', '2024-02-29'],
    ['2021年8月24日印发', '2021-08-24'],
    ['中共某某市委办公厅  2021年7月2日印发', '2021-07-02'],
  ])('%s → %s', (s, iso) => {
    expect(parseChineseDate(s)).toBe(iso);
  });

  it.each(['2021年13月1日', '2021年2月30日', '二〇二三年二月二十九日', '2021年8月', '八月二十三日', '二〇二一年十三月一日', ''])(
    'rejects %s',
    (s) => {
      expect(parseChineseDate(s)).toBeNull();
    },
  );

  it('tells a date-only line and an 印发 line', () => {
    expect(isDateOnly(' 2021年8月23日 ')).toBe(true);
    expect(isDateOnly('二〇二一年八月二十三日')).toBe(true);
    expect(isDateOnly('2021年8月23日召开会议')).toBe(false);
    expect(printLineDate('某某市人民政府办公室 2022年3月7日印发')).toEqual({ date: '2022-03-07', before: '某某市人民政府办公室' });
    expect(printLineDate('关于印发《某某方案》的通知')).toBeNull();
  });
});
