/**
 * Running headers and footers: page numbers in the top/bottom margin band ('— 1 —', '- 2 -',
 * '第 3 页', '第3页 共10页', '3 / 10', a bare number) and lines repeated identically (digits
 * ignored) in the same band on many pages. Boxes are PDF points, top-left origin.
 */
import type { Line, PageInfo } from '../model/types.ts';
import { bodyFontSize, compact } from './geometry.ts';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.ts';

const DASH = '\\-‐‑‒–—―─━－一~～·•';
const PAGE_NUMBER: readonly RegExp[] = [
  new RegExp(`^[${DASH}]*\\d{1,4}[${DASH}]*$`), // 3, — 1 —, - 2 -, —2—
  /^[-—]*第\d{1,4}页[-—]*$/, // 第 3 页
  /^第\d{1,4}页[,，/／]?共\d{1,4}页$/, // 第3页 共10页
  /^共\d{1,4}页[,，/／]?第\d{1,4}页$/, // 共10页 第3页
  /^\d{1,4}[/／]\d{1,4}$/, // 3 / 10
  /^(page)?\d{1,4}(of\d{1,4})?$/i, // Page 3 of 10
];

/** Whether a line's text is a page number in one of the usual forms. */
export function isPageNumberText(text: string): boolean {
  const s = compact(text);
  return s !== '' && PAGE_NUMBER.some((re) => re.test(s));
}

type Band = 'top' | 'bottom';

/** The margin band a line's centre falls in, if any. */
function centreBand(line: Line, info: PageInfo, s: LayoutSettings): Band | null {
  const c = (line.bbox.top + line.bbox.bottom) / 2;
  if (c <= info.height * s.marginBand) return 'top';
  if (c >= info.height * (1 - s.marginBand)) return 'bottom';
  return null;
}

/** The margin band a line lies wholly inside, if any (stricter: spares table headers near the top). */
function wholeBand(line: Line, info: PageInfo, s: LayoutSettings): Band | null {
  if (line.bbox.bottom <= info.height * s.marginBand) return 'top';
  if (line.bbox.top >= info.height * (1 - s.marginBand)) return 'bottom';
  return null;
}

/** Number of runs separated by gaps wider than 1.5 × font size (a table row has several). */
function segments(line: Line): number {
  let n = 1;
  let reach = -Infinity;
  for (const it of line.items) {
    if (reach > -Infinity && it.bbox.x0 - reach > 1.5 * it.fontSize) n++;
    reach = Math.max(reach, it.bbox.x1);
  }
  return n;
}

/** Key under which repeated running lines are counted: band + text without spaces and digits. */
function repeatKey(line: Line, band: Band): string {
  return band + '\u0000' + compact(line.text).replace(/\d+/g, '#');
}

/**
 * Removes running headers/footers. Returns the kept lines per page (same order as given) and the
 * removed lines.
 */
export function removeRunningLines(
  pages: { info: PageInfo; lines: Line[] }[],
  settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS,
): { pages: Line[][]; removed: Line[] } {
  const body = bodyFontSize(pages.flatMap((p) => p.lines));
  const pagesWithKey = new Map<string, Set<number>>();
  const keyOf = (line: Line, info: PageInfo): string | null => {
    const band = wholeBand(line, info, settings);
    if (band === null || line.fontSize > body * settings.repeatMaxSizeRatio || segments(line) > 2) return null;
    if (compact(line.text).replace(/\d+/g, '') === '') return null; // bare numbers: page-number rule only
    return repeatKey(line, band);
  };
  pages.forEach((p, i) => {
    for (const line of p.lines) {
      const key = keyOf(line, p.info);
      if (key === null) continue;
      const set = pagesWithKey.get(key) ?? new Set<number>();
      set.add(i);
      pagesWithKey.set(key, set);
    }
  });
  const needed = Math.max(settings.repeatMinPages, Math.ceil(pages.length * settings.repeatShare));
  const removed: Line[] = [];
  const kept = pages.map((p) =>
    p.lines.filter((line) => {
      const pageNumber = centreBand(line, p.info, settings) !== null && isPageNumberText(line.text);
      const key = keyOf(line, p.info);
      const repeated = key !== null && (pagesWithKey.get(key)?.size ?? 0) >= needed;
      if (pageNumber || repeated) removed.push(line);
      return !(pageNumber || repeated);
    }),
  );
  return { pages: kept, removed };
}
