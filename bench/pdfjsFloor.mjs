// The floor under `gongwen extract` on born-digital PDFs (bench/whole.ts): pdf.js alone reading every
// page's text and operator list of the files given (one process, one after another), loaded as
// gongwen's batch workers load it (legacy build on Node 20, natives given back, canvas font scan
// off, pdf.js's own inflate, the same getDocument options), with nothing done with what it reads. Plain JavaScript: started by node
// directly, no TypeScript loader. Usage: node bench/pdfjsFloor.mjs a.pdf [b.pdf …]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
delete globalThis.DecompressionStream; // as read/lib.ts useJsInflate does in the workers
const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
Array.prototype.push = native.push;
JSON.stringify = native.stringify;
JSON.parse = native.parse;
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
for (const file of process.argv.slice(2)) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
  });
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await task.destroy();
}
