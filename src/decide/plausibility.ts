/**
 * How plausible a text layer is as printed Chinese (issue #10): an invisible OCR layer under a
 * scan may read '2015年' as 'ZOq5年', '说明' as '说阴', '约500万元' as '孔500万元'. Such a layer is
 * Unicode-clean, so the garbage checks of chars.ts pass it; what gives it away is
 *  - numbers mixed with letters that look like digits ('ZOq5', '20I5', 'Z0l5': O/o/Q/D↔0, l/I/i↔1,
 *    Z/z↔2, S/s↔5, B↔8, q/g↔9, G↔6);
 *  - a Latin letter or two standing alone between Han characters ('公司l年度');
 *  - brackets left unpaired ('天健函 2016) 306号');
 *  - Han characters outside the 3,755 of GB 2312 level 1 — the ones that make up ~99% of running
 *    Chinese text — at a rate real notices do not show.
 * Each is counted per 100 Han characters.
 */

export interface Plausibility {
  /** Han characters counted */
  han: number;
  /** numbers mixed with look-alike letters */
  lookAlikeNumbers: number;
  /** Latin letters alone between Han characters */
  strayLatin: number;
  /** brackets without their pair */
  unpairedBrackets: number;
  /** Han characters outside GB 2312 level 1 */
  uncommonHan: number;
  /** 0..: suspicious things per 100 Han characters (uncommon Han above the usual rate counted) */
  per100: number;
  /** one short phrase per kind found */
  reasons: string[];
}

export interface PlausibilitySettings {
  /** Share of uncommon Han (outside GB 2312 level 1) a real text shows anyway: names, terms. @default 0.03 */
  readonly usualUncommonShare: number;
}

export const DEFAULT_PLAUSIBILITY: PlausibilitySettings = { usualUncommonShare: 0.03 };

const HAN = /\p{Script=Han}/u;
/** letters an OCR engine confuses with digits */
const LOOK_ALIKE = new Set('OoQDlIiZzSsBqgG');

let level1: Set<string> | undefined;
/** The 3,755 Han characters of GB 2312 level 1 (rows 16–55), decoded from their byte codes. */
function gb2312Level1(): Set<string> {
  if (level1) return level1;
  const dec = new TextDecoder('gb2312');
  const out = new Set<string>();
  for (let a = 0xb0; a <= 0xd7; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      if (a === 0xd7 && b > 0xf9) break;
      out.add(dec.decode(new Uint8Array([a, b])));
    }
  }
  return (level1 = out);
}

/** A token of ASCII letters and digits that is a number with look-alike letters in it. */
function isLookAlikeNumber(tok: string): boolean {
  if (!/\d/.test(tok) || !/[A-Za-z]/.test(tok)) return false;
  return [...tok].every((c) => /\d/.test(c) || LOOK_ALIKE.has(c));
}

function countUnpaired(text: string): number {
  let n = 0;
  for (const [open, close] of [
    ['(', ')'],
    ['（', '）'],
    ['[', ']'],
    ['【', '】'],
    ['《', '》'],
  ] as const) {
    let depth = 0;
    for (const c of text) {
      if (c === open) depth++;
      else if (c === close) {
        if (depth > 0) depth--;
        else n++;
      }
    }
    n += depth;
  }
  return n;
}

/** Measures `lines` (the text of a page, one string per line or run). */
export function plausibility(lines: readonly string[], settings: Partial<PlausibilitySettings> = {}): Plausibility {
  const s = { ...DEFAULT_PLAUSIBILITY, ...settings };
  const common = gb2312Level1();
  let han = 0;
  let uncommonHan = 0;
  let lookAlikeNumbers = 0;
  let strayLatin = 0;
  let unpairedBrackets: number;
  for (const line of lines) {
    for (const c of line) {
      if (!HAN.test(c)) continue;
      han++;
      if (!common.has(c)) uncommonHan++;
    }
    for (const m of line.matchAll(/[A-Za-z0-9]+/g)) if (isLookAlikeNumber(m[0])) lookAlikeNumbers++;
    for (const _ of line.matchAll(/(?<=\p{Script=Han})[A-Za-z]{1,2}(?=\p{Script=Han})/gu)) strayLatin++;
  }
  unpairedBrackets = countUnpaired(lines.join(''));
  const excessUncommon = Math.max(0, uncommonHan - s.usualUncommonShare * han);
  const bad = lookAlikeNumbers + strayLatin + unpairedBrackets + excessUncommon;
  const per100 = han === 0 ? 0 : (100 * bad) / han;
  const reasons: string[] = [];
  if (lookAlikeNumbers > 0) reasons.push(`${lookAlikeNumbers} numbers with look-alike letters`);
  if (strayLatin > 0) reasons.push(`${strayLatin} stray Latin letters between Han`);
  if (unpairedBrackets > 0) reasons.push(`${unpairedBrackets} unpaired brackets`);
  if (excessUncommon > 0) reasons.push(`${Math.round((100 * uncommonHan) / Math.max(1, han))}% uncommon Han characters`);
  return { han, lookAlikeNumbers, strayLatin, unpairedBrackets, uncommonHan, per100, reasons };
}
