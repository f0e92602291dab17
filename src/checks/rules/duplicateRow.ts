/**
 * duplicate.row: the same entity twice within one group — a village twice within one section
 * (the same village name under two different streets is two villages), a county paired with the
 * same district twice, or two identical body rows of any other table (序号 aside).
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import type { Evidence, Table } from '../../model/types.ts';
import { recordKinds, recordsOfKind, tableById, Tally } from '../context.ts';
import { cellEvidence, present, rowEvidence } from '../evidence.ts';
import { rowTotalKind, serialColumn } from '../tables.ts';
import { compact, splitNames } from '../text.ts';

export const DUPLICATE_ROW_RULE = 'duplicate.row';

/** Column whose header names the villages (派驻村), else the last column. */
export function villageColumn(table: Table): number {
  for (let c = table.header.length - 1; c >= 0; c--) if (compact(table.header[c] ?? '').endsWith('村')) return c;
  return table.columns - 1;
}

function finding(message: string, what: string, evidence: Evidence[]): Finding {
  return { rule: DUPLICATE_ROW_RULE, severity: 'error', message, expected: null, actual: what, evidence };
}

function checkVillages(input: CheckInput, tally: Tally): void {
  const byGroup = new Map<string, Map<string, number[]>>();
  for (const r of recordsOfKind(input.records, 'village-assignment')) {
    const group = `${r.table}|${r.section ?? ''}|${r.street ?? r.sectionTitle ?? ''}`;
    const names = byGroup.get(group) ?? new Map<string, number[]>();
    const key = compact(r.village);
    if (key === '') continue;
    names.set(key, [...(names.get(key) ?? []), r.row]);
    byGroup.set(group, names);
  }
  for (const [group, names] of byGroup) {
    const table = tableById(input, group.split('|')[0]!);
    const dups = [...names].filter(([, rows]) => rows.length > 1);
    if (dups.length === 0 || !table) {
      tally.pass();
      continue;
    }
    const col = villageColumn(table);
    const section = group.split('|').slice(2).join('|');
    tally.fail(
      ...dups.map(([name, rows]) =>
        finding(
          `表 ${table.id} 同一分组“${section}”中“${name}”出现 ${rows.length} 次`,
          name,
          present(rows.map((r) => cellEvidence(table, r, col))),
        ),
      ),
    );
  }
  const total = byGroup.size;
  if (total > 0) tally.verified.push(`villages unique within ${total} sections`);
}

function checkPairings(input: CheckInput, tally: Tally): void {
  const seen = new Map<string, { table: string; row: number }[]>();
  for (const r of recordsOfKind(input.records, 'pairing')) {
    for (const district of splitNames(r.district)) {
      const key = `${r.table}|${compact(r.prefecture ?? '')}${compact(r.county)}|${district}`;
      seen.set(key, [...(seen.get(key) ?? []), { table: r.table, row: r.row }]);
    }
  }
  if (seen.size === 0) return;
  const dups = [...seen].filter(([, at]) => at.length > 1);
  if (dups.length === 0) {
    tally.pass(`${seen.size} county–district pairs unique`);
    return;
  }
  tally.fail(
    ...dups.map(([key, at]) => {
      const [, county, district] = key.split('|');
      const table = tableById(input, at[0]!.table);
      const rows = [...new Set(at.map((a) => a.row))];
      return finding(
        `结对关系“${county} — ${district}”重复出现 ${at.length} 次`,
        `${county} — ${district}`,
        table ? present(rows.map((r) => rowEvidence(table, r))) : [],
      );
    }),
  );
}

/**
 * Body rows with the text of row-spanning cells copied into every row they cover, and, in an
 * outline (a row that leaves its first columns empty sits under the last row that filled them: a
 * 专项 row, then its 经济科目 rows one column to the right, then their items), each row's empty
 * leading cells filled from its parents, so the same item under two parents is two rows.
 */
function filledDown(table: Table): string[][] {
  const rows = table.rows.map((row) => row.slice());
  for (const cell of table.cells) {
    if (cell.row < 0 || cell.rowSpan < 2) continue;
    for (let r = cell.row + 1; r < cell.row + cell.rowSpan && r < rows.length; r++) {
      if (rows[r]![cell.col] === '') rows[r]![cell.col] = cell.text;
    }
  }
  const parents: string[] = [];
  rows.forEach((row, r) => {
    if (table.rowKinds[r] !== 'body') {
      parents.length = 0;
      return;
    }
    const lead = row.findIndex((t) => t.trim() !== '');
    if (lead < 0) return;
    for (let c = 0; c < lead; c++) row[c] = parents[c] ?? '';
    // this row is the parent of what follows from its first filled column on
    parents.length = lead;
    row.forEach((t, c) => {
      if (c >= lead) parents[c] = t;
    });
  });
  return rows;
}

function checkTables(input: CheckInput, tally: Tally): void {
  const kinds = recordKinds(input.records);
  for (const table of input.tables) {
    const kind = kinds.get(table.id);
    if (kind === 'village-assignment' || kind === 'pairing') continue;
    const serial = serialColumn(table);
    const filled = filledDown(table);
    const rows = new Map<string, number[]>();
    let section = 0;
    table.rows.forEach((_, r) => {
      if (table.rowKinds[r] === 'section') section++;
      if (table.rowKinds[r] !== 'body' || rowTotalKind(table, r)) return;
      const cells = filled[r]!.map(compact).filter((_, c) => c !== serial);
      const values = cells.filter((t) => t !== '');
      if (values.length < 2 || values.join('').length < 4) return;
      const key = `${section}\u0001${cells.join('\u0001')}`;
      rows.set(key, [...(rows.get(key) ?? []), r]);
    });
    if (rows.size === 0) continue;
    const dups = [...rows.values()].filter((r) => r.length > 1);
    if (dups.length === 0) {
      tally.pass(`${table.id}: ${rows.size} distinct rows within their sections`);
      continue;
    }
    tally.fail(
      ...dups.map((at) =>
        finding(
          `表 ${table.id} 同一分组中第 ${at.map((r) => r + 1).join('、')} 行内容完全相同`,
          table.rows[at[0]!]!.filter((t) => t !== '').join(' | '),
          present(at.map((r) => rowEvidence(table, r))),
        ),
      ),
    );
  }
}

export function runDuplicateRow(input: CheckInput): RuleResult {
  const tally = new Tally();
  checkVillages(input, tally);
  checkPairings(input, tally);
  checkTables(input, tally);
  return tally.result();
}

export const duplicateRowRule: Rule = {
  id: DUPLICATE_ROW_RULE,
  severity: 'error',
  description: 'no entity twice within one group (village within a section, county–district pair, identical table row)',
  run: runDuplicateRow,
};
