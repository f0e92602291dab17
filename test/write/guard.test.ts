/**
 * Every CSV gongwen writes is guarded against formula injection by one rule: the tables' CSVs
 * (tables/<id>.csv) as well as the records', while numbers of any sign stay numbers; --raw keeps
 * cells as printed. The table CSVs come from a real extraction with injected cells.
 */
import { describe, expect, it } from 'vitest';
import { parseString } from 'fast-csv';
import { extractionToFiles } from '../../src/write/outputs.ts';
import { extractSample } from '../helpers/samples.ts';
import { guardCell } from '../../src/write/guard.ts';

const INJECTIONS = ['=HYPERLINK("http://x","y")', '@SUM(1)', "+cmd|' /C calc'!A0", '\t=1', '\r=1'];

async function parse(csv: string): Promise<string[][]> {
  const rows: string[][] = [];
  await new Promise<void>((res, rej) => parseString(csv, { headers: false }).on('data', (r: string[]) => rows.push(r)).on('end', () => res()).on('error', rej));
  return rows;
}

describe('tables/<id>.csv', () => {
  it('guards injected cells and header names; numbers and other text stay as printed', async () => {
    const ex = structuredClone(await extractSample('lo-ruled'));
    const t = ex.tables[0]!;
    const printed = t.rows.map((r) => [...r]);
    INJECTIONS.forEach((inj, i) => (t.rows[i]![0] = inj));
    t.header[1] = '=1+1';
    t.rows[6]![t.columns - 1] = '-12.50';
    const csv = (await extractionToFiles(ex)).get(`tables/${t.id}.csv`)!;
    const rows = await parse(csv);
    expect(rows[0]![1]).toBe("'=1+1");
    INJECTIONS.forEach((inj, i) => expect(rows[i + 1]![0]).toBe(`'${inj}`));
    expect(rows[7]![t.columns - 1]).toBe('-12.50');
    // the untouched rows are exactly the printed ones
    for (let r = INJECTIONS.length; r < printed.length; r++) if (r !== 6) expect(rows[r + 1]).toEqual(printed[r]!.map(guardCell));
    expect(rows.slice(INJECTIONS.length + 1).flat().some((c) => c.startsWith("'"))).toBe(false);

    const rawCsv = (await extractionToFiles(ex, undefined, { raw: true })).get(`tables/${t.id}.csv`)!;
    expect((await parse(rawCsv))[1]![0]).toBe(INJECTIONS[0]);
  });
});
