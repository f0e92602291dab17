/** Opens a gongwen.duckdb read-only for a test: rows as plain JS objects, and a close for afterAll. */
export type Row = Record<string, unknown>;

export async function openDuckDb(path: string): Promise<{ query: (sql: string) => Promise<Row[]>; close: () => void }> {
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
