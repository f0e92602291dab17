/**
 * Samples `subject-table` and `subject-planted`: an invented, disclosure-style 部门预算公开 page
 * (fictional 青禾县, Chromium, ruled): a short 情况说明 paragraph, then a 一般公共预算支出表 keyed by
 * 功能分类科目 codes split over 类 / 款 / 项 columns and printed only partly (款 '03' under 类
 * '201', 项 '01' under 款 '20103'), with 合计 / 基本支出 / 项目支出 in 万元.
 *
 * Both print one rounding-only difference, as real tables do when each figure is rounded from
 * 元 on its own: 款 22102 is 60.77 (48.664 + 12.104 = 60.768) while its 项 print 48.66 + 12.10 =
 * 60.76. `subject-planted` also prints 项 2010699's 项目支出 as 32.00 (and its 合计 accordingly), so
 * 款 20106 (151.45 / 23.00) no longer equals its children (160.45 / 32.00).
 *
 * Expected findings are written by hand below (EXPECTED_*), not computed by gongwen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, PrintCell } from './blocks.ts';
import { blocksToHtml } from './gongwen-html.ts';
import { chromiumPrint, pageTexts, writeJson } from './tools.ts';
import type { ExpectedTable, TextFacts } from './expected-types.ts';

const CAPTION = '青禾县档案馆2025年一般公共预算支出表';
const UNIT = '单位：万元';
const HEADER = ['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计', '基本支出', '项目支出'];

/** [类, 款, 项, 科目名称, 合计, 基本支出, 项目支出] — invented; '' = not printed */
const CLEAN: string[][] = [
  ['', '', '', '合计', '865.31', '755.81', '109.50'],
  ['201', '', '', '一般公共服务支出', '708.15', '598.65', '109.50'],
  ['', '03', '', '政府办公厅（室）及相关机构事务', '556.70', '470.20', '86.50'],
  ['', '', '01', '行政运行', '412.36', '412.36', ''],
  ['', '', '02', '一般行政管理事务', '86.50', '', '86.50'],
  ['', '', '50', '事业运行', '57.84', '57.84', ''],
  ['', '06', '', '财政事务', '151.45', '128.45', '23.00'],
  ['', '', '01', '行政运行', '128.45', '128.45', ''],
  ['', '', '99', '其他财政事务支出', '23.00', '', '23.00'],
  ['208', '', '', '社会保障和就业支出', '96.39', '96.39', ''],
  ['', '05', '', '行政事业单位养老支出', '96.39', '96.39', ''],
  ['', '', '01', '行政单位离退休', '35.12', '35.12', ''],
  ['', '', '05', '机关事业单位基本养老保险缴费支出', '61.27', '61.27', ''],
  ['221', '', '', '住房保障支出', '60.77', '60.77', ''],
  ['', '02', '', '住房改革支出', '60.77', '60.77', ''],
  ['', '', '01', '住房公积金', '48.66', '48.66', ''],
  ['', '', '03', '购房补贴', '12.10', '12.10', ''],
];

/** The planted change: row 8 (项 2010699) prints 32.00 in 合计 and 项目支出. */
const PLANTED_ROW = 8;
const PLANTED: string[][] = CLEAN.map((r, i) => (i === PLANTED_ROW ? [...r.slice(0, 4), '32.00', '', '32.00'] : r));

/** A finding a reader must see, checked by hand: the stated cell (row, column) and what it should be. */
export interface SubjectFinding {
  rule: 'sum.total-mismatch' | 'sum.rounding';
  severity: 'error' | 'info';
  /** body row of the stated amount and its column (indexes into the expected table) */
  row: number;
  col: number;
  /** the subject code of that row ('' for 合计) */
  code: string;
  /** printed */
  actual: string;
  /** the sum of its parts */
  expected: string;
  /** body rows of the parts it is compared with */
  parts: number[];
}

/** 款 22102 (row 14) vs its 项 (rows 15, 16), in 合计 and 基本支出: 60.77 vs 60.76, within 2 × 0.01. */
const ROUNDING: SubjectFinding[] = [
  { rule: 'sum.rounding', severity: 'info', row: 14, col: 4, code: '22102', actual: '60.77', expected: '60.76', parts: [15, 16] },
  { rule: 'sum.rounding', severity: 'info', row: 14, col: 5, code: '22102', actual: '60.77', expected: '60.76', parts: [15, 16] },
];

/** 款 20106 (row 6) vs its 项 (rows 7, 8): 合计 151.45 vs 128.45 + 32.00, 项目支出 23.00 vs 32.00. */
const EXPECTED_PLANTED: SubjectFinding[] = [
  { rule: 'sum.total-mismatch', severity: 'error', row: 6, col: 4, code: '20106', actual: '151.45', expected: '160.45', parts: [7, 8] },
  { rule: 'sum.total-mismatch', severity: 'error', row: 6, col: 6, code: '20106', actual: '23.00', expected: '32.00', parts: [7, 8] },
  ...ROUNDING,
];

function build(root: string, name: 'subject-table' | 'subject-planted', rows: string[][], findings: SubjectFinding[]): void {
  const head: PrintCell[][] = [
    [{ text: '科目编码', colSpan: 3 }, { text: '科目名称', rowSpan: 2 }, { text: '合计', rowSpan: 2 }, { text: '基本支出', rowSpan: 2 }, { text: '项目支出', rowSpan: 2 }],
    [{ text: '类' }, { text: '款' }, { text: '项' }],
  ];
  const blocks: Block[] = [
    { kind: 'title', lines: ['青禾县档案馆2025年部门预算公开'] },
    {
      kind: 'p',
      text: '2025年本馆一般公共预算支出865.31万元，其中：基本支出755.81万元，项目支出109.50万元。按功能分类科目列示如下。',
      indent: true,
    },
    { kind: 'caption', text: CAPTION },
    { kind: 'unit', text: UNIT },
    {
      kind: 'table',
      table: {
        style: 'ruled',
        fontSize: 10,
        widths: [2.6, 2.6, 2.6, 19, 6.5, 6.5],
        align: ['center', 'center', 'center', 'left', 'right', 'right', 'right'],
        header: head,
        body: rows.map((r) => r.map((text) => ({ text }))),
      },
    },
  ];
  const dir = join(root, 'samples', name);
  mkdirSync(join(dir, 'source'), { recursive: true });
  const html = join(dir, 'source', `${name}.html`);
  writeFileSync(html, blocksToHtml(blocks, { font: "'AR PL UMing CN'", footer: '"第 " counter(page) " 页"', footerSide: 'center' }, '部门预算公开'));
  const pdf = join(dir, `${name}.pdf`);
  chromiumPrint(html, pdf);
  const pages = pageTexts(pdf).length;
  if (pages !== 1) throw new Error(`${name}: expected 1 page, got ${pages}`);
  const table: ExpectedTable = { title: CAPTION, unit: UNIT, header: HEADER, rows, rowKinds: rows.map(() => 'body'), pages: [1] };
  const facts: TextFacts = {
    pages,
    mustContain: ['其中：基本支出755.81万元', UNIT],
    footers: ['第 1 页'],
    mustNotContain: [],
    notes: ['类/款/项 codes printed partly: the full code of each row follows from the rows above', 'one rounding-only difference (款 22102)'],
  };
  writeJson(join(dir, 'expected', 'tables.json'), [table]);
  writeJson(join(dir, 'expected', 'text-facts.json'), facts);
  writeJson(join(dir, 'expected', 'findings.json'), findings);
  console.log(`${name}: ${pages} page, ${rows.length} rows, ${findings.length} findings expected`);
}

export function buildSubjectTable(root: string): void {
  build(root, 'subject-table', CLEAN, ROUNDING);
}

export function buildSubjectPlanted(root: string): void {
  build(root, 'subject-planted', PLANTED, EXPECTED_PLANTED);
}
