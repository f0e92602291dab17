/**
 * Writes a batch test folder: every sample PDF copied N times (sub-folders copy-1…, same names)
 * and every kind of bad input. For the measured 50+ file run in the report:
 *   node bin/run-ts.mjs test/batch/make-corpus.ts /tmp/big 3      # 14 × 3 + 10 bad = 52 files
 *   gongwen extract /tmp/big --out /tmp/big-out --jobs 2
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES } from '../helpers/samples.ts';
import { writeBadInputs, writeGoodInputs } from './corpus.ts';

const [dir, copies = '3'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: make-corpus <dir> [copies]');
  process.exit(2);
}
const names = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(SAMPLES, d.name, `${d.name}.pdf`)))
  .map((d) => d.name);
const good = writeGoodInputs(join(dir, 'samples'), Number(copies), names);
const bad = writeBadInputs(join(dir, 'bad'));
console.log(`${good.length + bad.length} files in ${dir} (${good.length} sample copies, ${bad.length} bad inputs)`);
