/**
 * 文号 (document numbers) such as 武办文〔2021〕40号, 鄂政办发[2022] 15 号, 国办发（2021）7号:
 * `<prefix>[〔［[（(【]<year>[〕］]）)】]<serial>号`, optional spaces, full-width digits allowed.
 */
import type { DocNumber } from '../model/types.ts';
import { toAsciiDigits } from './geometry.ts';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const OPEN = '〔［\\[（(【｛{';
const CLOSE = '〕］\\]）)】｝}';
/** body of a 文号 once spaces are removed; groups: prefix, year, serial */
const CORE = `([${HAN}]{1,12})[${OPEN}]((?:19|20)\\d{2})[${CLOSE}]第?(\\d{1,5})号`;
const WHOLE = new RegExp(`^${CORE}$`);
const ANYWHERE = new RegExp(`([${HAN}]{1,8})[${OPEN}]((?:19|20)\\d{2})[${CLOSE}]第?(\\d{1,5})号`, 'g');

function build(raw: string, m: RegExpMatchArray): DocNumber {
  const prefix = m[1]!;
  const year = Number(m[2]);
  const digits = m[3]!;
  return { raw, normalized: `${prefix}〔${year}〕${digits}号`, prefix, year, serial: Number(digits) };
}

/**
 * Parses a string that IS a 文号 (surrounding and inner spaces allowed). A string holding more —
 * '（中办发〔2021〕27号）', prose around it — is not one: use {@link findDocNumbers} for citations.
 */
export function parseDocNumber(s: string): DocNumber | null {
  const raw = s.trim();
  const m = toAsciiDigits(raw).replace(/[\s\u3000]+/g, '').match(WHOLE);
  return m ? build(raw, m) : null;
}

/**
 * Every 文号 cited in a text, in order (for prose citations such as '（鄂办发〔2021〕17号）').
 * The prefix is the run of up to 8 Han characters before the bracket, so in run-on prose it may
 * include a preceding word. `raw` is the compacted match (spaces removed).
 */
export function findDocNumbers(text: string): DocNumber[] {
  const s = toAsciiDigits(text).replace(/[\s\u3000]+/g, '');
  return [...s.matchAll(ANYWHERE)].map((m) => build(m[0], m));
}
