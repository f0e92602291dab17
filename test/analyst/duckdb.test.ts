/**
 * --duckdb / --parquet on real samples through the CLI: numeric generic columns are numbers in the
 * database, total rows are flagged, and a record joins to its document, page and cell box from the
 * database file alone. Also: datapackage types and --bom on tables/<id>.csv of the same run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/samples.ts';
import { extractToDuckDb, type Row } from '../helpers/duckdb.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-duckdb-'));
const out = join(dir, 'out');
let query: (sql: string) => Promise<Row[]>;
let close: () => void = () => {};

beforeAll(async () => {
  ({ query, close } = await extractToDuckDb([join(ROOT, 'samples/unruled/unruled.pdf'), join(ROOT, 'samples/lo-ruled/lo-ruled.pdf')], out, ['--parquet', '--bom']));
}, 200_000);

afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gongwen.duckdb', () => {
  it('has the tables of the run, and parquet files of each', async () => {
    const names = (await query('SELECT table_name FROM information_schema.tables ORDER BY table_name')).map((r) => r.table_name);
    expect(names).toEqual(['cells', 'documents', 'files', 'findings', 'pages', 'records_generic', 'tables']);
    expect(readdirSync(join(out, '_batch', 'parquet')).sort()).toEqual(names.map((n) => `${n}.parquet`));
    expect(await query('SELECT folder, pages FROM documents ORDER BY folder')).toEqual([
      { folder: 'lo-ruled', pages: 2n },
      { folder: 'unruled', pages: 1n },
    ]);
  });

  it('keys every table by the stable document id: sha256-derived, the one in document.json and on every record and finding', async () => {
    const docs = await query('SELECT document, sha256, folder FROM documents ORDER BY folder');
    for (const d of docs) {
      expect(d.document).toBe(String(d.sha256).slice(0, 16));
      const dir = join(out, String(d.folder));
      expect(JSON.parse(readFileSync(join(dir, 'document.json'), 'utf8')).id).toBe(d.document);
      const recs = (JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')) as { records: { document?: string }[] }).records;
      expect(recs.length).toBeGreaterThan(0);
      expect(recs.every((r) => r.document === d.document)).toBe(true);
      const findings = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { document?: string }[];
      expect(findings.every((f) => f.document === d.document)).toBe(true);
    }
    const ids = new Set(docs.map((d) => d.document));
    for (const t of ['files', 'pages', 'tables', 'cells', 'records_generic']) {
      const got = await query(`SELECT DISTINCT document FROM ${t}`);
      expect(got.every((r) => ids.has(r.document)), t).toBe(true);
    }
  });

  it('types every numeric generic column as a number (information_schema)', async () => {
    const types = Object.fromEntries(
      (await query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'records_generic'")).map((r) => [r.column_name, r.data_type]),
    );
    for (const c of ['预算金额', '实际支出', '执行率', '补助资金（万元）/小计', '补助资金（万元）/中央资金', '补助资金（万元）/县级资金', '预算金额 [元]']) {
      expect(types[c], c).toBe('DOUBLE');
    }
    expect(types['受益人口（人）']).toBe('BIGINT');
    // lo-ruled prints 合计 under 序号 in its totals row: the label does not make the column text
    expect(types['序号']).toBe('BIGINT');
    expect(types['项目']).toBe('VARCHAR');
    expect(types['isTotal']).toBe('BOOLEAN');
  });

  it('flags the totals row, and the parts sum to it in SQL', async () => {
    const rows = await query(`
      SELECT d.folder, bool_or(isTotal) AS has_total, count(*) FILTER (WHERE isTotal) AS totals,
             round(sum("预算金额") FILTER (WHERE NOT isTotal), 2) AS parts, max("预算金额") FILTER (WHERE isTotal) AS total,
             round(sum("补助资金（万元）/小计") FILTER (WHERE NOT isTotal), 2) AS parts2,
             max("补助资金（万元）/小计") FILTER (WHERE isTotal) AS total2,
             max("序号") FILTER (WHERE NOT isTotal) AS last_seq, count(*) FILTER (WHERE NOT isTotal) AS parts_n
      FROM records_generic r JOIN documents d USING (document) GROUP BY d.folder ORDER BY d.folder`);
    expect(rows).toEqual([
      { folder: 'lo-ruled', has_total: true, totals: 1n, parts: null, total: null, parts2: 131, total2: 131, last_seq: 12n, parts_n: 12n },
      { folder: 'unruled', has_total: true, totals: 1n, parts: 207245.6, total: 207245.6, parts2: null, total2: null, last_seq: 11n, parts_n: 11n },
    ]);
  });

  it('joins a record to its document, page and cell box from the database alone', async () => {
    const rows = await query(`
      SELECT d.sha256, p.width, r.page, c.text, c.x0, c.top, c.x1, c.bottom, r.x0 AS rx0, r.top AS rtop
      FROM records_generic r
      JOIN documents d ON d.document = r.document
      JOIN pages p ON p.document = r.document AND p.page = r.page
      JOIN tables t ON t.document = r.document AND t."table" = r."table"
      JOIN cells c ON c.document = r.document AND c."table" = r."table" AND c.row = r.row AND c.col = 1
      WHERE d.folder = 'unruled' AND r.row = 0`);
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.page).toBe(1n);
    expect(r.text).toBe('办公用品购置');
    expect(Number(r.width)).toBeGreaterThan(500);
    // the record's box holds its cell's box
    expect(Number(r.rx0)).toBeLessThanOrEqual(Number(r.x0));
    expect(Number(r.rtop)).toBeLessThanOrEqual(Number(r.top));
    expect(Number(r.x1)).toBeGreaterThan(Number(r.x0));
  });
});

describe('the CSVs and datapackage of the same run', () => {
  it('--bom reaches tables/<id>.csv, which keeps the printed text', () => {
    const csv = readFileSync(join(out, 'unruled', 'tables', 't1.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('１２，３４５．６０');
  });

  it('datapackage.json declares the numeric columns and their units', () => {
    const dp = JSON.parse(readFileSync(join(out, 'unruled', 'datapackage.json'), 'utf8')) as { resources: { schema: { fields: Row[] } }[] };
    const f = Object.fromEntries(dp.resources[0]!.schema.fields.map((x) => [x.name, x]));
    expect(f['序号']).toMatchObject({ type: 'integer' });
    expect(f['预算金额']).toMatchObject({ type: 'number', unit: '元', bareNumber: true });
    expect(f['执行率']).toMatchObject({ type: 'number', unit: '%' });
    expect(f['项目']).toMatchObject({ type: 'string' });
  });
});

describe('batch JSONL', () => {
  it('every line of _batch/records-<kind>.jsonl validates against its published schema', async () => {
    const { BatchRecordLineSchema } = await import('../../src/model/schemas.ts');
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'batch-record-line.schema.json'), 'utf8')) as { anyOf?: unknown[]; oneOf?: unknown[] };
    expect((schema.anyOf ?? schema.oneOf)?.length).toBe(5);
    const lines = readFileSync(join(out, '_batch', 'records-generic.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(25);
    for (const l of lines) expect(BatchRecordLineSchema.safeParse(JSON.parse(l)).success, l).toBe(true);
    // the batch fields are required: a line without its sha256 fails, and the key is the document id
    expect(BatchRecordLineSchema.safeParse({ ...JSON.parse(lines[0]!), sha256: undefined }).success).toBe(false);
    expect(BatchRecordLineSchema.safeParse({ ...JSON.parse(lines[0]!), document: 'unruled' }).success).toBe(false);
    for (const l of lines) expect((JSON.parse(l) as { document: string; sha256: string }).document).toBe((JSON.parse(l) as { sha256: string }).sha256.slice(0, 16));
  });
});

describe('per-signature generic CSVs', () => {
  it('one records-generic-<hash>.csv per header signature, each with only its own columns and rows', () => {
    const files = readdirSync(join(out, '_batch')).filter((f) => /^records-generic-[0-9a-f]{8}\.csv$/.test(f));
    expect(files).toHaveLength(2);
    const byDoc = new Map<string, { header: string[]; rows: number }>();
    for (const f of files) {
      const lines = readFileSync(join(out, '_batch', f), 'utf8').replace(/^\ufeff/, '').trim().split('\n');
      expect(lines[0]!.split(',').slice(0, 3)).toEqual(['document', 'sha256', 'folder']);
      const docs = new Set(lines.slice(1).map((l) => l.split(',')[2]));
      expect(docs.size).toBe(1);
      byDoc.set([...docs][0]!, { header: lines[0]!.split(','), rows: lines.length - 1 });
    }
    expect(byDoc.get('unruled')!.rows).toBe(12);
    expect(byDoc.get('lo-ruled')!.rows).toBe(13);
    expect(byDoc.get('unruled')!.header).not.toContain('乡镇');
    expect(byDoc.get('lo-ruled')!.header).not.toContain('预算金额');
  });
});

describe('_batch/datapackage.json', () => {
  /** CSV text → rows (fast-csv, BOM removed). */
  const csvRows = async (text: string): Promise<string[][]> => {
    const { parseString } = await import('fast-csv');
    return new Promise((resolve, reject) => {
      const rows: string[][] = [];
      parseString<string[], string[]>(text.replace(/^\ufeff/, ''), { headers: false }).on('error', reject).on('data', (r: string[]) => rows.push(r)).on('end', () => resolve(rows));
    });
  };

  it('describes every CSV of _batch with its exact header and typed fields the cells satisfy', async () => {
    type Field = { name: string; type: string; unit?: string };
    const dp = JSON.parse(readFileSync(join(out, '_batch', 'datapackage.json'), 'utf8')) as {
      profile: string; resources: { name: string; path: string; encoding: string; schema: { fields: Field[] } }[];
    };
    expect(dp.profile).toBe('tabular-data-package');
    const csvs = readdirSync(join(out, '_batch')).filter((f) => f.endsWith('.csv')).sort();
    expect(dp.resources.map((r) => r.path).sort()).toEqual(csvs);
    let numbers = 0;
    for (const res of dp.resources) {
      expect(res.encoding, res.path).toBe('utf-8-sig'); // the run had --bom
      const [header, ...rows] = await csvRows(readFileSync(join(out, '_batch', res.path), 'utf8'));
      expect(res.schema.fields.map((f) => f.name), res.path).toEqual(header);
      if (res.path !== 'findings.csv') expect(rows.length, res.path).toBeGreaterThan(0); // these samples have no findings
      res.schema.fields.forEach((f, i) => {
        for (const row of rows) {
          const cell = row[i]!;
          if (cell === '') continue;
          if (f.type === 'integer') expect(Number.isInteger(Number(cell)), `${res.path} ${f.name} ${cell}`).toBe(true);
          if (f.type === 'number') expect(Number.isFinite(Number(cell)), `${res.path} ${f.name} ${cell}`).toBe(true);
          if (f.type === 'boolean') expect(['true', 'false']).toContain(cell);
          if (f.type === 'integer' || f.type === 'number') numbers++;
        }
      });
    }
    expect(numbers).toBeGreaterThan(100);
    const unruled = dp.resources.find((r) => r.path !== 'records-generic.csv' && r.schema.fields.some((f) => f.name === '预算金额'))!;
    const f = Object.fromEntries(unruled.schema.fields.map((x) => [x.name, x]));
    expect(f['document']).toMatchObject({ type: 'string' });
    expect(f['序号']).toMatchObject({ type: 'integer' });
    expect(f['预算金额']).toMatchObject({ type: 'number', unit: '元' });
    expect(f['执行率']).toMatchObject({ type: 'number', unit: '%' });
    expect(f['isTotal']).toMatchObject({ type: 'boolean' });
  });
});
