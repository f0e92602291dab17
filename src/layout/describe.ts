/**
 * One 公文's lines → its description: title, issuers, signing and 印发 dates, attachments.
 * Lengths are PDF points, top-left origin.
 */
import type { Gongwen, Line } from '../model/types.ts';
import { attachmentsOf } from './attachments.ts';
import { isDateOnly, parseChineseDate, printLineDate } from './dates.ts';
import { compact, isCentredShort } from './geometry.ts';
import { joinStyled, spacesDigits } from './join.ts';
import { isAttachmentHeading, isTitleLine, lineDocNumber, organNames, signatureOrgans, type LineContext } from './roles.ts';

/** How a 公文 began, as found by the split. */
export interface DocStart {
  /** index of its first line in the document's flat line list */
  at: number;
  docNumber: Gongwen['docNumber'];
  /** index of the 文号 line in the flat list, when there is one */
  docNoAt: number | null;
  /** organ names of the red header lines above the 文号 */
  headerOrgans: string[];
}

/** Lines searched for a title after the 文号 (or from the start). */
const TITLE_WINDOW = 6;

function ends(text: string, re: RegExp): boolean {
  return re.test(compact(text));
}

/** The title lines starting at k: consecutive title lines of one size, no large gap. */
function titleRun(lines: readonly Line[], k: number, ok: (l: Line) => boolean): Line[] {
  const run = [lines[k]!];
  for (let j = k + 1; j < lines.length; j++) {
    const a = run[run.length - 1]!;
    const b = lines[j]!;
    if (b.page !== a.page || !ok(b) || Math.abs(b.fontSize - a.fontSize) > 0.1 * a.fontSize) break;
    if (b.bbox.top - a.bbox.bottom > 1.2 * b.fontSize || ends(b.text, /[:：]$/)) break;
    run.push(b);
  }
  return run;
}

/** Index of the title's first line and its lines, searching from `from`. */
export function titleOf(lines: readonly Line[], from: number, ctx: LineContext): { at: number; lines: Line[] } | null {
  const stop = Math.min(lines.length, from + TITLE_WINDOW);
  const skip = (l: Line): boolean =>
    isAttachmentHeading(l) || ends(l.text, /文件$/) || lineDocNumber(l, ctx) !== null || isDateOnly(l.text);
  const candidates: ((l: Line) => boolean)[] = [
    (l) => isTitleLine(l, ctx),
    (l) => isCentredShort(l, ctx.area, ctx.settings.centreTolerance) && l.fontSize >= ctx.body * 0.95,
  ];
  for (const ok of candidates) {
    for (let k = from; k < stop; k++) {
      const l = lines[k]!;
      if (ends(l.text, /[:：]$/)) break; // the addressee line: the body has begun
      if (skip(l) || !ok(l)) continue;
      return { at: k, lines: titleRun(lines, k, (x) => ok(x) && !skip(x)) };
    }
  }
  return null;
}

/** Joins title (or any wrapped) lines: no break, CJK spacing tightened (see join.ts for `spaced`). */
export function joinLines(lines: readonly Line[], spaced = false): string {
  return joinStyled(lines.map((l) => l.text), spaced);
}

/** Organ names of the signature block directly above the signing date line at `k`. */
function signatureAbove(lines: readonly Line[], k: number, ctx: LineContext): string[] {
  const names: string[][] = [];
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    const l = lines[j]!;
    if (l.page !== lines[k]!.page) break;
    const o = signatureOrgans(l, ctx);
    if (!o) break;
    names.unshift(o);
  }
  return names.flat();
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** Describes one 公文 from its lines (reading order) and how it began. */
export function describeGongwen(
  lines: readonly Line[],
  start: DocStart,
  ctx: LineContext,
): Pick<Gongwen, 'docNumber' | 'title' | 'issuers' | 'signDate' | 'printDate' | 'attachments'> {
  const from = start.docNoAt !== null ? start.docNoAt - start.at + 1 : 0;
  // the title follows the 文号; a 文号 printed under the title (some 函) leaves it above
  const title = titleOf(lines, from, ctx) ?? (from > 0 ? titleOf(lines.slice(0, from - 1), 0, ctx) : null);
  const afterTitle = title ? title.at + title.lines.length : from;

  let signDate: string | null = null;
  let signers: string[] = [];
  for (let k = afterTitle; k < lines.length; k++) {
    if (isDateOnly(lines[k]!.text)) {
      signDate = parseChineseDate(lines[k]!.text);
      signers = signatureAbove(lines, k, ctx);
      break;
    }
  }

  let printDate: string | null = null;
  let printer: string[] = [];
  for (let k = lines.length - 1; k >= afterTitle; k--) {
    const l = lines[k]!;
    const p = compact(l.text).length <= ctx.settings.maxShortLine ? printLineDate(l.text) : null;
    if (!p) continue;
    printDate = p.date;
    const names = organNames({ ...l, text: p.before }, ctx);
    printer = names ?? [];
    break;
  }

  const issuers = signers.length > 0 ? signers : start.headerOrgans.length > 0 ? start.headerOrgans : printer;
  return {
    docNumber: start.docNumber,
    title: title ? joinLines(title.lines, spacesDigits(lines.map((l) => l.text))) : null,
    issuers: unique(issuers),
    signDate,
    printDate,
    attachments: attachmentsOf(lines.slice(afterTitle), ctx),
  };
}
