/**
 * Fragments (all pages, document order) → logical tables.
 *
 * A fragment continues the table before it when it is on the next page, has the same column
 * count and compatible column edges (each within `edgeTolerance`, absolutely, after a common
 * shift, or after a shift and a scale within 2 % as two scanned pages give), has nothing above it on its page (`linesAbove` 0: only the repeated header, which is
 * inside the fragment) and no title of its own (or the first page's title repeated, with the same
 * unit and issuer). Its top rows equal to the first fragment's header
 * rows (spaces ignored; read by OCR, similar or doubted by the engine) are dropped as repeats. A continuation that brings a different header of
 * its own (top rows ended by a data row) starts a new table.
 *
 * Rows split by a page break: when the first body row of a continuation has an empty first column
 * where the table numbers its rows (≥ 80 % of body rows have a number there, the previous row
 * too), the row is the rest of the previous row and is joined onto it cell by cell.
 *
 * A ruled continuation with fewer columns, whose edges meet the spans of the table's last row, is
 * first re-expressed on the table's columns (`widen.ts`). A page that ends with only a table's top
 * header row(s) is joined to the grid on the next page, both header parts kept (`headerStub.ts`).
 */
import type { Cell, Table, TableFragment } from '../model/types.ts';
import { joinWrapped, tidyCell } from '../text/spacing.ts';
import { statsOf } from './fragmentStats.ts';
import { overlap1d } from './geometry.ts';
import { firstDataRow, headerStrings, isNumericText } from './rowKinds.ts';
import { resolveTableSettings, type TableSettings } from './settings.ts';
import { widenToColumns } from './widen.ts';
import { stubOnto } from './headerStub.ts';

interface Part {
  f: TableFragment;
  /** rows dropped at its top (header rows of the first part, repeats in the others) */
  drop: number;
  /** its dropped rows are the lower header rows under a header stub (headerStub.ts), not repeats */
  header?: boolean;
}

/** Leading 'header' rows of a fragment. */
export function leadingHeaderRows(f: TableFragment): number {
  let n = 0;
  while (n < f.rowKinds.length && f.rowKinds[n] === 'header') n++;
  return n;
}

const rowKey = (row: readonly string[]): string => row.map((t) => t.replace(/\s+/g, '')).join('\u0001');

/**
 * How many top rows of `f` repeat the header rows of `first` (all of them, or 0). Read by OCR,
 * a repeat need not be letter for letter: it may be misread (tesseract reads '序号' as '有'), so
 * OCR'd header rows that are header rows of `f` too and share half their characters with the
 * first header, or that the engine itself doubts (mean confidence under `ocrUnsure`), repeat it.
 */
export function repeatedHeaderRows(first: TableFragment, f: TableFragment, ocrUnsure = 0.8): number {
  const h = leadingHeaderRows(first);
  if (h === 0 || f.rows.length < h) return 0;
  let same = true;
  for (let r = 0; r < h; r++) if (rowKey(first.rows[r]!) !== rowKey(f.rows[r]!)) same = false;
  if (same) return h;
  const top = f.cells.filter((c) => c.row < h);
  if (top.length === 0 || !top.some((c) => c.confidence < 1) || leadingHeaderRows(f) !== h) return 0;
  const confidence = top.reduce((n, c) => n + c.confidence, 0) / top.length;
  const similar = diceSimilarity(first.rows.slice(0, h).flat().join(''), f.rows.slice(0, h).flat().join('')) >= 0.5;
  return similar || confidence < ocrUnsure ? h : 0;
}

/** Dice coefficient of the characters of `a` and `b` (whitespace ignored): 2·common / (|a| + |b|). */
function diceSimilarity(a: string, b: string): number {
  const x = Array.from(a.replace(/\s+/g, ''));
  const y = Array.from(b.replace(/\s+/g, ''));
  if (x.length + y.length === 0) return 1;
  const count = new Map<string, number>();
  for (const c of x) count.set(c, (count.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of y) {
    const n = count.get(c) ?? 0;
    if (n > 0) {
      common++;
      count.set(c, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Two scans of one table may differ in scale by this share (paper fed a little skewed or stretched). */
const MAX_SCALE_DIFFERENCE = 0.02;

/**
 * Whether column edges `b` (pt) are edges `a` on another page: each within `tol` pt as printed,
 * after a common shift, or after a common shift and a scale within `MAX_SCALE_DIFFERENCE` (the
 * least-squares fit b ≈ s·a + t), as a scanner gives.
 */
function edgesMatch(a: readonly number[], b: readonly number[], tol: number): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  const absolute = a.every((x, i) => Math.abs(x - b[i]!) <= tol);
  const shift = b[0]! - a[0]!;
  const shifted = a.every((x, i) => Math.abs(x + shift - b[i]!) <= tol);
  if (absolute || shifted || a.length < 3) return absolute || shifted;
  const n = a.length;
  const ma = a.reduce((p, x) => p + x, 0) / n;
  const mb = b.reduce((p, x) => p + x, 0) / n;
  let sab = 0;
  let saa = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
  }
  if (saa === 0) return false;
  const scale = sab / saa;
  if (Math.abs(scale - 1) > MAX_SCALE_DIFFERENCE) return false;
  return a.every((x, i) => Math.abs(mb + scale * (x - ma) - b[i]!) <= tol);
}

function columnsOverlap(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    const ov = overlap1d(a[i]!, a[i + 1]!, b[i]!, b[i + 1]!);
    if (ov < 0.5 * Math.min(a[i + 1]! - a[i]!, b[i + 1]! - b[i]!)) return false;
  }
  return true;
}

/** Whether a caption repeated on a continuation page says what the first page's says (spaces ignored). */
function sameCaption(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/** Whether `f` continues the table whose first fragment is `first` and last fragment is `last`. */
export function continues(first: TableFragment, last: TableFragment, f: TableFragment, s: TableSettings): boolean {
  if (f.page !== last.page + 1 || f.columns !== last.columns) return false;
  if (f.title !== undefined && !sameCaption(f.title, first.title)) return false;
  if ((f.unit !== undefined && f.unit !== first.unit) || (f.issuer !== undefined && !sameCaption(f.issuer, first.issuer))) return false;
  if (statsOf(f).linesAbove > 0) return false;
  const compatible =
    f.detector === 'lattice' && last.detector === 'lattice'
      ? edgesMatch(last.columnEdges, f.columnEdges, s.edgeTolerance)
      : columnsOverlap(last.columnEdges, f.columnEdges);
  if (!compatible) return false;
  if (repeatedHeaderRows(first, f) === 0) {
    const own = leadingHeaderRows(f);
    if (own > 0 && firstDataRow(f.rows, f.cells, f.columns) === own) return false; // a header of its own
  }
  return true;
}

/** Merges fragments into logical tables (see the file comment). */
export function fragmentsToTables(fragments: TableFragment[], settings?: Partial<TableSettings>): Table[] {
  const s = resolveTableSettings(settings);
  const groups: Part[][] = [];
  for (const f of fragments) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1]!.f;
    const stub = g && g.length === 1 ? stubOnto(g[0]!.f, f, s.edgeTolerance) : undefined;
    if (g && stub) {
      g[0] = { f: stub, drop: stub.rows.length };
      g.push({ f, drop: leadingHeaderRows(f), header: true });
      continue;
    }
    const next = g && last && !continues(g[0]!.f, last, f, s) ? widenToColumns(f, last, s.edgeTolerance) : f;
    if (g && next && continues(g[0]!.f, last!, next, s)) g.push({ f: next, drop: repeatedHeaderRows(g[0]!.f, next) });
    else groups.push([{ f, drop: leadingHeaderRows(f) }]);
  }
  return groups.map((g, i) => partsToTable(g, `t${i + 1}`));
}

function partsToTable(parts: Part[], id: string): Table {
  const first = parts[0]!.f;
  const C = first.columns;
  // header rows: the first part's, then those of parts under a header stub
  let h = parts[0]!.drop;
  const headerCells: Cell[] = first.cells.filter((c) => c.row < h);
  for (const p of parts.slice(1)) {
    if (!p.header) continue;
    headerCells.push(...p.f.cells.filter((c) => c.row < p.drop).map((c) => ({ ...c, row: c.row + h })));
    h += p.drop;
  }
  const cells: Cell[] = headerCells.map((c) => ({ ...c, row: c.row - h }));
  const rows: string[][] = [];
  const kinds: ('body' | 'section')[] = [];
  let strayItems = 0;
  let dropped = 0;
  for (let p = 0; p < parts.length; p++) {
    const { f, drop } = parts[p]!;
    strayItems += statsOf(f).strayItems;
    if (p > 0 && !parts[p]!.header) dropped += drop;
    let start = drop;
    if (p > 0 && start < f.rows.length && splitRowContinues(rows, kinds, f, start)) {
      const last = rows.length - 1;
      const cont = f.rows[start]!;
      for (let c = 0; c < C; c++) {
        const joined = tidyCell(joinWrapped([rows[last]![c]!, cont[c] ?? '']));
        rows[last]![c] = joined;
        const cell = cells.find((x) => x.row === last && x.col === c);
        if (cell) cell.text = joined;
      }
      start++;
    }
    const offset = rows.length - start;
    for (let r = start; r < f.rows.length; r++) {
      rows.push([...f.rows[r]!]);
      kinds.push(f.rowKinds[r] === 'section' ? 'section' : 'body');
    }
    for (const c of f.cells) if (c.row >= start) cells.push({ ...c, row: c.row + offset });
  }
  let filled = 0;
  for (const c of cells) if (c.text !== '') filled += c.rowSpan * c.colSpan;
  const slots = (h + rows.length) * C;
  const unit = parts.map((x) => x.f.unit).find((u) => u !== undefined);
  const issuer = parts.map((x) => x.f.issuer).find((u) => u !== undefined);
  return {
    id,
    title: first.title ?? null,
    titleBox: first.titleBox ? { page: first.page, bbox: first.titleBox } : null,
    unit: unit ?? null,
    issuer: issuer ?? null,
    pages: [...new Set(parts.map((x) => x.f.page))],
    detector: first.detector,
    columns: C,
    header: headerStrings(headerCells, h, C),
    rows,
    rowKinds: kinds,
    cells,
    quality: {
      fill: slots > 0 ? Math.min(1, filled / slots) : 0,
      strayItems,
      fragments: parts.length,
      droppedHeaderRows: dropped,
    },
  };
}

/** A continuation's first body row that is the rest of the table's last row (see file comment). */
function splitRowContinues(rows: string[][], kinds: readonly string[], f: TableFragment, r: number): boolean {
  const prev = rows[rows.length - 1];
  const cont = f.rows[r];
  if (!prev || !cont || kinds[kinds.length - 1] !== 'body' || f.rowKinds[r] === 'section') return false;
  if (cont[0] !== '' || !isNumericText(prev[0] ?? '') || cont.every((t) => t === '')) return false;
  const body = rows.filter((_, i) => kinds[i] === 'body');
  const numbered = body.filter((row) => isNumericText(row[0] ?? '')).length;
  return numbered >= 0.8 * body.length;
}
