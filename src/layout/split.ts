/**
 * A PDF's prose lines → the 公文 it holds. A 公文 starts at
 *  (a) a 文号 line with red-header organ line(s) directly above it,
 *  (b) a 文号 line among the first lines of a page (after 份号/密级 marks),
 *  (c) the first line of a page after the previous 公文 ended with an 印发 line, or a large centred
 *      title at the top of a page after it ended with a signing date — unless that page is one of
 *      its attachments ('附件' heading, a title it lists or quotes in 《》).
 * The first 公文 starts on the first page even without a 文号. A 公文 runs to the page before the
 * next one starts (to that page when the next starts mid-page).
 */
import type { Gongwen, Line } from '../model/types.ts';
import { attachmentsOf } from './attachments.ts';
import { isDateOnly, printLineDate } from './dates.ts';
import { describeGongwen, joinLines, titleOf, type DocStart } from './describe.ts';
import { bodyFontSize, compact, textArea } from './geometry.ts';
import { headerOrgans, isAttachmentHeading, isHeaderMark, isTitleLine, lineDocNumber, type LineContext } from './roles.ts';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.ts';

interface Flat {
  line: Line;
  page: number;
  /** index of the line on its page */
  pos: number;
}

/** Text reduced for comparing titles: no spaces, quotes, book-title marks or punctuation. */
function titleKey(s: string): string {
  return compact(s).replace(/[《》〈〉“”"'‘’「」『』，。、：:；;！!？?（）()]/g, '');
}

/** Whether the page beginning at flat index i holds an attachment of the current 公文 (lines from `docAt`). */
function isOwnAttachment(flat: readonly Flat[], docAt: number, i: number, ctx: LineContext): boolean {
  const docLines = flat.slice(docAt, i).map((f) => f.line);
  const pageLines = flat.slice(i).filter((f) => f.page === flat[i]!.page).map((f) => f.line);
  const title = titleOf(pageLines, 0, ctx);
  if (!title || title.at !== 0) return true; // not a title at the top: not a new 公文 either
  const key = titleKey(joinLines(title.lines));
  const named = [
    ...attachmentsOf(docLines, ctx),
    ...[...docLines.map((l) => compact(l.text)).join('').matchAll(/《([^《》]+)》/g)].map((m) => m[1]!),
  ].map(titleKey);
  return named.some((n) => n.length >= 4 && key.length >= 4 && (n === key || n.includes(key) || key.includes(n)));
}

/**
 * Whether the lines of the current 公文 before `top` are only its title (a few title lines on the
 * 文号's page, no body yet): then a 文号 at `top` is that 公文's own, printed under its title.
 */
function onlyTitleSince(flat: readonly Flat[], docAt: number, top: number, ctx: LineContext): boolean {
  const before = flat.slice(docAt, top);
  if (before.length === 0 || before.length > 4) return false;
  if (before.some((f) => f.page !== flat[top]!.page)) return false;
  return before.every((f) => isTitleLine(f.line, ctx) || isHeaderMark(f.line));
}

/** Finds where each 公文 starts. */
function findStarts(flat: readonly Flat[], ctx: LineContext): DocStart[] {
  const starts: DocStart[] = [];
  let docAt = 0;
  let printed = false;
  let signed = false;
  for (let i = 0; i < flat.length; i++) {
    const f = flat[i]!;
    const dn = lineDocNumber(f.line, ctx);
    if (dn) {
      const organs: string[][] = [];
      let top = i;
      for (let j = i - 1; j >= 0 && flat[j]!.page === f.page && i - j <= 4; j--) {
        if (compact(flat[j]!.line.text) === '文件') continue; // a tall '文件' beside two organ lines
        const o = headerOrgans(flat[j]!.line, ctx);
        if (!o) break;
        organs.unshift(o);
        top = j;
      }
      while (top > 0 && flat[top - 1]!.page === f.page && isHeaderMark(flat[top - 1]!.line)) top--;
      const last = starts[starts.length - 1];
      if (onlyTitleSince(flat, docAt, top, ctx)) {
        // a 文号 printed under its title: it belongs to the 公文 that title began
        if (last && last.at === docAt) starts[starts.length - 1] = { ...last, docNumber: dn, docNoAt: i };
        else starts.push({ at: docAt, docNumber: dn, docNoAt: i, headerOrgans: organs.flat() });
        continue;
      }
      const sameHeader = last?.docNoAt != null && i - last.docNoAt <= 3 && flat[last.docNoAt]!.page === f.page;
      if ((organs.length > 0 || flat[top]!.pos < ctx.settings.topLines) && !sameHeader) {
        if (last && last.at >= top) starts.pop();
        starts.push({ at: top, docNumber: dn, docNoAt: i, headerOrgans: organs.flat() });
        docAt = top;
        printed = signed = false;
        continue;
      }
    }
    if (f.pos === 0 && i > docAt && !isAttachmentHeading(f.line)) {
      const byPrint = printed;
      const bySign = signed && isTitleLine(f.line, ctx) && !isOwnAttachment(flat, docAt, i, ctx);
      if (byPrint || bySign) {
        starts.push({ at: i, docNumber: null, docNoAt: null, headerOrgans: [] });
        docAt = i;
        printed = signed = false;
      }
    }
    const short = compact(f.line.text).length <= ctx.settings.maxShortLine;
    if (short && printLineDate(f.line.text)) printed = true;
    else if (isDateOnly(f.line.text)) signed = true;
  }
  return starts;
}

/**
 * Splits the document into its 公文 and describes each. `pages` are the prose lines of every page
 * (tables excluded; pass pages with no prose too, with `lines: []`, so page ranges cover them).
 */
export function splitGongwen(
  pages: { page: number; lines: Line[] }[],
  settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS,
): Gongwen[] {
  if (pages.length === 0) return [];
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const firstPage = sorted[0]!.page;
  const lastPage = sorted[sorted.length - 1]!.page;
  const flat: Flat[] = sorted.flatMap((p) => p.lines.map((line, pos) => ({ line, page: p.page, pos })));
  const all = flat.map((f) => f.line);
  const ctx: LineContext = { area: textArea(all), body: bodyFontSize(all), settings };
  const starts = findStarts(flat, ctx);
  if (starts.length === 0 || starts[0]!.at > 0) starts.unshift({ at: 0, docNumber: null, docNoAt: null, headerOrgans: [] });
  return starts.map((start, k) => {
    const next = starts[k + 1];
    const end = next?.at ?? flat.length;
    const pageFrom = k === 0 ? firstPage : flat[start.at]!.page;
    const nextFirst = next ? flat[next.at]! : null;
    const pageTo = nextFirst ? (nextFirst.pos === 0 ? nextFirst.page - 1 : nextFirst.page) : lastPage;
    const lines = flat.slice(start.at, end).map((f) => f.line);
    const described = describeGongwen(lines, start, ctx);
    return { index: k, ...described, pageFrom, pageTo: Math.max(pageFrom, pageTo) };
  });
}
