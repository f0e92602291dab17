/**
 * Small geometric helpers over lines: medians, the text column of a page, centring. All lengths
 * are PDF points, top-left origin (see model/types.ts).
 */
import type { BBox, Line } from '../model/types.ts';
export { unionBox } from '../model/evidence.ts';
import { tightenCjk } from '../text/spacing.ts';

/** Median of a list of numbers (0 for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}


/** Body font size: the font size carrying the most characters, pt (16 when there are no lines). */
export function bodyFontSize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const key = Math.round(l.fontSize * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + compact(l.text).length);
  }
  let best = 16;
  let bestW = -1;
  for (const [size, w] of weight) {
    if (w > bestW) {
      best = size;
      bestW = w;
    }
  }
  return best;
}

/** The text column: left and right margins and its centre, pt. */
export interface TextArea {
  left: number;
  right: number;
  centre: number;
}

/**
 * The text column of some lines: the margins most "wide" lines (at least half as wide as the widest;
 * body-size lines only, when there are three or more) reach. The right margin is the largest x1 that at least `share` of the wide lines come within
 * 1.5 em of (so a line overflowing into the margin, a centred title or a right-aligned signature
 * does not move it); the left margin likewise with x0.
 */
export function textArea(lines: readonly Line[], share = 0.3): TextArea {
  if (lines.length === 0) return { left: 0, right: 0, centre: 0 };
  // body-size lines decide when there are enough of them (titles and headers are larger)
  const body = bodyFontSize(lines);
  const bodyLines = lines.filter((l) => Math.abs(l.fontSize - body) <= body * 0.1);
  const pool = bodyLines.length >= 3 ? bodyLines : lines;
  const widest = Math.max(...pool.map((l) => l.bbox.x1 - l.bbox.x0));
  const wide = pool.filter((l) => l.bbox.x1 - l.bbox.x0 >= widest * 0.5);
  const em = median(wide.map((l) => l.fontSize));
  const need = Math.max(1, Math.ceil(wide.length * share));
  const x1s = wide.map((l) => l.bbox.x1).sort((a, b) => b - a);
  const right = x1s.find((x) => x1s.filter((y) => y <= x && y >= x - 1.5 * em).length >= need) ?? x1s[0]!;
  const x0s = wide.map((l) => l.bbox.x0).sort((a, b) => a - b);
  const left = x0s.find((x) => x0s.filter((y) => y >= x && y <= x + 1.5 * em).length >= need) ?? x0s[0]!;
  return { left, right, centre: (left + right) / 2 };
}

/** Whether a line's centre sits on the column's centre (within `tolerance` × its font size). */
export function isCentredOn(line: Line, area: TextArea, tolerance: number): boolean {
  const c = (line.bbox.x0 + line.bbox.x1) / 2;
  return Math.abs(c - area.centre) <= tolerance * line.fontSize;
}

/** A centred line that leaves room on both sides (at least one character), i.e. not a full line. */
export function isCentredShort(line: Line, area: TextArea, tolerance: number): boolean {
  return (
    isCentredOn(line, area, tolerance) &&
    line.bbox.x0 - area.left >= line.fontSize * 0.9 &&
    area.right - line.bbox.x1 >= line.fontSize * 0.9
  );
}

/** Line text with CJK spacing tightened (for matching and for output). */
export function tight(text: string): string {
  return tightenCjk(text);
}

/** Text with every whitespace removed and full-width digits made ASCII (for pattern matching). */
export function compact(text: string): string {
  return toAsciiDigits(text).replace(/[\s\u3000]+/g, '');
}

/** Full-width digits ０-９ → 0-9. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** Estimated width of a string in a font of size `fs` (Han and full-width 1 em, others ½ em), pt. */
export function textWidth(s: string, fs: number): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? fs : fs / 2), 0);
}

/**
 * Width of the first unbreakable piece of a line's text (a run of Latin/digits/ASCII punctuation,
 * or one character), pt: if the previous line had room for it, that line ended on purpose.
 */
export function firstTokenWidth(text: string, fs: number): number {
  const t = text.trim();
  const m = t.match(/^[\x21-\x7e]+/);
  return textWidth(m ? m[0] : (Array.from(t)[0] ?? ''), fs);
}

/** Whether line `a` was wrapped into `b`: the first piece of `b` would not have fit on `a`. */
export function wrapsInto(a: Line, b: Line, area: TextArea): boolean {
  return a.bbox.x1 + firstTokenWidth(b.text, b.fontSize) + a.fontSize > area.right;
}
