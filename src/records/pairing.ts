/**
 * Pairing tables (重点帮扶地区/结对帮扶区) → Pairing records: one per (aided county, helping district).
 */
import { rowSource } from './source.ts';
import { rowTotalFlags } from './totals.ts';
import type { Pairing } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { slotText } from './evidence.ts';
import type { PairingColumns } from './signatures.ts';

/** Suffixes of a prefecture-level name (州, 市, 地区, 盟). */
const PREFECTURE_END = /(州|市|地区|盟)$/;
/** Suffixes of a county-level name (县, 市, 区, 旗). */
const COUNTY_END = /(县|市|区|旗)$/;
/** A county-level name never starts with an administrative suffix ('荆州|市沙市区' is no split). */
const SUFFIX_START = /^(州|市|区|县|旗|盟|地区)/;

/**
 * '恩施州来凤县' → { prefecture: '恩施州', county: '来凤县' }: the shortest prefix ending in
 * 州/市/地区/盟 followed by a county-level name ending in 县/市/区/旗 (both at least two characters).
 * A name with no such split is a county alone: '利川市' → { prefecture: null, county: '利川市' }.
 */
export function splitArea(text: string): { prefecture: string | null; county: string } {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  const chars = Array.from(t);
  for (let i = 2; i <= chars.length - 2; i++) {
    const prefix = chars.slice(0, i).join('');
    const rest = chars.slice(i).join('');
    if (PREFECTURE_END.test(prefix) && COUNTY_END.test(rest) && !SUFFIX_START.test(rest)) {
      return { prefecture: prefix, county: rest };
    }
  }
  return { prefecture: null, county: t };
}

const OPEN = new Set(['(', '（', '[', '【', '〔']);
const CLOSE = new Set([')', '）', ']', '】', '〕']);
const SEPARATOR = /[、，,;；]/;
const SPACE = /[\s\u00a0\u3000]/;

/**
 * '洪山区 东湖生态旅游风景区' / '硚口区、黄陂区' → the district names. Splits on 、 ， , ； and on
 * spaces, never inside brackets; a bracketed part belongs to the name before it, so
 * '武汉经济技术开发区 (汉南区)' stays one name (as printed).
 */
export function splitDistricts(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  const chars = Array.from(text.trim());
  const flush = (): void => {
    const t = cur.trim();
    if (t !== '') out.push(t);
    cur = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATOR.test(ch)) {
      flush();
      continue;
    }
    if (depth === 0 && SPACE.test(ch)) {
      // a space before a bracket keeps the alias with its name: 'X (Y)'
      let j = i;
      while (j < chars.length && SPACE.test(chars[j]!)) j++;
      if (j < chars.length && OPEN.has(chars[j]!) && cur.trim() !== '') {
        cur += ' ';
        i = j - 1;
        continue;
      }
      flush();
      i = j - 1;
      continue;
    }
    cur += ch;
  }
  flush();
  return out;
}

/** A pairing table → records (zod-validated), one per (county, district); rows without either give none. */
export function pairingTableToRecords(table: Table, columns: PairingColumns): { records: Pairing[] } {
  const records: Pairing[] = [];
  table.rows.forEach((row, r) => {
    if (table.rowKinds[r] === 'section') return;
    const areaText = slotText(table, r, columns.area);
    if (areaText === '') return;
    const { prefecture, county } = splitArea(areaText);
    for (const district of splitDistricts(slotText(table, r, columns.helpers))) {
      records.push(
        {
          kind: 'pairing', table: table.id, row: r, ...rowSource(table, r), prefecture, county, district, ...rowTotalFlags(row),
        } satisfies Pairing,
      );
    }
  });
  return { records };
}
