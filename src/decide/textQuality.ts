/**
 * Per-page decision of issue #4: read the page from its text layer ('text'), by OCR ('ocr'), or
 * both ('both': the text layer where it is, OCR for the ink it does not explain — a scanned
 * attachment image beside real text). OCR alone ('ocr', the text layer dropped) only when the page
 * has no text or its text is garbled (private-use or replacement characters, controls, mojibake,
 * runs of ASCII symbols — an embedded font with a broken or missing ToUnicode map). Real but odd
 * characters (other scripts, rare ideographs) and one character repeated over and over are checked
 * against OCR instead, which replaces them only when it reads confidently otherwise (agreement.ts).
 * A clean text layer
 * says what it says, so where it covers little of the rendered ink the page is read 'both' and OCR
 * only adds what lies outside it (issue #10: a date line kept, '目录' never replaced by the OCR of
 * a render that lacks the font).
 */
import type { PageInfo, TextItem } from '../model/types.ts';
import { addStats, charStats, EMPTY_STATS, type CharStats } from './chars.ts';
import type { InkCoverage } from './ink.ts';
import { isHan } from '../text/spacing.ts';

export type PageDecision = 'text' | 'ocr' | 'both';

export interface TextQuality {
  /** 0..1: how far the text layer can be trusted (readable share × ink coverage when known) */
  score: number;
  /** why, one short phrase each ('no text', 'garbled: 30% private-use', …); [] for a clean page */
  reasons: string[];
  decision: PageDecision;
  /** the text alone cannot decide (little text): measure the ink */
  needsInk?: true;
}

export interface TextQualitySettings {
  /**
   * Fewer non-whitespace characters than this is "little text": with no ink measure the page is
   * read 'both' (a scan with a page number on it) and `needsInk` is set; with one, the ink decides. @default 10
   */
  readonly minChars: number;
  /**
   * Garbled characters (private use, U+FFFD, controls, Latin-1 mojibake, runs of ASCII symbols) above
   * this share of all characters: the text layer is garbled → 'ocr'. A real notice has ~0–2%
   * (a '×', a 'é'); a broken font map gives 20–100%. @default 0.1
   */
  readonly maxGarbledShare: number;
  /** Share of the ink inside text boxes from which the text layer alone is enough. @default 0.85 */
  readonly textMinCoverage: number;
  /**
   * Ink outside the text boxes smaller than this share of the page area is ignored (a logo, a
   * signature, a seal): the page stays 'text'. @default 0.01
   */
  readonly minOutsideShare: number;
  /**
   * ...unless the page paints an image covering at least this share of the page: a scanned table
   * beside a caption has little ink too (0.8% of the page for a 5-row table), a seal covers 1–3%. @default 0.06
   */
  readonly sealMaxImageShare: number;
  /**
   * Han characters standing in runs of three or more of the same character ('針針針針'), as a share
   * of the page's Han characters, above which the text alone cannot decide (a font whose ToUnicode
   * map sends many glyphs to one character): OCR cross-checks the page (decide/agreement.ts).
   * Prose repeats a character three times almost never; at least `minChars` characters must be in such runs. @default 0.3
   */
  readonly maxRepeatedShare: number;
}

export const DEFAULT_TEXT_QUALITY: TextQualitySettings = {
  minChars: 10,
  maxGarbledShare: 0.1,
  textMinCoverage: 0.85,
  minOutsideShare: 0.01,
  sealMaxImageShare: 0.06,
  maxRepeatedShare: 0.3,
};

/** Han characters of `items` that stand in runs of ≥ 3 of the same character, and all Han characters. */
export function repeatedHan(items: readonly TextItem[]): { repeated: number; han: number } {
  const text = [...items.map((it) => it.orig).join('')].filter((c) => !/\s/u.test(c));
  let repeated = 0;
  let han = 0;
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    while (j < text.length && text[j] === text[i]) j++;
    if (isHan(text[i]!)) {
      han += j - i;
      if (j - i >= 3) repeated += j - i;
    }
    i = j;
  }
  return { repeated, han };
}

/** Character classes of all items of a page (their strings as the PDF gave them). */
export function pageCharStats(items: readonly TextItem[]): CharStats {
  return items.reduce<CharStats>((acc, it) => addStats(acc, charStats(it.orig)), { ...EMPTY_STATS });
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** The garbled share of `st` and a reason per kind of garbage present. */
export function garbledShare(st: CharStats): { share: number; reasons: string[] } {
  if (st.total === 0) return { share: 0, reasons: [] };
  const kinds: [number, string][] = [
    [st.privateUse, 'private-use code points'],
    [st.replacement, 'replacement characters (U+FFFD)'],
    [st.control, 'control characters'],
    [st.latin1, st.latin1Runs > 0 ? 'mojibake (runs of Latin-1 characters)' : 'isolated Latin-1 characters'],
    [st.symbolRuns, 'runs of ASCII symbols'],
  ];
  const bad = kinds.reduce((n, [k]) => n + k, 0);
  const reasons = kinds.filter(([k]) => k > 0).map(([k, what]) => `garbled: ${pct(k / st.total)} ${what}`);
  return { share: bad / st.total, reasons };
}

/**
 * Decides how to read one page. `items` are the page's text items (possibly empty); `ink` is
 * the share of the page's ink inside text boxes (0..1) or the full measure from
 * `inkOutsideText` (then small ink outside text, a seal or a logo, is ignored). Without `ink` the
 * decision rests on the text alone. `info` (page geometry) is part of the signature for the
 * pipeline; the decision does not use it yet.
 */
export function pageTextQuality(
  items: readonly TextItem[],
  info: PageInfo,
  ink?: number | InkCoverage,
  settings: Partial<TextQualitySettings> = {},
): TextQuality {
  void info;
  const s: TextQualitySettings = { ...DEFAULT_TEXT_QUALITY, ...settings };
  const st = pageCharStats(items);
  const coverage = ink === undefined ? undefined : typeof ink === 'number' ? ink : ink.coverage;
  const outsideShare = typeof ink === 'object' ? ink.outsideShare : undefined;

  if (st.total === 0) {
    const why = items.length > 0 ? 'no text (items decode to nothing: a font without ToUnicode?)' : 'no text';
    return { score: 0, reasons: [why], decision: 'ocr' };
  }
  const garbled = garbledShare(st);
  const readable = 1 - garbled.share;
  if (garbled.share > s.maxGarbledShare) {
    return { score: readable * (coverage ?? 1), reasons: garbled.reasons, decision: 'ocr' };
  }
  const reasons = [...garbled.reasons];
  const rep = repeatedHan(items);
  const repeated = rep.repeated >= s.minChars && rep.repeated > s.maxRepeatedShare * rep.han;
  if (repeated) reasons.push(`repeated characters: ${pct(rep.repeated / rep.han)} of the Han characters in runs of 3 or more`);
  // other scripts and rare ideographs are real characters (a name, a Japanese quote), not proof of a
  // broken font as private-use code points are: only a confident OCR reading that disagrees replaces them
  const rare = st.rareHan + st.unusual > s.maxGarbledShare * st.total;
  if (rare) reasons.push(`unusual characters: ${pct((st.rareHan + st.unusual) / st.total)} outside common Chinese/ASCII/punctuation (other scripts, CJK extension A or supplementary planes)`);
  if (coverage === undefined) {
    if (repeated || rare) return { score: readable, reasons, decision: 'text', needsInk: true };
    if (st.total < s.minChars) return { score: (readable * st.total) / s.minChars, reasons: [...reasons, `little text (${st.total} characters)`], decision: 'both', needsInk: true };
    return { score: readable, reasons, decision: 'text' };
  }
  const score = readable * coverage;
  const inkNote = `text covers ${pct(coverage)} of the ink`;
  const bigImage = typeof ink === 'object' && (ink.largestImageShare ?? 0) >= s.sealMaxImageShare;
  if (coverage >= s.textMinCoverage || (outsideShare !== undefined && outsideShare < s.minOutsideShare && !bigImage)) {
    return { score, reasons, decision: 'text' };
  }
  const little = st.total < s.minChars ? [`little text (${st.total} characters)`] : [];
  return { score, reasons: [...reasons, ...little, inkNote, 'ink outside the text boxes'], decision: 'both' };
}
