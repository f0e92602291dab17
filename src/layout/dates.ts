/**
 * Dates as printed in 公文: '2021年8月23日', '２０２１年８月２３日', '二〇二一年八月二十三日'
 * (〇, 零, ○ or O for zero), spaces allowed anywhere. Output ISO 'yyyy-mm-dd'.
 */
import { toAsciiDigits } from './geometry.ts';

const ZERO = '〇零○ОOＯ';
const CN_DIGITS = `${ZERO}一二三四五六七八九`;
const ARABIC = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const CHINESE = new RegExp(`([${CN_DIGITS}]{4})年([${CN_DIGITS}十]{1,3})月([${CN_DIGITS}十]{1,3})日`);
const DATE_ANY = new RegExp(`(?:${ARABIC.source}|${CHINESE.source})`);

function cnDigit(ch: string): number {
  if (ZERO.includes(ch)) return 0;
  return '一二三四五六七八九'.indexOf(ch) + 1;
}

/** '八' → 8, '十' → 10, '十二' → 12, '二十三' → 23, '三十一' → 31, '二三' → 23; NaN when malformed. */
function cnNumber(s: string): number {
  const i = s.indexOf('十');
  if (i < 0) return [...s].reduce((n, ch) => n * 10 + cnDigit(ch), 0);
  if (s.indexOf('十', i + 1) >= 0) return NaN;
  const tens = i === 0 ? 1 : s.length > 0 && i === 1 ? cnDigit(s[0]!) : NaN;
  const unitStr = s.slice(i + 1);
  const units = unitStr === '' ? 0 : unitStr.length === 1 ? cnDigit(unitStr) : NaN;
  return tens * 10 + units;
}

function iso(y: number, m: number, d: number): string | null {
  if (!Number.isFinite(y) || !Number.isFinite(m) || !Number.isFinite(d)) return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function squeeze(s: string): string {
  return toAsciiDigits(s).replace(/[\s\u3000]+/g, '');
}

/** The first valid date found in a string, as ISO yyyy-mm-dd ('2021年8月24日印发' → '2021-08-24'). */
export function parseChineseDate(s: string): string | null {
  const t = squeeze(s);
  const re = new RegExp(DATE_ANY.source, 'g');
  for (const m of t.matchAll(re)) {
    const r =
      m[1] !== undefined
        ? iso(Number(m[1]), Number(m[2]), Number(m[3]))
        : iso(Number([...m[4]!].map((c) => cnDigit(c)).join('')), cnNumber(m[5]!), cnNumber(m[6]!));
    if (r) return r;
  }
  return null;
}

/** Whether a string is nothing but one date (spaces allowed), e.g. a signature date line. */
export function isDateOnly(s: string): boolean {
  const t = squeeze(s);
  const m = t.match(new RegExp(`^${DATE_ANY.source}$`));
  return m !== null && parseChineseDate(t) !== null;
}

/** The date of an 印发 line ('中共某某办公厅  2021年8月24日印发'): a date right before a closing '印发'. */
export function printLineDate(s: string): { date: string; before: string } | null {
  const t = squeeze(s);
  const m = t.match(new RegExp(`(${DATE_ANY.source})印发$`));
  if (!m || m.index === undefined) return null;
  const date = parseChineseDate(m[1]!);
  return date ? { date, before: t.slice(0, m.index) } : null;
}
