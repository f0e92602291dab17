/**
 * sum.total-mismatch, text: 'X 万元，其中：…A 万元…B 万元' — the amounts listed after 其中 (in the
 * same sentence, outside brackets, not rates such as '每人 2 万元') must add up to X.
 */
import type { Paragraph } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import type { AmountUnit } from '../../model/records.ts';
import type { Evidence } from '../../model/types.ts';
import type { Tally } from '../context.ts';
import { spanEvidence } from '../evidence.ts';
import type { CheckSettings } from '../settings.ts';
import { sameAmount, sumNumbers } from '../tables.ts';
import { formatNumber, parseNumber, UNIT_FACTOR, type PrintedNumber } from '../text.ts';
import { SUM_RULE } from './sumTable.ts';

/** An amount of money printed in a paragraph. */
export interface TextAmount {
  value: PrintedNumber;
  unit: AmountUnit;
  /** as printed, e.g. '2368 万元' */
  text: string;
  start: number;
  end: number;
}

/** A total stated in the text and the amounts listed after it ('其中'). */
export interface TextTotal {
  paragraph: Paragraph;
  total: TextAmount;
  /** where the total phrase starts ('共计 2368 万元' includes the 共计) */
  phraseStart: number;
  parts: TextAmount[];
}

const DIGITS = '[0-9０-９]';
const AMOUNT = new RegExp(`${DIGITS}+(?:[,，]${DIGITS}{3})*(?:[.．]${DIGITS}+)?\\s*(亿元|万元|元)`, 'g');
const TOTAL_WORD = /(共计|合计|总计|总额|共)\s*(?:为|达)?\s*$/;
/** Clause words that make an amount something other than a part of the total. */
const NOT_A_PART = /每|不少于|不低于|不超过|不高于|超过|增加|减少|增长|下降|比上年|同比|以上|以下|累计|人均|平均/;

/** All money amounts in a text. */
export function amountsIn(text: string): TextAmount[] {
  const out: TextAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const value = parseNumber(m[0].slice(0, m[0].length - m[1]!.length));
    if (!value) continue;
    out.push({ value, unit: m[1] as AmountUnit, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Bracket depth at every index of a text (（…） and (…)). */
function depths(text: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') d++;
    out.push(d);
    if ((ch === '）' || ch === ')') && d > 0) d--;
    if (ch.length === 2) out.push(d);
  }
  return out;
}

/** Converts an amount to another unit, keeping the printed precision meaningful. */
export function convert(a: { value: PrintedNumber; unit: AmountUnit }, to: AmountUnit): PrintedNumber {
  const ratio = UNIT_FACTOR[a.unit] / UNIT_FACTOR[to];
  const shift = Math.round(Math.log10(ratio));
  return { value: a.value.value * ratio, decimals: Math.max(0, a.value.decimals - shift) };
}

/** Totals followed by '其中' in a paragraph, with the parts listed in the rest of the sentence. */
export function textTotals(p: Paragraph): TextTotal[] {
  const text = p.text;
  const depth = depths(text);
  const amounts = amountsIn(text);
  const totals: TextTotal[] = [];
  for (const total of amounts) {
    const after = /^\s*[，,；;：:]?\s*其中\s*[：:，,]?/.exec(text.slice(total.end));
    if (!after || depth[total.start] !== 0) continue;
    const from = total.end + after[0].length;
    let to = text.length;
    for (let i = from; i < text.length; i++) {
      if (text[i] === '。' && depth[i] === 0) {
        to = i;
        break;
      }
    }
    const parts = amounts.filter((a) => {
      if (a.start < from || a.end > to || depth[a.start] !== 0) return false;
      const clauseStart = Math.max(
        from,
        ...['，', '；', '、', '：', ',', ';'].map((c) => text.lastIndexOf(c, a.start - 1) + 1),
      );
      return !NOT_A_PART.test(text.slice(clauseStart, a.start));
    });
    const before = TOTAL_WORD.exec(text.slice(Math.max(0, total.start - 8), total.start));
    totals.push({ paragraph: p, total, phraseStart: total.start - (before ? before[0].length : 0), parts });
  }
  return totals;
}

/** '2368 = 618 + 1750 (万元, p.1)' */
function line(t: TextTotal, parts: readonly TextAmount[]): string {
  const num = (a: TextAmount): string => a.text.replace(/\s*(亿元|万元|元)$/, '') + (a.unit === t.total.unit ? '' : a.unit);
  return `${num(t.total)} = ${parts.map(num).join(' + ')} (${t.total.unit}, p.${t.paragraph.page} text)`;
}

/**
 * Index sets of the listed amounts a total may be the sum of: all of them; a prefix (later amounts
 * may be something else); all but one run of consecutive amounts (a breakdown of one part, '其中
 * A 60 万元，含 a1 30 万元、a2 30 万元；B 40 万元'). Each has two amounts or more.
 */
function partSets(n: number): number[][] {
  const all = Array.from({ length: n }, (_, i) => i);
  const sets = [all];
  for (let k = n - 1; k >= 2; k--) sets.push(all.slice(0, k));
  // a breakdown follows its parent: blocks not starting at the first amount first, longest first
  for (const from of [...all.slice(1), 0]) {
    for (let to = n - 1; to > from; to--) {
      const rest = all.filter((i) => i < from || i >= to);
      if (rest.length >= 2 && rest.length < n && to < n) sets.push(rest);
    }
  }
  return sets;
}

/** Checks one text total against its parts (two or more). */
export function checkTextTotal(t: TextTotal, tally: Tally, settings: CheckSettings): void {
  if (t.parts.length < 2) return;
  const inUnit = t.parts.map((a) => convert(a, t.total.unit));
  for (const idx of partSets(t.parts.length)) {
    if (sameAmount(t.total.value, sumNumbers(idx.map((i) => inUnit[i]!)), settings)) {
      tally.pass(line(t, idx.map((i) => t.parts[i]!)));
      return;
    }
  }
  const sum = sumNumbers(inUnit);
  const computed = `${formatNumber(sum.value, Math.max(sum.decimals, t.total.value.decimals))} ${t.total.unit}`;
  const evidence: Evidence[] = [spanEvidence(t.paragraph, t.phraseStart, t.total.end)];
  for (const a of t.parts) evidence.push(spanEvidence(t.paragraph, a.start, a.end));
  const finding: Finding = {
    rule: SUM_RULE,
    severity: 'error',
    message:
      `第 ${t.paragraph.page} 页正文“${t.paragraph.text.slice(t.phraseStart, t.total.end)}”与其后所列各项之和 ` +
      `${computed}（${t.parts.map((a) => a.text).join(' + ')}）不一致`,
    expected: computed,
    actual: t.total.text,
    evidence,
  };
  tally.fail(finding);
}
