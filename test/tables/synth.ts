/**
 * Synthetic page builders for the table tests: text items with boxes, lines built from items
 * (items sharing a top), and ruled grids drawn as per-cell border pieces. PDF points, top-left.
 */
import type { Line, PageContent, RulingLine, TextItem } from '../../src/model/types.ts';
import { joinRuns, tightenCjk } from '../../src/text/spacing.ts';

export const FS = 12;

/** Width of a string set in `fs`: CJK and full-width 1 em, other characters 0.5 em. */
export function textWidth(text: string, fs = FS): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u024f]/.test(ch) ? fs * 0.5 : fs;
  return w;
}

/** One text item whose top-left corner is (x0, top). */
export function item(text: string, x0: number, top: number, page = 1, fs = FS): TextItem {
  return {
    text, orig: text, page, fontSize: fs, source: 'pdf', confidence: 1,
    bbox: { x0, top, x1: x0 + textWidth(text, fs), bottom: top + fs },
  };
}

/** Items ending at x1 (right-aligned). */
export function itemRight(text: string, x1: number, top: number, page = 1, fs = FS): TextItem {
  return item(text, x1 - textWidth(text, fs), top, page, fs);
}

/** Letter-spaced text: one item per character, `gap` pt between characters. */
export function spaced(text: string, x0: number, top: number, gap: number, page = 1, fs = FS): TextItem[] {
  const out: TextItem[] = [];
  let x = x0;
  for (const ch of text) {
    out.push(item(ch, x, top, page, fs));
    x += textWidth(ch, fs) + gap;
  }
  return out;
}

/** Items → lines (items whose tops are within 2 pt), each sorted left to right. */
export function itemsToLines(items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.bbox.top - b.bbox.top || a.bbox.x0 - b.bbox.x0);
  const groups: TextItem[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.bbox.top - it.bbox.top) <= 2 && g[0]!.page === it.page) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    return {
      page: g[0]!.page,
      items: g,
      fontSize: g[0]!.fontSize,
      text: tightenCjk(joinRuns(g.map((i) => ({ text: i.text, x0: i.bbox.x0, x1: i.bbox.x1, fontSize: i.fontSize })))),
      bbox: {
        x0: Math.min(...g.map((i) => i.bbox.x0)), x1: Math.max(...g.map((i) => i.bbox.x1)),
        top: Math.min(...g.map((i) => i.bbox.top)), bottom: Math.max(...g.map((i) => i.bbox.bottom)),
      },
    };
  });
}

export interface Merge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Borders of a grid with merged cells, one piece per slot edge (as Chromium draws them).
 * With `joined`, contiguous pieces are drawn as single long lines instead.
 */
export function gridRulings(xs: number[], ys: number[], merges: Merge[] = [], page = 1, joined = false): RulingLine[] {
  const inMerge = (r: number, c: number): Merge | undefined =>
    merges.find((m) => r >= m.row && r < m.row + m.rowSpan && c >= m.col && c < m.col + m.colSpan);
  const out: RulingLine[] = [];
  const R = ys.length - 1;
  const C = xs.length - 1;
  for (let i = 0; i <= R; i++) {
    for (let c = 0; c < C; c++) {
      const above = i > 0 ? inMerge(i - 1, c) : undefined;
      const below = i < R ? inMerge(i, c) : undefined;
      if (above && above === below) continue; // inside a merged cell
      out.push({ page, axis: 'h', at: ys[i]!, from: xs[c]!, to: xs[c + 1]!, width: 0.75 });
    }
  }
  for (let j = 0; j <= C; j++) {
    for (let r = 0; r < R; r++) {
      const left = j > 0 ? inMerge(r, j - 1) : undefined;
      const right = j < C ? inMerge(r, j) : undefined;
      if (left && left === right) continue;
      out.push({ page, axis: 'v', at: xs[j]!, from: ys[r]!, to: ys[r + 1]!, width: 0.75 });
    }
  }
  return joined ? joinPieces(out) : out;
}

function joinPieces(pieces: RulingLine[]): RulingLine[] {
  const sorted = [...pieces].sort((a, b) => (a.axis < b.axis ? -1 : a.axis > b.axis ? 1 : a.at - b.at || a.from - b.from));
  const out: RulingLine[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.axis === p.axis && last.at === p.at && p.from <= last.to + 0.01) last.to = Math.max(last.to, p.to);
    else out.push({ ...p });
  }
  return out;
}

/** Text of a cell as items: one item per line of `lines`, from the cell's top-left + padding. */
export function cellItems(xs: number[], ys: number[], r: number, c: number, lines: string[], page = 1): TextItem[] {
  return lines.map((t, k) => item(t, xs[c]! + 4, ys[r]! + 4 + k * (FS + 2), page));
}

/** A page from items and rulings (A4, 595 × 842 pt). */
export function page(n: number, items: TextItem[], rulings: RulingLine[] = []): PageContent {
  return { info: { page: n, width: 595, height: 842, rotate: 0 }, items, rulings };
}
