/**
 * Joining wrapped lines the way the text was typed. `joinWrapped` drops the line break; a document
 * that spaces digits from Han characters ('2023 年', '40 号') loses that space when the line broke
 * right at it, so where the surrounding text shows that style the space is put back.
 */
import { isHan, joinWrapped, tightenCjk } from '../text/spacing.ts';

const SPACED = /(\p{Script=Han} [0-9A-Za-z])|([0-9A-Za-z] \p{Script=Han})/gu;
const TIGHT = /(\p{Script=Han}[0-9A-Za-z])|([0-9A-Za-z]\p{Script=Han})/gu;

/** Whether texts put a space between Han characters and digits/Latin (at least 2 cases, ≥ 2 : 1). */
export function spacesDigits(texts: readonly string[]): boolean {
  let spaced = 0;
  let tight = 0;
  for (const t of texts) {
    const s = tightenCjk(t);
    spaced += s.match(SPACED)?.length ?? 0;
    tight += s.match(TIGHT)?.length ?? 0;
  }
  return spaced >= 2 && spaced >= 2 * tight;
}

/**
 * Joins wrapped pieces (joinWrapped), restoring a space at a Han|digit boundary when `spaced`;
 * CJK spacing tightened.
 */
export function joinStyled(pieces: readonly string[], spaced: boolean): string {
  let out = '';
  for (const raw of pieces) {
    const p = tightenCjk(raw);
    if (p === '') continue;
    const last = out.slice(-1);
    const first = p[0] ?? '';
    const alnum = /[0-9A-Za-z]/;
    const boundary = (alnum.test(last) && isHan(first)) || (isHan(last) && alnum.test(first));
    out = out !== '' && spaced && boundary ? out + ' ' + p : joinWrapped([out, p]);
  }
  return tightenCjk(out);
}
