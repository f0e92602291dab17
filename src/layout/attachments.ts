/**
 * The attachment list of a 公文: '附件：1、《…》' / '附件：1. …' / '附件：…' followed by numbered
 * lines '2、…', wrapped lines joined. A lone '附件' / '附件：' heading (above an attachment) is not
 * a list, unless the next line starts the numbering. Lengths are PDF points, top-left origin.
 */
import type { Line } from '../model/types.ts';
import { tightenCjk } from '../text/spacing.ts';
import { isDateOnly, printLineDate } from './dates.ts';
import { isCentredShort, textWidth, wrapsInto } from './geometry.ts';
import { joinStyled, spacesDigits } from './join.ts';
import { signatureOrgans, type LineContext } from './roles.ts';

const HEAD = /^[-•·*]?\s*附件[:：]\s*(.*)$/;
/** an item number with its separator: '1、' '1.' '1．' '(1)' '（1）' '一、' or '1 ' before a non-digit */
const NUMBER = /^(?:\d{1,2}\s*[、.．,，](?!\d)|\d{1,2}\s+(?=\D)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、)\s*/;


/** Attachment titles of the first attachment list among the lines (in reading order), or []. */
export function attachmentsOf(lines: readonly Line[], ctx: LineContext): string[] {
  for (let k = 0; k < lines.length; k++) {
    const t = tightenCjk(lines[k]!.text);
    const m = t.match(HEAD);
    if (!m) continue;
    const content = m[1]!.trim();
    if (content !== '') return readList(lines, k, content, ctx);
    const next = lines[k + 1];
    if (next && next.page === lines[k]!.page && NUMBER.test(tightenCjk(next.text))) {
      return readList(lines, k + 1, tightenCjk(next.text), ctx);
    }
  }
  return [];
}

/** Reads the list whose first item text (`first`) is on line `k`. */
function readList(lines: readonly Line[], k: number, first: string, ctx: LineContext): string[] {
  const items: string[][] = [[first.replace(NUMBER, '')]];
  let prev = lines[k]!;
  let itemX0 = prev.bbox.x0;
  const head = tightenCjk(prev.text);
  // where the item text starts on the first line: after '附件：' and the number
  let textX0 = prev.bbox.x0 + textWidth(head.slice(0, head.length - first.length), prev.fontSize);
  textX0 += textWidth(first.slice(0, first.length - first.replace(NUMBER, '').length), prev.fontSize);
  for (let j = k + 1; j < lines.length; j++) {
    const line = lines[j]!;
    const t = tightenCjk(line.text);
    const fs = line.fontSize;
    if (line.page !== prev.page && !NUMBER.test(t)) break;
    if (line.page === prev.page && line.bbox.top - prev.bbox.bottom > 1.5 * fs) break;
    if (Math.abs(line.fontSize - prev.fontSize) > 0.1 * prev.fontSize) break;
    if (/^附件/.test(t) || isDateOnly(t) || printLineDate(t)) break;
    if (NUMBER.test(t)) {
      items.push([t.replace(NUMBER, '')]);
      itemX0 = line.bbox.x0;
      textX0 = line.bbox.x0 + textWidth(t.slice(0, t.length - t.replace(NUMBER, '').length), fs);
    } else {
      if (isCentredShort(line, ctx.area, ctx.settings.centreTolerance)) break;
      const wrapped = wrapsInto(prev, line, ctx.area);
      // a hanging line: under the item's number or under its text, right of a paragraph indent
      const hanging = line.bbox.x0 >= Math.min(itemX0, textX0) - fs && line.bbox.x0 <= textX0 + fs;
      const aligned = hanging && line.bbox.x0 - ctx.area.left > 2.5 * fs;
      if (line.bbox.x0 > ctx.area.centre || (!wrapped && (!aligned || signatureOrgans(line, ctx)))) break;
      items[items.length - 1]!.push(t);
    }
    prev = line;
  }
  const spaced = spacesDigits(lines.map((l) => l.text));
  return items.map((pieces) => joinStyled(pieces, spaced).replace(/[；;，,。]$/, '')).filter((s) => s !== '');
}
