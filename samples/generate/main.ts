/**
 * Regenerates the sample PDFs and their expected outputs:
 *   node bin/run-ts.mjs samples/generate/main.ts [name...]      (default: all)
 * Names: seed, seed-type3, lo-ruled, lines-table, unruled, wrapped-caption, spans-continued, subject-table, subject-planted, budget-captions, budget-layouts, stream-chromium, stream-lo, stream-pdflib, planted-<variant> (planted-variants.ts),
 * scan-200, scan-300, mixed, garbled, no-tounicode, both; 'planted' for all planted variants and
 * 'broken-text' for garbled + no-tounicode.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeed } from './seed.ts';
import { buildLoRuled } from './lo-ruled.ts';
import { buildLinesTable } from './lines-table.ts';
import { buildUnruled } from './unruled.ts';
import { buildWrappedCaption } from './wrapped-caption.ts';
import { buildSpansContinued } from './spans-continued.ts';
import { buildSubjectPlanted, buildSubjectTable } from './subject-table.ts';
import { buildBudgetCaptions } from './budget-captions.ts';
import { buildBudgetLayouts } from './budget-layouts.ts';
import { buildStreamChromium, buildStreamLo, buildStreamPdfLib } from './stream-varied.ts';
import { plantedBuilders } from './planted.ts';
import { scanBuilders } from './scan.ts';
import { brokenTextBuilders } from './broken-text.ts';
import { bothBuilders } from './both.ts';
import { disclosureBuilders } from './disclosure.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const builders: Record<string, () => void | Promise<void>> = {
  seed: () => buildSeed(root, 'seed'),
  'seed-type3': () => buildSeed(root, 'seed-type3'),
  'lo-ruled': () => buildLoRuled(root),
  'lines-table': () => buildLinesTable(root),
  unruled: () => buildUnruled(root),
  'wrapped-caption': () => buildWrappedCaption(root),
  'spans-continued': () => buildSpansContinued(root),
  'subject-table': () => buildSubjectTable(root),
  'subject-planted': () => buildSubjectPlanted(root),
  'budget-captions': () => buildBudgetCaptions(root),
  'budget-layouts': () => buildBudgetLayouts(root),
  'stream-chromium': () => buildStreamChromium(root),
  'stream-lo': () => buildStreamLo(root),
  'stream-pdflib': () => buildStreamPdfLib(root),
  ...plantedBuilders(root),
  ...scanBuilders(root),
  ...brokenTextBuilders(root),
  ...bothBuilders(root),
  ...disclosureBuilders(root),
};

/** Names that stand for several samples. */
const groups: Record<string, string[]> = {
  planted: Object.keys(builders).filter((k) => k.startsWith('planted-')),
  'broken-text': Object.keys(brokenTextBuilders(root)),
  disclosures: Object.keys(disclosureBuilders(root)),
};

const names = process.argv.slice(2).flatMap((n) => groups[n] ?? [n]);
for (const name of names.length ? names : Object.keys(builders)) {
  const b = builders[name];
  if (!b) throw new Error(`unknown sample '${name}' (known: ${Object.keys(builders).join(', ')})`);
  const t0 = Date.now();
  await b();
  console.log(`  ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
