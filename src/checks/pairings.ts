/**
 * Pairing facts (重点帮扶地区 ↔ 结对帮扶区) of one 公文, from pairing records: distinct districts,
 * distinct counties, counties per prefecture and districts per county. District cells listing
 * several names with a wrong separator are split here too, so counts do not depend on it.
 */
import type { CheckInput } from '../model/check.ts';
import type { Pairing } from '../model/records.ts';
import type { Gongwen } from '../model/types.ts';
import { documentOfTable, recordsOfKind, tableById } from './context.ts';
import { compact, splitNames } from './text.ts';

export interface CountyPairing {
  prefecture: string | null;
  county: string;
  /** '恩施州建始县' */
  label: string;
  districts: string[];
  table: string;
  rows: number[];
}

export interface PairingFacts {
  tables: string[];
  districts: string[];
  counties: CountyPairing[];
}

/** Pairing facts of the tables on the pages of `doc` (all pairing records when doc is null). */
export function pairingFacts(input: CheckInput, doc: Gongwen | null): PairingFacts | null {
  const records = recordsOfKind(input.records, 'pairing').filter((r: Pairing) => {
    if (!doc) return true;
    const table = tableById(input, r.table);
    return table !== undefined && documentOfTable(input, table)?.index === doc.index;
  });
  if (records.length === 0) return null;
  const counties = new Map<string, CountyPairing>();
  const districts = new Set<string>();
  for (const r of records) {
    const prefecture = r.prefecture ? compact(r.prefecture) : null;
    const county = compact(r.county);
    const key = `${prefecture ?? ''}|${county}`;
    const c = counties.get(key) ?? { prefecture, county, label: `${prefecture ?? ''}${county}`, districts: [], table: r.table, rows: [] };
    for (const d of splitNames(r.district)) {
      if (!c.districts.includes(d)) c.districts.push(d);
      districts.add(d);
    }
    if (!c.rows.includes(r.row)) c.rows.push(r.row);
    counties.set(key, c);
  }
  return { tables: [...new Set(records.map((r) => r.table))], districts: [...districts], counties: [...counties.values()] };
}
