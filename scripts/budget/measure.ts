/**
 * Measures gongwen on a folder of 部门预算/决算公开 PDFs: runs `gongwen extract` on it (any build:
 * `--gongwen` names the CLI, so the same script measures the code before and after a change) and
 * prints one line per file: tables, subject tables (by this tree's `subjectTree` on the extracted
 * tables, so both builds are judged alike), budget-subject records, and findings by rule and
 * severity. `--tuned a,b` marks the files whose name contains a listed part as tuned-on (looked at
 * while building); the others are measured-on, reported separately.
 *
 *   node bin/run-ts.mjs scripts/budget/measure.ts <pdf-folder> --out <dir> [--gongwen bin/gongwen.mjs] [--tuned a,b] [--reuse] [--before <dir>]
 *
 * `--before <dir>`: an output folder of the same PDFs written by another build (e.g. this script
 * with `--gongwen <old build>/bin/gongwen.mjs --out <dir>`); then a last table prints per file
 * before → after: tables, budget-subject records, and findings by severity with the rules that gave
 * the errors and warnings (which of them are false or true is judged by hand, per rule and file).
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
  /** findings per 'rule severity', for the before → after table */
  byRule: Map<string, number>;
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
  const byRule = new Map<string, number>();
  for (const f of findings) if (f.severity !== 'info') byRule.set(`${f.rule} ${f.severity}`, (byRule.get(`${f.rule} ${f.severity}`) ?? 0) + 1);
  return {
    byRule,
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

/** 'a → b', or 'a' when both are equal. */
const arrow = (a: number | undefined, b: number | undefined): string => (a === b ? String(a ?? '-') : `${a ?? '-'} → ${b ?? '-'}`);

/** Errors, warnings and infos of a row (rounding notes among the infos). */
function severities(r: FileRow | undefined): [number, number, number] | [undefined, undefined, undefined] {
  if (!r) return [undefined, undefined, undefined];
  let e = 0;
  let w = 0;
  for (const [k, n] of r.byRule) if (k.endsWith(' error')) e += n;
  else if (k.endsWith(' warning')) w += n;
  return [e, w, r.infos + r.rounding];
}

/** Per file before → after (see the file comment). */
function printBeforeAfter(before: readonly FileRow[], after: readonly FileRow[]): void {
  process.stdout.write(`\nbefore → after (${after.length} files)\n`);
  process.stdout.write(`${['tables', 'b-subject', 'error', 'warning', 'info'].map((h) => h.padStart(12)).join('')}  file: rules (before → after)\n`);
  const sum = (rows: readonly FileRow[], f: (r: FileRow) => number): number => rows.reduce((s, r) => s + f(r), 0);
  for (const a of after) {
    const b = before.find((x) => x.name === a.name);
    const [eb, wb, ib] = severities(b);
    const [ea, wa, ia] = severities(a);
    const rules = [...new Set([...(b?.byRule.keys() ?? []), ...a.byRule.keys()])].sort().map((k) => `${k} ${arrow(b?.byRule.get(k) ?? 0, a.byRule.get(k) ?? 0)}`);
    const cols = [arrow(b?.tables, a.tables), arrow(b?.subjectRecords, a.subjectRecords), arrow(eb, ea), arrow(wb, wa), arrow(ib, ia)];
    process.stdout.write(`${cols.map((c) => c.padStart(12)).join('')}  ${a.name}${rules.length ? `: ${rules.join('; ')}` : ''}\n`);
  }
  const tot = (rows: readonly FileRow[], i: 0 | 1 | 2): number => sum(rows, (r) => severities(r)[i] ?? 0);
  const cols = [
    arrow(sum(before, (r) => r.tables), sum(after, (r) => r.tables)),
    arrow(sum(before, (r) => r.subjectRecords), sum(after, (r) => r.subjectRecords)),
    arrow(tot(before, 0), tot(after, 0)),
    arrow(tot(before, 1), tot(after, 1)),
    arrow(tot(before, 2), tot(after, 2)),
  ];
  process.stdout.write(`${cols.map((c) => c.padStart(12)).join('')}  TOTAL\n`);
}

/** The rows of an output folder, one per PDF that has one. */
function rowsOf(out: string, pdfs: readonly string[], tunedParts: readonly string[]): FileRow[] {
  const rows: FileRow[] = [];
  for (const pdf of pdfs) {
    const name = pdf.replace(/\.pdf$/i, '');
    const dir = join(out, name);
    if (!existsSync(join(dir, 'findings.json'))) {
      process.stdout.write(`(no output for ${name} in ${out})\n`);
      continue;
    }
    rows.push(measureDocument(dir, name, tunedParts.some((p) => name.includes(p))));
  }
  return rows;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, gongwen: { type: 'string' }, tuned: { type: 'string' }, reuse: { type: 'boolean' }, before: { type: 'string' } },
  });
  const folder = positionals[0];
  if (!folder || !values.out) fail('usage: measure.ts <pdf-folder> --out <dir> [--gongwen bin/gongwen.mjs] [--tuned a,b] [--reuse] [--before <dir>]');
  if (values.before !== undefined && !existsSync(values.before)) fail(`${values.before}: no such output folder (--before)`);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${folder}: not a folder`);
  const pdfs = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
  if (pdfs.length === 0) fail(`${folder}: no PDF files`);
  const out = resolve(values.out);
  if (!values.reuse) {
    const cli = resolve(values.gongwen ?? 'bin/gongwen.mjs');
    execFileSync(process.execPath, [cli, 'extract', folder, '--out', out, '--jobs', '1', '--progress', 'none', '--ocr', 'never', '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tunedParts = (values.tuned ?? '').split(',').filter((s) => s !== '');
  const rows = rowsOf(out, pdfs, tunedParts);
  print(rows.filter((r) => r.tuned), 'tuned-on');
  print(rows.filter((r) => !r.tuned), 'measured-on');
  print(rows, 'all');
  if (values.before !== undefined) printBeforeAfter(rowsOf(resolve(values.before), pdfs, tunedParts), rows);
}

main();
