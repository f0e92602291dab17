/**
 * Number parsing for table cells and section titles: amounts ('１２，３４５．６０', '2,368 万元'),
 * integers ('271', '２７１') and Chinese numerals ('二十二', '一百零五'). Pure functions; they never
 * return NaN — anything they cannot read is `null`.
 */
import type { AmountUnit } from '../model/records.ts';

/** Whitespace that may surround a value: ASCII, no-break and ideographic spaces. */
const SPACE = /[\s\u00a0\u3000]+/g;

/** Cell texts that mean "no value" ('—', '-', '/', ''), after trimming. */
const EMPTY = /^[-\u2010-\u2015\u2212\uff0d\u2500\/\uff0f]*$/;

/**
 * Full-width digits and punctuation → ASCII; Unicode minus signs → '-'. Only the characters a
 * number can hold are mapped; everything else is left as is.
 */
export function toHalfWidthNumber(s: string): string {
  return s
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uff0c/g, ',') // ，
    .replace(/\uff0e/g, '.') // ．
    .replace(/[\uff0d\u2212\u2012\u2013\ufe63]/g, '-')
    .replace(/\uff0b/g, '+')
    .replace(/\uff05/g, '%');
}

/** True for a cell that holds no value: empty, spaces only, or a dash/slash placeholder. */
export function isEmptyValue(s: string): boolean {
  return EMPTY.test(s.replace(SPACE, ''));
}

/** An amount and the unit printed with it (null when the cell states none). */
export interface ParsedAmount {
  value: number;
  unit: AmountUnit | null;
}

const AMOUNT = /^([+-])?[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(万元|亿元|元|万|亿)?$/;

const UNIT_OF: Readonly<Record<string, AmountUnit>> = { 万元: '万元', 万: '万元', 亿元: '亿元', 亿: '亿元', 元: '元' };

/**
 * Parses an amount: optional sign, optional thousands separators (ASCII or full-width commas in
 * groups of three), optional decimals, optional unit suffix (元/万元/亿元, also bare 万/亿).
 * Full-width digits and surrounding spaces are accepted. Empty placeholders ('', '—', '-') and
 * anything unreadable give `null`; use `isEmptyValue` to tell the two apart.
 */
export function parseAmount(s: string): ParsedAmount | null {
  if (isEmptyValue(s)) return null;
  const t = toHalfWidthNumber(s).trim().replace(/^([+-])\s+/, '$1').replace(/\s+(?=[万亿元])/, '');
  const m = AMOUNT.exec(t);
  if (!m) return null;
  const [, sign, int, frac, unit] = m;
  if (int === undefined && frac === undefined) return null;
  const value = Number(`${int === undefined ? '0' : int.replace(/,/g, '')}${frac === undefined ? '' : `.${frac}`}`);
  if (!Number.isFinite(value)) return null;
  return { value: sign === '-' ? (value === 0 ? 0 : -value) : value, unit: unit === undefined ? null : UNIT_OF[unit]! };
}

/**
 * An amount followed by a note in the same cell ('1250 含结转', '300（含追加50）'): the amount and
 * the note, or null when the cell is not of that shape (no leading amount, or no Han/bracket note).
 */
export function amountWithNote(s: string): { amount: ParsedAmount; note: string } | null {
  const m = /^(.*?\d)\s*((?:[\u4e00-\u9fff（(]).*)$/u.exec(toHalfWidthNumber(s).trim());
  if (!m) return null;
  const amount = parseAmount(m[1]!);
  return amount === null ? null : { amount, note: m[2]!.trim() };
}

/**
 * Parses an integer written in Arabic or full-width digits, with an optional sign and optional
 * thousands separators ('1,234'). Decimals, units and anything else give `null`.
 */
export function parseInteger(s: string): number | null {
  const t = toHalfWidthNumber(s).trim();
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)$/.exec(t);
  if (!m) return null;
  const value = Number(m[2]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === '-' ? (value === 0 ? 0 : -value) : value;
}

const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** A section below 万: '一千零五', '十二', '二十'. null when malformed. */
function sectionValue(chars: string[]): number | null {
  if (chars.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroPending = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch in DIGIT) {
      const d = DIGIT[ch]!;
      if (d === 0) {
        if (digit !== null) return null; // '一零' inside a unit-numeral
        zeroPending = true;
        continue;
      }
      if (digit !== null) return null; // two digits in a row
      digit = d;
    } else if (ch in SMALL_UNIT) {
      const u = SMALL_UNIT[ch]!;
      if (u >= lastUnit) return null; // units must descend: 十十, 十百
      if (digit === null) {
        if (u !== 10 || !(i === 0 || zeroPending)) return null; // a bare 十 only first ('十二', '一百零十')
        digit = 1;
      }
      total += digit * u;
      digit = null;
      lastUnit = u;
      zeroPending = false;
    } else return null;
  }
  if (digit !== null) {
    // a trailing digit is the ones; after 百/千 without 零 it is shorthand ('一百五' = 150)
    total += lastUnit === Infinity || zeroPending || lastUnit === 10 ? digit : digit * (lastUnit / 10);
  } else if (zeroPending && lastUnit === Infinity) {
    return 0;
  }
  return total;
}

/**
 * Parses a Chinese numeral ('一', '十二', '二十二', '一百零五', '两', '〇', '三万零五百') or a
 * string of digits (Arabic, full-width, or Chinese digit-by-digit like '二〇二一'). Surrounding
 * spaces are ignored. null when the text is not a numeral.
 */
export function parseChineseNumeral(s: string): number | null {
  const t = s.replace(SPACE, '');
  if (t === '') return null;
  const arabic = parseInteger(t);
  if (arabic !== null) return arabic;
  const chars = Array.from(t);
  // digit by digit: 二〇二一
  if (chars.length > 1 && chars.every((c) => c in DIGIT && c !== '两')) {
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let current: string[] = [];
  let lastBig = Infinity;
  for (const ch of chars) {
    if (ch in BIG_UNIT) {
      const u = BIG_UNIT[ch]!;
      if (u >= lastBig) return null;
      const v = sectionValue(current);
      if (v === null) return null;
      total += v * u;
      current = [];
      lastBig = u;
    } else if (ch in DIGIT || ch in SMALL_UNIT) current.push(ch);
    else return null;
  }
  if (current.length > 0) {
    const v = sectionValue(current);
    if (v === null) return null;
    total += v;
  }
  return total;
}
