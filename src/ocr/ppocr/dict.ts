/**
 * The CTC character table of the PP-OCRv4 Chinese recognition model: index 0 is the CTC blank,
 * then one entry per line of `ppocr_keys_v1.txt`, then a trailing space (PaddleOCR's
 * `use_space_char`). The model's class count must equal keys + 2.
 */
import { readFileSync } from 'node:fs';

/** Reads the key file (one character per line) into the CTC table: ['', ...keys, ' ']. */
export function loadCtcTable(keysPath: string): string[] {
  const text = readFileSync(keysPath, 'utf8').replace(/^\uFEFF/, '');
  const keys = text.split(/\r?\n/);
  if (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/** Throws when the model's class count does not match the table. */
export function checkCtcTable(table: readonly string[], classes: number): void {
  if (table.length !== classes) {
    throw new Error(`PP-OCR dictionary has ${table.length} entries (blank + keys + space) but the model outputs ${classes} classes`);
  }
}
