/**
 * Sample `lines-table`: an invented notice drawn with pdf-lib + fontkit (DroidSansFallbackFull,
 * embedded as a subset), every table border a STROKED line (drawLine, 0.75pt). A long table runs
 * over 6+ portrait pages with its header redrawn on each page and section rows spanning all columns;
 * one LANDSCAPE page (MediaBox 842 × 595) holds a wide table; one portrait page with /Rotate 90
 * holds a table drawn through a rotating `cm` so it reads upright when displayed. Page footers
 * '- N -' centred. Coordinates in this file: displayed page, pt, origin top-left, y down.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, degrees, pushGraphicsState, popGraphicsState, concatTransformationMatrix } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { writeJson, pageTexts } from './tools.ts';
import { type Fonts, Surface, padSubsetGlyphs, wrap } from './pdf-surface.ts';
import type { ExpectedDocument, ExpectedTable, TextFacts } from './expected-types.ts';

const FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const LATIN = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf';
const A4: [number, number] = [595.28, 841.89];

interface GridTable {
  widths: number[];
  header: string[];
  rows: { cells: string[]; section?: boolean }[];
  size: number;
  /** alignment per column */
  align: ('l' | 'c' | 'r')[];
}

/** Draws rows [from, …) of `t` under its header at `top`; returns the index of the first row not drawn. */
function drawTable(s: Surface, t: GridTable, left: number, top: number, bottom: number, from: number): number {
  const lh = t.size * 1.35;
  const pad = 4;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const edges = t.widths.reduce<number[]>((a, w) => [...a, a[a.length - 1]! + w], [left]);
  const rowHeight = (cells: string[], section?: boolean) =>
    Math.max(...(section ? [wrap(cells[0]!, s.fonts, t.size, total - 2 * pad).length] : cells.map((c, i) => wrap(c, s.fonts, t.size, t.widths[i]! - 2 * pad).length))) * lh + 2 * pad;
  const drawRow = (cells: string[], y: number, section?: boolean): number => {
    const h = rowHeight(cells, section);
    const spans = section ? [[cells[0]!, left, left + total] as const] : cells.map((c, i) => [c, edges[i]!, edges[i + 1]!] as const);
    spans.forEach(([c, x0, x1], i) => {
      const lines = wrap(c, s.fonts, t.size, x1 - x0 - 2 * pad);
      const block = lines.length * lh;
      lines.forEach((ln, k) => {
        const base = y + (h - block) / 2 + k * lh + t.size * 0.95;
        const a = section ? 'l' : t.align[i]!;
        const x = a === 'l' ? x0 + pad : a === 'r' ? x1 - pad - s.width_(ln, t.size) : (x0 + x1 - s.width_(ln, t.size)) / 2;
        s.text(ln, x, base, t.size);
      });
    });
    s.line(left, y + h, left + total, y + h);
    for (const x of section ? [left, left + total] : edges) s.line(x, y, x, y + h);
    return y + h;
  };
  s.line(left, top, left + total, top);
  let y = drawRow(t.header, top);
  let i = from;
  while (i < t.rows.length && y + rowHeight(t.rows[i]!.cells, t.rows[i]!.section) <= bottom) {
    y = drawRow(t.rows[i]!.cells, y, t.rows[i]!.section);
    i++;
  }
  return i;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = ['东坪镇', '柳溪镇', '白沙乡', '云岭镇', '青石乡', '河口镇', '桃源乡', '石桥镇'];
const SYL = '上下前后新老大小东西南北石竹松柳桥湾坪岭塘冲坳垴溪沟岗坝'.split('');
const money = (x: number) => x.toFixed(2);

/** The long table's data: per town a section row then its roads (code, name, km, amount). */
function roadRows(): { cells: string[]; section?: boolean }[] {
  const r = rng(20240408);
  const pick = () => SYL[Math.floor(r() * SYL.length)]!;
  const out: { cells: string[]; section?: boolean }[] = [];
  let n = 0;
  let code = 101;
  TOWNS.forEach((town, ti) => {
    const count = 24 + Math.floor(r() * 5);
    out.push({ cells: [`${'一二三四五六七八'[ti]}、${town}（${count} 条）`, '', '', '', ''], section: true });
    for (let k = 0; k < count; k++) {
      const village = r() < 0.35;
      const a = pick() + pick() + '村';
      const b = pick() + pick() + '村';
      const extra = r() < 0.12 ? `（含 ${2 + Math.floor(r() * 6)} 组连接线及错车道）` : '';
      const km = Math.round((0.8 + r() * 8.7) * 10) / 10;
      const rate = village ? 0.7 : 1.2;
      out.push({ cells: [String(++n), `${village ? 'C' : 'Y'}${code++}`, `${a}至${b}${extra}`, km.toFixed(1), money(km * rate)] });
    }
  });
  return out;
}

export async function buildLinesTable(root: string): Promise<void> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setProducer('pdf-lib (gongwen sample generator)');
  doc.setTitle('青禾县交通运输局关于下达 2024 年农村公路养护补助资金计划的通知');
  const fontBytes = readFileSync(FONT);
  padSubsetGlyphs(fontBytes);
  const font: Fonts = {
    cjk: await doc.embedFont(fontBytes, { subset: true }),
    latin: await doc.embedFont(readFileSync(LATIN), { subset: true }),
  };
  const surfaces: Surface[] = [];
  const portrait = () => {
    const s = new Surface(doc.addPage(A4), font, A4[0], A4[1]);
    surfaces.push(s);
    return s;
  };

  // ── page 1: the notice ──
  const TITLE = ['青禾县交通运输局关于下达 2024 年', '农村公路养护补助资金计划的通知'];
  const ATT = ['青禾县 2024 年农村公路养护补助资金分配表', '青禾县 2024 年农村公路养护补助资金分项目明细表', '青禾县 2024 年农村公路养护里程汇总表'];
  const p1 = portrait();
  p1.centred('青交〔2024〕9号', A4[0] / 2, 110, 16);
  TITLE.forEach((l, i) => p1.centred(l, A4[0] / 2, 170 + i * 32, 22));
  const body = [
    { t: '各乡镇人民政府，县公路事业发展中心：', indent: false },
    { t: '为做好 2024 年农村公路日常养护工作，根据《青禾县农村公路养护管理办法》，现将 2024 年农村公路养护补助资金计划下达给你们，请按照计划及时组织实施，专款专用，确保路况持续改善。', indent: true },
    { t: '各乡镇要于 2024 年 12 月 15 日前完成养护任务，并将资金使用情况报县交通运输局。', indent: true },
  ];
  let y = 260;
  const bodyW = A4[0] - 160;
  for (const para of body) {
    const lines = wrap((para.indent ? '\u3000\u3000' : '') + para.t, font, 16, bodyW);
    for (const l of lines) {
      p1.text(l, 80, y, 16);
      y += 28;
    }
  }
  y += 14;
  ATT.forEach((a, i) => {
    p1.text(`${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${i + 1}. ${a}`, 80 + 32, y, 16);
    y += 28;
  });
  p1.centred('青禾县交通运输局', A4[0] - 180, y + 56, 16);
  p1.centred('2024年4月8日', A4[0] - 180, y + 84, 16);

  // ── pages 2…: the long table (header redrawn on every page) ──
  const rows = roadRows();
  const body1 = rows.filter((r) => !r.section);
  const km = body1.reduce((a, r) => a + Number(r.cells[3]), 0);
  const amount = body1.reduce((a, r) => a + Number(r.cells[4]), 0);
  rows.push({ cells: ['合计', '', '', km.toFixed(1), money(amount)] });
  const long: GridTable = {
    widths: [40, 60, 200, 105, 86],
    header: ['序号', '路线编码', '路线名称', '养护里程（公里）', '补助金额'],
    rows,
    size: 11,
    align: ['c', 'c', 'l', 'r', 'r'],
  };
  let next = 0;
  let first = true;
  while (next < rows.length) {
    const s = portrait();
    let top = 72;
    if (first) {
      s.text('附件1', 52, 80, 16);
      s.centred(ATT[0]!, A4[0] / 2, 120, 18);
      s.text('单位：万元', A4[0] - 52 - s.width_('单位：万元', 12), 146, 12);
      top = 154;
      first = false;
    }
    next = drawTable(s, long, 52, top, A4[1] - 80, next);
  }
  const longPages = surfaces.length - 1;

  // ── landscape page: a wide table ──
  const items = ['路面修补', '桥涵维护', '安保设施', '排水设施', '绿化保洁', '日常巡查', '应急抢险'];
  const r = rng(7);
  const wideRows = TOWNS.map((t, i) => {
    const v = items.map(() => Math.round(r() * 2000) / 100);
    return [String(i + 1), t, ...v.map(money), money(v.reduce((a, b) => a + b, 0))];
  });
  const colSum = (k: number) => money(wideRows.reduce((a, row) => a + Number(row[k]), 0));
  wideRows.push(['合计', '', ...items.map((_, k) => colSum(k + 2)), colSum(items.length + 2)]);
  const land = new Surface(doc.addPage([A4[1], A4[0]]), font, A4[1], A4[0]);
  surfaces.push(land);
  land.text('附件2', 60, 70, 16);
  land.centred(ATT[1]!, A4[1] / 2, 104, 18);
  land.text('单位：万元', A4[1] - 60 - land.width_('单位：万元', 12), 130, 12);
  const wide: GridTable = {
    widths: [40, 72, ...items.map(() => 72), 82],
    header: ['序号', '乡镇', ...items, '合计'],
    rows: wideRows.map((c) => ({ cells: c })),
    size: 12,
    align: ['c', 'c', ...items.map(() => 'r' as const), 'r'],
  };
  drawTable(land, wide, 60, 138, A4[0] - 60, 0);

  // ── /Rotate 90 page: portrait MediaBox, content turned by a cm so it reads upright ──
  const rotPage = doc.addPage(A4);
  rotPage.setRotation(degrees(90));
  rotPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(0, 1, -1, 0, A4[0], 0));
  const rot = new Surface(rotPage, font, A4[1], A4[0]); // displayed: 842 wide, 595 high
  surfaces.push(rot);
  rot.text('附件3', 60, 70, 16);
  rot.centred(ATT[2]!, A4[1] / 2, 104, 18);
  rot.text('单位：公里', A4[1] - 60 - rot.width_('单位：公里', 12), 130, 12);
  const kinds = ['县道', '乡道', '村道'];
  const r2 = rng(11);
  const kmRows = TOWNS.map((t) => {
    const v = kinds.map(() => Math.round(r2() * 400) / 10);
    return [t, ...v.map((x) => x.toFixed(1)), v.reduce((a, b) => a + b, 0).toFixed(1)];
  });
  const kmSum = (k: number) => kmRows.reduce((a, row) => a + Number(row[k]), 0).toFixed(1);
  kmRows.push(['合计', kmSum(1), kmSum(2), kmSum(3), kmSum(4)]);
  const kmTable: GridTable = { widths: [150, 120, 120, 120, 130], header: ['乡镇', ...kinds, '合计'], rows: kmRows.map((c) => ({ cells: c })), size: 13, align: ['c', 'r', 'r', 'r', 'r'] };
  drawTable(rot, kmTable, (A4[1] - 640) / 2, 140, A4[0] - 60, 0);

  // ── footers '- N -' on every page, centred in displayed coordinates ──
  surfaces.forEach((s, i) => s.centred(`- ${i + 1} -`, s.width / 2, s.height - 36, 12));
  rotPage.pushOperators(popGraphicsState());

  const dir = join(root, 'samples', 'lines-table');
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, 'lines-table.pdf');
  writeFileSync(pdf, await doc.save());

  const pages = surfaces.length;
  const strip = (rs: GridTable['rows']) => rs.map((x) => x.cells);
  const tables: ExpectedTable[] = [
    { title: ATT[0]!, unit: '单位：万元', header: long.header, rows: strip(rows), rowKinds: rows.map((x) => (x.section ? 'section' : 'body')), pages: Array.from({ length: longPages }, (_, i) => i + 2) },
    { title: ATT[1]!, unit: '单位：万元', header: wide.header, rows: wideRows, rowKinds: wideRows.map(() => 'body'), pages: [pages - 1] },
    { title: ATT[2]!, unit: '单位：公里', header: kmTable.header, rows: kmRows, rowKinds: kmRows.map(() => 'body'), pages: [pages] },
  ];
  const documents: ExpectedDocument[] = [
    { docNumber: '青交〔2024〕9号', title: TITLE.join(''), issuers: ['青禾县交通运输局'], signDate: '2024-04-08', printDate: null, pageFrom: 1, pageTo: pages, attachments: ATT },
  ];
  const texts = pageTexts(pdf);
  if (texts.length !== pages || !texts[pages - 1]!.includes('养护里程汇总表')) throw new Error('lines-table: page check failed');
  const facts: TextFacts = {
    pages,
    mustContain: ['青交〔2024〕9号', '各乡镇人民政府，县公路事业发展中心：', '2024年4月8日', '附件1', '附件3'],
    footers: Array.from({ length: pages }, (_, i) => `- ${i + 1} -`),
    mustNotContain: [],
    notes: [
      `long table on pages 2–${longPages + 1} (header redrawn on each), landscape page ${pages - 1} (MediaBox 842×595), page ${pages} has /Rotate 90 (MediaBox 595×842, displayed 842×595)`,
      'all borders are stroked lines (S operator), 0.75pt; section rows have no inner vertical lines',
    ],
  };
  writeJson(join(dir, 'expected', 'tables.json'), tables);
  writeJson(join(dir, 'expected', 'documents.json'), documents);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`lines-table: ${pages} pages, long table ${rows.length} rows on pages 2-${longPages + 1}`);
}
