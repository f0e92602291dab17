/**
 * Small text helpers shared by the rules: whitespace-free comparison, numbers as printed in
 * Chinese notices (full-width digits, thousands separators, Chinese numerals), money units,
 * years and organisation/place names.
 */
import type { AmountUnit } from '../model/records.ts';

/** Removes every whitespace character (incl. U+3000). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** A number as printed: its value and how many decimals it was printed with. */
export interface PrintedNumber {
  value: number;
  decimals: number;
}

/**
 * Parses a cell or amount as printed: full-width digits and punctuation, thousands separators
 * ('1,234.50', '１２，３４５．６０'), a leading minus. Null for anything else (text, '95%').
 */
export function parseNumber(raw: string): PrintedNumber | null {
  let s = compact(raw.normalize('NFKC')).replace(/[−–]/g, '-');
  if (s === '') return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  return { value: Number(s), decimals: m[3]?.length ?? 0 };
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral characters (for regular expressions). */
export const CN_NUMERAL_CLASS = '零〇一二两三四五六七八九十百千';

/** '二十二' → 22, '十三' → 13, '一百零五' → 105; null when not a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (s === '' || ![...s].every((c) => c in CN_DIGITS || c in CN_UNITS)) return null;
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CN_DIGITS) {
      digit = CN_DIGITS[c]!;
    } else {
      total += (digit < 0 ? 1 : digit) * CN_UNITS[c]!;
      digit = -1;
    }
  }
  return total + (digit > 0 ? digit : 0);
}

/** An Arabic (half- or full-width) or Chinese count → integer; null otherwise. */
export function parseCount(s: string): number | null {
  const n = parseNumber(s);
  if (n) return n.decimals === 0 ? n.value : null;
  return parseChineseNumeral(s);
}

/** Factor of a money unit in 元. */
export const UNIT_FACTOR: Record<AmountUnit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** The money unit named in a unit line or header ('单位：万元', '补助资金（万元）'); null if none. */
export function moneyUnitOf(s: string | null | undefined): AmountUnit | null {
  if (!s) return null;
  const m = /(亿元|万元|元)/.exec(compact(s));
  return m ? (m[1] as AmountUnit) : null;
}

/** Any unit stated in brackets in a header ('养护里程（公里）' → '公里'); null if none. */
export function bracketUnitOf(header: string): string | null {
  const m = /[（(]([^（）()]{1,4})[）)]\s*$/.exec(header.split('/').pop() ?? header);
  return m ? m[1]! : null;
}

/**
 * Years printed as 'YYYY 年', 'YYYY年度' or as a range 'YYYY—YYYY 年' (every year of the range).
 * 文号 years ('〔2021〕') are dropped.
 */
export function yearsIn(s: string): number[] {
  const text = s.replace(/[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]/g, '');
  const years: number[] = [];
  const range = /((?:19|20)\d{2})\s*年?\s*[—–\-―~～至到]\s*((?:19|20)\d{2})\s*年/g;
  for (const m of text.matchAll(range)) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y);
    for (let y = a!; y <= b! && y - a! <= 50; y++) years.push(y);
  }
  for (const m of text.replace(range, ' ').matchAll(/((?:19|20)\d{2})\s*年/g)) years.push(Number(m[1]));
  return [...new Set(years)].sort((x, y) => x - y);
}

/** Range dashes between two numbers ('1—2', '1-2', '1～2', '1至2'). */
export const RANGE_DASH_CLASS = '—–\\-―~～至到';

/** Endings of organisation and place names (a cell listing names is split on them). */
const NAME_END =
  /(区|县|市|州|省|局|厅|委|办|院|村|街|街道|社区|镇|乡|公司|集团|银行|中心|学校|大学|委员会|管委会|联合会|协会|工会)$/;

/** A run of Han characters (brackets allowed) that ends like an organisation or place name. */
export function isNameLike(s: string): boolean {
  const t = s.replace(/[（(][^（）()]*[）)]\s*$/, '');
  return /^[\u4e00-\u9fff（）()]{2,}$/.test(t) && NAME_END.test(t);
}

/** Separators, other than '、', that people use between names in one cell. */
export const FOREIGN_SEPARATORS = /\s+|[，,/／;；]/;

/**
 * Splits a cell listing names on '、' and on the other separators, keeping a bracketed alias with
 * its name ('武汉经济技术开发区 (汉南区)' is one name). Pieces that do not look like names are
 * kept whole with their neighbour, so free text is never split.
 */
export function splitNames(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split('、')) {
    const glued = part.trim().replace(/\s+(?=[（(])/g, '');
    const pieces = glued.split(FOREIGN_SEPARATORS).filter((p) => p !== '');
    if (pieces.length > 1 && pieces.every(isNameLike)) out.push(...pieces);
    else if (glued !== '') out.push(compact(glued));
  }
  return out;
}

/** Formats a number with the given decimals (no thousands separators). */
export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(Math.max(0, decimals));
}
