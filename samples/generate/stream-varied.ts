/**
 * Samples `stream-chromium`, `stream-lo`, `stream-pdflib` (issue #10 point 7): invented unruled
 * tables from three producers, each with the patterns a stream reader gets wrong — a narrow flag
 * column filled in two rows only, a mostly empty 备注 column, a header cell wrapped over two lines,
 * section rows ending in '：' with empty amounts, a body row with an empty amount, and form lines
 * ('填报单位：…  填报日期：…') between the caption and the table that are not its header.
 * Printed by Chromium (HTML), LibreOffice (flat ODT, borderless table) and pdf-lib (text drawn
 * at computed positions). Expected outputs come from the same table spec, checked by hand against
 * the rendered pages (`pdftoppm -r 80 -png`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { Surface, padSubsetGlyphs } from './pdf-surface.ts';
import { join } from 'node:path';
import type { Block, PrintCell } from './blocks.ts';
import { blocksToHtml } from './gongwen-html.ts';
import { chromiumPrint, libreofficeConvert, pageTexts, writeJson } from './tools.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

/** A table to print: header cells may hold '\n' (printed wrapped, read joined). */
export interface StreamSpec {
  /** the table's caption; null = none (a report form: heading, field lines, table) */
  caption: string | null;
  unit: string | null;
  /** form lines between the caption and the table, each a list of fields spread over the line */
  fields: string[][];
  header: string[];
  /** a section row is one string ending in '：' printed in the first column, the rest empty */
  rows: (string[] | string)[];
  align: ('left' | 'center' | 'right')[];
}

/** The spec → the expected table (header joined, section rows padded with ''). */
export function specToExpected(t: StreamSpec): ExpectedTable {
  const n = t.header.length;
  return {
    title: t.caption,
    unit: t.unit,
    header: t.header.map((h) => h.replace(/\n/g, '')),
    rows: t.rows.map((r) => (typeof r === 'string' ? [r, ...new Array<string>(n - 1).fill('')] : r)),
    rowKinds: t.rows.map((r) => (typeof r === 'string' ? 'section' : 'body')),
    pages: [1],
  };
}

/** Writes expected/tables.json and text-facts.json (the form lines and the paragraphs must stay text). */
function writeExpected(dir: string, pdf: string, t: StreamSpec, mustContain: string[], footer: string | null): void {
  const pages = pageTexts(pdf).length;
  if (pages !== 1) throw new Error(`${pdf}: expected 1 page, got ${pages}`);
  const facts: TextFacts = {
    pages,
    mustContain: [...mustContain, ...t.fields.flat()],
    footers: footer === null ? [] : [footer],
    mustNotContain: [],
    notes: ['the form lines above the table are text, not its header', 'header cells wrapped over two lines are joined'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [specToExpected(t)]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
}

/** [项目名称, 重点, 预算金额, 已拨付, 备注] — invented, 万元 */
/** [项目名称, 重点, 预算金额, 已拨付（'' = none yet）, 备注] by section — invented, 万元 */
const VILLAGE_PROJECTS: [string, [string, string, number, number | null, string][]][] = [
  ['一、基础设施类：', [
    ['东坪村村内道路硬化', '★', 120, 80, ''],
    ['石门村排水沟渠修缮', '', 45.5, 45.5, ''],
    ['柳溪村文化广场照明', '', 18.2, null, '未开工'],
    ['云岭村便民桥加固', '', 26.8, 26.8, ''],
    ['高坪村村道安保设施', '', 15.6, 12, ''],
    ['后山村山塘清淤', '', 9.4, 9.4, ''],
    ['新塘村垃圾收集点建设', '', 7.3, 7.3, ''],
  ]],
  ['二、公共服务类：', [
    ['下湾村卫生室改造', '★', 36, 20, '分两期'],
    ['白沙村便民服务点', '', 12.8, 12.8, ''],
    ['桥头村幼儿活动场地', '', 22.4, 10, ''],
    ['石桥村老年活动中心修缮', '', 18.5, 18.5, ''],
    ['河口村农家书屋设备', '', 4.6, 4.6, ''],
    ['桃源村文体器材更新', '', 6.2, 6.2, ''],
  ]],
];

const wan = (x: number): string => x.toFixed(2);

/** Sections, projects and a 合计 row; the flag column ★ and 备注 are filled in two rows of 13 only. */
const CHROMIUM: StreamSpec = {
  caption: '2024 年村级公益事业建设项目资金安排表',
  unit: null,
  fields: [],
  header: ['项目名称', '重点', '预算金额\n（万元）', '已拨付\n（万元）', '备注'],
  rows: [
    ...VILLAGE_PROJECTS.flatMap(([section, projects]) => [
      section,
      ...projects.map(([name, flag, budget, paid, note]) => [name, flag, wan(budget), paid === null ? '' : wan(paid), note]),
    ]),
    [
      '合计',
      '',
      wan(VILLAGE_PROJECTS.flatMap(([, p]) => p).reduce((a, r) => a + r[2], 0)),
      wan(VILLAGE_PROJECTS.flatMap(([, p]) => p).reduce((a, r) => a + (r[3] ?? 0), 0)),
      '',
    ],
  ],
  align: ['left', 'center', 'right', 'right', 'center'],
};

export function buildStreamChromium(root: string): void {
  const t = CHROMIUM;
  const intro = '现将我局 2024 年村级公益事业建设项目资金安排情况公布如下，接受社会监督。';
  const cell = (text: string): PrintCell => (text.includes('\n') ? { text, html: text.split('\n').join('<br>') } : { text });
  const blocks: Block[] = [
    { kind: 'title', lines: ['青禾县农业农村局', '村级公益事业建设项目资金公示'] },
    { kind: 'p', text: intro, indent: true },
    { kind: 'caption', text: t.caption! },
    {
      kind: 'table',
      table: {
        style: 'unruled',
        fontSize: 12,
        widths: [12, 3, 7, 7],
        align: t.align,
        header: [t.header.map(cell)],
        body: t.rows.map((r) => (typeof r === 'string' ? [{ text: r, colSpan: t.header.length }] : r.map((text) => ({ text })))),
      },
    },
  ];
  const dir = join(root, 'samples', 'stream-chromium');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const html = join(dir, 'source', 'stream-chromium.html');
  writeFileSync(html, blocksToHtml(blocks, { font: "'AR PL UMing CN'", footer: '"第 " counter(page) " 页"', footerSide: 'center' }, '资金公示'));
  const pdf = join(dir, 'stream-chromium.pdf');
  chromiumPrint(html, pdf);
  writeExpected(dir, pdf, t, [intro], '第 1 页');
  console.log(`stream-chromium: ${t.rows.length} rows`);
}

/** [单位名称, 人数, 补助标准（元/人）, 补助金额, 备注] — invented, 元 */
const LO: StreamSpec = {
  caption: '青禾县 2024 年第二季度临时救助补助发放明细表',
  unit: '单位：元',
  fields: [],
  header: ['单位名称', '人数', '补助标准（元/人）', '补助金额', '备注'],
  rows: [
    '一、城镇困难群众：',
    ['城关社区', '46', '600', '27,600', ''],
    ['河西社区', '38', '600', '22,800', ''],
    ['新桥社区', '', '600', '', '名单待复核'],
    '二、农村困难群众：',
    ['东坪村', '52', '450', '23,400', ''],
    ['柳溪村', '41', '450', '18,450', '含2户新增'],
    ['白沙村', '29', '450', '13,050', ''],
    ['合计', '206', '', '105,300', ''],
  ],
  align: ['left', 'right', 'right', 'right', 'center'],
};

/**
 * The LibreOffice Calc flat ODS (Writer is not installed here; a sheet printed without grid lines
 * is the common unruled table anyway): caption merged over the columns, '单位：元' in the last
 * column, the header in cells that wrap (column 3 is too narrow for its text) and sit at the cell
 * bottom as Calc does by default, a note line under the table.
 */
function loFods(t: StreamSpec, note: string): string {
  const esc = (x: string): string => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const n = t.header.length;
  const cell = (text: string, style: string, span = 1): string =>
    text === ''
      ? `<table:table-cell table:style-name="${style}"/>`
      : `<table:table-cell table:style-name="${style}" office:value-type="string"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}><text:p>${esc(text)}</text:p></table:table-cell>` +
        (span > 1 ? `<table:covered-table-cell table:number-columns-repeated="${span - 1}"/>` : '');
  const row = (cells: string): string => `<table:table-row table:style-name="ro">${cells}</table:table-row>`;
  const style = { left: 'ceL', center: 'ceC', right: 'ceR' } as const;
  const widths = [4.4, 1.8, 2.2, 3.0, 3.4]; // cm
  const cellStyle = (name: string, align: string, extra = '', text = ''): string =>
    `<style:style style:name="${name}" style:family="table-cell"><style:table-cell-properties${extra}/><style:paragraph-properties fo:text-align="${align}"/>${text}</style:style>`;
  const rows = [
    row(cell(t.caption ?? '', 'ceCap', n)),
    row(cell('', 'ceL').repeat(n - 1) + cell(t.unit ?? '', 'ceR')),
    row(t.header.map((h) => cell(h, 'ceHead')).join('')),
    ...t.rows.map((r) => row(typeof r === 'string' ? cell(r, 'ceL') + cell('', 'ceL').repeat(n - 1) : r.map((c, i) => cell(c, style[t.align[i]!])).join(''))),
    row(cell(note, 'ceL') + cell('', 'ceL').repeat(n - 1)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls>
 <style:font-face style:name="UMing" svg:font-family="'AR PL UMing CN'"/>
 <style:font-face style:name="ZenHei" svg:font-family="'WenQuanYi Zen Hei'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="table-cell">
  <style:text-properties style:font-name="UMing" fo:font-size="12pt" style:font-name-asian="UMing" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 ${widths.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join('\n ')}
 <style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
 <style:style style:name="ta" style:family="table" style:master-page-name="PS"><style:table-properties table:display="true"/></style:style>
 ${cellStyle('ceL', 'start')}
 ${cellStyle('ceC', 'center')}
 ${cellStyle('ceR', 'end')}
 ${cellStyle('ceHead', 'center', ' fo:wrap-option="wrap"', '<style:text-properties style:font-name-asian="ZenHei"/>')}
 ${cellStyle('ceCap', 'center', ' style:vertical-align="middle"', '<style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="ZenHei"/>')}
 <style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2cm" style:print="objects charts drawings"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="PS" style:page-layout-name="pm"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>
</office:master-styles>
<office:body><office:spreadsheet><table:table table:name="明细" table:style-name="ta">
${widths.map((_, i) => `<table:table-column table:style-name="co${i}"/>`).join('')}
${rows.join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

export function buildStreamLo(root: string): void {
  const t = LO;
  const note = '注：新桥社区名单待复核后补发。';
  const dir = join(root, 'samples', 'stream-lo');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const src = join(dir, 'source', 'stream-lo.fods');
  writeFileSync(src, loFods(t, note));
  const pdf = join(dir, 'stream-lo.pdf');
  libreofficeConvert(src, pdf);
  writeExpected(dir, pdf, t, [note, t.unit!], null);
  console.log(`stream-lo: ${t.rows.length} rows`);
}

/** [检测项目, 标准限值, 检测结果, 超标, 备注] — invented; the header cells of columns 2 and 3 wrap (top-aligned) */
const PDFLIB: StreamSpec = {
  caption: null,
  unit: null,
  fields: [
    ['水样编号：S-2024-031', '采样地点：东坪镇水厂出水口', '送检人：李华'],
    ['采样日期：2024-05-06', '检测日期：2024-05-08', '报告编号：JC-0618'],
  ],
  header: ['检测项目', '标准\n限值', '检测\n结果', '超标', '备注'],
  rows: [
    '一、感官性状和一般化学指标：',
    ['浑浊度（NTU）', '1', '0.35', '', ''],
    ['pH', '6.5-8.5', '7.21', '', ''],
    ['铁（mg/L）', '0.3', '0.42', '＊', '复检'],
    ['锰（mg/L）', '0.1', '0.03', '', ''],
    ['余氯（mg/L）', '0.05', '', '', '未测'],
    ['耗氧量（mg/L）', '3', '1.2', '', ''],
    '二、微生物指标：',
    ['菌落总数（CFU/mL）', '100', '130', '＊', '已消毒复测'],
  ],
  align: ['left', 'left', 'right', 'center', 'left'],
};

/** Liberation Serif for ASCII (Debian 12 has it under liberation2/, older systems under liberation/). */
const LATIN = ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf'];

export async function buildStreamPdfLib(root: string): Promise<void> {
  const t = PDFLIB;
  const A4: [number, number] = [595.28, 841.89];
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const cjk = readFileSync('/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf');
  padSubsetGlyphs(cjk);
  const fonts = { cjk: await doc.embedFont(cjk, { subset: true }), latin: await doc.embedFont(readFileSync(LATIN.find((f) => existsSync(f)) ?? LATIN[0]!), { subset: true }) };
  const p = new Surface(doc.addPage(A4), fonts, A4[0], A4[1]);
  const size = 10.5;
  p.centred('青禾县供水站水质检测报告', A4[0] / 2, 80, 18);
  const fieldX = [60, 230, 430];
  t.fields.forEach((line, k) => line.forEach((f, i) => p.text(f, fieldX[i]!, 118 + k * 16, size)));
  p.line(56, 146, 540, 146);
  // column boxes [x0, x1]: text set left, right or centred inside them
  const box: [number, number][] = [[60, 200], [220, 252], [262, 296], [312, 336], [350, 440]];
  const put = (text: string, col: number, baseline: number): void => {
    const [x0, x1] = box[col]!;
    const w = p.width_(text, size);
    const a = t.align[col]!;
    p.text(text, a === 'left' ? x0 : a === 'right' ? x1 - w : (x0 + x1 - w) / 2, baseline, size);
  };
  let y = 164;
  t.header.forEach((h, c) => h.split('\n').forEach((ln, k) => put(ln, c, y + k * 14)));
  y += 14 * 2 + 6;
  for (const r of t.rows) {
    if (typeof r === 'string') p.text(r, box[0]![0], y, size);
    else r.forEach((c, i) => c !== '' && put(c, i, y));
    y += 16;
  }
  const closing = ['检测结论：铁、菌落总数两项超出限值，已通知复检。', '检测单位：青禾县疾病预防控制中心'];
  closing.forEach((c, k) => p.text(c, 60, y + 8 + k * 16, size));
  p.centred('第 1 页', A4[0] / 2, A4[1] - 50, 10.5);
  const dir = join(root, 'samples', 'stream-pdflib');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const pdf = join(dir, 'stream-pdflib.pdf');
  writeFileSync(pdf, await doc.save());
  writeFileSync(join(dir, 'source', 'README.md'), 'Drawn by samples/generate/stream-varied.ts (buildStreamPdfLib) with pdf-lib; no source document.\n');
  writeExpected(dir, pdf, t, closing, '第 1 页');
  console.log(`stream-pdflib: ${t.rows.length} rows`);
}
