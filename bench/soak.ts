/**
 * `npm run bench:soak`: a long run (issue #13). A folder of N documents (copies of the small
 * born-digital samples, default 1,000) through `gongwen extract --jobs 2 --progress json`:
 * 1. without recycling and with `--recycle-after` (default 200 documents): each worker's resident
 *    memory after every document (the file events' workerRssMiB), printed per hundred documents,
 *    documents/min, and that nothing is lost (manifest lines = files = ok);
 * 2. kill -9 of the whole process group at 5 random moments, resumed each time: the final output
 *    tree is byte-identical to the uninterrupted run's.
 * Usage: npm run bench:soak [-- --docs N] [-- --recycle N] [-- --kills K] [-- --seed S]
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GONGWEN_BIN, ROOT, machineLine, table, tempDir } from './lib.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    recycle: { type: 'string', default: '200' },
    kills: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const DOCS = Number(values.docs);
const SAMPLES = ['lo-ruled', 'unruled', 'planted-total', 'planted-year', 'planted-seq-gap', 'lines-table'];

interface RunOutcome {
  seconds: number;
  code: number | null;
  /** per finished document, in finishing order: the worker's resident MiB after it */
  rss: number[];
  done: { ok: number; failed: number; recycledWorkers: number } | null;
}

/** Runs the CLI on `input` → `out`; `killAfterMs` kills the process group (-9) that long after the start. */
function run(input: string, out: string, extra: string[], killAfterMs?: number): Promise<RunOutcome> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [GONGWEN_BIN, 'extract', input, '--out', out, '--jobs', '2', '--progress', 'json', ...extra], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const rss: number[] = [];
  let done: RunOutcome['done'] = null;
  let buf = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    buf += s;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const e = JSON.parse(line) as { event: string; workerRssMiB?: number; ok?: number; failed?: number; recycledWorkers?: number };
      if (e.event === 'file' && e.workerRssMiB !== undefined) rss.push(e.workerRssMiB);
      if (e.event === 'done') done = { ok: e.ok!, failed: e.failed!, recycledWorkers: e.recycledWorkers! };
    }
  });
  const timer = killAfterMs === undefined ? null : setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.on('close', (code) => {
    if (timer) clearTimeout(timer);
    resolve({ seconds: (performance.now() - t0) / 1000, code, rss, done });
  }));
}

/** Every file under `dir` (the run lock left out): relative path → bytes. */
function tree(dir: string, rel = '', out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) tree(dir, r, out);
    else if (r !== '_batch/lock') out.set(r, readFileSync(join(dir, r), 'latin1'));
  }
  return out;
}

function perHundred(rss: readonly number[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < rss.length; i += 100) {
    const part = rss.slice(i, i + 100);
    rows.push([`${i + 1}–${i + part.length}`, String(Math.min(...part)), String(Math.max(...part))]);
  }
  return rows;
}

const input = tempDir('soak-in');
for (let i = 0; i < DOCS; i++) {
  const s = SAMPLES[i % SAMPLES.length]!;
  const sub = join(input, String(Math.floor(i / 100)).padStart(2, '0'));
  if (!existsSync(sub)) mkdirSync(sub);
  copyFileSync(join(ROOT, 'samples', s, `${s}.pdf`), join(sub, `${String(i).padStart(4, '0')}-${s}.pdf`));
}
console.log(machineLine());
console.log(`soak: ${DOCS} documents (copies of ${SAMPLES.join(', ')}), --jobs 2`);

const outs: Record<string, string> = {};
const summary: string[][] = [];
for (const [name, extra] of [['no recycling', ['--recycle-after', '0']], [`--recycle-after ${values.recycle}`, ['--recycle-after', values.recycle!]]] as const) {
  const out = tempDir('soak-out');
  outs[name] = out;
  const r = await run(input, out, [...extra]);
  const manifest = readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n').length;
  summary.push([name, r.seconds.toFixed(1), ((DOCS / r.seconds) * 60).toFixed(0), String(r.done?.ok ?? '?'), String(manifest), String(r.done?.recycledWorkers ?? '?'), String(Math.min(...r.rss)), String(Math.max(...r.rss)), String(r.rss.slice(-50).reduce((a, b) => Math.max(a, b), 0))]);
  console.log(`\n${name}: worker resident MiB after each document, per hundred documents (min, max):`);
  console.log(table(['documents', 'min MiB', 'max MiB'], perHundred(r.rss)));
}
console.log('\n' + table(['run', 'seconds', 'docs/min', 'ok', 'manifest lines', 'workers recycled', 'RSS min', 'RSS max', 'RSS max, last 50'], summary));

// kill -9 at random moments, resumed each time, against the uninterrupted run with the same options
const kills = Number(values.kills);
const reference = outs[`--recycle-after ${values.recycle}`]!;
const cut = tempDir('soak-cut');
let seed = Number(values.seed);
const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const totalSeconds = Number(summary[1]![1]);
const moments: string[] = [];
for (let k = 0; k < kills; k++) {
  // each run gets a random share of one kills-th of the whole time, so the kills spread over the batch
  const at = Math.round((0.3 + 0.9 * rnd()) * (totalSeconds / kills) * 1000);
  const r = await run(input, cut, ['--recycle-after', values.recycle!], at);
  const finished = existsSync(join(cut, '_batch', 'manifest.jsonl')) ? readFileSync(join(cut, '_batch', 'manifest.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')).length : 0;
  moments.push(`${(at / 1000).toFixed(1)} s (${finished} documents in the manifest${r.done ? ', finished before the kill' : ''})`);
}
const last = await run(input, cut, ['--recycle-after', values.recycle!]);
const a = tree(reference);
const b = tree(cut);
const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
console.log(`\nkill -9 of the process group after ${moments.join('; ')}; each time resumed; the last run to the end did ${last.done?.ok ?? 0} documents`);
console.log(`output tree after the kills vs the uninterrupted run: ${a.size} vs ${b.size} files, ${differing.length} differ${differing.length ? ': ' + differing.slice(0, 5).join(', ') : ''}`);
for (const d of [input, cut, ...Object.values(outs)]) rmSync(d, { recursive: true, force: true });
process.exitCode = differing.length === 0 ? 0 : 1;
