/**
 * Samples `disclosure-*` (issue #15): an invented small 部门预算公开 (a 情况说明 and the standard
 * tables, invented department and numbers) printed by Chromium, ruled, and variants with one
 * planted problem each: a broken cross-table identity, a 情况说明 figure that disagrees with the
 * tables, a wrong 增长%, a missing standard table. `expected/findings.json` lists the disclosure
 * findings each must give (checked by hand: the arithmetic is in the notes). Sample-generator
 * code: it names its own invented strings on purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from './blocks.ts';
import { blocksToHtml } from './gongwen-html.ts';
import { chromiumPrint, pageTexts, writeJson } from './tools.ts';

const DEPT = '青禾县农业农村局';
const TITLE = `${DEPT}2024年部门预算公开`;

interface Tbl {
  key: string;
  caption: string;
  header: string[];
  rows: string[][];
}

/** The clean set; every identity holds (see NOTES). */
function tables(): Tbl[] {
  return [
    {
      key: 'ie',
      caption: `一、${DEPT}2024年收支预算总表`,
      header: ['收入项目', '预算数', '支出项目', '预算数'],
      rows: [
        ['一、一般公共预算拨款收入', '1,250.00', '一、一般公共服务支出', '980.00'],
        ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', '150.00'],
        ['三、其他收入', '30.00', '三、住房保障支出', '150.00'],
        ['收入总计', '1,280.00', '支出总计', '1,280.00'],
      ],
    },
    {
      key: 'income',
      caption: `二、${DEPT}2024年收入预算总表`,
      header: ['项目', '金额'],
      rows: [
        ['合计', '1,280.00'],
        ['一般公共预算拨款收入', '1,250.00'],
        ['其他收入', '30.00'],
      ],
    },
    {
      key: 'expense',
      caption: `三、${DEPT}2024年支出预算总表`,
      header: ['合计', '基本支出', '项目支出'],
      rows: [['1,280.00', '830.00', '450.00']],
    },
    {
      key: 'fiscal',
      caption: `四、${DEPT}2024年财政拨款收支预算总表`,
      header: ['收入项目', '预算数', '支出项目', '预算数'],
      rows: [
        ['一、一般公共预算', '1,250.00', '一、一般公共服务支出', '950.00'],
        ['二、政府性基金预算', '', '二、社会保障和就业支出', '150.00'],
        ['', '', '三、住房保障支出', '150.00'],
        ['收入总计', '1,250.00', '支出总计', '1,250.00'],
      ],
    },
    {
      key: 'general',
      caption: `五、${DEPT}2024年一般公共预算支出表`,
      header: ['科目编码', '科目名称', '金额'],
      rows: [
        ['合计', '', '1,250.00'],
        ['201', '一般公共服务支出', '950.00'],
        ['208', '社会保障和就业支出', '150.00'],
        ['221', '住房保障支出', '150.00'],
      ],
    },
    {
      key: 'basic',
      caption: `六、${DEPT}2024年一般公共预算基本支出表`,
      header: ['合计', '人员经费', '公用经费'],
      rows: [['800.00', '620.00', '180.00']],
    },
    {
      key: 'three',
      caption: `七、${DEPT}2024年一般公共预算“三公”经费支出表`,
      header: ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'],
      rows: [['36.50', '5.00', '24.00', '7.50']],
    },
    {
      key: 'fund',
      caption: `八、${DEPT}2024年政府性基金预算支出表`,
      header: ['科目编码', '科目名称', '金额'],
      rows: [
        ['合计', '', '0.00'],
        ['', '本部门无政府性基金预算支出', ''],
      ],
    },
  ];
}

const TEXT = [
  `${DEPT}2024年收入预算总计1,280.00万元，比上年增加80.00万元，增长6.67%。主要原因是高标准农田建设项目经费增加。`,
  '本年支出预算中，基本支出预算数为830.00万元，主要用于保障机构正常运转和完成日常工作任务。',
  '2024年一般公共预算“三公”经费预算数为36.50万元，比上年减少2.50万元，下降6.41%。主要原因是厉行节约，压减公务用车运行费。',
];

/** A finding a variant must give, located by the printed text of its evidence. */
interface ExpectedFinding {
  rule: string;
  severity: 'error' | 'warning';
  /** evidence texts (cells or phrases) the finding must cite */
  evidence: string[];
  expected: string | null;
  actual: string | null;
  note: string;
}

interface Variant {
  name: string;
  description: string;
  text?: (t: string[]) => string[];
  tables?: (t: Tbl[]) => Tbl[];
  expected: ExpectedFinding[];
}

const setCell = (t: Tbl[], key: string, r: number, c: number, v: string): Tbl[] =>
  t.map((x) => (x.key !== key ? x : { ...x, rows: x.rows.map((row, i) => (i !== r ? row : row.map((cell, j) => (j === c ? v : cell)))) }));

export const DISCLOSURE_VARIANTS: Variant[] = [
  { name: 'disclosure', description: 'clean: every standard table, every identity and text figure agrees', expected: [] },
  {
    name: 'disclosure-identity',
    description: '“三公” 公务接待费 7.50 → 9.50: 合计 36.50 ≠ 5.00 + 24.00 + 9.50 = 38.50',
    tables: (t) => setCell(t, 'three', 0, 3, '9.50'),
    expected: [
      {
        rule: 'disclosure.identity',
        severity: 'error',
        evidence: ['36.50', '5.00', '24.00', '9.50'],
        expected: '38.50 万元',
        actual: '36.50 万元',
        note: '5.00 + 24.00 + 9.50 = 38.50; the 合计 printed is 36.50 (sum.total-mismatch does not report it: the 合计 column is not tied to its parts by structure)',
      },
    ],
  },
  {
    name: 'disclosure-text',
    description: '情况说明 收入预算总计 1,280.00 → 1,260.00 万元 (with 增加 60.00, 增长 5.00% kept consistent)',
    text: (t) => [t[0]!.replace('1,280.00万元，比上年增加80.00万元，增长6.67%', '1,260.00万元，比上年增加60.00万元，增长5.00%'), ...t.slice(1)],
    expected: [
      {
        rule: 'disclosure.text-figure',
        severity: 'error',
        evidence: ['1,260.00万元', '1,280.00'],
        expected: '1,280.00 万元',
        actual: '1,260.00万元',
        note: 'the 收支预算总表 收入总计 is 1,280.00 万元; 60.00 / (1,260.00 − 60.00) = 5.00% holds, so only the figure is wrong',
      },
    ],
  },
  {
    name: 'disclosure-yoy',
    description: '情况说明 增长 6.67% → 7.67%: 80.00 / (1,280.00 − 80.00) = 6.67%',
    text: (t) => [t[0]!.replace('增长6.67%', '增长7.67%'), ...t.slice(1)],
    expected: [
      {
        rule: 'disclosure.text-figure',
        severity: 'warning',
        evidence: ['1,280.00万元，比上年增加80.00万元，增长7.67%'],
        expected: '6.67%',
        actual: '7.67%',
        note: '上年 = 1,280.00 − 80.00 = 1,200.00 万元; 80.00 / 1,200.00 = 6.67%',
      },
    ],
  },
  {
    name: 'disclosure-fiscal',
    description: '一般公共预算支出表 住房保障支出 150.00 → 170.00 and its 合计 1,250.00 → 1,270.00 (the table adds up): the 财政拨款收支总表 says 一般公共预算 1,250.00',
    tables: (t) => setCell(setCell(t, 'general', 3, 2, '170.00'), 'general', 0, 2, '1,270.00'),
    expected: [
      {
        rule: 'disclosure.identity',
        severity: 'error',
        evidence: ['1,250.00', '1,270.00'],
        expected: '1270.00 万元',
        actual: '1,250.00 万元',
        note: '财政拨款收支总表 一、一般公共预算 1,250.00 ≠ 一般公共预算支出表 合计 1,270.00 (= 950.00 + 150.00 + 170.00, so no sum finding)',
      },
    ],
  },
  {
    name: 'disclosure-basic',
    description: '基本支出表 人员经费 620.00 → 640.00: 合计 800.00 ≠ 640.00 + 180.00 = 820.00',
    tables: (t) => setCell(t, 'basic', 0, 1, '640.00'),
    expected: [
      {
        rule: 'disclosure.identity',
        severity: 'error',
        evidence: ['800.00', '640.00', '180.00'],
        expected: '820.00 万元',
        actual: '800.00 万元',
        note: '640.00 + 180.00 = 820.00; the 合计 printed is 800.00',
      },
    ],
  },
  {
    name: 'disclosure-missing',
    description: '政府性基金预算支出表 left out',
    tables: (t) => t.filter((x) => x.key !== 'fund'),
    expected: [
      { rule: 'disclosure.missing-table', severity: 'warning', evidence: [], expected: '政府性基金预算支出表', actual: null, note: 'seven of the eight standard tables are printed' },
    ],
  },
];

function blocksOf(text: string[], tbls: Tbl[]): Block[] {
  const blocks: Block[] = [
    { kind: 'title', lines: [TITLE] },
    { kind: 'p', text: '一、情况说明', indent: false },
    ...text.map((t): Block => ({ kind: 'p', text: t, indent: true })),
    { kind: 'pagebreak' },
  ];
  for (const t of tbls) {
    blocks.push({ kind: 'caption', text: t.caption }, { kind: 'unit', text: '单位：万元' });
    blocks.push({
      kind: 'table',
      table: {
        style: 'ruled',
        fontSize: 11,
        widths: t.header.map((h) => (/项目|名称/.test(h) ? 12 : 7)),
        align: t.header.map((h) => (/项目|名称/.test(h) ? 'left' : 'right')),
        header: [t.header.map((text) => ({ text }))],
        body: t.rows.map((r) => r.map((text) => ({ text }))),
      },
    });
  }
  return blocks;
}

export function disclosureBuilders(root: string): Record<string, () => void> {
  const out: Record<string, () => void> = {};
  for (const v of DISCLOSURE_VARIANTS) {
    out[v.name] = () => {
      const dir = join(root, 'samples', v.name);
      mkdirSync(join(dir, 'source'), { recursive: true });
      const html = join(dir, 'source', `${v.name}.html`);
      const text = v.text ? v.text(TEXT) : TEXT;
      const tbls = v.tables ? v.tables(tables()) : tables();
      writeFileSync(html, blocksToHtml(blocksOf(text, tbls), { font: "'AR PL UMing CN'", footer: '"第 " counter(page) " 页"', footerSide: 'center' }, TITLE));
      const pdf = join(dir, `${v.name}.pdf`);
      chromiumPrint(html, pdf);
      const pages = pageTexts(pdf).length;
      writeJson(join(dir, 'expected', 'findings.json'), { description: v.description, findings: v.expected });
      console.log(`${v.name}: ${pages} pages, ${tbls.length} tables`);
    };
  }
  return out;
}
