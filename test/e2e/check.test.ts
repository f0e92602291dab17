/**
 * `gongwen check` on outputs written by `extract`, including hand-corrected ones; records CSV for
 * BI (BOM, round trip, datapackage.json).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, samplePdf } from '../helpers/samples.ts';
import { parseRecordsCsv } from '../../src/write/records.ts';
import type { Finding } from '../../src/model/findings.ts';
import type { RecordsFile } from '../../src/model/records.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

describe('gongwen check', () => {
  let out: string;
  let dir: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'gongwen-check-'));
    dir = join(out, 'seed');
    const r = run(['extract', samplePdf('seed'), '--out', out, '--bom']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('extract wrote records, datapackage, findings and the check summary', () => {
    for (const f of ['records.json', 'datapackage.json', 'findings.json', 'check-summary.json', 'records/budget-line.csv', 'records/village-assignment.csv', 'records/pairing.csv']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const dp = readJson<{ resources: { path: string; schema: { fields: { name: string; type: string; unit?: string }[] } }[] }>(join(dir, 'datapackage.json'));
    const budget = dp.resources.find((r) => r.path.includes('budget-line'))!;
    expect(budget.schema.fields.find((f) => f.name === 'amount')).toMatchObject({ type: 'number' });
  });

  it('records CSV written with --bom starts with EF BB BF and reads back into the same records', async () => {
    const bytes = readFileSync(join(dir, 'records', 'budget-line.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = readJson<RecordsFile>(join(dir, 'records.json')).records;
    for (const kind of ['budget-line', 'village-assignment', 'pairing'] as const) {
      const text = readFileSync(join(dir, 'records', `${kind}.csv`), 'utf8');
      const back = await parseRecordsCsv(text, kind);
      expect(back, kind).toEqual(records.filter((r) => r.kind === kind));
    }
  });

  it('exits 1 on error findings by default, 0 with --fail-on none', () => {
    expect(run(['check', dir]).status).toBe(1);
    expect(run(['check', dir, '--fail-on', 'none']).status).toBe(0);
  });

  it('re-checks a hand-corrected table: a changed total becomes a finding', () => {
    const tablesPath = join(dir, 'tables.json');
    const tables = readJson<{ rows: string[][] }[]>(tablesPath);
    const before = readJson<Finding[]>(join(dir, 'findings.json')).filter((f) => f.rule === 'sum.total-mismatch');
    expect(before).toEqual([]);
    tables[0]!.rows[0]![3] = '2386';
    writeFileSync(tablesPath, JSON.stringify(tables));
    const r = run(['check', dir, '--fail-on', 'none']);
    expect(r.status, r.stderr).toBe(0);
    const after = readJson<Finding[]>(join(dir, 'findings.json')).filter((f) => f.rule === 'sum.total-mismatch');
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((f) => String(f.actual))).toContain('2386');
  });

  it('keeps a review.json across re-extraction, its dismissals still applied; --report writes the reports', () => {
    const findings = readJson<Finding[]>(join(dir, 'findings.json'));
    const year = findings.find((f) => f.rule === 'year.mismatch')!;
    expect(year.key).toBeTruthy();
    const review = { decisions: [{ key: year.key!, rule: year.rule, status: 'dismissed', note: 'known slip' }] };
    writeFileSync(join(dir, 'review.json'), JSON.stringify(review));
    const r = run(['extract', samplePdf('seed'), '--out', out, '--force', '--report', '--progress', 'plain']);
    expect(r.status, r.stderr).toBe(0);
    expect(readJson<typeof review>(join(dir, 'review.json'))).toEqual(review);
    const after = readJson<Finding[]>(join(dir, 'findings.json')).find((f) => f.key === year.key)!;
    expect(after.review?.status).toBe('dismissed');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(out, '_batch', 'report.html'))).toBe(true);
  });

  it('says what is wrong with a folder that is not an output folder', () => {
    const r = run(['check', join(out, 'nothing-here')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/nothing-here: no gongwen output folder/);
    writeFileSync(join(dir, 'paragraphs.json'), '{ broken');
    const bad = run(['check', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/paragraphs\.json: not valid JSON/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gongwen check on a batch output', () => {
  it('rebuilds _batch/ findings and records from the re-checked documents', () => {
    const input = mkdtempSync(join(tmpdir(), 'gongwen-check-batch-in-'));
    const out = mkdtempSync(join(tmpdir(), 'gongwen-check-batch-'));
    for (const s of ['lo-ruled', 'unruled']) writeFileSync(join(input, `${s}.pdf`), readFileSync(samplePdf(s)));
    const r = run(['extract', input, '--out', out, '--progress', 'none']);
    expect(r.status, r.stderr).toBe(0);
    const findingsCsv = (): string => readFileSync(join(out, '_batch', 'findings.csv'), 'utf8');
    expect(findingsCsv()).not.toContain('sum.total-mismatch');
    // a clerk corrects a cell of lo-ruled by hand: its 合计 no longer adds up
    const tablesPath = join(out, 'lo-ruled', 'tables.json');
    const tables = readJson<{ rows: string[][]; rowKinds: string[] }[]>(tablesPath);
    const t = tables.find((x) => x.rows.some((row) => row.join('').replace(/\s+/g, '').startsWith('合计')))!;
    const r0 = t.rowKinds.indexOf('body');
    const c = t.rows[r0]!.length - 1; // the last amount column
    t.rows[r0]![c] = (Number(t.rows[r0]![c]) + 1).toFixed(2);
    writeFileSync(tablesPath, JSON.stringify(tables));
    const chk = run(['check', out, '--fail-on', 'none']);
    expect(chk.status, chk.stderr).toBe(0);
    expect(chk.stderr).toContain('rebuilt');
    const csv = findingsCsv();
    expect(csv).toContain('sum.total-mismatch');
    expect(csv).toContain('lo-ruled');
  }, 120_000);
});
