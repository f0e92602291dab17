import { describe, expect, it } from 'vitest';
import { isEmptyValue, parseAmount, parseChineseNumeral, parseInteger } from '../../src/text/numbers.ts';

/** Deterministic PRNG (mulberry32) so the property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const withSeparators = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const fullWidth = (s: string): string =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/,/g, '，').replace(/\./g, '．').replace(/-/g, '－');

/** 1..99999 → Chinese numeral, written independently of the parser. */
function toChinese(n: number, leading = true): string {
  const D = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  if (n === 0) return '零';
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const u = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out !== '') out += '零';
    zero = false;
    out += (d === 1 && u === '十' && i === 0 && leading ? '' : D[d]) + u;
  });
  return out;
}

describe('parseAmount', () => {
  it('reads plain, separated, full-width, signed and unit-suffixed amounts', () => {
    expect(parseAmount('2368')).toEqual({ value: 2368, unit: null });
    expect(parseAmount('12,345.60')).toEqual({ value: 12345.6, unit: null });
    expect(parseAmount('１２，３４５．６')).toEqual({ value: 12345.6, unit: null });
    expect(parseAmount('１２，３４５．６０')).toEqual({ value: 12345.6, unit: null });
    expect(parseAmount('12，345')).toEqual({ value: 12345, unit: null });
    expect(parseAmount('  618  ')).toEqual({ value: 618, unit: null });
    expect(parseAmount('618万元')).toEqual({ value: 618, unit: '万元' });
    expect(parseAmount('618 万元')).toEqual({ value: 618, unit: '万元' });
    expect(parseAmount('1.5亿元')).toEqual({ value: 1.5, unit: '亿元' });
    expect(parseAmount('3万')).toEqual({ value: 3, unit: '万元' });
    expect(parseAmount('100元')).toEqual({ value: 100, unit: '元' });
    expect(parseAmount('-12.5')).toEqual({ value: -12.5, unit: null });
    expect(parseAmount('－１２．５')).toEqual({ value: -12.5, unit: null });
    expect(parseAmount('−7')).toEqual({ value: -7, unit: null });
    expect(parseAmount('0')).toEqual({ value: 0, unit: null });
    expect(parseAmount('-0')).toEqual({ value: 0, unit: null });
    expect(parseAmount('.5')).toEqual({ value: 0.5, unit: null });
  });

  it('gives null for empty placeholders and for anything unreadable, never NaN', () => {
    for (const s of ['', '   ', '—', '-', '——', '－', '/']) {
      expect(parseAmount(s)).toBeNull();
      expect(isEmptyValue(s)).toBe(true);
    }
    for (const s of ['abc', '12,34', '1,2345', '12.3.4', '95.7%', '十二', '1 2', '12元元', '万元', '--5', '1e5', 'NaN', 'Infinity']) {
      expect(parseAmount(s), s).toBeNull();
      expect(isEmptyValue(s), s).toBe(false);
    }
  });

  it('round-trips a few hundred random integers and decimals written with separators and full-width digits', () => {
    const rand = rng(42);
    for (let i = 0; i < 300; i++) {
      const n = Math.floor(rand() * 10 ** (1 + Math.floor(rand() * 9)));
      const cents = Math.floor(rand() * 100);
      const neg = rand() < 0.2;
      const value = (neg ? -1 : 1) * (n + cents / 100);
      const text = `${neg ? '-' : ''}${withSeparators(n, ',')}.${String(cents).padStart(2, '0')}`;
      expect(parseAmount(text)?.value, text).toBeCloseTo(value, 6);
      expect(parseAmount(fullWidth(text))?.value, fullWidth(text)).toBeCloseTo(value, 6);
      expect(parseAmount(withSeparators(n, '，'))?.value).toBe(n);
      expect(parseAmount(`${fullWidth(String(n))} 万元`)).toEqual({ value: n, unit: '万元' });
    }
  });
});

describe('parseInteger', () => {
  it('reads Arabic and full-width integers, with separators and sign', () => {
    expect(parseInteger('271')).toBe(271);
    expect(parseInteger(' ２７１ ')).toBe(271);
    expect(parseInteger('1,234')).toBe(1234);
    expect(parseInteger('-3')).toBe(-3);
    for (const s of ['', '1.5', '一', '12a', '1,23', '—']) expect(parseInteger(s), s).toBeNull();
  });
});

describe('parseChineseNumeral', () => {
  it('reads the common forms', () => {
    const cases: [string, number][] = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十二', 22], ['九十九', 99], ['一百', 100],
      ['一百零五', 105], ['一百一十', 110], ['一百五', 150], ['两', 2], ['两百', 200], ['〇', 0], ['零', 0],
      ['一千零一', 1001], ['三万零五百', 30500], ['二〇二一', 2021], ['22', 22], ['２２', 22], [' 十三 ', 13],
    ];
    for (const [s, n] of cases) expect(parseChineseNumeral(s), s).toBe(n);
  });

  it('rejects non-numerals', () => {
    for (const s of ['', '十十', '百十', '一二十', '十a', '、', '万', '一万万']) expect(parseChineseNumeral(s), s).toBeNull();
  });

  it('round-trips 1..999 (and a sample up to 99999) from an independent formatter', () => {
    for (let n = 1; n <= 999; n++) expect(parseChineseNumeral(toChinese(n)), toChinese(n)).toBe(n);
    const rand = rng(7);
    for (let i = 0; i < 200; i++) {
      const n = 1 + Math.floor(rand() * 99999);
      const s = n >= 10000 ? toChinese(Math.floor(n / 10000)) + '万' + (n % 10000 === 0 ? '' : (n % 10000 < 1000 ? '零' : '') + toChinese(n % 10000, false)) : toChinese(n);
      expect(parseChineseNumeral(s), s).toBe(n);
    }
  });
});
