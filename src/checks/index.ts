/**
 * The check engine: runs every rule over the extracted outputs of one document and collects the
 * findings (with evidence: page and box in PDF points, top-left origin) and a summary of what was
 * verified. A rule that throws becomes a `check.internal-error` finding, never a crash.
 */
import type { CheckInput, Rule, RuleResult } from '../model/check.ts';
import type { CheckSummary, Finding, RuleSummary } from '../model/findings.ts';
import { SEVERITIES } from '../model/severity.ts';
import { citationRule } from './rules/citation.ts';
import { countClaimRule } from './rules/countClaim.ts';
import { duplicatePassageRule } from './rules/duplicatePassage.ts';
import { disclosureIdentityRule, disclosureMissingRule } from './rules/disclosureTables.ts';
import { disclosureTextRule } from './rules/disclosureText.ts';
import { duplicateRowRule } from './rules/duplicateRow.ts';
import { listSeparatorRule } from './rules/listSeparator.ts';
import { ocrConfidenceRule } from './rules/ocrConfidence.ts';
import { pairingRangeRule } from './rules/pairingRange.ts';
import { sectionCountRule } from './rules/sectionCount.ts';
import { sequenceDuplicateRule, sequenceGapRule } from './rules/sequence.ts';
import { sumRule } from './rules/sum.ts';
import { yearRule } from './rules/year.ts';

/** Every rule, in the order they run and are listed in the summary. */
export const RULES: readonly Rule[] = [
  sumRule,
  yearRule,
  sectionCountRule,
  sequenceGapRule,
  sequenceDuplicateRule,
  duplicateRowRule,
  countClaimRule,
  pairingRangeRule,
  listSeparatorRule,
  citationRule,
  duplicatePassageRule,
  ocrConfidenceRule,
  disclosureMissingRule,
  disclosureIdentityRule,
  disclosureTextRule,
];

/** Rule id of the finding a throwing rule becomes. */
export const INTERNAL_ERROR_RULE = 'check.internal-error';

/** Sort key of a finding: severity, then page and top of its first evidence. */
function compareFindings(a: Finding, b: Finding): number {
  const sev = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (sev !== 0) return sev;
  const pa = a.evidence[0]?.page ?? Number.MAX_SAFE_INTEGER;
  const pb = b.evidence[0]?.page ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return (a.evidence[0]?.bbox.top ?? 0) - (b.evidence[0]?.bbox.top ?? 0);
}

function runOne(rule: Rule, input: CheckInput): { result: RuleResult; error: Finding | null } {
  try {
    return { result: rule.run(input), error: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      result: { findings: [], checked: 0, passed: 0, verified: [] },
      error: {
        rule: INTERNAL_ERROR_RULE,
        severity: 'warning',
        message: `检查规则 ${rule.id} 运行出错，未完成检查：${reason}`,
        expected: null,
        actual: rule.id,
        evidence: [],
      },
    };
  }
}

/** Runs the rules on one document's outputs: findings sorted by severity then page, and the summary. */
export function runChecks(input: CheckInput, rules: readonly Rule[] = RULES): { findings: Finding[]; summary: CheckSummary } {
  const findings: Finding[] = [];
  const summaries: RuleSummary[] = [];
  for (const rule of rules) {
    const { result, error } = runOne(rule, input);
    findings.push(...result.findings);
    if (error) findings.push(error);
    summaries.push({
      rule: rule.id,
      severity: rule.severity,
      description: rule.description,
      checked: result.checked,
      passed: Math.min(result.passed, result.checked),
      failed: Math.max(0, result.checked - result.passed),
      verified: result.verified,
    });
  }
  findings.sort(compareFindings);
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  return { findings, summary: { rules: summaries, findings: { error: count('error'), warning: count('warning'), info: count('info') } } };
}
