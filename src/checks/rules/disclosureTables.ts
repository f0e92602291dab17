/**
 * 部门预算/决算公开, the standard tables:
 * - `disclosure.missing-table` (warning): a document that claims a 部门预算公开 or 部门决算公开
 *   (its title) and carries the table set (at least 3 standard tables recognised) lacks one of
 *   the standard tables. A document with fewer recognised tables (a 情况说明 published apart from
 *   its tables), or with a table whose title was not found and whose header does not tell its
 *   kind (it may be the missing one), gets no such finding.
 * - `disclosure.identity` (error): cross-table identities — 收支总表 收入总计 = 支出总计; 收入总表
 *   and 支出总表 totals = 收支总表's; 财政拨款收支总表 收入总计 = 支出总计; 支出总表 基本支出 =
 *   基本支出表 合计; 基本支出 = 人员经费 + 公用经费; “三公” = 因公出国（境）+ 公务用车购置及运行 +
 *   公务接待; (预算, no 结转 printed in the 财政拨款收支总表) its 一般公共预算 / 政府性基金预算
 *   income = the 一般公共预算 / 政府性基金预算支出表 合计, its 支出合计 = the 财政拨款支出表 合计; (决算) 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. Amounts are converted to
 *   元 first; a difference within the printed rounding of the terms (half a unit of the last
 *   printed digit each) is an info note, never an error.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import { Tally } from '../context.ts';
import { disclosuresOf, namedAmounts, type Disclosure } from '../disclosure/document.ts';
import { KIND_NAMES, REQUIRED_KINDS, untitled } from '../disclosure/tables.ts';
import { continues } from '../tables.ts';
import { inYuan, roundingYuan, type CellAmount } from '../disclosure/values.ts';
import { cellEvidence, present, tableName, titleEvidence } from '../evidence.ts';
import { formatNumber } from '../text.ts';

export const MISSING_TABLE_RULE = 'disclosure.missing-table';
export const IDENTITY_RULE = 'disclosure.identity';
/** Fewest standard tables recognised before absent ones are reported. */
export const MIN_RECOGNISED = 3;

const SET_NAMES = { budget: '部门预算公开', final: '部门决算公开' } as const;

/** Missing standard tables of one disclosure. */
function checkMissing(d: Disclosure, tally: Tally): void {
  if (d.claim === null || d.recognised.length < MIN_RECOGNISED) return;
  // a table whose title was not found may be the one missing: then absence cannot be told
  const unknown = d.tables.filter((t) => untitled(t) && !d.recognised.some((r) => r.table === t) && !continues(d.tables, t));
  if (unknown.length > 0) return;
  const have = new Set(d.recognised.map((r) => r.kind));
  const first = d.recognised[0]!.table;
  for (const kind of REQUIRED_KINDS) {
    if (have.has(kind)) {
      tally.pass(`${KIND_NAMES[kind]}: ${tableName(d.recognised.find((r) => r.kind === kind)!.table)}`);
      continue;
    }
    tally.fail({
      rule: MISSING_TABLE_RULE,
      severity: 'warning',
      message: `文件自称《${d.claim}》（${SET_NAMES[d.set]}），已识别 ${d.recognised.length} 张标准表，未找到${KIND_NAMES[kind]}`,
      expected: KIND_NAMES[kind],
      actual: null,
      evidence: present([titleEvidence(first)]),
    });
  }
}

/** An amount as printed with its unit: '24,169.74 万元'. */
function shown(a: CellAmount): string {
  return `${a.table.rows[a.row]![a.col]!.trim()} ${a.unit}`;
}

/** A value in 元 in the unit of `like`, with its decimals. */
function inUnitOf(yuan: number, like: CellAmount): string {
  const f = like.unit === '亿元' ? 1e8 : like.unit === '万元' ? 1e4 : 1;
  return `${formatNumber(yuan / f, like.value.decimals)} ${like.unit}`;
}

/** One identity: `total` = Σ `parts`, each side a table cell. Skipped when any term is missing. */
function identity(name: string, total: CellAmount | null, parts: (CellAmount | null)[], tally: Tally, findings: Finding[]): void {
  if (!total || parts.length === 0 || parts.some((p) => p === null)) return;
  const terms = parts as CellAmount[];
  const sum = terms.reduce((s, p) => s + inYuan(p), 0);
  const diff = Math.abs(inYuan(total) - sum);
  const tolerance = [total, ...terms].reduce((s, p) => s + roundingYuan(p), 0);
  const eq = `${total.label} ${shown(total)} = ${terms.map((p) => `${p.label} ${shown(p)}`).join(' + ')}`;
  const evidence = present([total, ...terms].map((a) => cellEvidence(a.table, a.row, a.col)));
  const where = [...new Set([total, ...terms].map((a) => tableName(a.table)))].join('、');
  if (diff < 1e-6) {
    tally.pass(`${name}: ${eq}`);
    return;
  }
  if (diff <= tolerance + 1e-6) {
    tally.pass(`${name}: ${eq}（差 ${formatNumber(diff, 2)} 元，在印刷舍入范围内）`);
    findings.push({
      rule: IDENTITY_RULE,
      severity: 'info',
      message: `${name}：${where}相差 ${formatNumber(diff, 2)} 元，在各数印刷舍入（容差 ${formatNumber(tolerance, 2)} 元）之内`,
      expected: inUnitOf(sum, total),
      actual: shown(total),
      evidence,
    });
    return;
  }
  tally.fail({
    rule: IDENTITY_RULE,
    severity: 'error',
    message: `${name}不成立：${where}中 ${total.label} ${shown(total)}，而 ${terms.map((p) => `${p.label} ${shown(p)}`).join(' + ')} = ${inUnitOf(sum, total)}（容差 ${formatNumber(tolerance, 2)} 元）`,
    expected: inUnitOf(sum, total),
    actual: shown(total),
    evidence,
  });
}

/** `a` equals one of `candidates` (the first found is the comparison shown when none does). */
function agreesWithOne(name: string, a: CellAmount | null, candidates: (CellAmount | null)[], tally: Tally, findings: Finding[]): void {
  const found = candidates.filter((c): c is CellAmount => c !== null);
  if (!a || found.length === 0) return;
  const hit = found.find((c) => Math.abs(inYuan(c) - inYuan(a)) <= roundingYuan(c) + roundingYuan(a) + 1e-6);
  identity(name, hit ?? found[0]!, [a], tally, findings);
}

function checkIdentities(d: Disclosure, tally: Tally, findings: Finding[]): void {
  const n = namedAmounts(d);
  identity('收支总表 收入总计 = 支出总计', n.incomeGrand, [n.expenseGrand], tally, findings);
  agreesWithOne('收入总表合计 = 收支总表收入', n.incomeTotal, [n.incomeGrand, n.incomeYear], tally, findings);
  agreesWithOne('支出总表合计 = 收支总表支出', n.expenseTotal, [n.expenseGrand, n.expenseYear], tally, findings);
  identity('财政拨款收支总表 收入总计 = 支出总计', n.fiscalIncome, [n.fiscalExpense], tally, findings);
  // 预算: the 财政拨款 tables agree (a 决算's, or a budget's carrying 结转, differ by the carried amounts)
  if (d.set === 'budget' && !n.fiscalCarried) {
    identity('财政拨款收支总表 一般公共预算 = 一般公共预算支出表 合计', n.fiscalGeneral, [n.generalTotal], tally, findings);
    identity('财政拨款收支总表 政府性基金预算 = 政府性基金预算支出表 合计', n.fiscalFund, [n.fundTotal], tally, findings);
    identity('财政拨款收支总表 支出合计 = 财政拨款支出表 合计', n.fiscalExpense, [n.fiscalTableTotal], tally, findings);
  }
  if (n.basicPersonnel && n.basicPublic) identity('基本支出 = 人员经费 + 公用经费', n.basicTotal, [n.basicPersonnel, n.basicPublic], tally, findings);
  identity('“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费', n.threeTotal, [n.threeAbroad, n.threeCars, n.threeReception], tally, findings);
  if (d.set === 'final') {
    identity('支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', n.expenseGrand, [n.expenseYear, n.surplusAllocation, n.carryOver], tally, findings);
  }
}

export function runDisclosureMissing(input: CheckInput): RuleResult {
  const tally = new Tally();
  for (const d of disclosuresOf(input)) checkMissing(d, tally);
  return tally.result();
}

export function runDisclosureIdentities(input: CheckInput): RuleResult {
  const tally = new Tally();
  const notes: Finding[] = [];
  for (const d of disclosuresOf(input)) checkIdentities(d, tally, notes);
  const r = tally.result();
  return { ...r, findings: [...r.findings, ...notes] };
}

export const disclosureMissingRule: Rule = {
  id: MISSING_TABLE_RULE,
  severity: 'warning',
  description: '部门预算/决算公开 (claimed by its title, with its table set) has every standard table (收支总表 … “三公”经费支出表)',
  run: runDisclosureMissing,
};

export const disclosureIdentityRule: Rule = {
  id: IDENTITY_RULE,
  severity: 'error',
  description: '部门预算/决算公开 cross-table identities (收支/收入/支出总表 totals, 财政拨款收支平衡, 基本支出 = 人员经费 + 公用经费, “三公” parts, 决算 结转结余), units converted, printed rounding tolerated',
  run: runDisclosureIdentities,
};
