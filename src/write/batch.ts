/**
 * The outputs of a whole batch, in `<out>/_batch/`, regenerated at the end of every run from the
 * per-document output folders, so they are the same whether or not a run was interrupted:
 * - `records-<kind>.csv` / `.jsonl`: the records of every document of one kind, keyed by `document`
 *   (the stable document id, model/documentId.ts), then the input's `sha256` and `folder` (the
 *   output folder relative to --out, which can change between runs: 'x', 'x-2/y');
 * - `records-generic-<8 hex>.csv`: the generic records of one table signature (the same header
 *   keys), so each file has only its own columns (`records-generic.csv` is their sparse union);
 * - `findings.jsonl` / `findings.csv`: every finding, with `document`, `sha256` and `folder`; the CSV also has
 *   the finding's `key` and the reviewer's decision (`reviewState` confirmed/dismissed, `reviewNote`)
 *   from review.json, so dismissed findings can be filtered out in a spreadsheet;
 * - `manifest.csv`: file, document, sha256, folder, status, pages, method, error — one row per input;
 * - `datapackage.json`: the Frictionless Data Package describing those CSVs (write/batchPackage.ts).
 * Rows are in the order of the input paths (code-unit order), then as in each document.
 * Byte-identical inputs are one document (one id): its records and findings are written once, from
 * the first of them; manifest.csv lists every input.
 * Files are streamed to a temp name and renamed into place; kinds no longer present are removed.
 */
import { createWriteStream } from 'node:fs';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { writeToString } from 'fast-csv';
import type { AnyRecord, RecordKind, RecordsFile } from '../model/records.ts';
import type { Finding } from '../model/findings.ts';
import { KIND_COLUMNS, RECORD_KINDS, isFixedColumn, type ColumnSpec } from '../records/columns.ts';
import { amountUnits, kindToColumns, recordCell } from './records.ts';
import { batchDataPackage, type BatchRecordsCsv } from './batchPackage.ts';
import { csvCell } from './guard.ts';
import { documentId } from '../model/documentId.ts';

/** One input of the batch, as the manifest has it. */
export interface BatchRow {
  /** input path */
  file: string;
  /** output folder relative to --out ('/'-separated) */
  folder: string;
  sha256: string;
  status: 'ok' | 'partial' | 'failed';
  pages: number;
  method: string;
  error: string;
}

export interface BatchCsvOptions {
  /** UTF-8 BOM before each CSV. @default false */
  readonly bom?: boolean;
  /** keep formula-like cells as they are. @default false */
  readonly raw?: boolean;
}

export const MANIFEST_CSV_COLUMNS = ['file', 'document', 'sha256', 'folder', 'status', 'pages', 'method', 'error'] as const;
/** The columns the batch puts before a record's own (which start with its `document`). */
export const BATCH_KEY_COLUMNS = ['document', 'sha256', 'folder'] as const;
export const FINDINGS_CSV_COLUMNS = [
  ...BATCH_KEY_COLUMNS, 'rule', 'severity', 'message', 'expected', 'actual',
  'page', 'x0', 'top', 'x1', 'bottom', 'evidence', 'evidenceCount', 'key', 'reviewState', 'reviewNote',
] as const;

/** A file written through a stream into a temp sibling, renamed into place by `commit`. */
class AtomicStream {
  private readonly tmp: string;
  private readonly stream;
  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    this.stream = createWriteStream(this.tmp);
  }
  async write(s: string): Promise<void> {
    if (s === '') return;
    if (!this.stream.write(s)) await new Promise<void>((res) => this.stream.once('drain', () => res()));
  }
  async commit(): Promise<void> {
    await new Promise<void>((res, rej) => this.stream.end((err?: Error | null) => (err ? rej(err) : res())));
    await rename(this.tmp, this.path);
  }
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}

/** A kind's columns without `document`, which the batch key columns already give. */
export function ownColumns(cols: readonly ColumnSpec[]): ColumnSpec[] {
  return cols.filter((c) => c.name !== 'document' || c.from !== undefined);
}

/** A generic record's table signature: its value keys in order. */
function signatureOf(r: AnyRecord): string {
  return r.kind === 'generic' ? Object.keys(r.values).join('\u0001') : r.kind;
}

/** Items grouped by a key, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

async function csvLines(rows: readonly (readonly string[])[]): Promise<string> {
  if (rows.length === 0) return '';
  return writeToString(rows as string[][], { headers: false, includeEndRowDelimiter: true });
}

async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

function byFile(a: BatchRow, b: BatchRow): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0;
}

/** A row's document id ('' when the input could not be read, so has no sha256). */
export function rowId(r: BatchRow): string {
  return r.sha256 === '' ? '' : documentId(r.sha256);
}

/**
 * The rows whose document folders the batch outputs are built from, in file order: not failed,
 * and the first input of each document id (byte-identical inputs are one document).
 */
export function documentRows(rows: readonly BatchRow[]): BatchRow[] {
  const seen = new Set<string>();
  return [...rows].sort(byFile).filter((r) => {
    if (r.status === 'failed' || seen.has(rowId(r))) return false;
    seen.add(rowId(r));
    return true;
  });
}

/** The folder of a row as a path under `out`. */
export function rowDir(out: string, r: BatchRow): string {
  return join(out, ...r.folder.split('/'));
}

/** Writes every batch output into `batchDir` from the output folders under `out`. */
export async function writeBatchOutputs(
  out: string,
  batchDir: string,
  rows: readonly BatchRow[],
  options: BatchCsvOptions = {},
): Promise<void> {
  const raw = options.raw ?? false;
  const bom = options.bom ? '\ufeff' : '';
  const text = (s: string): string => csvCell(s, raw);
  const sorted = [...rows].sort(byFile);
  const done = documentRows(rows);
  const recordsOf = (r: BatchRow) => readJson<RecordsFile>(join(rowDir(out, r), 'records.json'), { tables: [], records: [] });

  // pass 1: which kinds occur, and the value keys of generic records (first seen first)
  const kinds = new Set<RecordKind>();
  const generic: AnyRecord[] = [];
  const genericTables: RecordsFile['tables'] = [];
  const units = new Map<RecordKind, Set<string>>();
  for (const r of done) {
    const file = await recordsOf(r);
    for (const rec of file.records) {
      kinds.add(rec.kind);
      if (rec.kind === 'generic') generic.push(rec);
    }
    for (const kind of RECORD_KINDS) for (const u of amountUnits(file.records.filter((x) => x.kind === kind))) units.set(kind, (units.get(kind) ?? new Set()).add(u));
    genericTables.push(...file.tables);
  }
  const columns = new Map<RecordKind, ColumnSpec[]>();
  for (const kind of RECORD_KINDS) {
    if (kinds.has(kind)) columns.set(kind, kind === 'generic' ? kindToColumns(kind, generic, genericTables) : [...KIND_COLUMNS[kind]]);
  }
  // one CSV per generic table signature (its header keys), so no file is a sparse union
  const bySig = new Map<string, { file: string; cols: ColumnSpec[] }>();
  for (const [sig, recs] of groupBy(generic, signatureOf)) {
    bySig.set(sig, { file: `records-generic-${createHash('sha256').update(sig).digest('hex').slice(0, 8)}.csv`, cols: kindToColumns('generic', recs, genericTables) });
  }
  generic.length = 0;

  const streams: AtomicStream[] = [];
  const open = (name: string): AtomicStream => {
    const s = new AtomicStream(join(batchDir, name));
    streams.push(s);
    return s;
  };
  try {
    const recCsv = new Map<RecordKind, AtomicStream>();
    const recJsonl = new Map<RecordKind, AtomicStream>();
    for (const [kind, cols] of columns) {
      const header = [...BATCH_KEY_COLUMNS, ...ownColumns(cols).map((c) => csvCell(c.name, raw || isFixedColumn(c)))];
      const csv = open(`records-${kind}.csv`);
      await csv.write(bom + (await csvLines([header])));
      recCsv.set(kind, csv);
      recJsonl.set(kind, open(`records-${kind}.jsonl`));
    }
    const sigCsv = new Map<string, { stream: AtomicStream; cols: ColumnSpec[] }>();
    for (const [sig, { file, cols }] of bySig) {
      const stream = open(file);
      await stream.write(bom + (await csvLines([[...BATCH_KEY_COLUMNS, ...ownColumns(cols).map((c) => csvCell(c.name, raw || isFixedColumn(c)))]])));
      sigCsv.set(sig, { stream, cols });
    }
    const findCsv = open('findings.csv');
    const findJsonl = open('findings.jsonl');
    await findCsv.write(bom + (await csvLines([[...FINDINGS_CSV_COLUMNS]])));

    // pass 2: rows, document by document
    for (const r of done) {
      const dir = rowDir(out, r);
      const id = rowId(r);
      const key = [id, r.sha256, text(r.folder)];
      const records = (await recordsOf(r)).records;
      for (const [sig, recs] of groupBy(records.filter((x) => x.kind === 'generic'), signatureOf)) {
        const { stream, cols } = sigCsv.get(sig)!;
        await stream.write(await csvLines(recs.map((x) => [...key, ...ownColumns(cols).map((c) => recordCell(x, c, raw))])));
      }
      for (const [kind, cols] of columns) {
        const rs = records.filter((x) => x.kind === kind);
        if (rs.length === 0) continue;
        await recCsv.get(kind)!.write(
          await csvLines(rs.map((x) => [...key, ...ownColumns(cols).map((c) => recordCell(x, c, raw))])),
        );
        await recJsonl.get(kind)!.write(rs.map((x) => JSON.stringify({ document: id, sha256: r.sha256, folder: r.folder, ...x }) + '\n').join(''));
      }
      const findings = await readJson<Finding[]>(join(dir, 'findings.json'), []);
      await findJsonl.write(findings.map((f) => JSON.stringify({ document: id, sha256: r.sha256, folder: r.folder, ...f }) + '\n').join(''));
      await findCsv.write(
        await csvLines(
          findings.map((f) => {
            const ev = f.evidence[0];
            const val = (v: string | number | null | undefined): string => (v === undefined || v === null ? '' : text(String(v)));
            return [
              ...key, f.rule, f.severity, text(f.message), val(f.expected), val(f.actual),
              ev ? String(ev.page) : '', ev ? String(ev.bbox.x0) : '', ev ? String(ev.bbox.top) : '',
              ev ? String(ev.bbox.x1) : '', ev ? String(ev.bbox.bottom) : '', ev ? text(ev.text) : '', String(f.evidence.length),
              f.key ?? '', f.review?.status ?? '', text(f.review?.note ?? ''),
            ];
          }),
        ),
      );
    }

    const manifest = open('manifest.csv');
    await manifest.write(
      bom +
        (await csvLines([
          [...MANIFEST_CSV_COLUMNS],
          ...sorted.map((r) => [text(r.file), rowId(r), r.sha256, text(r.folder), r.status, String(r.pages), r.method, text(r.error)]),
        ])),
    );
    const described: BatchRecordsCsv[] = [
      ...[...columns].map(([kind, cols]) => ({ file: `records-${kind}.csv`, kind, columns: ownColumns(cols), units: [...(units.get(kind) ?? [])] })),
      ...[...bySig.values()].map(({ file, cols }) => ({ file, kind: 'generic' as const, columns: ownColumns(cols), units: [] })),
    ];
    const pkg = open('datapackage.json');
    await pkg.write(JSON.stringify(batchDataPackage(described, { bom: options.bom ?? false }), null, 2) + '\n');
    for (const s of streams) await s.commit();
  } catch (err) {
    for (const s of streams) await s.abort();
    throw err;
  }
  // kinds of an earlier run that no longer occur
  const keep = new Set(streams.map((s) => basename(s.path)));
  for (const name of await readdir(batchDir)) {
    if (/^records-.+\.(csv|jsonl)$/.test(name) && !keep.has(name)) await rm(join(batchDir, name), { force: true });
  }
}
