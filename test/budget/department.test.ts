/**
 * budget-subject records name their department (issue #15): the table's printed issuer, else the
 * name its title gives by the 部门预算公开 formula. A batch of two samples loaded into DuckDB gives
 * 类-level (level 1) totals per department in one query; they equal the sums of the 类 rows read
 * from the same run's tables.json, and the same columns are in the batch CSV.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentOfTitle } from '../../src/records/department.ts';
import type { Table } from '../../src/model/types.ts';
import { ROOT } from '../helpers/samples.ts';
import { extractToDuckDb, type Row } from '../helpers/duckdb.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-department-'));
const out = join(dir, 'out');
const SAMPLES = ['budget-layouts', 'subject-table'];
let query: (sql: string) => Promise<Row[]>;
let close: () => void = () => {};

beforeAll(async () => {
  ({ query, close } = await extractToDuckDb(SAMPLES.map((s) => join(ROOT, `samples/${s}/${s}.pdf`)), out));
}, 200_000);

afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

/** Σ of the amount columns of the 3-digit (类) rows of every table of a sample's output, in cents, keyed by code. */
function classTotals(sample: string): Map<string, number> {
  const tables = JSON.parse(readFileSync(join(out, sample, 'tables.json'), 'utf8')) as Table[];
  const sums = new Map<string, number>();
  for (const t of tables) {
    for (const row of t.rows) {
      const code = (row[0] ?? '').trim();
      if (!/^\d{3}$/.test(code)) continue;
      const cents = row.slice(1).filter((x) => /^-?[\d,]+\.\d{2}$/.test(x.trim())).reduce((s, x) => s + Math.round(Number(x.replace(/,/g, '')) * 100), 0);
      sums.set(code, (sums.get(code) ?? 0) + cents);
    }
  }
  return sums;
}

describe('budget-subject department', () => {
  it('reads the department a title names by the standard formula, and nothing from a bare table name', () => {
    expect(departmentOfTitle('一、2017 年度青禾县档案馆部门收支预算总表')).toBe('青禾县档案馆');
    expect(departmentOfTitle('十二、2025 年青禾县档案馆政府采购预算表')).toBe('青禾县档案馆');
    expect(departmentOfTitle('青禾县档案馆2025年度部门预算公开')).toBe('青禾县档案馆');
    expect(departmentOfTitle('2025年政府采购预算表')).toBeNull();
    expect(departmentOfTitle('收支预算总表')).toBeNull();
    expect(departmentOfTitle('公开 01 表：收支预算总表')).toBeNull();
  });

  it('gives 类-level totals per department in one DuckDB query, equal to the 类 rows of tables.json', async () => {
    const rows = await query(
      'SELECT d.folder AS document, r.department, r.code, round(sum(r.amount) * 100) AS cents, count(*) AS n FROM records_budget_subject r JOIN documents d USING (document) WHERE r.level = 1 GROUP BY ALL ORDER BY ALL',
    );
    expect(new Set(rows.map((r) => r.document))).toEqual(new Set(SAMPLES));
    expect(rows.every((r) => typeof r.department === 'string' && r.department !== '')).toBe(true);
    // budget-layouts: table 1 prints no issuer (its title names the department), the others print '部门：…'
    expect(new Set(rows.filter((r) => r.document === 'budget-layouts').map((r) => r.department))).toEqual(new Set(['青禾县农业农村局']));
    for (const s of SAMPLES) {
      const want = classTotals(s);
      const got = new Map(rows.filter((r) => r.document === s).map((r) => [r.code as string, Number(r.cents)]));
      expect(got, s).toEqual(want);
    }
  });

  it('writes the department into the batch CSV of budget-subject records', () => {
    const [head, ...lines] = readFileSync(join(out, '_batch', 'records-budget-subject.csv'), 'utf8').trim().split('\n');
    const cols = head!.split(',');
    const at = cols.indexOf('department');
    expect(at).toBeGreaterThan(0);
    const level = cols.indexOf('level');
    const folder = cols.indexOf('folder');
    expect(folder).toBeGreaterThanOrEqual(0);
    const firstLevel1 = lines.map((l) => l.split(',')).find((c) => c[level] === '1' && c[folder] === 'budget-layouts');
    expect(firstLevel1?.[at]).toBe('青禾县农业农村局');
  });
});
