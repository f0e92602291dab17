/**
 * Shapes of the hand-checked expected outputs committed beside each sample PDF
 * (`samples/<name>/expected/*.json`). Page numbers are 1-based pages of the committed PDF.
 */

/** One logical table as a reader should recover it (`tables.json` holds an array of these). */
export interface ExpectedTable {
  title: string | null;
  /** the office named above the table ('部门：…'), when the sample checks it */
  issuer?: string | null;
  unit: string | null;
  /** one string per column, the header row once */
  header: string[];
  /** body rows only; a section row has its text in the first cell and '' in the others */
  rows: string[][];
  /** one per row */
  rowKinds: ('body' | 'section')[];
  /** 1-based pages the table spans (informative) */
  pages?: number[];
}

/** One 公文 found in the PDF (`documents.json` holds an array of these, in PDF order). */
export interface ExpectedDocument {
  /** normalised 文号, e.g. 武办文〔2021〕40号, or null when the document has none */
  docNumber: string | null;
  /** title with its wrapped lines joined (spaces between CJK removed, as `tightenCjk` does) */
  title: string;
  issuers: string[];
  /** yyyy-mm-dd */
  signDate: string | null;
  /** 印发 date, yyyy-mm-dd */
  printDate: string | null;
  pageFrom: number;
  pageTo: number;
  /** attachment titles from '附件：1、…' (number removed, text as printed, CJK spaces removed) */
  attachments: string[];
}

/** Facts about the clean text (`text-facts.json`). */
export interface TextFacts {
  /** page count of the PDF */
  pages: number;
  /** substrings that must appear in text.txt, compared with ALL whitespace removed on both sides */
  mustContain: string[];
  /**
   * substrings that must appear in text.txt exactly, spaces included, after `tightenCjk` (spaces
   * between CJK and digits such as '2023 年' are real and must survive)
   */
  mustContainExact?: string[];
  /** page footers: lines that must NOT appear as a line of text.txt (they are page furniture) */
  footers: string[];
  /** other substrings that must NOT appear in text.txt */
  mustNotContain: string[];
  /** free-form notes for a reader */
  notes?: string[];
}
