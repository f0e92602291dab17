/**
 * Measures gongwen on a folder of 部门预算/决算公开 PDFs: runs `gongwen extract` on it (any build:
 * `--gongwen` names the CLI, so the same script measures the code before and after a change) and
 * prints one line per file: tables, subject tables (by this tree's `subjectTree` on the extracted
 * tables, so both builds are judged alike), budget-subject records, and findings by rule and
 * severity. `--tuned a,b` marks the files whose name contains a listed part as tuned-on (looked at
 * while building); the others are measured-on, reported separately.
 *
 *   node bin/run-ts.mjs scripts/budget/measure.ts <pdf-folder> --out <dir> [--gongwen bin/gongwen.mjs] [--tuned a,b] [--reuse]
 *
 * Bad input: one line naming the folder and the reason, exit 2.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../../src/model/findings.ts';
import type { RecordsFile } from '../../src/model/records.ts';
import type { Table } from '../../src/model/types.ts';
import { subjectTree } from '../../src/records/subjects.ts';

interface FileRow {
  name: string;
  tuned: boolean;
  tables: number;
  subjectTables: number;
  subjectRecords: number;
  sumErrors: number;
  rounding: number;
  otherErrors: number;
  warnings: number;
  infos: number;
}

function fail(message: string): never {
  process.stderr.write(`measure: ${message}\n`);
  process.exit(2);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** One document's output folder → its row. */
function measureDocument(dir: string, name: string, tuned: boolean): FileRow {
  const tables = readJson<Table[]>(join(dir, 'tables.json'));
  const records = readJson<RecordsFile>(join(dir, 'records.json'));
  const findings = readJson<Finding[]>(join(dir, 'findings.json'));
  const count = (f: (x: Finding) => boolean): number => findings.filter(f).length;
  return {
    name,
    tuned,
    tables: tables.length,
    subjectTables: tables.filter((t) => subjectTree(t) !== null).length,
    subjectRecords: records.records.filter((r) => (r.kind as string) === 'budget-subject').length,
    sumErrors: count((x) => x.rule === 'sum.total-mismatch' && x.severity === 'error'),
    rounding: count((x) => x.rule === 'sum.rounding'),
    otherErrors: count((x) => x.rule !== 'sum.total-mismatch' && x.severity === 'error'),
    warnings: count((x) => x.severity === 'warning'),
    infos: count((x) => x.severity === 'info' && x.rule !== 'sum.rounding'),
  };
}

const COLUMNS: [keyof FileRow, string][] = [
  ['tables', 'tables'],
  ['subjectTables', 'subject'],
  ['subjectRecords', 'b-subject'],
  ['sumErrors', 'sum.err'],
  ['rounding', 'round.info'],
  ['otherErrors', 'other.err'],
  ['warnings', 'warn'],
  ['infos', 'info'],
];

function print(rows: readonly FileRow[], title: string): void {
  process.stdout.write(`\n${title} (${rows.length} files)\n`);
  process.stdout.write(`${COLUMNS.map(([, h]) => h.padStart(10)).join('')}  file\n`);
  for (const r of rows) process.stdout.write(`${COLUMNS.map(([k]) => String(r[k]).padStart(10)).join('')}  ${r.name}\n`);
  const total = COLUMNS.map(([k]) => String(rows.reduce((s, r) => s + (r[k] as number), 0)).padStart(10)).join('');
  process.stdout.write(`${total}  TOTAL\n`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, gongwen: { type: 'string' }, tuned: { type: 'string' }, reuse: { type: 'boolean' } },
  });
  const folder = positionals[0];
  if (!folder || !values.out) fail('usage: measure.ts <pdf-folder> --out <dir> [--gongwen bin/gongwen.mjs] [--tuned a,b] [--reuse]');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${folder}: not a folder`);
  const pdfs = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
  if (pdfs.length === 0) fail(`${folder}: no PDF files`);
  const out = resolve(values.out);
  if (!values.reuse) {
    const cli = resolve(values.gongwen ?? 'bin/gongwen.mjs');
    execFileSync(process.execPath, [cli, 'extract', folder, '--out', out, '--jobs', '1', '--progress', 'none', '--ocr', 'never', '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tunedParts = (values.tuned ?? '').split(',').filter((s) => s !== '');
  const rows: FileRow[] = [];
  for (const pdf of pdfs) {
    const name = pdf.replace(/\.pdf$/i, '');
    const dir = join(out, name);
    if (!existsSync(join(dir, 'findings.json'))) {
      process.stdout.write(`(no output for ${name})\n`);
      continue;
    }
    rows.push(measureDocument(dir, name, tunedParts.some((p) => name.includes(p))));
  }
  print(rows.filter((r) => r.tuned), 'tuned-on');
  print(rows.filter((r) => !r.tuned), 'measured-on');
  print(rows, 'all');
}

main();
