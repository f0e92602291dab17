/**
 * How a batch reports its progress:
 * - `bar`   a live line on stderr (a TTY), redrawn in place: files done/total, pages, failures, ETA;
 * - `plain` one line per file on stderr (the default when stderr is not a TTY);
 * - `json`  JSON lines on stdout for scripts: {"event":"start"}, {"event":"file"} per file, {"event":"done"};
 * - `none`  nothing but the failures.
 * Whatever the mode, a failed file prints `gongwen: <file>: <reason>` on stderr, and the caller
 * prints the summary (formatSummary) on stderr at the end.
 */
import { join } from 'node:path';
import type { DocOutcome, SeverityCounts } from './manifest.ts';
import { BATCH_SETTINGS } from './settings.ts';

export type ProgressMode = 'bar' | 'plain' | 'json' | 'none';
export const PROGRESS_MODES: readonly (ProgressMode | 'auto')[] = ['auto', 'bar', 'plain', 'json', 'none'];

export interface StartEvent {
  event: 'start';
  version: string;
  files: number;
  jobs: number;
  out: string;
}

export interface FileEvent {
  event: 'file';
  status: DocOutcome | 'skipped';
  /** the document's outcome (for a skipped file: as recorded by the run that did it) */
  outcome: DocOutcome;
  path: string;
  /** output folder relative to --out */
  document: string;
  sha256: string;
  pages: number;
  tables: number;
  documents: number;
  findings: SeverityCounts;
  error?: string;
  ms: number;
  /** the worker's resident set right after the document, MiB (absent when skipped or it died) */
  workerRssMiB?: number;
}

export interface DoneEvent {
  event: 'done';
  files: number;
  ok: number;
  partial: number;
  failed: number;
  skipped: number;
  /** pages of the documents read in this run */
  pages: number;
  seconds: number;
  /** findings of every ok/partial document of the batch (skipped ones included) */
  findings: SeverityCounts;
  /** peak resident set size of a worker process, MiB (0 when no worker ran) */
  peakWorkerRssMiB: number;
  /** peak resident set size of the coordinating process, MiB */
  peakMainRssMiB: number;
  /** workers replaced by --recycle-after during the run */
  recycledWorkers: number;
  out: string;
}

export interface Reporter {
  start(e: StartEvent): void;
  /** `bytesDone`/`bytesTotal`: input bytes finished and in the batch (for the ETA) */
  file(e: FileEvent, bytesDone: number, bytesTotal: number): void;
  done(e: DoneEvent): void;
}

/** The mode for `--progress` (auto: bar on a TTY, else plain). */
export function resolveMode(mode: ProgressMode | 'auto', stderrIsTty: boolean): ProgressMode {
  return mode === 'auto' ? (stderrIsTty ? 'bar' : 'plain') : mode;
}

type Write = (s: string) => void;

const errLine = (e: FileEvent): string => `gongwen: ${e.path}: ${e.error ?? 'failed'}\n`;

/** A reporter writing to the given streams (stdout for json events, stderr for the rest). */
export function makeReporter(
  mode: ProgressMode,
  out: Write,
  err: Write,
  outDir: string,
  now: () => number = () => performance.now(),
): Reporter {
  switch (mode) {
    case 'json':
      return {
        start: (e) => out(JSON.stringify(e) + '\n'),
        file: (e) => {
          out(JSON.stringify(e) + '\n');
          if (e.status === 'failed') err(errLine(e));
        },
        done: (e) => out(JSON.stringify(e) + '\n'),
      };
    case 'plain':
      return {
        start: () => undefined,
        file: (e) => err(plainLine(e, outDir)),
        done: () => undefined,
      };
    case 'none':
      return {
        start: () => undefined,
        file: (e) => (e.status === 'failed' ? err(errLine(e)) : undefined),
        done: () => undefined,
      };
    case 'bar':
      return new BarReporter(err, now);
  }
}

/** The per-file line of plain mode. */
export function plainLine(e: FileEvent, outDir: string): string {
  if (e.status === 'failed') return errLine(e);
  const dir = join(outDir, ...e.document.split('/'));
  if (e.status === 'skipped') return `skipped ${e.path} → ${dir} (done before: ${e.outcome})\n`;
  const f = e.findings;
  return (
    `${e.status} ${e.path} → ${dir} (${e.pages} pages, ${e.tables} tables, ${e.documents} 公文, ` +
    `findings: ${f.error} error, ${f.warning} warning, ${f.info} info, ${e.ms} ms)` +
    (e.status === 'partial' && e.error ? ` — ${e.error}` : '') +
    '\n'
  );
}

/** The live bar: one line redrawn with '\r' + erase-line; failures printed above it. */
class BarReporter implements Reporter {
  private total = 0;
  private done_ = 0;
  private pages = 0;
  private failed = 0;
  private started = 0;
  private bytesDone = 0;
  private bytesTotal = 0;
  private lastDraw = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly err: Write,
    private readonly now: () => number,
  ) {}

  start(e: StartEvent): void {
    this.total = e.files;
    this.started = this.now();
    this.draw(true);
    this.timer = setInterval(() => this.draw(true), 1000);
    this.timer.unref();
  }

  file(e: FileEvent, bytesDone: number, bytesTotal: number): void {
    this.done_++;
    if (e.status === 'ok' || e.status === 'partial') this.pages += e.pages;
    if (e.status === 'failed') {
      this.failed++;
      this.err('\r\x1b[K' + errLine(e));
      this.lastDraw = -Infinity;
    }
    this.bytesDone = bytesDone;
    this.bytesTotal = bytesTotal;
    this.draw(this.done_ === this.total);
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.draw(true);
    this.err('\n');
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < BATCH_SETTINGS.barRedrawMs) return;
    this.lastDraw = t;
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((this.done_ / this.total) * width);
    const elapsed = (t - this.started) / 1000;
    const eta =
      this.bytesDone > 0 && this.bytesTotal > this.bytesDone
        ? formatDuration((elapsed / this.bytesDone) * (this.bytesTotal - this.bytesDone))
        : this.done_ === this.total
          ? '0:00'
          : '…';
    this.err(
      `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done_}/${this.total} files · ` +
        `${this.pages} pages · ${this.failed} failed · ${formatDuration(elapsed)} elapsed · ETA ${eta}`,
    );
  }
}

/** Seconds → 'm:ss' (or 'h:mm:ss'). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The final summary, for stderr. */
export function formatSummary(e: DoneEvent): string {
  const f = e.findings;
  const rate = e.seconds > 0 && e.pages > 0 ? `, ${(e.pages / e.seconds).toFixed(1)} pages/s` : '';
  return (
    `summary: ${e.files} files: ${e.ok} ok, ${e.partial} partial, ${e.failed} failed, ${e.skipped} skipped; ` +
    `${e.pages} pages read in ${e.seconds.toFixed(1)} s${rate}; ` +
    `findings: ${f.error} error, ${f.warning} warning, ${f.info} info; outputs in ${e.out}\n`
  );
}
