/** Errors of the read stage that callers see without loading pdf.js. */

/**
 * A PDF that cannot be read at all. `reason` is one human line: `empty file`,
 * `not a PDF (no %PDF header)`, `encrypted: a password is required`, `encrypted: wrong password`,
 * `damaged or truncated PDF (<pdf.js message>)`, `no pages`.
 */
export class PdfInputError extends Error {
  readonly reason: string;
  /** the PDF's page count, when it was opened before the error */
  readonly pages: number;
  constructor(reason: string, options?: { cause?: unknown; pages?: number }) {
    super(reason, options);
    this.name = 'PdfInputError';
    this.reason = reason;
    this.pages = options?.pages ?? 0;
  }
}

/** how far into the file `%PDF-` may start (bytes) */
const HEADER_SEARCH_BYTES = 1024;

/** Throws PdfInputError for an empty buffer or one with no `%PDF-` in its first 1024 bytes. */
export function checkHeader(data: Uint8Array): void {
  if (data.length === 0) throw new PdfInputError('empty file');
  const head = data.subarray(0, HEADER_SEARCH_BYTES);
  const sig = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  for (let i = 0; i + sig.length <= head.length; i++) {
    if (sig.every((b, k) => head[i + k] === b)) return;
  }
  throw new PdfInputError('not a PDF (no %PDF header)');
}
