/**
 * Row flags shared by every record kind (合计/总计 → isTotal, 小计 → isSubtotal) and amounts in 元.
 */
import type { AmountUnit } from '../model/records.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';

const SPACES = /[\s\u00a0\u3000]+/g;

/** Yuan per unit. */
const YUAN: Readonly<Record<AmountUnit, number>> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/**
 * The total flags of a row: a text cell (other than column `skip`) matching `settings.total`;
 * a cell saying 小计 makes a subtotal, any other match a total.
 */
export function rowTotalFlags(
  row: readonly string[],
  skip: number | null = null,
  settings: RecordSettings = RECORD_SETTINGS,
): { isTotal: boolean; isSubtotal: boolean } {
  const hits = row.filter((cell, i) => i !== skip && settings.total.test(cell.replace(SPACES, '')));
  if (hits.length === 0) return { isTotal: false, isSubtotal: false };
  const sub = hits.every((cell) => cell.replace(SPACES, '').includes('小计'));
  return { isTotal: !sub, isSubtotal: sub };
}

/** An amount in `unit` → 元, rounded to 0.0001 元 against float noise; null when either is unknown. */
export function toYuan(value: number | null, unit: AmountUnit | null): number | null {
  if (value === null || unit === null) return null;
  return Math.round(value * YUAN[unit] * 1e4) / 1e4;
}
