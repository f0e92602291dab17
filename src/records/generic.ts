/**
 * Any other table → GenericRecord, one per body or section row, values keyed by header text.
 */
import { GenericRecordSchema, type GenericRecord } from '../model/records.ts';
import type { Table } from '../model/types.ts';

/**
 * Header texts → unique keys: blanks become 'column N' (1-based), repeats get ' (2)', ' (3)', …
 * Header text is kept as printed (multi-row parts joined with '/').
 */
export function headerToKeys(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return header.map((h, i) => {
    const base = h.trim() === '' ? `column ${i + 1}` : h.trim();
    let n = seen.get(base) ?? 0;
    let key = base;
    while (used.has(key)) key = `${base} (${++n + 1})`;
    seen.set(base, n);
    used.add(key);
    return key;
  });
}

/** A table of no known kind → generic records (zod-validated). */
export function genericTableToRecords(table: Table): { records: GenericRecord[] } {
  const keys = headerToKeys(table.header);
  const records = table.rows.map((row, r) => {
    const values: Record<string, string> = {};
    keys.forEach((k, c) => {
      values[k] = row[c] ?? '';
    });
    return GenericRecordSchema.parse({
      kind: 'generic',
      table: table.id,
      row: r,
      section: table.rowKinds[r] === 'section',
      values,
    } satisfies GenericRecord);
  });
  return { records };
}
