/**
 * sum.total-mismatch, text: 'X 万元，其中：A 万元，B 万元' — the amounts the sentence enumerates after
 * 其中 (its items up to the first one without an amount: '其中银行有息债务 110,221.68 万元，资产
 * 负债率 59.11%，营业收入 18.18 亿元' enumerates one item, not three; outside brackets; not rates
 * such as '每人 2 万元') must add up to X. A total or part whose number is not whole on the page
 * (split by a poor text layer: '111, 824.·05 万元', glued to letters: '1IO, 221.68') or read by OCR
 * with low confidence cannot be checked: that is said as info, never as a mismatch.
 */
import type { Paragraph } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import type { AmountUnit } from '../../model/records.ts';
import type { Evidence } from '../../model/types.ts';
import type { Tally } from '../context.ts';
import { spanEvidence } from '../evidence.ts';
import { CHECK_SETTINGS, type CheckSettings } from '../settings.ts';
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
  /** why the number may not be what is printed (split or glued, read with low OCR confidence), null when it reads whole */
  doubt: string | null;
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

/**
 * Why the amount starting at `start` may be only the tail of a number, or null: the non-space
 * character before it is a digit, a Latin letter glued to it (a misread digit), or a separator
 * that itself follows a digit or letter ('111, 824.·05' gives '05', '1IO, 221.68' gives '221.68').
 */
export function splitNumberDoubt(text: string, start: number): string | null {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  const prev = text[i] ?? '';
  let j = i - 1;
  while (j >= 0 && /\s/.test(text[j]!)) j--;
  // a letter counts only glued to the number ('1IO221.68'); 'A 类 10 万元' is a label
  const split =
    /[0-9０-９]/.test(prev) || (/[A-Za-z]/.test(prev) && i === start - 1) || (/[.．·•,，'’]/.test(prev) && /[0-9０-９A-Za-z.．·•]/.test(text[j] ?? ''));
  return split ? `数字“${text.slice(Math.max(0, j - 6), start).trim()}…”在页面文字中被拆开，读不出完整金额` : null;
}

/** All money amounts in a text. */
export function amountsIn(text: string): TextAmount[] {
  const out: TextAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const value = parseNumber(m[0].slice(0, m[0].length - m[1]!.length));
    if (!value) continue;
    const start = m.index!;
    out.push({ value, unit: m[1] as AmountUnit, text: m[0], start, end: start + m[0].length, doubt: splitNumberDoubt(text, start) });
  }
  return out;
}

/** The lowest OCR confidence of the lines of a paragraph that a span [start, end) touches (1 for text-layer lines). */
function spanConfidence(p: Paragraph, start: number, end: number): number {
  let at = 0;
  let min = 1;
  for (const line of p.lines) {
    const from = at;
    at += line.text.length;
    if (at > start && from < end) min = Math.min(min, line.confidence ?? 1);
  }
  return min;
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

/**
 * The amounts a sentence enumerates from `from` to `to`. Its items are the '；'-separated segments
 * when it has any (each item may go on with descriptive clauses: '其中：A 618 万元（…），主要是…；
 * B 1750 万元，主要…'), else its '，'/'、' clauses. Items are taken up to the first one that holds
 * no amount once one part has been seen: what follows is another statement, not an item of the
 * list. Amounts in brackets and rates or changes ('每人 2 万元', '增加 10 万元') are not parts.
 */
function enumeratedParts(text: string, depth: readonly number[], amounts: readonly TextAmount[], from: number, to: number): TextAmount[] {
  // a thousands separator inside an amount ('1,274.42 万元') never separates items
  const inAmount = (i: number): boolean => amounts.some((a) => i > a.start && i < a.end);
  const topLevel = (re: RegExp, i: number): boolean => re.test(text[i]!) && depth[i] === 0 && !inAmount(i);
  let semicolons = false;
  for (let i = from; i < to && !semicolons; i++) semicolons = topLevel(/[；;]/, i);
  const separator = semicolons ? /[；;]/ : /[，；、,;]/;
  const parts: TextAmount[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !topLevel(separator, i)) continue;
    const inItem = amounts.filter((a) => a.start >= start && a.end <= i && depth[a.start] === 0);
    if (inItem.length === 0 && parts.length > 0) break;
    for (const a of inItem) {
      const clauseStart = Math.max(start, ...['，', '；', '、', '：', ',', ';'].map((c) => text.lastIndexOf(c, a.start - 1) + 1));
      if (!NOT_A_PART.test(text.slice(clauseStart, a.start))) parts.push(a);
    }
    start = i + 1;
  }
  return parts;
}

/** Totals followed by '其中' in a paragraph, with the parts the rest of the sentence enumerates. */
export function textTotals(p: Paragraph, settings: CheckSettings = CHECK_SETTINGS): TextTotal[] {
  const text = p.text;
  const depth = depths(text);
  const amounts = amountsIn(text).map((a) => {
    const confidence = spanConfidence(p, a.start, a.end);
    return a.doubt === null && confidence < settings.minNumberConfidence ? { ...a, doubt: `“${a.text}”的 OCR 识别置信度 ${confidence.toFixed(2)}` } : a;
  });
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
    const parts = enumeratedParts(text, depth, amounts, from, to);
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
  const doubts = [t.total, ...t.parts].flatMap((a) => (a.doubt ? [a.doubt] : []));
  if (doubts.length > 0) {
    tally.unverified({
      rule: SUM_RULE,
      message: `第 ${t.paragraph.page} 页正文“${t.paragraph.text.slice(t.phraseStart, t.total.end)}”未能与其后所列各项核对：${doubts.join('；')}`,
      expected: null,
      actual: t.total.text,
      evidence: [spanEvidence(t.paragraph, t.phraseStart, t.total.end), ...t.parts.map((a) => spanEvidence(t.paragraph, a.start, a.end))],
    });
    return;
  }
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
