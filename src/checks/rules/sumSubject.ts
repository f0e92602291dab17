/**
 * sum.total-mismatch on subject tables (科目表, records/subjects.ts): each parent subject (类, 款)
 * against its own children, and the 合计/总计 row against the top level only — never against every
 * level added together. A difference no larger than the printed rounding (one unit of the last
 * printed digit per part, integers included) is a `sum.rounding` info (sumRounding.ts). Tables with
 * subject lists side by side are checked list by list.
 */
import type { Finding } from '../../model/findings.ts';
import type { Table } from '../../model/types.ts';
import { subjectTrees, type SubjectNode, type SubjectTree } from '../../records/subjects.ts';
import type { Tally } from '../context.ts';
import { cellEvidence, present, tableName } from '../evidence.ts';
import type { CheckSettings } from '../settings.ts';
import { cellNumber, continues, numericColumns, sameAmount, sumNumbers } from '../tables.ts';
import { formatNumber, type PrintedNumber } from '../text.ts';
import {
  checkTableTotals,
  checkTotalColumns,
  columnMoneyUnit,
  equation,
  notVerified,
  SUM_RULE,
  unreadable,
  type TableTotal,
} from './sumTable.ts';
import { failOrRounding } from './sumRounding.ts';

/** What a stated amount is compared with: the rows of its parts and how to name them. */
interface Comparison {
  row: number;
  parts: readonly number[];
  /** '科目 20101「人大事务」' or '「合计」行' */
  what: string;
  /** '其下 9 个项' / '3 个类' */
  partsName: string;
}

function compare(table: Table, tree: SubjectTree, cmp: Comparison, col: number, tally: Tally, settings: CheckSettings, prev: Table | null): void {
  const stated = cellNumber(table.rows[cmp.row]?.[col] ?? '');
  const parts = cmp.parts.map((r) => cellNumber(table.rows[r]?.[col] ?? '')).filter((v): v is PrintedNumber => v !== null);
  if (!stated || parts.length === 0) return;
  const header = table.header[col]?.trim() || `第 ${col + 1} 列`;
  const sum = sumNumbers(parts);
  const statedText = table.rows[cmp.row]![col]!.trim();
  if (sameAmount(stated, sum, settings)) {
    tally.pass(`${table.id} ${header} ${cmp.what}: ${equation(statedText, parts, settings)}`);
    return;
  }
  const computed = formatNumber(sum.value, Math.max(sum.decimals, stated.decimals));
  // the stated cell first, then the cells of the parts that print a number
  const partRows = cmp.parts.filter((r) => cellNumber(table.rows[r]?.[col] ?? '') !== null);
  const evidence = present([cellEvidence(table, cmp.row, col), ...partRows.map((r) => cellEvidence(table, r, col))]);
  const place = `${tableName(table)}的${cmp.what}「${header}」为 ${statedText}`;
  const doubts = unreadable(table, [cmp.row, ...cmp.parts], [col], settings);
  // a headerless continuation whose first subject's parent is in the table before it: the top level may be incomplete
  if (prev && tree.nodes[0]?.parent === null && (tree.nodes[0]?.level ?? 1) > 1) {
    doubts.push(`本表没有表头，可能续接第 ${Math.max(...prev.pages)} 页的表格 ${prev.id}`);
  }
  if (doubts.length > 0) {
    tally.unverified(notVerified(table, cmp.row, col, place, doubts));
    return;
  }
  const finding: Finding = { rule: SUM_RULE, severity: 'error', message: `${place}，但${cmp.partsName}之和为 ${computed}`, expected: computed, actual: statedText, evidence };
  failOrRounding(tally, finding, stated, parts, 'all');
}

const LEVEL_NAME = ['', '类', '款', '项'] as const;

function subjectLabel(n: SubjectNode): string {
  return `科目 ${n.code}${n.name ? `「${n.name}」` : ''}`;
}

function childrenName(tree: SubjectTree, rows: readonly number[]): string {
  const levels = new Set(rows.map((r) => tree.nodes.find((n) => n.row === r)?.level ?? 1));
  return levels.size === 1 ? `${rows.length} 个${LEVEL_NAME[[...levels][0]!]}` : `${rows.length} 个下级科目`;
}

/** Checks a subject table's parents and grand totals on its amount columns; returns its grand totals. */
export function checkSubjectTotals(table: Table, tree: SubjectTree, cols: readonly number[], tally: Tally, settings: CheckSettings, prev: Table | null): TableTotal[] {
  const comparisons: Comparison[] = [];
  for (const n of tree.nodes) {
    if (n.children.length > 0) comparisons.push({ row: n.row, parts: n.children, what: subjectLabel(n), partsName: `其下 ${childrenName(tree, n.children)}` });
  }
  for (const r of tree.totalRows) {
    comparisons.push({ row: r, parts: tree.roots, what: '「合计」行', partsName: `${childrenName(tree, tree.roots)}` });
  }
  for (const c of cols) for (const cmp of comparisons) compare(table, tree, cmp, c, tally, settings, prev);
  return tree.totalRows.flatMap((row) =>
    cols.flatMap((col) => {
      const value = cellNumber(table.rows[row]?.[col] ?? '');
      return value ? [{ table, row, col, value, unit: columnMoneyUnit(table, col) }] : [];
    }),
  );
}

/**
 * The table checks of sum.total-mismatch: a subject table's rows by its subject tree, any other
 * table's by its total rows; total columns either way. Returns the table's grand totals.
 */
export function checkAnyTableTotals(table: Table, tally: Tally, settings: CheckSettings, tables: readonly Table[]): TableTotal[] {
  const trees = subjectTrees(table);
  if (trees.length === 0) return checkTableTotals(table, tally, settings, tables);
  const codeColumns = trees.flatMap((t) => t.codeColumns);
  const cols = numericColumns(table, settings).filter((c) => !codeColumns.includes(c));
  if (cols.length === 0) return [];
  const prev = continues(tables, table);
  const totals = trees.flatMap((tree) => checkSubjectTotals(table, tree, cols.filter((c) => tree.amountColumns.includes(c)), tally, settings, prev));
  checkTotalColumns(table, cols, tally, settings, 'all');
  return totals;
}
