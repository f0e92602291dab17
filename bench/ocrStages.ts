/**
 * Where OCR time goes in one document: page-level readings (det + rec of the whole page) against
 * cell re-readings (det + rec of one lattice cell's crop), counted and timed around the engine.
 *   node bin/run-ts.mjs bench/ocrStages.ts [file.pdf]      (default samples/scan-200/scan-200.pdf)
 * Prints pages, wall and CPU seconds of the extraction (model loading excluded), and per stage the
 * calls, milliseconds and megapixels given to the engine.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/ocr/engine.ts';
import type { OcrEngine } from '../src/ocr/types.ts';
import type { GrayImage } from '../src/raster/types.ts';
import { inThreadRunner } from '../src/pipeline/ocrRunner.ts';
import { extractPdf } from '../src/pipeline/extract.ts';

const file = process.argv[2] ?? 'samples/scan-200/scan-200.pdf';
const engine = await createEngine('ppocr');
const stats = { page: { n: 0, ms: 0, px: 0 }, cell: { n: 0, ms: 0, px: 0 } };
const timed = <T>(k: keyof typeof stats, f: (img: GrayImage) => Promise<T>) => async (img: GrayImage): Promise<T> => {
  const t0 = performance.now();
  try {
    return await f(img);
  } finally {
    stats[k].n++;
    stats[k].ms += performance.now() - t0;
    stats[k].px += img.width * img.height;
  }
};
const counted: OcrEngine = { ...engine, readLines: timed('page', engine.readLines), readCell: timed('cell', engine.readCell) };
const data = new Uint8Array(readFileSync(file));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const ex = await extractPdf({ path: file, data }, { ocr: 'always', ocrRunner: inThreadRunner(counted, false) });
const cpu = process.cpuUsage(cpu0);
console.log(`${file}: ${ex.document.pages.length} pages, ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`);
for (const [k, v] of Object.entries(stats)) console.log(`${k.padEnd(5)} readings ${String(v.n).padStart(4)}  ${v.ms.toFixed(0).padStart(6)} ms  ${(v.px / 1e6).toFixed(1).padStart(6)} Mpx`);
await engine.close();
