/**
 * Property-based round trips (fast-check) for the parsers records and checks depend on: an
 * amount, an integer, a Chinese numeral, a 文号 and a section title are generated as printed in
 * notices, in their many spellings, and must parse back to the values they were made from.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount, parseChineseNumeral, parseInteger } from '../../src/text/numbers.ts';
import { findDocNumbers, parseDocNumber } from '../../src/layout/docnumber.ts';
import { parseSectionTitle } from '../../src/records/village.ts';

const RUNS = { numRuns: 300 };
const DIGITS = '零一二三四五六七八九';

/** ASCII digits → full-width. */
const fullWidth = (s: string): string =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10)).replace(/,/g, '，').replace(/\./g, '．');

/** 1234567 → '1,234,567'. */
const grouped = (int: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** n < 10000 as a Chinese numeral section ('一千零五', '二十'); `lead` drops the 一 of 一十 (十二). */
function section(n: number, lead: boolean): string {
  const ds = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ['千', '百', '十', ''];
  let out = '';
  let zero = false;
  let started = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += lead && !started && i === 2 && d === 1 ? units[i] : DIGITS[d]! + units[i];
    started = true;
  });
  return out;
}

/** n < 10^12 as a Chinese numeral, e.g. 105 → 一百零五, 30500 → 三万零五百, 12 → 十二. */
function toChineseNumeral(n: number): string {
  if (n === 0) return '零';
  const groups = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  const big = ['亿', '万', ''];
  let out = '';
  let gap = false;
  groups.forEach((g, i) => {
    if (g === 0) {
      if (out !== '') gap = true;
      return;
    }
    if (out !== '' && (gap || g < 1000)) out += '零';
    out += section(g, out === '') + big[i];
    gap = false;
  });
  return out;
}

describe('amounts (text/numbers.ts)', () => {
  const UNITS: [string, string | null][] = [['', null], ['元', '元'], ['万元', '万元'], ['亿元', '亿元'], ['万', '万元'], ['亿', '亿元']];
  it('parses every printed form of an amount back to its value and unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999_999n }),
        fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 }), { nil: undefined }),
        fc.boolean(), // negative
        fc.boolean(), // thousands separators
        fc.boolean(), // full-width
        fc.constantFrom(...UNITS),
        fc.constantFrom('', ' ', '\u3000', '\u00a0'),
        (int, frac, negative, sep, wide, [unit, expectedUnit], pad) => {
          const digits = int.toString();
          let s = (sep ? grouped(digits) : digits) + (frac === undefined ? '' : `.${frac}`);
          if (wide) s = fullWidth(s);
          s = pad + (negative ? '-' : '') + s + unit + pad;
          const value = Number(`${digits}${frac === undefined ? '' : `.${frac}`}`);
          const r = parseAmount(s);
          expect(r).not.toBeNull();
          expect(r!.value).toBe(negative && value !== 0 ? -value : value);
          expect(r!.unit).toBe(expectedUnit);
        },
      ),
      RUNS,
    );
  });

  it('reads integers in Arabic or full-width digits, grouped or not, and refuses decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), fc.boolean(), (n, sep, wide) => {
        const abs = String(Math.abs(n));
        let s = (n < 0 ? '-' : '') + (sep ? grouped(abs) : abs);
        if (wide) s = fullWidth(s);
        expect(parseInteger(s)).toBe(n);
        expect(parseInteger(s + '.5')).toBeNull();
      }),
      RUNS,
    );
  });
});

describe('Chinese numerals (text/numbers.ts)', () => {
  it('reads back every numeral below 10^12 written the standard way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      RUNS,
    );
    expect(toChineseNumeral(105)).toBe('一百零五');
    expect(toChineseNumeral(30500)).toBe('三万零五百');
    expect(toChineseNumeral(12)).toBe('十二');
    expect(toChineseNumeral(100010)).toBe('十万零一十');
  });

  it('reads small numerals (section numbers, counts) with surrounding spaces and 两 for 2 at the head', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', ' ', '\u3000'), (n, pad) => {
        expect(parseChineseNumeral(pad + toChineseNumeral(n) + pad)).toBe(n);
        expect(parseChineseNumeral(String(n))).toBe(n);
      }),
      RUNS,
    );
    expect(parseChineseNumeral('两百')).toBe(200);
  });

  it('reads years written digit by digit (二〇二一)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('〇', '零'), (y, zero) => {
        const s = [...String(y)].map((d) => (d === '0' ? zero : DIGITS[Number(d)]!)).join('');
        expect(parseChineseNumeral(s)).toBe(y);
      }),
      RUNS,
    );
  });
});

/** Han characters for names (none of them a numeral, a bracket or a unit the parsers look for). */
const NAME_CHARS = '国务院办公厅湖北省武汉财政教育卫生发展改革委员人民政府农业农村交通运输商务文化旅游科技经济信息化';
const nameOf = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: min, maxLength: max });

describe('文号 (layout/docnumber.ts)', () => {
  const BRACKETS: [string, string][] = [['〔', '〕'], ['[', ']'], ['［', '］'], ['（', '）'], ['(', ')'], ['【', '】']];
  it('parses a 文号 in any bracket, spacing and digit width back to prefix, year and serial', () => {
    fc.assert(
      fc.property(
        nameOf(1, 12),
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom(...BRACKETS),
        fc.boolean(), // 第
        fc.boolean(), // full-width digits
        fc.constantFrom('', ' ', '\u3000'),
        (prefix, year, serial, [open, close], di, wide, sp) => {
          const num = (n: number): string => (wide ? fullWidth(String(n)) : String(n));
          const raw = `${prefix}${sp}${open}${num(year)}${close}${sp}${di ? '第' : ''}${num(serial)}${sp}号`;
          const d = parseDocNumber(raw);
          expect(d).not.toBeNull();
          expect(d).toMatchObject({ prefix, year, serial, normalized: `${prefix}〔${year}〕${serial}号` });
          if (prefix.length <= 8) {
            const cited = findDocNumbers(`根据《关于做好有关工作的通知》（${raw}）要求，`);
            expect(cited.map((c) => [c.prefix, c.year, c.serial])).toEqual([[prefix, year, serial]]);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('section titles (records/village.ts parseSectionTitle)', () => {
  it('reads back number, district, street, declared count and lead unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.boolean(), // section number in Arabic digits
        fc.constantFrom('、', '．', '.'),
        fc.tuple(nameOf(1, 4), fc.constantFrom('区', '县', '市')),
        fc.option(fc.tuple(nameOf(1, 4), fc.constantFrom('街道', '街', '乡', '镇')), { nil: undefined }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(), // count in Chinese
        fc.boolean(), // 个
        fc.option(nameOf(2, 12), { nil: undefined }),
        fc.constantFrom('', ' ', '\u3000'),
        (n, arabic, sep, [d, dSuffix], street, count, chineseCount, ge, lead, sp) => {
          const district = d + dSuffix;
          const streetName = street === undefined ? null : street[0] + street[1];
          const title =
            `${arabic ? n : toChineseNumeral(n)}${sep}${district}${sp}${streetName ?? ''}${sp}` +
            `${chineseCount ? toChineseNumeral(count) : count}${sp}${ge ? '个' : ''}村` +
            (lead === undefined ? '' : `（牵头单位：${lead}）`);
          const ctx = parseSectionTitle(title);
          expect(ctx).toEqual({
            section: n,
            title,
            district,
            street: streetName,
            declaredCount: count,
            leadUnit: lead ?? null,
          });
        },
      ),
      RUNS,
    );
  });
});
