/**
 * Sample `budget-captions`: two invented 部门预算公开 tables drawn with pdf-lib (stroked borders),
 * captioned as real disclosures are (issue #15): a number label '公开01表' at the left, the title
 * centred, then ONE row holding the issuer '部门：…' at the left and the unit '单位：元' at the
 * right. Table 1 fills page 1 and continues on page 2 with only its 合计 row (no header). Table 2
 * is titled '公开02表：…' at the left margin with '编制部门：…' and '单位：万元' under it; it
 * continues on page 3 under the SAME title, issuer/unit line and header, printed again.
 * Amounts are invented and add up (合计 = sum of the rows). Footers '- N -'.
 * Coordinates: displayed page, pt, origin top-left, y down.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTexts, writeJson } from './tools.ts';
import type { Surface } from './pdf-surface.ts';
import { a4Document, drawRows, type Row } from './spans-continued.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

const A4: [number, number] = [595.28, 841.89];
const EDGES = [80, 300, 410, 515];
const ISSUER = '青禾县农业农村局';
const TITLE1 = '青禾县农业农村局2025年部门收入预算总表';
const TITLE2 = '公开02表：青禾县农业农村局2025年部门支出预算表';
const HEADER1 = ['项目', '本年预算', '上年预算'];
const HEADER2 = ['科目编码', '科目名称', '金额'];
const INCOME = ['财政拨款收入', '一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '财政专户管理资金收入', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'];
const SPEND = ['行政运行', '一般行政管理事务', '机关服务', '农业农村服务', '技术推广与培训', '病虫害控制', '农产品质量安全', '执法监管', '统计监测与信息服务', '农业资源保护修复与利用', '农村合作经济', '农产品加工与促销', '农村社会事业', '防灾救灾', '稳定农民收入补贴'];

/** Invented amount in cents for row `i` of a table seeded `k`. */
const cents = (i: number, k: number): number => ((i * 7919 + k * 104729) % 900000) + 10000 * (i % 3 + 1);
const money = (c: number): string => (c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const row = (texts: string[]): Row => ({ cells: texts.map((t) => [t, 1] as [string, number]) });

function incomeRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) rows.push([`${INCOME[i % INCOME.length]}（${Math.floor(i / INCOME.length) + 1}）`, money(cents(i, 1)), money(cents(i, 2))]);
  const sum = (k: number): string => money(Array.from({ length: n }, (_, i) => cents(i, k)).reduce((a, b) => a + b, 0));
  rows.push(['合计', sum(1), sum(2)]);
  return rows;
}

function spendRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) rows.push([String(2130101 + i), SPEND[i % SPEND.length]! + (i >= SPEND.length ? '（续）' : ''), money(cents(i, 3))]);
  rows.push(['', '合计', money(Array.from({ length: n }, (_, i) => cents(i, 3)).reduce((a, b) => a + b, 0))]);
  return rows;
}

/** The issuer at the left and the unit at the right on one row. */
function issuerRow(p: Surface, label: string, unit: string, y: number): void {
  p.text(`${label}${ISSUER}`, EDGES[0]!, y, 12);
  p.text(unit, EDGES[3]! - p.width_(unit, 12), y, 12);
}

export async function buildBudgetCaptions(root: string): Promise<void> {
  const { doc, page } = await a4Document();
  const rows1 = incomeRows(24);
  const rows2 = spendRows(32);

  const p1 = page();
  p1.text('公开01表', EDGES[0]!, 80, 12);
  p1.centred(TITLE1, A4[0] / 2, 112, 18);
  issuerRow(p1, '部门：', '单位：元', 140);
  drawRows(p1, [HEADER1, ...rows1.slice(0, -1)].map(row), 150, EDGES);
  p1.centred('- 1 -', A4[0] / 2, 800, 12);

  const p2 = page();
  const end = drawRows(p2, [row(rows1[rows1.length - 1]!)], 72, EDGES);
  p2.text(TITLE2, EDGES[0]!, end + 60, 16);
  issuerRow(p2, '编制部门：', '单位：万元', end + 88);
  const split = 21;
  drawRows(p2, [HEADER2, ...rows2.slice(0, split)].map(row), end + 98, EDGES);
  p2.centred('- 2 -', A4[0] / 2, 800, 12);

  const p3 = page();
  p3.text(TITLE2, EDGES[0]!, 80, 16);
  issuerRow(p3, '编制部门：', '单位：万元', 108);
  drawRows(p3, [HEADER2, ...rows2.slice(split)].map(row), 118, EDGES);
  p3.centred('- 3 -', A4[0] / 2, 800, 12);

  const dir = join(root, 'samples', 'budget-captions');
  mkdirSync(join(dir, 'expected'), { recursive: true });
  const pdf = join(dir, 'budget-captions.pdf');
  writeFileSync(pdf, await doc.save());
  const pages = pageTexts(pdf).length;
  const tables: ExpectedTable[] = [
    { title: TITLE1, issuer: ISSUER, unit: '单位：元', header: HEADER1, rows: rows1, rowKinds: rows1.map(() => 'body'), pages: [1, 2] },
    { title: TITLE2, issuer: ISSUER, unit: '单位：万元', header: HEADER2, rows: rows2, rowKinds: rows2.map(() => 'body'), pages: [2, 3] },
  ];
  const facts: TextFacts = {
    pages,
    mustContain: [],
    footers: ['- 1 -', '- 2 -', '- 3 -'],
    mustNotContain: [],
    notes: ['page 2 starts with table 1\'s 合计 row alone, no header', 'page 3 repeats table 2\'s title, issuer/unit line and header'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), tables);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`budget-captions: ${pages} pages, ${rows1.length} + ${rows2.length} rows`);
}
