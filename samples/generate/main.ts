/**
 * Regenerates the sample PDFs and their expected outputs:
 *   node bin/run-ts.mjs samples/generate/main.ts [name...]      (default: all)
 * Names: seed, seed-type3, lo-ruled, lines-table, unruled, planted-<variant> (planted-variants.ts),
 * and 'planted' for all planted variants.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeed } from './seed.ts';
import { buildLoRuled } from './lo-ruled.ts';
import { buildLinesTable } from './lines-table.ts';
import { buildUnruled } from './unruled.ts';
import { plantedBuilders } from './planted.ts';
import { scanBuilders } from './scan.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const builders: Record<string, () => void | Promise<void>> = {
  seed: () => buildSeed(root, 'seed'),
  'seed-type3': () => buildSeed(root, 'seed-type3'),
  'lo-ruled': () => buildLoRuled(root),
  'lines-table': () => buildLinesTable(root),
  unruled: () => buildUnruled(root),
  ...plantedBuilders(root),
  ...scanBuilders(root),
};

const names = process.argv.slice(2).flatMap((n) => (n === 'planted' ? Object.keys(builders).filter((k) => k.startsWith('planted-')) : [n]));
for (const name of names.length ? names : Object.keys(builders)) {
  const b = builders[name];
  if (!b) throw new Error(`unknown sample '${name}' (known: ${Object.keys(builders).join(', ')})`);
  const t0 = Date.now();
  await b();
  console.log(`  ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
