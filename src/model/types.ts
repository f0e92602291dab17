/**
 * The shared types every stage speaks. Stages import from `model/`, never from each other's
 * internals.
 *
 * COORDINATES: every box and position in this project is in PDF points (1/72 inch) with the
 * origin at the TOP-LEFT corner of the page as displayed (after /Rotate is applied), x growing
 * to the right and y growing downwards. `read/` converts pdf.js matrices (bottom-left origin)
 * and OCR pixel boxes into this system; no other module sees another system.
 */

/** An axis-aligned box in page points, top-left origin (see the file comment). */
export interface BBox {
  /** left edge, pt from the page's left */
  x0: number;
  /** top edge, pt from the page's top */
  top: number;
  /** right edge, pt from the page's left */
  x1: number;
  /** bottom edge, pt from the page's top */
  bottom: number;
}

/** One run of text as read from the PDF text layer (or, later, from OCR). */
export interface TextItem {
  /** normalised text (Kangxi radicals mapped, see text/normalise) */
  text: string;
  /** the string exactly as the PDF (or OCR) gave it */
  orig: string;
  /** 1-based page number */
  page: number;
  bbox: BBox;
  /** font size in pt */
  fontSize: number;
  /** pdf.js font id, when known (lets layout tell bold/headline runs apart) */
  fontName?: string;
  source: 'pdf' | 'ocr';
  /** 0..1; 1 for the PDF text layer */
  confidence: number;
  /** OCR only: why the reading is doubtful beyond its confidence (see Cell.doubts) */
  doubts?: string[];
}

/**
 * A ruling line (table border) from a stroked path, a thin filled rectangle or, later, from
 * pixels. For `axis: 'h'` the line runs from x=`from` to x=`to` at y=`at`; for `axis: 'v'` it runs
 * from y=`from` to y=`to` at x=`at`. Always `from <= to`. Points, top-left origin.
 */
export interface RulingLine {
  page: number;
  axis: 'h' | 'v';
  from: number;
  to: number;
  at: number;
  /** stroke width or rectangle thickness, pt */
  width: number;
}

/** Page geometry: size as displayed (after rotation), in pt. */
export interface PageInfo {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  /** /Rotate of the page, degrees (0, 90, 180, 270) */
  rotate: number;
}

/** What `read/` hands on for one page. */
export interface PageContent {
  info: PageInfo;
  items: TextItem[];
  rulings: RulingLine[];
  /** images the page paints (image XObjects and inline images); 0 for a page of text and vectors */
  images?: number;
  /** share of the page (0..1) the largest painted image covers, when it paints any */
  largestImageShare?: number;
  /** marks the page paints besides text (painted paths, shadings, images); 0: nothing but text */
  painted?: number;
  /**
   * on a page that paints an image: share (0..1] of its glyphs drawn invisible (text render mode 3
   * or 7 — an OCR text layer laid under a scan); absent when none is
   */
  hiddenTextShare?: number;
  /** why the page was read only in part (a cost cap reached, e.g. too many drawing operators); never rendered then */
  limited?: string;
}

/** A line of text: items sharing a baseline, left to right. */
export interface Line {
  page: number;
  bbox: BBox;
  /** joined text, CJK spacing rules applied */
  text: string;
  items: TextItem[];
  /** median font size of its items, pt */
  fontSize: number;
}

/** A paragraph-like group of consecutive lines on one page. */
export interface Block {
  page: number;
  bbox: BBox;
  lines: Line[];
  /** lines joined (wrapped lines joined without a break, CJK spacing rules applied) */
  text: string;
}

/** One cell of a table. `row`/`col` index the top-left grid slot it covers (0-based). */
export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  bbox: BBox;
  page: number;
  /** 0..1; 1 for text-layer cells */
  confidence: number;
  /** OCR only: why the reading is doubtful beyond its confidence (a character seems dropped, …) */
  doubts?: string[];
}

export type RowKind = 'header' | 'body' | 'section';

/**
 * A table found on ONE page (a piece of a possibly longer logical table). Rows include the
 * header rows, which are marked in `rowKinds`.
 */
export interface TableFragment {
  page: number;
  bbox: BBox;
  detector: 'lattice' | 'stream';
  /** number of grid columns */
  columns: number;
  /** grid rows, each `columns` long; a spanning cell's text is in its first slot, others '' */
  rows: string[][];
  rowKinds: RowKind[];
  /** cells with their spans and boxes; `row` indexes into `rows` */
  cells: Cell[];
  /** x of the column boundaries (columns + 1 values), pt — used to match continuations */
  columnEdges: number[];
  /** caption lines directly above the table (title), if any */
  title?: string;
  /** box of the title (its lines' union), when there is a title */
  titleBox?: BBox;
  /** unit line ('单位：万元'), if any */
  unit?: string;
  /** the office the table is for, from a caption line '部门：…' / '编制部门：…' / '单位名称：…', if any */
  issuer?: string;
  /** boxes of the caption/unit lines consumed by this table (so layout can skip them) */
  captionBoxes: BBox[];
}

/** Quality figures for one logical table. */
export interface TableQuality {
  /** share of grid slots that hold text, 0..1 */
  fill: number;
  /** text items whose centre fell on a cell border or outside every cell */
  strayItems: number;
  /** fragments merged into this table */
  fragments: number;
  /** header rows dropped as repeats when merging */
  droppedHeaderRows: number;
}

/** A logical table (fragments on consecutive pages merged). */
export interface Table {
  /** 't1', 't2', ... in document order */
  id: string;
  title: string | null;
  /** where the title is printed (page and box), when there is one */
  titleBox: { page: number; bbox: BBox } | null;
  unit: string | null;
  /** the office named by the caption line '部门：…' / '编制部门：…' above the table (absent in folders written before it existed) */
  issuer?: string | null;
  /** 1-based pages it spans */
  pages: number[];
  detector: 'lattice' | 'stream';
  columns: number;
  /** the header, one string per column (multi-row headers joined with '/') */
  header: string[];
  /** body rows only (section rows included, with their text in the first cell) */
  rows: string[][];
  /** kind of each entry of `rows`: 'body' or 'section' */
  rowKinds: Exclude<RowKind, 'header'>[];
  /** every cell, header cells first with `row` < 0 counting up to -1, body cells indexed into rows */
  cells: Cell[];
  quality: TableQuality;
}

/** A 文号 such as 武办文〔2021〕40号. */
export interface DocNumber {
  /** as printed */
  raw: string;
  /** normalised: brackets → 〔〕, spaces removed, e.g. 武办文〔2021〕40号 */
  normalized: string;
  /** issuer prefix, e.g. 武办文 */
  prefix: string;
  year: number;
  serial: number;
}

/** One 公文 (official document) found inside a PDF. */
export interface Gongwen {
  /** 0-based order in the PDF */
  index: number;
  docNumber: DocNumber | null;
  title: string | null;
  /** issuing organ(s), e.g. ['中共武汉市委办公厅'] */
  issuers: string[];
  /** signing date, ISO yyyy-mm-dd */
  signDate: string | null;
  /** 印发 date, ISO yyyy-mm-dd */
  printDate: string | null;
  /** 1-based inclusive page range */
  pageFrom: number;
  pageTo: number;
  /** attachment titles from '附件：1、…' */
  attachments: string[];
}

/** Where a finding or a fact sits in the PDF. */
export interface Evidence {
  page: number;
  bbox: BBox;
  text: string;
}

/** How each page was read. */
export interface PageMethod {
  page: number;
  method: 'text' | 'ocr' | 'both' | 'blank';
  width: number;
  height: number;
  rotate: number;
  /** mean confidence, 0..1 */
  confidence: number;
  /** why the text layer was not used ('no text', 'garbled: 100% private-use code points', '--ocr always'); [] when it was */
  reasons: string[];
  /** the OCR engine that read the page (absent for text-layer pages) */
  engine?: 'ppocr' | 'tesseract';
}

/** A recorded problem (errors are data: never thrown past the pipeline). */
export interface StageError {
  stage: string;
  page?: number;
  reason: string;
}

export type DocStatus = 'ok' | 'partial' | 'failed';

/** An encoded raster image's format (page renders, report images). */
export type ImageFormat = 'jpeg' | 'webp' | 'png';
