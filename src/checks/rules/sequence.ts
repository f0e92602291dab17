/**
 * sequence.gap and sequence.duplicate: the 序号 of a table (village-assignment records, or the first
 * column headed 序号/编号 of any other table) must run on by one across sections and pages. A
 * restart at 1 is numbering per section (or a second list), not an error.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import type { Table } from '../../model/types.ts';
import { recordKinds, recordsOfKind, Tally } from '../context.ts';
import { cellEvidence, present } from '../evidence.ts';
import { serialColumn } from '../tables.ts';
import { parseCount } from '../text.ts';

export const GAP_RULE = 'sequence.gap';
export const DUPLICATE_RULE = 'sequence.duplicate';

interface Entry {
  row: number;
  value: number;
}

/** What one table's 序号 shows. */
export interface SequenceReport {
  table: Table;
  column: number;
  /** consecutive runs, e.g. [[1, 271]] */
  runs: [number, number][];
  gaps: Finding[];
  duplicates: Finding[];
}

function entriesOf(input: CheckInput, table: Table, column: number, villages: boolean): Entry[] {
  if (villages) {
    return recordsOfKind(input.records, 'village-assignment')
      .filter((r) => r.table === table.id && r.seq !== null)
      .sort((a, b) => a.row - b.row)
      .map((r) => ({ row: r.row, value: r.seq! }));
  }
  return table.rows.flatMap((row, r) => {
    if (table.rowKinds[r] !== 'body') return [];
    const value = parseCount(row[column] ?? '');
    return value === null ? [] : [{ row: r, value }];
  });
}

/** Reads one table's 序号; null when the table has none. */
export function sequenceOf(input: CheckInput, table: Table): SequenceReport | null {
  const villages = recordKinds(input.records).get(table.id) === 'village-assignment';
  const column = serialColumn(table);
  if (column < 0 && !villages) return null;
  const col = Math.max(0, column);
  const entries = entriesOf(input, table, col, villages);
  if (entries.length < 2) return null;
  const report: SequenceReport = { table, column: col, runs: [], gaps: [], duplicates: [] };
  const cell = (e: Entry) => cellEvidence(table, e.row, col);
  let seen = new Set<number>();
  let last = entries[0]!;
  let max = last.value;
  report.runs.push([last.value, last.value]);
  seen.add(last.value);
  for (const e of entries.slice(1)) {
    const run = report.runs[report.runs.length - 1]!;
    // a restart at 1 is numbering per section (or a second list), not a repeat of 1
    if (e.value === 1 && max > 1) {
      report.runs.push([1, 1]);
      seen = new Set([1]);
      max = 1;
      last = e;
      continue;
    }
    if (e.value === max + 1) {
      run[1] = e.value;
    } else if (seen.has(e.value)) {
      const first = entries.find((x) => x.value === e.value && x.row < e.row) ?? last;
      report.duplicates.push({
        rule: DUPLICATE_RULE,
        severity: 'error',
        message: `表 ${table.id} 序号 ${e.value} 重复出现（前一个序号为 ${last.value}）`,
        expected: max + 1,
        actual: e.value,
        evidence: present([cell(e), cell(first)]),
      });
    } else {
      const missing = e.value > max + 1 ? `，缺 ${max + 1}${e.value > max + 2 ? `–${e.value - 1}` : ''}` : '';
      report.gaps.push({
        rule: GAP_RULE,
        severity: 'error',
        message: `表 ${table.id} 序号从 ${last.value} 跳到 ${e.value}${missing}`,
        expected: max + 1,
        actual: e.value,
        evidence: present([cell(e), cell(last)]),
      });
      run[1] = Math.max(run[1], e.value);
    }
    seen.add(e.value);
    max = Math.max(max, e.value);
    last = e;
  }
  return report;
}

function runsText(runs: readonly [number, number][]): string {
  const shown = runs.slice(0, 4).map(([a, b]) => `${a}–${b}`);
  if (runs.length > 4) shown.push(`… (${runs.length} sections)`);
  return shown.join(', ');
}

function runSequences(input: CheckInput, pick: 'gaps' | 'duplicates'): RuleResult {
  const tally = new Tally();
  for (const table of input.tables) {
    const report = sequenceOf(input, table);
    if (!report) continue;
    const found = report[pick];
    if (found.length > 0) {
      tally.fail(...found);
      continue;
    }
    const what = pick === 'gaps' ? 'consecutive' : 'without repeats';
    tally.pass(`${table.id} 序号 ${runsText(report.runs)} ${what}`);
  }
  return tally.result();
}

export const sequenceGapRule: Rule = {
  id: GAP_RULE,
  severity: 'error',
  description: '序号 runs on by one across sections and pages (no number skipped)',
  run: (input) => runSequences(input, 'gaps'),
};

export const sequenceDuplicateRule: Rule = {
  id: DUPLICATE_RULE,
  severity: 'error',
  description: 'no 序号 appears twice',
  run: (input) => runSequences(input, 'duplicates'),
};
