/**
 * Per extracted output folder of a 部门预算/决算公开: the set claimed, the standard tables
 * recognised, the standard ones not recognised (reported as missing only when no untitled table
 * could be one of them: 'missing reported'), identity checks run/passed/failed, 情况说明 figures checked, and the
 * findings of the disclosure rules by severity ("after"; "before" = the same outputs with the
 * disclosure rules absent: no such findings).
 *
 *   node bin/run-ts.mjs scripts/budget/disclosure.ts <out-dir>... [--findings]
 *
 * An <out-dir> is a folder written by `gongwen extract` (document.json, tables.json,
 * paragraphs.json) or a folder of such folders.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { disclosuresOf } from '../../src/checks/disclosure/document.ts';
import { KIND_NAMES, REQUIRED_KINDS } from '../../src/checks/disclosure/tables.ts';
import { runChecks } from '../../src/checks/index.ts';
import { disclosureIdentityRule, disclosureMissingRule } from '../../src/checks/rules/disclosureTables.ts';
import { disclosureTextRule } from '../../src/checks/rules/disclosureText.ts';
import { loadReviewInput } from '../../src/write/load.ts';
import { tablesToRecords } from '../../src/records/index.ts';

const args = process.argv.slice(2);
const showFindings = args.includes('--findings');
const roots = args.filter((a) => !a.startsWith('--'));
if (roots.length === 0) {
  console.error('usage: disclosure.ts <out-dir>... [--findings]');
  process.exit(2);
}

function folders(root: string): string[] {
  if (!existsSync(root)) {
    console.error(`${root}: no such folder`);
    process.exit(2);
  }
  if (existsSync(join(root, 'document.json'))) return [root];
  return readdirSync(root)
    .filter((n) => !n.startsWith('_') && existsSync(join(root, n, 'document.json')))
    .sort()
    .map((n) => join(root, n));
}

const rules = [disclosureMissingRule, disclosureIdentityRule, disclosureTextRule];
const rows: string[][] = [['file', 'set', 'recognised', 'not recognised', 'missing reported', 'identities run/pass/fail', 'text run/pass/fail', 'E/W/I']];
for (const dir of roots.flatMap(folders)) {
  let input;
  try {
    input = await loadReviewInput(dir);
  } catch (err) {
    console.error(`${dir}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
    continue;
  }
  const records = tablesToRecords(input.tables).records;
  const check = { ...input, records };
  const ds = disclosuresOf(check);
  const { findings, summary } = runChecks(check, rules);
  const s = (id: string): string => {
    const r = summary.rules.find((x) => x.rule === id)!;
    return `${r.checked}/${r.passed}/${r.failed}`;
  };
  const set = ds.map((d) => d.set).join('+') || '-';
  const recognised = ds.flatMap((d) => d.recognised.map((r) => `${KIND_NAMES[r.kind]}${r.by === 'header' ? '(h)' : ''}`));
  const missing = ds.flatMap((d) => (d.recognised.length >= 3 ? REQUIRED_KINDS.filter((k) => !d.recognised.some((r) => r.kind === k)).map((k) => KIND_NAMES[k]) : []));
  const sev = (x: string): number => findings.filter((f) => f.severity === x).length;
  rows.push([
    basename(dir).slice(0, 40),
    set,
    `${recognised.length}`,
    missing.join('、') || '-',
    `${summary.rules.find((x) => x.rule === 'disclosure.missing-table')!.failed}`,
    s('disclosure.identity'),
    s('disclosure.text-figure'),
    `${sev('error')}/${sev('warning')}/${sev('info')}`,
  ]);
  if (showFindings) {
    console.log(`## ${basename(dir)}: ${recognised.join('、')}`);
    for (const f of findings) console.log(`  [${f.severity}] ${f.rule} p.${f.evidence.map((e) => e.page).join(',')}: ${f.message}`);
  }
}
console.log('before (without the disclosure rules): 0 disclosure findings, 0 checks in every file');
for (const r of rows) console.log(r.join('\t'));
