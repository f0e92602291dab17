/**
 * sum.total-mismatch, tables: a 合计/总计 row against the sum of the body rows, a 小计 row (or a
 * section row carrying numbers) against the rows of its group, and a 合计/小计 column against the
 * columns it adds up.
 */
import type { Finding } from '../../model/findings.ts';
import type { AmountUnit } from '../../model/records.ts';
import type { Table } from '../../model/types.ts';
import type { Tally } from '../context.ts';
import { cellEvidence, present, tableName } from '../evidence.ts';
import type { CheckSettings } from '../settings.ts';
import {
  cellNumber,
  numericColumns,
  rowLabel,
  rowTotalKind,
  sameAmount,
  sumNumbers,
  totalLabelKind,
  unreadableNumber,
  continues,
} from '../tables.ts';
import { bracketUnitOf, compact, formatNumber, moneyUnitOf, type PrintedNumber } from '../text.ts';
import { failOrRounding, type RoundingScope } from './sumRounding.ts';

export const SUM_RULE = 'sum.total-mismatch';

/** A grand total printed in a table (for comparison with the text). */
export interface TableTotal {
  table: Table;
  row: number;
  col: number;
  value: PrintedNumber;
  /** money unit of the column (header or unit line), null when none */
  unit: AmountUnit | null;
}

/** `labelledTotal`: a row labelled '收入总计'/'支出合计' — not checked, but never a part of another total's group either. */
type RowRole = 'leaf' | 'grand' | 'sub' | 'section' | 'sectionTotal' | 'labelledTotal';

const LABELLED_TOTAL = /.(合计|总计)[:：]?$/;

function rowRoles(table: Table, cols: readonly number[]): RowRole[] {
  return table.rows.map((row, r) => {
    if (table.rowKinds[r] === 'section') {
      return cols.some((c) => cellNumber(row[c] ?? '')) ? 'sectionTotal' : 'section';
    }
    return rowTotalKind(table, r) ?? (LABELLED_TOTAL.test(compact(rowLabel(row))) ? 'labelledTotal' : 'leaf');
  });
}

/** Whether a 小计 row names its group before the 小计 cell ('一般公共预算资金 | 小计'): its group is the rows below. */
function namesItsGroup(row: readonly string[]): boolean {
  const label = row.findIndex((t) => compact(t) !== '' && !cellNumber(t));
  return label >= 0 && totalLabelKind(row[label]!) === null && row.slice(label + 1).some((t) => totalLabelKind(t) === 'sub');
}

/** '2368 = 618 + 1750' or '1050.11 = Σ 218 rows'. */
export function equation(total: string, parts: readonly PrintedNumber[], settings: CheckSettings): string {
  const rhs =
    parts.length <= settings.maxPartsShown
      ? parts.map((p) => formatNumber(p.value, p.decimals)).join(' + ')
      : `Σ ${parts.length} rows`;
  return `${total} = ${rhs}`;
}

const ENUMERATED = /^[一二三四五六七八九十]+、/;

/** Row sets a grand total may add up (flat list, top-level items only, children only, no 其中 rows). */
function grandCandidates(table: Table, leaves: readonly number[]): number[][] {
  const label = (r: number): string => compact(rowLabel(table.rows[r] ?? []));
  const top = leaves.filter((r) => ENUMERATED.test(label(r)));
  const sets = [leaves.slice()];
  if (top.length > 0 && top.length < leaves.length) sets.push(top, leaves.filter((r) => !top.includes(r)));
  const noOfWhich = leaves.filter((r) => !label(r).startsWith('其中'));
  if (noOfWhich.length < leaves.length) sets.push(noOfWhich);
  return sets;
}

function valuesOf(table: Table, rows: readonly number[], col: number): PrintedNumber[] {
  return rows.map((r) => cellNumber(table.rows[r]?.[col] ?? '')).filter((v): v is PrintedNumber => v !== null);
}

/** Leaf rows of the group a 小计/section-total row closes or opens (`opens`: a 小计 that names its group). */
function groupRows(roles: readonly RowRole[], r: number, opens = false): number[] {
  const boundary = (role: RowRole): boolean => role !== 'leaf';
  const before: number[] = [];
  if (roles[r] === 'sub' && !opens) {
    for (let i = r - 1; i >= 0 && !boundary(roles[i]!); i--) before.unshift(i);
    if (before.length > 0) return before;
  }
  const after: number[] = [];
  for (let i = r + 1; i < roles.length && !boundary(roles[i]!); i++) after.push(i);
  return after;
}

/** Leaf rows each grand-total row adds up: all of them, or, with several grand totals, its segment. */
function grandRows(roles: readonly RowRole[], r: number): number[] {
  const grands = roles.flatMap((role, i) => (role === 'grand' ? [i] : []));
  const leaves = roles.flatMap((role, i) => (role === 'leaf' ? [i] : []));
  if (grands.length <= 1) return leaves;
  const k = grands.indexOf(r);
  const from = k === 0 ? -1 : grands[k - 1]!;
  return leaves.filter((i) => i > from && i < r);
}

export function mismatch(table: Table, row: number, col: number, message: string, expected: string, actual: string): Finding {
  return {
    rule: SUM_RULE,
    severity: 'error',
    message,
    expected,
    actual,
    evidence: present([cellEvidence(table, row, col)]),
  };
}

/** Why the numbers of some slots (rows × cols) cannot be trusted, one line per doubtful slot. */
export function unreadable(table: Table, rows: readonly number[], cols: readonly number[], settings: CheckSettings): string[] {
  return rows.flatMap((r) => cols.map((c) => unreadableNumber(table, r, c, settings))).filter((d): d is string => d !== null);
}

/** The info finding of a total that could not be checked because some of its numbers cannot be read. */
export function notVerified(table: Table, row: number, col: number, what: string, doubts: readonly string[]): Omit<Finding, 'severity'> {
  return {
    rule: SUM_RULE,
    message: `${what}未能核对：${doubts.slice(0, 3).join('；')}${doubts.length > 3 ? ` 等 ${doubts.length} 处` : ''}`,
    expected: null,
    actual: table.rows[row]![col]!.trim(),
    evidence: present([cellEvidence(table, row, col)]),
  };
}

/** Money unit of a column: its header's, else the unit line's unless the header names another unit. */
export function columnMoneyUnit(table: Table, c: number): AmountUnit | null {
  const header = table.header[c] ?? '';
  return moneyUnitOf(header) ?? (bracketUnitOf(header) ? null : moneyUnitOf(table.unit));
}

/** Checks the total rows of a table; returns its grand totals. */
function checkTotalRows(table: Table, cols: readonly number[], tally: Tally, settings: CheckSettings, prev: Table | null, rounding: RoundingScope): TableTotal[] {
  const roles = rowRoles(table, cols);
  const found: TableTotal[] = [];
  roles.forEach((role, r) => {
    if (role === 'leaf' || role === 'section' || role === 'labelledTotal') return;
    for (const c of cols) {
      const stated = cellNumber(table.rows[r]?.[c] ?? '');
      if (!stated) continue;
      const header = table.header[c] ?? `col ${c + 1}`;
      const colName = header.trim() ? `「${header}」列` : `第 ${c + 1} 列`;
      const opens = role === 'sub' && namesItsGroup(table.rows[r] ?? []);
      const sets = role === 'grand' ? grandCandidates(table, grandRows(roles, r)) : [groupRows(roles, r, opens)];
      const sums = sets.map((rows) => ({ parts: valuesOf(table, rows, c) })).filter((s) => s.parts.length > 0);
      if (sums.length === 0) continue;
      const match = sums.find((s) => sameAmount(stated, sumNumbers(s.parts), settings));
      const label = compact(rowLabel(table.rows[r] ?? [])) || '合计';
      if (match) {
        tally.pass(`${table.id} ${header}: ${equation(table.rows[r]![c]!.trim(), match.parts, settings)}`);
      } else {
        const sum = sumNumbers(sums[0]!.parts);
        const computed = formatNumber(sum.value, Math.max(sum.decimals, stated.decimals));
        const stateText = table.rows[r]![c]!.trim();
        const rows = role === 'grand' ? grandRows(roles, r) : groupRows(roles, r, opens);
        const doubts = unreadable(table, [r, ...rows], [c], settings);
        // the rows summed start at the top of a headerless fragment: the group may begin in the table before it
        if (prev && rows[0] === 0) doubts.push(`本表没有表头，可能续接第 ${Math.max(...prev.pages)} 页的表格 ${prev.id}，其前面的行不在本表中`);
        if (doubts.length > 0) {
          tally.unverified(notVerified(table, r, c, `${tableName(table)}的「${label}」行${colName} ${stateText}`, doubts));
        } else {
          const finding = mismatch(table, r, c, `${tableName(table)}的「${label}」行${colName}为 ${stateText}，但其 ${sums[0]!.parts.length} 行之和为 ${computed}`, computed, stateText);
          failOrRounding(tally, finding, stated, sums[0]!.parts, rounding);
        }
      }
      if (role === 'grand') found.push({ table, row: r, col: c, value: stated, unit: columnMoneyUnit(table, c) });
    }
  });
  return found;
}

/** Columns a 合计/小计 column adds: its header siblings ('补助资金/中央资金'), else the adjacent numeric run. */
function partColumns(table: Table, c: number, cols: readonly number[]): number[][] {
  const header = table.header[c] ?? '';
  const slash = header.lastIndexOf('/');
  if (slash > 0) {
    const prefix = header.slice(0, slash + 1);
    const siblings = cols.filter((k) => k !== c && (table.header[k] ?? '').startsWith(prefix));
    if (siblings.length >= 2) return [siblings];
  }
  const isTotalCol = (k: number): boolean => totalLabelKind(table.header[k]?.split('/').pop() ?? '') !== null;
  const run = (dir: 1 | -1): number[] => {
    const out: number[] = [];
    for (let k = c + dir; k >= 0 && k < table.columns && cols.includes(k) && !isTotalCol(k); k += dir) out.push(k);
    return dir === -1 ? out.reverse() : out;
  };
  const left = run(-1);
  const parts = left.length >= 2 ? left : run(1);
  // nearest-first suffixes of the run, longest first: the full run, then without the farthest column…
  const sets: number[][] = [];
  for (let n = parts.length; n >= 2; n--) sets.push(left.length >= 2 ? parts.slice(parts.length - n) : parts.slice(0, n));
  return sets;
}

/** Checks 合计/小计 columns row by row. */
export function checkTotalColumns(table: Table, cols: readonly number[], tally: Tally, settings: CheckSettings, rounding: RoundingScope = 'none'): void {
  for (const c of cols) {
    if (!totalLabelKind(table.header[c]?.split('/').pop() ?? '')) continue;
    const sets = partColumns(table, c, cols);
    const rows = table.rows.flatMap((row, r) => (cellNumber(row[c] ?? '') ? [r] : []));
    const agrees = (set: number[], r: number): boolean => {
      const parts = set.flatMap((k) => valuesOf(table, [r], k));
      return parts.length > 0 && sameAmount(cellNumber(table.rows[r]![c]!)!, sumNumbers(parts), settings);
    };
    // the structure is the longest set most rows agree with (a grouped header needs no vote)
    const chosen =
      sets.length === 1 && (table.header[c] ?? '').includes('/')
        ? sets[0]
        : sets.find((set) => rows.filter((r) => agrees(set, r)).length * 2 >= rows.length);
    if (!chosen || rows.length === 0) continue;
    const names = chosen.map((k) => table.header[k] ?? '').join(' + ');
    const bad = rows.filter((r) => !agrees(chosen, r));
    for (let i = 0; i < rows.length - bad.length; i++) tally.pass();
    for (const r of bad) {
      const sum = sumNumbers(chosen.flatMap((k) => valuesOf(table, [r], k)));
      const stated = table.rows[r]![c]!.trim();
      const doubts = unreadable(table, [r], [c, ...chosen], settings);
      if (doubts.length > 0) {
        tally.unverified(notVerified(table, r, c, `表 ${table.id} 第 ${r + 1} 行（${compact(rowLabel(table.rows[r] ?? []))}）「${table.header[c]}」${stated}`, doubts));
        continue;
      }
      const computed = formatNumber(sum.value, Math.max(sum.decimals, cellNumber(stated)!.decimals));
      const finding = mismatch(
        table,
        r,
        c,
        `表 ${table.id} 第 ${r + 1} 行（${compact(rowLabel(table.rows[r] ?? []))}）「${table.header[c]}」为 ${stated}，` + `但 ${names} 之和为 ${computed}`,
        computed,
        stated,
      );
      failOrRounding(tally, finding, cellNumber(stated)!, chosen.flatMap((k) => valuesOf(table, [r], k)), rounding);
    }
    const good = rows.length - bad.length;
    if (good > 0) tally.verified.push(`${table.id} ${table.header[c]} = ${names} in ${good} rows`);
  }
}

/** Runs both table checks on one table (`tables`: all of the document's, to see a headerless continuation); returns its grand totals. */
export function checkTableTotals(table: Table, tally: Tally, settings: CheckSettings, tables: readonly Table[] = [table]): TableTotal[] {
  const cols = numericColumns(table, settings);
  if (cols.length === 0) return [];
  const totals = checkTotalRows(table, cols, tally, settings, continues(tables, table), 'none');
  checkTotalColumns(table, cols, tally, settings, 'none');
  return totals;
}
