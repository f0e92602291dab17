/**
 * --xlsx on real samples through the CLI: the run's workbook and a document's workbook open with
 * exceljs with numeric cells and intact Chinese; a document's workbook has a sheet per printed
 * table (typed, header frozen) and its findings with the reviewer's decision after `check`;
 * LibreOffice converts the records sheet to CSV with the same values (gated: needs soffice).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** document id by output folder, from the documents sheet */
let idOf: Record<string, string> = {};
beforeAll(async () => {
  const r = gongwen(
    ['extract', ...['unruled', 'lo-ruled', 'planted-total'].map((s) => join(ROOT, `samples/${s}/${s}.pdf`)), '--out', out, '--xlsx', '--progress', 'none', '--fail-on', 'none'],
    240_000,
  );
  expect(r.code, r.stderr).toBe(0);
  batch = new ExcelJS.Workbook();
  await batch.xlsx.readFile(join(out, '_batch', 'gongwen.xlsx'));
  idOf = Object.fromEntries(sheetRows(batch.getWorksheet('documents')!).map((d) => [String(d.folder), String(d.document)]));
}, 260_000);

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gongwen.xlsx', () => {
  it('has a sheet per table, the header frozen, numbers as numeric cells and Chinese intact', () => {
    expect(batch.worksheets.map((w) => w.name)).toEqual(['documents', 'files', 'pages', 'tables', 'records_budget_line', 'records_generic', 'findings']);
    expect(Object.keys(idOf).sort()).toEqual(['lo-ruled', 'planted-total', 'unruled']);
    const ws = batch.getWorksheet('records_generic')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheetRows(ws).filter((r) => r.document === idOf.unruled);
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
    const wb = await workbook(join(out, 'lo-ruled', 'lo-ruled.xlsx'));
    const rows = sheetRows(wb.getWorksheet('records_generic')!);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.document === idOf['lo-ruled'])).toBe(true);
    expect(rows.at(-1)).toMatchObject({ isTotal: true, '补助资金（万元）/小计': 131 });
    expect(sheetRows(wb.getWorksheet('cells')!).some((c) => c.text === '东坪镇')).toBe(true);
  });

  it('a document workbook has a sheet per printed table: header frozen, numbers typed from the printed text', async () => {
    const wb = await workbook(join(out, 'unruled', 'unruled.xlsx'));
    const tables = JSON.parse(readFileSync(join(out, 'unruled', 'tables.json'), 'utf8')) as { id: string; header: string[]; rows: string[][] }[];
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, tables.length).map((n) => n.split(' ')[0])).toEqual(tables.map((t) => t.id));
    expect(names.slice(tables.length)).toEqual(['records_generic', 'findings', 'pages', 'tables', 'cells']);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(tables[0]!.header);
    const rows = sheetRows(ws);
    expect(rows).toHaveLength(tables[0]!.rows.length);
    // printed '１２，３４５．６０', '11,820.50', '95.7%' → numeric cells
    expect(tables[0]!.rows[0]!.slice(2)).toEqual(['１２，３４５．６０', '11,820.50', '95.7%']);
    expect(rows[0]).toMatchObject({ 序号: 1, 项目: '办公用品购置', 预算金额: 12345.6, 实际支出: 11820.5, 执行率: 95.7 });
    for (const r of rows) for (const k of ['预算金额', '实际支出', '执行率']) expect(typeof r[k], `${String(r['项目'])} ${k}`).toBe('number');
    const total = rows.at(-1)!;
    expect(total['项目']).toBe('合计');
    const parts = rows.slice(0, -1).reduce((s, r) => s + (r['预算金额'] as number), 0);
    expect(Math.round(parts * 100) / 100).toBe(total['预算金额']);
    // every column at least as wide as its header (a CJK character counts 2)
    tables[0]!.header.forEach((h, i) => expect(ws.getColumn(i + 1).width!).toBeGreaterThanOrEqual([...h].length * 2));
  });

  it("findings sheet carries each finding's key and, after check applies review.json, the reviewer's decision", async () => {
    const dir = join(out, 'planted-total');
    const findings = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { key: string; rule: string }[];
    expect(findings.length).toBeGreaterThan(0);
    const before = sheetRows((await workbook(join(dir, 'planted-total.xlsx'))).getWorksheet('findings')!);
    expect(before.map((f) => f.key)).toEqual(findings.map((f) => f.key));
    expect(before.every((f) => f.review_state === null)).toBe(true);
    const f = findings[0]!;
    writeFileSync(join(dir, 'review.json'), JSON.stringify({ decisions: [{ key: f.key, rule: f.rule, status: 'dismissed', note: '已核对原件' }] }));
    const chk = gongwen(['check', out, '--fail-on', 'none'], 120_000);
    expect(chk.code, chk.stderr).toBe(0);
    const after = sheetRows((await workbook(join(dir, 'planted-total.xlsx'))).getWorksheet('findings')!);
    expect(after.find((x) => x.key === f.key)).toMatchObject({ review_state: 'dismissed', review_note: '已核对原件', document: idOf['planted-total'] });
    expect(after.filter((x) => x.review_state !== null)).toHaveLength(1);
    const run = await workbook(join(out, '_batch', 'gongwen.xlsx'));
    expect(sheetRows(run.getWorksheet('findings')!).filter((x) => x.review_state === 'dismissed').map((x) => x.key)).toEqual([f.key]);
  }, 150_000);
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe.runIf(needsExternal('LibreOffice', soffice, 'apt-get install libreoffice-calc-nogui'))('LibreOffice', () => {
  it('converts the records sheet to CSV with the same values', () => {
    const conv = join(dir, 'conv');
    const profile = `file://${join(dir, 'lo-profile')}`;
    // filter options: comma, quote, UTF-8, from line 1, …, sheet 6 (records_generic)
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,6', '--outdir', conv, join(out, '_batch', 'gongwen.xlsx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const file = join(conv, 'gongwen-records_generic.csv');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string): number => header.indexOf(name);
    const unruled = lines.slice(1).map((l) => l.split(',')).filter((c) => c[0] === idOf.unruled);
    const mine = sheetRows(batch.getWorksheet('records_generic')!).filter((r) => r.document === idOf.unruled);
    expect(unruled).toHaveLength(mine.length);
    unruled.forEach((cells, i) => {
      expect(cells[col('项目')]).toBe(mine[i]!['项目']);
      for (const k of ['预算金额', '实际支出', '执行率']) expect(Number(cells[col(k)])).toBe(mine[i]![k]);
      expect(cells[col('isTotal')]).toBe(mine[i]!.isTotal ? 'TRUE' : 'FALSE');
    });
  }, 150_000);
});
