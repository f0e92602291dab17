/**
 * The check summary: what was verified and passed (the facts each rule verified, e.g.
 * '2368 = 618 + 1750 ✓') beside what failed (rules with failures, linked to their findings), then
 * every rule with its counts.
 */
import type { CheckSummary, Finding } from '../model/findings.ts';
import { esc } from './html.ts';
import { lang, t } from '../i18n/index.ts';
import { RULES_ZH } from '../i18n/messages.ts';
import { factToZh } from '../i18n/facts.ts';

/** A rule's description in the report's language. */
const describe = (rule: string, english: string): string => (lang() === 'zh' ? (RULES_ZH[rule] ?? english) : english);
import { severityBadges } from './glance.ts';

/** Rule id → anchor id of its first finding. */
function firstFindingAnchor(findings: readonly Finding[]): Map<string, string> {
  const m = new Map<string, string>();
  findings.forEach((f, i) => {
    if (!m.has(f.rule)) m.set(f.rule, `finding-${i}`);
  });
  return m;
}

export function summaryHtml(summary: CheckSummary | null, findings: readonly Finding[]): string {
  if (!summary) return `<section id="checks"><h2>${esc(t('r.c.title'))}</h2><p class="muted">${t('r.c.none')}</p></section>`;
  const anchors = firstFindingAnchor(findings);
  const verified = summary.rules.flatMap((r) => r.verified.map((v) => ({ rule: r.rule, fact: lang() === 'zh' ? factToZh(v) : v })));
  const failedRules = summary.rules.filter((r) => r.failed > 0);
  const found = new Map<string, number>();
  for (const f of findings) found.set(f.rule, (found.get(f.rule) ?? 0) + 1);
  // findings of rules missing from the summary (record stage, OCR) are failures too
  const extra = [...found.keys()].filter((r) => !summary.rules.some((s) => s.rule === r));

  const passedList = verified.length
    ? verified.map((v) => `<li><span class="ok">✓</span> ${esc(v.fact)} <span class="rule-id">${esc(v.rule)}</span></li>`).join('')
    : `<li class="muted">${esc(t('r.c.nothingVerified'))}</li>`;
  const failedItems = [
    ...failedRules.map((r) => {
      const a = anchors.get(r.rule);
      const label = esc(t('r.c.ruleFailed', { rule: r.rule, failed: r.failed, checked: r.checked }));
      return `<li class="sev-${esc(r.severity)}"><span class="bad">✗</span> ${a ? `<a href="#${a}" data-goto="${a}">${label}</a>` : label} <span class="muted">${esc(describe(r.rule, r.description))}</span></li>`;
    }),
    ...extra.map((rule) => {
      const a = anchors.get(rule)!;
      return `<li><span class="bad">✗</span> <a href="#${a}" data-goto="${a}">${esc(t(found.get(rule) === 1 ? 'r.c.ruleFindings1' : 'r.c.ruleFindings', { rule, n: found.get(rule)! }))}</a></li>`;
    }),
  ];
  const failedList = failedItems.length ? failedItems.join('') : `<li class="muted">${esc(t('r.c.nothingFailed'))}</li>`;

  const rows = summary.rules
    .map((r) => {
      const mark = r.checked === 0 ? '<span class="muted">–</span>' : r.failed > 0 ? '<span class="bad">✗</span>' : '<span class="ok">✓</span>';
      return (
        `<tr class="${r.failed > 0 ? 'failed' : ''}"><td>${mark}</td><td class="nowrap"><code>${esc(r.rule)}</code></td><td>${esc(t(`r.sev.${r.severity}`))}</td>` +
        `<td class="num">${r.checked}</td><td class="num">${r.passed}</td><td class="num">${r.failed}</td><td>${esc(describe(r.rule, r.description))}</td></tr>`
      );
    })
    .join('');
  const counts = summary.findings;
  return (
    `<section id="checks"><h2>${esc(t('r.c.title'))}</h2>` +
    `<p class="counts">${severityBadges(counts)}` +
    esc(t('r.c.totals', { rules: summary.rules.length, checks: summary.rules.reduce((s, r) => s + r.checked, 0), passed: summary.rules.reduce((s, r) => s + r.passed, 0) })) + '</p>' +
    '<div class="two">' +
    `<div class="col passed"><h3>${esc(t('r.c.passed', { n: verified.length }))}</h3><ul class="facts-list">${passedList}</ul></div>` +
    `<div class="col failed"><h3>${esc(t('r.c.failed', { n: failedItems.length }))}</h3><ul class="facts-list">${failedList}</ul></div>` +
    '</div>' +
    `<details class="rules"><summary>${esc(t('r.c.every'))}</summary><table class="grid"><thead><tr><th></th><th>${esc(t('r.c.col.rule'))}</th><th>${esc(t('r.c.col.severity'))}</th>` +
    `<th>${esc(t('r.c.col.checked'))}</th><th>${esc(t('r.c.col.passed'))}</th><th>${esc(t('r.c.col.failed'))}</th><th>${esc(t('r.c.col.what'))}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></details></section>`
  );
}
