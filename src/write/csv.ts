/** CSV text through fast-csv: RFC 4180 quoting, CRLF-free '\n' rows, optional UTF-8 BOM for Excel. */
import { writeToString } from 'fast-csv';

import { csvCell } from './guard.ts';

export interface CsvOptions {
  /** prefix a UTF-8 byte-order mark so Excel reads the file as UTF-8. @default false */
  readonly bom?: boolean;
  /** cells exactly as printed, without the formula guard (write/guard.ts). @default false */
  readonly raw?: boolean;
}

/** Rows (header first) → CSV text, every cell through the formula guard unless `raw`. */
export async function rowsToCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): Promise<string> {
  const raw = options.raw ?? false;
  const guarded = rows.map((r) => r.map((c) => csvCell(c, raw)));
  const body = await writeToString(guarded, { headers: false, includeEndRowDelimiter: true });
  return (options.bom ? '\ufeff' : '') + body;
}
