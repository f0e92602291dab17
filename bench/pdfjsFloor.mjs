// The floor under `gongwen extract` on born-digital PDFs (bench/whole.ts): pdf.js alone reading every
// page's text and operator list of the files given (one process, one after another), loaded and
// opened by gongwen's own compiled read/lib.js as the batch workers do (legacy build, natives given
// back, canvas font scan put off, pdf.js's own inflate, the same getDocument options), with
// nothing done with what it reads. Plain JavaScript over dist/ (`npm run build`): started by node
// directly, no TypeScript loader. Usage: node bench/pdfjsFloor.mjs a.pdf [b.pdf …]
import { readFileSync } from 'node:fs';
import { loadingTask, pdfjsLib, useJsInflate } from '../dist/read/lib.js';

useJsInflate();
await pdfjsLib();
for (const file of process.argv.slice(2)) {
  const task = await loadingTask(new Uint8Array(readFileSync(file)));
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await task.destroy();
}
