/**
 * What a single line is in a 公文: a 文号 line, an organ (issuer) line of the red header or of the
 * signature, a 份号/密级/紧急 mark above the header, a title line, an 印发 line. Only patterns and
 * positions; no names. Lengths are PDF points, top-left origin.
 */
import type { DocNumber, Line } from '../model/types.ts';
import { tidyCell, tightenCjk } from '../text/spacing.ts';
import { parseDocNumber } from './docnumber.ts';
import { compact, isCentredOn, type TextArea } from './geometry.ts';
import type { LayoutSettings } from './settings.ts';

/** What the role tests need to know about the document around a line. */
export interface LineContext {
  area: TextArea;
  /** body font size, pt */
  body: number;
  settings: LayoutSettings;
}

/**
 * The 文号 of a line that is a 文号 line: the whole line is one 文号, optionally followed (or
 * preceded) by a '签发人：…' field. A 文号 inside prose is never a 文号 line.
 */
export function lineDocNumber(line: Line, ctx: LineContext): DocNumber | null {
  const t = tightenCjk(line.text);
  if (compact(t).length > ctx.settings.maxShortLine) return null;
  const whole = parseDocNumber(t);
  if (whole) return whole;
  const signer = t.match(/^(.*?号)\s*签发人[:：].*$/) ?? t.match(/^签发人[:：]\S*\s+(.*号)$/);
  return signer ? parseDocNumber(signer[1]!) : null;
}

/** 份号 ('000123'), 密级 ('秘密★1年'), 紧急程度 ('特急') marks printed above the red header. */
export function isHeaderMark(line: Line): boolean {
  const t = compact(line.text);
  return /^\d{1,8}$/.test(t) || /^(绝密|机密|秘密)(★.*)?$/.test(t) || /^(特急|加急|特提|平急)$/.test(t) || /^(绝密|机密|秘密)★?\S{0,8}(特急|加急)$/.test(t);
}

const ORGAN_END =
  /(委员会|人民政府|政府|办公厅|办公室|厅|局|委|部|院|署|会|办|处|所|站|中心|公司|集团|党组|党委|工委|监委|小组|银行|大学|学院|学校|法院|检察院|联合会|协会)$/;

/**
 * Organ names on a line, or null when the line is not an organ line: only Han characters (and
 * brackets, ·), short, a trailing '文件' dropped, several organs on one line split at spaces
 * (letter-spacing inside one name is closed up first).
 */
export function organNames(line: Line, ctx: LineContext): string[] | null {
  const t = tidyCell(line.text.replace(/[\u3000\t]/g, ' ')).replace(/\s*文\s*件$/, '').trim();
  if (t === '' || compact(t).length > ctx.settings.maxShortLine) return null;
  if (!/^[\u3400-\u9fff\uf900-\ufaff（）()·\s]+$/.test(t)) return null;
  const names = t
    .split(' ')
    .map((n) => n.replace(/文件$/, ''))
    .filter((n) => n !== '');
  if (names.length === 0 || names.some((n) => [...n].length < 2)) return null;
  return names;
}

/** An organ line of a red header: organ-like and either large type, ending in 文件 or in an organ word. */
export function headerOrgans(line: Line, ctx: LineContext): string[] | null {
  const names = organNames(line, ctx);
  if (!names) return null;
  const large = line.fontSize >= ctx.body * ctx.settings.titleSizeRatio;
  const wenjian = /文件$/.test(compact(line.text));
  return large || wenjian || ORGAN_END.test(names[names.length - 1]!) ? names : null;
}

/** An organ line of a signature block: organ-like, ending in an organ word, not left-aligned. */
export function signatureOrgans(line: Line, ctx: LineContext): string[] | null {
  const names = organNames(line, ctx);
  if (!names || !ORGAN_END.test(names[names.length - 1]!)) return null;
  const centre = (line.bbox.x0 + line.bbox.x1) / 2;
  const notLeft = centre >= ctx.area.centre - line.fontSize || line.bbox.x0 - ctx.area.left > 3 * line.fontSize;
  return notLeft ? names : null;
}

/** A title line: centred (full-width lines too) and in larger type than the body. */
export function isTitleLine(line: Line, ctx: LineContext): boolean {
  return (
    line.fontSize >= ctx.body * ctx.settings.titleSizeRatio &&
    isCentredOn(line, ctx.area, ctx.settings.centreTolerance) &&
    !/[:：]$/.test(compact(line.text))
  );
}

/** A lone '附件' / '附件1' / '附件：' heading (above an attachment), which is not an attachment list. */
export function isAttachmentHeading(line: Line): boolean {
  return /^附件\d{0,2}[:：]?$/.test(compact(line.text));
}
