import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdf, PdfInputError, withPdf } from '../../src/read/pdfjs.ts';
import { makePdf, textOp } from '../fixtures/minipdf.ts';
import { encryptedPdf } from '../helpers/samples.ts';

const valid = makePdf([{ content: textOp('Hello', 72, 700) }, { content: textOp('Hello', 72, 600) }]);

async function reasonOf(data: Uint8Array, password?: string): Promise<string> {
  try {
    await withPdf(data, { password }, async (h) => h.pageCount);
  } catch (err) {
    expect(err).toBeInstanceOf(PdfInputError);
    return (err as PdfInputError).reason;
  }
  return 'opened';
}

/** `valid` encrypted by qpdf (test/fixtures/encrypted/README.md). */
const encrypted = (name: Parameters<typeof encryptedPdf>[0]) => new Uint8Array(readFileSync(encryptedPdf(name)));
const helloTexts = (data: Uint8Array, password?: string) => withPdf(data, { password }, async (h) => (await h.readPage(2)).items.map((i) => i.text));

describe('PDF input errors', () => {

  it('empty file', async () => expect(await reasonOf(new Uint8Array())).toBe('empty file'));

  it('not a PDF', async () => {
    expect(await reasonOf(new TextEncoder().encode('<html>hello</html>'))).toBe('not a PDF (no %PDF header)');
    // the header may follow some junk within the first 1024 bytes, but not later
    const late = new Uint8Array(2000 + valid.length);
    late.set(valid, 2000);
    expect(await reasonOf(late)).toBe('not a PDF (no %PDF header)');
  });

  it('truncated PDF', async () => {
    expect(await reasonOf(valid.slice(0, Math.floor(valid.length / 2)))).toMatch(/^damaged or truncated PDF \(.+\)$/);
  });

  it('no pages', async () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    expect(await reasonOf(pdf)).toBe('no pages');
  });

  it.each(['hello-aes256', 'hello-rc4'] as const)('encrypted (%s): no password, wrong password, user and owner password', async (name) => {
    const data = encrypted(name);
    expect(await reasonOf(data)).toBe('encrypted: a password is required');
    expect(await reasonOf(data, 'nope')).toBe('encrypted: wrong password');
    for (const pw of ['user', 'owner']) expect(await helloTexts(data, pw)).toEqual(['Hello']);
  });

  it('encrypted with an owner password only: opens without a password', async () => {
    expect(await helloTexts(encrypted('hello-owner-only'))).toEqual(['Hello']);
  });

  it('accepts a Node Buffer and leaves the caller’s bytes intact', async () => {
    const buf = Buffer.from(valid);
    const h = await openPdf(buf);
    expect(h.pageCount).toBe(2);
    await h.close();
    expect(buf.byteLength).toBe(valid.length);
    expect(Buffer.compare(buf, Buffer.from(valid))).toBe(0);
  });

  it('withPdf passes on the callback’s error; readPage rejects out-of-range pages', async () => {
    await expect(withPdf(valid, {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withPdf(valid, {}, (h) => h.readPage(3))).rejects.toThrow(RangeError);
  });
});
