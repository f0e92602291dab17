/**
 * `npm run bench`: extracts the born-digital samples several times and prints pages/s beside
 * `pdftotext -layout` (poppler-utils) run on the same files in the same run, with the ratio;
 * then runs the real CLI (`gongwen extract <folder> --jobs 1` and `--jobs 2`, a subprocess with
 * its worker processes) on a folder holding the same files, with pages/s and the peak RSS of the
 * coordinator and of a worker (reported by the CLI's `--progress json` done event).
 * Usage: npm run bench [-- --reps N] [-- --no-cli] [-- files...]
 */
import { readFileSync, readdirSync, existsSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { extractPdf } from '../src/pipeline/extract.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '5' }, 'no-cli': { type: 'boolean', default: false } },
});
const reps = Math.max(1, Number(values.reps));

/** The born-digital sample PDFs (scanned ones need OCR, issue #4), planted variants optional. */
function sampleFiles(withPlanted: boolean): string[] {
  const root = join(import.meta.dirname, '..', 'samples');
  const scanned = (n: string) => n.startsWith('scan-') || n === 'mixed';
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !scanned(d.name) && (withPlanted || !d.name.startsWith('planted-')))
    .map((d) => join(root, d.name, `${d.name}.pdf`))
    .filter((p) => existsSync(p));
}

const files = positionals.length > 0 ? positionals : sampleFiles(false);
const datas = files.map((f) => new Uint8Array(readFileSync(f)));

function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Pages:\s+(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : 0;
}

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
  if (spawnSync('pdftotext', ['-v']).error) return null;
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

/** One run of the real CLI on a folder with `--jobs n`: wall time, pages, peak RSS from the done event. */
function timeCli(folder: string, jobs: number): { seconds: number; pages: number; workerMiB: number; mainMiB: number } {
  const out = mkdtempSync(join(tmpdir(), 'gongwen-bench-out-'));
  const bin = join(import.meta.dirname, '..', 'bin', 'gongwen.mjs');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'extract', folder, '--out', out, '--jobs', String(jobs), '--progress', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  const done = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { pages?: number; peakWorkerRssMiB?: number; peakMainRssMiB?: number };
  if (done.pages === undefined) throw new Error(`gongwen extract failed: ${r.stderr}`);
  return { seconds, pages: done.pages, workerMiB: done.peakWorkerRssMiB ?? 0, mainMiB: done.peakMainRssMiB ?? 0 };
}

/** Every born-digital sample PDF (planted variants included), or the files given. */
function cliFiles(): string[] {
  return positionals.length > 0 ? positionals : sampleFiles(true);
}

if (!values['no-cli']) {
  const folder = mkdtempSync(join(tmpdir(), 'gongwen-bench-in-'));
  const batch = cliFiles();
  batch.forEach((f, i) => copyFileSync(f, join(folder, `${i}-${basename(f)}`)));
  console.log(`\nCLI on a folder of ${batch.length} sample PDFs (whole command: start-up, workers, review, writing outputs):`);
  const rates: number[] = [];
  for (const jobs of [1, 2]) {
    const c = timeCli(folder, jobs);
    rates.push(c.pages / c.seconds);
    console.log(
      `gongwen extract --jobs ${jobs}: ${(c.pages / c.seconds).toFixed(1)} pages/s (${c.pages} pages in ${c.seconds.toFixed(2)} s), ` +
        `peak RSS: worker ${c.workerMiB} MiB, coordinator ${c.mainMiB} MiB`,
    );
  }
  console.log(`speed-up --jobs 2 / --jobs 1: ${(rates[1]! / rates[0]!).toFixed(2)}×`);
  rmSync(folder, { recursive: true, force: true });
}
