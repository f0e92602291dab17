/**
 * The real-world regression set (samples/realworld, issue #10): extracts every file in-process, as
 * `gongwen extract` does (extractPdf, then records and checks), and prints one row per file against
 * its hand-checked expected/ folder.
 *
 *   node bin/run-ts.mjs scripts/realworld/score.ts [--json] [--ocr auto|always|never] [name...]
 *
 * Columns: pages and read method per page (t text, o ocr, b both); tables exact/expected and found on
 * the covered pages; cell accuracy; text facts exact/all and character accuracy; repeated fake-bold
 * text; false error-level findings; the criteria that fail (and whether they are known to fail).
 */
import { OCR_MODES, type OcrMode } from '../../src/pipeline/options.ts';
import { realworldSamples, type RealworldSample } from './expected.ts';
import type { FileScore } from './measure.ts';
import { formatDetails, formatScores, scoreSample } from './run.ts';

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const at = argv.indexOf('--ocr');
  const ocr = at >= 0 ? argv[at + 1] : undefined;
  if (ocr !== undefined && !(OCR_MODES as readonly string[]).includes(ocr)) throw new Error(`--ocr: want ${OCR_MODES.join('|')}, got ${ocr}`);
  const only = argv.filter((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
  const samples = realworldSamples().filter((s) => only.length === 0 || only.includes(s.name));
  const rows: { sample: RealworldSample; score: FileScore }[] = [];
  for (const sample of samples) rows.push({ sample, score: await scoreSample(sample, ocr ? { ocr: ocr as OcrMode } : {}) });
  if (json) process.stdout.write(JSON.stringify(rows.map((r) => r.score), null, 2) + '\n');
  else process.stdout.write(`${formatScores(rows)}\n\n${formatDetails(rows)}\n`);
}

await main(process.argv.slice(2));
