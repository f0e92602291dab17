/**
 * The one boundary to @duckdb/node-api (an optional dependency, loaded with a dynamic import):
 * SqlTables (rows.ts) → one DuckDB database file, built in a temp file beside it and renamed into
 * place, and optionally one Parquet file per table (DuckDB COPY … (FORMAT parquet)).
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SqlTable, SqlValue } from './rows.ts';

/** Thrown when @duckdb/node-api is not installed: its message is the one line to print. */
export class DuckDbMissingError extends Error {}

type DuckDbModule = typeof import('@duckdb/node-api');

async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new DuckDbMissingError('--duckdb/--parquet need the optional package @duckdb/node-api, which is not installed (npm install @duckdb/node-api)');
  }
}

/** An identifier in double quotes (Chinese header keys included). */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A path as an SQL string literal. */
function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The one-line reason --duckdb/--parquet cannot work here, or null when @duckdb/node-api loads. */
export async function duckDbMissing(): Promise<string | null> {
  try {
    await loadDuckDb();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Writes `tables` into a new DuckDB database at `path` (replacing any old one as a whole) and, with
 * `parquetDir`, `<parquetDir>/<table>.parquet` for each table.
 */
export async function writeDuckDb(path: string, tables: readonly SqlTable[], parquetDir?: string): Promise<void> {
  const duckdb = await loadDuckDb();
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const instance = await duckdb.DuckDBInstance.create(tmp);
  const conn = await instance.connect();
  try {
    for (const t of tables) {
      await conn.run(`CREATE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`);
      const app = await conn.createAppender(t.name);
      for (const row of t.rows) {
        row.forEach((v: SqlValue, i) => {
          const type = t.columns[i]!.type;
          if (v === null) app.appendNull();
          else if (type === 'BOOLEAN') app.appendBoolean(v === true);
          else if (type === 'BIGINT') app.appendBigInt(BigInt(Math.trunc(Number(v))));
          else if (type === 'DOUBLE') app.appendDouble(Number(v));
          else app.appendVarchar(String(v));
        });
        app.endRow();
      }
      app.closeSync();
    }
    if (parquetDir) {
      await mkdir(parquetDir, { recursive: true });
      for (const t of tables) {
        await conn.run(`COPY ${ident(t.name)} TO ${literal(join(parquetDir, `${t.name}.parquet`))} (FORMAT parquet)`);
      }
    }
    await conn.run('CHECKPOINT');
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    throw err;
  }
  conn.closeSync();
  instance.closeSync();
  await rm(`${tmp}.wal`, { force: true });
  await rename(tmp, path);
}
