/**
 * A tiny block model of a printed 公文, shared by the HTML samples (seed, seed-type3, unruled).
 * Blocks are rendered top to bottom by `gongwen-html.ts`.
 */

/** A table cell to print: text, optional column span, optional HTML override (e.g. <u>). */
export interface PrintCell {
  text: string;
  colSpan?: number;
  /** rows the cell spans down (a header cell over a two-row header) */
  rowSpan?: number;
  /** printed instead of `text` (already escaped HTML), e.g. '<u>汉阳区、蔡甸区</u>' */
  html?: string;
}

export interface PrintTable {
  /** column widths in em of the table font (last column takes the rest when omitted) */
  widths: number[];
  /** table font size, pt */
  fontSize: number;
  header: PrintCell[][];
  body: PrintCell[][];
  /** cell alignment per column */
  align?: ('left' | 'center' | 'right')[];
  /** 'ruled' draws every border; 'unruled' draws none */
  style: 'ruled' | 'unruled';
  /** letter-spaced cells: text → CSS letter-spacing (em), e.g. {'合计': 1} */
  letterSpaced?: Record<string, number>;
}

export type Block =
  /** red issuer line (红头), 文号 and the red rule under them */
  | { kind: 'redhead'; issuer: string; docNo: string }
  /** document title, centred; `lines` are the printed lines */
  | { kind: 'title'; lines: string[] }
  /** body paragraph; `continues` = cut by a page break (last line justified, no full stop) */
  | { kind: 'p'; text: string; indent: boolean; continues?: boolean }
  /** attachment list '附件：1、…' with hanging lines */
  | { kind: 'attachments'; lines: string[] }
  /** signature block (issuers, date), right side */
  | { kind: 'signature'; lines: string[] }
  /** small centred caption above a table */
  | { kind: 'caption'; text: string }
  /** unit line, right aligned ('单位：万元') */
  | { kind: 'unit'; text: string }
  | { kind: 'table'; table: PrintTable }
  /** 版记 (imprint) line between two rules: issuer left, '… 印发' right */
  | { kind: 'imprint'; left: string; right: string }
  | { kind: 'pagebreak' };
