/**
 * `npm run bench`: extracts the born-digital samples several times and prints pages/s beside
 * `pdftotext -layout` (poppler-utils) run on the same files in the same run, with the ratio.
 * Usage: npm run bench [-- --reps N] [-- files...]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { extractPdf } from '../src/pipeline/extract.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '5' } },
});
const reps = Math.max(1, Number(values.reps));

function defaultFiles(): string[] {
  const root = join(import.meta.dirname, '..', 'samples');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('planted-'))
    .map((d) => join(root, d.name, `${d.name}.pdf`))
    .filter((p) => existsSync(p));
}

const files = positionals.length > 0 ? positionals : defaultFiles();
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
