/** Check inputs from the committed samples, and helpers that plant errors in a copy of them. */
import type { CheckInput, Paragraph } from '../../src/model/check.ts';
import type { Table } from '../../src/model/types.ts';
import { extractSample } from '../helpers/samples.ts';
import { tablesToRecords } from './records.ts';

/** A fresh (deep-copied) check input for a sample, with records from the test adapter. */
export async function sampleInput(name: string, records = true): Promise<CheckInput> {
  const x = structuredClone(await extractSample(name));
  return {
    document: x.document,
    tables: x.tables,
    paragraphs: x.paragraphs,
    records: records ? tablesToRecords(x.tables) : [],
  };
}

/** Rebuilds the records after tables were changed. */
export function withRecords(input: CheckInput): CheckInput {
  return { ...input, records: tablesToRecords(input.tables) };
}

export function table(input: CheckInput, id: string): Table {
  const t = input.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** Sets the text of body slot (row, col) in `rows` and in the covering cell. */
export function setCell(t: Table, row: number, col: number, text: string): void {
  t.rows[row]![col] = text;
  const cell = t.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`no cell ${row},${col} in ${t.id}`);
  cell.text = text;
}

/** Index of the body row whose first cell is `first` (whitespace ignored). */
export function rowWhere(t: Table, col: number, text: string): number {
  const r = t.rows.findIndex((row) => (row[col] ?? '').replace(/\s+/g, '') === text);
  if (r < 0) throw new Error(`no row with ${text} in ${t.id}`);
  return r;
}

/** The paragraph containing `needle`. */
export function paragraphWith(input: CheckInput, needle: string): Paragraph {
  const p = input.paragraphs.find((x) => x.text.includes(needle));
  if (!p) throw new Error(`no paragraph with ${needle}`);
  return p;
}

/** Replaces `from` by `to` in a paragraph and in the line holding it (the text must sit on one line). */
export function replaceInParagraph(input: CheckInput, from: string, to: string): Paragraph {
  const p = paragraphWith(input, from);
  const line = p.lines.find((l) => l.text.includes(from));
  if (!line) throw new Error(`${from} spans lines`);
  p.text = p.text.replace(from, to);
  line.text = line.text.replace(from, to);
  return p;
}
