/**
 * Recognises what a table holds from its HEADER SIGNATURE only (never from its title or the
 * document): which column names are present, and at which column index.
 */
import type { RecordKind } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';

/** Column indexes of a budget-line table. */
export interface BudgetColumns {
  level: number | null;
  budgetUnit: number | null;
  project: number | null;
  amount: number;
}

/** Column indexes of a village-assignment table. */
export interface VillageColumns {
  seq: number;
  units: number;
  village: number;
}

/** Column indexes of a pairing table. */
export interface PairingColumns {
  area: number;
  helpers: number;
}

export type Signature =
  | { kind: 'budget-line'; columns: BudgetColumns }
  | { kind: 'village-assignment'; columns: VillageColumns }
  | { kind: 'pairing'; columns: PairingColumns }
  | { kind: 'generic' };

/**
 * The parts of one header cell, whitespace removed: '补助资金（万元）/中央资金' →
 * ['补助资金（万元）', '中央资金'], each also without its bracketed parts ('补助资金').
 */
export function headerParts(header: string): string[] {
  const parts = header
    .split('/')
    .map((p) => p.replace(/[\s\u00a0\u3000]+/g, ''))
    .filter((p) => p !== '');
  const out: string[] = [];
  for (const p of parts) {
    out.push(p);
    const bare = p.replace(/[（(][^（）()]*[)）]/g, '');
    if (bare !== p && bare !== '') out.push(bare);
  }
  return out;
}

/** Index of the first column (not in `taken`) with a header part matching `re`, or null. */
function findColumn(parts: readonly string[][], re: RegExp, taken: ReadonlySet<number>): number | null {
  for (let i = 0; i < parts.length; i++) {
    if (taken.has(i)) continue;
    if (parts[i]!.some((p) => re.test(p))) return i;
  }
  return null;
}

/** header → its signature: the record kind and the column of each field. */
export function headerToSignature(header: readonly string[], settings: RecordSettings = RECORD_SETTINGS): Signature {
  const parts = header.map(headerParts);
  const taken = new Set<number>();
  const take = (re: RegExp): number | null => {
    const i = findColumn(parts, re, taken);
    if (i !== null) taken.add(i);
    return i;
  };

  // pairing: 重点帮扶地区 + 结对帮扶区
  {
    taken.clear();
    const area = take(settings.aidedArea);
    const helpers = take(settings.helper);
    if (area !== null && helpers !== null) return { kind: 'pairing', columns: { area, helpers } };
  }
  // village assignment: 序号 + 派出单位 + 派驻村
  {
    taken.clear();
    const seq = take(settings.seq);
    const village = take(settings.village);
    const units = take(settings.sendingUnit);
    if (seq !== null && units !== null && village !== null) {
      return { kind: 'village-assignment', columns: { seq, units, village } };
    }
  }
  // budget line: 预算单位 + 预算数 (+ 级次, 项目名称)
  {
    taken.clear();
    take(settings.seq); // a 序号 column is never the amount
    const budgetUnit = take(settings.budgetUnit);
    const level = take(settings.level);
    const project = take(settings.project);
    const amount = take(settings.amount);
    const who = settings.budgetNeedsUnitColumn ? budgetUnit : (budgetUnit ?? project);
    if (who !== null && amount !== null) {
      return { kind: 'budget-line', columns: { level, budgetUnit, project, amount } };
    }
  }
  return { kind: 'generic' };
}

/** A table → its signature (from `table.header` only). */
export function tableToSignature(table: Table, settings: RecordSettings = RECORD_SETTINGS): Signature {
  return headerToSignature(table.header, settings);
}

/** A table → its record kind. */
export function tableToKind(table: Table, settings: RecordSettings = RECORD_SETTINGS): RecordKind {
  return tableToSignature(table, settings).kind;
}
