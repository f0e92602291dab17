/**
 * --xlsx on real samples through the CLI: the run's workbook and a document's workbook open with
 * exceljs with numeric cells and intact Chinese; LibreOffice converts the records sheet to CSV with
 * the same values (gated: needs soffice).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../batch/cli.ts';
import { needsExternal } from '../helpers/external.ts';
import { ROOT } from '../helpers/samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-xlsx-'));
const out = join(dir, 'out');

/** A sheet's rows as objects keyed by its header row. */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, vals[i] ?? null])));
  });
  return rows;
}

let batch: ExcelJS.Workbook;
beforeAll(async () => {
  const r = gongwen(
    ['extract', join(ROOT, 'samples/unruled/unruled.pdf'), join(ROOT, 'samples/lo-ruled/lo-ruled.pdf'), '--out', out, '--xlsx', '--progress', 'none'],
    180_000,
  );
  expect(r.code, r.stderr).toBe(0);
  batch = new ExcelJS.Workbook();
  await batch.xlsx.readFile(join(out, '_batch', 'gongwen.xlsx'));
}, 200_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gongwen.xlsx', () => {
  it('has a sheet per table, the header frozen, numbers as numeric cells and Chinese intact', () => {
    expect(batch.worksheets.map((w) => w.name)).toEqual(['documents', 'pages', 'tables', 'records_generic', 'findings']);
    const ws = batch.getWorksheet('records_generic')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheetRows(ws).filter((r) => r.document === 'unruled');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ 项目: '办公用品购置', 预算金额: 12345.6, 实际支出: 11820.5, 执行率: 95.7, isTotal: false });
    expect(typeof rows[0]!['预算金额']).toBe('number');
    const total = rows.find((r) => r.isTotal === true)!;
    expect(total).toMatchObject({ 项目: '合计', 预算金额: 207245.6 });
    const parts = rows.filter((r) => r.isTotal === false).reduce((s, r) => s + (r['预算金额'] as number), 0);
    expect(Math.round(parts * 100) / 100).toBe(207245.6);
    expect(ws.getColumn(2).width).toBeGreaterThan(5);
  });

  it("each document has its own workbook: <name>/<name>.xlsx with its records", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'lo-ruled', 'lo-ruled.xlsx'));
    const rows = sheetRows(wb.getWorksheet('records_generic')!);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.document === 'lo-ruled')).toBe(true);
    expect(rows.at(-1)).toMatchObject({ isTotal: true, '补助资金（万元）/小计': 131 });
    expect(sheetRows(wb.getWorksheet('cells')!).some((c) => c.text === '东坪镇')).toBe(true);
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe.runIf(needsExternal('LibreOffice', soffice, 'apt-get install libreoffice-calc-nogui'))('LibreOffice', () => {
  it('converts the records sheet to CSV with the same values', () => {
    const conv = join(dir, 'conv');
    const profile = `file://${join(dir, 'lo-profile')}`;
    // filter options: comma, quote, UTF-8, from line 1, …, sheet 4 (records_generic)
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4', '--outdir', conv, join(out, '_batch', 'gongwen.xlsx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const file = join(conv, 'gongwen-records_generic.csv');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string): number => header.indexOf(name);
    const unruled = lines.slice(1).map((l) => l.split(',')).filter((c) => c[0] === 'unruled');
    const mine = sheetRows(batch.getWorksheet('records_generic')!).filter((r) => r.document === 'unruled');
    expect(unruled).toHaveLength(mine.length);
    unruled.forEach((cells, i) => {
      expect(cells[col('项目')]).toBe(mine[i]!['项目']);
      for (const k of ['预算金额', '实际支出', '执行率']) expect(Number(cells[col(k)])).toBe(mine[i]![k]);
      expect(cells[col('isTotal')]).toBe(mine[i]!.isTotal ? 'TRUE' : 'FALSE');
    });
  }, 150_000);
});
