/**
 * section.count-mismatch: a section row that declares how many rows follow ('一、黄陂区姚家集街
 * 12 个村', '二、柳溪镇（26 条）') against the rows that do follow — village-assignment records
 * per section, or, in other tables, the body rows up to the next section or total row.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Table } from '../../model/types.ts';
import { recordKinds, recordsOfKind, tableById, Tally } from '../context.ts';
import { cellEvidence, present } from '../evidence.ts';
import { subHeaderRowCount } from '../../tables/rowKinds.ts';
import { continuedBy, rowTotalKind } from '../tables.ts';
import { CN_NUMERAL_CLASS, compact, parseCount } from '../text.ts';

export const SECTION_RULE = 'section.count-mismatch';

const ORDINAL = new RegExp(`^[（(]?[${CN_NUMERAL_CLASS}]+[)）]?[、.．]|^\\d+[、.．]`);
/** Arabic count, optional 个, then what is counted. */
const ARABIC_COUNT = /([0-9０-９]+)\s*(?:个\s*)?(村|社区|镇|乡|街道|条|项|家|所|户|人|名|处|座|宗|笔|个)/;
/** Chinese-numeral count: needs 个 or a measure word, so names such as 三店街 are never counts. */
const CHINESE_COUNT = new RegExp(`([${CN_NUMERAL_CLASS}]+)\\s*(?:个\\s*(?:村|社区|镇|乡|街道)?|条|项|家|所|户|名|处|座|宗|笔)`);

/** The count a section title declares, null when it declares none. */
export function declaredCount(title: string): number | null {
  const t = compact(title).replace(ORDINAL, '');
  const all = [...t.matchAll(new RegExp(ARABIC_COUNT.source, 'g'))];
  const found = all.length > 0 ? all : [...t.matchAll(new RegExp(CHINESE_COUNT.source, 'g'))];
  const counts = new Set(found.map((m) => parseCount(m[1]!)));
  // '2 个街道 15 个社区' declares two things: which one the rows count is unknown
  return counts.size === 1 ? [...counts][0]! : null;
}

function fail(tally: Tally, table: Table, row: number, title: string, declared: number, listed: number): void {
  tally.fail({
    rule: SECTION_RULE,
    severity: 'error',
    message: `表 ${table.id} 分组“${title}”声明 ${declared} 个，但其下列出 ${listed} 行（按所列应为 ${listed} 个）`,
    // what the section row should say given its rows (expected), and what it says (actual: the flagged row prints it)
    expected: listed,
    actual: declared,
    evidence: present([cellEvidence(table, row, 0)]),
  });
}

/** Village-assignment tables: records grouped by section. */
function checkVillageSections(input: CheckInput, tally: Tally, tableId: string): number {
  const table = tableById(input, tableId);
  const records = recordsOfKind(input.records, 'village-assignment').filter((r) => r.table === tableId);
  const groups = new Map<string, typeof records>();
  for (const r of records) {
    const key = `${r.section ?? ''}|${r.sectionTitle ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let n = 0;
  for (const group of groups.values()) {
    const first = group[0]!;
    if (first.declaredCount === null || first.sectionTitle === null) continue;
    n++;
    if (group.length === first.declaredCount) {
      tally.pass();
      continue;
    }
    if (!table) continue;
    const firstRow = Math.min(...group.map((r) => r.row));
    let row = firstRow - 1;
    while (row > 0 && table.rowKinds[row] !== 'section') row--;
    fail(tally, table, Math.max(0, row), first.sectionTitle, first.declaredCount, group.length);
  }
  return n;
}

/** Whether a body row holds no digit at all (a header row repeated inside the body has none). */
const noDigits = (row: readonly string[]): boolean => row.every((cell) => !/[0-9０-９]/.test(cell));

/**
 * Why a group's count cannot be trusted, or null: its first rows look like header rows (no digit
 * while most of the other rows have one) and without them the count would agree; or the group ends
 * the table and the next table starts the next page without a header (a continuation that was not
 * merged: the rows may go on there).
 */
function doubt(tables: readonly Table[], table: Table, rows: readonly number[], declared: number): string | null {
  let lead = 0;
  while (lead < rows.length && noDigits(table.rows[rows[lead]!] ?? [])) lead++;
  const rest = rows.slice(lead);
  const digits = rest.filter((r) => !noDigits(table.rows[r] ?? [])).length;
  if (lead > 0 && digits * 2 > rest.length && rest.length === declared) {
    return `其下前 ${lead} 行没有数字、像是表头，除去后为 ${rest.length} 行`;
  }
  const last = rows.length === 0 || rows[rows.length - 1] === table.rows.length - 1;
  const next = continuedBy(tables, table);
  if (last && rows.length < declared && next) return `该分组位于表末，第 ${next.pages[0]} 页的表格 ${next.id} 没有表头，可能是其续表`;
  return null;
}

/** Other tables: section rows and the body rows up to the next section or total row. */
function checkTableSections(tally: Tally, table: Table, tables: readonly Table[]): number {
  let n = 0;
  table.rows.forEach((row, r) => {
    if (table.rowKinds[r] !== 'section') return;
    const declared = declaredCount(row[0] ?? '');
    if (declared === null) return;
    let end = r + 1;
    while (end < table.rows.length && table.rowKinds[end] !== 'section' && !rowTotalKind(table, end)) end++;
    // the group's own column names under its section row are not listed rows
    const from = r + 1 + subHeaderRowCount(table.rows, r + 1, end);
    // nor a note after them drawn on other cells ('上述股东关联关系的说明 | text over the rest')
    const layout = rowLayout(table, from);
    const rows: number[] = [];
    for (let i = from; i < end && rowLayout(table, i) === layout; i++) rows.push(i);
    n++;
    if (rows.length === declared) {
      tally.pass();
      return;
    }
    const title = compact(row[0] ?? '');
    const why = doubt(tables, table, rows, declared);
    if (why === null) fail(tally, table, r, title, declared, rows.length);
    else {
      tally.unverified({
        rule: SECTION_RULE,
        message: `表 ${table.id} 分组“${title}”声明 ${declared} 个，其下列出 ${rows.length} 行，未能核对：${why}`,
        expected: null,
        actual: declared,
        evidence: present([cellEvidence(table, r, 0)]),
      });
    }
  });
  return n;
}

/** The column spans of the cells covering row `r` ('0+2,2+3,5+1,6+1'). */
function rowLayout(table: Table, r: number): string {
  return table.cells
    .filter((c) => c.row <= r && r < c.row + c.rowSpan)
    .map((c) => [c.col, c.colSpan] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([col, span]) => `${col}+${span}`)
    .join(',');
}

export function runSectionCount(input: CheckInput): RuleResult {
  const tally = new Tally();
  const kinds = recordKinds(input.records);
  for (const table of input.tables) {
    const before = tally.passed;
    const n =
      kinds.get(table.id) === 'village-assignment' ? checkVillageSections(input, tally, table.id) : checkTableSections(tally, table, input.tables);
    const ok = tally.passed - before;
    if (n > 0 && ok > 0) tally.verified.push(`${table.id}: ${ok === n ? '' : `${ok} of `}${n} section counts`);
  }
  return tally.result();
}

export const sectionCountRule: Rule = {
  id: SECTION_RULE,
  severity: 'error',
  description: 'the count a section row declares (N 个村, N 条) equals the rows listed under it',
  run: runSectionCount,
};
