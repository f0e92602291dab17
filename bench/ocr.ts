/**
 * The OCR benchmark (`npm run bench:ocr`, or `npm run bench -- --ocr` after the born-digital one):
 * the scanned sample pages (samples/scan-200, image-only, 200 dpi) through the real CLI
 * (`gongwen extract … --ocr-engine <e> --jobs <n> --progress json --force`) for each engine with
 * 1 and 2 workers, two ways:
 *   folder   a folder of single-page PDFs (qpdf --split-pages): documents in parallel;
 *   one-doc  the one multi-page PDF: whatever the CLI does inside one document with --jobs n;
 * and, in the same run, the Debian `tesseract` CLI (-l chi_sim --psm 3, TSV) on the same page
 * images (pdfimages, native resolution), one process at a time and two in parallel.
 * Prints one table: wall seconds, pages/min, CPU per page, others' CPU share (contention),
 * peak RSS of the coordinator and of a worker (from /proc, and as the CLI reports it), the
 * time-per-page ratio against the tesseract CLI with as many processes.
 * Usage: npm run bench:ocr [-- --pages N] [-- --sample scan-200|scan-300|file.pdf]
 *        [-- --engines ppocr,tesseract] [-- --workers 1,2]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  HAS_GNU_TIME, ROOT, hasCommand, machineLine, measured, mib, pdfPages, runGongwen, table, tempDir, timedRun,
  type CliRun, type Timed,
} from './lib.ts';

/** The options of the OCR bench (parseArgs form, also accepted by bench.ts). */
export const OCR_ARGS = {
  pages: { type: 'string' },
  sample: { type: 'string', default: 'scan-200' },
  engines: { type: 'string', default: 'ppocr,tesseract' },
  workers: { type: 'string', default: '1,2' },
} as const;

export interface OcrBenchOptions {
  /** first N pages only (all when undefined) */
  pages?: number;
  /** a sample name (samples/<name>/<name>.pdf) or a PDF path */
  sample: string;
  engines: string[];
  workers: number[];
}

const positive = (name: string, s: string): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects positive whole numbers, got '${s}'`);
  return n;
};

/** Options from parsed arguments. */
export function ocrOptions(v: { pages?: string; sample?: string; engines?: string; workers?: string }): OcrBenchOptions {
  return {
    pages: v.pages === undefined ? undefined : positive('pages', v.pages),
    sample: v.sample ?? 'scan-200',
    engines: (v.engines ?? 'ppocr,tesseract').split(',').filter(Boolean),
    workers: (v.workers ?? '1,2').split(',').filter(Boolean).map((w) => positive('workers', w)),
  };
}

/** Notes printed under the table: one line per message, naming the runs that gave it. */
class Notes {
  private byMessage = new Map<string, string[]>();
  private helperRuns: { who: string[]; comms: Set<string>; most: number; maxKiB: number } = { who: [], comms: new Set(), most: 0, maxKiB: 0 };

  add(who: string, message: string): void {
    this.byMessage.set(message, [...(this.byMessage.get(message) ?? []), who]);
  }

  /** processes in a run's tree that are neither the coordinator nor a worker */
  helpers(who: string, h: CliRun['helpers']): void {
    const r = this.helperRuns;
    r.who.push(who);
    h.comms.forEach((c) => r.comms.add(c));
    r.most = Math.max(r.most, h.count);
    r.maxKiB = Math.max(r.maxKiB, h.maxKiB);
  }

  lines(): string[] {
    const out = [...this.byMessage].map(([m, who]) => `note: ${who.join('; ')}: ${m}`);
    const r = this.helperRuns;
    if (r.who.length > 0) {
      out.push(
        `note: other processes in the tree (${[...r.comms].join(', ')}; up to ${r.most} at a time, ≤ ${mib(r.maxKiB)} MiB each), ` +
          `counted in RSS tree only, in: ${r.who.join('; ')}`,
      );
    }
    return out;
  }
}

/** One row of the result table. */
interface Row {
  engine: string;
  mode: string;
  workers: number;
  pages: number;
  seconds: number;
  cpuSeconds: number | null;
  othersCpu: number | null;
  coordKiB: number | null;
  workerKiB: number;
  treeKiB: number | null;
  cliReported: string;
  procs: number;
  threads: number;
  /** ratio key: the tesseract CLI row with as many processes */
  anchor: boolean;
}

const ENGINE_LABEL: Record<string, string> = { ppocr: 'ppocr', tesseract: 'tesseract.js' };

/** Runs the OCR bench and prints its table. */
export async function runOcrBench(o: OcrBenchOptions): Promise<void> {
  const pdf = o.sample.toLowerCase().endsWith('.pdf') ? resolve(o.sample) : join(ROOT, 'samples', o.sample, `${o.sample}.pdf`);
  if (!existsSync(pdf)) throw new Error(`no such sample: ${pdf}`);
  if (!hasCommand('pdfinfo', ['-v'])) {
    console.log('pdfinfo not found (apt-get install poppler-utils): the OCR bench needs it; skipped');
    return;
  }
  const total = pdfPages(pdf);
  const work = tempDir('ocr');
  const notes = new Notes();
  try {
    console.log(`\nOCR bench — ${machineLine()}`);
    // the inputs: the first N pages as one PDF, and as a folder of one-page PDFs
    let n = Math.min(o.pages ?? total, total);
    let doc = pdf;
    let folder: string | null = null;
    if (hasCommand('qpdf')) {
      if (n < total) {
        doc = join(work, `${basename(pdf, '.pdf')}-${n}p.pdf`);
        run('qpdf', [pdf, '--pages', pdf, `1-${n}`, '--', doc]);
      }
      folder = join(work, 'pages');
      mkdirSync(folder);
      run('qpdf', ['--split-pages', doc, join(folder, 'page-%d.pdf')]);
    } else {
      console.log('qpdf not found (apt-get install qpdf): no folder rows, --pages ignored');
      n = total;
    }
    console.log(`pages: ${n} of ${pdf.slice(ROOT.length + 1)} (${total} pages)${HAS_GNU_TIME ? '' : '; /usr/bin/time not found (apt-get install time): no CPU figures'}`);

    const rows: Row[] = [];
    // the anchor: Debian's tesseract CLI on the same page images
    const images = tesseractReady() ? pageImages(doc, n, join(work, 'img'), notes) : null;
    if (images) {
      await timedTesseract(images.files, 1, images.dpi, true); // warm-up: traineddata into the page cache
      for (const w of o.workers) rows.push(await tesseractRow(images.files, w, images.dpi, true, notes));
      rows.push(await tesseractRow(images.files, 1, images.dpi, false, notes));
    }

    // gongwen: warm-up (models and code into the page cache), then every engine × mode × workers
    const warm = folder ? join(folder, readdirSync(folder).sort()[0]!) : doc;
    for (const engine of o.engines) {
      await runGongwen(warm, ['--ocr-engine', engine, '--jobs', '1']).catch(() => undefined);
      const modes: [string, string][] = [...(folder ? [['folder', folder] as [string, string]] : []), ['one-doc', doc]];
      for (const [mode, input] of modes) {
        for (const w of o.workers) {
          const row = await gongwenRow(engine, mode, input, w, n, notes);
          if (row) rows.push(row);
        }
      }
    }
    printTable(rows, notes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  // qpdf exits 3 on warnings (output written)
  if (r.error || (r.status !== 0 && !(cmd === 'qpdf' && r.status === 3))) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  }
  return r.stdout;
}

/** Whether the tesseract CLI with chi_sim is there; says how to install it when not. */
function tesseractReady(): boolean {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (r.error) {
    console.log('tesseract not found (apt-get install tesseract-ocr tesseract-ocr-chi-sim): no tesseract CLI anchor');
    return false;
  }
  if (!/^chi_sim$/m.test(r.stdout + r.stderr)) {
    console.log('tesseract has no chi_sim (apt-get install tesseract-ocr-chi-sim): no tesseract CLI anchor');
    return false;
  }
  return true;
}

/**
 * The page images of pages 1..n: the embedded image at its native resolution (pdfimages) when
 * every page holds exactly one, else the pages rendered grey at 200 dpi (pdftoppm).
 */
function pageImages(pdf: string, n: number, dir: string, notes: Notes): { files: string[]; dpi: number } | null {
  if (!hasCommand('pdfimages', ['-v'])) {
    console.log('pdfimages not found (apt-get install poppler-utils): no tesseract CLI anchor');
    return null;
  }
  mkdirSync(dir);
  const list = run('pdfimages', ['-list', '-f', '1', '-l', String(n), pdf])
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image');
  const perPage = new Map<number, number>();
  for (const c of list) perPage.set(Number(c[0]), (perPage.get(Number(c[0])) ?? 0) + 1);
  const onePerPage = perPage.size === n && [...perPage.values()].every((k) => k === 1);
  const ppi = onePerPage ? Math.round(Number(list[0]?.[12])) : NaN;
  if (onePerPage && Number.isFinite(ppi) && ppi > 0) {
    run('pdfimages', ['-j', '-p', '-f', '1', '-l', String(n), pdf, join(dir, 'img')]);
    return { files: readdirSync(dir).sort().map((f) => join(dir, f)), dpi: ppi };
  }
  notes.add('tesseract CLI', 'pages are not one image each; rendered with pdftoppm -r 200 -gray');
  run('pdftoppm', ['-r', '200', '-gray', '-png', '-f', '1', '-l', String(n), pdf, join(dir, 'page')]);
  return { files: readdirSync(dir).sort().map((f) => join(dir, f)), dpi: 200 };
}

/** The tesseract CLI on every image, `w` processes at a time; OMP_THREAD_LIMIT=1 when `oneThread`. */
function timedTesseract(files: string[], w: number, dpi: number, oneThread: boolean) {
  const env = oneThread ? { ...process.env, OMP_THREAD_LIMIT: '1' } : process.env;
  return measured(files, w, (img) =>
    timedRun('tesseract', [img, img.replace(/\.\w+$/, ''), '-l', 'chi_sim', '--psm', '3', '--dpi', String(dpi), 'tsv'], env),
  );
}

async function tesseractRow(files: string[], w: number, dpi: number, oneThread: boolean, notes: Notes): Promise<Row> {
  const m = await timedTesseract(files, w, dpi, oneThread);
  const failed = m.results.filter((r) => r.code !== 0);
  if (failed.length > 0) notes.add('tesseract CLI', `${failed.length} page(s) failed: ${failed[0]!.stderr.trim().slice(0, 200)}`);
  const cpu = sumCpu(m.results);
  return {
    engine: oneThread ? 'tesseract CLI' : 'tesseract CLI, OpenMP',
    mode: 'images',
    workers: w,
    pages: files.length,
    seconds: m.seconds,
    cpuSeconds: cpu,
    othersCpu: m.othersCpu(cpu ?? 0),
    coordKiB: null,
    workerKiB: Math.max(...m.results.map((r) => r.maxRssKiB)),
    treeKiB: null,
    cliReported: '',
    procs: Math.min(w, files.length),
    threads: Math.max(...m.results.flatMap((r) => [...r.tree.procs.values()].map((p) => p.threads))),
    anchor: oneThread,
  };
}

function sumCpu(rs: Timed[]): number | null {
  return rs.every((r) => r.cpuSeconds !== null) ? rs.reduce((a, r) => a + r.cpuSeconds!, 0) : null;
}

/** One CLI run; null (and a note) when it gave no result. */
async function gongwenRow(engine: string, mode: string, input: string, w: number, n: number, notes: Notes): Promise<Row | null> {
  const label = `${ENGINE_LABEL[engine] ?? engine} ${mode} --jobs ${w}`;
  let ocrPages = 0;
  const inspect = (out: string): void => {
    ocrPages = documentJsons(out).reduce((a, f) => a + ocrPageCount(f), 0);
  };
  let m: Awaited<ReturnType<typeof measured<string, CliRun>>>;
  try {
    m = await measured([input], 1, (i) => runGongwen(i, ['--ocr-engine', engine, '--jobs', String(w)], inspect));
  } catch (err) {
    notes.add(label, (err as Error).message);
    return null;
  }
  const c = m.results[0]!;
  const bad = c.files.filter((f) => f.status !== 'ok');
  for (const f of bad) notes.add(label, `${basename(f.path)} ${f.status}${f.error ? `: ${f.error}` : ''}`);
  if (c.done.pages !== n) notes.add(label, `the CLI read ${c.done.pages} of ${n} pages`);
  if (ocrPages !== n) notes.add(label, `${ocrPages} of ${n} pages went through OCR (document.json)`);
  if (c.helpers.count > 0) notes.helpers(label, c.helpers);
  if (c.code !== 0) notes.add(label, `exit code ${c.code}`);
  return {
    engine: ENGINE_LABEL[engine] ?? engine,
    mode,
    workers: w,
    pages: c.done.pages,
    seconds: m.seconds,
    cpuSeconds: c.cpuSeconds,
    othersCpu: m.othersCpu(c.cpuSeconds ?? 0),
    coordKiB: c.coordKiB,
    workerKiB: c.workerKiB,
    treeKiB: c.tree.peakSumKiB,
    cliReported: `${c.done.peakMainRssMiB}/${c.done.peakWorkerRssMiB}`,
    procs: c.workers,
    threads: c.workerThreads,
    anchor: false,
  };
}

/** The document.json files of an output folder (the batch folder left out). */
function documentJsons(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => basename(f) === 'document.json' && !f.startsWith('_batch'))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function ocrPageCount(file: string): number {
  const d = JSON.parse(readFileSync(file, 'utf8')) as { pages?: { method?: string }[] };
  return (d.pages ?? []).filter((p) => p.method === 'ocr' || p.method === 'both').length;
}

function printTable(rows: Row[], notes: Notes): void {
  const anchor = (w: number): Row | undefined => rows.find((r) => r.anchor && r.workers === w);
  const f1 = (x: number): string => x.toFixed(1);
  const body = rows.map((r) => {
    const a = anchor(r.workers);
    return [
      r.engine,
      r.mode,
      String(r.workers),
      String(r.pages),
      f1(r.seconds),
      f1((r.pages / r.seconds) * 60),
      r.cpuSeconds === null ? '-' : f1(r.cpuSeconds / r.pages),
      r.othersCpu === null ? '-' : `${Math.round(r.othersCpu * 100)}%`,
      r.coordKiB === null ? '-' : String(mib(r.coordKiB)),
      String(mib(r.workerKiB)),
      r.treeKiB === null ? '-' : String(mib(r.treeKiB)),
      r.cliReported || '-',
      `${r.procs}/${r.threads}`,
      a && !r.anchor ? `${(r.seconds / r.pages / (a.seconds / a.pages)).toFixed(1)}×` : '-',
    ];
  });
  console.log(
    table(
      ['engine', 'mode', 'workers', 'pages', 'wall s', 'pages/min', 'CPU s/page', 'others CPU', 'RSS coord', 'RSS worker', 'RSS tree', 'CLI says c/w', 'procs/thr', '× tess CLI'],
      body,
    ),
  );
  const speedUps = rows
    .filter((r) => r.workers === 1)
    .flatMap((r1) => {
      const r2 = rows.find((r) => r.engine === r1.engine && r.mode === r1.mode && r.workers === 2);
      return r2 ? [`${r1.engine} ${r1.mode} ${(r1.seconds / r1.pages / (r2.seconds / r2.pages)).toFixed(2)}×`] : [];
    });
  if (speedUps.length > 0) console.log(`speed-up, 2 workers over 1: ${speedUps.join(', ')}`);
  console.log(
    [
      'wall s: the whole command (start-up, model loading, OCR, tables, checks, outputs); gongwen reads tables cell by cell,',
      '  the tesseract CLI reads whole pages (-l chi_sim --psm 3, TSV), one process per page image, OMP_THREAD_LIMIT=1',
      '  ("OpenMP": threads as Debian builds it). × tess CLI: time per page over the tesseract CLI\'s with as many workers.',
      'CPU s/page: user + system time of the command and its workers (GNU time). others CPU: share of the machine\'s CPU',
      '  used meanwhile by other processes (/proc/stat): timings are contended when it is high.',
      'RSS (MiB): peak resident set per process (VmHWM in /proc, polled every 100 ms; threads and native memory such as',
      '  onnxruntime and OCR worker threads included); worker: the largest worker process; tree: the highest sum over',
      '  all processes of the command at one poll. CLI says c/w: peakMainRssMiB/peakWorkerRssMiB of the CLI\'s',
      '  done event. procs/thr: worker processes seen / most threads in one.',
    ].join('\n'),
  );
  for (const line of notes.lines()) console.log(line);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: OCR_ARGS });
  await runOcrBench(ocrOptions(values));
}
