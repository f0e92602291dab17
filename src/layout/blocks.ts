/**
 * Lines → blocks (paragraphs). A new block starts on a new page, at a bigger vertical gap than the
 * page's usual one, at a first-line indent (~2 characters), at a change of font size, where a
 * centred line begins or ends, and after a line that stops short of the right margin. Lengths are
 * PDF points, top-left origin.
 */
import type { Block, Line } from '../model/types.ts';
import { isCentredShort, median, textArea, unionBox, wrapsInto, type TextArea } from './geometry.ts';
import { joinStyled, spacesDigits } from './join.ts';
import { isDateOnly } from './dates.ts';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.ts';

/** Groups lines (in reading order, any number of pages) into blocks. */
export function linesToBlocks(lines: Line[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j]!.page === lines[i]!.page) j++;
    out.push(...pageLinesToBlocks(lines.slice(i, j), settings));
    i = j;
  }
  return out;
}

/**
 * Joins the lines of one block: wrapped lines without a break (joinWrapped), CJK spacing
 * tightened; a space is put back at a Han|digit line break when `spaced` (see join.ts).
 */
export function blockText(lines: readonly Line[], spaced = false): string {
  return joinStyled(lines.map((l) => l.text), spaced);
}

/** A list item or heading number at the start of a line: '2、' '3.' '（一）' '(1)' '一、'. */
const LIST_START = /^\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

function sameSize(a: Line, b: Line, s: LayoutSettings): boolean {
  return Math.abs(a.fontSize - b.fontSize) <= s.fontChangeRatio * Math.max(a.fontSize, b.fontSize);
}

/** The usual vertical gap between consecutive lines of the same size on a page, pt. */
function usualGap(lines: readonly Line[], s: LayoutSettings): number | null {
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1]!;
    const b = lines[k]!;
    const gap = b.bbox.top - a.bbox.bottom;
    if (gap >= 0 && sameSize(a, b, s)) gaps.push(gap);
  }
  return gaps.length >= 2 ? median(gaps) : null;
}

/** Whether a block break falls between two consecutive lines of one page. */
function breaksBetween(a: Line, b: Line, area: TextArea, gap: number | null, s: LayoutSettings): boolean {
  if (!sameSize(a, b, s)) return true;
  const fs = Math.max(a.fontSize, b.fontSize);
  const dy = b.bbox.top - a.bbox.bottom;
  const usual = gap ?? fs * 0.5;
  if (dy > Math.max(usual * s.blockGapRatio, usual + 0.5 * fs)) return true;
  if (dy < -0.5 * fs) return true; // went back up: a new column
  const aCentred = isCentredShort(a, area, s.centreTolerance);
  const bCentred = isCentredShort(b, area, s.centreTolerance);
  if (aCentred !== bCentred) return true;
  if (aCentred && bCentred) return false; // a wrapped title
  const indent = b.bbox.x0 - area.left;
  if (indent >= s.indentMin * b.fontSize && indent <= s.indentMax * b.fontSize) return true;
  if (isDateOnly(b.text)) return true; // a signing date under the signature
  // a list item hanging right of the margin (a wrapped line would start at the margin)
  if (LIST_START.test(b.text) && b.bbox.x0 - area.left > 0.5 * b.fontSize) return true;
  // the previous line stopped although the next line's first piece would have fit
  if (a.bbox.x1 < area.right - s.shortLineMargin * a.fontSize && !wrapsInto(a, b, area)) return true;
  return false;
}

function pageLinesToBlocks(lines: readonly Line[], s: LayoutSettings): Block[] {
  if (lines.length === 0) return [];
  const area = textArea(lines);
  const gap = usualGap(lines, s);
  const spaced = spacesDigits(lines.map((l) => l.text));
  const groups: Line[][] = [[lines[0]!]];
  for (let k = 1; k < lines.length; k++) {
    if (breaksBetween(lines[k - 1]!, lines[k]!, area, gap, s)) groups.push([]);
    groups[groups.length - 1]!.push(lines[k]!);
  }
  return groups.map((g) => ({
    page: g[0]!.page,
    bbox: unionBox(g.map((l) => l.bbox)),
    lines: g,
    text: blockText(g, spaced),
  }));
}
