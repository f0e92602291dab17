/**
 * Sample `budget-layouts`: five invented 部门预算公开 tables drawn with pdf-lib (stroked borders),
 * captioned the ways spreadsheet-printed disclosures are (issue #15):
 *  1. a numbered heading at the LEFT margin in small type ('一、…收支预算总表') over '单位：万元' at
 *     the right, under a centred part heading ('第二部分 …') that is no part of the title;
 *  2. its title and '部门：… 单位：万元' row at the FOOT of page 1, the grid on page 2;
 *  3. the issuer's name wrapped: '部门名称：青禾县农业农村' over '局', '单位：万元' on the lower row;
 *  4. the unit wrapped: '单位：万' at the right over '元', '部门名称：…' on the lower row;
 *  5. a left-margin heading wrapped onto a second line ('…支出预' / '算表'), then '部门：…';
 *  6. a two-sided 收支 table whose top header row ('收入 | 支出', spanning) is the last thing on
 *     page 3, its lower header row and body on page 4.
 * Amounts are invented and add up (合计 = sum of the rows). Footers '- N -'.
 * Coordinates: displayed page, pt, origin top-left, y down.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTexts, writeJson } from './tools.ts';
import { wrap, type Surface } from './pdf-surface.ts';
import { a4Document, drawRows, type Row } from './spans-continued.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

const A4: [number, number] = [595.28, 841.89];
const EDGES = [80, 200, 420, 515];
const ISSUER = '青禾县农业农村局';
const HEADER = ['科目编码', '科目名称', '金额'];
const NAMES = ['工资福利支出', '基本工资', '津贴补贴', '商品和服务支出', '办公费', '印刷费', '差旅费', '维修（护）费'];
const CODES = ['301', '30101', '30102', '302', '30201', '30202', '30211', '30213'];
const TITLES = [
  '一、青禾县农业农村局2025年部门收支预算总表',
  '财政拨款基本支出预算表',
  '一般公共预算支出预算表（功能科目）',
  '三公经费支出预算表',
  '十一、青禾县农业农村局2025年一般公共预算三公经费、会议费、培训费、差旅费支出预算表',
];

const TITLE6 = '十二、青禾县农业农村局2025年财政拨款收支预算总表';
const EDGES6 = [80, 210, 300, 430, 515];
const HEADER6 = ['项目', '金额', '项目', '金额'];
const ROWS6 = [
  ['一、一般公共预算', '1,250.00', '一、基本支出', '800.00'],
  ['二、政府性基金预算', '', '二、项目支出', '450.00'],
  ['收入合计', '1,250.00', '支出合计', '1,250.00'],
];
const money = (c: number): string => (c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const row = (texts: string[]): Row => ({ cells: texts.map((t) => [t, 1] as [string, number]) });

/** Rows of table `k`: 301 = 30101 + 30102, 302 = the rest, 合计 = 301 + 302 (cents, invented). */
function rowsOf(k: number): string[][] {
  const leaf = (i: number): number => 10000 + ((i * 7919 + k * 104729) % 900000);
  const amounts = CODES.map((_, i) => leaf(i));
  amounts[0] = amounts[1]! + amounts[2]!;
  amounts[3] = amounts[4]! + amounts[5]! + amounts[6]! + amounts[7]!;
  const rows = CODES.map((c, i) => [c, NAMES[i]!, money(amounts[i]!)]);
  return [['', '合计', money(amounts[0] + amounts[3])], ...rows];
}

/** A small label row: `left` at the table's left edge, `right` ending at its right edge (9 pt). */
function labelRow(p: Surface, left: string, right: string, y: number): void {
  if (left) p.text(left, EDGES[0]!, y, 9);
  if (right) p.text(right, EDGES[3]! - p.width_(right, 9), y, 9);
}

export async function buildBudgetLayouts(root: string): Promise<void> {
  const { doc, fonts, page } = await a4Document();
  const rows = [0, 1, 2, 3, 4].map(rowsOf);
  const draw = (p: Surface, k: number, top: number): number => drawRows(p, [HEADER, ...rows[k]!].map(row), top, EDGES);

  const p1 = page();
  wrap('按照预算公开的有关规定，现将本部门2025年部门预算公开如下，各表金额单位以表上所注为准。', fonts, 14, EDGES[3]! - EDGES[0]!).forEach((l, i) => p1.text(l, EDGES[0]!, 90 + i * 24, 14));
  p1.centred(`第二部分 ${ISSUER}2025年部门预算表`, A4[0] / 2, 170, 18);
  p1.text(TITLES[0]!, EDGES[0]! + 4, 200, 10.5);
  labelRow(p1, '', '单位：万元', 214);
  const end1 = draw(p1, 0, 220);
  p1.centred(TITLES[1]!, A4[0] / 2, end1 + 80, 22);
  p1.text('部门：', EDGES[0]!, end1 + 110, 9);
  p1.text(ISSUER, 240, end1 + 110, 9);
  labelRow(p1, '', '单位：万元', end1 + 110);
  p1.centred('- 1 -', A4[0] / 2, 800, 12);

  const p2 = page();
  const end2 = draw(p2, 1, 72);
  p2.centred(TITLES[2]!, A4[0] / 2, end2 + 50, 18);
  labelRow(p2, `部门名称：${ISSUER.slice(0, -1)}`, '', end2 + 72);
  labelRow(p2, ISSUER.slice(-1), '单位：万元', end2 + 83);
  draw(p2, 2, end2 + 90);
  p2.centred('- 2 -', A4[0] / 2, 800, 12);

  const p3 = page();
  p3.centred(TITLES[3]!, A4[0] / 2, 80, 18);
  labelRow(p3, '', '单位：万', 100);
  labelRow(p3, `部门名称：${ISSUER}`, '元', 111);
  const end3 = draw(p3, 3, 118);
  const head = wrap(TITLES[4]!, fonts, 16, EDGES[3]! - EDGES[0]!);
  head.forEach((l, i) => p3.text(l, EDGES[0]!, end3 + 50 + i * 20, 16));
  const y5 = end3 + 50 + (head.length - 1) * 20;
  labelRow(p3, `部门：${ISSUER}`, '单位：万元', y5 + 22);
  draw(p3, 4, y5 + 30);
  p3.text(TITLE6, EDGES[0]! + 4, 712, 10.5);
  labelRow(p3, '', '单位：万元', 726);
  drawRows(p3, [{ cells: [['收入', 2], ['支出', 2]] }], 732, EDGES6);
  p3.centred('- 3 -', A4[0] / 2, 800, 12);

  const p4 = page();
  drawRows(p4, [HEADER6, ...ROWS6].map(row), 72, EDGES6);
  p4.centred('- 4 -', A4[0] / 2, 800, 12);

  const dir = join(root, 'samples', 'budget-layouts');
  mkdirSync(join(dir, 'expected'), { recursive: true });
  const pdf = join(dir, 'budget-layouts.pdf');
  writeFileSync(pdf, await doc.save());
  const pages = pageTexts(pdf).length;
  const issuers = [null, ISSUER, ISSUER, ISSUER, ISSUER];
  const tables: ExpectedTable[] = rows.map((r, k) => ({
    title: TITLES[k]!,
    issuer: issuers[k]!,
    unit: '单位：万元',
    header: HEADER,
    rows: r,
    rowKinds: r.map(() => 'body'),
    pages: [k === 0 ? 1 : k <= 2 ? 2 : 3],
  }));
  tables.push({
    title: TITLE6,
    issuer: null,
    unit: '单位：万元',
    header: ['收入/项目', '收入/金额', '支出/项目', '支出/金额'],
    rows: ROWS6,
    rowKinds: ROWS6.map(() => 'body'),
    pages: [3, 4],
  });
  const facts: TextFacts = {
    pages,
    mustContain: [],
    footers: ['- 1 -', '- 2 -', '- 3 -', '- 4 -'],
    mustNotContain: [],
    notes: [
      'table 1: a left-margin heading over the unit line, a centred part heading above it (not part of the title); no issuer printed',
      "table 2: title and '部门：… 单位：万元' at the foot of page 1, the grid on page 2",
      "table 3: the issuer's name wraps ('…农业农村' over '局'); table 4: the unit wraps ('单位：万' over '元')",
      'table 5: a left-margin heading wrapped onto a second line',
      "table 6: page 3 ends with its top header row '收入 | 支出' alone; the rest is on page 4",
    ],
  };
  writeJson(join(dir, 'expected', 'tables.json'), tables);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`budget-layouts: ${pages} pages, ${tables.length} tables`);
}
