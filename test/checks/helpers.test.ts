/** The small pieces the rules stand on, and rules on small synthetic inputs. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import { diffChars, diffHunks } from '../../src/checks/diff.ts';
import { findText, spanEvidence } from '../../src/checks/evidence.ts';
import { citationsIn, describeTitleDiff } from '../../src/checks/rules/citation.ts';
import { fixedList } from '../../src/checks/rules/listSeparator.ts';
import { declaredCount } from '../../src/checks/rules/sectionCount.ts';
import { runDuplicatePassage } from '../../src/checks/rules/duplicatePassage.ts';
import { textTotals } from '../../src/checks/rules/sumText.ts';
import { cellNumber } from '../../src/checks/tables.ts';
import { parseChineseNumeral, parseNumber, splitNames, yearsIn } from '../../src/checks/text.ts';
import { input, paragraph, simpleTable } from './synthetic.ts';

describe('numbers, years, names', () => {
  it('parses printed numbers and Chinese numerals', () => {
    expect(parseNumber('１２，３４５．６０')).toEqual({ value: 12345.6, decimals: 2 });
    expect(parseNumber('191,440.88')).toEqual({ value: 191440.88, decimals: 2 });
    expect(parseNumber('合计')).toBeNull();
    expect(cellNumber('95.7%')).toBeNull();
    expect(parseChineseNumeral('二十二')).toBe(22);
    expect(parseChineseNumeral('十三')).toBe(13);
    expect(parseChineseNumeral('一百零五')).toBe(105);
  });

  it('reads years, not 文号 years', () => {
    expect(yearsIn('汉阳区 2023 年乡村振兴')).toEqual([2023]);
    expect(yearsIn('2021年—2025年')).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(yearsIn('2023—2024 年度计划，2026年')).toEqual([2023, 2024, 2026]);
    expect(yearsIn('（武办文〔2021〕40号）')).toEqual([]);
  });

  it('reads the count a section row declares', () => {
    expect(declaredCount('一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）')).toBe(12);
    expect(declaredCount('十三、新洲区旧街街 15 村（牵头单位：市教育局）')).toBe(15);
    expect(declaredCount('五、新洲区三店街 17 个村（牵头单位：市委宣传部）')).toBe(17);
    expect(declaredCount('二、柳溪镇（26 条）')).toBe(26);
    expect(declaredCount('二十、蔡甸区消泗乡十二个村')).toBe(12);
    expect(declaredCount('一、城区（2 个街道 15 个社区）')).toBeNull();
    expect(declaredCount('三、其他项目')).toBeNull();
  });

  it('splits name lists, keeping bracketed aliases and free text whole', () => {
    expect(splitNames('洪山区 东湖生态旅游风景区')).toEqual(['洪山区', '东湖生态旅游风景区']);
    expect(splitNames('硚口区、黄陂区')).toEqual(['硚口区', '黄陂区']);
    expect(splitNames('武汉经济技术开发区 (汉南区)')).toEqual(['武汉经济技术开发区(汉南区)']);
    expect(splitNames('岭岗村至后前村（含 7 组连接线及错车道）')).toHaveLength(1);
    expect(fixedList('市委办公厅，市政府办公厅')).toEqual({ fixed: '市委办公厅、市政府办公厅', separators: ['，'] });
    expect(fixedList('武汉临空港经济技术开发区 (东西湖区)')).toBeNull();
    expect(fixedList('办公用品购置')).toBeNull();
  });
});

describe('diff and evidence', () => {
  it('names a one-character change as a word', () => {
    const [h] = diffHunks(diffChars('方面急缺人才', '方面急需人才')!);
    expect(h).toMatchObject({ a: '缺', b: '需', aWord: '急缺', bWord: '急需', aWordStart: 2 });
    expect(describeTitleDiff('关于做好向重点乡村', '关于做好重点乡村')).toBe('缺少“向”');
    expect(diffChars('abcdefgh', 'hgfedcba', 2)).toBeNull();
  });

  it('a span over two lines gets the union of their boxes', () => {
    const p = paragraph(3, ['第一行文字结尾是急', '缺人才的第二行']);
    const hit = findText([p], '急 缺')!;
    const e = spanEvidence(p, hit.start, hit.end);
    expect(e).toEqual({ page: 3, text: '急缺', bbox: { x0: 70, top: 100, x1: 530, bottom: 136 } });
    expect(spanEvidence(p, 0, 2).bbox).toEqual(p.lines[0]!.bbox);
  });

  it('reads citations with nested marks and loose 文号 brackets', () => {
    const cs = citationsIn('根据《中共中央办公厅印发〈关于X的意见〉的通知》（中办发〔2021〕27号）和《关于Y的通知》（武办文[2021]40 号）精神');
    expect(cs.map((c) => [c.title, c.docNumber])).toEqual([
      ['中共中央办公厅印发〈关于X的意见〉的通知', '中办发〔2021〕27号'],
      ['关于Y的通知', '武办文〔2021〕40号'],
    ]);
  });
});

describe('text totals', () => {
  it('ignores rates in brackets and after 每, converts units', () => {
    const p = paragraph(1, ['资金共计 1.5 亿元，其中：A 经费 10000 万元（每人 2 万元），B 经费 5000 万元。']);
    const [t] = textTotals(p);
    expect(t!.parts.map((a) => a.text)).toEqual(['10000 万元', '5000 万元']);
    const out = runChecks(input([p], []));
    expect(out.findings).toEqual([]);
    expect(out.summary.rules[0]!.verified).toEqual(['1.5 = 10000万元 + 5000万元 (亿元, p.1 text)']);
  });

  it('a table in 元 against a text total in 万元', () => {
    const p = paragraph(1, ['下达补助资金 12.5 万元，其中：甲镇 5 万元，乙镇 7.5 万元。']);
    const t = simpleTable('t1', 2, ['乡镇', '金额（元）'], [['甲镇', '50000'], ['乙镇', '75000'], ['合计', '125000']]);
    expect(runChecks(input([p], [t])).findings).toEqual([]);
    t.rows[2]![1] = '135000';
    t.rows[0]![1] = '60000';
    const found = runChecks(input([p], [t])).findings;
    expect(found).toHaveLength(1);
    // 12.5 = 5 + 7.5 holds in the text, so the table's total is the suspect
    expect(found[0]).toMatchObject({ rule: 'sum.total-mismatch', expected: '12.5 万元', actual: '135000 元' });
    expect(found[0]!.evidence.map((e) => e.page)).toEqual([2, 1]);
  });
});

describe('duplicate.passage at scale', () => {
  it('finds one near-duplicate among 3000 paragraphs quickly', () => {
    const han = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
    let state = 7; // mulberry32
    const rnd = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const text = () => Array.from({ length: 120 }, () => han[Math.floor(rnd() * han.length)]).join('');
    const paragraphs = Array.from({ length: 3000 }, (_, i) => paragraph(1 + Math.floor(i / 10), [text()], 100 + (i % 10) * 60));
    const original = paragraphs[1234]!.text;
    const copy = original.slice(0, 50) + '急需' + original.slice(52);
    paragraphs[2345] = paragraph(paragraphs[2345]!.page, [copy], 100);
    const started = Date.now();
    const result = runDuplicatePassage(input(paragraphs, [], 300));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.evidence.slice(0, 2).map((e) => e.page)).toEqual([124, 235]);
    expect(result.checked).toBe(3000);
  });

  it('stays fast when most paragraphs are copies of each other; numbered template paragraphs are not copies', () => {
    const base = '各区要加强与对口地区相关职能部门的对接，争取优先使用补充耕地和建设用地增减挂钩交易指标，做好结对帮扶资金落实和项目支撑等工作。';
    const copies = Array.from({ length: 2000 }, (_, i) => paragraph(1 + Math.floor(i / 10), [base], 100 + (i % 10) * 60));
    const started = Date.now();
    const result = runDuplicatePassage(input(copies, [], 200));
    expect(Date.now() - started).toBeLessThan(10000);
    expect(result.findings.length).toBeGreaterThan(0);
    const numbered = Array.from({ length: 2000 }, (_, i) => paragraph(1 + Math.floor(i / 10), [`${i + 1}. ${base}`], 100 + (i % 10) * 60));
    expect(runDuplicatePassage(input(numbered, [], 200)).findings).toEqual([]);
  });
});
