/**
 * Records → CSV files for BI (one `records/<kind>.csv` per record kind present), the Frictionless
 * Data Package that describes them (`datapackage.json`), and the reverse (CSV → records) used to
 * prove the round trip. CSV through fast-csv: UTF-8, header row, '\n' row ends, RFC 4180 quoting.
 */
import { parseString, writeToString } from 'fast-csv';
import { AnyRecordSchema, type AnyRecord, type RecordKind } from '../model/records.ts';
import { KIND_COLUMNS, LIST_SEPARATOR, RECORD_KINDS, type ColumnSpec } from '../records/columns.ts';
import { csvCell, unguardCell } from './guard.ts';

export interface RecordsCsvOptions {
  /** prefix a UTF-8 byte-order mark (U+FEFF) so Excel reads the file as UTF-8. @default false */
  readonly bom?: boolean;
  /**
   * write string cells exactly as they are; by default a string starting with = + - @ tab or CR
   * is prefixed with a single quote so spreadsheets do not run it as a formula. @default false
   */
  readonly raw?: boolean;
}

export { guardCell as neutraliseFormula, unguardCell as restoreFormula } from './guard.ts';

/** The path of a kind's CSV file, relative to the output folder. */
export function recordsCsvPath(kind: RecordKind): string {
  return `records/${kind}.csv`;
}

/** Records of one kind, in their order. */
function ofKind(records: readonly AnyRecord[], kind: RecordKind): AnyRecord[] {
  return records.filter((r) => r.kind === kind);
}

/** The columns of a kind: the fixed ones, and for generic records every value key (first seen first). */
export function kindToColumns(kind: RecordKind, records: readonly AnyRecord[]): ColumnSpec[] {
  const cols = [...KIND_COLUMNS[kind]];
  if (kind === 'generic') {
    const keys = new Set<string>();
    for (const r of records) if (r.kind === 'generic') for (const k of Object.keys(r.values)) keys.add(k);
    for (const k of keys) cols.push({ name: k, type: 'string', title: k, nullable: false });
  }
  return cols;
}

/**
 * A record field as a CSV cell (records/<kind>.csv and the batch's records CSVs): plain numbers,
 * true/false, lists joined with '、', null → '', text through the formula guard unless `raw`.
 * `fixed`: a column of the kind itself (a generic record's other columns are its values).
 */
export function recordCell(record: AnyRecord, col: ColumnSpec, fixed: boolean, raw: boolean): string {
  const v: unknown =
    record.kind === 'generic' && !fixed ? record.values[col.name] : (record as Record<string, unknown>)[col.name];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvCell(Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v), raw);
}

/** Records → `records/<kind>.csv` text, one file per kind present. */
export async function recordsToCsvFiles(
  records: readonly AnyRecord[],
  options: RecordsCsvOptions = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const raw = options.raw ?? false;
  for (const kind of RECORD_KINDS) {
    const rs = ofKind(records, kind);
    if (rs.length === 0) continue;
    const cols = kindToColumns(kind, rs);
    const nFixed = KIND_COLUMNS[kind].length;
    const rows: string[][] = [cols.map((c, i) => csvCell(c.name, raw || i < nFixed))];
    for (const r of rs) rows.push(cols.map((c, i) => recordCell(r, c, i < nFixed, raw)));
    const body = await writeToString(rows, { headers: false, includeEndRowDelimiter: true });
    files.set(recordsCsvPath(kind), (options.bom ? '\ufeff' : '') + body);
  }
  return files;
}

/** A Frictionless field descriptor. */
interface DataPackageField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
  unit?: string;
}

/** The amount unit(s) used by budget-line / budget-subject records: one unit, or null when none is known. */
function amountUnits(records: readonly AnyRecord[]): string[] {
  const units = new Set<string>();
  for (const r of records) if ((r.kind === 'budget-line' || r.kind === 'budget-subject') && r.amountUnit !== null) units.add(r.amountUnit);
  return [...units];
}

/**
 * Records → the content of `datapackage.json`: a Frictionless tabular Data Package with one
 * resource per CSV written by `recordsToCsvFiles` (same options), field types, Chinese titles,
 * and for amounts the unit ('unit': '万元'; 'mixed' with a description when rows differ).
 */
export function recordsToDataPackage(records: readonly AnyRecord[], options: RecordsCsvOptions = {}): object {
  const resources = [];
  for (const kind of RECORD_KINDS) {
    const rs = ofKind(records, kind);
    if (rs.length === 0) continue;
    const fields: DataPackageField[] = kindToColumns(kind, rs).map((c) => {
      const f: DataPackageField = { name: c.name, type: c.type === 'list' ? 'string' : c.type, title: c.title };
      if (c.type === 'list') f.description = `list joined with '${LIST_SEPARATOR}'`;
      if ((kind === 'budget-line' || kind === 'budget-subject') && c.name === 'amount') {
        const units = amountUnits(rs);
        if (units.length === 1) f.unit = units[0]!;
        else if (units.length > 1) {
          f.unit = 'mixed';
          f.description = `units differ by row (${units.join(', ')}): see column amountUnit`;
        }
      }
      return f;
    });
    resources.push({
      name: kind,
      path: recordsCsvPath(kind),
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: options.bom ? 'utf-8-sig' : 'utf-8',
      dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
      schema: { fields, missingValues: [''] },
    });
  }
  return { profile: 'tabular-data-package', name: 'gongwen-records', resources };
}

/** CSV text → rows of cells (fast-csv), BOM removed. */
function csvToRows(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text.replace(/^\ufeff/, ''), { headers: false })
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

/** One CSV cell back to a field value of the column's type. */
function cellToValue(cell: string, col: ColumnSpec): unknown {
  if (cell === '' && col.nullable) return null;
  switch (col.type) {
    case 'number':
    case 'integer':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    case 'list':
      return cell === '' ? [] : cell.split(LIST_SEPARATOR);
    case 'string':
      return cell;
  }
}

/**
 * Reads a CSV written by `recordsToCsvFiles` back into records of `kind` (zod-validated). Quotes
 * added against formulas are removed unless `raw`. Generic values: an empty cell is an empty
 * value when the file holds one table; with several tables, a column that is empty in every row
 * of a table is taken as not belonging to that table.
 */
export async function parseRecordsCsv(text: string, kind: RecordKind, options: { raw?: boolean } = {}): Promise<AnyRecord[]> {
  const rows = await csvToRows(text);
  const header = rows.shift() ?? [];
  const unq = (s: string): string => (options.raw ? s : unguardCell(s));
  const fixed = KIND_COLUMNS[kind];
  const valueKeys = header.slice(fixed.length).map(unq);
  const out: Record<string, unknown>[] = rows.map((cells) => {
    const rec: Record<string, unknown> = { kind };
    fixed.forEach((col, i) => {
      const cell = cells[i] ?? '';
      rec[col.name] = cellToValue(col.type === 'string' || col.type === 'list' ? unq(cell) : cell, col);
    });
    if (kind === 'generic') {
      const values: Record<string, string> = {};
      valueKeys.forEach((k, j) => {
        values[k] = unq(cells[fixed.length + j] ?? '');
      });
      rec.values = values;
    }
    return rec;
  });
  if (kind === 'generic') dropForeignKeys(out);
  return out.map((r) => AnyRecordSchema.parse(r));
}

/** Generic rows of several tables: drop the keys a table never fills (see parseRecordsCsv). */
function dropForeignKeys(recs: Record<string, unknown>[]): void {
  const byTable = new Map<unknown, Record<string, unknown>[]>();
  for (const r of recs) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  if (byTable.size <= 1) return;
  for (const group of byTable.values()) {
    const used = new Set<string>();
    for (const r of group) for (const [k, v] of Object.entries(r.values as Record<string, string>)) if (v !== '') used.add(k);
    for (const r of group) {
      const values = r.values as Record<string, string>;
      for (const k of Object.keys(values)) if (!used.has(k)) delete values[k];
    }
  }
}
