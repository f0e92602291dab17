/**
 * Sample `spans-continued`: an invented 股东情况 table drawn with pdf-lib + fontkit (stroked
 * borders, DroidSansFallback), on two pages. Its caption wraps (the first line, with the year,
 * fills the column; the second is centred), the unit '单位：股' is its own right-aligned line, a
 * header cell wraps over two lines inside its cell, a section row spans the width and is followed
 * by the group's own column names, the group's rows span 2+1+1 columns, and page 2 continues
 * them WITHOUT a repeated header, drawn on those 3 merged columns only. Footers '- N -'.
 * Coordinates here: displayed page, pt, origin top-left, y down.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { pageTexts, writeJson } from './tools.ts';
import { type Fonts, Surface, padSubsetGlyphs, wrap } from './pdf-surface.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

const FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const LATIN = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';
const A4: [number, number] = [595.28, 841.89];
const EDGES = [80, 190, 300, 410, 515];
const SIZE = 11;
const CAPTION = '青禾县农业发展投资有限公司2024年第三季度末前五名股东及无限售条件股东持股情况表';
const HEADER = ['股东名称', '股东性质', '持股数量', '质押或冻结股份数量'];
/** a printed row: texts with their column spans (a span of 4 is a section row) — invented */
export type Row = { cells: [string, number][] };
const TOP: Row[] = [
  { cells: [['青禾县国有资产经营中心', 1], ['国有法人', 1], ['52,000,000', 1], ['', 1]] },
  { cells: [['禾丰投资合伙企业', 1], ['境内非国有法人', 1], ['8,400,000', 1], ['8,400,000', 1]] },
  { cells: [['李春华', 1], ['境内自然人', 1], ['2,150,000', 1], ['', 1]] },
  { cells: [['前3名无限售条件股东持股情况', 4]] },
  { cells: [['股东名称', 2], ['持有无限售条件股份数量', 1], ['股份种类', 1]] },
  { cells: [['青禾县国有资产经营中心', 2], ['52,000,000', 1], ['人民币普通股', 1]] },
];
const CONTINUED: Row[] = [
  { cells: [['禾丰投资合伙企业', 2], ['8,400,000', 1], ['人民币普通股', 1]] },
  { cells: [['李春华', 2], ['2,150,000', 1], ['人民币普通股', 1]] },
];

/** Draws `rows` from `top` on the column edges `edges` (x, pt); a cell spans its count of columns. Returns the bottom y. */
export function drawRows(s: Surface, rows: Row[], top: number, edges: number[]): number {
  const lh = SIZE * 1.35;
  const pad = 4;
  s.line(edges[0]!, top, edges[edges.length - 1]!, top);
  let y = top;
  for (const row of rows) {
    let col = 0;
    const spans = row.cells.map(([t, span]) => {
      const x0 = edges[col]!;
      col += span;
      return { t, x0, x1: edges[col]! };
    });
    const lines = spans.map((c) => wrap(c.t, s.fonts, SIZE, c.x1 - c.x0 - 2 * pad));
    const h = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * pad;
    spans.forEach((c, i) => lines[i]!.forEach((ln, k) => s.text(ln, c.x0 + pad, y + pad + k * lh + SIZE * 0.95, SIZE)));
    for (const c of spans) s.line(c.x0, y, c.x0, y + h);
    s.line(edges[edges.length - 1]!, y, edges[edges.length - 1]!, y + h);
    s.line(edges[0]!, y + h, edges[edges.length - 1]!, y + h);
    y += h;
  }
  return y;
}

/** A row's texts on the table's 4 columns: text in the first column of its span, '' in the rest. */
const flat = (r: Row): string[] => r.cells.flatMap(([t, span]) => [t, ...Array<string>(span - 1).fill('')]);

/** A new pdf-lib document with the sample fonts embedded, and a function adding an A4 page. */
export async function a4Document(): Promise<{ doc: PDFDocument; fonts: Fonts; page: () => Surface }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setProducer('pdf-lib (gongwen sample generator)');
  const bytes = readFileSync(FONT);
  padSubsetGlyphs(bytes);
  const fonts: Fonts = { cjk: await doc.embedFont(bytes, { subset: true }), latin: await doc.embedFont(readFileSync(LATIN), { subset: true }) };
  return { doc, fonts, page: () => new Surface(doc.addPage(A4), fonts, A4[0], A4[1]) };
}

export async function buildSpansContinued(root: string): Promise<void> {
  const { doc, fonts, page } = await a4Document();
  const p1 = page();
  p1.centred('青禾县农业发展投资有限公司股东情况公告', A4[0] / 2, 110, 20);
  wrap('本公司截至2024年9月30日的股东持股情况如下表所示，特此公告。', fonts, 14, 435).forEach((l, i) => p1.text(l, 80, 160 + i * 24, 14));
  const capLines = wrap(CAPTION, fonts, 16, EDGES[4]! - EDGES[0]!);
  capLines.forEach((l, i) => p1.centred(l, A4[0] / 2, 240 + i * 22, 16));
  const unitY = 240 + capLines.length * 22 + 4;
  p1.text('单位：股', EDGES[4]! - p1.width_('单位：股', 12), unitY, 12);
  drawRows(p1, [{ cells: HEADER.map((t) => [t, 1] as [string, number]) }, ...TOP], unitY + 10, EDGES);
  p1.centred('- 1 -', A4[0] / 2, 800, 12);
  const p2 = page();
  drawRows(p2, CONTINUED.map((r) => ({ cells: r.cells.map(([t]) => [t, 1] as [string, number]) })), 72, [EDGES[0]!, EDGES[2]!, EDGES[3]!, EDGES[4]!]);
  p2.centred('- 2 -', A4[0] / 2, 800, 12);

  const dir = join(root, 'samples', 'spans-continued');
  mkdirSync(join(dir, 'expected'), { recursive: true });
  const pdf = join(dir, 'spans-continued.pdf');
  writeFileSync(pdf, await doc.save());
  const pages = pageTexts(pdf).length;
  const rows = [...TOP, ...CONTINUED];
  const table: ExpectedTable = {
    title: CAPTION,
    unit: '单位：股',
    header: HEADER,
    rows: rows.map(flat),
    rowKinds: rows.map((r) => (r.cells.length === 1 ? 'section' : 'body')),
    pages: [1, 2],
  };
  const facts: TextFacts = {
    pages,
    mustContain: ['特此公告。', '单位：股'],
    footers: ['- 1 -', '- 2 -'],
    mustNotContain: [],
    notes: ['page 2 continues the table on 3 merged columns without a header', 'the wrapped header cell is one header'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [table]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`spans-continued: ${pages} pages, ${rows.length} rows`);
}
