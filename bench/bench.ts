/**
 * `npm run bench`: extracts the born-digital samples several times and prints pages/s beside
 * `pdftotext -layout` (poppler-utils) run on the same files in the same run, with the ratio;
 * then runs the real CLI (`gongwen extract <folder> --jobs 1` and `--jobs 2`, a subprocess with
 * its worker processes) on a folder holding the same files, with pages/s and the peak RSS of the
 * coordinator and of a worker (from /proc, and as the CLI's `--progress json` done event reports it).
 * Then whole-process timings (whole.ts: --help, the seed notice and a folder of 20 samples beside
 * pdf2txt and pdftotext; --no-whole skips them) and the OCR bench of ocr.ts (scanned pages, both
 * engines, beside the tesseract CLI); --no-ocr skips it.
 * `--service` runs only the Redis queue bench (redis.ts: extract --queue with 1 and 2 workers beside
 * a local --jobs 2, and the queue's overhead per job).
 * Usage: npm run bench [-- --service] [-- --reps N] [-- --no-cli] [-- --no-whole] [-- --no-ocr] [-- files...]
 *        [-- [--pages N] [--sample scan-200|scan-300|file.pdf] [--engines ppocr,tesseract] [--workers 1,2]]
 */
import { readFileSync, readdirSync, existsSync, copyFileSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { extractPdf } from '../src/pipeline/extract.ts';
import { ROOT, hasCommand, mib, pdfPages, runGongwen, tempDir } from './lib.ts';
import { OCR_ARGS, ocrOptions, runOcrBench } from './ocr.ts';
import { runWholeBench } from './whole.ts';
import { runRedisBench } from './redis.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '5' },
    'no-cli': { type: 'boolean', default: false },
    'no-ocr': { type: 'boolean', default: false },
    'no-whole': { type: 'boolean', default: false },
    service: { type: 'boolean', default: false },
    ...OCR_ARGS,
  },
});
const reps = Math.max(1, Number(values.reps));

/** Whether a sample has pages meant for OCR (its source.json says so: scans, mixed, broken text layers). */
function needsOcr(dir: string): boolean {
  const src = join(dir, 'source.json');
  if (!existsSync(src)) return false;
  const pages = (JSON.parse(readFileSync(src, 'utf8')) as { pages?: { method?: string }[] }).pages ?? [];
  return pages.some((p) => p.method !== undefined && p.method !== 'text');
}

/** The born-digital sample PDFs (those that need OCR are in ocr.ts), planted variants optional. */
function sampleFiles(withPlanted: boolean): string[] {
  const root = join(ROOT, 'samples');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !needsOcr(join(root, d.name)) && (withPlanted || !d.name.startsWith('planted-')))
    .map((d) => join(root, d.name, `${d.name}.pdf`))
    .filter((p) => existsSync(p));
}

if (values.service) {
  await runRedisBench(positionals.length > 0 ? positionals : sampleFiles(true), 2);
  process.exit(0);
}

const files = positionals.length > 0 ? positionals : sampleFiles(false);
const datas = files.map((f) => new Uint8Array(readFileSync(f)));

async function timeGongwen(): Promise<{ seconds: number; pages: number; perFile: number[] }> {
  let pages = 0;
  const perFile = files.map(() => 0);
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < files.length; i++) {
      const t = performance.now();
      const ex = await extractPdf({ path: files[i]!, data: datas[i]! });
      perFile[i]! += performance.now() - t;
      pages += ex.document.source.pages;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, pages, perFile: perFile.map((ms) => ms / reps) };
}

function timePdftotext(): { seconds: number; pages: number } | null {
  if (!hasCommand('pdftotext', ['-v'])) return null;
  let pages = 0;
  const counts = files.map(pdfPages);
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < files.length; i++) {
      spawnSync('pdftotext', ['-layout', files[i]!, '-'], { maxBuffer: 1 << 28 });
      pages += counts[i]!;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, pages };
}

// warm-up: module loading, pdf.js worker setup, JIT
await extractPdf({ path: files[0]!, data: datas[0]! });
const g = await timeGongwen();
const p = timePdftotext();
const rssMiB = process.resourceUsage().maxRSS / 1024;

console.log(`files: ${files.length}, repetitions: ${reps}`);
files.forEach((f, i) => console.log(`  ${f.split('/').pop()}: ${g.perFile[i]!.toFixed(0)} ms per extraction`));
const gRate = g.pages / g.seconds;
console.log(`gongwen extract      : ${gRate.toFixed(1)} pages/s (${g.pages} pages in ${g.seconds.toFixed(2)} s, in-process)`);
if (p) {
  const pRate = p.pages / p.seconds;
  console.log(`pdftotext -layout    : ${pRate.toFixed(1)} pages/s (${p.pages} pages in ${p.seconds.toFixed(2)} s, one process per file)`);
  console.log(`ratio (time gongwen / time pdftotext): ${(pRate / gRate).toFixed(2)}×`);
} else {
  console.log('pdftotext not found (apt-get install poppler-utils): no anchor');
}
console.log(`peak RSS: ${rssMiB.toFixed(0)} MiB`);

/** Every born-digital sample PDF (planted variants included), or the files given. */
function cliFiles(): string[] {
  return positionals.length > 0 ? positionals : sampleFiles(true);
}

if (!values['no-cli']) {
  const folder = tempDir('in');
  const batch = cliFiles();
  batch.forEach((f, i) => copyFileSync(f, join(folder, `${i}-${basename(f)}`)));
  console.log(`\nCLI on a folder of ${batch.length} sample PDFs (whole command: start-up, workers, review, writing outputs):`);
  const rates: number[] = [];
  for (const jobs of [1, 2]) {
    const c = await runGongwen(folder, ['--jobs', String(jobs)]);
    const pages = c.done.pages;
    rates.push(pages / c.seconds);
    console.log(
      `gongwen extract --jobs ${jobs}: ${(pages / c.seconds).toFixed(1)} pages/s (${pages} pages in ${c.seconds.toFixed(2)} s), ` +
        `peak RSS: worker ${mib(c.workerKiB)} MiB, coordinator ${mib(c.coordKiB)} MiB ` +
        `(the CLI says ${c.done.peakWorkerRssMiB} and ${c.done.peakMainRssMiB})`,
    );
  }
  console.log(`speed-up --jobs 2 / --jobs 1: ${(rates[1]! / rates[0]!).toFixed(2)}×`);
  rmSync(folder, { recursive: true, force: true });
}

if (!values['no-whole']) await runWholeBench(join(ROOT, 'samples', 'seed', 'seed.pdf'), sampleFiles(true).slice(0, 20), reps);

if (!values['no-ocr']) await runOcrBench(ocrOptions(values));
