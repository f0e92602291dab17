/**
 * Text items → the text of one cell: items grouped into lines by baseline (vertical overlap),
 * each line joined with `joinRuns`, lines joined with `joinWrapped`, then `tidyCell`.
 */
import type { TextItem } from '../model/types.ts';
import { isCjk, itemsToRuns, joinRuns, joinWrapped, tidyCell } from '../text/spacing.ts';
import { overlap1d } from './geometry.ts';

/** Groups items into lines (top to bottom): an item joins a line it overlaps by ≥ half its height. */
export function itemsToLines(items: readonly TextItem[]): TextItem[][] {
  const sorted = items
    .filter((it) => it.text.trim() !== '')
    .sort((a, b) => a.bbox.top + a.bbox.bottom - (b.bbox.top + b.bbox.bottom));
  const lines: { top: number; bottom: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    const h = Math.max(it.bbox.bottom - it.bbox.top, 0.1);
    const line = lines.find((l) => {
      const lh = Math.max(l.bottom - l.top, 0.1);
      return overlap1d(l.top, l.bottom, it.bbox.top, it.bbox.bottom) >= 0.5 * Math.min(h, lh);
    });
    if (line) {
      line.items.push(it);
      line.top = Math.min(line.top, it.bbox.top);
      line.bottom = Math.max(line.bottom, it.bbox.bottom);
    } else lines.push({ top: it.bbox.top, bottom: it.bbox.bottom, items: [it] });
  }
  return lines.sort((a, b) => a.top - b.top).map((l) => l.items);
}

/** Text of one cell from its items, spacing rules of `text/spacing` applied; `spaceRatio` see `cellSpaceRatio`. */
export function itemsToCellText(items: readonly TextItem[], spaceRatio = 0.2): string {
  const lines = itemsToLines(items).map((line) =>
    joinRuns(itemsToRuns(line), spaceRatio),
  );
  return tidyCell(joinWrapped(lines));
}

/** Mean confidence of the items (1 when there are none). */
export function itemsToConfidence(items: readonly TextItem[]): number {
  if (items.length === 0) return 1;
  return items.reduce((s, it) => s + it.confidence, 0) / items.length;
}

/** `{ doubts }` of the items' OCR doubts, or `{}` when they have none (text-layer cells stay as they were). */
export function itemsToDoubts(items: readonly TextItem[]): { doubts?: string[] } {
  const d = items.flatMap((it) => it.doubts ?? []);
  return d.length > 0 ? { doubts: d } : {};
}

/**
 * Splits an item whose box crosses one of the column boundaries `xs` at its whitespace (one run
 * 'A B' written over two cells, as LibreOffice does), each piece's box estimated from character
 * widths (CJK and full-width 1 em, others ½ em). Items that cross nothing or have no inner
 * whitespace come back unchanged.
 */
export function splitItemAtColumns(item: TextItem, xs: readonly number[]): TextItem[] {
  const { x0, x1 } = item.bbox;
  if (!xs.some((x) => x > x0 + 1 && x < x1 - 1) || !/\S\s+\S/.test(item.text)) return [item];
  const chars = Array.from(item.text);
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const scale = (x1 - x0) / total;
  const origChars = Array.from(item.orig);
  const sameLength = origChars.length === chars.length;
  const out: TextItem[] = [];
  let pos = x0;
  let start = -1;
  let startX = x0;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    const space = ch === undefined || /\s/.test(ch);
    if (!space && start < 0) {
      start = i;
      startX = pos;
    }
    if (space && start >= 0) {
      const text = chars.slice(start, i).join('');
      out.push({ ...item, text, orig: sameLength ? origChars.slice(start, i).join('') : text, bbox: { ...item.bbox, x0: startX, x1: pos } });
      start = -1;
    }
    if (ch !== undefined) pos += weights[i]! * scale;
  }
  return out;
}
