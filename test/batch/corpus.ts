/**
 * Builds, in a temp folder, the inputs the batch tests need: copies of small samples and every
 * kind of bad input (empty, text, truncated, broken xref, encrypted, zero pages, a huge page
 * count (real, and a lying /Count), a link to a file that is gone). Only the encrypted PDF is committed
 * (test/fixtures/encrypted/); each test builds the rest itself.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedPdf, samplePdf } from '../helpers/samples.ts';

/** Small samples (1–2 pages each) used as good inputs. */
export const SMALL_SAMPLES = ['lo-ruled', 'unruled', 'planted-total', 'planted-year', 'planted-text-sum'] as const;

/** A PDF written by hand from object bodies (object i+1 = bodies[i]); xref offsets computed. */
export function rawPdf(bodies: readonly string[]): Uint8Array {
  let s = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(Buffer.byteLength(s, 'latin1'));
    s += `${i + 1} 0 obj\n${b}\nendobj\n`;
  });
  const xref = Buffer.byteLength(s, 'latin1');
  s += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) s += `${String(o).padStart(10, '0')} 00000 n \n`;
  s += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

/** A PDF whose page tree has no pages. */
export function zeroPagePdf(): Uint8Array {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

/** A PDF with one real page whose page tree claims `count` pages. */
export function hugeCountPdf(count: number): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);
}

/** A PDF with `count` real (empty) pages. */
export function manyPagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages]);
}

/** `data` with the bytes of its last cross-reference table overwritten by spaces and junk. */
export function brokenXref(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data);
  const text = Buffer.from(out).toString('latin1');
  const at = text.lastIndexOf('\nxref');
  const start = at >= 0 ? at + 1 : text.lastIndexOf('startxref') + 'startxref'.length + 1;
  for (let i = start; i < Math.min(out.length - 8, start + 120); i++) out[i] = 0x23; // '#'
  return out;
}

/** What was put where: file name → expected status, and the reason pattern for failures. */
export interface CorpusFile {
  name: string;
  status: 'ok' | 'partial' | 'failed' | 'ok|partial' | 'ok|partial|failed';
  reason?: RegExp;
}

/** Writes the bad inputs into `dir` (created). Returns what each should give. */
export function writeBadInputs(dir: string): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const small = readFileSync(samplePdf('lo-ruled'));
  writeFileSync(join(dir, 'empty.pdf'), '');
  writeFileSync(join(dir, 'notes.PDF'), '这是一个文本文件，不是 PDF。\n');
  writeFileSync(join(dir, 'truncated-head.pdf'), small.subarray(0, 1500));
  writeFileSync(join(dir, 'truncated-half.pdf'), small.subarray(0, Math.floor(small.length / 2)));
  writeFileSync(join(dir, 'broken-xref.pdf'), brokenXref(small));
  copyFileSync(encryptedPdf('lo-ruled-aes256'), join(dir, 'locked.pdf'));
  writeFileSync(join(dir, 'zero-pages.pdf'), zeroPagePdf());
  writeFileSync(join(dir, 'huge-count.pdf'), hugeCountPdf(100000));
  writeFileSync(join(dir, 'many-pages.pdf'), manyPagesPdf(2001));
  symlinkSync(join(dir, 'no-such-file.pdf'), join(dir, 'gone.pdf'));
  return [
    { name: 'empty.pdf', status: 'failed', reason: /^empty file$/ },
    { name: 'notes.PDF', status: 'failed', reason: /^not a PDF/ },
    { name: 'truncated-head.pdf', status: 'failed', reason: /damaged|truncated|no pages/ },
    { name: 'truncated-half.pdf', status: 'ok|partial|failed' },
    { name: 'broken-xref.pdf', status: 'ok|partial' },
    { name: 'locked.pdf', status: 'failed', reason: /^encrypted: a password is required$/ },
    { name: 'zero-pages.pdf', status: 'failed', reason: /^no pages$/ },
    // pdf.js checks the last page and counts the real ones when /Count lies
    { name: 'huge-count.pdf', status: 'ok|partial|failed' },
    { name: 'many-pages.pdf', status: 'failed', reason: /^too many pages \(2001 > 2000\)$/ },
    { name: 'gone.pdf', status: 'failed', reason: /^file not found$/ },
  ];
}

/** Copies the small samples into `dir`, `copies` times each (in sub-folders copy-1…, same file names). */
export function writeGoodInputs(dir: string, copies = 1, samples: readonly string[] = SMALL_SAMPLES): string[] {
  const written: string[] = [];
  for (let c = 1; c <= copies; c++) {
    const sub = copies === 1 ? dir : join(dir, `copy-${c}`);
    mkdirSync(sub, { recursive: true });
    for (const s of samples) {
      const p = join(sub, `${s}.pdf`);
      copyFileSync(samplePdf(s), p);
      written.push(p);
    }
  }
  return written;
}
