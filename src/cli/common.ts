/** What the CLI commands share: usage errors, one-line messages, severity option parsing. */
import { SEVERITIES, type Severity } from '../model/severity.ts';
import { t } from '../i18n/index.ts';

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** `--fail-on` value → severity threshold ('none' never fails). */
export function parseFailOn(value: string | undefined, fallback: Severity | 'none'): Severity | 'none' {
  if (value === undefined) return fallback;
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value)) return value as Severity | 'none';
  throw new UsageError(t('opt.oneOf', { name: 'fail-on', choices: 'error, warning, info, none', value }));
}

/** Findings by severity as 'N error, N warning, N info' (in the current language). */
export function severityCounts(counts: Record<Severity, number>): string {
  return t('sev.counts', { ...counts });
}
