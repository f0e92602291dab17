/**
 * A batch run of `gongwen extract`: every input hashed (sha256), skipped when the manifest says
 * it is finished with the same content, version and options (unless --force), else run on a
 * worker process (p-queue, --jobs at a time); each outcome appended to the manifest as it ends;
 * at the end the manifest is compacted and the batch outputs (`_batch/`) regenerated from the
 * per-document folders. Errors of single documents are data: the batch always goes on.
 */
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { checkHeader, PdfInputError } from '../read/errors.ts';
import type { InputFile } from './inputs.ts';
import { outputDir } from './inputs.ts';
import { VERSION } from '../version.ts';
import { failedResult, readErrorReason, writeErrorReason } from './results.ts';
import {
  appendManifest, compactManifest, isFinished, loadManifest, optionsKey, MANIFEST_FILE,
  type DocResult, type ManifestEntry, type SeverityCounts,
} from './manifest.ts';
import { OutDirError, prepareOutDir, removeStaleTemps } from './outdir.ts';
import { poolSettings, WorkerPool, type DocPool } from './pool.ts';
import { t } from '../i18n/index.ts';
import type { DoneEvent, FileEvent, Reporter } from './progress.ts';
import { BATCH_SETTINGS, ocrThreadsPerDocument, threadsPerDocument, type BatchOptions } from './settings.ts';

/** What a run ends with: the done event and the entry of every input, in input order. */
export interface BatchResult {
  done: DoneEvent;
  entries: ManifestEntry[];
}

/** How many leading bytes `hashFile` keeps (where the %PDF- header must start). */
const HEAD_BYTES = 1024;

/** sha256 of a file, streamed, and its first bytes. */
export function hashFile(path: string): Promise<{ sha256: string; head: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    let head = Buffer.alloc(0);
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => {
        const b = chunk as Buffer;
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, b.subarray(0, HEAD_BYTES - head.length)]);
        h.update(b);
      })
      .on('end', () => resolve({ sha256: h.digest('hex'), head: new Uint8Array(head) }));
  });
}

/** The reason a file is not a PDF at all (empty, no %PDF- header), or null: decided without a worker. */
function notPdfReason(head: Uint8Array): string | null {
  try {
    checkHeader(head);
    return null;
  } catch (err) {
    if (err instanceof PdfInputError) return err.reason;
    throw err;
  }
}

/**
 * Runs the batch. Throws OutDirError (before any work) when the output folder cannot be used.
 * `inputs` must come from collectInputs (unique, safe output names). `queuePool` runs the documents
 * elsewhere (extract --queue) instead of on this machine's worker processes; it is closed at the end.
 */
export async function runBatch(inputs: readonly InputFile[], o: BatchOptions, reporter: Reporter, queuePool?: DocPool): Promise<BatchResult> {
  const t0 = performance.now();
  const batchDir = join(o.out, BATCH_SETTINGS.batchDir);
  const release = await prepareOutDir(o.out, BATCH_SETTINGS.batchDir);
  const pool: DocPool = queuePool ?? new WorkerPool(poolSettings(o, o.jobs > 1 && inputs.length > 1));
  const lockPath = join(batchDir, 'lock');
  const onSignal = (signal: NodeJS.Signals): void => {
    pool.killAll();
    rmSync(lockPath, { force: true });
    process.stderr.write(`\ngongwen: ${t('main.interrupted', { signal })}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await removeStaleTemps(o.out);
    const manifestPath = join(batchDir, MANIFEST_FILE);
    const manifest = await loadManifest(manifestPath);
    await compactManifest(manifestPath, manifest); // drops a line cut short by a kill
    const key = optionsKey(o);
    const sizes = await Promise.all(inputs.map((i) => stat(i.path).then((s) => (s.isFile() ? s.size : 0), () => 0)));
    const bytesTotal = sizes.reduce((a, b) => a + b, 0);
    // workers start now for the documents that will need one (not a re-run's finished files, told
    // by the manifest before hashing, nor empty or missing ones), so their start-up runs beside the hashing below
    const work = inputs.filter((input, i) => sizes[i]! > 0 && (o.force || !maybeFinished(manifest.get(input.outName), input.path, key))).length;
    pool.prestart?.(Math.min(Math.max(1, o.jobs), work));
    // the batch outputs' writers (CSV) are needed at the end only: loaded while the workers start
    const outputs = import('./outputs.ts');
    outputs.catch(() => undefined); // a failure is met where it is awaited
    let bytesDone = 0;
    reporter.start({ event: 'start', version: VERSION, files: inputs.length, jobs: o.jobs, out: o.out });

    const entries: ManifestEntry[] = new Array(inputs.length);
    const counts = { ok: 0, partial: 0, failed: 0, skipped: 0 };
    let pagesRead = 0;
    let appending: Promise<void> = Promise.resolve();
    const queue = new PQueue({ concurrency: Math.max(1, o.jobs) });
    const ocrThreads = ocrThreadsPerDocument(o.jobs, inputs.length, o.maxMemoryMiB);
    const pageThreads = threadsPerDocument(o.jobs, inputs.length);

    const one = async (input: InputFile, i: number): Promise<void> => {
      const started = performance.now();
      const dir = outputDir(o.out, input.outName);
      const prev = manifest.get(input.outName);
      let result: DocResult;
      let skipped = false;
      let workerMs: number | null = null;
      let workerRssKiB: number | null = null;
      let sha256 = '';
      let head: Uint8Array = new Uint8Array();
      try {
        ({ sha256, head } = await hashFile(input.path));
      } catch (err) {
        result = failedResult(readErrorReason(err), false);
      }
      if (sha256 !== '') {
        const notPdf = notPdfReason(head);
        if (!o.force && isFinished(prev, input.path, sha256, key) && (prev!.status === 'failed' || existsSync(join(dir, 'document.json')))) {
          result = prev!;
          skipped = true;
        } else if (notPdf !== null) {
          result = failedResult(notPdf, true, sha256); // no worker needed
        } else {
          const job = { path: input.path, dir, password: o.password, bom: o.bom, raw: o.raw, maxPages: o.maxPages, report: o.report, ...(o.lang ? { lang: o.lang } : {}), ocr: o.ocr, ocrEngine: o.ocrEngine, dpi: o.dpi, ocrThreads, pageThreads, pageTimeout: o.pageTimeoutSeconds ?? BATCH_SETTINGS.pageTimeoutSeconds };
          const r = await pool.run(job, (_job, pagesDone, pages) => reporter.page({ event: 'page', path: input.path, document: input.outName, pagesDone, pages }));
          result = { ...r.result, sha256: r.result.sha256 || sha256 };
          workerMs = r.ms;
          workerRssKiB = r.rssKiB;
        }
      }
      const entry: ManifestEntry = { ...docResultOf(result!), document: input.outName, path: input.path, version: VERSION, options: key };
      entries[i] = entry;
      if (!skipped) {
        manifest.set(input.outName, entry);
        appending = appending.then(() => appendManifest(manifestPath, entry));
        await appending;
        counts[entry.status]++;
        if (entry.status !== 'failed') pagesRead += entry.pages;
      } else counts.skipped++;
      bytesDone += sizes[i]!;
      reporter.file(fileEvent(entry, skipped, workerMs ?? Math.round(performance.now() - started), workerRssKiB), bytesDone, bytesTotal);
    };
    let fatal: unknown = null;
    // largest files first: the long documents start early, so the workers finish close together
    const order = inputs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    for (const i of order) void queue.add(() => one(inputs[i]!, i)).catch((err: unknown) => (fatal ??= err));
    await queue.onIdle();
    // the manifest or the batch outputs could not be written: stop, in one line
    if (fatal !== null) throw new OutDirError(`${o.out}: cannot write the batch manifest: ${writeErrorReason(fatal)}; a re-run resumes where this one stopped`);
    await pool.close();

    try {
      await compactManifest(manifestPath, manifest);
      // _batch/ lists every document of the folder's manifest (this run's and earlier runs'), nothing else
      await (await outputs).rebuildBatchOutputs(o.out, [...manifest.values()], { bom: o.bom, raw: o.raw, report: o.report, duckdb: o.duckdb ?? false, parquet: o.parquet ?? false, xlsx: o.xlsx ?? false });
    } catch (err) {
      // each file is written atomically: what was there stays whole; `gongwen check <out>` rebuilds _batch/
      throw new OutDirError(`${batchDir}: cannot write the batch outputs: ${writeErrorReason(err)}; the documents' folders are complete, \`gongwen check ${o.out}\` rebuilds them`);
    }

    const findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
    for (const e of entries) {
      if (e.status === 'failed') continue;
      findings.error += e.findings.error;
      findings.warning += e.findings.warning;
      findings.info += e.findings.info;
    }
    const done: DoneEvent = {
      event: 'done',
      files: inputs.length,
      ...counts,
      pages: pagesRead,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      findings,
      peakWorkerRssMiB: Math.round(pool.peakRssKiB / 1024),
      peakMainRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      recycledWorkers: pool.recycled,
      out: o.out,
    };
    reporter.done(done);
    return { done, entries };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.close();
    await release();
  }
}

/** Whether a manifest entry may make `path` a skip (all of isFinished but the content hash, not known yet). */
function maybeFinished(prev: ManifestEntry | undefined, path: string, key: string): boolean {
  return prev !== undefined && isFinished(prev, path, prev.sha256, key);
}

/** Only the DocResult fields (a manifest entry used as a result carries more). */
function docResultOf(r: DocResult): DocResult {
  return {
    status: r.status, sha256: r.sha256, pages: r.pages, method: r.method, tables: r.tables,
    documents: r.documents, findings: { ...r.findings }, error: r.error, final: r.final,
  };
}

function fileEvent(e: ManifestEntry, skipped: boolean, ms: number, rssKiB: number | null): FileEvent {
  const ev: FileEvent = {
    event: 'file',
    status: skipped ? 'skipped' : e.status,
    outcome: e.status,
    path: e.path,
    document: e.document,
    sha256: e.sha256,
    pages: e.pages,
    tables: e.tables,
    documents: e.documents,
    findings: { ...e.findings },
    ms,
  };
  if (e.error !== '') ev.error = e.error;
  if (rssKiB !== null) ev.workerRssMiB = Math.round(rssKiB / 1024);
  return ev;
}
