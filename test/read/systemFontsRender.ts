/**
 * Child process of systemFonts.test.ts: renders page 1 of a PDF through read/ and prints, as one
 * JSON line, how many font families @napi-rs/canvas knew before and after, and the image's sha256.
 * `eager` first loads the canvas package the way it loads by default (its system-font scan at
 * require time), as before read/ put the scan off.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { withPdf } from '../../src/read/pdfjs.ts';
import { canvasLib, pdfjsLib } from '../../src/read/lib.ts';

const [file, mode] = process.argv.slice(2);
if (mode === 'eager') {
  const fromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  fromPdfjs('@napi-rs/canvas');
}
await pdfjsLib();
const families = (): number => canvasLib().GlobalFonts.families.length;
const before = families();
const sha256 = await withPdf(new Uint8Array(readFileSync(file!)), {}, async (pdf) => {
  const r = await pdf.render(1, { page: { dpi: 72 }, format: 'jpeg' });
  return createHash('sha256').update(r.page!.bytes).digest('hex');
});
console.log(JSON.stringify({ before, after: families(), sha256 }));
