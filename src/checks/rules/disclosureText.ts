/**
 * 部门预算/决算公开, the 情况说明 against the tables (`disclosure.text-figure`):
 * - a figure whose label clearly names a table amount ('收入预算总计 24,169.74 万元', '“三公”经费预算
 *   数为 418.26 万元') must equal that amount once both are in 元 (tolerance: the printed rounding of
 *   both, half a unit of the last digit each) — error for 收入/支出 totals, warning for the others
 *   (a text may speak of one source of funds only). A figure with no clearly mapped label, or whose
 *   table amount is not found, gets no finding.
 * - the year-over-year arithmetic that follows a figure ('与上年相比增加 2228.78 万元，增长
 *   10.15%'): 增长% = 增加 / (本年 − 增加), to the printed precision (rounded or truncated, plus the
 *   rounding of the amounts) — warning; info when off by no more than one unit of the last printed
 *   digit (a rate computed from unrounded amounts).
 */
import type { CheckInput, Paragraph, Rule, RuleResult } from '../../model/check.ts';
import { Tally } from '../context.ts';
import { disclosuresOf, namedAmounts, type NamedAmounts } from '../disclosure/document.ts';
import { inYuan, roundingYuan, type CellAmount } from '../disclosure/values.ts';
import { cellEvidence, present, spanEvidence, tableName } from '../evidence.ts';
import { compact, formatNumber } from '../text.ts';
import { amountsIn, type TextAmount } from './sumText.ts';

export const TEXT_FIGURE_RULE = 'disclosure.text-figure';

type Key = 'income' | 'expense' | 'both' | 'fiscal' | 'basic' | 'project' | 'three';

/**
 * Labels that name a table amount: the whole clause before the figure once its subject (the
 * department, the year: '江苏省人民检察院 2019 年度', '省检察院本年') and filler ('为', '：') are
 * removed must be one of these — '财政专户管理资金收入预算总计' or '预算支出合计' under a
 * 款 heading name something else and are not compared.
 */
const LABELS: { key: Key; re: RegExp }[] = [
  { key: 'fiscal', re: /^财政拨款收[入]?[、和及]?支(出)?(预算)?(总计|合计|总额|总预算)(各|均)?$/ },
  { key: 'both', re: /^收[入]?[、和及]?支(出)?(预算)?(总计|合计|总额|总预算)(各|均)?$/ },
  { key: 'income', re: /^(部门)?收入(预算)?(总计|合计|总额|总预算)$/ },
  { key: 'expense', re: /^(部门)?支出(预算)?(总计|合计|总额|总预算)$/ },
  { key: 'basic', re: /^基本支出(预算)?(数)?$/ },
  { key: 'project', re: /^项目支出(预算)?(数)?$/ },
  { key: 'three', re: /^(一般公共预算)?(财政拨款)?[“"]?三公[”"]?经费(预算|支出)?(合计|总额|共计)?(数)?$/ },
];

const FILLER = /(为|是|达|安排|：|:|\s)+$/;
/** A sentence about one 类/款/项 of spending: its totals are not the department's. */
const SUBJECT_LEVEL = /[（(](类|款|项)[）)]|(类|款|项)[）)]/;

/** The clause of `text` ending at `end` (after the last ，；。：（ before it), filler at its end removed. */
function clauseBefore(text: string, end: number): string {
  const from = Math.max(...['，', '；', '。', '：', ',', ';', '（', '('].map((c) => text.lastIndexOf(c, end - 1) + 1), 0);
  return compact(text.slice(from, end)).replace(FILLER, '');
}

/** The key of the figure at `end`: its clause, subject removed, is exactly a label; null otherwise. */
function labelKey(text: string, end: number): Key | null {
  const sentenceStart = Math.max(...['。', '；', ';'].map((c) => text.lastIndexOf(c, end - 1) + 1), 0);
  if (SUBJECT_LEVEL.test(text.slice(sentenceStart, end))) return null;
  const clause = clauseBefore(text, end);
  const m = /^(.*?)(\d{4}年度?|本年度?|当年|今年)(.*)$/.exec(clause);
  const subject = m ? m[1]! : '';
  if (/收入|支出|资金|经费|拨款|预算|[（()）]/.test(subject)) return null;
  const rest = (m ? m[3]! : clause).replace(/^(本年度?|当年)/, '');
  for (const l of LABELS) if (l.re.test(rest)) return l.key;
  return null;
}

/** The table amounts a key may be compared with, and whether a mismatch is an error. */
function candidates(n: NamedAmounts, key: Key): { values: CellAmount[]; error: boolean } {
  const pick = (...v: (CellAmount | null)[]): CellAmount[] => v.filter((x): x is CellAmount => x !== null);
  switch (key) {
    case 'income':
      return { values: pick(n.incomeGrand, n.incomeYear, n.incomeTotal), error: true };
    case 'expense':
      return { values: pick(n.expenseGrand, n.expenseYear, n.expenseTotal), error: true };
    case 'both':
      return { values: pick(n.incomeGrand, n.incomeYear, n.incomeTotal), error: true };
    case 'fiscal':
      return { values: pick(n.fiscalIncome), error: false };
    case 'basic':
      return { values: pick(n.expenseBasic, n.basicTotal), error: false };
    case 'project':
      return { values: pick(n.expenseProject), error: false };
    case 'three':
      return { values: pick(n.threeTotal), error: false };
  }
}

const close = (a: TextAmount, c: CellAmount): boolean => Math.abs(inYuan(a) - inYuan(c)) <= roundingYuan(a) + roundingYuan(c) + 1e-6;

function checkFigure(p: Paragraph, a: TextAmount, n: NamedAmounts, tally: Tally): void {
  const key = labelKey(p.text, a.start);
  if (!key || a.doubt) return;
  const { values, error } = candidates(n, key);
  if (values.length === 0) return;
  const hit = values.find((c) => close(a, c));
  const c = hit ?? values[0]!;
  const cellText = `${c.table.rows[c.row]![c.col]!.trim()} ${c.unit}`;
  if (hit) {
    tally.pass(`text ${a.text} (p.${p.page}) = ${tableName(c.table)} ${c.label} ${cellText}`);
    return;
  }
  const tol = roundingYuan(a) + roundingYuan(c);
  tally.fail({
    rule: TEXT_FIGURE_RULE,
    severity: error ? 'error' : 'warning',
    message: `第 ${p.page} 页情况说明“${clauseBefore(p.text, a.start)} ${a.text}”与${tableName(c.table)}的 ${c.label} ${cellText}不一致（换算为元比较，容差 ${formatNumber(tol, 2)} 元）`,
    expected: cellText,
    actual: a.text,
    evidence: present([spanEvidence(p, a.start, a.end), cellEvidence(c.table, c.row, c.col)]),
  });
}

const YOY = /^[^。；;]{0,30}?(?:比|较|与|同)上年(?:度)?(?:相比|同期|预算)?[^。；;\d]{0,12}?(增加|减少|下降|增长)了?\s*$/;
const PCT = /^[，,、\s]*(?:(?:增长|下降|减少|增幅|降幅|上升)(?:了|为)?)\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]/;

/** The year-over-year clause after the amount `a` (`next` is the amount after it), checked. */
function checkYoY(p: Paragraph, a: TextAmount, next: TextAmount | undefined, tally: Tally): void {
  if (!next || a.doubt || next.doubt) return;
  const between = p.text.slice(a.end, next.start);
  const m = YOY.exec(between);
  if (!m) return;
  const pm = PCT.exec(p.text.slice(next.end));
  if (!pm) return;
  const up = m[1] === '增加' || m[1] === '增长';
  const now = inYuan(a);
  const change = inYuan(next);
  const base = up ? now - change : now + change;
  if (base <= 0) return;
  const pct = (change / base) * 100;
  const printed = Number(pm[1]);
  const decimals = pm[1]!.split('.')[1]?.length ?? 0;
  const unitStep = 10 ** -decimals;
  // the printed amounts' rounding moves the rate too
  const spread = (100 * (roundingYuan(next) + (change / base) * (roundingYuan(a) + roundingYuan(next)))) / base;
  const lo = printed - unitStep / 2 - spread;
  const hi = printed + unitStep + spread; // truncation prints the lower digit
  const pctEnd = next.end + pm[0].length;
  const fact = `上年 ${formatNumber(base / (a.unit === '万元' ? 1e4 : a.unit === '亿元' ? 1e8 : 1), a.value.decimals)} ${a.unit}, ${m[1]} ${next.text}, ${formatNumber(pct, decimals + 2)}%`;
  if (pct >= lo - 1e-9 && pct <= hi + 1e-9) {
    tally.pass(`p.${p.page} ${a.text} ${fact} ≈ ${pm[1]}%`);
    return;
  }
  // within one unit of the last printed digit: the rate was likely computed from unrounded amounts
  const slight = pct >= printed - unitStep - spread - 1e-9 && pct <= printed + unitStep + spread + 1e-9;
  tally.fail({
    rule: TEXT_FIGURE_RULE,
    severity: slight ? 'info' : 'warning',
    message:
      `第 ${p.page} 页：本年 ${a.text}，比上年${m[1]} ${next.text}，则上年为 ${fact.split(',')[0]!.slice(3)}，` +
      `${up ? '增长' : '下降'}应为 ${formatNumber(pct, decimals)}%，文中写 ${pm[1]}%（容差：末位舍入或截断及金额舍入）`,
    expected: `${formatNumber(pct, decimals)}%`,
    actual: `${pm[1]}%`,
    evidence: [spanEvidence(p, a.start, pctEnd)],
  });
}

export function runDisclosureText(input: CheckInput): RuleResult {
  const tally = new Tally();
  for (const d of disclosuresOf(input)) {
    const n = namedAmounts(d);
    const tableParas = new Set(d.tables.flatMap((t) => t.pages));
    for (const p of d.paragraphs) {
      if (tableParas.has(p.page) && compact(p.text).length < 30) continue; // captions and unit lines
      const amounts = amountsIn(p.text);
      amounts.forEach((a, i) => {
        checkFigure(p, a, n, tally);
        checkYoY(p, a, amounts[i + 1], tally);
      });
    }
  }
  return tally.result();
}

export const disclosureTextRule: Rule = {
  id: TEXT_FIGURE_RULE,
  severity: 'error',
  description: '部门预算/决算公开 情况说明 figures (收入/支出总计, 财政拨款, 基本/项目支出, “三公”) equal the tables (units converted, printed rounding tolerated); 比上年增减 and 增长% agree',
  run: runDisclosureText,
};
