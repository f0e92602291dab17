/**
 * A batch output folder → the relational tables an analyst loads (documents, pages, tables, cells,
 * records_<kind>, findings), as typed columns and rows, built from `_batch/manifest` entries and each
 * document's folder (document.json, tables.json, records.json, findings.json). No database here:
 * duckdb.ts writes these. Boxes are PDF points with the origin at the page's top-left corner.
 * Every table is keyed by `document`, the stable document id (model/documentId.ts): a record joins
 * its document, page (`pages.page`) and cells (`cells."table"`, `row`) on it. `files` lists every
 * input, byte-identical copies and unreadable files included.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../model/findings.ts';
import type { DocumentJson } from '../model/outputs.ts';
import type { AnyRecord, RecordKind, RecordsFile } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { KIND_COLUMNS, LIST_SEPARATOR, RECORD_KINDS, type ColumnSpec } from '../records/columns.ts';
import { documentRows, ownColumns, rowDir, rowId, type BatchRow } from '../write/batch.ts';
import { kindToColumns, recordField } from '../write/records.ts';
import { printedTables } from './printed.ts';

/** SQL type of a column. */
export type SqlType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN';
export type SqlValue = string | number | boolean | null;

export interface SqlTable {
  /** table name: documents, pages, tables, cells, records_<kind with '_'>, findings */
  name: string;
  /** `format`: a spreadsheet number format for the column ('#,##0.00'), used by the workbook only */
  columns: { name: string; type: SqlType; format?: string }[];
  rows: SqlValue[][];
}

/** `records_<kind>` with '-' → '_'. */
export function recordsTableName(kind: RecordKind): string {
  return `records_${kind.replace(/-/g, '_')}`;
}

async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

const SQL_OF: Readonly<Record<ColumnSpec['type'], SqlType>> = { string: 'VARCHAR', list: 'VARCHAR', number: 'DOUBLE', integer: 'BIGINT', boolean: 'BOOLEAN' };

/** A record field of a column as an SQL value (lists joined with '、' as in the CSVs). */
function recordValue(r: AnyRecord, c: ColumnSpec): SqlValue {
  const v = recordField(r, c);
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
  if (c.type === 'string' || c.type === 'list') return String(v);
  return v as SqlValue;
}

/** An empty table from 'name name:TYPE …' (VARCHAR when no type is given). */
function emptyTable(name: string, spec: string): SqlTable {
  const columns = spec.split(' ').map((c) => {
    const [n, t] = c.split(':');
    return { name: n!, type: (t ?? 'VARCHAR') as SqlType };
  });
  return { name, columns, rows: [] };
}

/** The batch's tables from the output folder `out` and its manifest rows. */
export async function batchToSqlTables(out: string, rows: readonly BatchRow[]): Promise<SqlTable[]> {
  const documents = emptyTable('documents', 'document sha256 folder file status pages:BIGINT method error');
  const files = emptyTable('files', 'file document folder status error');
  const pages = emptyTable('pages', 'document page:BIGINT method width:DOUBLE height:DOUBLE confidence:DOUBLE');
  const tables = emptyTable('tables', 'document table kind title unit pages rows:BIGINT columns:BIGINT');
  const cells = emptyTable('cells', 'document table row:BIGINT col:BIGINT row_span:BIGINT col_span:BIGINT text page:BIGINT x0:DOUBLE top:DOUBLE x1:DOUBLE bottom:DOUBLE');
  const findings = emptyTable('findings', 'document key rule severity message expected actual page:BIGINT x0:DOUBLE top:DOUBLE x1:DOUBLE bottom:DOUBLE review_state review_note');
  const records = new Map<RecordKind, { recs: { document: string; r: AnyRecord }[]; tables: RecordsFile['tables'] }>();
  const sorted = [...rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const seen = new Set<string>();
  for (const b of sorted) {
    const id = rowId(b);
    files.rows.push([b.file, id || null, b.folder, b.status, b.error]);
    if (id !== '' && !seen.has(id)) documents.rows.push([id, b.sha256, b.folder, b.file, b.status, b.pages, b.method, b.error]);
    seen.add(id);
  }
  for (const b of documentRows(rows)) {
    const document = rowId(b);
    const dir = rowDir(out, b);
    const doc = await readJson<DocumentJson | null>(join(dir, 'document.json'), null);
    for (const p of doc?.pages ?? []) pages.rows.push([document, p.page, p.method, p.width, p.height, p.confidence]);
    const rf = await readJson<RecordsFile>(join(dir, 'records.json'), { tables: [], records: [] });
    const kindOf = new Map(rf.tables.map((t) => [t.table, t.kind]));
    for (const t of await readJson<Table[]>(join(dir, 'tables.json'), [])) {
      tables.rows.push([document, t.id, kindOf.get(t.id) ?? null, t.title, t.unit, t.pages.join(','), t.rows.length, t.columns]);
      for (const c of t.cells) {
        cells.rows.push([document, t.id, c.row, c.col, c.rowSpan, c.colSpan, c.text, c.page, c.bbox.x0, c.bbox.top, c.bbox.x1, c.bbox.bottom]);
      }
    }
    for (const r of rf.records) {
      const k = records.get(r.kind) ?? { recs: [], tables: [] };
      k.recs.push({ document, r });
      records.set(r.kind, k);
    }
    for (const kind of new Set(rf.tables.map((t) => t.kind))) records.get(kind)?.tables.push(...rf.tables.filter((t) => t.kind === kind));
    for (const f of await readJson<Finding[]>(join(dir, 'findings.json'), [])) {
      const ev = f.evidence[0];
      const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
      findings.rows.push([
        document, f.key ?? null, f.rule, f.severity, f.message, text(f.expected), text(f.actual),
        ev?.page ?? null, ev?.bbox.x0 ?? null, ev?.bbox.top ?? null, ev?.bbox.x1 ?? null, ev?.bbox.bottom ?? null,
        f.review?.status ?? null, f.review?.note ?? null,
      ]);
    }
  }
  const out2: SqlTable[] = [documents, files, pages, tables, cells];
  for (const kind of RECORD_KINDS) {
    const k = records.get(kind);
    if (!k) continue;
    const cols = ownColumns(kind === 'generic' ? kindToColumns(kind, k.recs.map((x) => x.r), k.tables) : [...KIND_COLUMNS[kind]]);
    out2.push({
      name: recordsTableName(kind),
      columns: [{ name: 'document', type: 'VARCHAR' }, ...cols.map((c) => ({ name: c.name, type: SQL_OF[c.type] }))],
      rows: k.recs.map(({ document, r }) => [document, ...cols.map((c) => recordValue(r, c))]),
    });
  }
  out2.push(findings);
  return out2;
}

/**
 * The sheets of one document's workbook: a sheet per printed table (typed, printedTables), then
 * its records per kind, findings with the reviewer's decision, pages, the table index and cells.
 */
export async function documentSheets(out: string, row: BatchRow): Promise<SqlTable[]> {
  const printed = printedTables(await readJson<Table[]>(join(rowDir(out, row), 'tables.json'), []));
  const own = (await batchToSqlTables(out, [row])).filter((t) => t.name !== 'documents' && t.name !== 'files');
  const rank = (t: SqlTable): number => (t.name.startsWith('records_') ? 0 : ['findings', 'pages', 'tables', 'cells'].indexOf(t.name) + 1);
  return [...printed, ...own.sort((a, b) => rank(a) - rank(b))];
}
