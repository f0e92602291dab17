/**
 * Character statistics of a page's text layer, for the text-or-OCR decision (issue #4). Counts
 * code points (whitespace ignored) into classes: readable (Han, CJK punctuation and full-width
 * forms, ASCII, common symbols), broken (private use, U+FFFD, C0/C1 controls), mojibake
 * (Latin-1 supplement and CP-1252 extras: GBK or UTF-8 bytes decoded as WinAnsi/Latin-1 give
 * 'ÖÐ¹ú', 'ä¸­', 'â€œ') and unusual (scripts and rare ideographs a Chinese notice does not use).
 */
import { isCjk, isHan } from '../text/spacing.ts';

export interface CharStats {
  /** non-whitespace code points */
  total: number;
  /** Han ideographs of the unified block and compatibility block (text/spacing isHan, minus rare) */
  han: number;
  /** private use (U+E000–U+F8FF, planes 15–16) */
  privateUse: number;
  /** U+FFFD replacement character */
  replacement: number;
  /** C0 (except tab/newline) and C1 controls, DEL, non-characters */
  control: number;
  /** Latin-1 supplement letters/signs and CP-1252 extras (mojibake material) */
  latin1: number;
  /** of `latin1`: those standing in runs of two or more such characters ('ÖÐ¹ú') */
  latin1Runs: number;
  /** other scripts */
  unusual: number;
  /**
   * rare ideographs (extension A, the supplementary planes): real in names and in Japanese, and
   * what a font map pointing at the wrong code points can give; OCR cross-checks them
   */
  rareHan: number;
  /**
   * ASCII punctuation standing in runs of three or more with at least three different characters
   * ('!"#$%&'): glyph ids read as character codes (a font without ToUnicode); leaders such as
   * '……' or '______' are a single repeated character and do not count
   */
  symbolRuns: number;
}

/**
 * Characters of the CP-1252 0x80–0x9F range (what WinAnsi decoding makes of bytes there) that
 * Chinese text does not use. The quotes, dashes, '…' and '•' are left out: they are ordinary.
 */
const CP1252_EXTRAS = new Set('€‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ');

/** Latin-1 supplement signs that do occur in Chinese notices: × ÷ ° ± · § ¥ (and NBSP, a space). */
const LATIN1_ORDINARY = new Set('×÷°±·§¥');

/** ASCII punctuation and symbols (no letters, digits or space). */
const ASCII_SYMBOL = /^[!-/:-@[-`{-~]$/;

function isPrivateUse(c: number): boolean {
  return (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000;
}

function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff;
}

/** Latin-1 supplement (U+00A1–U+00FF) minus the ordinary signs, plus the CP-1252 extras. */
function isLatin1Mojibake(ch: string, c: number): boolean {
  if (c >= 0xa1 && c <= 0xff) return !LATIN1_ORDINARY.has(ch);
  return CP1252_EXTRAS.has(ch);
}

/** Ideographs a notice rarely uses: extension A (U+3400–U+4DBF) and the supplementary planes. */
function isRareHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3ffff);
}

/** Symbols and letters that are ordinary in Chinese notices besides Han, ASCII and CJK forms. */
function isCommonSymbol(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x206f) || // general punctuation (dashes, quotes, ‰, ※)
    (c >= 0x2100 && c <= 0x218f) || // letterlike (℃ №) and number forms (Ⅰ Ⅱ)
    (c >= 0x2190 && c <= 0x21ff) || // arrows
    (c >= 0x2200 && c <= 0x22ff) || // mathematical operators
    (c >= 0x2460 && c <= 0x24ff) || // enclosed alphanumerics ① ⑴ ⒈
    (c >= 0x2500 && c <= 0x25ff) || // box drawing, blocks, geometric shapes □ ■ ○ ●
    (c >= 0x2600 && c <= 0x27bf) || // misc symbols ★ ☆ ✓
    (c >= 0x3200 && c <= 0x33ff) || // enclosed CJK ㈠ and CJK compatibility ㎡
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals (text/normalise maps them)
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms ︵
    (c >= 0x0391 && c <= 0x03c9) // Greek letters (α, β, Ω in formulas)
  );
}

export const EMPTY_STATS: Readonly<CharStats> = { total: 0, han: 0, privateUse: 0, replacement: 0, control: 0, latin1: 0, latin1Runs: 0, unusual: 0, rareHan: 0, symbolRuns: 0 };

/** Counts the character classes of `text` (whitespace and U+3000 ignored). */
export function charStats(text: string): CharStats {
  const s: CharStats = { ...EMPTY_STATS };
  let run = 0; // current run of Latin-1 mojibake characters
  const endRun = (): void => {
    if (run >= 2) s.latin1Runs += run;
    run = 0;
  };
  let symbols: string[] = []; // current run of ASCII symbols
  const endSymbols = (): void => {
    if (symbols.length >= 3 && new Set(symbols).size >= 3) s.symbolRuns += symbols.length;
    symbols = [];
  };
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ASCII_SYMBOL.test(ch)) symbols.push(ch);
    else endSymbols();
    if (/\s/u.test(ch) && c !== 0xfffd) {
      endRun();
      continue;
    }
    s.total++;
    if (isLatin1Mojibake(ch, c)) {
      s.latin1++;
      run++;
      continue;
    }
    endRun();
    if (isPrivateUse(c)) s.privateUse++;
    else if (c === 0xfffd) s.replacement++;
    else if (isControl(c)) s.control++;
    else if (isRareHan(c)) s.rareHan++;
    else if (isHan(ch)) s.han++;
    else if (c < 0x80 || isCjk(ch) || LATIN1_ORDINARY.has(ch) || isCommonSymbol(c)) continue;
    else s.unusual++;
  }
  endRun();
  endSymbols();
  return s;
}

/** Adds two stats (pages are counted item by item). */
export function addStats(a: CharStats, b: CharStats): CharStats {
  return {
    total: a.total + b.total,
    han: a.han + b.han,
    privateUse: a.privateUse + b.privateUse,
    replacement: a.replacement + b.replacement,
    control: a.control + b.control,
    latin1: a.latin1 + b.latin1,
    latin1Runs: a.latin1Runs + b.latin1Runs,
    unusual: a.unusual + b.unusual,
    rareHan: a.rareHan + b.rareHan,
    symbolRuns: a.symbolRuns + b.symbolRuns,
  };
}

