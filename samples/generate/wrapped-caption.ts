/**
 * Sample `wrapped-caption`: an invented 预算表 printed by Chromium, ruled, whose caption is long
 * enough to wrap (the first line fills the column, the second is centred, the year only on the
 * first), a unit line '金额单位：元' of its own, and body rows a header must not swallow: section
 * rows drawn as plain rows ending in '：' ('一、收入：') and a row whose amounts are empty.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from './blocks.ts';
import { blocksToHtml } from './gongwen-html.ts';
import { chromiumPrint, pageTexts, writeJson } from './tools.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

const CAPTION = '青禾县2024年度机关事务服务中心部门预算收入支出及政府采购项目执行情况汇总表（按经济分类）';
const UNIT = '金额单位：元';
const HEADER = ['项目', '本年预算', '上年执行'];
/** [项目, 本年预算, 上年执行]; '' = amount not printed — invented */
const ROWS: string[][] = [
  ['一、收入：', '', ''],
  ['财政拨款收入', '1,200.00', '1,100.00'],
  ['事业收入', '', ''],
  ['其他收入', '35.50', '20.00'],
  ['二、支出：', '', ''],
  ['基本支出', '800.00', '760.00'],
  ['项目支出', '435.50', '360.00'],
];

export function buildWrappedCaption(root: string): void {
  const blocks: Block[] = [
    { kind: 'title', lines: ['青禾县机关事务服务中心', '部门预算公开'] },
    { kind: 'p', text: '现将本中心部门预算收入支出情况公开如下。', indent: true },
    { kind: 'caption', text: CAPTION },
    { kind: 'unit', text: UNIT },
    {
      kind: 'table',
      table: {
        style: 'ruled',
        fontSize: 12,
        widths: [14, 8],
        align: ['left', 'right', 'right'],
        header: [HEADER.map((text) => ({ text }))],
        body: ROWS.map((r) => r.map((text) => ({ text }))),
      },
    },
  ];
  const dir = join(root, 'samples', 'wrapped-caption');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const html = join(dir, 'source', 'wrapped-caption.html');
  writeFileSync(html, blocksToHtml(blocks, { font: "'AR PL UMing CN'", footer: '"第 " counter(page) " 页"', footerSide: 'center' }, '部门预算公开'));
  const pdf = join(dir, 'wrapped-caption.pdf');
  chromiumPrint(html, pdf);
  const pages = pageTexts(pdf).length;
  if (pages !== 1) throw new Error(`wrapped-caption: expected 1 page, got ${pages}`);
  const table: ExpectedTable = { title: CAPTION, unit: UNIT, header: HEADER, rows: ROWS, rowKinds: ROWS.map(() => 'body'), pages: [1] };
  const facts: TextFacts = {
    pages,
    mustContain: ['现将本中心部门预算收入支出情况公开如下。', UNIT, '1,200.00'],
    footers: ['第 1 页'],
    mustNotContain: [],
    notes: ['the caption wraps: its first line (with the year) fills the column', "'一、收入：' and '事业收入' are body rows, not header"],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [table]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`wrapped-caption: ${pages} page, ${ROWS.length} rows`);
}
