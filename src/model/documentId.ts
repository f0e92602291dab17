/**
 * The stable id of a document: the first 16 hex digits of the sha256 of its PDF's bytes. It is
 * derived from content only, so it is the same on every run and machine whatever the file is
 * called or where its output folder lands (`x`, `x-2/y`, …); byte-identical PDFs are one document.
 * Written as `id` in document.json and as `document` on every record and finding, and the key of
 * the batch outputs (`_batch/*.csv|jsonl`, gongwen.duckdb).
 */
export function documentId(sha256: string): string {
  return sha256.slice(0, 16);
}

/** What a document id looks like. */
export const DOCUMENT_ID = /^[0-9a-f]{16}$/;
