/**
 * The shapes gongwen writes to disk (the output contract of ../shared/design.md). Boxes follow
 * model/types.ts: PDF points, top-left origin.
 */
import type { Paragraph } from './check.ts';
import type { DocStatus, Gongwen, PageMethod, StageError, Table } from './types.ts';

/** `document.json`: what the PDF is and how it was read. */
export interface DocumentJson {
  /** stable document id: the first 16 hex digits of source.sha256 (model/documentId.ts) */
  id: string;
  gongwen: { version: string };
  source: {
    /** path as given on the command line */
    path: string;
    /** file name */
    name: string;
    sha256: string;
    bytes: number;
    pages: number;
  };
  status: DocStatus;
  errors: StageError[];
  /** per page: how its text was obtained */
  pages: PageMethod[];
  /** the 公文 found in the PDF, in order */
  documents: Gongwen[];
  /** index of tables.json: id, title and where */
  tables: { id: string; title: string | null; pages: number[]; rows: number; columns: number }[];
  /** footer/header lines removed from the text, per page */
  removedLines: { page: number; text: string }[];
}

/** Everything one document's extraction produces, before it is written. */
export interface Extraction {
  document: DocumentJson;
  /** text.txt: clean text in reading order, pages separated by a form feed */
  text: string;
  tables: Table[];
  /** paragraphs.json: prose paragraphs with page and box (what checks cite) */
  paragraphs: Paragraph[];
}
