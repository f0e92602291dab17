/**
 * Numbers in OCR'd text (issue #4): full-width digits told from their pitch in the pixels, a
 * number read in two pieces given one width, thousands read as dots repaired. Pixels are those of
 * the image the line was read from (top-left origin).
 */
import type { GrayImage } from '../raster/types.ts';
import { inkHeight } from './image.ts';
import type { LineGeometry } from './lineGeometry.ts';
import type { OcrLine } from './types.ts';

/** Full-width forms of the characters of a number. */
const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '．', '，': '，', '．': '．', '%': '％', '-': '－' };
const NUMBER_CHAR = /^[0-9０-９,.，．%％\-－]$/;
const DIGIT = /^[0-9０-９]$/;

export interface DigitWidthSettings {
  /** grey level below which a pixel is ink (0..255). @default 128 */
  readonly inkLevel: number;
  /** pitch / ink height at or above which digits are full width (measured: ASCII 0.71–0.94, full width 1.27–1.33). @default 1.1 */
  readonly fullWidthRatio: number;
  /** between this and fullWidthRatio the width is doubtful. @default 1 */
  readonly doubtRatio: number;
}

export const DEFAULT_DIGIT_WIDTH: DigitWidthSettings = { inkLevel: 128, fullWidthRatio: 1.1, doubtRatio: 1 };

/**
 * Full-width digits ('１２，３４５．６０', as some tables print amounts) from the pixels: an engine
 * reads them as ASCII, but they stand one em apart where ASCII digits stand half an em apart.
 * Measured against the run's ink height (digits about 0.7 em either way, a comma's tail a little
 * more): a run of three or more
 * number characters whose mean pitch is at least `fullWidthRatio` × that height is turned into
 * full-width forms; a pitch in the band below it is a doubt. Positions are pixels of `img`.
 */
export function digitWidths(img: GrayImage, line: OcrLine, settings: Partial<DigitWidthSettings> = {}): LineGeometry {
  const s = { ...DEFAULT_DIGIT_WIDTH, ...settings };
  const chars = Array.from(line.text);
  const xs = line.charX;
  if (!xs || xs.length !== chars.length) return { text: line.text, doubts: [] };
  const out = [...chars];
  const doubts: string[] = [];
  for (let i = 0; i < chars.length; ) {
    if (!NUMBER_CHAR.test(chars[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < chars.length && NUMBER_CHAR.test(chars[j + 1]!)) j++;
    const digits = chars.slice(i, j + 1).map((c, k) => ({ c, x: xs[i + k]! })).filter((d) => DIGIT.test(d.c));
    if (j - i + 1 >= 3 && digits.length >= 2) {
      const pitch = (xs[j]! - xs[i]!) / (j - i);
      const height = inkHeight(img, { x0: xs[i]! - pitch / 2, top: line.bbox.top, x1: xs[j]! + pitch / 2, bottom: line.bbox.bottom }, s.inkLevel);
      const ratio = height > 0 ? pitch / height : 0;
      if (ratio >= s.fullWidthRatio) {
        for (let k = i; k <= j; k++) out[k] = toFullWidth(chars[k]!);
      } else if (ratio >= s.doubtRatio) {
        doubts.push(`数字“${chars.slice(i, j + 1).join('')}”的全角/半角无法确定（字距 ${ratio.toFixed(2)} 倍字高）`);
      }
    }
    i = j + 1;
  }
  return { text: out.join(''), doubts };
}

function toFullWidth(c: string): string {
  if (/[0-9]/.test(c)) return String.fromCodePoint(0xff10 + Number(c));
  return FULL_WIDTH[c] ?? c;
}


/**
 * A number printed in one width: when a run of number characters mixes full-width and ASCII digits
 * (a number an engine read in two pieces, one measured full width), the minority follows the majority.
 */
export function unifyDigitWidth(text: string): string {
  // '４８，０００． 00': no space after a number's separator
  return text.replace(/([0-9０-９][,.，．])\s+(?=[0-9０-９])/gu, '$1').replace(/[0-9０-９][0-9０-９,.，．%％]*/gu, (run) => {
    const chars = Array.from(run);
    const full = chars.filter((c) => /[０-９]/.test(c)).length;
    const ascii = chars.filter((c) => /[0-9]/.test(c)).length;
    if (full === 0 || ascii === 0) return run;
    return full >= ascii ? chars.map(toFullWidth).join('') : chars.map(toAscii).join('');
  });
}

function toAscii(c: string): string {
  const code = c.codePointAt(0)!;
  if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
  return ({ '，': ',', '．': '.', '％': '%' } as Record<string, string>)[c] ?? c;
}

const DOTTED_THOUSANDS = /^([0-9０-９]{1,3})((?:[.．][0-9０-９]{3})+)([.．][0-9０-９]{1,2})$/u;

/**
 * A number read with dots for its thousands separators ('12.345.60', '１２．３４５．６０': an engine
 * confuses '，' and '．' in a scan): every dot but the last becomes a comma of the same width.
 * Returns the repaired text and a doubt, or null when the text is no such number.
 */
export function repairThousands(text: string): { text: string; doubt: string } | null {
  const m = DOTTED_THOUSANDS.exec(text.trim());
  if (!m) return null;
  const full = /[０-９]/u.test(text);
  const repaired = m[1]! + m[2]!.replace(/[.．]/gu, full ? '，' : ',') + m[3]!;
  return { text: repaired, doubt: `识别为“${text.trim()}”（千分位分隔符读成了小数点），已按金额格式改为“${repaired}”` };
}
