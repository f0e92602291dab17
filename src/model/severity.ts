/** Finding severities, without the schemas (the CLI's argument checks need no zod). */

export type Severity = 'error' | 'warning' | 'info';
/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
