/** CSV text through fast-csv: RFC 4180 quoting, CRLF-free '\n' rows, optional UTF-8 BOM for Excel. */
import { writeToString } from 'fast-csv';

export interface CsvOptions {
  /** prefix a UTF-8 byte-order mark so Excel reads the file as UTF-8. @default false */
  readonly bom?: boolean;
}

/** Rows (header first) → CSV text. */
export async function rowsToCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): Promise<string> {
  const body = await writeToString(rows as string[][], { headers: false, includeEndRowDelimiter: true });
  return (options.bom ? '\ufeff' : '') + body;
}
