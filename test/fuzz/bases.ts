/**
 * The small PDFs the fuzz test mutates: two made here (a pdf-lib file with object and xref streams
 * and Flate content; a classic-xref file with text and a ruled table) and small committed real
 * files (pdf.js and pdfplumber test suites, samples/realworld).
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makePdf, textOp } from '../fixtures/minipdf.ts';
import { join } from 'node:path';
import { SAMPLES } from '../helpers/samples.ts';

/** small real files: a few KB each, quick to read */
export const REAL_BASES = ['pdfjs-issue13343', 'pdfjs-issue8372', 'pdfjs-issue3521', 'pdfjs-issue5202', 'pdfjs-issue7696', 'pdfjs-issue2128r'];

/** A ruled 3 × 4 table with a title, as content-stream operators (PDF user space, points). */
function tableOps(): string {
  const ops: string[] = [textOp('Budget 2024 (10k yuan)', 72, 760, 14)];
  for (let r = 0; r <= 4; r++) ops.push(`72 ${700 - r * 24} m 472 ${700 - r * 24} l S`);
  for (let c = 0; c <= 3; c++) ops.push(`${72 + c * 133} 700 m ${72 + c * 133} 604 l S`);
  const rows = [['Unit', 'Item', 'Amount'], ['A', 'Roads', '120'], ['B', 'Schools', '80'], ['Total', '', '200']];
  rows.forEach((row, r) => row.forEach((cell, c) => cell && ops.push(textOp(cell, 76 + c * 133, 684 - r * 24, 11))));
  return ops.join('\n');
}

/** A two-page pdf-lib file (object streams, an xref stream, Flate content): text and a ruled table. */
async function pdfLibBase(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Notice ${p + 1}: roads and schools`, { x: 72, y: 780, size: 14, font });
    for (let r = 0; r <= 4; r++) page.drawLine({ start: { x: 72, y: 700 - r * 24 }, end: { x: 472, y: 700 - r * 24 }, thickness: 1 });
    for (let c = 0; c <= 3; c++) page.drawLine({ start: { x: 72 + c * 133, y: 700 }, end: { x: 72 + c * 133, y: 604 }, thickness: 1 });
    ['Unit', 'A', 'B', 'Total'].forEach((t, r) => page.drawText(t, { x: 76, y: 684 - r * 24, size: 11, font }));
    ['Amount', '120', '80', '200'].forEach((t, r) => page.drawText(t, { x: 342, y: 684 - r * 24, size: 11, font }));
  }
  return doc.save({ useObjectStreams: true });
}

/** Every base: name → bytes. */
export async function fuzzBases(): Promise<{ name: string; data: Uint8Array }[]> {
  return [
    { name: 'pdf-lib', data: await pdfLibBase() },
    { name: 'minipdf', data: makePdf([{ content: tableOps() }, { content: textOp('Page two', 72, 760) }]) },
    ...REAL_BASES.map((name) => ({ name, data: new Uint8Array(readFileSync(join(SAMPLES, 'realworld', name, `${name}.pdf`))) })),
  ];
}
