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
