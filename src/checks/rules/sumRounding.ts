/**
 * sum.rounding: a total that differs from the sum of its parts by no more than the printed
 * rounding — one unit of the last printed digit per part (0.01 × 3 for three parts printed with
 * two decimals). Each figure was rounded on its own from an exact amount, so the page is not wrong:
 * the difference is reported as an info note, never as a sum.total-mismatch error.
 */
import type { Finding } from '../../model/findings.ts';
import type { Tally } from '../context.ts';
import { sumNumbers } from '../tables.ts';
import type { PrintedNumber } from '../text.ts';

export const ROUNDING_RULE = 'sum.rounding';

/**
 * Where rounding explains a difference: 'none' never (any table but a subject table: a long list's
 * allowance would hide real slips, and counts are never rounded); 'all' in subject tables, whose
 * figures are each rounded from 元 or 分, integers included.
 */
export type RoundingScope = 'none' | 'all';

/**
 * Largest difference the printed rounding explains: one unit of the last printed digit per part
 * (each part at its own precision: 0.01 × 3 for three parts printed with two decimals), or one unit
 * of the total's own last digit when the total is printed coarser (22,118,861 over parts in 分).
 */
export function roundingAllowance(stated: PrintedNumber, parts: readonly PrintedNumber[]): number {
  return Math.max(10 ** -stated.decimals, parts.reduce((s, p) => s + 10 ** -p.decimals, 0));
}

/** Whether |stated − Σ parts| (not zero) is within the printed rounding, in `scope`. */
export function withinRounding(stated: PrintedNumber, parts: readonly PrintedNumber[], scope: RoundingScope): boolean {
  if (parts.length === 0 || scope === 'none') return false;
  return Math.abs(stated.value - sumNumbers(parts).value) <= roundingAllowance(stated, parts) + 1e-9;
}

/** The info a mismatch finding becomes when rounding explains it (same evidence, values and wording, plus why). */
export function asRounding(f: Finding): Finding {
  return { ...f, rule: ROUNDING_RULE, severity: 'info', message: `${f.message}，差额在逐项四舍五入的范围内` };
}

/** Records a failed sum: as a sum.rounding info (the check counted as passed) when rounding explains it, else as the error. */
export function failOrRounding(tally: Tally, finding: Finding, stated: PrintedNumber, parts: readonly PrintedNumber[], scope: RoundingScope): void {
  if (withinRounding(stated, parts, scope)) {
    tally.pass();
    tally.findings.push(asRounding(finding));
  } else tally.fail(finding);
}
