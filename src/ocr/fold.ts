/**
 * Folds the punctuation OCR engines read in Latin form back to what a 公文 prints (issue #4):
 * 丶 → 、, '·' between Han → 、, ASCII ( ) beside Han → （ ）, ASCII , ; : beside Han → full width,
 * spaces between Han removed (tightenCjk). Digits and Latin stay ASCII. Angle brackets that an
 * engine reads for round ones are paired back: '《' or '〈' closed by ')' / '）' → '（', and '》' or
 * '〉' closing a '（' → '）' (tesseract reads '（东西湖区）' as '《东西湖区）' or '〈东西湖区 )'). A '|' at
 * either end is a border remnant and goes.
 */
import { isCjk, isHan, tightenCjk } from '../text/spacing.ts';

const FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：' };

/** OCR text → text with Chinese punctuation where it stands beside Han (see the file comment). */
export function foldOcrText(s: string): string {
  // '48,000. 00': a space an engine puts after a number's separator
  // a vertical bar at either end is a cell border the engine read as text ('| 40'); 公文 print none
  const joined = s.replace(/^[\s|｜]+|[\s|｜]+$/gu, '').replace(/丶/g, '、').replace(/([0-9０-９][,.，．])\s+(?=[0-9０-９])/gu, '$1');
  const chars = Array.from(tightenCjk(joined));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = out[out.length - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if ((ch === '《' || ch === '〈') && nextBracket(chars, i + 1) === 'round') {
      out.push('（');
    } else if ((ch === '》' || ch === '〉') && hasOpenFull(out)) {
      out.push('）');
    } else if ((ch === '·' || ch === '•') && isHan(prev) && isHan(next)) {
      out.push('、');
    } else if (ch in FULL && (isCjk(prev) || isCjk(next) || (ch === ')' && hasOpenFull(out)))) {
      // ':' between digits (a time) stays ASCII
      if (ch === ':' && /\d/.test(prev) && /\d/.test(next)) out.push(ch);
      else out.push(FULL[ch]!);
    } else {
      out.push(ch);
    }
  }
  return tightenCjk(out.join(''));
}

/** The kind of the first closing bracket at or after `from`: round ')' '）', angle '》' '〉', or none. */
function nextBracket(chars: readonly string[], from: number): 'round' | 'angle' | null {
  for (let i = from; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ')' || c === '）') return 'round';
    if (c === '》' || c === '〉' || c === '《' || c === '〈' || c === '(' || c === '（') return 'angle';
  }
  return null;
}

/** Is there a '（' without its '）' in `out`? (then ')' closes it, even after a digit) */
function hasOpenFull(out: readonly string[]): boolean {
  let depth = 0;
  for (const c of out) {
    if (c === '（') depth++;
    else if (c === '）') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}
