/**
 * Stream detector: text lines (outside ruled tables) → unruled table fragments.
 *
 * A candidate block is a run of row lines, each close below the previous one (≤
 * `streamMaxRowGap` × font size), holding ≥ `streamMinRows` lines split into ≥ 2 runs by wide gaps
 * (single-run lines between them are allowed: wrapped cells, section rows). The columns are the
 * x-stretches free of text in (nearly) all those lines. Walking down the block, a line becomes a
 * row, a continuation of the row above (wrapped cell), or a section row; the first line that fits
 * none ends the table. Guards against prose: ≥ `streamMinRows` rows with ≥ 2 filled columns,
 * ≥ `streamFitShare` of them crossing no separator, few cells ending like a sentence, at most
 * half of the cells a single non-numeric character (letter-spaced text), and a 2-column table
 * needs a numeric column (a signature block with issuer and date is not a table).
 */
import type { BBox, Cell, TableFragment, TextItem } from '../model/types.ts';
import { itemsToCellText, itemsToConfidence, itemsToDoubts } from './cellText.ts';
import { unionBoxes } from './geometry.ts';
import { headerRowCount, isNumericText, rowsToKinds } from './rowKinds.ts';
import type { FragmentStats } from './fragmentStats.ts';
import type { TableSettings } from './settings.ts';
import { linesToRowLines, rowLinesToColumns, segmentToColumns, type RowLine, type Segment, type StreamColumns } from './streamColumns.ts';
import type { Line } from '../model/types.ts';

interface Group {
  col: number;
  colSpan: number;
  items: TextItem[];
  /** right end of the last run put into this group, pt */
  x1: number;
}

interface StreamRow {
  top: number;
  bottom: number;
  groups: Group[];
  section: boolean;
  /** index in the block of the last row line taken into this row */
  lastLine: number;
}

const SENTENCE_END = /[。；;]$/;
const LEAD_IN = /[：:]$/;
/** a form field: a short label, then a colon ('填报单位：…', '性别: 男', '送检科室:') */
const FIELD = /^[^：:\s]{1,10}\s*[：:]/;

/** Whether every cell of a row is a form field (a line of fields above a table, not its header). */
function isFieldRow(row: StreamRow, s: TableSettings): boolean {
  return row.groups.length > 0 && row.groups.every((g) => FIELD.test(itemsToCellText(g.items, s.cellSpaceRatio)));
}

/**
 * Row line → column groups. A segment is first cut at item gaps that hold a separator's middle
 * (a header '执行数 执行率' set closer than the segment gap); a piece still crossing whole
 * separators spans those columns; pieces in one column are merged.
 */
function rowLineToGroups(rl: RowLine, cols: StreamColumns, s: TableSettings): Group[] {
  const mids = cols.separators.map((g) => (g.from + g.to) / 2);
  const pieces: Segment[] = [];
  for (const seg of rl.segments) {
    let cur: Segment | undefined;
    for (const it of seg.items) {
      const last = cur;
      const cut =
        last !== undefined &&
        it.bbox.x0 - last.x1 >= s.streamMinSeparator * seg.fontSize &&
        mids.some((m) => m >= last.x1 && m <= it.bbox.x0);
      if (!last || cut) {
        cur = { x0: it.bbox.x0, x1: it.bbox.x1, items: [it], fontSize: seg.fontSize };
        pieces.push(cur);
      } else {
        last.items.push(it);
        last.x1 = Math.max(last.x1, it.bbox.x1);
      }
    }
  }
  const groups: Group[] = [];
  for (const seg of pieces) {
    const [a, b] = segmentToColumns(seg, cols);
    const g = groups.find((x) => a <= x.col + x.colSpan - 1 && b >= x.col);
    if (g) {
      const end = Math.max(g.col + g.colSpan - 1, b);
      g.col = Math.min(g.col, a);
      g.colSpan = end - g.col + 1;
      g.items.push(...seg.items);
      g.x1 = Math.max(g.x1, seg.x1);
    } else groups.push({ col: a, colSpan: b - a + 1, items: [...seg.items], x1: seg.x1 });
  }
  return groups.sort((x, y) => x.col - y.col);
}

const filledSlots = (groups: readonly Group[]): number => groups.reduce((n, g) => n + g.colSpan, 0);

/**
 * Whether `groups` (a partial line set tight below `prev`) belong to `prev`: each fills a column
 * that is empty in `prev` (content centred vertically beside a wrapped cell) or continues a
 * wrapped cell (not a number, and the text above reached the column's right edge).
 */
function joinsRowAbove(groups: readonly Group[], prev: StreamRow, colRight: readonly number[], fs: number, s: TableSettings): boolean {
  if (prev.section) return false;
  return groups.every((g) => {
    const above = prev.groups.find((p) => p.col <= g.col && g.col < p.col + p.colSpan);
    if (!above) return true;
    if (above.colSpan > 1 || above.col !== g.col) return false;
    const text = itemsToCellText(g.items, s.cellSpaceRatio);
    // a number, or a label ending in '：' (a section row '一、城镇困难群众：' tight under the header), starts a row
    if (isNumericText(text) || LEAD_IN.test(text)) return false;
    return above.x1 >= colRight[g.col]! - 2 * fs;
  });
}

/**
 * Whether a table's top row fits the columns: each cell in one column, or a group header —
 * a cell spanning columns that lies within their text's extent, centred on it (within one font
 * size `fs`), with ≥ 2 of those columns labelled singly in the row below.
 */
function rowFitsColumns(row: StreamRow, below: StreamRow | undefined, colLeft: readonly number[], colRight: readonly number[], fs: number): boolean {
  return row.groups.every((g) => {
    if (g.colSpan === 1) return true;
    const last = g.col + g.colSpan - 1;
    const left = colLeft[g.col]!;
    const right = colRight[last]!;
    const x0 = Math.min(...g.items.map((it) => it.bbox.x0));
    if (x0 < left - fs || g.x1 > right + fs || Math.abs((x0 + g.x1) / 2 - (left + right) / 2) > fs) return false;
    const labels = below?.groups.filter((b) => b.colSpan === 1 && b.col >= g.col && b.col <= last) ?? [];
    return labels.length >= 2;
  });
}

/**
 * Whether `groups` (the line `line` right above the table's top row `top`, outside the block)
 * are the first lines of header cells wrapped over two lines, the rest printed on the top row
 * (Calc and Excel set header cells at the cell bottom): tight above, each in one column over a
 * text cell of the top row and aligned with it (left, right or centre within one font size), not
 * a label ending in '：' nor a field ('单位：元'), no narrower than the rest of its cell, the top
 * row holding no number.
 */
function headsWrappedCells(groups: readonly Group[], line: RowLine, top: StreamRow, s: TableSettings): boolean {
  const fs = line.fontSize;
  if (groups.length === 0 || top.top - line.bottom > s.streamTightGap * fs) return false;
  const text = (g: Group): string => itemsToCellText(g.items, s.cellSpaceRatio);
  if (top.groups.some((g) => isNumericText(text(g)))) return false;
  const left = (g: Group): number => Math.min(...g.items.map((it) => it.bbox.x0));
  return groups.every((g) => {
    const below = top.groups.find((b) => b.col === g.col && b.colSpan === 1);
    // a unit or form field right over the last header cell ('单位：元' above '执行率') is no part of it
    if (g.colSpan !== 1 || !below || LEAD_IN.test(text(g)) || FIELD.test(text(g))) return false;
    const [a0, a1, b0, b1] = [left(g), g.x1, left(below), below.x1];
    // wrapping fills the first line: it is no narrower than the rest below it
    if (a1 - a0 < b1 - b0 - fs / 2) return false;
    return Math.abs(a0 - b0) <= fs || Math.abs(a1 - b1) <= fs || Math.abs((a0 + a1) / 2 - (b0 + b1) / 2) <= fs;
  });
}

function mergeInto(row: StreamRow, groups: readonly Group[], top: number, bottom: number, line: number): void {
  for (const g of groups) {
    const same = row.groups.find((p) => p.col === g.col && p.colSpan === g.colSpan);
    if (same) {
      same.items.push(...g.items);
      same.x1 = Math.max(same.x1, g.x1);
    } else row.groups.push({ ...g, items: [...g.items] });
  }
  row.groups.sort((a, b) => a.col - b.col);
  row.top = Math.min(row.top, top);
  row.bottom = Math.max(row.bottom, bottom);
  row.lastLine = Math.max(row.lastLine, line);
}

/** Tries a table at the start of `block`; returns it and the number of row lines it used. */
function blockToFragment(
  block: readonly RowLine[],
  page: number,
  s: TableSettings,
  above?: RowLine,
): { fragment: TableFragment & FragmentStats; used: number } | undefined {
  const multi = block.filter((r) => r.segments.length >= 2);
  if (multi.length < s.streamMinRows) return undefined;
  const cols = rowLinesToColumns(multi, s);
  if (!cols) return undefined;
  const C = cols.edges.length - 1;
  const perLine = block.map((rl) => rowLineToGroups(rl, cols, s));
  const colLeft = new Array<number>(C).fill(Infinity);
  const colRight = new Array<number>(C).fill(-Infinity);
  for (const groups of perLine) {
    for (const g of groups) {
      if (g.colSpan !== 1) continue;
      colLeft[g.col] = Math.min(colLeft[g.col]!, ...g.items.map((it) => it.bbox.x0));
      colRight[g.col] = Math.max(colRight[g.col]!, g.x1);
    }
  }

  const rows: StreamRow[] = [];
  let pending: { groups: Group[]; top: number; bottom: number } | undefined;
  for (let k = 0; k < block.length; k++) {
    const rl = block[k]!;
    const groups = perLine[k]!;
    const fs = rl.fontSize;
    const prev = rows[rows.length - 1];
    const next = block[k + 1];
    const nextGroups = perLine[k + 1] ?? [];
    const partial = !pending && groups.length > 0 && groups.every((g) => g.colSpan === 1) && filledSlots(groups) < C;
    const disjointBelow =
      nextGroups.length >= 2 && groups.every((g) => !nextGroups.some((n) => n.col <= g.col && g.col < n.col + n.colSpan));
    const overlapsNext = next !== undefined && next.top < rl.bottom;
    const tightAbove = prev !== undefined && rl.top - prev.bottom <= s.streamTightGap * fs;
    if (partial && overlapsNext && disjointBelow) {
      pending = { groups, top: rl.top, bottom: rl.bottom };
    } else if (partial && tightAbove && joinsRowAbove(groups, prev!, colRight, fs, s)) {
      mergeInto(prev!, groups, rl.top, rl.bottom, k);
    } else if (partial && next !== undefined && next.top - rl.bottom <= s.streamTightGap * fs && disjointBelow) {
      pending = { groups, top: rl.top, bottom: rl.bottom };
    } else if (groups.length >= 2 || pending) {
      const row: StreamRow = { top: rl.top, bottom: rl.bottom, groups: groups.map((g) => ({ ...g, items: [...g.items] })), section: false, lastLine: k };
      if (pending) mergeInto(row, pending.groups, pending.top, pending.bottom, k);
      pending = undefined;
      rows.push(row);
    } else {
      const g = groups[0];
      const text = g ? itemsToCellText(g.items, s.cellSpaceRatio) : '';
      const startsLeft = g !== undefined && g.col === 0 && rl.segments[0]!.x0 <= cols.x0 + 2 * fs;
      const moreBelow = perLine.slice(k + 1).some((x) => x.length >= 2);
      if (!g || !startsLeft || !moreBelow || SENTENCE_END.test(text) || rows.length === 0) break;
      rows.push({ top: rl.top, bottom: rl.bottom, groups: [{ col: 0, colSpan: C, items: g.items, x1: g.x1 }], section: true, lastLine: k });
    }
  }
  while (rows.length > 0 && rows[rows.length - 1]!.section) rows.pop();
  // a line above the table that only happens to have gaps (a form's '性别: 男  年龄: 50岁') is no header
  if (rows.length > 0 && !rowFitsColumns(rows[0]!, rows[1], colLeft, colRight, block[0]!.fontSize)) return undefined;
  if (rows.length > 1 && isFieldRow(rows[0]!, s) && !isFieldRow(rows[1]!, s)) return undefined;
  if (above && rows.length > 0) {
    const head = rowLineToGroups(above, cols, s);
    if (headsWrappedCells(head, above, rows[0]!, s)) mergeInto(rows[0]!, head, above.top, above.bottom, rows[0]!.lastLine);
  }
  const multiRows = rows.filter((r) => r.groups.length >= 2);
  if (multiRows.length < s.streamMinRows) return undefined;
  const fitting = multiRows.filter((r) => r.groups.every((g) => g.colSpan === 1)).length;
  if (fitting < s.streamFitShare * multiRows.length) return undefined;
  return { fragment: rowsToFragment(rows, cols, page, s), used: rows[rows.length - 1]!.lastLine + 1 };
}

function rowsToFragment(rows: StreamRow[], cols: StreamColumns, page: number, s: TableSettings): TableFragment & FragmentStats {
  const C = cols.edges.length - 1;
  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    let next = 0;
    const add = (col: number, colSpan: number, items: TextItem[]): void => {
      const area: BBox = { x0: cols.edges[col]!, x1: cols.edges[col + colSpan]!, top: row.top, bottom: row.bottom };
      cells.push({
        row: r, col, rowSpan: 1, colSpan,
        text: itemsToCellText(items, s.cellSpaceRatio),
        bbox: items.length > 0 ? unionBoxes(items.map((i) => i.bbox))! : area,
        page,
        confidence: itemsToConfidence(items),
        ...itemsToDoubts(items),
      });
    };
    for (const g of row.groups) {
      for (; next < g.col; next++) add(next, 1, []);
      add(g.col, g.colSpan, g.items);
      next = g.col + g.colSpan;
    }
    for (; next < C; next++) add(next, 1, []);
  });
  const grid = rows.map(() => new Array<string>(C).fill(''));
  for (const c of cells) grid[c.row]![c.col] = c.text;
  const headerRows = headerRowCount(grid, cells, C, s);
  return {
    page,
    bbox: { x0: cols.x0, x1: cols.x1, top: rows[0]!.top, bottom: rows[rows.length - 1]!.bottom },
    detector: 'stream',
    columns: C,
    rows: grid,
    rowKinds: rowsToKinds(rows.length, headerRows, cells, C),
    cells,
    columnEdges: cols.edges,
    captionBoxes: [],
    strayItems: 0,
    linesAbove: 0,
  };
}

/** Prose guards on a finished candidate (see the file comment). */
function looksLikeTable(f: TableFragment, s: TableSettings): boolean {
  const texts = f.rows.flat().filter((t) => t !== '');
  if (texts.filter((t) => SENTENCE_END.test(t)).length * 3 > texts.length) return false;
  // letter-spaced lines ('各 区 委 各 部 门') split into one-character runs that may line up
  if (texts.filter((t) => Array.from(t).length === 1 && !isNumericText(t)).length * 2 > texts.length) return false;
  if (f.columns > 2) return true;
  const body = f.rows.filter((_, r) => f.rowKinds[r] === 'body');
  if (body.length === 0) return false;
  for (let c = 0; c < f.columns; c++) {
    const numeric = body.filter((row) => isNumericText(row[c]!)).length;
    if (numeric >= s.streamTwoColumnNumericShare * body.length) return true;
  }
  return false;
}

/** Unruled tables among the lines of one page, top to bottom. */
export function linesToStreamFragments(lines: readonly Line[], page: number, s: TableSettings): (TableFragment & FragmentStats)[] {
  const rl = linesToRowLines(lines, s);
  const out: (TableFragment & FragmentStats)[] = [];
  let i = 0;
  while (i < rl.length) {
    if (rl[i]!.segments.length < 2) {
      i++;
      continue;
    }
    let j = i + 1;
    let lastMulti = i;
    while (j < rl.length) {
      const gap = rl[j]!.top - rl[j - 1]!.bottom;
      if (gap > s.streamMaxRowGap * rl[j - 1]!.fontSize) break;
      if (rl[j]!.segments.length >= 2) lastMulti = j;
      else if (j - lastMulti >= 2) break;
      j++;
    }
    const block = rl.slice(i, Math.min(j, lastMulti + 2));
    const above = i > 0 && rl[i - 1]!.segments.length === 1 ? rl[i - 1] : undefined;
    const found = blockToFragment(block, page, s, above);
    if (found && looksLikeTable(found.fragment, s)) {
      out.push(found.fragment);
      i += found.used;
    } else i++;
  }
  return out;
}
