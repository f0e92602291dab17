/**
 * One pdf.js page → `PageContent` (page geometry, text runs, ruling lines), in points with the
 * origin at the top-left of the page as displayed.
 */

import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageContent, PageInfo, TextItem } from '../model/types.ts';
import type { PdfjsLib } from './lib.ts';
import { toMatrix } from './matrix.ts';
import { paintedImages } from './images.ts';
import { cappedOperatorList, MAX_PAGE_OPERATORS } from './opList.ts';
import { DEFAULT_RULINGS, operatorListToRulings, type RulingSettings } from './rulings.ts';
import { DEFAULT_TEXT_BOX, pageToTextItems, type TextBoxSettings } from './textItems.ts';
import { dedupeOverprint } from './overprint.ts';

export interface ReadSettings {
  /** @default DEFAULT_TEXT_BOX (ascent 0.88, descent 0.12 of the font size) */
  readonly text: TextBoxSettings;
  /** @default DEFAULT_RULINGS */
  readonly rulings: RulingSettings;
}

export const DEFAULT_READ: ReadSettings = { text: DEFAULT_TEXT_BOX, rulings: DEFAULT_RULINGS };

/**
 * Reads text (overprinted copies removed) and rulings of a loaded page and releases the page's
 * resources afterwards, unless `keepLoaded` says to keep them for what it reads: then the page's
 * operator list and decoded images stay with pdf.js until the page is rastered or released
 * (a scan read for OCR next is then decoded once). `pageNo` is 1-based. Errors from pdf.js
 * (damaged content streams) propagate.
 */
export async function readPage(
  lib: PdfjsLib,
  page: PDFPageProxy,
  pageNo: number,
  settings: Partial<ReadSettings> = {},
  keepLoaded?: (content: PageContent) => boolean,
): Promise<PageContent> {
  let content: PageContent | undefined;
  try {
    content = await pageContent(lib, page, pageNo, settings);
    return content;
  } finally {
    if (!(content && !content.limited && keepLoaded?.(content))) page.cleanup();
  }
}

/** The page's content (see readPage), its resources left loaded. */
async function pageContent(lib: PdfjsLib, page: PDFPageProxy, pageNo: number, settings: Partial<ReadSettings>): Promise<PageContent> {
  const s: ReadSettings = { ...DEFAULT_READ, ...settings };
  // scale 1: one unit = one point; handles /Rotate and a crop box not at the origin
  const viewport = page.getViewport({ scale: 1 });
  const vt = toMatrix(viewport.transform);
  const info: PageInfo = {
    page: pageNo,
    width: viewport.width,
    height: viewport.height,
    rotate: ((page.rotate % 360) + 360) % 360,
  };
  // overprinted (fake-bold) copies go here, so every later stage sees each glyph once
  const items = dedupeOverprint(await pageToTextItems(lib, page, pageNo, vt, s.text));
  const { opList, capped } = await cappedOperatorList(page);
  const limited = capped ? { limited: `drawing read in part: more than ${MAX_PAGE_OPERATORS.toLocaleString('en')} operators on the page` } : {};
  fontNamesOfPdf(page, items);
  const rulings = operatorListToRulings(lib.OPS, opList, pageNo, vt, s.rulings);
  const imageOps = new Set<number>([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageXObjectRepeat]);
  const images = opList.fnArray.reduce((n: number, fn: number) => n + (imageOps.has(fn) ? 1 : 0), 0);
  const marks = paintOps(lib, opList);
  if (images === 0) return { info, items, rulings, images, painted: marks, ...limited };
  const all = paintedImages(lib.OPS, opList, vt, info.width, info.height);
  const painted = all.images.filter((im) => !im.mask);
  const largestImageShare = painted.reduce((m, im) => Math.max(m, im.share), 0);
  const shown = all.glyphs + all.hiddenGlyphs;
  return { info, items, rulings, images, painted: marks, largestImageShare, ...limited, ...(all.hiddenGlyphs > 0 ? { hiddenTextShare: all.hiddenGlyphs / shown } : {}) };
}

/**
 * Operators that put marks on the page besides text: painted paths (a `constructPath` that ends in
 * anything but `endPath`, which only clips), shadings and images. 0 means the page paints nothing.
 */
function paintOps(lib: PdfjsLib, opList: { fnArray: number[]; argsArray: unknown[] }): number {
  const { OPS } = lib;
  const marks = new Set<number>([OPS.shadingFill, OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask]);
  let n = 0;
  opList.fnArray.forEach((fn, i) => {
    if (fn === OPS.constructPath) {
      if (Number((opList.argsArray[i] as unknown[] | undefined)?.[0]) !== OPS.endPath) n++;
    } else if (marks.has(fn)) n++;
  });
  return n;
}

/**
 * pdf.js names a font by load order within its loaded document ('g_d3_f2'), which differs with
 * the thread or the pages read before. Once the operator list has loaded the page's fonts, each
 * item gets the font's own name from the PDF ('ABCDEF+UMing'), the same however the page is read.
 */
function fontNamesOfPdf(page: PDFPageProxy, items: TextItem[]): void {
  const names = new Map<string, string>();
  for (const it of items) {
    const id = it.fontName;
    if (!id) continue;
    let name = names.get(id);
    if (name === undefined) {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown } | null) : null;
      name = typeof font?.name === 'string' && font.name !== '' ? font.name : id.replace(/^g_d\d+_/, '');
      names.set(id, name);
    }
    it.fontName = name;
  }
}
