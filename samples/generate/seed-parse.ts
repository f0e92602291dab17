/**
 * Parses the seed notice (samples/seed-source/notice.txt, a text dump of a real PDF) into blank-line
 * separated fragments and tables. This is SAMPLE-GENERATOR code: it may know the seed's shape
 * (it is checked by hand against the seed); gongwen's own code in src/ must never do this.
 *
 * Seed conventions (read by hand):
 * - paragraphs are separated by one blank line; '— 1 —' lines are page footers of the original;
 * - a blank line between two pieces of ONE sentence marks a page break of the original
 *   (e.g. '…注重从市区机' / '关优秀干部…');
 * - table rows are tab-separated; blank lines inside a table are page breaks of the original;
 * - section rows of the village table are 'text\t\t'.
 */
import { readFileSync } from 'node:fs';

/** A blank-line separated run of lines; `line` is the 1-based line number of its first line. */
export interface Fragment {
  line: number;
  lines: string[];
  /** true when every line holds a tab (a table piece) */
  isTable: boolean;
}

/** A footer line of the original ('— 1 —'). */
export const FOOTER_RE = /^—\s*\d+\s*—$/;

/** Splits the seed into fragments; table pieces split only by page-break blank lines are merged. */
export function seedToFragments(text: string): Fragment[] {
  const lines = text.split(/\r?\n/);
  const out: Fragment[] = [];
  let cur: Fragment | null = null;
  lines.forEach((raw, i) => {
    const l = raw.replace(/[ \u00a0\r]+$/, ''); // trailing tabs are empty cells: keep them
    if (l.trim() === '') {
      cur = null;
      return;
    }
    const isTable = l.includes('\t');
    const prev = out[out.length - 1];
    if (cur === null && isTable && prev?.isTable) cur = prev; // table continues after a page break
    if (cur === null || cur.isTable !== isTable) {
      cur = { line: i + 1, lines: [], isTable };
      out.push(cur);
    }
    cur.lines.push(l);
  });
  return out;
}

/** Sentence-final or clause-final punctuation: a fragment ending otherwise was cut by a page break. */
const CLOSED_END = /[。；：！？）)」”》]$/;
/** Numbered headings ('一、总体要求', '（一）加强产业合作', '(四) 巩固民生保障'): never cut. */
const HEADING_RE = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)[^。]*$/;

/** True when prose fragment `a` continues in fragment `b` across a page break of the original. */
export function isCutByPageBreak(a: Fragment, b: Fragment | undefined): boolean {
  if (!b || a.isTable || b.isTable || a.lines.length !== 1 || b.lines.length !== 1) return false;
  const last = a.lines[0]!;
  if (FOOTER_RE.test(last) || FOOTER_RE.test(b.lines[0]!)) return false;
  if (CLOSED_END.test(last) || HEADING_RE.test(last)) return false;
  return last.length >= 20; // a piece that filled at least one printed line
}

/** Splits tab-separated rows into cells (trailing empty cells kept to `width`). */
export function tabRows(lines: readonly string[], width: number): string[][] {
  return lines.map((l) => {
    const cells = l.split('\t').map((c) => c.trim());
    while (cells.length < width) cells.push('');
    if (cells.length > width) throw new Error(`row has ${cells.length} cells, expected ${width}: ${l}`);
    return cells;
  });
}

/** Reads the seed file. */
export function readSeed(path: string): Fragment[] {
  return seedToFragments(readFileSync(path, 'utf8'));
}
