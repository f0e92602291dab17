/**
 * Where a piece of text is printed in a PDF, read from poppler's `pdftotext -bbox-layout`
 * (boxes in PDF points, origin TOP-LEFT of the page as displayed, y down — the project's
 * convention). Used by the planted samples to record evidence pages and boxes.
 * Sample-generator code.
 */
import { run } from './tools.ts';

/** A box in PDF points, top-left origin. */
export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

/** One poppler line: 1-based page, box, words joined with no separator. */
export interface PrintedLine {
  page: number;
  bbox: Box;
  text: string;
}

/** Where a needle was found: page and the union box of the lines it covers. */
export interface Located {
  page: number;
  bbox: Box;
}

/** How to look for a needle. */
export interface LocateOptions {
  /**
   * 'line': a whole poppler line equals the needle (a table cell); 'phrase': the needle is a
   * substring of the page's lines joined in poppler order (prose, may wrap over two lines).
   * @default 'phrase'
   */
  mode?: 'line' | 'phrase';
  /** which occurrence in document order (0-based); without it the needle must occur once */
  nth?: number;
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const round1 = (x: number): number => Math.round(x * 10) / 10;
const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every line of every page of `pdf`, in poppler's order. */
export function printedLines(pdf: string): PrintedLine[] {
  const xml = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const out: PrintedLine[] = [];
  xml.split(/<page\b/).slice(1).forEach((pageXml, k) => {
    const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (const m of pageXml.matchAll(lineRe)) {
      const words = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!));
      out.push({
        page: k + 1,
        bbox: { x0: round1(+m[1]!), top: round1(+m[2]!), x1: round1(+m[3]!), bottom: round1(+m[4]!) },
        text: words.join(''),
      });
    }
  });
  return out;
}

function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    top: Math.min(...boxes.map((b) => b.top)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/** All occurrences of `needle` (whitespace ignored), in document order. */
function occurrences(lines: readonly PrintedLine[], needle: string, mode: 'line' | 'phrase'): Located[] {
  const n = squash(needle);
  if (mode === 'line') return lines.filter((l) => squash(l.text) === n).map((l) => ({ page: l.page, bbox: l.bbox }));
  const out: Located[] = [];
  const pages = [...new Set(lines.map((l) => l.page))];
  for (const p of pages) {
    const onPage = lines.filter((l) => l.page === p);
    const texts = onPage.map((l) => squash(l.text));
    const joined = texts.join('');
    const starts: number[] = [];
    texts.reduce((at, t) => (starts.push(at), at + t.length), 0);
    for (let i = joined.indexOf(n); i >= 0; i = joined.indexOf(n, i + 1)) {
      const covered = onPage.filter((_, k) => starts[k]! < i + n.length && starts[k]! + texts[k]!.length > i);
      out.push({ page: p, bbox: union(covered.map((l) => l.bbox)) });
    }
  }
  return out;
}

/** Page and box of `needle`; throws when it is missing or ambiguous. */
export function locate(lines: readonly PrintedLine[], needle: string, opt: LocateOptions = {}): Located {
  const found = occurrences(lines, needle, opt.mode ?? 'phrase');
  if (opt.nth === undefined) {
    if (found.length !== 1) throw new Error(`'${needle}': expected exactly 1 occurrence, found ${found.length}`);
    return found[0]!;
  }
  const hit = found[opt.nth];
  if (!hit) throw new Error(`'${needle}': no occurrence #${opt.nth} (found ${found.length})`);
  return hit;
}

/** A pdf.js text item with its box (PDF points, top-left origin; top/bottom from the font size). */
export interface PlacedItem {
  str: string;
  bbox: Box;
  /** baseline, points from the top */
  baseline: number;
}

/** Every page's text items as pdf.js reads them, with page size (points). */
export async function pdfjsItems(pdf: string): Promise<{ width: number; height: number; items: PlacedItem[] }[]> {
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const base = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdf)),
    cMapUrl: base + '/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: base + '/standard_fonts/',
  }).promise;
  try {
    const out: { width: number; height: number; items: PlacedItem[] }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , w, h] = page.view as number[];
      const items: PlacedItem[] = [];
      for (const it of (await page.getTextContent()).items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [, , c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c!, d!);
        const baseline = h! - f!;
        items.push({ str: it.str, baseline, bbox: { x0: e!, top: baseline - 0.88 * size, x1: e! + it.width, bottom: baseline + 0.12 * size } });
      }
      out.push({ width: w!, height: h!, items });
    }
    return out;
  } finally {
    await doc.loadingTask.destroy();
  }
}

/**
 * Items → printed lines: items whose baselines are within `tolerance` points form one line, read
 * left to right; lines top to bottom; whitespace removed. A table row whose cells are all one line
 * high becomes one line ('合计2386', '101江岸区大雨尖村').
 */
export function itemsToLines(items: readonly PlacedItem[], tolerance = 2): string[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.bbox.x0 - b.bbox.x0);
  const lines: PlacedItem[][] = [];
  for (const it of sorted) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(it.baseline - cur[0]!.baseline) <= tolerance) cur.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => squash(l.sort((a, b) => a.bbox.x0 - b.bbox.x0).map((i) => i.str).join('')));
}
