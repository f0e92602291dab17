/**
 * Fuzzing the extraction (issue #13 point 3): mutated small PDFs (byte flips, truncations, damaged
 * object / xref / content streams, wrong /Length, deleted keywords, duplicated objects) through
 * `extractPdf` in this process. Each input must end ok, partial with reasons, or throw
 * PdfInputError with a one-line reason — never another exception, never past its time bound.
 * Seeded: the seed is printed, `FUZZ_SEED=<n>` replays a run; `FUZZ_RUNS` sets the count.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractPdf } from '../../src/pipeline/extract.ts';
import { PdfInputError } from '../../src/read/pdfjs.ts';
import type { OcrEngine } from '../../src/ocr/types.ts';
import { fuzzBases } from './bases.ts';
import { mutate, mutations } from './mutate.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** one input may take this long (ms), measured, also when pdf.js blocks the event loop */
const INPUT_BOUND_MS = 10_000;
/**
 * the test's own time limit (ms): far above what the runs take on an idle 2-core machine, so
 * a loaded or slower machine still runs every input (the count is what is asserted, not the time)
 */
const TEST_TIMEOUT_MS = 900_000;

/** An OCR engine that reads nothing (OCR's own cost is not what is fuzzed here). */
const nullEngine: OcrEngine = {
  name: 'ppocr',
  readLines: async () => [],
  readCell: async () => [],
  close: async () => undefined,
};

type Outcome = { kind: 'ok' | 'partial' | 'failed'; reasons: string[] } | { kind: 'input'; reasons: string[] } | { kind: 'other'; reasons: string[] } | { kind: 'hang'; reasons: string[] };

/** Runs one input, bounded: a promise that never settles counts as a hang. */
async function outcome(data: Uint8Array): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome>((res) => (timer = setTimeout(() => res({ kind: 'hang', reasons: [] }), INPUT_BOUND_MS)));
  const run = extractPdf({ path: 'fuzz.pdf', data }, { engine: nullEngine, ocr: 'auto', dpi: 50, inkDpi: 30 }).then(
    (ex): Outcome => ({ kind: ex.document.status, reasons: ex.document.errors.map((e) => e.reason) }),
    (err: unknown): Outcome => (err instanceof PdfInputError ? { kind: 'input', reasons: [err.reason] } : { kind: 'other', reasons: [String(err instanceof Error ? err.stack : err)] }),
  );
  try {
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: mutated PDFs through extractPdf', () => {
  it(`≥ ${RUNS} inputs end ok, partial with reasons or PdfInputError with one line (seed ${SEED})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const bases = await fuzzBases();
    const counts: Record<string, number> = {};
    let slowest = 0;
    const started = performance.now();
    console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run test/fuzz/fuzz.test.ts)`);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bases.length - 1 }), mutations, async (b, ms) => {
        const data = mutate(bases[b]!.data, ms);
        const t0 = performance.now();
        const o = await outcome(data);
        const took = performance.now() - t0;
        slowest = Math.max(slowest, took);
        counts[o.kind] = (counts[o.kind] ?? 0) + 1;
        const what = `${bases[b]!.name} ${JSON.stringify(ms)}: ${o.kind} ${o.reasons.join(' | ')}`;
        expect(['ok', 'partial', 'failed', 'input'], what).toContain(o.kind);
        expect(took, what).toBeLessThan(INPUT_BOUND_MS);
        if (o.kind !== 'ok') expect(o.reasons.length, what).toBeGreaterThan(0);
        for (const r of o.reasons) expect(r, what).toMatch(/^[^\n]+$/);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms:`, counts);
    expect(total).toBeGreaterThanOrEqual(RUNS);
  });
});
