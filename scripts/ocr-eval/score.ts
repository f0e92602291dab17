/**
 * OCR'd tables against the born-digital reference tables of the same pages, cell by cell, with the
 * `ocr.low-confidence` findings as the review queue. A cell is a printed cell: header cells and body
 * cells, a spanning cell counted once. Text is compared with whitespace removed (OCR cannot see a
 * typographic space) but with bracket width (ASCII '(' vs '（' is wrong; such cells are also counted
 * on their own). A cell is flagged when an `ocr.low-confidence` finding's evidence box is that cell.
 * A reference table with no OCR table, or with another row or column count, is a structural failure:
 * all its cells count as wrong and unflagged.
 */
import type { Finding } from '../../src/model/findings.ts';
import type { BBox, Cell, Table } from '../../src/model/types.ts';
import { cellAt } from '../../src/model/evidence.ts';
import { OCR_CONFIDENCE_RULE } from '../../src/checks/rules/ocrConfidence.ts';
import { compactText, looseText } from './text.ts';
import type { ExpectedTable } from '../../samples/generate/expected-types.ts';

/** One wrong cell. `row` as in tables.json: body rows from 0, header rows negative (-1 = last header row). */
export interface WrongCell {
  sample: string;
  /** page of the source PDF */
  page: number;
  row: number;
  col: number;
  got: string;
  want: string;
  /** equal once bracket width is ignored ('(' vs '（') */
  bracketWidthOnly: boolean;
  /** equal once full-width forms are folded (NFKC: '８，６００' vs '8,600'; brackets included) */
  widthOnly: boolean;
  /** the OCR cell's confidence, null when there is no OCR cell */
  confidence: number | null;
  /** the OCR cell's page and box (points of the scanned PDF), to look at it */
  at: { page: number; bbox: BBox } | null;
  /** characters of `want` the engine cannot output at all (not in its character set) */
  notInCharset: string[];
  /** the ocr.low-confidence message when flagged */
  reason: string | null;
}

/** A right cell that is flagged anyway (a false alarm of the review queue). */
export interface RightFlaggedCell {
  sample: string;
  page: number;
  row: number;
  col: number;
  text: string;
  confidence: number;
  reason: string;
}

export interface TableBrief {
  id: string;
  title: string | null;
  /** pages of the source PDF */
  pages: number[];
  detector: Table['detector'];
  columns: number;
  headerRows: number;
  rows: number;
}

export type TableStatus = 'ok' | 'missing' | 'row-count' | 'column-count';

export interface TableScore {
  sample: string;
  ref: TableBrief;
  ocr: TableBrief | null;
  status: TableStatus;
  cells: number;
  exact: number;
  wrongFlagged: number;
  wrongUnflagged: number;
  rightFlagged: number;
  /** wrong cells (flagged or not) that are right once bracket width is ignored */
  bracketWidthOnly: number;
  /** wrong cells (flagged or not) that are right once full-width forms are folded (NFKC, brackets included) */
  widthOnly: number;
  /** wrong cells not flagged (the misses of the review queue); empty on a structural failure */
  unflaggedCells: WrongCell[];
  /** wrong cells that are flagged */
  flaggedCells: WrongCell[];
  /** right cells that are flagged */
  rightFlaggedCells: RightFlaggedCell[];
  /** body rows whose kind (body / section) differs */
  rowKindMismatches: { row: number; want: string; got: string }[];
  /** cells present on both sides with another row or column span */
  spanMismatches: { row: number; col: number; want: string; got: string }[];
  /** on a row-count failure: the reference rows not found in the OCR table and the OCR rows that are extra */
  rowDiff?: { missing: { row: number; page: number; text: string }[]; extra: { row: number; page: number; text: string }[]; alignedRows: number; alignedCellsExact: number; alignedCells: number };
  /** what else differs (pages, header rows), for the reader */
  notes: string[];
}

const sameBox = (a: BBox, b: BBox): boolean =>
  Math.abs(a.x0 - b.x0) < 0.5 && Math.abs(a.top - b.top) < 0.5 && Math.abs(a.x1 - b.x1) < 0.5 && Math.abs(a.bottom - b.bottom) < 0.5;

/** The message of the ocr.low-confidence finding whose evidence box is `cell`, or null. */
export function flaggedBy(findings: readonly Finding[]): (cell: Cell) => string | null {
  const low = findings.filter((f) => f.rule === OCR_CONFIDENCE_RULE);
  return (cell) => low.find((f) => f.evidence.some((e) => e.page === cell.page && sameBox(e.bbox, cell.bbox)))?.message ?? null;
}

const foldWidth = (s: string): string => compactText(s).normalize('NFKC');

/** The printed cells of a table: header cells, then each body slot that starts a cell (or is covered by none). */
interface Slot {
  row: number;
  col: number;
  /** text as tables.json has it: the cell's text in the header, rows[r][c] in the body */
  text: string;
  cell: Cell | null;
}

function slotsOf(t: Table): Slot[] {
  const header = t.cells.filter((c) => c.row < 0).sort((a, b) => a.row - b.row || a.col - b.col).map((c) => ({ row: c.row, col: c.col, text: c.text, cell: c }));
  const body: Slot[] = [];
  t.rows.forEach((row, r) => {
    for (let c = 0; c < t.columns; c++) {
      const cell = cellAt(t, r, c);
      if (cell && (cell.row !== r || cell.col !== c)) continue; // inside a span
      body.push({ row: r, col: c, text: row[c] ?? '', cell });
    }
  });
  return [...header, ...body];
}

function brief(t: Table, toSource: (p: number) => number): TableBrief {
  const headerRows = new Set(t.cells.filter((c) => c.row < 0).map((c) => c.row)).size;
  return { id: t.id, title: t.title, pages: t.pages.map(toSource), detector: t.detector, columns: t.columns, headerRows, rows: t.rows.length };
}

/**
 * Pairs each reference table with an OCR table: most pages in common first, then the same title
 * (whitespace removed), then the same column count; each OCR table is used once.
 */
export function matchTables(ref: readonly Table[], ocr: readonly Table[]): { pairs: [Table, Table | null][]; extra: Table[] } {
  const used = new Set<Table>();
  const pairs: [Table, Table | null][] = ref.map((r) => {
    let best: Table | null = null;
    let bestScore = 0;
    for (const o of ocr) {
      if (used.has(o)) continue;
      const overlap = o.pages.filter((p) => r.pages.includes(p)).length;
      if (overlap === 0) continue;
      const score = overlap * 100 + (compactText(o.title ?? '') === compactText(r.title ?? '') ? 10 : 0) + (o.columns === r.columns ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [o, score];
    }
    if (best) used.add(best);
    return [r, best];
  });
  return { pairs, extra: ocr.filter((o) => !used.has(o)) };
}

const rowText = (row: readonly string[]): string => row.map(compactText).join(' | ');

/** Whether OCR row `g` is reference row `w` misread at most in half of its non-empty cells. */
function rowsAlike(w: readonly string[], g: readonly string[]): boolean {
  const filled = w.map((x, c) => [compactText(x), c] as const).filter(([x]) => x !== '');
  if (filled.length === 0) return g.every((x) => compactText(x) === '');
  return filled.filter(([x, c]) => compactText(g[c] ?? '') === x).length * 2 >= filled.length;
}

/** Longest common subsequence of rows under rowsAlike: the aligned (ref, ocr) row index pairs. */
function alignRows(want: readonly string[][], got: readonly string[][]): [number, number][] {
  const n = want.length;
  const m = got.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i]![j] = rowsAlike(want[i]!, got[j]!) ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (rowsAlike(want[i]!, got[j]!) && L[i]![j] === L[i + 1]![j + 1]! + 1) out.push([i++, j++]);
    else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Page of body row `r` (its first cell's page), else the table's first page. */
function rowPage(t: Table, r: number): number {
  return t.cells.find((c) => c.row === r)?.page ?? t.pages[0] ?? 1;
}

/**
 * Scores one reference table against its OCR table (or none). `toSource` maps subset pages to source
 * pages; `inCharset` tells whether the engine can output a character at all (unknown: always true).
 */
export function scoreTable(
  sample: string,
  ref: Table,
  ocr: Table | null,
  findings: readonly Finding[],
  toSource: (p: number) => number,
  inCharset: (ch: string) => boolean = () => true,
): TableScore {
  const slots = slotsOf(ref);
  const base: TableScore = {
    sample,
    ref: brief(ref, toSource),
    ocr: ocr ? brief(ocr, toSource) : null,
    status: 'ok',
    cells: slots.length,
    exact: 0,
    wrongFlagged: 0,
    wrongUnflagged: 0,
    rightFlagged: 0,
    bracketWidthOnly: 0,
    widthOnly: 0,
    unflaggedCells: [],
    flaggedCells: [],
    rightFlaggedCells: [],
    rowKindMismatches: [],
    spanMismatches: [],
    notes: [],
  };
  if (!ocr) return { ...base, status: 'missing', wrongUnflagged: slots.length };
  if (base.ocr!.pages.join(',') !== base.ref.pages.join(',')) base.notes.push(`pages ${base.ocr!.pages.join(',')} (reference ${base.ref.pages.join(',')})`);
  if (base.ocr!.headerRows !== base.ref.headerRows) base.notes.push(`${base.ocr!.headerRows} header rows (reference ${base.ref.headerRows})`);
  if (compactText(ocr.title ?? '') !== compactText(ref.title ?? '')) base.notes.push(`title '${ocr.title ?? ''}' (reference '${ref.title ?? ''}')`);

  if (ocr.columns !== ref.columns || ocr.rows.length !== ref.rows.length) {
    const aligned = alignRows(ref.rows, ocr.rows);
    const alignedSlots = slots.filter((s) => s.row >= 0 && aligned.some(([i]) => i === s.row));
    const alignedExact = alignedSlots.filter((s) => {
      const j = aligned.find(([i]) => i === s.row)![1];
      return compactText(ocr.rows[j]?.[s.col] ?? '') === compactText(s.text);
    }).length;
    const refRows = new Set(aligned.map(([i]) => i));
    const ocrRows = new Set(aligned.map(([, j]) => j));
    return {
      ...base,
      status: ocr.columns !== ref.columns ? 'column-count' : 'row-count',
      wrongUnflagged: slots.length,
      rowDiff: {
        missing: ref.rows.flatMap((row, i) => (refRows.has(i) ? [] : [{ row: i, page: toSource(rowPage(ref, i)), text: rowText(row) }])),
        extra: ocr.rows.flatMap((row, j) => (ocrRows.has(j) ? [] : [{ row: j, page: toSource(rowPage(ocr, j)), text: rowText(row) }])),
        alignedRows: aligned.length,
        alignedCells: alignedSlots.length,
        alignedCellsExact: alignedExact,
      },
    };
  }

  const flagOf = flaggedBy(findings);
  const s = base;
  for (const slot of slots) {
    const g = slot.row < 0 ? (ocr.cells.find((c) => c.row === slot.row && c.col === slot.col) ?? null) : cellAt(ocr, slot.row, slot.col);
    const got = slot.row < 0 ? (g?.text ?? '') : (ocr.rows[slot.row]?.[slot.col] ?? '');
    if (g && slot.cell && (g.rowSpan !== slot.cell.rowSpan || g.colSpan !== slot.cell.colSpan)) {
      s.spanMismatches.push({ row: slot.row, col: slot.col, want: `${slot.cell.rowSpan}×${slot.cell.colSpan}`, got: `${g.rowSpan}×${g.colSpan}` });
    }
    const reason = g === null ? null : flagOf(g);
    const page = toSource(slot.cell?.page ?? rowPage(ref, slot.row));
    if (compactText(got) === compactText(slot.text)) {
      s.exact++;
      if (reason !== null) {
        s.rightFlagged++;
        s.rightFlaggedCells.push({ sample, page, row: slot.row, col: slot.col, text: got, confidence: g!.confidence, reason });
      }
      continue;
    }
    const wrong: WrongCell = {
      sample,
      page,
      row: slot.row,
      col: slot.col,
      got,
      want: slot.text,
      bracketWidthOnly: looseText(got) === looseText(slot.text),
      widthOnly: foldWidth(got) === foldWidth(slot.text),
      confidence: g?.confidence ?? null,
      at: g ? { page: g.page, bbox: { ...g.bbox } } : null,
      notInCharset: [...new Set(Array.from(compactText(slot.text)).filter((ch) => !inCharset(ch)))],
      reason,
    };
    if (wrong.bracketWidthOnly) s.bracketWidthOnly++;
    if (wrong.widthOnly) s.widthOnly++;
    if (reason !== null) {
      s.wrongFlagged++;
      s.flaggedCells.push(wrong);
    } else {
      s.wrongUnflagged++;
      s.unflaggedCells.push(wrong);
    }
  }
  ref.rowKinds.forEach((k, r) => {
    if (ocr.rowKinds[r] !== k) s.rowKindMismatches.push({ row: r, want: k, got: ocr.rowKinds[r] ?? '' });
  });
  return s;
}

/**
 * A guard on the reference: the born-digital rows of the subset against the sample's hand-checked
 * `expected/tables.json` (rows of a table with the same header, text exactly equal). A reference
 * row not found there means the born-digital extraction itself is off on these pages.
 */
export function checkReference(ref: readonly Table[], expected: readonly ExpectedTable[]): { rows: number; notInExpected: string[] } {
  const key = (row: readonly string[]): string => row.join('\u0001');
  let rows = 0;
  const notInExpected: string[] = [];
  for (const t of ref) {
    const pool = new Set(expected.filter((e) => key(e.header) === key(t.header)).flatMap((e) => e.rows.map(key)));
    for (const row of t.rows) {
      rows++;
      if (!pool.has(key(row))) notInExpected.push(`${t.id}: ${row.join(' | ')}`);
    }
  }
  return { rows, notInExpected };
}
