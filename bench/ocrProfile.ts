/**
 * Where one page's OCR time goes, stage by stage, in this thread (no workers):
 *   node bin/run-ts.mjs bench/ocrProfile.ts [file.pdf] [--limit N]
 * raster (pdf.js decode of the scan), deskew, rulings, det (resize, tensor, run, boxes),
 * rec (crops, tensors, runs, decode). Milliseconds summed over the pages.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openRasterSource } from '../src/read/pdfjs.ts';
import { deskew } from '../src/raster/skew.ts';
import { rasterToRulings } from '../src/raster/rulings.ts';
import { resizeGray } from '../src/ocr/image.ts';
import { detInputSize, grayToDetTensor, probMapToBoxes } from '../src/ocr/ppocr/det.ts';
import { mergeRowBoxes } from '../src/ocr/ppocr/order.ts';
import { recogniseBoxes } from '../src/ocr/ppocr/rec.ts';
import { createSessions, defaultModelPaths, runNchw } from '../src/ocr/ppocr/session.ts';
import { DEFAULT_PPOCR_SETTINGS } from '../src/ocr/ppocr/settings.ts';

const args = process.argv.slice(2);
const li = args.indexOf('--limit');
const limit = li >= 0 ? Number(args[li + 1]) : DEFAULT_PPOCR_SETTINGS.limitSideLen;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit') ?? 'samples/scan-200/scan-200.pdf';
const s = { ...DEFAULT_PPOCR_SETTINGS, limitSideLen: limit };
const cm0 = process.cpuUsage();
const m = await createSessions(defaultModelPaths(), 1);
const cm = process.cpuUsage(cm0);
console.log(`sessions: ${((cm.user + cm.system) / 1000).toFixed(0)} ms CPU`);
const t: Record<string, number> = {};
const time = async <T>(k: string, f: () => T | Promise<T>): Promise<T> => {
  const c0 = process.cpuUsage();
  try {
    return await f();
  } finally {
    const c = process.cpuUsage(c0);
    t[k] = (t[k] ?? 0) + (c.user + c.system) / 1000;
  }
};
const recRun = m.rec.run.bind(m.rec);
const timedRec = new Proxy(m.rec, { get: (o, k) => (k === 'run' ? (...a: Parameters<typeof recRun>) => { const d = (Object.values(a[0])[0] as { dims: readonly number[] }).dims; cols += d[0]! * d[3]!; return time('rec.run', () => recRun(...a)); } : Reflect.get(o, k)) });
const src = await openRasterSource(new Uint8Array(readFileSync(file)));
let boxesN = 0;
let cols = 0;
let content = 0;
const t0 = performance.now();
for (let p = 1; p <= src.pageCount; p++) {
  const r0 = await time('raster', () => src.pageToRaster(p, { dpi: 200 }));
  const r = await time('deskew', () => deskew(r0));
  await time('rulings', () => rasterToRulings(r, { frame: 'raster' }));
  const img = r.image;
  const size = detInputSize(img.width, img.height, s.limitSideLen);
  const resized = await time('det.resize', () => resizeGray(img, size.width, size.height));
  const tensor = await time('det.tensor', () => grayToDetTensor(resized));
  const out = await time('det.run', () => runNchw(m.det, tensor, [1, 3, size.height, size.width]));
  const det = await time('det.boxes', () => probMapToBoxes(out.data, out.dims[3]!, out.dims[2]!, img.width, img.height, s));
  const boxes = mergeRowBoxes(det.map((b) => ({ x0: b.x0, top: b.top, x1: b.x1, bottom: b.bottom })), 0);
  boxesN += boxes.length;
  for (const b of boxes) content += Math.min(s.recMaxWidth, Math.ceil((48 * (b.x1 - b.x0)) / Math.max(1, b.bottom - b.top)));
  await time('rec', () => recogniseBoxes(timedRec, m.table, img, boxes, s));
}
console.log(`${file}: ${src.pageCount} pages, det limit ${limit}, ${boxesN} lines, ${cols} rec columns (${content} of content), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const [k, v] of Object.entries(t)) console.log(`${k.padEnd(12)} ${v.toFixed(0).padStart(7)} ms CPU`);
await src.close();
await m.release();
