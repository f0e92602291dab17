/**
 * The CSV formula guard, the one rule every exported CSV follows (OWASP CSV injection): a cell a
 * spreadsheet would run as a formula — first character = + - @ tab or CR — gets a leading single
 * quote, unless it is a plain number ('-12.50', '+3', '-1,234.5', '-5%' stay numbers). A value that
 * already starts with quotes before such a character gets one more, so the guard is reversible.
 */

/** first character a spreadsheet runs as a formula, behind any quotes we added */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** a signed number as spreadsheets read it: digits, optional thousands commas, decimals, exponent or % */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

/** Whether `s` is a number a spreadsheet reads as a number, not a formula. */
export function isPlainNumber(s: string): boolean {
  return /\d/.test(s) && PLAIN_NUMBER.test(s);
}

/** "'=SUM(A1)" for '=SUM(A1)'; numbers and other strings unchanged. */
export function guardCell(s: string): string {
  return FORMULA_START.test(s) && !isPlainNumber(s) ? `'${s}` : s;
}

/** The reverse of `guardCell`. */
export function unguardCell(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s) && !isPlainNumber(s.slice(1)) ? s.slice(1) : s;
}

/** A cell as written: guarded unless `raw`. */
export function csvCell(s: string, raw: boolean): string {
  return raw ? s : guardCell(s);
}
