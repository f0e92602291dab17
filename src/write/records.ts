/**
 * Records → CSV files for BI (one `records/<kind>.csv` per record kind present), the Frictionless
 * Data Package that describes them (`datapackage.json`), and the reverse (CSV → records) used to
 * prove the round trip. CSV through fast-csv: UTF-8, header row, '\n' row ends, RFC 4180 quoting.
 */
import { parseString, writeToString } from 'fast-csv';
import type { AnyRecord, GenericRecord, RecordKind, RecordsFile, ValueType } from '../model/records.ts';
import { KIND_COLUMNS, LIST_SEPARATOR, RECORD_KINDS, isFixedColumn, type ColumnSpec } from '../records/columns.ts';
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

/** The CSV column of a generic amount in 元: `<key> [元]`. */
export function yuanColumnName(key: string): string {
  return `${key} [元]`;
}

/** Per value key, the column types the tables give it (records.json `tables[].columns`). */
function keyTypes(tables: RecordsFile['tables']): Map<string, Set<ValueType>> {
  const out = new Map<string, Set<ValueType>>();
  for (const t of tables) for (const c of t.columns ?? []) out.set(c.key, (out.get(c.key) ?? new Set()).add(c.type));
  return out;
}

/** The unit(s) of a key's amounts across tables: '%' for percents, the amount unit, or 'mixed'. */
function keyUnit(tables: RecordsFile['tables'], key: string): string | undefined {
  const units = new Set<string>();
  for (const t of tables) for (const c of t.columns ?? []) if (c.key === key) units.add(c.type === 'percent' ? '%' : (c.unit ?? ''));
  return units.size === 1 && !units.has('') ? [...units][0] : units.size > 1 ? 'mixed' : undefined;
}

/** A generic value column's type: numeric only when every record's value is a number or null. */
function genericKeyType(key: string, records: readonly GenericRecord[], types: Set<ValueType> | undefined): ColumnSpec['type'] {
  let numbers = 0;
  let ints = true;
  for (const r of records) {
    const v = r.values[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number') return 'string';
    numbers++;
    if (!Number.isInteger(v)) ints = false;
  }
  if (numbers === 0) return 'string';
  if (types) return types.size === 1 && types.has('integer') ? 'integer' : 'number';
  return ints ? 'integer' : 'number';
}

/**
 * The columns of a kind: the fixed ones, and for generic records every value key (first seen
 * first) typed from the values (`tables`: records.json's table list, for units and integer vs
 * decimal), then one `<key> [元]` column per amount key with a unit.
 */
export function kindToColumns(kind: RecordKind, records: readonly AnyRecord[], tables: RecordsFile['tables'] = []): ColumnSpec[] {
  const cols = [...KIND_COLUMNS[kind]];
  if (kind !== 'generic') return cols;
  const gs = records.filter((r): r is GenericRecord => r.kind === 'generic');
  const keys = new Set<string>();
  const yuan = new Set<string>();
  for (const r of gs) {
    for (const k of Object.keys(r.values)) keys.add(k);
    for (const k of Object.keys(r.amountYuan)) yuan.add(k);
  }
  const types = keyTypes(tables);
  for (const k of keys) {
    const type = genericKeyType(k, gs, types.get(k));
    const col: ColumnSpec = { name: k, type, title: k, nullable: type !== 'string', from: 'values' };
    const unit = type === 'string' ? undefined : keyUnit(tables, k);
    if (unit !== undefined) col.unit = unit;
    cols.push(col);
  }
  for (const k of yuan) cols.push({ name: yuanColumnName(k), type: 'number', title: `${k}（折合元）`, nullable: true, from: 'amountYuan', unit: '元' });
  return cols;
}

/**
 * A record field as a CSV cell (records/<kind>.csv and the batch's records CSVs): plain numbers,
 * true/false, lists joined with '、', null → '', text through the formula guard unless `raw`.
 */
export function recordCell(record: AnyRecord, col: ColumnSpec, raw: boolean): string {
  const v = recordField(record, col);
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvCell(Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v), raw);
}

/** The value of a record under a column of `kindToColumns` (a field, a bbox side, a generic value or 元 amount). */
export function recordField(record: AnyRecord, col: ColumnSpec): unknown {
  if (record.kind === 'generic' && col.from === 'values') return record.values[col.name];
  if (record.kind === 'generic' && col.from === 'amountYuan') return record.amountYuan[col.name.slice(0, -' [元]'.length)];
  if (col.from === 'bbox') return record.bbox?.[col.name as keyof NonNullable<AnyRecord['bbox']>];
  return (record as Record<string, unknown>)[col.name];
}

/** Records → `records/<kind>.csv` text, one file per kind present. */
export async function recordsToCsvFiles(
  records: readonly AnyRecord[],
  options: RecordsCsvOptions = {},
  tables: RecordsFile['tables'] = [],
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const raw = options.raw ?? false;
  for (const kind of RECORD_KINDS) {
    const rs = ofKind(records, kind);
    if (rs.length === 0) continue;
    const cols = kindToColumns(kind, rs, tables);
    const rows: string[][] = [cols.map((c) => csvCell(c.name, raw || isFixedColumn(c)))];
    for (const r of rs) rows.push(cols.map((c) => recordCell(r, c, raw)));
    const body = await writeToString(rows, { headers: false, includeEndRowDelimiter: true });
    files.set(recordsCsvPath(kind), (options.bom ? '\ufeff' : '') + body);
  }
  return files;
}

/** A Frictionless field descriptor. */
export interface DataPackageField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
  unit?: string;
  /** Table Schema: the number is written bare (no currency sign, percent sign or group separator) */
  bareNumber?: boolean;
}

/** The amount unit(s) used by budget-line / budget-subject records: one unit, or null when none is known. */
export function amountUnits(records: readonly AnyRecord[]): string[] {
  const units = new Set<string>();
  for (const r of records) if ((r.kind === 'budget-line' || r.kind === 'budget-subject') && r.amountUnit !== null) units.add(r.amountUnit);
  return [...units];
}

/**
 * The Table Schema fields of a kind's columns (`kindToColumns`): types, Chinese titles, units, and
 * for budget amounts the unit of `units` (the records' amountUnits: 'mixed' when several).
 */
export function columnsToFields(kind: RecordKind, cols: readonly ColumnSpec[], units: readonly string[]): DataPackageField[] {
  return cols.map((c) => {
    const f: DataPackageField = { name: c.name, type: c.type === 'list' ? 'string' : c.type, title: c.title };
    if (c.type === 'list') f.description = `list joined with '${LIST_SEPARATOR}'`;
    if (c.from !== undefined && (c.type === 'number' || c.type === 'integer')) f.bareNumber = true;
    if (c.unit !== undefined) f.unit = c.unit;
    if (c.unit === '%') f.description = 'percent as printed: 95.7 means 95.7%';
    if (c.from === 'values' && (c.type === 'number' || c.type === 'integer'))
      f.description ??= 'normalised from the printed text (full-width digits, thousands separators); tables.json keeps it as printed';
    if ((kind === 'budget-line' || kind === 'budget-subject') && c.name === 'amount') {
      if (units.length === 1) f.unit = units[0]!;
      else if (units.length > 1) {
        f.unit = 'mixed';
        f.description = `units differ by row (${units.join(', ')}): see column amountUnit`;
      }
    }
    return f;
  });
}

/** A tabular data resource for one CSV file written with `options`. */
export function csvResource(name: string, path: string, fields: readonly DataPackageField[], options: RecordsCsvOptions = {}): object {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: options.bom ? 'utf-8-sig' : 'utf-8',
    dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
    schema: { fields, missingValues: [''] },
  };
}

/**
 * Records → the content of `datapackage.json`: a Frictionless tabular Data Package with one
 * resource per CSV written by `recordsToCsvFiles` (same options), field types, Chinese titles,
 * and for amounts the unit ('unit': '万元'; 'mixed' with a description when rows differ).
 */
export function recordsToDataPackage(
  records: readonly AnyRecord[],
  options: RecordsCsvOptions = {},
  tables: RecordsFile['tables'] = [],
): object {
  const resources = [];
  for (const kind of RECORD_KINDS) {
    const rs = ofKind(records, kind);
    if (rs.length === 0) continue;
    resources.push(csvResource(kind, recordsCsvPath(kind), columnsToFields(kind, kindToColumns(kind, rs, tables), amountUnits(rs)), options));
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
 * added against formulas are removed unless `raw`. Generic values take the types of `columns`
 * (the `kindToColumns` the file was written with; without it every value is text, and `<key> [元]`
 * columns are amounts in 元). An empty cell is an empty value when the file holds one table; with
 * several tables, a column that is empty in every row of a table is taken as not belonging to it.
 */
export async function parseRecordsCsv(
  text: string,
  kind: RecordKind,
  options: { raw?: boolean; columns?: readonly ColumnSpec[] } = {},
): Promise<AnyRecord[]> {
  const rows = await csvToRows(text);
  const header = rows.shift() ?? [];
  const unq = (s: string): string => (options.raw ? s : unguardCell(s));
  const fixed = KIND_COLUMNS[kind];
  const given = new Map((options.columns ?? []).map((c) => [c.name, c]));
  const dynamic: ColumnSpec[] = header.slice(fixed.length).map(unq).map((name) => {
    const g = given.get(name);
    if (g) return g;
    return name.endsWith(' [元]')
      ? { name, type: 'number', title: name, nullable: true, from: 'amountYuan' }
      : { name, type: 'string', title: name, nullable: false, from: 'values' };
  });
  const out: Record<string, unknown>[] = rows.map((cells) => {
    const rec: Record<string, unknown> = { kind };
    const bbox: Record<string, unknown> = {};
    fixed.forEach((col, i) => {
      const cell = cells[i] ?? '';
      const v = cellToValue(col.type === 'string' || col.type === 'list' ? unq(cell) : cell, col);
      if (col.from === 'bbox') bbox[col.name] = v;
      else rec[col.name] = v;
    });
    rec.bbox = Object.values(bbox).every((v) => v === null) ? null : bbox;
    if (rec.document === null) delete rec.document; // a record built from tables alone has none
    if (kind === 'generic') {
      const values: Record<string, unknown> = {};
      const amountYuan: Record<string, unknown> = {};
      dynamic.forEach((col, j) => {
        const cell = cells[fixed.length + j] ?? '';
        if (col.from === 'amountYuan') amountYuan[col.name.slice(0, -' [元]'.length)] = cellToValue(cell, col);
        else values[col.name] = cellToValue(col.type === 'string' ? unq(cell) : cell, col);
      });
      rec.values = values;
      rec.amountYuan = amountYuan;
    }
    return rec;
  });
  if (kind === 'generic') dropForeignKeys(out);
  // the schemas (zod) are loaded only here: writing CSV needs none of them
  const { AnyRecordSchema } = await import('../model/records.ts');
  return out.map((r) => AnyRecordSchema.parse(r));
}

/** Generic rows of several tables: drop the keys a table never fills (see parseRecordsCsv). */
function dropForeignKeys(recs: Record<string, unknown>[]): void {
  const byTable = new Map<unknown, Record<string, unknown>[]>();
  for (const r of recs) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  if (byTable.size <= 1) return;
  for (const group of byTable.values()) {
    for (const field of ['values', 'amountYuan']) {
      const used = new Set<string>();
      for (const r of group) for (const [k, v] of Object.entries(r[field] as Record<string, unknown>)) if (v !== '' && v !== null) used.add(k);
      for (const r of group) {
        const obj = r[field] as Record<string, unknown>;
        for (const k of Object.keys(obj)) if (!used.has(k)) delete obj[k];
      }
    }
  }
}
