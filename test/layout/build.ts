/**
 * Builders of synthetic text items for layout tests: an A4 page (595 × 842 pt, top-left origin),
 * text column x 79–516 pt, 16 pt body on a 28 pt pitch, 22 pt titles, footer at y ≈ 800.
 */
import type { Line, PageInfo, TextItem } from '../../src/model/types.ts';

export const A4: Omit<PageInfo, 'page'> = { width: 595, height: 842, rotate: 0 };
export const LEFT = 79;
export const RIGHT = 516;
export const BODY = 16;
export const TITLE = 22;
export const PITCH = 28;
/** Han characters per full body line (27 × 16 = 432 pt ≤ 437). */
export const PER_LINE = 27;

export function info(page: number): PageInfo {
  return { page, ...A4 };
}

function advance(ch: string, fs: number): number {
  return ch.charCodeAt(0) > 0x2e80 ? fs : fs / 2;
}

export function width(text: string, fs: number, spacing = 0): number {
  return [...text].reduce((w, ch) => w + advance(ch, fs) + spacing, 0) - spacing;
}

/**
 * Items of one printed line starting at x0: one item per run of non-space characters; a space in
 * `text` is a gap of half an em; `spacing` spreads every character (justified / letter-spaced).
 */
export function run(text: string, x0: number, top: number, page: number, fs = BODY, spacing = 0): TextItem[] {
  const out: TextItem[] = [];
  let x = x0;
  let cur: { text: string; x0: number } | null = null;
  const flush = (): void => {
    if (cur) out.push(item(cur.text, cur.x0, x - spacing, top, page, fs));
    cur = null;
  };
  for (const ch of text) {
    if (ch === ' ') {
      flush();
      x += fs / 2;
      continue;
    }
    if (spacing > 0) {
      out.push(item(ch, x, x + advance(ch, fs), top, page, fs));
      x += advance(ch, fs) + spacing;
      continue;
    }
    cur ??= { text: '', x0: x };
    cur.text += ch;
    x += advance(ch, fs);
  }
  flush();
  return out;
}

export function item(text: string, x0: number, x1: number, top: number, page: number, fs = BODY): TextItem {
  return {
    text,
    orig: text,
    page,
    bbox: { x0, top, x1, bottom: top + fs },
    fontSize: fs,
    source: 'pdf',
    confidence: 1,
  };
}

export type Align = 'left' | 'indent' | 'centre' | 'right';

/** One line placed in the text column. */
export function placed(text: string, top: number, page: number, align: Align = 'left', fs = BODY): TextItem[] {
  const w = width(text, fs);
  const x0 =
    align === 'left' ? LEFT : align === 'indent' ? LEFT + 2 * fs : align === 'centre' ? (595 - w) / 2 : RIGHT - 4 * fs - w;
  return run(text, x0, top, page, fs);
}

/** A paragraph: first line indented two characters, wrapped at the column width. Returns items and the next top. */
export function paragraph(text: string, top: number, page: number): { items: TextItem[]; next: number } {
  const chars = [...text];
  const items: TextItem[] = [];
  let y = top;
  let first = true;
  while (chars.length > 0) {
    const n = first ? PER_LINE - 2 : PER_LINE;
    const piece = chars.splice(0, n).join('');
    items.push(...run(piece, first ? LEFT + 2 * BODY : LEFT, y, page));
    first = false;
    y += PITCH;
  }
  return { items, next: y };
}

/** A centred footer at y = 792. */
export function footer(text: string, page: number): TextItem[] {
  return placed(text, 792, page, 'centre', 14);
}

/** Deterministic shuffle (items out of order, as some producers emit them). */
export function shuffle<T>(xs: readonly T[], seed = 7): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Tightened texts of lines, for assertions. */
export function texts(lines: readonly Line[]): string[] {
  return lines.map((l) => l.text);
}
