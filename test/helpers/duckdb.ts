/** Opens a gongwen.duckdb read-only for a test: rows as plain JS objects, and a close for afterAll. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { gongwen } from '../batch/cli.ts';

export type Row = Record<string, unknown>;

export interface OpenDuckDb {
  query: (sql: string) => Promise<Row[]>;
  close: () => void;
}

export async function openDuckDb(path: string): Promise<OpenDuckDb> {
  const duckdb = await import('@duckdb/node-api');
  const instance = await duckdb.DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  return {
    query: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs `gongwen extract <pdfs> --out <out> --duckdb <flags> --progress none` (it must succeed) and opens the run's database. */
export async function extractToDuckDb(pdfs: readonly string[], out: string, flags: readonly string[] = []): Promise<OpenDuckDb> {
  const r = gongwen(['extract', ...pdfs, '--out', out, '--duckdb', ...flags, '--progress', 'none'], 180_000);
  expect(r.code, r.stderr).toBe(0);
  return openDuckDb(join(out, '_batch', 'gongwen.duckdb'));
}
