/**
 * Sample `lo-ruled`: an invented county notice printed by LibreOffice Writer from a flat ODT
 * (.fodt) written here: body in AR PL UMing CN, headings in WenQuanYi Zen Hei, caption in
 * AR PL UKai CN; page footers '— N —' centred (a page-number field); the attachment table has a
 * two-row header (a merged '补助资金（万元）' over three columns, four cells spanning both rows),
 * wrapped project names, and a '合　　计' row (two U+3000 spaces) spanning the first three columns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml as esc } from './gongwen-html.ts';
import { libreofficeConvert, pageTexts, writeJson } from './tools.ts';
import type { ExpectedDocument, ExpectedTable, TextFacts } from './expected-types.ts';

/** [乡镇, 工程名称, 受益人口（人）, 中央资金, 县级资金] — invented data, amounts in 万元 */
const ROWS: [string, string, number, number, number][] = [
  ['东坪镇', '东坪镇集中供水站水泵更换及管网维修工程', 3120, 12.5, 4.2],
  ['东坪镇', '石门村供水管网延伸工程', 860, 6, 2],
  ['柳溪镇', '柳溪镇水厂消毒设备更新改造工程', 5400, 18, 6.5],
  ['柳溪镇', '下湾村蓄水池防渗加固工程', 640, 3.5, 1.5],
  ['白沙乡', '白沙乡联村供水工程净水设备维修', 2210, 9.8, 3.2],
  ['白沙乡', '桥头村饮水工程入户管道改造', 430, 2.6, 1],
  ['云岭镇', '云岭镇山区分散供水点维修养护（含 12 处水窖）', 1580, 7.4, 2.6],
  ['云岭镇', '高坪村引水渠清淤及取水口防护工程', 920, 4.3, 1.7],
  ['青石乡', '青石乡集镇供水管网漏损改造工程', 2750, 11.2, 3.8],
  ['青石乡', '后山村蓄水池及过滤池维修', 380, 2.2, 0.8],
  ['河口镇', '河口镇水厂二期管网维修养护', 4650, 15.6, 5.4],
  ['河口镇', '新塘村供水泵站电气设备更换', 710, 3.9, 1.3],
];

const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);
const ISSUER = '青禾县财政局';
const DOCNO = '青财农〔2024〕27号';
const TITLE = '青禾县财政局关于下达 2024 年农村饮水安全工程维修养护补助资金的通知';
const ATTACH = '青禾县 2024 年农村饮水安全工程维修养护补助资金分配表';

/** One table cell; `span` columns, `rows` rows; covered cells are emitted by the caller. */
const cell = (text: string, style: string, span = 1, rows = 1, para = 'PCell'): string =>
  `<table:table-cell table:style-name="${style}" office:value-type="string"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}${
    rows > 1 ? ` table:number-rows-spanned="${rows}"` : ''
  }><text:p text:style-name="${para}">${esc(text)}</text:p></table:table-cell>`;
const covered = '<table:covered-table-cell/>';

function fodt(): string {
  const para = (style: string, text: string) => `<text:p text:style-name="${style}">${esc(text)}</text:p>`;
  const totals = ROWS.reduce((a, r) => [a[0]! + r[2], a[1]! + r[3], a[2]! + r[4]], [0, 0, 0]);
  const body = ROWS.map(
    (r, i) =>
      `<table:table-row>${cell(String(i + 1), 'C')}${cell(r[0], 'C')}${cell(r[1], 'C', 1, 1, 'PCellL')}${cell(String(r[2]), 'C', 1, 1, 'PCellR')}${cell(
        money(r[3] + r[4]),
        'C',
        1,
        1,
        'PCellR',
      )}${cell(money(r[3]), 'C', 1, 1, 'PCellR')}${cell(money(r[4]), 'C', 1, 1, 'PCellR')}</table:table-row>`,
  ).join('\n');
  const total = `<table:table-row>${cell('合\u3000\u3000计', 'C', 3)}${covered}${covered}${cell(String(totals[0]), 'C', 1, 1, 'PCellR')}${cell(
    money(totals[1]! + totals[2]!),
    'C',
    1,
    1,
    'PCellR',
  )}${cell(money(totals[1]!), 'C', 1, 1, 'PCellR')}${cell(money(totals[2]!), 'C', 1, 1, 'PCellR')}</table:table-row>`;
  const head1 = `<table:table-row>${cell('序号', 'C', 1, 2)}${cell('乡镇', 'C', 1, 2)}${cell('工程名称', 'C', 1, 2)}${cell('受益人口（人）', 'C', 1, 2)}${cell(
    '补助资金（万元）',
    'C',
    3,
  )}${covered}${covered}</table:table-row>`;
  const head2 = `<table:table-row>${covered}${covered}${covered}${covered}${cell('小计', 'C')}${cell('中央资金', 'C')}${cell('县级资金', 'C')}</table:table-row>`;
  const widths = [1.2, 1.9, 5.4, 2.2, 1.9, 1.9, 1.9]; // cm, total 16.4
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="UMing" svg:font-family="'AR PL UMing CN'"/>
 <style:font-face style:name="UKai" svg:font-family="'AR PL UKai CN'"/>
 <style:font-face style:name="ZenHei" svg:font-family="'WenQuanYi Zen Hei'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="26pt" style:line-break="strict"/>
  <style:text-properties style:font-name="UMing" fo:font-size="16pt" style:font-name-asian="UMing" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.0cm" fo:margin-bottom="2.0cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="1.2cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
 <style:style style:name="PIssuer" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="50pt"/>
  <style:text-properties fo:color="#e60012" fo:font-size="36pt" style:font-size-asian="36pt" style:font-name-asian="UMing" fo:letter-spacing="0.1cm"/></style:style>
 <style:style style:name="PDocNo" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="18pt" fo:margin-bottom="4pt" fo:border-bottom="2pt solid #e60012" fo:padding-bottom="8pt"/></style:style>
 <style:style style:name="PTitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="34pt" fo:margin-top="20pt" fo:margin-bottom="16pt"/>
  <style:text-properties style:font-name-asian="ZenHei" fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
 <style:style style:name="PBody" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt"/></style:style>
 <style:style style:name="PHead1" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt"/><style:text-properties style:font-name-asian="ZenHei"/></style:style>
 <style:style style:name="PFlush" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
 <style:style style:name="PAttach" style:family="paragraph"><style:paragraph-properties fo:margin-top="16pt" fo:margin-left="80pt" fo:text-indent="-48pt"/></style:style>
 <style:style style:name="PSign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="48pt"/></style:style>
 <style:style style:name="PSignTop" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="56pt" fo:margin-top="24pt"/></style:style>
 <style:style style:name="PAnnex" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/><style:text-properties style:font-name-asian="ZenHei"/></style:style>
 <style:style style:name="PCaption" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="10pt" fo:margin-bottom="6pt"/>
  <style:text-properties style:font-name-asian="UKai" fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
 <style:style style:name="PUnit" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="PCell" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="17pt"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="PCellL" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="17pt"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="PCellR" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="17pt"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="T" style:family="table"><style:table-properties style:width="16.4cm" table:align="center"/></style:style>
 ${widths.map((w, i) => `<style:style style:name="T.${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join('\n ')}
 <style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
${para('PIssuer', '青禾县财政局文件')}
${para('PDocNo', DOCNO)}
${para('PTitle', TITLE)}
${para('PFlush', '各乡镇人民政府，县水利局：')}
${para('PBody', `为保障农村供水工程长效运行，提升农村饮水安全保障水平，根据《青禾县农村供水工程运行管理办法》，经县人民政府同意，现下达 2024 年农村饮水安全工程维修养护补助资金 ${money(totals[1]! + totals[2]!)} 万元，其中中央资金 ${money(totals[1]!)} 万元、县级资金 ${money(totals[2]!)} 万元，具体分配见附件。现将有关事项通知如下：`)}
${para('PHead1', '一、加快资金拨付')}
${para('PBody', '各乡镇要在收到资金后 30 日内拨付到项目实施单位，不得截留、挤占、挪用。资金使用范围限于工程设施维修、设备更换、水质检测和管护人员培训。')}
${`<text:p text:style-name="PAttach">${esc('附件：' + ATTACH)}</text:p>`}
${para('PSignTop', ISSUER)}
${para('PSign', '2024年3月15日')}
${para('PAnnex', '附件')}
${para('PCaption', ATTACH)}
${para('PUnit', '单位：万元')}
<table:table table:name="T" table:style-name="T">
${widths.map((_, i) => `<table:table-column table:style-name="T.${i}"/>`).join('')}
<table:table-header-rows>
${head1}
${head2}
</table:table-header-rows>
${body}
${total}
</table:table>
</office:text></office:body></office:document>
`;
}

export function buildLoRuled(root: string): void {
  const dir = join(root, 'samples', 'lo-ruled');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const src = join(dir, 'source', 'lo-ruled.fodt');
  writeFileSync(src, fodt());
  const pdf = join(dir, 'lo-ruled.pdf');
  libreofficeConvert(src, pdf);
  const texts = pageTexts(pdf);
  const pages = texts.length;
  const annexPage = texts.findIndex((t) => t.includes('单位：万元')) + 1;
  const totals = ROWS.reduce((a, r) => [a[0]! + r[2], a[1]! + r[3], a[2]! + r[4]], [0, 0, 0]);
  const g = '补助资金（万元）';
  const table: ExpectedTable = {
    title: ATTACH,
    unit: '单位：万元',
    header: ['序号', '乡镇', '工程名称', '受益人口（人）', `${g}/小计`, `${g}/中央资金`, `${g}/县级资金`],
    rows: [
      ...ROWS.map((r, i) => [String(i + 1), r[0], r[1], String(r[2]), money(r[3] + r[4]), money(r[3]), money(r[4])]),
      ['合计', '', '', String(totals[0]), money(totals[1]! + totals[2]!), money(totals[1]!), money(totals[2]!)],
    ],
    rowKinds: [...ROWS.map(() => 'body' as const), 'body'],
    pages: Array.from({ length: pages - annexPage + 1 }, (_, i) => annexPage + i),
  };
  const doc: ExpectedDocument = {
    docNumber: DOCNO,
    title: '青禾县财政局关于下达 2024 年农村饮水安全工程维修养护补助资金的通知',
    issuers: [ISSUER],
    signDate: '2024-03-15',
    printDate: null,
    pageFrom: 1,
    pageTo: pages,
    attachments: [ATTACH],
  };
  const facts: TextFacts = {
    pages,
    mustContain: [DOCNO, '各乡镇人民政府，县水利局：', '一、加快资金拨付', '2024年3月15日', '单位：万元'],
    footers: Array.from({ length: pages }, (_, i) => `— ${i + 1} —`),
    mustNotContain: [],
    notes: ["'合　　计' is printed with two U+3000 ideographic spaces; expected cell text '合计'", 'the merged header is joined top/bottom with "/"'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [table]);
  writeJson(join(dir, 'expected', 'documents.json'), [doc]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  console.log(`lo-ruled: ${pages} pages, table on ${table.pages!.join('/')}, totals ${totals.map(money).join(' ')}`);
}
