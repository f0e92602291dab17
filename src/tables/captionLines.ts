/**
 * Caption lines as the caption walk (captions.ts) reads them: a label line's name or unit that
 * wrapped onto the next text row is joined back onto it. PDF points, top-left origin.
 *
 * Tables typed in a spreadsheet print their issuer and unit in narrow cells, which wrap:
 *   '部门名称：江苏省某某法' over '院            单位：万元'   (the name's tail under the name)
 *   '部门名称：某某厅     元' under '            单位：万'     (the unit's tail under the unit)
 * Each text row is cut into segments at gaps wider than `SEGMENT_GAP` × font size; a short
 * segment that is no label itself, standing within `WRAP_GAP` × font size under a label segment
 * ('部门…：name', '单位：…') whose left or right edge it shares (within one font size), is that
 * label's wrapped tail: it is taken off its row and appended to the label's text.
 */
import type { Line, TextItem } from '../model/types.ts';
import { itemsToRuns, joinRuns, tightenCjk } from '../text/spacing.ts';
import { overlap1d } from './geometry.ts';

/** Items further apart than this × font size belong to different segments of a row. */
const SEGMENT_GAP = 2;
/** A wrapped tail starts at most this × font size below its label's bottom. */
const WRAP_GAP = 0.8;
/** A wrapped tail holds at most this many characters. */
const MAX_TAIL_CHARS = 8;
/** Issuer labels ('部门：', '部门名称：', '编制单位：' …) and unit labels ('单位：'). */
const LABEL = /(?:部\s*门|单\s*位|名\s*称)\s*[:：]/;
const SENTENCE_END = /[。；，,;！？!?：:]$/;

interface Segment {
  line: Line;
  items: TextItem[];
  x0: number;
  x1: number;
  text: string;
}

function segmentsOf(line: Line, cellSpaceRatio: number): Segment[] {
  const items = line.items.filter((it) => it.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const groups: TextItem[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    const fs = it.fontSize > 0 ? it.fontSize : line.fontSize || 10;
    if (g && last && it.bbox.x0 - last.bbox.x1 <= SEGMENT_GAP * fs) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => ({
    line,
    items: g,
    x0: Math.min(...g.map((i) => i.bbox.x0)),
    x1: Math.max(...g.map((i) => i.bbox.x1)),
    text: tightenCjk(joinRuns(itemsToRuns(g), cellSpaceRatio)),
  }));
}

function isTail(seg: Segment): boolean {
  const n = Array.from(seg.text.replace(/\s+/g, '')).length;
  return n > 0 && n <= MAX_TAIL_CHARS && !LABEL.test(seg.text) && !SENTENCE_END.test(seg.text) && !/^[\d,.\s]+$/.test(seg.text);
}

/** The label segment over `tail` whose wrapped end it is, if any. */
function labelOver(tail: Segment, rows: readonly Segment[][]): Segment | undefined {
  const fs = tail.line.fontSize > 0 ? tail.line.fontSize : 10;
  for (const row of rows) {
    const up = row[0]!.line;
    if (up === tail.line || up.bbox.top >= tail.line.bbox.top) continue;
    const gap = tail.line.bbox.top - up.bbox.bottom;
    if (gap < -0.5 * fs || gap > WRAP_GAP * fs) continue;
    const label = row.find(
      (s) =>
        LABEL.test(s.text) &&
        !/[:：]$/.test(s.text) &&
        overlap1d(s.x0, s.x1, tail.x0, tail.x1) > 0 &&
        (Math.abs(s.x0 - tail.x0) <= fs || Math.abs(s.x1 - tail.x1) <= fs),
    );
    if (label) return label;
  }
  return undefined;
}

/**
 * A line made of some items of `line`: the rest of a row whose tail went to the label above, or
 * (with `text`) a row with its labels' tails joined, which keeps no items (they sit on two rows).
 */
function lineOf(line: Line, items: TextItem[], text?: string): Line {
  const boxes = items.map((i) => i.bbox);
  const bbox = {
    x0: Math.min(...boxes.map((b) => b.x0)),
    top: Math.min(...boxes.map((b) => b.top)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
  return { ...line, bbox, items: text === undefined ? items : [], text: text ?? items.map((i) => i.text).join('') };
}

const cache = new WeakMap<readonly Line[], Line[]>();

/**
 * `lines` with wrapped label tails joined back (see the file comment). The same input array gives
 * the same output objects (so a caller's set of used lines holds across tables of one page).
 */
export function unwrapLabelLines(lines: readonly Line[], cellSpaceRatio: number): Line[] {
  const cached = cache.get(lines);
  if (cached) return cached;
  const rows = lines.filter((l) => l.items.length > 0).map((l) => segmentsOf(l, cellSpaceRatio));
  const tails = new Map<Segment, Segment[]>();
  const moved = new Set<Segment>();
  for (const row of rows) {
    for (const seg of row) {
      if (!isTail(seg)) continue;
      const label = labelOver(seg, rows);
      if (!label || moved.has(label)) continue;
      tails.set(label, [...(tails.get(label) ?? []), seg]);
      moved.add(seg);
    }
  }
  if (moved.size === 0) {
    cache.set(lines, [...lines]);
    return cache.get(lines)!;
  }
  const out: Line[] = [];
  const byLine = new Map(rows.map((r) => [r[0]!.line, r]));
  for (const line of lines) {
    const row = byLine.get(line);
    if (!row || !row.some((s) => moved.has(s) || tails.has(s))) {
      out.push(line);
      continue;
    }
    const kept = row.filter((s) => !moved.has(s));
    if (kept.length === 0) continue;
    const items = kept.flatMap((s) => [...s.items, ...(tails.get(s) ?? []).flatMap((t) => t.items)]);
    if (!kept.some((s) => tails.has(s))) {
      out.push(lineOf(line, items));
      continue;
    }
    const text = kept.map((s) => s.text + (tails.get(s) ?? []).map((t) => t.text).join('')).join(' ');
    out.push(lineOf(line, items, text));
  }
  cache.set(lines, out);
  return out;
}
