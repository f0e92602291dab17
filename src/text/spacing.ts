/**
 * Spacing rules for Chinese text: when a space between two runs is real, and when a line break
 * inside a paragraph or cell is joined without one.
 *
 * Background: pdf.js reports wide gaps between runs, and justified Chinese text puts a gap between
 * every character ('选 派 驻 村'). Such spaces carry no meaning between two Chinese characters.
 * Spaces between Chinese and Latin/digits ('2023 年') are typographic and are kept as printed.
 */

/** Han ideographs (unified, extension A, compatibility) — one code point. */
export function isHan(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f) ||
    c === 0x3007 // 〇
  );
}

/** Han, CJK punctuation (、。〔〕《》…), full-width forms (，（）：) and CJK quotes. */
export function isCjk(ch: string): boolean {
  if (isHan(ch)) return true;
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation (incl. ideographic space)
    (c >= 0xff01 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x2014 || // — em dash
    c === 0x2026 || // … ellipsis
    (c >= 0x2018 && c <= 0x201f) || // ‘ ’ “ ”
    c === 0x00b7 // ·
  );
}

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/**
 * A run of text with its horizontal extent on one line, pt (top-left origin; only x matters).
 */
export interface PlacedRun {
  text: string;
  x0: number;
  x1: number;
  fontSize: number;
}

/** The placed runs of text items (their boxes' x extent and font size). */
export function itemsToRuns(items: readonly { text: string; bbox: { x0: number; x1: number }; fontSize: number }[]): PlacedRun[] {
  return items.map((it) => ({ text: it.text, x0: it.bbox.x0, x1: it.bbox.x1, fontSize: it.fontSize }));
}

/**
 * Joins the runs of one line, left to right, putting a single space where the gap between two runs
 * is wider than `gapRatio` × font size. Runs that are only whitespace are ignored (the gap decides).
 * The result still holds spaces between CJK characters; apply `tightenCjk` or `tidyCell`.
 */
export function joinRuns(runs: readonly PlacedRun[], gapRatio = 0.25): string {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.x0 - b.x0);
  let out = '';
  let lastX1 = -Infinity;
  for (const r of sorted) {
    const gap = r.x0 - lastX1;
    if (out !== '' && gap > gapRatio * r.fontSize && !out.endsWith(' ') && !r.text.startsWith(' ')) {
      out += ' ';
    }
    out += r.text;
    lastX1 = Math.max(lastX1, r.x1);
  }
  return out.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * Removes every run of whitespace (incl. U+3000) that stands between two CJK characters, and
 * collapses other whitespace runs to one space. For prose (text.txt, titles).
 */
export function tightenCjk(s: string): string {
  const chars = Array.from(s.replace(/[ \t\u00a0\u3000]+/g, ' '));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      const prev = out.slice(-1);
      const next = chars[i + 1] ?? '';
      if (prev === '' || next === '' || (isCjk(prev) && isCjk(next))) continue;
    }
    out += ch;
  }
  return out.trim();
}

/**
 * Spacing for table cells, where a space between two names can be data ('洪山区 东湖生态旅游风景区'
 * lists two districts) but letter-spacing is not ('合 计', '序 号', '选 派 驻 村'). A space between two
 * Han characters is dropped when the Han words on both sides of it are letter-spaced (single
 * characters); it is kept when both sides are words of two or more characters.
 */
export function tidyCell(s: string): string {
  const text = s.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
  // tokens separated by single spaces
  const tokens = text.split(' ');
  if (tokens.length === 1) return text;
  let out = tokens[0]!;
  for (let i = 1; i < tokens.length; i++) {
    const left = tokens[i - 1]!;
    const right = tokens[i]!;
    const l = Array.from(left).pop() ?? '';
    const r = Array.from(right)[0] ?? '';
    const bothCjk = isCjk(l) && isCjk(r);
    const letterSpaced = Array.from(left).length === 1 || Array.from(right).length === 1;
    const punctuation = !isHan(l) || !isHan(r); // CJK punctuation never needs a space beside it
    out += bothCjk && (letterSpaced || punctuation) ? right : ' ' + right;
  }
  return out;
}

/**
 * Joins the lines of one wrapped paragraph or cell: no space between the pieces unless both sides
 * are Latin letters/digits (a wrapped English word sequence).
 */
export function joinWrapped(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = raw.trim();
    if (p === '') continue;
    if (out !== '' && LATIN_END.test(out) && LATIN_START.test(p) && /[A-Za-z]$/.test(out)) out += ' ';
    out += p;
  }
  return out;
}
