/**
 * The batch outputs in `<out>/_batch/` (manifest.csv, records-<kind>, findings) rebuilt from the
 * document folders and the manifest entries: at the end of a batch run and after `gongwen check`
 * on a batch output folder (hand-corrected tables change records and findings).
 * The report, DuckDB and workbook writers (exceljs, zod schemas) are loaded only for a run that
 * asks for them: a plain run's coordinator starts without them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeBatchOutputs, type BatchRow } from '../write/batch.ts';
import { loadManifest, MANIFEST_FILE, type ManifestEntry } from './manifest.ts';
import { BATCH_SETTINGS } from './settings.ts';
import type { SqlTable } from '../analyst/rows.ts';

/** The run's database in `_batch/`. */
export const DUCKDB_FILE = 'gongwen.duckdb';
/** The run's workbook in `_batch/`. */
export const XLSX_FILE = 'gongwen.xlsx';

export interface RebuildOptions {
  readonly bom?: boolean;
  readonly raw?: boolean;
  /** also rebuild `_batch/report.html` */
  readonly report?: boolean;
  /** also write `_batch/gongwen.duckdb` */
  readonly duckdb?: boolean;
  /** also write `_batch/parquet/<table>.parquet` (through the DuckDB database) */
  readonly parquet?: boolean;
  /** also write `_batch/gongwen.xlsx` and `<document>/<name>.xlsx` */
  readonly xlsx?: boolean;
}

/** Rebuilds `<out>/_batch/` outputs for `entries` (one per document). */
export async function rebuildBatchOutputs(out: string, entries: readonly ManifestEntry[], o: RebuildOptions = {}): Promise<void> {
  const rows: BatchRow[] = entries.map((e) => ({
    file: e.path, folder: e.document, sha256: e.sha256, status: e.status, pages: e.pages, method: e.method, error: e.error,
  }));
  const batchDir = join(out, BATCH_SETTINGS.batchDir);
  await writeBatchOutputs(out, batchDir, rows, { bom: o.bom ?? false, raw: o.raw ?? false });
  if (o.duckdb || o.parquet || o.xlsx) {
    const { batchToSqlTables } = await import('../analyst/rows.ts');
    const tables = await batchToSqlTables(out, rows);
    if (o.duckdb || o.parquet) await (await import('../analyst/duckdb.ts')).writeDuckDb(join(batchDir, DUCKDB_FILE), tables, o.parquet ? join(batchDir, 'parquet') : undefined);
    if (o.xlsx) await writeWorkbooks(out, batchDir, rows, tables);
  }
  if (o.report) await (await import('../report/index.ts')).writeBatchIndex(out);
}

/**
 * `_batch/gongwen.xlsx` (every table but `cells`, which can outgrow a sheet) and one workbook per
 * document, `<out>/<folder>/<name>.xlsx` (a sheet per printed table, its records, findings, pages, cells).
 */
async function writeWorkbooks(out: string, batchDir: string, rows: readonly BatchRow[], tables: readonly SqlTable[]): Promise<void> {
  const [{ writeXlsx }, { documentSheets }] = await Promise.all([import('../analyst/xlsx.ts'), import('../analyst/rows.ts')]);
  await writeXlsx(join(batchDir, XLSX_FILE), tables.filter((t) => t.name !== 'cells'));
  for (const r of rows) {
    if (r.status === 'failed') continue;
    const parts = r.folder.split('/');
    await writeXlsx(join(out, ...parts, `${parts.at(-1)!}.xlsx`), await documentSheets(out, r));
  }
}

/**
 * When `out` is a batch output folder (it has `_batch/manifest.jsonl`), rebuilds its batch outputs
 * from every document its manifest knows, the report index, database, Parquet files and workbooks
 * too when there are some; false otherwise.
 */
export async function rebuildIfBatch(out: string, o: Omit<RebuildOptions, 'report'> = {}): Promise<boolean> {
  const batchDir = join(out, BATCH_SETTINGS.batchDir);
  const manifest = join(batchDir, MANIFEST_FILE);
  if (!existsSync(manifest)) return false;
  const entries = [...(await loadManifest(manifest)).values()];
  await rebuildBatchOutputs(out, entries, {
    ...o,
    report: existsSync(join(batchDir, 'report.html')),
    // the analyst outputs a run wrote are kept up to date too
    duckdb: existsSync(join(batchDir, DUCKDB_FILE)),
    parquet: existsSync(join(batchDir, 'parquet')),
    xlsx: existsSync(join(batchDir, XLSX_FILE)),
  });
  return true;
}
