/**
 * `gongwen extract <file.pdf|dir>... --out <dir>`: PDF → outputs, one folder per input, as a
 * resumable batch (src/batch/): worker processes (--jobs), per-document limits (--timeout,
 * --max-memory, --max-pages), progress (--progress), a manifest so a re-run skips finished
 * files (--force redoes them), and batch-wide outputs in <out>/_batch/.
 * A file that cannot be read gets `gongwen: <file>: <reason>` on stderr and no output folder;
 * the others go on. Exit 0 with failures recorded; 1 when a file named on the command line failed,
 * with --strict when any file failed, when a finding reached --fail-on, or when the output folder
 * cannot be used (checked before any work). --report adds report.html files.
 */
import { duckDbMissing } from '../analyst/duckdb.ts';
import { parseCommand, type CommandSpec } from './args.ts';
import { collectInputs } from '../batch/inputs.ts';
import { existingDocuments } from '../batch/existing.ts';
import { UsageError, parseFailOn } from './common.ts';
import { SEVERITIES } from '../model/severity.ts';
import { runBatch } from '../batch/run.ts';
import type { DocPool } from '../batch/pool.ts';
import { resolve } from 'node:path';
import { OutDirError } from '../batch/outdir.ts';
import { BATCH_SETTINGS, parseRecycle, type RecycleSettings } from '../batch/settings.ts';
import { OCR_ENGINES, OCR_MODES, type OcrMode } from '../model/options.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import { formatSummary, makeReporter, PROGRESS_MODES, resolveMode, type ProgressMode } from '../batch/progress.ts';
import { lang, t } from '../i18n/index.ts';

/** A positive integer option, or its default. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t('opt.positiveInt', { name, value }));
  return n;
}

/** The command line of `gongwen extract`, its help and defaults. */
export const EXTRACT: CommandSpec = {
  name: 'extract',
  synopsis: '<file.pdf|dir>... --out <dir> [options]',
  summary:
    'PDF → one output folder per input (document.json, text.txt, tables.json, tables/*.csv, records, findings,\n' +
    'check-summary.json) and <out>/_batch/ for the whole run. Folders are walked for *.pdf; a re-run skips finished files.',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', help: 'output folder (required)' },
    password: { type: 'string', value: '<pw>', help: 'password of encrypted PDFs' },
    report: { type: 'boolean', help: "also write each document's report.html and _batch/report.html" },
    bom: { type: 'boolean', help: 'UTF-8 byte-order mark on every CSV (Excel)' },
    raw: { type: 'boolean', help: 'CSV cells as printed, without the formula guard' },
    duckdb: { type: 'boolean', help: 'also _batch/gongwen.duckdb: documents, pages, tables, cells, records_<kind>, findings' },
    parquet: { type: 'boolean', help: 'also _batch/parquet/<table>.parquet for each of those tables' },
    xlsx: { type: 'boolean', help: 'also _batch/gongwen.xlsx and <name>/<name>.xlsx per document (typed numbers, frozen header)' },
    'fail-on': { type: 'string', value: '<severity>', default: 'none', help: 'exit 1 when a finding is at or above error|warning|info' },
    jobs: { type: 'string', short: 'j', value: '<n>', default: String(BATCH_SETTINGS.jobs), help: 'documents at once (worker processes)' },
    timeout: { type: 'string', value: '<s>', default: String(BATCH_SETTINGS.timeoutSeconds), help: 'time limit of one document, seconds' },
    'page-timeout': { type: 'string', value: '<s>', default: String(BATCH_SETTINGS.pageTimeoutSeconds), help: 'time budget of one page, seconds (over it: a page error)' },
    'max-memory': { type: 'string', value: '<MiB>', default: String(BATCH_SETTINGS.maxMemoryMiB), help: 'memory ceiling of one worker' },
    'recycle-after': { type: 'string', value: '<n>[,<m>MiB]', default: `${BATCH_SETTINGS.recycleAfterDocs}, ${BATCH_SETTINGS.recycleAtMemoryShare * 100}% of --max-memory`, help: 'replace a worker after n documents or above m MiB (0: never)' },
    'max-pages': { type: 'string', value: '<n>', default: String(BATCH_SETTINGS.maxPages), help: 'a longer PDF fails' },
    force: { type: 'boolean', help: 'redo files already done' },
    strict: { type: 'boolean', help: 'exit 1 when any file failed' },
    progress: { type: 'string', value: '<mode>', default: 'auto', help: `progress display: ${[...new Set(['auto', ...PROGRESS_MODES])].join('|')}` },
    ocr: { type: 'string', value: '<mode>', default: BATCH_SETTINGS.ocr, help: `when to OCR a page: ${OCR_MODES.join('|')}` },
    'ocr-engine': { type: 'string', value: '<engine>', default: BATCH_SETTINGS.ocrEngine, help: `OCR engine: ${OCR_ENGINES.join('|')}` },
    dpi: { type: 'string', value: '<n>', default: String(BATCH_SETTINGS.dpi), help: 'resolution of pages rendered for OCR' },
    queue: { type: 'string', value: '<url>', help: 'run the documents on `gongwen worker`s of a Redis queue: redis://HOST:PORT[/DB] (needs --data)' },
    data: { type: 'string', value: '<dir>', help: 'with --queue: the data folder the workers share (inputs are copied there)' },
  },
  examples: [
    'gongwen extract 通知.pdf --out out',
    'gongwen extract archive/ --out out --jobs 4 --report',
    'gongwen extract scans/ --out out --ocr always --dpi 200',
    'gongwen extract archive/ --out out --queue redis://10.0.0.5:6379 --data /mnt/gongwen',
    'gongwen extract 通知.pdf --out out --lang zh',
  ],
};

interface ExtractValues {
  out?: string;
  password?: string;
  report?: boolean;
  bom?: boolean;
  raw?: boolean;
  duckdb?: boolean;
  parquet?: boolean;
  xlsx?: boolean;
  'fail-on'?: string;
  jobs?: string;
  timeout?: string;
  'page-timeout'?: string;
  'max-memory'?: string;
  'recycle-after'?: string;
  'max-pages'?: string;
  force?: boolean;
  strict?: boolean;
  progress?: string;
  ocr?: string;
  'ocr-engine'?: string;
  dpi?: string;
  queue?: string;
  data?: string;
}

/** Runs the command; returns the exit code. */
export async function extractCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(EXTRACT, args);
  if (!parsed) return 0;
  const { positionals } = parsed;
  const values = parsed.values as ExtractValues;
  if (!values.out) throw new UsageError(t('extract.needsOut'));
  if (positionals.length === 0) throw new UsageError(t('extract.needsInput'));
  const failOn = parseFailOn(values['fail-on'], 'none');
  const progress = (values.progress ?? 'auto') as ProgressMode | 'auto';
  if (!PROGRESS_MODES.includes(progress)) {
    throw new UsageError(t('opt.oneOf', { name: 'progress', choices: PROGRESS_MODES.join(', '), value: String(values.progress) }));
  }
  const ocr = (values.ocr ?? BATCH_SETTINGS.ocr) as OcrMode;
  if (!OCR_MODES.includes(ocr)) throw new UsageError(t('opt.oneOf', { name: 'ocr', choices: OCR_MODES.join(', '), value: String(values.ocr) }));
  const ocrEngine = (values['ocr-engine'] ?? BATCH_SETTINGS.ocrEngine) as OcrEngineName;
  if (!OCR_ENGINES.includes(ocrEngine)) throw new UsageError(t('opt.oneOf', { name: 'ocr-engine', choices: OCR_ENGINES.join(', '), value: String(values['ocr-engine']) }));
  if (values.queue !== undefined && !/^rediss?:\/\//.test(values.queue)) throw new UsageError(`--queue expects redis://HOST:PORT[/DB], got '${values.queue}'`);
  if (values.queue !== undefined && !values.data) throw new UsageError('extract --queue needs --data <dir> (the folder the workers share)');
  if (values.data !== undefined && values.queue === undefined) throw new UsageError('--data goes with --queue');
  const options = {
    out: values.out,
    ocr,
    ocrEngine,
    dpi: positiveInt('dpi', values.dpi, BATCH_SETTINGS.dpi),
    // with --queue: documents in flight (queued or running on the workers)
    jobs: positiveInt('jobs', values.jobs, values.queue ? QUEUE_IN_FLIGHT : BATCH_SETTINGS.jobs),
    timeoutSeconds: positiveInt('timeout', values.timeout, BATCH_SETTINGS.timeoutSeconds),
    pageTimeoutSeconds: positiveInt('page-timeout', values['page-timeout'], BATCH_SETTINGS.pageTimeoutSeconds),
    maxMemoryMiB: positiveInt('max-memory', values['max-memory'], BATCH_SETTINGS.maxMemoryMiB),
    maxPages: positiveInt('max-pages', values['max-pages'], BATCH_SETTINGS.maxPages),
    password: values.password,
    bom: values.bom ?? false,
    raw: values.raw ?? false,
    duckdb: values.duckdb ?? false,
    parquet: values.parquet ?? false,
    xlsx: values.xlsx ?? false,
    force: values.force ?? false,
    report: values.report ?? false,
    lang: lang(),
    recycle: recycleOption(values['recycle-after'], positiveInt('max-memory', values['max-memory'], BATCH_SETTINGS.maxMemoryMiB)),
  };
  // names avoid the documents the output folder already holds (never nested into or around them)
  if (options.duckdb || options.parquet) {
    const missing = await duckDbMissing();
    if (missing) throw new UsageError(missing);
  }
  const inputs = await collectInputs(positionals, await existingDocuments(values.out));
  if (inputs.length === 0) throw new UsageError(t('extract.noPdf'));

  const mode = resolveMode(progress, process.stderr.isTTY === true);
  const reporter = makeReporter(
    mode,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    options.out,
  );
  let result;
  let pool: DocPool | undefined;
  try {
    if (values.queue) pool = await openQueuePool(values.queue, values.data!);
    result = await runBatch(inputs, options, reporter, pool);
  } catch (err) {
    if (err instanceof OutDirError || err instanceof QueueError) {
      console.error(`gongwen: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await pool?.close().catch(() => undefined);
  }
  process.stderr.write(formatSummary(result.done, result.entries));
  const limit = failOn === 'none' ? -1 : SEVERITIES.indexOf(failOn);
  const reachedFailOn = result.entries.some(
    (e) => e.status !== 'failed' && SEVERITIES.some((s, i) => i <= limit && e.findings[s] > 0),
  );
  // a file named on the command line that failed is an error for the script that named it; files
  // found by walking a folder are a batch: failures are recorded, exit 1 only with --strict
  const failedIndex = result.entries.map((e, i) => (e.status === 'failed' ? i : -1)).filter((i) => i >= 0);
  const namedFailed = failedIndex.some((i) => inputs[i]?.explicit === true);
  return (values.strict && failedIndex.length > 0) || namedFailed || reachedFailOn ? 1 : 0;
}

/** Documents in flight with --queue when --jobs is not given (the workers' capacity decides the pace). */
const QUEUE_IN_FLIGHT = 64;

/** The Redis queue cannot be used (one line, exit 1). */
class QueueError extends Error {}

/** The batch pool of --queue (src/service/redisPool.ts, loaded only then). */
async function openQueuePool(url: string, data: string): Promise<DocPool> {
  const { RedisDocPool } = await import('../service/redisPool.ts');
  try {
    return await RedisDocPool.open(url, resolve(data));
  } catch (err) {
    throw new QueueError(`extract --queue: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** --recycle-after N[,MMiB] (see batch/settings.ts parseRecycle). */
function recycleOption(value: string | undefined, maxMemoryMiB: number): RecycleSettings {
  const r = parseRecycle(value, maxMemoryMiB);
  if (!r) throw new UsageError(t('opt.recycle', { value: String(value) }));
  return r;
}
