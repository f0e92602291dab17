/**
 * Whole-process timings, the way a user meets them (issue #11): each command started cold, median
 * of `reps` runs, peak RSS of its largest process, beside the anchors run in the same bench:
 * - `gongwen --help` (start-up);
 * - one born-digital notice (the 34-page seed sample): `gongwen extract` vs pdfminer's `pdf2txt`
 *   (Debian python3-pdfminer, the parser under pdfplumber) and `pdftotext -layout` (poppler-utils);
 * - a folder of 20 born-digital samples: `gongwen extract <folder> --jobs 2` vs `pdf2txt` run over
 *   the same files one after another;
 * - under each gongwen row, pdf.js alone reading the same pages' text and operator lists
 *   (bench/pdfjsFloor.mjs): the floor gongwen cannot go under with pdf.js.
 * A missing anchor is said and left out.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GONGWEN_BIN, ROOT, hasCommand, mib, table, tempDir, timedRun, type Timed } from './lib.ts';

/** pdf.js alone on the same files (bench/pdfjsFloor.mjs, plain JavaScript) */
const PDFJS_FLOOR = join(ROOT, 'bench', 'pdfjsFloor.mjs');

/** Median of the runs' wall seconds, with the largest peak RSS and the median CPU seconds. */
interface Summary {
  seconds: number;
  cpuSeconds: number | null;
  maxRssKiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function repeat(reps: number, run: () => Promise<Timed>): Promise<Summary> {
  const runs: Timed[] = [];
  for (let i = 0; i < reps; i++) {
    const r = await run();
    if (r.code !== 0) throw new Error(`bench command failed (exit ${r.code}): ${r.stderr.split('\n')[0]}`);
    runs.push(r);
  }
  const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== null);
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: cpu.length ? median(cpu) : null, maxRssKiB: Math.max(...runs.map((r) => r.maxRssKiB)) };
}

/** Runs the commands of `files` one after another as one timed shell command. */
function sequentially(cmd: string, args: (f: string) => string[], files: readonly string[]): Promise<Timed> {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = files.map((f) => [cmd, ...args(f)].map(q).join(' ') + ' > /dev/null').join(' && ');
  return timedRun('sh', ['-c', script]);
}

function row(name: string, s: Summary, base: Summary | null): string[] {
  return [name, s.seconds.toFixed(2), s.cpuSeconds === null ? '–' : s.cpuSeconds.toFixed(2), String(mib(s.maxRssKiB)), base ? (s.seconds / base.seconds).toFixed(2) + '×' : ''];
}

/** The whole-process bench: `seed` is the one large notice, `folder` the born-digital files. */
export async function runWholeBench(seed: string, folderFiles: readonly string[], reps: number): Promise<void> {
  const out = tempDir('whole-out');
  const hasPdf2txt = hasCommand('pdf2txt', ['--version']);
  const hasPdftotext = hasCommand('pdftotext', ['-v']);
  const rows: string[][] = [];

  const help = await repeat(reps, () => timedRun(process.execPath, [GONGWEN_BIN, '--help']));
  rows.push(row('gongwen --help', help, null));

  const g = await repeat(reps, () => timedRun(process.execPath, [GONGWEN_BIN, 'extract', seed, '--out', out, '--force', '--progress', 'none']));
  const p2t = hasPdf2txt ? await repeat(reps, () => timedRun('pdf2txt', [seed])) : null;
  const ptt = hasPdftotext ? await repeat(reps, () => timedRun('pdftotext', ['-layout', seed, '-'])) : null;
  // pdf.js alone, reading what gongwen reads of every page: the floor under gongwen on this stack
  const floor = await repeat(reps, () => timedRun(process.execPath, [PDFJS_FLOOR, seed]));
  rows.push(row(`gongwen extract ${basename(seed)}`, g, p2t));
  rows.push(row(`  pdf.js alone (text + operator lists)`, floor, p2t));
  if (p2t) rows.push(row(`pdf2txt ${basename(seed)}`, p2t, null));
  if (ptt) rows.push(row(`pdftotext -layout ${basename(seed)}`, ptt, null));

  const folder = tempDir('whole-in');
  folderFiles.forEach((f, i) => copyFileSync(f, join(folder, `${i}-${basename(f)}`)));
  const gf = await repeat(Math.min(reps, 3), () => timedRun(process.execPath, [GONGWEN_BIN, 'extract', folder, '--out', out, '--force', '--jobs', '2', '--progress', 'none']));
  const pf = hasPdf2txt ? await repeat(Math.min(reps, 3), () => sequentially('pdf2txt', (f) => [f], folderFiles)) : null;
  const floorF = await repeat(Math.min(reps, 3), () => timedRun(process.execPath, [PDFJS_FLOOR, ...folderFiles]));
  rows.push(row(`gongwen extract <${folderFiles.length} files> --jobs 2`, gf, pf));
  rows.push(row(`  pdf.js alone, one process, one core`, floorF, pf));
  if (pf) rows.push(row(`pdf2txt, ${folderFiles.length} files one after another`, pf, null));

  console.log(`\nWhole process, median of ${reps} (folder: of ${Math.min(reps, 3)}); ratio = wall time over the anchor's on the same input:`);
  console.log(table(['command', 'wall s', 'CPU s', 'peak RSS MiB', 'ratio'], rows));
  if (!hasPdf2txt) console.log('pdf2txt not found (apt-get install python3-pdfminer): no pdfminer anchor');
  if (!hasPdftotext) console.log('pdftotext not found (apt-get install poppler-utils): no poppler anchor');
  rmSync(out, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
}
