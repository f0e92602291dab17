/**
 * Sample `unruled`: an invented 公示 printed by Chromium with a stream table (no rules at all):
 * columns aligned by position only, the header row set in WenQuanYi Zen Hei (黑体) with extra
 * space below it, amounts in FULL-WIDTH digits with full-width separators ('１２，３４５．６０')
 * in one column and ASCII thousands separators ('12,345.60') in another, a unit line '单位：元',
 * and the page footer '第 1 页'.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from './blocks.ts';
import { blocksToHtml } from './gongwen-html.ts';
import { chromiumPrint, pageTexts, writeJson } from './tools.ts';
import type { ExpectedDocument, ExpectedTable, TextFacts } from './expected-types.ts';

/** [项目, 预算金额, 实际支出] in 元 — invented */
const ITEMS: [string, number, number][] = [
  ['办公用品购置', 12345.6, 11820.5],
  ['印刷及复印费', 8600, 7912.35],
  ['邮寄及快递费', 2400, 2186],
  ['水电费', 36500, 35874.18],
  ['物业管理费', 48000, 48000],
  ['公务用车运行维护费', 27300, 24518.4],
  ['差旅费', 19800, 16342.7],
  ['会议费', 9500, 6120],
  ['培训费', 15000, 13685.25],
  ['维修（护）费', 21000, 19733.6],
  ['专用材料费', 6800, 5247.9],
];

const ascii = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** '12,345.60' → '１２，３４５．６０' (full-width digits, comma U+FF0C, full stop U+FF0E) */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/,/g, '，').replace(/\./g, '．');
const rate = (a: number, b: number) => `${((b / a) * 100).toFixed(1)}%`;

const TITLE = '青禾县机关事务服务中心关于 2024 年第三季度公用经费支出情况的公示';
const CAPTION = '2024 年第三季度公用经费支出明细';

export function buildUnruled(root: string): void {
  const budget = ITEMS.reduce((a, r) => a + r[1], 0);
  const spent = ITEMS.reduce((a, r) => a + r[2], 0);
  const rows = [
    ...ITEMS.map((r, i) => [String(i + 1), r[0], fullWidth(ascii(r[1])), ascii(r[2]), rate(r[1], r[2])]),
    ['', '合计', fullWidth(ascii(budget)), ascii(spent), rate(budget, spent)],
  ];
  const blocks: Block[] = [
    { kind: 'title', lines: ['青禾县机关事务服务中心关于 2024 年', '第三季度公用经费支出情况的公示'] },
    {
      kind: 'p',
      text: `现将本中心 2024 年第三季度公用经费支出情况公示如下（预算 ${ascii(budget)} 元，实际支出 ${ascii(spent)} 元），公示期 5 个工作日。`,
      indent: true,
    },
    { kind: 'caption', text: CAPTION },
    { kind: 'unit', text: '单位：元' },
    {
      kind: 'table',
      table: {
        style: 'unruled',
        fontSize: 12,
        widths: [3, 10, 11, 8],
        align: ['center', 'left', 'right', 'right', 'right'],
        header: [[{ text: '序号' }, { text: '项目' }, { text: '预算金额' }, { text: '实际支出' }, { text: '执行率' }]],
        body: rows.map((r) => r.map((t) => ({ text: t }))),
      },
    },
    { kind: 'signature', lines: ['青禾县机关事务服务中心', '2024年10月12日'] },
  ];
  const dir = join(root, 'samples', 'unruled');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const html = join(dir, 'source', 'unruled.html');
  writeFileSync(html, blocksToHtml(blocks, { font: "'AR PL UMing CN'", footer: '"第 " counter(page) " 页"', footerSide: 'center' }, TITLE));
  const pdf = join(dir, 'unruled.pdf');
  chromiumPrint(html, pdf);
  const texts = pageTexts(pdf);
  const pages = texts.length;
  if (pages !== 1) throw new Error(`unruled: expected 1 page, got ${pages}`);
  const table: ExpectedTable = {
    title: CAPTION,
    unit: '单位：元',
    header: ['序号', '项目', '预算金额', '实际支出', '执行率'],
    rows,
    rowKinds: rows.map(() => 'body'),
    pages: [1],
  };
  const doc: ExpectedDocument = {
    docNumber: null,
    title: TITLE,
    issuers: ['青禾县机关事务服务中心'],
    signDate: '2024-10-12',
    printDate: null,
    pageFrom: 1,
    pageTo: 1,
    attachments: [],
  };
  const facts: TextFacts = {
    pages,
    mustContain: ['公示期 5 个工作日', '单位：元', fullWidth(ascii(ITEMS[0]![1])), ascii(ITEMS[0]![2]), '2024年10月12日'],
    footers: ['第 1 页'],
    mustNotContain: [],
    notes: ['no ruling lines anywhere: the table must be found from aligned text (stream)', 'full-width digits are kept as printed in cells (no NFKC on them)'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [table]);
  writeJson(join(dir, 'expected', 'documents.json'), [doc]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`unruled: ${pages} page, ${rows.length} rows, budget ${ascii(budget)} spent ${ascii(spent)}`);
}
