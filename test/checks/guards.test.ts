/**
 * Nothing false: shapes of real notices that look like the seed's slips but are not, and must give
 * no finding.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import { gongwen, input, paragraph, simpleTable } from './synthetic.ts';

const findingsOf = (x: Parameters<typeof runChecks>[0]) => runChecks(x).findings;

describe('no false findings', () => {
  it('a 2021—2025 plan attached to a 2023 note; a cited notice of another year', () => {
    const doc = gongwen({
      title: '关于 2023 年乡村振兴资金安排的说明',
      attachments: ['2021—2025 年乡村振兴规划', '《关于 2021 年度资金筹措方案的通知》（武财〔2021〕5号）', '关于 2022 年工作的通知'],
    });
    const ps = [paragraph(1, ['附件：1. 2021—2025 年乡村振兴规划'])];
    const out = runChecks(input(ps, [], 2, [doc]));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules.find((r) => r.rule === 'year.mismatch')!.verified).toEqual(['附件 2021、2022、2023、2024、2025 = 2023']);
  });

  it('the same item under two parents of an outline table is not a duplicate row; twice under one parent it is', () => {
    // a 政府采购 table: a 专项 row, its 经济科目 rows one column right, their items one further
    const header = ['专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'];
    const rows = [
      ['案件审判经费', '', '', '', '152.00'],
      ['', '印刷费', '', '', '30.00'],
      ['', '', '印刷和出版服务', '分散自行组织', '30.00'],
      ['案件执行经费', '', '', '', '66.11'],
      ['', '印刷费', '', '', '30.00'],
      ['', '', '印刷和出版服务', '分散自行组织', '30.00'],
    ];
    const dupRule = (t: ReturnType<typeof simpleTable>) => findingsOf(input([], [t])).filter((f) => f.rule === 'duplicate.row');
    expect(dupRule(simpleTable('t1', 1, header, rows))).toEqual([]);
    // the second 专项 row gone: both 印刷费 rows sit under 案件审判经费
    const twice = dupRule(simpleTable('t1', 1, header, rows.filter((r) => r[0] !== '案件执行经费')));
    expect(twice.map((f) => f.message)).toEqual(['表 t1 同一分组中第 2、4 行内容完全相同', '表 t1 同一分组中第 3、5 行内容完全相同']);
  });

  it('a 其中 list that breaks one part down further', () => {
    const ps = [paragraph(1, ['共安排资金 100 万元，其中：甲类 60 万元，含子项一 30 万元、子项二 30 万元；乙类 40 万元。'])];
    const out = runChecks(input(ps, []));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules[0]!.verified).toEqual(['100 = 60 + 40 (万元, p.1 text)']);
  });

  it('a single 其中 part, an increase and a per-person rate are not parts', () => {
    const ps = [
      paragraph(1, ['下达资金 500 万元，其中中央资金 300 万元。']),
      paragraph(1, ['共计 80 万元，其中：培训费 50 万元，较上年增加 10 万元，每人补助 2 万元，差旅费 30 万元。'], 200),
    ];
    expect(findingsOf(input(ps, []))).toEqual([]);
  });

  it('a budget table with parent rows and their children, and a 其中 row', () => {
    const t = simpleTable('t1', 2, ['项目', '金额'], [
      ['合计', '100'],
      ['一、基本支出', '70'],
      ['人员经费', '50'],
      ['公用经费', '20'],
      ['二、项目支出', '30'],
      ['专项业务费', '30'],
    ]);
    const u = simpleTable('t2', 2, ['项目', '金额'], [['办公费', '40'], ['其中：印刷费', '10'], ['会议费', '60'], ['合计', '100']]);
    expect(findingsOf(input([], [t, u]))).toEqual([]);
  });

  it('rates, percentages and serial numbers are not summed', () => {
    const t = simpleTable('t1', 2, ['序号', '单位', '金额', '执行率', '补助标准'], [
      ['1', '甲', '10', '50%', '3'],
      ['2', '乙', '20', '60%', '3'],
      ['合计', '', '30', '55%', '3'],
    ]);
    expect(findingsOf(input([], [t]))).toEqual([]);
  });

  it('rows that differ only in a vertically merged cell are not duplicates', () => {
    const t = simpleTable('t1', 2, ['单位', '项目', '金额'], [
      ['市财政局', '办公费', '10'],
      ['', '会议费', '5'],
      ['市教育局', '办公费', '10'],
      ['', '会议费', '5'],
    ]);
    for (const c of t.cells) if (c.col === 0 && (c.row === 0 || c.row === 2)) c.rowSpan = 2;
    t.cells = t.cells.filter((c) => !(c.col === 0 && (c.row === 1 || c.row === 3)));
    expect(findingsOf(input([], [t]))).toEqual([]);
  });

  it('numbering per section restarts at 1', () => {
    const t = simpleTable('t1', 2, ['序号', '名称'], [['一、甲镇（2 个）', ''], ['1', '甲一'], ['2', '甲二'], ['二、乙镇（1 个）', ''], ['1', '乙一']]);
    t.rowKinds = ['section', 'body', 'body', 'section', 'body'];
    const out = runChecks(input([], [t]));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules.find((r) => r.rule === 'sequence.gap')!.verified).toEqual(['t1 序号 1–2, 1–1 consecutive']);
    expect(out.summary.rules.find((r) => r.rule === 'section.count-mismatch')!.verified).toEqual(['t1: 2 section counts']);
  });

  it('a notice citing the plan a 印发 notice issues, by the plan\'s title and the notice\'s 文号', () => {
    const docs = [
      gongwen({ index: 0, title: '关于做好结对帮扶工作的说明', pageFrom: 1, pageTo: 1 }),
      gongwen({
        index: 1,
        title: '市政府办公厅关于印发《结对帮扶工作方案》的通知',
        docNumber: { raw: '武政办〔2021〕3号', normalized: '武政办〔2021〕3号', prefix: '武政办', year: 2021, serial: 3 },
        pageFrom: 2,
        pageTo: 2,
      }),
    ];
    const ps = [paragraph(1, ['根据《结对帮扶工作方案》（武政办〔2021〕3 号）和《上级文件》（国办发〔2021〕1号）精神。'])];
    const out = runChecks(input(ps, [], 2, docs));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules.find((r) => r.rule === 'citation.title-mismatch')).toMatchObject({ checked: 1, passed: 1 });
  });

  it('names with a bracketed alias, free text with spaces, one name per cell', () => {
    const t = simpleTable('t1', 2, ['地区', '说明'], [
      ['武汉经济技术开发区 (汉南区)', '岭岗村至后前村（含 7 组连接线及错车道）'],
      ['东湖新技术开发区', '2024 年 3 月完成'],
    ]);
    expect(findingsOf(input([], [t]))).toEqual([]);
  });
});
