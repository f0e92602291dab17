/**
 * Hostile inputs through the real CLI batch (issue #13 point 3). 30 mutated PDFs in one folder,
 * `gongwen extract <folder> --timeout 20`: the process never crashes and exits 0 (files found in a
 * folder), every input has a manifest entry with status ok/partial/failed and a one-line error.
 * The crafted bombs (bombs.ts) in another, `--timeout 60 --max-memory 1024`: each is refused or
 * capped with its reason within its bound, and the batch goes on. Seeded like fuzz.test.ts
 * (`FUZZ_SEED`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { gongwen } from '../batch/cli.ts';
import { fuzzBases } from './bases.ts';
import { mutate, mutations } from './mutate.ts';
import { hugeImage, inflatingContent, manyPathOps, recursiveForms } from './bombs.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MUTATED = 30;

/** what each bomb may end as, and the reason it must give */
const BOMBS: Record<string, { make: () => Uint8Array; status: string; error: RegExp }> = {
  // pdf.js keeps a stream's whole inflated data: only the worker's bounds stop it
  'inflate-content': { make: () => inflatingContent(2), status: 'failed', error: /^(out of memory|timeout after 60s)$/ },
  // not decoded (over 10⁸ px): the page is left with nothing on it
  'image-30000-rgb-full': { make: () => hugeImage(30000, { rgb: true, full: true }), status: 'partial', error: /^every page is blank$/ },
  'image-30000-gray-short': { make: () => hugeImage(30000, { full: false }), status: 'partial', error: /^every page is blank$/ },
  // pdf.js paints a form once per nesting chain: one stroke is left, --ocr never says so
  'form-self': { make: () => recursiveForms(false), status: 'partial', error: /^page 1: no text layer/ },
  'form-pair': { make: () => recursiveForms(true), status: 'partial', error: /^page 1: no text layer/ },
  'paths-1e7': { make: () => manyPathOps(10_000_000), status: 'partial', error: /^page 1: drawing read in part: more than [\d,]+ operators on the page$/ },
};

interface Entry {
  document: string;
  status: string;
  error: string;
}

interface Batch {
  code: number | null;
  stderr: string;
  seconds: number;
  entries: Map<string, Entry>;
  /** per document: its time in the batch, ms (json progress events) */
  ms: Map<string, number>;
  peakWorkerRssMiB: number;
}

/** Writes `files` into a new folder under `work` and runs the CLI batch on it. */
function runBatch(work: string, name: string, files: Map<string, Uint8Array>, args: string[]): Batch {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const [f, data] of files) writeFileSync(join(dir, `${f}.pdf`), data);
  const out = join(work, `${name}-out`);
  const t0 = performance.now();
  const r = gongwen(['extract', dir, '--out', out, '--jobs', '2', '--ocr', 'never', '--progress', 'json', ...args], 300_000);
  const seconds = (performance.now() - t0) / 1000;
  const lines = readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n');
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; document?: string; ms?: number; peakWorkerRssMiB?: number });
  return {
    code: r.code,
    stderr: r.stderr,
    seconds,
    entries: new Map(lines.map((l) => JSON.parse(l) as Entry).map((e) => [e.document, e])),
    ms: new Map(events.filter((e) => e.event === 'file').map((e) => [e.document!, e.ms!])),
    peakWorkerRssMiB: events.find((e) => e.event === 'done')?.peakWorkerRssMiB ?? NaN,
  };
}

/** Exit 0, one manifest entry per input: ok, partial or failed, with a one-line reason when not ok. */
function expectEveryInputRecorded(b: Batch, count: number): void {
  expect(b.code, b.stderr).toBe(0);
  expect(b.entries.size).toBe(count);
  for (const e of b.entries.values()) {
    expect(['ok', 'partial', 'failed'], e.document).toContain(e.status);
    expect(e.error, e.document).toMatch(/^[^\n]*$/);
    if (e.status !== 'ok') expect(e.error, e.document).not.toBe('');
    expect(e.error, e.document).not.toMatch(/worker crashed|worker could not start/);
  }
}

/** how many times each value occurs */
function countBy(xs: readonly string[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const x of xs) c[x] = (c[x] ?? 0) + 1;
  return c;
}

describe('fuzz: mutated PDFs and bombs through the CLI batch', () => {
  let work: string;
  let mutated: Batch;
  let bombs: Batch;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gongwen-fuzz-'));
    const bases = await fuzzBases();
    const inputs = fc.sample(fc.tuple(fc.nat({ max: bases.length - 1 }), mutations), { seed: SEED, numRuns: MUTATED });
    console.log(`batch fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run test/fuzz/batch.test.ts)`);
    mutated = runBatch(work, 'mutated', new Map(inputs.map(([b, ms], i) => [`m${String(i).padStart(2, '0')}`, mutate(bases[b]!.data, ms)])), ['--timeout', '20']);
    console.log(`${MUTATED} mutated: ${mutated.seconds.toFixed(1)} s`, countBy([...mutated.entries.values()].map((e) => e.status)));
    bombs = runBatch(work, 'bombs', new Map(Object.entries(BOMBS).map(([k, b]) => [k, b.make()])), ['--timeout', '60', '--max-memory', '1024']);
    console.log(`bombs: ${bombs.seconds.toFixed(1)} s, peak worker RSS ${bombs.peakWorkerRssMiB} MiB`);
    for (const [name, e] of bombs.entries) console.log(`  ${name}: ${e.status} '${e.error}' in ${((bombs.ms.get(name) ?? NaN) / 1000).toFixed(1)} s`);
  }, 320_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('30 mutated inputs: exit 0, each recorded ok, partial or failed with a one-line reason, none past --timeout 20', () => {
    expectEveryInputRecorded(mutated, MUTATED);
    for (const [name, ms] of mutated.ms) expect(ms, name).toBeLessThan(25_000);
  });

  it('each bomb is refused or capped with its reason within its bound; the batch goes on', () => {
    expectEveryInputRecorded(bombs, Object.keys(BOMBS).length);
    for (const [name, bomb] of Object.entries(BOMBS)) {
      const e = bombs.entries.get(name)!;
      expect(e.status, `${name}: ${e.error}`).toBe(bomb.status);
      expect(e.error, name).toMatch(bomb.error);
      // within --timeout (a few seconds' grace for the kill)
      expect(bombs.ms.get(name), name).toBeLessThan(65_000);
    }
    // the RSS watch samples: the kill comes within one poll of the 1024 MiB ceiling
    expect(bombs.peakWorkerRssMiB).toBeLessThan(1024 + 512);
  });
});
