/**
 * How a batch reports its progress:
 * - `bar`   a live line on stderr (a TTY), redrawn in place: files done/total, pages read (within the
 *           files running too), failures, ETA from the page rate;
 * - `plain` one line per file on stderr (the default when stderr is not a TTY);
 * - `json`  JSON lines on stdout for scripts: {"event":"start"}, {"event":"page"} as pages are read,
 *           {"event":"file"} per file, {"event":"done"};
 * - `none`  nothing but the failures.
 * Whatever the mode, a failed file prints `gongwen: <file>: <reason>` on stderr, and the caller
 * prints the summary (formatSummary) on stderr at the end.
 */
import { join } from 'node:path';
import type { DocOutcome, ManifestEntry, SeverityCounts } from './manifest.ts';
import { reasonText, t } from '../i18n/index.ts';
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

/** A document's page progress while it runs: `pagesDone` of `pages` read (0 first, then 1, 2, … in order). */
export interface PageEvent {
  event: 'page';
  path: string;
  /** output folder relative to --out */
  document: string;
  pagesDone: number;
  pages: number;
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
  /** page progress of a running document (before its file event) */
  page(e: PageEvent): void;
  done(e: DoneEvent): void;
}

/** The mode for `--progress` (auto: bar on a TTY, else plain). */
export function resolveMode(mode: ProgressMode | 'auto', stderrIsTty: boolean): ProgressMode {
  return mode === 'auto' ? (stderrIsTty ? 'bar' : 'plain') : mode;
}

type Write = (s: string) => void;

/** `gongwen: <file>: <reason>` (the reason in the current language; the event keeps it in English). */
const errLine = (e: FileEvent): string => `gongwen: ${e.path}: ${e.error ? reasonText(e.error) : t('status.failed')}\n`;

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
        page: (e) => out(JSON.stringify(e) + '\n'),
        file: (e) => {
          out(JSON.stringify(e) + '\n');
          if (e.status === 'failed') err(errLine(e));
        },
        done: (e) => out(JSON.stringify(e) + '\n'),
      };
    case 'plain':
      return {
        start: () => undefined,
        page: () => undefined,
        file: (e) => err(plainLine(e, outDir)),
        done: () => undefined,
      };
    case 'none':
      return {
        start: () => undefined,
        page: () => undefined,
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
  if (e.status === 'skipped') return t('progress.skipped', { path: e.path, dir, outcome: t(`status.${e.outcome}`) }) + '\n';
  const f = e.findings;
  return (
    t('progress.file', { status: t(`status.${e.status}`), path: e.path, dir, pages: e.pages, tables: e.tables, documents: e.documents, counts: t('sev.counts', { ...f }), ms: e.ms }) +
    (e.status === 'partial' && e.error ? ` — ${reasonText(e.error)}` : '') +
    '\n'
  );
}

/**
 * The live bar: one line redrawn with '\r' + erase-line; failures printed above it. The bar fills by
 * files, a running file counting by its share of pages read; pages count those of running files too.
 */
class BarReporter implements Reporter {
  private total = 0;
  private done_ = 0;
  /** pages of the files finished in this run (skipped ones not counted) */
  private pages = 0;
  /** files finished in this run (not skipped) */
  private read = 0;
  private failed = 0;
  private started = 0;
  private bytesDone = 0;
  private bytesTotal = 0;
  private lastDraw = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  /** running files: path → pages read, pages */
  private running = new Map<string, { done: number; pages: number }>();
  private eta = new SettlingEta();

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

  page(e: PageEvent): void {
    this.running.set(e.path, { done: e.pagesDone, pages: e.pages });
    this.draw(false);
  }

  file(e: FileEvent, bytesDone: number, bytesTotal: number): void {
    this.running.delete(e.path);
    this.done_++;
    if (e.status !== 'skipped') this.read++;
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

  /** Seconds left: pages still to read over the page rate of this run (bytes before any page is known). */
  private remaining(elapsed: number): number | null {
    if (this.done_ === this.total) return 0;
    let pagesNow = this.pages;
    let knownLeft = 0;
    for (const r of this.running.values()) {
      pagesNow += r.done;
      knownLeft += r.pages - r.done;
    }
    const started = this.read + this.running.size;
    const unstarted = Math.max(0, this.total - this.done_ - this.running.size);
    if (pagesNow > 0 && elapsed > 0 && started > 0) {
      const perFile = (this.pages + [...this.running.values()].reduce((a, r) => a + r.pages, 0)) / started;
      return (knownLeft + unstarted * perFile) / (pagesNow / elapsed);
    }
    if (this.bytesDone > 0 && this.bytesTotal > this.bytesDone) return (elapsed / this.bytesDone) * (this.bytesTotal - this.bytesDone);
    return null;
  }

  private draw(force: boolean): void {
    const at = this.now();
    if (!force && at - this.lastDraw < BATCH_SETTINGS.barRedrawMs) return;
    this.lastDraw = at;
    const width = 24;
    let share = this.done_;
    let pagesNow = this.pages;
    for (const r of this.running.values()) {
      share += r.pages > 0 ? r.done / r.pages : 0;
      pagesNow += r.done;
    }
    const filled = this.total === 0 ? width : Math.min(width, Math.round((share / this.total) * width));
    const elapsed = (at - this.started) / 1000;
    const left = this.eta.update(this.remaining(elapsed), elapsed);
    const eta = left === null ? '…' : formatDuration(left);
    this.err(
      `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` +
        t('progress.bar', { done: this.done_, total: this.total, pages: pagesNow, failed: this.failed, elapsed: formatDuration(elapsed), eta }),
    );
  }
}

/**
 * An ETA that settles: each new estimate is blended into the previous one counted down by the time
 * since (weight 1 − e^(−Δt/τ), τ = `tauSeconds`), so a single slow or fast page moves it little.
 */
export class SettlingEta {
  private shown: number | null = null;
  private at = 0;

  constructor(private readonly tauSeconds = 5) {}

  /** `estimate` seconds left at `elapsed` seconds (null: unknown) → the seconds to show. */
  update(estimate: number | null, elapsed: number): number | null {
    if (estimate === null) return this.shown === null ? null : Math.max(0, this.shown - (elapsed - this.at));
    if (estimate === 0 || this.shown === null) {
      this.shown = estimate;
    } else {
      const dt = Math.max(0, elapsed - this.at);
      const w = 1 - Math.exp(-dt / this.tauSeconds);
      this.shown = w * estimate + (1 - w) * Math.max(0, this.shown - dt);
    }
    this.at = elapsed;
    return this.shown;
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

/** at most this many files are named under each heading of the summary */
export const SUMMARY_FILES = 10;

/** Lines naming files under a heading, at most SUMMARY_FILES, then '… and N more'. */
function fileList(heading: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, SUMMARY_FILES).map((s) => `  ${s}\n`).join('');
  const more = items.length > SUMMARY_FILES ? `  ${t('summary.more', { n: items.length - SUMMARY_FILES })}\n` : '';
  return `${heading}\n${shown}${more}`;
}

/**
 * The final summary, for stderr: the counts on one line, then the files that failed (with their
 * reason) and those with error-level findings (with their count), each list capped.
 */
export function formatSummary(e: DoneEvent, entries: readonly ManifestEntry[] = []): string {
  const f = e.findings;
  const rate = e.seconds > 0 && e.pages > 0 ? t('summary.rate', { rate: (e.pages / e.seconds).toFixed(1) }) : '';
  const line = t('summary.line', {
    files: e.files, ok: e.ok, partial: e.partial, failed: e.failed, skipped: e.skipped,
    pages: e.pages, seconds: e.seconds.toFixed(1), rate, counts: t('sev.counts', { ...f }), out: e.out,
  });
  const failed = entries.filter((x) => x.status === 'failed');
  const withErrors = entries.filter((x) => x.status !== 'failed' && x.findings.error > 0);
  return (
    line + '\n' +
    fileList(t('summary.failedFiles', { n: failed.length }), failed.map((x) => t('summary.item', { path: x.path, what: reasonText(x.error || 'failed') }))) +
    fileList(t('summary.errorFiles', { n: withErrors.length }), withErrors.map((x) => t('summary.item', { path: x.path, what: t('summary.errorCount', { n: x.findings.error }) })))
  );
}
