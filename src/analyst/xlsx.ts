/**
 * The one boundary to exceljs: SqlTables (rows.ts) → an .xlsx workbook, one sheet per table, numbers
 * as numeric cells (with the column's number format when it has one), booleans as booleans, the
 * header row frozen, column widths from the content.
 * Written to a temp file beside the target and renamed into place. exceljs is loaded on first use:
 * importing it costs ~1.5 s of CPU, which every CLI start paid, --xlsx or not.
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SqlTable } from './rows.ts';

/** Widest column, in characters (a CJK character counts 2). */
const MAX_WIDTH = 60;

/** Display width of a text: CJK and full-width characters count 2. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Sheet names: at most 31 characters, unique. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
  for (let n = 2; used.has(base); n++) base = `${name.slice(0, 27)} (${n})`;
  used.add(base);
  return base;
}

/** Writes `tables` as the sheets of a new workbook at `path` (empty tables keep their header row). */
export async function writeXlsx(path: string, tables: readonly SqlTable[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongwen';
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.columns.map((c) => c.name));
    ws.getRow(1).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
    t.columns.forEach((c, i) => {
      if (c.format) ws.getColumn(i + 1).numFmt = c.format;
      let w = textWidth(c.name);
      for (const row of t.rows) {
        const v = row[i];
        // a number format adds separators and decimals: room for about three more characters
        if (v !== null && v !== undefined) w = Math.max(w, textWidth(String(v)) + (c.format && typeof v === 'number' ? 3 : 0));
      }
      ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, w + 2);
    });
  }
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await wb.xlsx.writeFile(tmp);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
