import { describe, expect, it } from 'vitest';
import { fragmentsToTables, linesOutsideTables, pageToFragments } from '../../src/tables/index.ts';
import type { RulingLine, TextItem } from '../../src/model/types.ts';
import { item, itemRight, itemsToLines, page, spaced } from './synth.ts';

/** Justified prose: `n` lines of `chars` characters, one item per character, tiny gaps. */
function prose(top: number, n: number, chars = 36, pageNo = 1): TextItem[] {
  const text = '为深入贯彻落实有关工作部署进一步做好驻村帮扶工作现就有关事项通知如下请各单位认真抓好落实';
  const out: TextItem[] = [];
  for (let l = 0; l < n; l++) {
    const len = l === n - 1 ? 10 : chars;
    const x0 = l === 0 ? 96 : 72;
    out.push(...spaced(text.slice(0, len - (l === 0 ? 2 : 0)), x0, top + l * 22, 0.3, pageNo));
  }
  return out;
}

function budgetStream(): TextItem[] {
  const row = (top: number, cells: string[]): TextItem[] => [
    item(cells[0]!, 72, top), itemRight(cells[1]!, 300, top), itemRight(cells[2]!, 420, top), itemRight(cells[3]!, 522, top),
  ];
  return [
    ...prose(40, 2),
    item('2023年部门预算收支总表', 231, 100),
    itemRight('单位：万元', 522, 125),
    ...row(150, ['项目', '预算数', '执行数', '执行率']),
    ...row(170, ['一般公共预算收入', '１２，３４５．６', '１０，０００．０', '81.0%']),
    ...row(190, ['政府性基金收入', '２，３４５．０', '１，２００．５', '51.2%']),
    ...row(210, ['上级专项转移支付补助', '１２３．４', '１００．０', '81.0%']),
    item('资金', 72, 224),
    ...spaced('合计', 72, 244, 12), itemRight('１４，８１４．０', 300, 244), itemRight('１１，３００．５', 420, 244), itemRight('76.3%', 522, 244),
    ...prose(276, 3),
  ];
}

describe('stream', () => {
  it('finds an unruled table with full-width numbers, a header, a wrapped cell, title and unit', () => {
    const items = budgetStream();
    const lines = itemsToLines(items);
    const frags = pageToFragments(page(1, items), lines);
    expect(frags).toHaveLength(1);
    const f = frags[0]!;
    expect(f.detector).toBe('stream');
    expect(f.columns).toBe(4);
    expect(f.rows).toEqual([
      ['项目', '预算数', '执行数', '执行率'],
      ['一般公共预算收入', '１２，３４５．６', '１０，０００．０', '81.0%'],
      ['政府性基金收入', '２，３４５．０', '１，２００．５', '51.2%'],
      ['上级专项转移支付补助资金', '１２３．４', '１００．０', '81.0%'],
      ['合计', '１４，８１４．０', '１１，３００．５', '76.3%'],
    ]);
    expect(f.rowKinds).toEqual(['header', 'body', 'body', 'body', 'body']);
    expect(f.title).toBe('2023年部门预算收支总表');
    expect(f.unit).toBe('单位：万元');
    expect(f.bbox).toEqual({ x0: 72, x1: 522, top: 150, bottom: 256 });
    // the prose around it is kept, table rows and captions are not
    const kept = linesOutsideTables(lines, frags);
    expect(kept).toHaveLength(5);
    expect(kept.every((l) => l.bbox.top < 100 || l.bbox.top >= 276)).toBe(true);
    const [t] = fragmentsToTables(frags);
    expect(t!.header).toEqual(['项目', '预算数', '执行数', '执行率']);
    expect(t!.rows).toHaveLength(4);
    expect(t!.detector).toBe('stream');
  });

  it('reads a three-line table (h rules only) as a stream table', () => {
    const items = budgetStream().filter((i) => i.bbox.top >= 150 && i.bbox.top < 270);
    const rulings: RulingLine[] = [146, 165, 260].map((at) => ({ page: 1, axis: 'h', at, from: 72, to: 522, width: 1 }));
    const frags = pageToFragments(page(1, items, rulings), itemsToLines(items));
    expect(frags.map((f) => [f.detector, f.rows.length, f.columns])).toEqual([['stream', 5, 4]]);
  });

  it('finds no table on a page of prose, headings and a signature block', () => {
    const items = [
      item('关于做好驻村工作的通知', 231, 60),
      ...prose(100, 6),
      item('一、确定选派范围。', 96, 240), item('二、优化帮扶力量。', 96, 262), item('三、严格人选把关。', 96, 284),
      ...prose(306, 4),
      item('（此页无正文）', 96, 400),
      itemRight('中共武汉市委办公厅', 500, 460), itemRight('2021年8月23日', 490, 482),
      item('（此件公开发布）', 96, 520),
    ];
    const lines = itemsToLines(items);
    expect(pageToFragments(page(1, items), lines)).toEqual([]);
  });

  it('finds no table in a two-column signature block of joint issuers', () => {
    const items = [
      ...prose(100, 3),
      item('甲方（盖章）', 96, 300), item('乙方（盖章）', 360, 300),
      item('法定代表人：张三', 96, 322), item('法定代表人：李四', 360, 322),
      item('2021年8月23日', 96, 344), item('2021年8月23日', 360, 344),
      item('中共武汉市委办公厅', 96, 400), item('武汉市人民政府办公厅', 340, 400),
    ];
    expect(pageToFragments(page(1, items), itemsToLines(items))).toEqual([]);
  });

  it('finds no table in letter-spaced prose and a list of headings with wide gaps', () => {
    const items = [
      ...spaced('通知', 260, 60, 36),
      ...spaced('各区委各部门', 72, 100, 20), // distributed alignment: 1.6 em gaps, one line
      ...spaced('为做好工作现通知如下', 96, 122, 20),
      ...spaced('请认真贯彻执行', 72, 144, 20),
      item('附件：1.', 72, 200), item('名单', 140, 200),
    ];
    expect(pageToFragments(page(1, items), itemsToLines(items))).toEqual([]);
  });
});

/** Items as pdf.js read them from a Chromium print of a borderless table (text, x0, x1, top, font size). */
const CHROMIUM_PAGE: [string, number, number, number, number][] = [
  ['关于下达 2024 年部门预算的通知', 147.8, 447.7, 82.2, 20],
  ['各乡镇人民政府，县直各单位：根据县人大常委会审议通', 111.5, 516.0, 126.9, 16],
  ['过的年度预算，现将有关预算指标下达给你们，请按照规定及', 79.5, 516.0, 152.4, 16],
  ['时拨付资金，加快预算执行进度，提高资金使用效益，确保各', 79.5, 516.0, 177.9, 16],
  ['项政策落到实处。', 79.5, 207.5, 203.4, 16],
  ['2024 年部门预算收支总表', 205.8, 389.7, 244.7, 16],
  ['单位：万元', 456.0, 516.0, 268.4, 12],
  ['项目', 83.5, 107.5, 288.7, 12], ['预算数', 296.5, 332.5, 288.7, 12], ['执行数', 422.6, 458.6, 288.7, 12], ['执行率', 476.0, 512.0, 288.7, 12],
  ['一般公共预算收入', 83.5, 179.5, 308.2, 12], ['１２，３４５．６', 236.5, 332.5, 308.2, 12], ['１０，０００．０', 362.6, 458.6, 308.2, 12], ['81.0%', 482.0, 512.0, 308.2, 12],
  ['政府性基金收入', 83.5, 167.5, 327.7, 12], ['２，３４５．０', 248.5, 332.5, 327.7, 12], ['１，２００．５', 374.6, 458.6, 327.7, 12], ['51.2%', 482.0, 512.0, 327.7, 12],
  // a wrapped first cell, the other cells centred vertically between its two lines
  ['上级专项转移支付补助', 83.5, 203.5, 347.2, 12], ['资金及其他各类专项', 83.5, 191.5, 362.9, 12],
  ['１２３．４', 272.5, 332.5, 354.7, 12], ['１００．０', 398.6, 458.6, 354.7, 12], ['81.0%', 482.0, 512.0, 354.7, 12],
  ['国有资本经营收入', 83.5, 179.5, 382.4, 12], ['12,345.60', 278.5, 332.5, 382.4, 12], ['9,876.50', 410.6, 458.6, 382.4, 12], ['80.0%', 482.0, 512.0, 382.4, 12],
  ['合', 83.5, 95.5, 401.9, 12], ['计', 119.5, 131.5, 401.9, 12],
  ['２７，１５９．６', 236.5, 332.5, 401.9, 12], ['２１，１７７．０', 362.6, 458.6, 401.9, 12], ['78.0%', 482.0, 512.0, 401.9, 12],
  ['请各单位严格按照预算批复执行，不得擅自调整预算用', 111.5, 516.0, 423.2, 16],
  ['途。执行中如有问题，请及时与县财政局联系。', 79.5, 415.4, 448.7, 16],
  ['青禾县财政局', 420.0, 516.0, 505.7, 16],
  ['2024年3月1日', 420.0, 516.0, 531.9, 16],
];

describe('stream on a Chromium-printed page', () => {
  it('reads close header cells, vertically centred cells beside a wrapped cell, and the captions', () => {
    const items: TextItem[] = CHROMIUM_PAGE.map(([text, x0, x1, top, fs]) => ({
      ...item(text, x0, top, 1, fs), bbox: { x0, x1, top, bottom: top + fs },
    }));
    // one line per item, as a layout stage that cuts lines at wide gaps would hand them over
    const lines = items.map((it) => itemsToLines([it])[0]!);
    const frags = pageToFragments(page(1, items), lines);
    expect(frags).toHaveLength(1);
    const [t] = fragmentsToTables(frags);
    expect(t!.title).toBe('2024 年部门预算收支总表');
    expect(t!.unit).toBe('单位：万元');
    expect(t!.header).toEqual(['项目', '预算数', '执行数', '执行率']);
    expect(t!.rows).toEqual([
      ['一般公共预算收入', '１２，３４５．６', '１０，０００．０', '81.0%'],
      ['政府性基金收入', '２，３４５．０', '１，２００．５', '51.2%'],
      ['上级专项转移支付补助资金及其他各类专项', '１２３．４', '１００．０', '81.0%'],
      ['国有资本经营收入', '12,345.60', '9,876.50', '80.0%'],
      ['合计', '２７，１５９．６', '２１，１７７．０', '78.0%'],
    ]);
    const kept = linesOutsideTables(lines, frags).map((l) => l.text);
    expect(kept).toHaveLength(9); // title of the notice, 4 + 2 prose lines, issuer and date
    expect(kept).toContain('2024年3月1日');
  });
});

describe('stream columns from the whole table', () => {
  /**
   * A form line pair above an unruled table whose 状态 column holds a flag in two rows only and
   * whose last column 备注 is filled in two rows: columns 设备 | 检查方式 | 状态 | 读数 | 备注.
   */
  function flagTable(): TextItem[] {
    const rows: [string, string, string, string, string][] = [
      ['一号水泵', '目测', '', '12.5', ''],
      ['二号水泵', '目测', '▲', '14.0', '待复查'],
      ['三号水泵', '仪表', '', '11.8', ''],
      ['四号水泵', '仪表', '', '9.6', ''],
      ['五号水泵', '目测', '▼', '7.2', '已报修'],
      ['六号水泵', '仪表', '', '12.1', ''],
    ];
    const out: TextItem[] = [
      item('填报单位：东坪镇水站', 150, 80), item('检查日期：2024-05-06', 330, 80),
      item('负责人：', 72, 100), item('巡检编号：A-17 值班：王明', 200, 100), item('天气：晴', 430, 100),
      item('设备', 72, 130), item('检查方式', 200, 130), item('状态', 290, 130), itemRight('读数', 380, 130), item('备注', 430, 130),
    ];
    rows.forEach((r, i) => {
      const top = 150 + i * 20;
      out.push(item(r[0], 72, top), item(r[1], 200, top), itemRight(r[3], 380, top));
      if (r[2]) out.push(item(r[2], 290, top));
      if (r[4]) out.push(item(r[4], 430, top));
    });
    return out;
  }

  it('keeps a narrow flag column and a mostly empty last column, and leaves the form lines above out of the header', () => {
    const items = flagTable();
    const lines = itemsToLines(items);
    const frags = pageToFragments(page(1, items), lines);
    expect(frags).toHaveLength(1);
    const [t] = fragmentsToTables(frags);
    expect(t!.header).toEqual(['设备', '检查方式', '状态', '读数', '备注']);
    expect(t!.rows).toHaveLength(6);
    expect(t!.rows.map((r) => r[2])).toEqual(['', '▲', '', '', '▼', '']);
    expect(t!.rows.map((r) => r[4])).toEqual(['', '待复查', '', '', '已报修', '']);
    expect(t!.rows.map((r) => r[3])).toEqual(['12.5', '14.0', '11.8', '9.6', '7.2', '12.1']);
    expect(t!.rowKinds.every((k) => k === 'body')).toBe(true);
    // the form lines stay prose
    const kept = linesOutsideTables(lines, frags).map((l) => l.text);
    expect(kept.some((l) => l.includes('填报单位'))).toBe(true);
    expect(kept.some((l) => l.includes('巡检编号'))).toBe(true);
  });

  it('does not make a column of text that two rows put in a gap without lining up', () => {
    const items = flagTable().filter((it) => it.text !== '▲' && it.text !== '▼');
    // two stray marks in the 检查方式–读数 gap, far apart
    items.push(item('*', 262, 150), item('#', 320, 230));
    const frags = pageToFragments(page(1, items), itemsToLines(items));
    expect(frags).toHaveLength(1);
    expect(frags[0]!.columns).toBe(4);
  });

  it('joins a header cell whose first line stands above the header row (cells set at the bottom) and keeps a tight section row out of the header', () => {
    const items: TextItem[] = [
      item('补助标准（', 250, 108),
      item('单位名称', 100, 122), item('人数', 210, 122), item('元/人）', 256, 122), item('补助金额', 330, 122),
      // 15 pt pitch: the section row stands 3 pt under the header
      item('一、城镇困难群众：', 72, 137),
    ];
    const rows: [string, string, string, string][] = [['城关社区', '46', '600', '27,600'], ['河西社区', '38', '600', '22,800'], ['东坪村', '52', '450', '23,400']];
    rows.forEach((r, i) => items.push(item(r[0], 72, 152 + i * 15), itemRight(r[1], 245, 152 + i * 15), itemRight(r[2], 308, 152 + i * 15), itemRight(r[3], 392, 152 + i * 15)));
    const frags = pageToFragments(page(1, items), itemsToLines(items));
    expect(frags).toHaveLength(1);
    const [t] = fragmentsToTables(frags);
    expect(t!.header).toEqual(['单位名称', '人数', '补助标准（元/人）', '补助金额']);
    expect(t!.rows[0]).toEqual(['一、城镇困难群众：', '', '', '']);
    expect(t!.rowKinds).toEqual(['section', 'body', 'body', 'body']);
  });
});
