/**
 * The stage list for one born-digital document:
 *   PDF bytes → read (pages: items, rulings) → layout (lines, footers removed)
 *   → tables (fragments per page → logical tables) → layout (prose blocks, 公文 split) → Extraction.
 * Errors are data: a page that fails is recorded and the rest goes on (status 'partial').
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentJson, Extraction } from '../model/outputs.ts';
import type { Line, PageContent, StageError, TableFragment } from '../model/types.ts';
import { withPdf } from '../read/pdfjs.ts';
import { itemsToLines, removeRunningLines, splitGongwen } from '../layout/index.ts';
import { fragmentsToTables, linesOutsideTables, pageToFragments } from '../tables/index.ts';
import { composePage } from './pageText.ts';
import { VERSION } from '../version.ts';

export interface ExtractOptions {
  /** password for encrypted PDFs. @default undefined */
  readonly password?: string;
}

/** What a source file is, for document.json. */
export interface SourceInfo {
  path: string;
  data: Uint8Array;
}

/** Runs the whole born-digital path on one PDF. Throws PdfInputError when the PDF cannot be opened. */
export async function extractPdf(source: SourceInfo, options: ExtractOptions = {}): Promise<Extraction> {
  const sha256 = createHash('sha256').update(source.data).digest('hex');
  const errors: StageError[] = [];
  const pages: PageContent[] = [];
  const pageCount = await withPdf(source.data, { password: options.password }, async (pdf) => {
    for (let n = 1; n <= pdf.pageCount; n++) {
      try {
        pages.push(await pdf.readPage(n));
      } catch (err) {
        errors.push({ stage: 'read', page: n, reason: oneLine(err) });
      }
    }
    return pdf.pageCount;
  });

  // a page with no text layer is a scan (or a page whose font decodes to nothing): until the OCR
  // path (issue #4) is wired in, say so instead of passing it off as an empty page
  for (const p of pages) {
    if (p.items.length === 0) {
      errors.push({ stage: 'read', page: p.info.page, reason: 'no text layer (a scanned page?): OCR is not available yet' });
    }
  }

  const running = removeRunningLines(pages.map((p) => ({ info: p.info, lines: itemsToLines(p.items) })));
  const fragmentsPerPage: TableFragment[][] = [];
  const prosePerPage: { page: number; lines: Line[] }[] = [];
  const textPerPage: Line[][] = [];
  pages.forEach((page, i) => {
    const lines = running.pages[i] ?? [];
    let fragments: TableFragment[] = [];
    try {
      fragments = pageToFragments(page, lines);
    } catch (err) {
      errors.push({ stage: 'tables', page: page.info.page, reason: oneLine(err) });
    }
    fragmentsPerPage.push(fragments);
    prosePerPage.push({ page: page.info.page, lines: linesOutsideTables(lines, fragments) });
    textPerPage.push(linesOutsideTables(lines, fragments, { keepCaptions: true }));
  });

  const tables = fragmentsToTables(fragmentsPerPage.flat());
  const documents = splitGongwen(prosePerPage);
  const composed = pages.map((_, i) => composePage(textPerPage[i]!, fragmentsPerPage[i]!));
  const text = composed.map((c) => c.text).join('\n\f');
  const paragraphs = composed.flatMap((c) => c.paragraphs);

  const document: DocumentJson = {
    gongwen: { version: VERSION },
    source: { path: source.path, name: basename(source.path), sha256, bytes: source.data.byteLength, pages: pageCount },
    status: errors.length === 0 ? 'ok' : pages.length === 0 ? 'failed' : 'partial',
    errors,
    pages: pages.map((p) => ({
      page: p.info.page,
      method: 'text',
      width: round2(p.info.width),
      height: round2(p.info.height),
      rotate: p.info.rotate,
      confidence: 1,
    })),
    documents,
    tables: tables.map((t) => ({ id: t.id, title: t.title, pages: t.pages, rows: t.rows.length, columns: t.columns })),
    removedLines: running.removed.map((l) => ({ page: l.page, text: l.text })),
  };
  return { document, text: text.endsWith('\n') ? text : text + '\n', tables, paragraphs };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** An error as one line of text (no stack). */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}
