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
import { parseArgs } from 'node:util';
import { collectInputs } from '../batch/inputs.ts';
import { existingDocuments } from '../batch/existing.ts';
import { UsageError, parseFailOn } from './common.ts';
import { SEVERITIES } from '../model/findings.ts';
import { runBatch } from '../batch/run.ts';
import { OutDirError } from '../batch/outdir.ts';
import { BATCH_SETTINGS, parseRecycle, type RecycleSettings } from '../batch/settings.ts';
import { OCR_ENGINES, OCR_MODES, type OcrMode } from '../model/options.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import { formatSummary, makeReporter, PROGRESS_MODES, resolveMode, type ProgressMode } from '../batch/progress.ts';

/** A positive integer option, or its default. */
function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} expects a positive whole number, got '${value}'`);
  return n;
}

/** Runs the command; returns the exit code. */
export async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      password: { type: 'string' },
      bom: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      timeout: { type: 'string' },
      'max-memory': { type: 'string' },
      'max-pages': { type: 'string' },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      progress: { type: 'string' },
      report: { type: 'boolean', default: false },
      ocr: { type: 'string' },
      'ocr-engine': { type: 'string' },
      dpi: { type: 'string' },
      'recycle-after': { type: 'string' },
      'page-timeout': { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError('extract needs --out <dir>');
  if (positionals.length === 0) throw new UsageError('extract needs at least one PDF file or folder');
  const failOn = parseFailOn(values['fail-on'], 'none');
  const progress = (values.progress ?? 'auto') as ProgressMode | 'auto';
  if (!PROGRESS_MODES.includes(progress)) {
    throw new UsageError(`--progress expects ${PROGRESS_MODES.join(', ')}, got '${values.progress}'`);
  }
  const ocr = (values.ocr ?? BATCH_SETTINGS.ocr) as OcrMode;
  if (!OCR_MODES.includes(ocr)) throw new UsageError(`--ocr expects ${OCR_MODES.join(', ')}, got '${values.ocr}'`);
  const ocrEngine = (values['ocr-engine'] ?? BATCH_SETTINGS.ocrEngine) as OcrEngineName;
  if (!OCR_ENGINES.includes(ocrEngine)) throw new UsageError(`--ocr-engine expects ${OCR_ENGINES.join(', ')}, got '${values['ocr-engine']}'`);
  const options = {
    out: values.out,
    ocr,
    ocrEngine,
    dpi: positiveInt('dpi', values.dpi, BATCH_SETTINGS.dpi),
    jobs: positiveInt('jobs', values.jobs, BATCH_SETTINGS.jobs),
    timeoutSeconds: positiveInt('timeout', values.timeout, BATCH_SETTINGS.timeoutSeconds),
    pageTimeoutSeconds: positiveInt('page-timeout', values['page-timeout'], BATCH_SETTINGS.pageTimeoutSeconds),
    maxMemoryMiB: positiveInt('max-memory', values['max-memory'], BATCH_SETTINGS.maxMemoryMiB),
    maxPages: positiveInt('max-pages', values['max-pages'], BATCH_SETTINGS.maxPages),
    password: values.password,
    bom: values.bom,
    raw: values.raw,
    force: values.force,
    report: values.report,
    recycle: recycleOption(values['recycle-after'], positiveInt('max-memory', values['max-memory'], BATCH_SETTINGS.maxMemoryMiB)),
  };
  // names avoid the documents the output folder already holds (never nested into or around them)
  const inputs = await collectInputs(positionals, await existingDocuments(values.out));
  if (inputs.length === 0) throw new UsageError('no PDF files found in the given inputs');

  const mode = resolveMode(progress, process.stderr.isTTY === true);
  const reporter = makeReporter(
    mode,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    options.out,
  );
  let result;
  try {
    result = await runBatch(inputs, options, reporter);
  } catch (err) {
    if (err instanceof OutDirError) {
      console.error(`gongwen: ${err.message}`);
      return 1;
    }
    throw err;
  }
  process.stderr.write(formatSummary(result.done));
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

/** --recycle-after N[,MMiB] (see batch/settings.ts parseRecycle). */
function recycleOption(value: string | undefined, maxMemoryMiB: number): RecycleSettings {
  const r = parseRecycle(value, maxMemoryMiB);
  if (!r) throw new UsageError(`--recycle-after expects documents, MiB or both ('500', '1500MiB', '500,1500MiB'), got '${value}'`);
  return r;
}
